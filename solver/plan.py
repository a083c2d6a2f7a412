"""A plan is which candidate meets in which slot; tables are assigned last.

The model decides slots only (tables are interchangeable up to seats and
fixed tables, see `capacity`); `assign_tables` hands out table numbers:
locked meetings keep theirs, fixed-table meetings use their table, and the
rest take the smallest free table that seats them, biggest meetings first.
"""

from __future__ import annotations

from collections import defaultdict

from solver.candidates import Candidate, free_tables
from solver.problem import Problem
from solver.result import Meeting

# (index into the candidate list, slot)
Plan = list[tuple[int, int]]


def plan_value(plan: Plan, candidates: list[Candidate]) -> int:
    return sum(candidates[c].value for c, _ in plan)


def assign_tables(problem: Problem, candidates: list[Candidate], plan: Plan) -> list[Meeting]:
    """Meetings with table numbers, sorted by slot then table."""
    by_slot: dict[int, list[Candidate]] = defaultdict(list)
    for c, slot in plan:
        by_slot[slot].append(candidates[c])
    pool = free_tables(problem)
    meetings: list[Meeting] = []
    for slot, in_slot in by_slot.items():
        taken = {c.locked.table for c in in_slot if c.locked is not None}
        free = sorted((t for t in pool if t not in taken and problem.tables[t].is_available(slot)),
                      key=lambda t: (problem.tables[t].seats, t))
        for cand in sorted(in_slot, key=lambda c: (c.locked is None, -c.size, c.a, c.b)):
            if cand.locked is not None:
                table = cand.locked.table
            elif cand.table is not None:
                table = cand.table
            else:
                table = next(t for t in free if problem.tables[t].seats >= cand.size)
                free.remove(table)
            meetings.append(Meeting(slot, table, cand.a, cand.b, cand.locked is not None))
    meetings.sort(key=lambda m: (m.slot, m.table))
    return meetings
