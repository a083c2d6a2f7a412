"""How many requesters no schedule can give a meeting: a proven floor for the bench.

An LP (GLOP) gives each requester a share z ≤ 1 of "has a meeting", at most
the sum of their chosen pairs, under the pair-selection rules of
`solver.bound` (each person's capacity, booths, seats), with at least the
must-meets the schedule reached (must-meets come first). Requesters minus
the LP's best Σ z, rounded up, is a floor on those left with no meeting: a
schedule that reaches it leaves out nobody who could have been met.
"""

from __future__ import annotations

import math
from collections import defaultdict

from ortools.linear_solver import pywraplp

from solver.bound import meeting_capacity
from solver.candidates import Candidate
from solver.capacity import size_thresholds, slot_capacities
from solver.problem import Problem


def unavoidable_zero_requesters(problem: Problem, candidates: list[Candidate],
                                must_reached: int) -> int:
    """Requesters that no schedule with `must_reached` must-meets gives a meeting (a floor)."""
    requesters = {r.requester for r in problem.requests}
    solver = pywraplp.Solver.CreateSolver("GLOP")
    if solver is None:
        return 0
    chosen = [solver.NumVar(1 if c.locked else 0, 1, "") for c in candidates]
    by_person: dict[str, list[pywraplp.Variable]] = defaultdict(list)
    at_table: dict[int, list[pywraplp.Variable]] = defaultdict(list)
    by_seats: dict[int, list[pywraplp.Variable]] = defaultdict(list)
    thresholds = size_thresholds(candidates)
    for x, cand in zip(chosen, candidates, strict=True):
        by_person[cand.a].append(x)
        by_person[cand.b].append(x)
        if cand.locked is not None:
            continue
        if cand.table is not None:
            at_table[cand.table].append(x)
        else:
            for k in thresholds:
                if cand.size >= k:
                    by_seats[k].append(x)
    for person, pairs in by_person.items():
        solver.Add(sum(pairs) <= meeting_capacity(problem, person))
    for table, pairs in at_table.items():
        solver.Add(sum(pairs) <= sum(1 for s in range(len(problem.slots))
                                     if problem.tables[table].is_available(s)))
    capacities = slot_capacities(problem)
    for k, pairs in by_seats.items():
        solver.Add(sum(pairs) <= sum(capacity.at_least(k) for capacity in capacities))
    solver.Add(sum(x for x, c in zip(chosen, candidates, strict=True) if c.must)
               >= must_reached)
    met = []
    for person in requesters & set(by_person):
        z = solver.NumVar(0, 1, "")
        solver.Add(z <= sum(by_person[person]))
        met.append(z)
    if not met:
        return len(requesters)
    solver.Maximize(sum(met))
    if solver.Solve() != pywraplp.Solver.OPTIMAL:
        return 0
    covered: float = solver.Objective().Value()
    return len(requesters) - math.floor(covered + 1e-6)
