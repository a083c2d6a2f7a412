"""How many meetings fit in a slot: tables, seats and fixed tables.

Free tables are interchangeable but for their seats. Because "seats at
least k" sets are nested, a slot's meetings fit its free tables exactly when,
for every size k, the meetings needing k or more seats do not outnumber the
tables with k or more seats. Fixed tables hold one meeting per slot.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass

from solver.candidates import Candidate, free_tables
from solver.problem import Problem


@dataclass(frozen=True)
class SlotCapacity:
    """For one slot: the free tables' seats (ascending), less tables of locked meetings."""

    seats: tuple[int, ...]

    def fits(self, sizes: Counter[int]) -> bool:
        return all(self.at_least(k) >= sum(n for size, n in sizes.items() if size >= k)
                   for k in sizes if sizes[k])

    def at_least(self, size: int) -> int:
        return len(self.seats) - bisect_left(self.seats, size)


def slot_capacities(problem: Problem) -> list[SlotCapacity]:
    pool = free_tables(problem)
    taken = {(m.slot, m.table) for m in problem.locked}
    return [
        SlotCapacity(tuple(sorted(problem.tables[t].seats for t in pool
                                  if (s, t) not in taken and problem.tables[t].is_available(s))))
        for s in range(len(problem.slots))
    ]


def size_thresholds(candidates: list[Candidate]) -> list[int]:
    """The distinct sizes of free-table meetings, the only k worth a constraint."""
    return sorted({c.size for c in candidates if c.table is None and c.locked is None})
