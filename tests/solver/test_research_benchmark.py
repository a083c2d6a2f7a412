"""The JAIR B2B instances read into the engine's dataclasses and scheduled."""

from __future__ import annotations

from pathlib import Path

import pytest

from solver import solve
from solver.bench.jair import published_results, read_dzn
from solver.bench.jair_bench import jair_options
from tests.solver.schedule_rules import break_counts, violations

JAIR = Path(__file__).resolve().parents[3] / "shared" / "instances" / "b2b-jair"
needs_jair = pytest.mark.skipif(not JAIR.is_dir(), reason="../shared/instances is not beside us")


@needs_jair
def test_an_instance_is_read_with_sessions_forbidden_slots_and_fixed_meetings() -> None:
    problem = read_dzn(JAIR / "forum-13.fixed020-Forb.dzn")
    assert (len(problem.attendees), len(problem.slots), len(problem.tables)) == (70, 21, 14)
    assert len(problem.requests) == 154 and {r.priority for r in problem.requests} == {3}
    assert {len(r.allowed_slots or range(21)) for r in problem.requests} >= {13, 8, 21}
    assert len(problem.locked) == 30  # the non-zero entries of its `fixed` array
    assert any(a.available_slots is not None for a in problem.attendees)  # forbidden slots
    assert problem.validate() == []
    published = published_results(JAIR / "jair_reported_results.csv")
    assert published[("forum-13", "original")].breaks == 0
    assert published[("forum-13", "fixed020-Forb")].breaks == 20


@needs_jair
def test_a_small_instance_is_scheduled_in_full_with_the_break_spread_rule() -> None:
    problem = read_dzn(JAIR / "tic-12.original.dzn")
    result = solve(problem, jair_options(time_limit=10, workers=2))
    assert violations(problem, result.meetings) == []
    assert len(result.meetings) == len(problem.requests)
    breaks = break_counts(result.meetings)
    counts = [breaks.get(a.id, 0) for a in problem.attendees]
    assert max(counts) - min(counts) <= 2
