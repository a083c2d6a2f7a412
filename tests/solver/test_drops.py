"""Leaving out outlying meetings: only where it saves idle slots, within the value to spare,
never a must-meet, and never below anyone's `min_meetings`."""

from __future__ import annotations

from solver import Problem
from solver.candidates import Candidate, candidate_pairs
from solver.compaction import drop_outlying_meetings
from solver.figures import figures_of, requesters_and_requested
from solver.plan import Plan
from tests.solver.conftest import make_problem

WEIGHTS = {1: 1, 2: 2, 3: 5}


def _event(e_priority: int = 1, with_g: bool = True) -> tuple[Problem, list[Candidate], Plan]:
    """A meets B, C, D in slots 0-2 and E in slot 7; E also meets F (5) and maybe G (6)."""
    requests = [("A", "B", 2), ("A", "C", 2), ("A", "D", 2), ("A", "E", e_priority),
                ("E", "F", 2), ("B", "C", 2), ("C", "D", 2), ("B", "D", 2)]
    if with_g:
        requests.append(("E", "G", 2))
    problem = make_problem("ABCDEFG", requests, slots=8, tables=4)
    candidates = candidate_pairs(problem, WEIGHTS)
    index = {(c.a, c.b): i for i, c in enumerate(candidates)}
    meetings = [("A", "B", 0), ("A", "C", 1), ("A", "D", 2), ("A", "E", 7), ("E", "F", 5),
                ("B", "C", 2), ("C", "D", 0), ("B", "D", 1)]
    if with_g:
        meetings.append(("E", "G", 6))
    return problem, candidates, [(index[(a, b)], slot) for a, b, slot in meetings]


def _drop(problem: Problem, candidates: list[Candidate], plan: Plan, spare: int) -> Plan:
    return drop_outlying_meetings(candidates, plan, 2, spare, requesters_and_requested(problem))


def _pairs(candidates: list[Candidate], plan: Plan) -> set[tuple[str, str]]:
    return {(candidates[c].a, candidates[c].b) for c, _ in plan}


def test_the_meeting_far_from_the_others_goes_when_value_can_be_spared() -> None:
    problem, candidates, plan = _event()
    before = figures_of(problem, candidates, plan, 2)

    after_plan = _drop(problem, candidates, plan, spare=1)

    assert _pairs(candidates, plan) - _pairs(candidates, after_plan) == {("A", "E")}
    after = figures_of(problem, candidates, after_plan, 2)
    assert (before.idle_slots, after.idle_slots) == (4, 0)
    assert after.value == before.value - 1
    assert (after.coverage, after.with_a_meeting) == (before.coverage, before.with_a_meeting)


def test_nothing_goes_without_value_to_spare_or_when_it_costs_more() -> None:
    problem, candidates, plan = _event()
    assert _drop(problem, candidates, plan, spare=0) == plan
    problem, candidates, plan = _event(e_priority=2)  # worth 2: one point is not enough
    assert _drop(problem, candidates, plan, spare=1) == plan


def test_a_must_meet_or_someone_s_second_meeting_stays() -> None:
    problem, candidates, plan = _event(e_priority=3)
    assert _drop(problem, candidates, plan, spare=100) == plan
    problem, candidates, plan = _event(with_g=False)  # E would be left with one meeting
    assert _drop(problem, candidates, plan, spare=100) == plan
