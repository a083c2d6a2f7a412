"""Local search for fewer idle slots: hole filling, single moves, and free places used.

Each pass accepts only changes that lower the total of idle slots (or, when
adding meetings, add value without adding gaps) and keeps must-meets and
coverage; passes repeat until none improves or the deadline (a
`time.monotonic()` value) passes.
"""

from __future__ import annotations

import time
from collections import defaultdict

from solver.cancel import CancelToken
from solver.candidates import Candidate, movable_pairs_by_person
from solver.compaction.timetable import Timetable
from solver.figures import gaps_measure, idle_slots
from solver.greedy import PlanBuilder
from solver.options import Compactness
from solver.plan import Plan
from solver.problem import Problem


def compact_by_exchanges(problem: Problem, candidates: list[Candidate], plan: Plan,
                         deadline: float, min_meetings: int, value_floor: int,
                         cancel: CancelToken | None = None) -> Plan:
    """Fill holes with unscheduled pairs, in full slots instead of a meeting nobody needs.

    A person with a hole meets there someone they asked for (or who asked
    for them) and who is free then; when the slot has no table left, a
    meeting of that slot goes instead: never a must-meet, never one whose
    people would fall below `min_meetings`, and only while the schedule's
    value stays at or above `value_floor`.
    Each accepted change lowers the total of idle slots.
    """
    cancel = cancel or CancelToken()
    table = Timetable(problem, candidates, plan)
    builder = table.builder
    value = sum(candidates[c].value for c, _ in builder.plan)
    options = movable_pairs_by_person(candidates)
    at_slot: dict[int, set[int]] = defaultdict(set)
    for position, (_, slot) in enumerate(builder.plan):
        at_slot[slot].add(position)
    improved = True
    while improved and time.monotonic() < deadline:
        improved = False
        for person in sorted(builder.busy):
            if time.monotonic() >= deadline or cancel.cancelled:
                return builder.plan
            slots = builder.busy[person]
            if not slots or table.idle(person) == 0:
                continue
            for hole in [s for s in range(min(slots) + 1, max(slots)) if s not in slots]:
                change = table.fill_hole(person, hole, options[person], at_slot,
                                         min_meetings, value - value_floor)
                if change is not None:
                    value += change
                    improved = True
                    break
    return builder.plan


def compact_by_moves(problem: Problem, candidates: list[Candidate], plan: Plan,
                     deadline: float) -> Plan:
    """Move single meetings to other slots while that lowers both people's idle slots.

    The same meetings stay, so every level but compactness is unchanged. Passes
    repeat until none improves or the deadline (a `time.monotonic()` value) passes.
    """
    builder = PlanBuilder.of_plan(problem, candidates, plan)
    improved = True
    while improved and time.monotonic() < deadline:
        improved = False
        for position, (index, slot) in enumerate(builder.plan):
            cand = candidates[index]
            if cand.locked is not None or len(cand.slots) < 2:
                continue
            before = idle_slots(builder.busy[cand.a]) + idle_slots(builder.busy[cand.b])
            builder.take_back(position)
            best = (before, slot)
            for other in cand.slots:
                if other != slot and builder.can_place(index, other):
                    cost = (idle_slots(builder.busy[cand.a] | {other})
                            + idle_slots(builder.busy[cand.b] | {other}))
                    if cost < best[0]:
                        best = (cost, other)
            builder.put_back(position, index, best[1])
            improved |= best[1] != slot
    return builder.plan


def add_meetings_without_gaps(problem: Problem, candidates: list[Candidate], plan: Plan,
                              measure: Compactness) -> Plan:
    """`plan` plus the unscheduled pairs that fit where they add no gap, most valuable first.

    After compaction a free table can stand right after both people's last
    meeting: a meeting there is value for nothing.
    """
    gaps = gaps_measure(measure)
    builder = PlanBuilder.of_plan(problem, candidates, plan)
    placed = {c for c, _ in builder.plan}
    unscheduled = sorted((c for c, cand in enumerate(candidates)
                          if c not in placed and cand.locked is None),
                         key=lambda c: -candidates[c].value)
    for c in unscheduled:
        cand = candidates[c]
        busy_a, busy_b = builder.busy.get(cand.a, set()), builder.busy.get(cand.b, set())
        before = gaps(busy_a) + gaps(busy_b)
        for slot in cand.slots:
            if (builder.can_place(c, slot)  # both free then, and a table
                    and gaps(busy_a | {slot}) + gaps(busy_b | {slot}) <= before):
                builder.place(c, slot)
                break
    return builder.plan
