"""Neighbourhood search: picking a cluster of attendees ends, even on a tiny event; what
counts as found in each phase; the value LP's chosen pairs timed at once."""

from __future__ import annotations

import random
import time
from collections import defaultdict
from dataclasses import replace

from hypothesis import HealthCheck, given, settings

from solver.bound import LevelBounds
from solver.cancel import CancelToken
from solver.candidates import Candidate, candidate_pairs
from solver.capacity import slot_capacities
from solver.figures import Figures
from solver.greedy import fair_compact, first_come_first_served
from solver.options import SolveOptions
from solver.plan import assign_tables
from solver.problem import Problem
from solver.search import (
    SearchContext,
    SearchState,
    _Adjacency,
    _found,
    _improve_neighbourhood,
    _pick_neighbourhood,
    reach_pairs_exactly,
)
from tests.solver.conftest import context_and_state, make_problem
from tests.solver.schedule_rules import violations
from tests.solver.test_properties import small_events


def test_a_neighbourhood_larger_than_the_event_is_the_whole_event() -> None:
    # Regression: the pick looped for ever when everyone was already in the cluster.
    problem = make_problem("ABCD", [("A", "B", 1), ("C", "D", 1)])
    options = SolveOptions()
    candidates = candidate_pairs(problem, options.priority_weights)
    plan = fair_compact(problem, candidates, 2)
    context = SearchContext(problem, candidates, options, slot_capacities(problem),
                            LevelBounds(problem, candidates, 2), time.monotonic() + 5,
                            CancelToken(), lambda *_: None)
    adjacency = _Adjacency(defaultdict(list))
    for index, cand in enumerate(candidates):
        adjacency.partners[cand.a].append((cand.b, index))
        adjacency.partners[cand.b].append((cand.a, index))
    state = SearchState(plan, context.figures(plan))
    for seed in range(5):
        scope = _pick_neighbourhood(context, state, adjacency, random.Random(seed), 10_000,
                                    compact_phase=bool(seed % 2))
        assert scope == frozenset("ABCD")


def test_the_coverage_extension_gives_up_on_value_alone() -> None:
    # After the value phase, neighbourhoods go on only while coverage (or who has a
    # meeting) grows: value gains alone do not keep them from compaction's time.
    before = Figures(must_met=3, coverage=10, value=50, idle_slots=9, breaks=3, meetings=8,
                     with_a_meeting=6)
    more_value = replace(before, value=51)
    more_met = replace(before, with_a_meeting=7)
    assert _found(before, more_value, compact_phase=False)
    assert not _found(before, more_value, compact_phase=False, coverage_only=True)
    assert _found(before, more_met, compact_phase=False, coverage_only=True)
    assert _found(before, replace(before, coverage=11), compact_phase=False, coverage_only=True)
    assert not _found(before, replace(before, idle_slots=2), compact_phase=False)


def _one_table_two_slots() -> tuple[Problem, list[Candidate], tuple[int, int, int]]:
    """A asked B and C, Z asked C; one table, two slots. The candidates, and the indexes
    of A-B, A-C and C-Z."""
    problem = make_problem("ABCZ", [("A", "B", 1), ("A", "C", 1), ("Z", "C", 1)],
                           slots=2, tables=1)
    candidates = candidate_pairs(problem, SolveOptions().priority_weights)
    index = {frozenset((c.a, c.b)): i for i, c in enumerate(candidates)}
    return problem, candidates, (index[frozenset("AB")], index[frozenset("AC")],
                                 index[frozenset("CZ")])


def test_a_slot_neighbourhood_re_decides_only_the_meetings_in_its_slots() -> None:
    # One table, two slots: A-B in slot 0, A-C in slot 1. Z asked C and has no meeting.
    # Z-C in place of A-C keeps coverage (4) and gives Z, who asked, a meeting.
    problem, _, (ab, ac, cz) = _one_table_two_slots()

    context, state = context_and_state(problem, [(ab, 0), (ac, 1)])
    _improve_neighbourhood(context, state, None, 5.0, False, slots=frozenset({1}))
    assert sorted(state.plan) == sorted([(ab, 0), (cz, 1)])
    assert state.figures.with_a_meeting == 2

    # The same gain is there in slot 0 (Z-C in place of A-B), but a neighbourhood of
    # slot 0 leaves slot 1's meeting where it is.
    context, state = context_and_state(problem, [(ab, 0), (ac, 1)])
    _improve_neighbourhood(context, state, None, 5.0, False, slots=frozenset({0}))
    assert (ac, 1) in state.plan and state.figures.with_a_meeting == 2


def test_the_chosen_pairs_are_timed_at_once_and_the_others_leave() -> None:
    # One table, two slots: A-B in slot 0 and A-C in slot 1 leave Z, who asked C, with
    # nothing. Chosen instead: A-B and C-Z, which fit only with A-B and C-Z in different
    # slots; A-C leaves.
    problem, candidates, (ab, ac, cz) = _one_table_two_slots()
    context, state = context_and_state(problem, [(ab, 0), (ac, 1)])
    assert state.figures.with_a_meeting == 1  # of A and Z, who asked

    assert reach_pairs_exactly(context, state, {ab, cz}, 5.0)

    assert {c for c, _ in state.plan} == {ab, cz}
    assert len({s for _, s in state.plan}) == 2
    assert violations(problem, assign_tables(problem, candidates, state.plan)) == []
    assert state.figures.with_a_meeting == 2


def test_chosen_pairs_that_cannot_all_be_timed_leave_the_plan_as_it_was() -> None:
    # A wants B and C, and there is one slot: both cannot meet A.
    problem = make_problem("ABC", [("A", "B", 3), ("A", "C", 1)], slots=1, tables=2)
    candidates = candidate_pairs(problem, SolveOptions().priority_weights)
    index = {frozenset((c.a, c.b)): i for i, c in enumerate(candidates)}
    ab, ac = index[frozenset("AB")], index[frozenset("AC")]
    context, state = context_and_state(problem, [(ab, 0)])

    assert not reach_pairs_exactly(context, state, {ab, ac}, 5.0)

    assert state.plan == [(ab, 0)]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_events())
def test_timing_the_lp_pairs_at_once_keeps_every_rule_and_never_loses_a_level(
        problem: Problem) -> None:
    context, state = context_and_state(problem, [])
    start = first_come_first_served(problem, context.candidates)
    state = SearchState(start, context.figures(start))
    lp = context.lp
    must = max(state.figures.must_met, lp.must())
    target = lp.best_pairs(must, lp.coverage(must), {c for c, _ in start})
    before = state.figures

    timed = reach_pairs_exactly(context, state, target, 5.0)

    assert violations(problem, assign_tables(problem, context.candidates, state.plan)) == []
    assert state.figures.key(context.options, None) >= before.key(context.options, None)
    if timed and state.plan != start:
        assert {c for c, _ in state.plan} == target
