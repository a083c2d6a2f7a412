"""Each hard rule: a case where it binds (the schedule gives way) and one where it does not."""

from __future__ import annotations

import pytest

from solver import (
    Attendee,
    Exclusion,
    LockedMeeting,
    ProblemError,
    solve,
)
from tests.solver.conftest import FAST, make_problem
from tests.solver.schedule_rules import violations


def pairs(result) -> set[frozenset[str]]:  # type: ignore[no-untyped-def]
    return {frozenset((m.a, m.b)) for m in result.meetings}


def test_nobody_is_in_two_meetings_in_one_slot() -> None:
    problem = make_problem("ABC", [("A", "B", 1), ("A", "C", 1)], slots=1)
    result = solve(problem, FAST)
    assert len(result.meetings) == 1 and not violations(problem, result.meetings)
    roomy = make_problem("ABC", [("A", "B", 1), ("A", "C", 1)], slots=2)
    assert len(solve(roomy, FAST).meetings) == 2


def test_one_meeting_per_table_per_slot() -> None:
    problem = make_problem("ABCD", [("A", "B", 1), ("C", "D", 1)], slots=1, tables=1)
    result = solve(problem, FAST)
    assert len(result.meetings) == 1 and not violations(problem, result.meetings)
    two_tables = make_problem("ABCD", [("A", "B", 1), ("C", "D", 1)], slots=1, tables=2)
    assert {m.table for m in solve(two_tables, FAST).meetings} == {0, 1}


def test_meetings_only_when_both_are_available() -> None:
    apart = (Attendee("A", frozenset({0})), Attendee("B", frozenset({1, 2})))
    problem = make_problem("", [("A", "B", 3)], attendees=apart)
    assert solve(problem, FAST).meetings == ()
    overlapping = (Attendee("A", frozenset({0, 2})), Attendee("B", frozenset({1, 2})))
    result = solve(make_problem("", [("A", "B", 3)], attendees=overlapping), FAST)
    assert [m.slot for m in result.meetings] == [2]


def test_excluded_pairs_never_meet_even_when_requested() -> None:
    problem = make_problem("AB", [("A", "B", 3)], exclusions=(Exclusion("B", "A"),))
    assert solve(problem, FAST).meetings == ()
    assert len(solve(make_problem("AB", [("A", "B", 3)]), FAST).meetings) == 1


def test_a_pair_meets_at_most_once() -> None:
    problem = make_problem("AB", [("A", "B", 3), ("B", "A", 3)], slots=5)
    result = solve(problem, FAST)
    assert len(result.meetings) == 1
    assert result.value == 10  # a mutual must-meet counts in both directions


def test_max_meetings_caps_an_attendee() -> None:
    capped = (Attendee("A", max_meetings=1), Attendee("B"), Attendee("C"))
    problem = make_problem("", [("A", "B", 1), ("A", "C", 2)], attendees=capped)
    result = solve(problem, FAST)
    assert pairs(result) == {frozenset("AC")}
    uncapped = make_problem("ABC", [("A", "B", 1), ("A", "C", 2)])
    assert len(solve(uncapped, FAST).meetings) == 2


def test_locked_meetings_keep_slot_and_table() -> None:
    lock = LockedMeeting(slot=2, table=3, a="A", b="B")
    problem = make_problem("ABCD", [("A", "B", 1), ("A", "C", 3), ("A", "D", 3)],
                           slots=3, locked=(lock,))
    result = solve(problem, FAST)
    placed = [m for m in result.meetings if {m.a, m.b} == {"A", "B"}]
    assert [(m.slot, m.table, m.locked) for m in placed] == [(2, 3, True)]
    assert not violations(problem, result.meetings)


def test_a_locked_meeting_may_join_people_who_did_not_ask() -> None:
    problem = make_problem("AB", [], locked=(LockedMeeting(0, 0, "A", "B"),))
    result = solve(problem, FAST)
    assert pairs(result) == {frozenset("AB")}


def test_only_requested_pairs_meet() -> None:
    problem = make_problem("ABCD", [("A", "B", 1)], slots=4)
    assert pairs(solve(problem, FAST)) == {frozenset("AB")}


def test_an_invalid_problem_lists_every_problem_at_once() -> None:
    problem = make_problem(
        "AB",
        [("A", "Z", 1), ("A", "B", 7)],
        locked=(LockedMeeting(0, 9, "A", "B"), LockedMeeting(0, 0, "A", "B")),
    )
    with pytest.raises(ProblemError) as raised:
        solve(problem, FAST)
    text = "\n".join(raised.value.problems)
    assert "unknown attendee 'Z'" in text
    assert "priority 7" in text
    assert "table number 10 does not exist" in text
    assert "A has another locked meeting then" in text
    assert "locked in more than one slot" in text


def test_every_window_of_a_repeated_request_holds() -> None:
    # Regression (found by hypothesis): a second request for the same person with a
    # narrower window was ignored when its priority was not higher.
    from solver import Request
    problem = make_problem("AB", [], slots=3)
    windows = (Request("A", "B", 1), Request("A", "B", 1, frozenset({2})))
    problem = problem.__class__(problem.slots, problem.tables, problem.attendees, windows)
    result = solve(problem, FAST)
    assert [m.slot for m in result.meetings] == [2]


def test_single_meeting_moves_close_gaps_and_keep_the_meetings() -> None:
    import time

    from solver.candidates import candidate_pairs
    from solver.compaction import compact_by_moves
    from solver.figures import figures_of
    problem = make_problem("ABC", [("A", "B", 1), ("A", "C", 1)], slots=5)
    candidates = candidate_pairs(problem, {1: 1, 2: 2, 3: 5})
    spread_out = [(0, 0), (1, 4)]  # A meets B at 0 and C at 4: three idle slots
    moved = compact_by_moves(problem, candidates, spread_out, time.monotonic() + 5)
    assert sorted(c for c, _ in moved) == [0, 1]
    assert figures_of(problem, candidates, spread_out, 2).idle_slots == 3
    assert figures_of(problem, candidates, moved, 2).idle_slots == 0
