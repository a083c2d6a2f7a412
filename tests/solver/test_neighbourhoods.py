"""Neighbourhood search: picking a cluster of attendees ends, even on a tiny event."""

from __future__ import annotations

import random
import time
from collections import defaultdict

from solver.bound import LevelBounds
from solver.cancel import CancelToken
from solver.candidates import candidate_pairs
from solver.capacity import slot_capacities
from solver.greedy import fair_compact
from solver.options import SolveOptions
from solver.search import SearchContext, SearchState, _Adjacency, _pick_neighbourhood
from tests.solver.conftest import make_problem


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
