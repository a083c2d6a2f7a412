"""The JAIR B2B instances read into the engine's dataclasses and scheduled."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from solver import solve
from solver.bench.jair import Published, published_results, read_dzn
from solver.bench.jair_bench import bench_jair, compare_with_published, jair_options
from solver.result import LevelResult
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
    not_all = published[("tic-12", "forb0003")]  # printed "-" in the paper: no schedule
    assert not_all.breaks is None and not_all.proven


@needs_jair
def test_a_small_instance_is_scheduled_in_full_with_the_break_spread_rule() -> None:
    problem = read_dzn(JAIR / "tic-12.original.dzn")
    result = solve(problem, jair_options(time_limit=10, workers=2))
    assert violations(problem, result.meetings) == []
    assert len(result.meetings) == len(problem.requests)
    breaks = break_counts(result.meetings)
    counts = [breaks.get(a.id, 0) for a in problem.attendees]
    assert max(counts) - min(counts) <= 2


def test_the_bench_compares_with_the_published_best() -> None:
    not_all = Published(None, True, 0.2)
    breaks = LevelResult("compactness", 1, 1, "proven", minimize=True)
    proven_short = LevelResult("must-meets", 124, 124, "CP-SAT bound")
    unproven = LevelResult("must-meets", 124, 125, "LP relaxation")
    assert compare_with_published(not_all, proven_short, breaks, 125) == (
        True, "-", "at most 124 of 125 meet")
    assert compare_with_published(not_all, unproven, breaks, 125)[0] is False
    every = LevelResult("must-meets", 125, 125, "LP relaxation")
    assert compare_with_published(Published(1, True, 3.0), every, breaks, 125) == (
        True, "1", "1 (optimal)")
    assert compare_with_published(Published(0, True, 3.0), every, breaks, 125)[0] is False
    over_the_spread = compare_with_published(Published(20, True, 4.7), every, breaks, 125,
                                             spread=3)
    assert over_the_spread == (False, "1 (spread 3 > 2)", "1")
    # Every meeting met, but over the spread limit: the paper's "no schedule" still stands,
    # unless the engine proves that no timing keeps the spread.
    assert compare_with_published(not_all, every, breaks, 125, spread=4) == (
        False, "1 (spread 4)", "at most 125 of 125 meet")
    assert compare_with_published(not_all, every, breaks, 125, spread=4,
                                  spread_impossible=True) == (
        True, "1 (spread 4)", "spread ≤ 2 impossible (proven)")


@needs_jair
def test_a_spread_of_breaks_no_timing_keeps_is_proven_and_reported() -> None:
    # forum-14.fixed040-Forb: all 302 meetings fit, but not within a spread of 2 breaks.
    problem = read_dzn(JAIR / "forum-14.fixed040-Forb.dzn")
    result = solve(problem, jair_options(time_limit=5, workers=2))
    assert len(result.meetings) == 302 and violations(problem, result.meetings) == []
    assert result.break_spread_impossible
    assert "no timing of every requested meeting keeps the spread" in (
        result.level("compactness").bound_source)
    breaks = break_counts(result.meetings).values()
    assert max(breaks) - min(breaks) > 2  # what the proof says: it cannot be within 2


@needs_jair
def test_the_bench_names_each_instance_with_a_pair_listed_twice_once(tmp_path: Path) -> None:
    for name in ("forum-13crafb.original.dzn", "forum-13crafb.forb0003.dzn",
                 "jair_reported_results.csv"):
        shutil.copyfile(JAIR / name, tmp_path / name)
    out = io.StringIO()
    bench_jair(out, ["original", "forb0003"], time_limit=1, workers=1, directory=tmp_path)
    rows = [line for line in out.getvalue().splitlines() if line.startswith("| forum-13crafb")]
    assert len(rows) == 2 and all("195 (194 pairs)" in row for row in rows)
    assert "published best reached on 0 of 2 instances" in out.getvalue()
    assert "not comparable (2 rows): forum-13crafb list a pair twice" in out.getvalue()
