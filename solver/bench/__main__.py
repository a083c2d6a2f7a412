"""Benchmark table: the engine against two baselines on every sample.

    python -m solver.bench [--samples DIR] [--time-limit S] [--only NAME ...]
    python -m solver.bench --jair [original forb0003 ...] [--time-limit S] [--workers N]
    python -m solver.bench --replan arctic-1000 [--absent N] [--time-limit S]

Events: the samples, then generated events with booths, delegations, time
windows and mid-day absences (`solver.bench.generated`); events of 3,000
attendees get twice the time limit. One row per event and method: seconds to
the first valid schedule, must-meets met, requesters left with zero
meetings (and, for the engine, how many no schedule with its must-meets can
avoid, and with its coverage too, `zero_bound`), value and % of the proven
bound, idle slots. Baselines: first-come-first-served (each request in
order, the earliest common free slot) and value-sorted greedy.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from solver.bench.generated import SHAPES, EventShape, generated_event
from solver.bench.jair_bench import bench_jair
from solver.bench.memory import peak_memory_text
from solver.bench.replan_bench import bench_no_show
from solver.bench.samples import load_sample
from solver.bench.zero_bound import unavoidable_at_coverage, unavoidable_zero_requesters
from solver.bound import LevelBounds
from solver.candidates import candidate_pairs
from solver.figures import busy_slots, figures_of
from solver.greedy import first_come_first_served, value_sorted
from solver.options import DEFAULT_WEIGHTS, SolveOptions
from solver.plan import Plan
from solver.problem import Problem
from solver.solve import solve

DEFAULT_SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples"


def _row(name: str, method: str, problem: Problem, seconds: float, first: float,
         must: str, zero: int | str, value: int, bound: int, idle: int,
         level_bounds: tuple[int, int] | None = None) -> str:
    given = " | " if level_bounds is None else " | ".join(
        f"{100 * value / b:.1f}" for b in level_bounds)
    return (f"| {name} | {len(problem.attendees)} | {len(problem.requests)} | {method} | "
            f"{first:.2f} | {seconds:.1f} | {must} | {zero} | {value} | "
            f"{100 * value / bound:.1f} | {given} | {idle} |")


def _zero_requesters(problem: Problem, met_people: set[str]) -> int:
    return len({r.requester for r in problem.requests} - met_people)


def bench_event(name: str, problem: Problem, time_limit: float, workers: int) -> list[str]:
    candidates = candidate_pairs(problem, DEFAULT_WEIGHTS)
    lp = LevelBounds(problem, candidates, 2)
    bound = lp.value()
    must_total = sum(1 for c in candidates if c.must)
    rows = []
    for method, build in (("first-come-first-served", first_come_first_served),
                          ("value-sorted greedy", value_sorted)):
        started = time.monotonic()
        plan: Plan = build(problem, candidates)
        seconds = time.monotonic() - started
        f = figures_of(problem, candidates, plan, 2)
        rows.append(_row(name, method, problem, seconds, seconds, f"{f.must_met}/{must_total}",
                         _zero_requesters(problem, set(busy_slots(plan, candidates))),
                         f.value, bound, f.idle_slots))
    result = solve(problem, SolveOptions(time_limit_seconds=time_limit, workers=workers))
    people = {p for m in result.meetings for p in (m.a, m.b)}
    must = result.level("must-meets")
    coverage = result.level("coverage").reached
    unavoidable = unavoidable_zero_requesters(problem, candidates, must.reached)
    at_coverage = unavoidable_at_coverage(problem, lp, must.reached, coverage)
    rows.append(_row(name, f"NBL engine ({result.stop_reason.value})", problem,
                     result.wall_seconds, result.first_schedule_seconds,
                     f"{must.reached}/{must_total} (at most {must.bound})",
                     f"{_zero_requesters(problem, people)} (unavoidable: ≥ {unavoidable}; "
                     f"at the coverage reached: ≥ {at_coverage})",
                     result.value, bound, result.level("compactness").reached,
                     (lp.value(must.reached, coverage), result.bound)))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m solver.bench")
    parser.add_argument("--samples", type=Path, default=DEFAULT_SAMPLES)
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--only", nargs="*", default=None)
    parser.add_argument("--jair", nargs="*", metavar="VARIANT",
                        help="run the JAIR instances instead (default variant: original)")
    parser.add_argument("--workers", type=int, default=0)
    parser.add_argument("--replan", metavar="SAMPLE",
                        help="time a re-plan after no-shows on this sample instead")
    parser.add_argument("--absent", type=int, default=2, metavar="N",
                        help="with --replan: how many of the busiest attendees do not come")
    args = parser.parse_args(argv)
    out = sys.stdout
    if args.replan:
        path = args.samples / f"{args.replan}.json"
        bench_no_show(out, args.replan, load_sample(path), args.time_limit, 2.0, args.workers,
                      args.absent)
        return 0
    if args.jair is not None:
        bench_jair(out, args.jair or ["original"], args.time_limit, args.workers)
        return 0
    out.write("| event | attendees | requests | method | first schedule s | total s | "
              "must met / asked (engine: at most, proven) | zero-meeting requesters | value | "
              "% of LP bound | "
              "% of bound given must-meets and coverage | % of bound given must-meets, "
              "coverage and who has a meeting | idle slots |\n")
    out.write("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n")
    out.flush()
    samples = sorted(args.samples.glob("*.json"), key=lambda p: int(p.stem.split("-")[-1]))
    events: list[tuple[str, Path | EventShape]] = [(path.stem, path) for path in samples]
    events += [(shape.name, shape) for shape in SHAPES]
    for name, source in events:
        if args.only and name not in args.only:
            continue
        problem = load_sample(source) if isinstance(source, Path) else generated_event(source)
        limit = args.time_limit * (2 if len(problem.attendees) >= 3000 else 1)
        for row in bench_event(name, problem, limit, args.workers):
            out.write(row + "\n")
        out.flush()
    out.write(f"\npeak memory: {peak_memory_text()} MB\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
