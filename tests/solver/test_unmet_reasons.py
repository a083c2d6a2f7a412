"""Every unmet request comes with the reason it is unmet; one event per reason."""

from __future__ import annotations

from solver import Attendee, Exclusion, UnmetReason, solve
from tests.solver.conftest import FAST, make_problem


def reasons(problem: object) -> dict[tuple[str, str], UnmetReason]:
    result = solve(problem, FAST)  # type: ignore[arg-type]
    return {(u.request.requester, u.request.requested): u.reason for u in result.unmet}


def test_excluded_pair() -> None:
    problem = make_problem("AB", [("A", "B", 3)], exclusions=(Exclusion("B", "A"),))
    assert reasons(problem) == {("A", "B"): UnmetReason.EXCLUDED}


def test_no_common_slot() -> None:
    attendees = (Attendee("A", frozenset({0})), Attendee("B", frozenset({1})))
    problem = make_problem("", [("A", "B", 1)], attendees=attendees)
    assert reasons(problem) == {("A", "B"): UnmetReason.NO_COMMON_SLOT}


def test_outside_the_requests_window() -> None:
    attendees = (Attendee("A", frozenset({0})), Attendee("B"))
    problem = make_problem("", [], attendees=attendees)
    from solver import Request
    problem = problem.__class__(problem.slots, problem.tables, problem.attendees,
                                (Request("A", "B", 2, frozenset({1, 2})),))
    assert reasons(problem) == {("A", "B"): UnmetReason.NO_COMMON_SLOT}


def test_requester_full() -> None:
    attendees = (Attendee("A", max_meetings=1), Attendee("B"), Attendee("C"))
    problem = make_problem("", [("A", "B", 3), ("A", "C", 1)], attendees=attendees)
    assert reasons(problem) == {("A", "C"): UnmetReason.REQUESTER_FULL}


def test_requested_full() -> None:
    attendees = (Attendee("A"), Attendee("B", max_meetings=1), Attendee("C"))
    problem = make_problem("", [("A", "B", 3), ("C", "B", 1)], attendees=attendees)
    assert reasons(problem) == {("C", "B"): UnmetReason.REQUESTED_FULL}


def test_lost_to_capacity_or_priorities() -> None:
    problem = make_problem("ABCD", [("A", "B", 3), ("C", "D", 1)], slots=1, tables=1)
    assert reasons(problem) == {("C", "D"): UnmetReason.CAPACITY_OR_PRIORITIES}


def test_left_out_for_longer_waits() -> None:
    # A meets B (slot 0 only) and C (slot 1 only); D meets E and F in slots 1 and 2, so
    # A and D can only meet in slot 3, which leaves A idle in slot 2. With room to give
    # up value for compactness, the nice-to-have A-D goes: a place is free for it, and
    # the reason says why it is empty.
    from solver import SolveOptions
    attendees = (Attendee("A"), Attendee("B", frozenset({0})), Attendee("C", frozenset({1})),
                 Attendee("D", frozenset({1, 2, 3})), Attendee("E", frozenset({1, 2})),
                 Attendee("F", frozenset({1, 2})))
    problem = make_problem("", [("A", "B", 3), ("A", "C", 3), ("D", "E", 3), ("D", "F", 3),
                                ("A", "D", 1)], attendees=attendees, slots=4, tables=3)
    result = solve(problem, SolveOptions(time_limit_seconds=5, workers=1,
                                         value_tolerance=0.2, value_share_of_bound=0.0))
    assert result.level("compactness").reached == 0
    assert {(u.request.requester, u.request.requested): u.reason for u in result.unmet} == {
        ("A", "D"): UnmetReason.LONGER_WAITS}
