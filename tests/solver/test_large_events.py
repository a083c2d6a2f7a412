"""Events too large for the whole model: the levels above compactness reach their bounds."""

from __future__ import annotations

from solver import SolveOptions, solve
from solver.bench.generated import EventShape, generated_event
from solver.bound import LevelBounds
from solver.candidates import candidate_pairs
from solver.search import variable_count
from tests.solver.schedule_rules import violations


def test_coverage_reaches_the_lp_bound_where_inserting_pairs_one_by_one_fell_short() -> None:
    # 150 attendees, 12 tables (some booths), 12 slots: tables are scarce. Inserting the
    # LP's pairs one by one reached coverage 154 of 166 in 3 s; timing them all at once
    # reaches the bound, so nobody who could have had a first or second meeting is short.
    problem = generated_event(EventShape("scarce", 150, 1_200, 12, 12, seed=7))
    options = SolveOptions(time_limit_seconds=3, workers=1, random_seed=1)
    candidates = candidate_pairs(problem, options.priority_weights)
    assert variable_count(candidates) > options.full_model_limit  # the large events' path
    lp = LevelBounds(problem, candidates, options.min_meetings)

    result = solve(problem, options)

    assert violations(problem, result.meetings) == []
    must = result.level("must-meets").reached
    assert must == lp.must()
    assert result.level("coverage").reached == lp.coverage(must)
