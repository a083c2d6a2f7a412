"""Fewer idle slots for a little value: leave out meetings that stand far from the others.

A meeting at 16:40 for someone whose other meetings end at 11:00 costs them
a morning of waiting. The value tolerance allows compactness to cost some
value; this spends it where it buys the most idle slots per value point:
never a must-meet or a locked meeting, and never one whose people would fall
to `min_meetings` meetings or below it (coverage and who has a meeting stay).
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Set as AbstractSet

from solver.candidates import Candidate
from solver.figures import idle_slots
from solver.plan import Plan


def drop_outlying_meetings(candidates: list[Candidate], plan: Plan, min_meetings: int,
                           value_to_spare: int, counted: AbstractSet[str]) -> Plan:
    """`plan` without the meetings that save the most idle slots per value point.

    Only meetings whose leaving saves idle slots go, best deal first, while
    their value fits in `value_to_spare`. `counted`: the people coverage
    counts (who asked or was asked); others may lose any meeting.
    """
    busy: dict[str, set[int]] = defaultdict(set)
    for c, slot in plan:
        busy[candidates[c].a].add(slot)
        busy[candidates[c].b].add(slot)

    def saving(position: int) -> int:
        c, slot = plan[position]
        cand = candidates[c]
        return sum(idle_slots(busy[p]) - idle_slots(busy[p] - {slot}) for p in (cand.a, cand.b))

    def may_go(position: int) -> bool:
        cand = candidates[plan[position][0]]
        return (not cand.must and cand.locked is None and cand.value <= value_to_spare
                and all(p not in counted or len(busy[p]) > min_meetings
                        for p in (cand.a, cand.b)))

    # Best deal first: most idle slots saved per value point (negated: heapq pops the least).
    queue = [(-saving(i) / max(1, candidates[c].value), i) for i, (c, _) in enumerate(plan)]
    queue = [entry for entry in queue if entry[0] < 0]
    heapq.heapify(queue)
    dropped: set[int] = set()
    while queue and value_to_spare > 0:
        key, position = heapq.heappop(queue)
        if position in dropped or not may_go(position):
            continue
        c, slot = plan[position]
        current = -saving(position) / max(1, candidates[c].value)
        if current != key:  # a partner's meetings changed since: queue it at its new worth
            if current < 0:
                heapq.heappush(queue, (current, position))
            continue
        dropped.add(position)
        value_to_spare -= candidates[c].value
        busy[candidates[c].a].discard(slot)
        busy[candidates[c].b].discard(slot)
    return [m for i, m in enumerate(plan) if i not in dropped]
