"""A plan is which candidate meets in which slot; tables are assigned last.

Tables are interchangeable for the model (any set of at most N meetings in a
slot fits N tables), so the model picks slots and this module hands out
table numbers: locked meetings keep theirs, the rest take the free ones in
order.
"""

from __future__ import annotations

from collections import defaultdict

from solver.candidates import Candidate
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
    meetings: list[Meeting] = []
    for slot, in_slot in by_slot.items():
        taken = {c.locked.table for c in in_slot if c.locked is not None}
        free = (t for t in range(len(problem.tables)) if t not in taken)
        for cand in sorted(in_slot, key=lambda c: (c.locked is None, c.a, c.b)):
            table = cand.locked.table if cand.locked is not None else next(free)
            meetings.append(Meeting(slot, table, cand.a, cand.b, cand.locked is not None))
    meetings.sort(key=lambda m: (m.slot, m.table))
    return meetings
