"""A fast, always-valid starting schedule: the most valuable pairs first.

Locked meetings are placed first; then each pair, best value first, takes the
earliest slot where both are free and a table is left. It is the starting
point (hint) of the CP-SAT search and the answer when the search is stopped
before finding anything better.
"""

from __future__ import annotations

from collections import Counter

from solver.candidates import Candidate
from solver.plan import Plan
from solver.problem import Problem


def value_sorted_greedy(problem: Problem, candidates: list[Candidate]) -> Plan:
    table_count = len(problem.tables)
    busy: set[tuple[str, int]] = set()
    meetings_in_slot: Counter[int] = Counter()
    meetings_of: Counter[str] = Counter()
    plan: Plan = []

    def room_for(person: str) -> bool:
        cap = problem.attendee(person).max_meetings
        return cap is None or meetings_of[person] < cap

    order = sorted(
        range(len(candidates)),
        key=lambda i: (candidates[i].locked is None, -candidates[i].value, i),
    )
    for index in order:
        cand = candidates[index]
        if cand.locked is None and not (room_for(cand.a) and room_for(cand.b)):
            continue
        for slot in cand.slots:
            free = (cand.a, slot) not in busy and (cand.b, slot) not in busy
            if cand.locked is not None or (free and meetings_in_slot[slot] < table_count):
                plan.append((index, slot))
                busy.update({(cand.a, slot), (cand.b, slot)})
                meetings_in_slot[slot] += 1
                meetings_of.update((cand.a, cand.b))
                break
    return plan
