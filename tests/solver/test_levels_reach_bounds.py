"""The levels above compactness reach their LP bounds where inserting the LP's pairs one by
one, or the whole model's stages, fell short: small events and large ones."""

from __future__ import annotations

import pytest

from solver import Problem, SolveOptions, solve
from solver.bench.generated import EventShape, generated_event
from solver.bound import LevelBounds
from solver.candidates import candidate_pairs
from solver.model import build_model
from solver.search import (
    COVERAGE,
    SearchContext,
    SearchState,
    _at_lp_bound,
    _take_if_better,
    variable_count,
)
from tests.solver.conftest import context_and_state, make_problem
from tests.solver.schedule_rules import violations


@pytest.mark.parametrize(("shape", "seconds", "large"), [
    # 150 attendees, 12 tables (some booths), 12 slots: tables are scarce. Inserting the
    # LP's pairs one by one reached coverage 154 of 166 in 3 s.
    (EventShape("scarce", 150, 1_200, 12, 12, seed=7), 3, True),
    # 60 attendees, 8 tables, 10 slots: the whole model's stages reached 109 of 115 in 5 s.
    (EventShape("small", 60, 300, 10, 8, seed=5), 5, False),
])
def test_coverage_reaches_its_bound(shape: EventShape, seconds: float, large: bool) -> None:
    # Timing the LP's pairs all at once reaches it: nobody who could have had a first or
    # second meeting is short of it.
    problem = generated_event(shape)
    options = SolveOptions(time_limit_seconds=seconds, workers=1, random_seed=1)
    candidates = candidate_pairs(problem, options.priority_weights)
    assert (variable_count(candidates) > options.full_model_limit) == large  # which path
    lp = LevelBounds(problem, candidates, options.min_meetings)

    result = solve(problem, options)

    assert violations(problem, result.meetings) == []
    must = result.level("must-meets").reached
    assert must == lp.must()
    assert result.level("coverage").reached == lp.coverage(must)


def test_a_small_event_reaches_the_value_bound() -> None:
    # 40 attendees, 6 tables, 8 slots: the stages reached value 134 in 4 s, the LP's
    # bound given the levels above is 138, and the LP's pairs reach it.
    problem = generated_event(EventShape("small", 40, 200, 8, 6, seed=9))
    options = SolveOptions(time_limit_seconds=4, workers=1, random_seed=1)

    result = solve(problem, options)

    assert violations(problem, result.meetings) == []
    value = result.level("value")
    assert value.reached == value.bound == 138


def _context_and_pairs(problem: Problem) -> tuple[SearchContext, int, int]:
    """The search context of a tiny event, and the candidate indexes of A-B and A-C."""
    context, _ = context_and_state(problem, [])
    ab, ac = (next(i for i, c in enumerate(context.candidates) if {c.a, c.b} == set(pair))
              for pair in ("AB", "AC"))
    return context, ab, ac


def test_a_plan_found_elsewhere_replaces_the_stages_plan_only_above_compactness() -> None:
    # A meets B and C at one table in three slots. Fewer idle slots alone do not make
    # the LP's pairs replace the stages' meetings; more coverage does.
    problem = make_problem("ABC", [("A", "B", 1), ("A", "C", 1)], slots=3, tables=1)
    context, ab, ac = _context_and_pairs(problem)
    model = build_model(problem, context.candidates, context.options, context.capacities, [])

    with_a_gap = [(ab, 0), (ac, 2)]
    state = SearchState(with_a_gap, context.figures(with_a_gap))
    _take_if_better(context, state, model, [(ab, 0), (ac, 1)])
    assert state.plan == with_a_gap

    one_meeting = [(ab, 0)]
    state = SearchState(one_meeting, context.figures(one_meeting))
    _take_if_better(context, state, model, with_a_gap)
    assert state.plan == with_a_gap and state.figures.coverage == 4


def test_coverage_at_its_bound_is_not_proven_while_fewer_who_asked_meet_than_could() -> None:
    # One slot: A-B gives coverage 2 (its bound) but only A of A and C, who asked, meets.
    problem = make_problem("ABC", [("A", "B", 2), ("A", "C", 1), ("C", "A", 1)], slots=1)
    context, ab, ac = _context_and_pairs(problem)

    only_a_meets = SearchState([(ab, 0)], context.figures([(ab, 0)]))
    both_meet = SearchState([(ac, 0)], context.figures([(ac, 0)]))

    assert only_a_meets.figures.coverage == both_meet.figures.coverage == 2
    assert not _at_lp_bound(context, only_a_meets, COVERAGE)
    assert _at_lp_bound(context, both_meet, COVERAGE)
