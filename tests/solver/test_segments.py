"""The segments model finds timings within a gap budget; each one keeps every hard rule."""

from __future__ import annotations

import time
from dataclasses import replace

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from solver import Attendee, Problem, SolveOptions
from solver.bench.jair import read_dzn
from solver.bench.jair_bench import jair_options
from solver.cancel import CancelToken
from solver.candidates import candidate_pairs
from solver.capacity import slot_capacities
from solver.compaction import retime_exactly
from solver.compaction.segments import time_within_budget
from solver.figures import figures_of
from solver.greedy import fair_compact
from solver.options import Compactness
from solver.plan import assign_tables
from tests.solver.conftest import make_problem
from tests.solver.schedule_rules import (
    break_counts,
    every_valid_timing,
    fewest_breaks_by_trying_all,
    too_many_timings_to_try,
    violations,
)
from tests.solver.test_properties import events_with_forced_breaks, small_events
from tests.solver.test_research_benchmark import JAIR, needs_jair


def _within(problem: Problem, options: SolveOptions, budget: int, seconds: float = 10.0):  # type: ignore[no-untyped-def]
    candidates = candidate_pairs(problem, options.priority_weights)
    meetings = list(range(len(candidates)))
    answer = time_within_budget(problem, candidates, meetings, options,
                                slot_capacities(problem), budget, seconds, CancelToken())
    return candidates, answer


def test_a_star_is_timed_back_to_back_and_no_tighter_timing_is_claimed() -> None:
    # A meets B, C and D; one table. Gap-free needs A's three meetings in a row.
    problem = make_problem("ABCD", [("A", "B", 3), ("A", "C", 3), ("A", "D", 3)],
                           slots=5, tables=1)
    for measure in Compactness:
        options = SolveOptions(workers=1, compactness=measure)
        candidates, answer = _within(problem, options, budget=0)
        assert answer.plan is not None
        f = figures_of(problem, candidates, answer.plan, 2)
        assert f.meetings == 3 and f.idle_slots == 0 == f.breaks
        assert violations(problem, assign_tables(problem, candidates, answer.plan)) == []


def test_a_forced_gap_is_proven_when_the_budget_is_below_it() -> None:
    # A cannot meet in slot 1 and must meet B at 0 (B leaves) and C (C comes at 2).
    attendees = (Attendee("A", frozenset({0, 2})), Attendee("B", frozenset({0})),
                 Attendee("C", frozenset({2})))
    problem = make_problem("ABC", [("A", "B", 3), ("A", "C", 3)], slots=3, tables=1,
                           attendees=attendees)
    options = SolveOptions(workers=1, compactness=Compactness.BREAKS)
    _, none = _within(problem, options, budget=0)
    assert none.plan is None and none.proven_none
    candidates, one = _within(problem, options, budget=1)
    assert one.plan is not None
    assert figures_of(problem, candidates, one.plan, 2).breaks == 1


@needs_jair
def test_scarce_tables_get_the_gap_free_timing_of_the_research_benchmark() -> None:
    # tic-14crafc: 237 meetings, 10 slots, 25 tables, 27 people busy in every slot.
    problem = read_dzn(JAIR / "tic-14crafc.original.dzn")
    candidates, answer = _within(problem, jair_options(60, 2), budget=0, seconds=60)
    assert answer.plan is not None and len(answer.plan) == len(problem.requests)
    meetings = assign_tables(problem, candidates, answer.plan)
    assert violations(problem, meetings) == []
    assert sum(break_counts(meetings).values()) == 0


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problem=small_events(), measure=st.sampled_from(list(Compactness)),
       budget=st.integers(0, 4))
def test_every_timing_found_keeps_the_meetings_the_rules_and_the_budget(
        problem: Problem, measure: Compactness, budget: int) -> None:
    options = SolveOptions(workers=1, compactness=measure, max_break_spread=2)
    candidates = candidate_pairs(problem, options.priority_weights)
    plan = fair_compact(problem, candidates, 2)
    meetings = [c for c, _ in plan]
    answer = time_within_budget(problem, candidates, meetings, replace(options),
                                slot_capacities(problem), budget, 5.0, CancelToken())
    if answer.plan is None:
        return
    assert sorted(c for c, _ in answer.plan) == sorted(meetings)
    assert violations(problem, assign_tables(problem, candidates, answer.plan)) == []
    f = figures_of(problem, candidates, answer.plan, 2)
    assert f.compactness(options) <= budget
    assert not f.spread_excess(options)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problem=st.one_of(small_events(), events_with_forced_breaks()))
def test_every_proof_of_the_fewest_breaks_agrees_with_trying_every_timing(
        problem: Problem) -> None:
    # The whole re-timing ladder: each attendee's fewest alone, and every "no" of the
    # window and segment models (and of the SAT climber, from 60 meetings on).
    options = SolveOptions(workers=1, compactness=Compactness.BREAKS, max_break_spread=2)
    candidates = candidate_pairs(problem, options.priority_weights)
    meetings = sorted(c for c, _ in fair_compact(problem, candidates, 2))
    retimed = retime_exactly(problem, candidates, meetings, options, slot_capacities(problem),
                             time.monotonic() + 5, CancelToken())
    if retimed is None:
        return
    people = {p for c in meetings for p in (candidates[c].a, candidates[c].b)}
    someone_without = len(people) < len(problem.attendees)

    def within_spread(breaks: dict[str, int]) -> bool:
        amounts = list(breaks.values()) + ([0] if someone_without else [])
        return max(amounts, default=0) - min(amounts, default=0) <= 2

    fewest = fewest_breaks_by_trying_all(problem, candidates, meetings, within_spread)
    event(f"proven optimal: {retimed.proven_optimal}, tried all: {fewest is not None}")
    if fewest is not None:
        assert retimed.fewest_possible <= fewest <= retimed.gaps
        if retimed.proven_optimal:
            assert retimed.gaps == fewest


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problem=st.one_of(events_with_forced_breaks(most_people=5, most_pairs=6),
                         events_with_forced_breaks()),
       max_spread=st.integers(0, 1), data=st.data())
def test_the_spread_rule_is_proven_impossible_exactly_when_no_timing_keeps_it(
        problem: Problem, max_spread: int, data: st.DataObject) -> None:
    # When the plan in hand breaks the spread rule, the re-timing first asks whether any
    # timing keeps it; its "no" is a proof the engine reports.
    options = SolveOptions(workers=1, compactness=Compactness.BREAKS,
                           max_break_spread=max_spread)
    candidates = candidate_pairs(problem, options.priority_weights)
    meetings = sorted(c for c, _ in fair_compact(problem, candidates, 2))
    if too_many_timings_to_try(candidates, meetings):
        return
    people = {p for c in meetings for p in (candidates[c].a, candidates[c].b)}
    someone_without = len(people) < len(problem.attendees)

    def within_spread(breaks: dict[str, int]) -> bool:
        amounts = list(breaks.values()) + ([0] if someone_without else [])
        return max(amounts, default=0) - min(amounts, default=0) <= max_spread

    timings = list(every_valid_timing(problem, candidates, meetings))
    breaking = [plan for plan, breaks in timings if not within_spread(breaks)]
    if not breaking:
        return
    hint = data.draw(st.sampled_from(breaking))
    retimed = retime_exactly(problem, candidates, meetings, options, slot_capacities(problem),
                             time.monotonic() + 5, CancelToken(), hint=hint)
    assert retimed is not None
    none_keeps_it = not any(within_spread(breaks) for _, breaks in timings)
    event(f"spread impossible: {none_keeps_it}")
    assert retimed.spread_impossible == none_keeps_it
    if retimed.spread_impossible:
        assert retimed.plan == hint
    else:
        assert not figures_of(problem, candidates, retimed.plan, 2).spread_excess(options)
