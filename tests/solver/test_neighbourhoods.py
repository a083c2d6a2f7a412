"""Neighbourhood search: picking a cluster of attendees ends, even on a tiny event; what
counts as found in each phase."""

from __future__ import annotations

import random
import time
from collections import defaultdict
from dataclasses import replace

from solver.bound import LevelBounds
from solver.cancel import CancelToken
from solver.candidates import candidate_pairs
from solver.capacity import slot_capacities
from solver.figures import Figures
from solver.greedy import fair_compact
from solver.options import SolveOptions
from solver.search import SearchContext, SearchState, _Adjacency, _found, _pick_neighbourhood
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
