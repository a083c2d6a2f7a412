"""Benchmark of a re-plan after no-shows (the busiest attendees): time, stability and what
was filled."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import replace
from typing import TextIO

from solver.options import SolveOptions
from solver.problem import Problem
from solver.replan import replan
from solver.solve import solve


def absent_from(problem: Problem, people: set[str], slot: int) -> Problem:
    """The event with `people` gone from `slot` on."""
    every = frozenset(range(len(problem.slots)))
    attendees = tuple(
        replace(a, available_slots=(a.available_slots or every) - frozenset(
            range(slot, len(problem.slots)))) if a.id in people else a
        for a in problem.attendees)
    return replace(problem, attendees=attendees)


def bench_no_show(out: TextIO, name: str, problem: Problem, solve_seconds: float,
                  replan_seconds: float, workers: int, absent: int = 2) -> None:
    first = solve(problem, SolveOptions(time_limit_seconds=solve_seconds, workers=workers))
    busiest = {p for p, _ in Counter(p for m in first.meetings
                                     for p in (m.a, m.b)).most_common(absent)}
    from_slot = len(problem.slots) // 3
    changed = absent_from(problem, busiest, from_slot)
    started = time.monotonic()
    outcome = replan(changed, first.meetings, from_slot,
                     SolveOptions(time_limit_seconds=replan_seconds, workers=workers))
    seconds = time.monotonic() - started
    after = {(m.slot, m.table, m.a, m.b) for m in outcome.result.meetings}
    untouched = [m for m in first.meetings if not busiest & {m.a, m.b}]
    moved_or_lost = sum(1 for m in untouched if (m.slot, m.table, m.a, m.b) not in after)
    before = {(m.slot, m.table, m.a, m.b) for m in first.meetings}
    added = sum(1 for key in after if key not in before)
    out.write("| event | absent attendees | from slot | meetings dropped | untouched moved or lost "
              "| new meetings in freed places | agendas to reprint | re-plan s |\n"
              "|---|---|---|---|---|---|---|---|\n")
    out.write(f"| {name} | {', '.join(sorted(busiest))} | {from_slot + 1} | "
              f"{len(outcome.dropped)} | {moved_or_lost} | {added} | {len(outcome.changes)} | "
              f"{seconds:.2f} |\n")
