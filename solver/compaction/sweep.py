"""Re-time a schedule from scratch: the same meetings, slot by slot, keeping runs going.

The sweep goes through the slots in order and, in each, seats first the
meetings of people whose day would otherwise end too late (no slack left),
then of people who have started their day and still have meetings to go (so
their run goes on without a gap), then starts the people with the least
room left. The few meetings the sweep cannot seat go to the free place that
adds the fewest idle slots, or bump a meeting elsewhere, or take the place
of a less valuable meeting nobody needs.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict

from solver.candidates import Candidate
from solver.greedy import PlanBuilder
from solver.plan import Plan
from solver.problem import Problem


def retime_by_sweep(problem: Problem, candidates: list[Candidate], plan: Plan,
                    min_meetings: int) -> Plan:
    """The same meetings, slot by slot, keeping runs going; may drop what cannot be seated."""
    builder = PlanBuilder(problem, candidates)
    to_seat = [c for c, _ in plan if candidates[c].locked is None]
    remaining: Counter[str] = Counter()
    for c in to_seat:
        remaining[candidates[c].a] += 1
        remaining[candidates[c].b] += 1
    available = {a.id: sorted(s for s in range(len(problem.slots)) if a.is_available(s))
                 for a in problem.attendees}
    by_slot: dict[int, list[int]] = defaultdict(list)
    for c in to_seat:
        for slot in candidates[c].slots:
            by_slot[slot].append(c)
    seated: set[int] = set()

    def slack(person: str, slot: int) -> int:
        """Free slots left in the person's day beyond the meetings still to seat."""
        days = available[person]
        return len(days) - bisect.bisect_left(days, slot) - remaining[person]

    def mid_run(person: str, slot: int) -> bool:
        busy = builder.busy.get(person)
        return busy is not None and bool(busy) and min(busy) < slot and remaining[person] > 0

    for slot in range(len(problem.slots)):
        options = [c for c in by_slot.get(slot, ()) if c not in seated]

        def priority(c: int, slot: int = slot) -> tuple[int, int, int, int, int]:
            cand = candidates[c]
            slack_a, slack_b = slack(cand.a, slot), slack(cand.b, slot)
            tight = int(slack_a <= 0) + int(slack_b <= 0)
            running = int(mid_run(cand.a, slot)) + int(mid_run(cand.b, slot))
            return (-tight, -running, -int(cand.must), min(slack_a, slack_b), c)

        for c in sorted(options, key=priority):
            if builder.can_place(c, slot):
                builder.place(c, slot)
                seated.add(c)
                remaining[candidates[c].a] -= 1
                remaining[candidates[c].b] -= 1
    left_over = sorted((c for c in to_seat if c not in seated),
                       key=lambda c: (-int(candidates[c].must), -candidates[c].value, c))
    for c in left_over:
        compact_slot = builder.most_compact_slot(c)
        if compact_slot is not None:
            builder.place(c, compact_slot)
        elif not _seat_by_bumping(builder, c):
            _seat_by_evicting(builder, c, min_meetings)
    return builder.plan


def _seat_by_bumping(builder: PlanBuilder, index: int) -> bool:
    """Seat a meeting where its people have other meetings, moving those elsewhere."""
    candidates = builder.candidates
    pair = {candidates[index].a, candidates[index].b}
    for slot in candidates[index].slots:
        blockers = [position for position, (c, s) in enumerate(builder.plan)
                    if s == slot and {candidates[c].a, candidates[c].b} & pair]
        if any(candidates[builder.plan[p][0]].locked is not None for p in blockers):
            continue
        for position in blockers:
            builder.take_back(position)
        if builder.can_place(index, slot):
            builder.place(index, slot)
            moved: list[int] = []
            for position in blockers:
                other = builder.most_compact_slot(builder.plan[position][0])
                if other is None:
                    break
                builder.put_back(position, builder.plan[position][0], other)
                moved.append(position)
            if len(moved) == len(blockers):
                return True
            for position in moved:
                builder.take_back(position)
            builder.take_back(len(builder.plan) - 1)
            builder.plan.pop()
        for position in blockers:
            builder.put_back(position, builder.plan[position][0], slot)
    return False


def _seat_by_evicting(builder: PlanBuilder, index: int, min_meetings: int) -> bool:
    """Seat a meeting in a full slot in place of a less valuable one nobody needs.

    The evicted meeting is not a must-meet, worth less, and both its people keep
    more than `min_meetings` meetings, so must-meets and coverage never drop.
    """
    candidates = builder.candidates
    cand = candidates[index]
    if not (builder.has_room(cand.a) and builder.has_room(cand.b)):
        return False
    busy_a, busy_b = builder.busy.get(cand.a, set()), builder.busy.get(cand.b, set())
    free_for_both = [s for s in cand.slots if s not in busy_a and s not in busy_b]
    evictable = sorted(
        (candidates[c].value, position, slot)
        for position, (c, slot) in enumerate(builder.plan)
        if slot in free_for_both and candidates[c].locked is None and not candidates[c].must
        and candidates[c].value < cand.value + int(cand.must) * 1000
        and builder.count[candidates[c].a] > min_meetings
        and builder.count[candidates[c].b] > min_meetings)
    return any(builder.replace(position, index) for _, position, _ in evictable)
