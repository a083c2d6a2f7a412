"""Re-plan after a change: untouched meetings stay, freed places are refilled, changes listed."""

from __future__ import annotations

import random
from dataclasses import replace

from solver import Attendee, Meeting, Problem, Request, SolveOptions, replan, solve
from solver.bench.replan_bench import absent_from
from tests.solver.conftest import make_problem
from tests.solver.schedule_rules import violations

OPTIONS = SolveOptions(time_limit_seconds=5, workers=1, random_seed=2)


def busy_event(seed: int = 4) -> Problem:
    rng = random.Random(seed)
    people = [f"P{i:02d}" for i in range(16)]
    requests = [(a, b, rng.randint(1, 3)) for a in people for b in rng.sample(people, 5)
                if a != b]
    return make_problem(people, requests, slots=6, tables=5)


def key(m: Meeting) -> tuple[int, int, frozenset[str]]:
    return (m.slot, m.table, frozenset((m.a, m.b)))


def test_a_no_show_moves_nobody_else_and_fills_the_freed_places() -> None:
    problem = busy_event()
    before = solve(problem, OPTIONS).meetings
    absent = max({m.a for m in before}, key=lambda p: sum(p in (m.a, m.b) for m in before))
    changed = absent_from(problem, {absent}, 2)
    outcome = replan(changed, before, 2, OPTIONS)
    after = outcome.result.meetings
    assert violations(changed, after) == []
    after_keys = {key(m) for m in after}
    assert all(key(m) in after_keys for m in before if absent not in (m.a, m.b) or m.slot < 2)
    assert not [m for m in after if absent in (m.a, m.b) and m.slot >= 2]
    dropped = [m for m in before if absent in (m.a, m.b) and m.slot >= 2]
    assert set(map(key, outcome.dropped)) == set(map(key, dropped)) and dropped
    assert absent in outcome.changes
    assert outcome.changes[absent].removed == tuple(sorted(dropped, key=lambda m: m.slot))
    new = [m for m in after if key(m) not in {key(b) for b in before}]
    for m in new:  # a new meeting appears in both agendas and uses a freed or idle place
        assert m in outcome.changes[m.a].added and m in outcome.changes[m.b].added
        assert m.slot >= 2
    unchanged = {a.id for a in problem.attendees} - {absent} - {p for m in dropped + new
                                                               for p in (m.a, m.b)}
    assert not unchanged & set(outcome.changes)


def test_the_past_is_kept_even_when_it_could_be_better() -> None:
    problem = busy_event(seed=7)
    before = solve(problem, OPTIONS).meetings
    past = [m for m in before if m.slot < 3]
    outcome = replan(problem, past, 3, OPTIONS)  # forget the future: re-plan it
    after = outcome.result.meetings
    assert {key(m) for m in past} <= {key(m) for m in after}
    assert not [m for m in after if m.slot < 3 and key(m) not in {key(p) for p in past}]
    assert violations(problem, after) == []


def test_a_new_must_meet_is_placed_in_a_free_place() -> None:
    problem = make_problem("ABCDE", [("A", "B", 1), ("C", "D", 1)], slots=3, tables=2)
    before = solve(problem, OPTIONS).meetings
    changed = replace(problem, requests=(*problem.requests, Request("E", "A", 3)))
    outcome = replan(changed, before, 1, OPTIONS)
    after = outcome.result.meetings
    assert {key(m) for m in before if m.slot >= 1} <= {key(m) for m in after}
    assert any({m.a, m.b} == {"A", "E"} and m.slot >= 1 for m in after)
    assert set(outcome.changes) == {"A", "E"}


def test_a_closed_table_moves_only_its_meetings() -> None:
    problem = make_problem("ABCDEF", [("A", "B", 1), ("C", "D", 1), ("E", "F", 1)], slots=3,
                           tables=3)
    before = solve(problem, OPTIONS).meetings
    closing = before[0].table
    tables = tuple(replace(t, available_slots=frozenset()) if i == closing else t
                   for i, t in enumerate(problem.tables))
    changed = replace(problem, tables=tables)
    outcome = replan(changed, before, 0, OPTIONS)
    after = outcome.result.meetings
    assert violations(changed, after) == []
    assert all(m.table != closing for m in after)
    assert {key(m) for m in before if m.table != closing} <= {key(m) for m in after}
    assert len(after) == 3  # the displaced meetings found other places


def test_a_new_attendee_with_requests_is_fitted_in() -> None:
    problem = make_problem("ABCD", [("A", "B", 1), ("C", "D", 1)], slots=2, tables=2)
    before = solve(problem, OPTIONS).meetings
    changed = replace(problem, attendees=(*problem.attendees, Attendee("W")),
                      requests=(*problem.requests, Request("W", "C", 2)))
    outcome = replan(changed, before, 0, OPTIONS)
    assert {key(m) for m in before} <= {key(m) for m in outcome.result.meetings}
    assert outcome.changes["W"].added and outcome.changes["C"].added


def test_a_late_arrival_s_meetings_move_later_and_are_listed_as_moved() -> None:
    problem = make_problem("ABCDE", [("A", "B", 2), ("A", "C", 2), ("D", "E", 2)], slots=4,
                           tables=2)
    before = (Meeting(0, 0, "A", "B"), Meeting(1, 0, "A", "C"), Meeting(0, 1, "D", "E"))
    late = tuple(replace(a, available_slots=frozenset({2, 3})) if a.id == "A" else a
                 for a in problem.attendees)
    changed = replace(problem, attendees=late)
    outcome = replan(changed, before, 0, OPTIONS)
    after = outcome.result.meetings
    assert violations(changed, after) == []
    assert sorted(m.slot for m in after if "A" in (m.a, m.b)) == [2, 3]
    assert outcome.dropped == before[:2]
    assert not outcome.changes["A"].added and not outcome.changes["A"].removed
    assert [(was.slot, now.slot >= 2) for was, now in outcome.changes["A"].moved] in (
        [(0, True), (1, True)], [(1, True), (0, True)])
    assert set(outcome.changes) == {"A", "B", "C"}  # D and E keep their printed agendas
    assert key(before[2]) in {key(m) for m in after}
