"""Reaching the value LP's pairs by moving Kempe chains: more value, every rule kept."""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings

from solver import Attendee, LockedMeeting, Problem, SolveOptions
from solver.bound import LevelBounds
from solver.candidates import Candidate, candidate_pairs
from solver.capacity import slot_capacities
from solver.chain_insertion import apply_selection
from solver.figures import Figures, figures_of
from solver.greedy import PlanBuilder, first_come_first_served
from solver.plan import Plan, assign_tables
from tests.solver.conftest import make_problem
from tests.solver.schedule_rules import violations
from tests.solver.test_properties import small_events

WEIGHTS = SolveOptions().priority_weights


def _index(candidates: list[Candidate], a: str, b: str) -> int:
    return next(i for i, c in enumerate(candidates) if (c.a, c.b) == (a, b))


def _plan(candidates: list[Candidate], *meetings: tuple[str, str, int]) -> Plan:
    return [(_index(candidates, a, b), slot) for a, b, slot in meetings]


def _figures(problem: Problem, candidates: list[Candidate], plan: Plan) -> Figures:
    return figures_of(problem, candidates, plan, 2)


def _apply(problem: Problem, candidates: list[Candidate], plan: Plan,
           selection: set[int]) -> tuple[Plan, set[int]]:
    return apply_selection(problem, candidates, plan, selection, slot_capacities(problem), 2,
                           time.monotonic() + 5)


def test_a_chain_moves_to_free_a_common_slot() -> None:
    # A meets B at 0, C meets D at 1: A is free only at 1, D only at 0, so A–D has
    # no common free slot. Moving A–B to slot 1 (B is free there) frees A at 0.
    problem = make_problem("ABCD", [("A", "B", 1), ("C", "D", 1), ("A", "D", 2)], slots=2)
    candidates = candidate_pairs(problem, WEIGHTS)
    plan = _plan(candidates, ("A", "B", 0), ("C", "D", 1))
    wanted = _index(candidates, "A", "D")
    builder = PlanBuilder.of_plan(problem, candidates, plan)
    assert builder.earliest_slot(wanted) is None

    reached, missed = _apply(problem, candidates, plan, {c for c, _ in plan} | {wanted})

    assert sorted(reached) == sorted(_plan(candidates, ("A", "B", 1), ("C", "D", 1),
                                           ("A", "D", 0)))
    assert missed == set()
    assert violations(problem, assign_tables(problem, candidates, reached)) == []


def test_locked_meetings_hold_their_chains() -> None:
    # A–D have no common free slot. The chain of A–B (slot 0) holds B–E (slot 1),
    # the chain of C–D (slot 1) holds C–F (slot 0): both move when nothing is locked,
    # neither when B–E and C–F are.
    requests = [("A", "B", 1), ("C", "D", 1), ("B", "E", 1), ("C", "F", 1), ("A", "D", 2)]
    meetings = (("A", "B", 0), ("C", "D", 1), ("B", "E", 1), ("C", "F", 0))
    for locked in ((), (LockedMeeting(1, 0, "B", "E"), LockedMeeting(0, 0, "C", "F"))):
        problem = make_problem("ABCDEF", requests, slots=2, locked=locked)
        candidates = candidate_pairs(problem, WEIGHTS)
        plan = _plan(candidates, *meetings)
        wanted = _index(candidates, "A", "D")

        reached, missed = _apply(problem, candidates, plan, {c for c, _ in plan} | {wanted})

        assert violations(problem, assign_tables(problem, candidates, reached)) == []
        if locked:
            assert sorted(reached) == sorted(plan) and missed == {wanted}
        else:
            assert wanted in {c for c, _ in reached} and missed == set()


def _a_meets_once_and_asked_b_nicely_and_c_as_a_must() -> tuple[Problem, list[Candidate]]:
    attendees = (Attendee("A", max_meetings=1), Attendee("B"), Attendee("C"))
    problem = make_problem("", [("A", "B", 1), ("A", "C", 3)], slots=2, attendees=attendees)
    return problem, candidate_pairs(problem, WEIGHTS)


def test_a_meeting_leaves_for_a_more_valuable_one() -> None:
    # A may meet once: the selection swaps A–B (nice) for A–C (must).
    problem, candidates = _a_meets_once_and_asked_b_nicely_and_c_as_a_must()
    plan = _plan(candidates, ("A", "B", 0))

    reached, _ = _apply(problem, candidates, plan, {_index(candidates, "A", "C")})

    assert [candidates[c] for c, _ in reached] == [candidates[_index(candidates, "A", "C")]]


def test_a_change_that_loses_value_is_undone() -> None:
    # The same event, asked the other way round: A–C (must) would give way to A–B.
    problem, candidates = _a_meets_once_and_asked_b_nicely_and_c_as_a_must()
    plan = _plan(candidates, ("A", "C", 0))

    reached, missed = _apply(problem, candidates, plan, {_index(candidates, "A", "B")})

    assert reached == plan
    assert missed == {_index(candidates, "A", "B")}


def test_the_lp_keeps_the_pairs_held_among_equal_optima_and_leaves_the_avoided() -> None:
    # A may meet once and asked B and C alike: both choices are worth the same.
    attendees = (Attendee("A", max_meetings=1), Attendee("B"), Attendee("C"))
    problem = make_problem("", [("A", "B", 2), ("A", "C", 2)], slots=2, attendees=attendees)
    candidates = candidate_pairs(problem, WEIGHTS)
    lp = LevelBounds(problem, candidates, 2)
    with_b, with_c = _index(candidates, "A", "B"), _index(candidates, "A", "C")

    assert lp.best_pairs(0, 0, {with_b}) == {with_b}
    assert lp.best_pairs(0, 0, {with_c}) == {with_c}
    assert lp.best_pairs(0, 0, set(), avoided={with_b}) == {with_c}


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_events())
def test_reaching_the_lp_pairs_keeps_every_rule_and_never_loses_a_level(
        problem: Problem) -> None:
    candidates = candidate_pairs(problem, WEIGHTS)
    start = first_come_first_served(problem, candidates)
    before = _figures(problem, candidates, start)
    lp = LevelBounds(problem, candidates, 2)
    must = max(before.must_met, lp.must())
    target = lp.best_pairs(must, lp.coverage(must), {c for c, _ in start})

    reached, missed = _apply(problem, candidates, start, target)

    assert violations(problem, assign_tables(problem, candidates, reached)) == []
    after = _figures(problem, candidates, reached)
    assert ((after.must_met, after.coverage, after.value)
            >= (before.must_met, before.coverage, before.value))
    assert missed == target - {c for c, _ in reached}
