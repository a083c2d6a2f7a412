"""One-for-one swaps: an unscheduled pair takes the place of a meeting, for value or coverage.

When every table is taken, value grows only by replacing meetings. For each
unscheduled pair, most valuable first, each slot where both people are free
is tried: if a table is free the pair just meets there; otherwise the
cheapest meeting of that slot that nobody needs leaves (never a must-meet;
for anything but a must-meet, never one whose people would fall below
`min_meetings`), when the pair is worth more. Built on `PlanBuilder`, so every hard rule holds.
"""

from __future__ import annotations

import time
from collections import defaultdict

from solver.candidates import Candidate, movable_pairs_by_person
from solver.figures import requesters_and_requested
from solver.greedy import PlanBuilder
from solver.plan import Plan
from solver.problem import Problem


def improve_value_by_swaps(problem: Problem, candidates: list[Candidate], plan: Plan,
                           min_meetings: int, deadline: float, keep_compact: bool = False) -> Plan:
    """Passes of swaps until none adds value or the deadline (`time.monotonic()`) passes.

    With `keep_compact`, a swap must not add an idle slot to anyone: the new
    pair meets next to (or inside) both people's runs, and the meeting that
    leaves was at an end of its people's runs.
    """
    builder = PlanBuilder.of_plan(problem, candidates, plan)
    improved = True
    while improved and time.monotonic() < deadline:
        improved = False
        at_slot: dict[int, list[int]] = defaultdict(list)
        for position, (c, slot) in enumerate(builder.plan):
            if candidates[c].locked is None and not candidates[c].must:
                at_slot[slot].append(position)
        for positions in at_slot.values():
            positions.sort(key=lambda p: candidates[builder.plan[p][0]].value)
        order = sorted((c for c in range(len(candidates))
                        if c not in builder.placed and candidates[c].locked is None),
                       key=lambda c: (-int(candidates[c].must), -candidates[c].value, c))
        for c in order:
            if time.monotonic() >= deadline:
                break
            if _swap_in(builder, c, at_slot, min_meetings, keep_compact):
                improved = True
    return builder.plan


def _swap_in(builder: PlanBuilder, index: int, at_slot: dict[int, list[int]],
             min_meetings: int, keep_compact: bool) -> bool:
    candidates = builder.candidates
    cand = candidates[index]
    if not (builder.has_room(cand.a) and builder.has_room(cand.b)):
        return False
    worth = cand.value + (1 << 30) * int(cand.must)
    busy_a, busy_b = builder.busy.get(cand.a, set()), builder.busy.get(cand.b, set())
    best: tuple[int, int, int | None] | None = None  # (value lost, slot, evicted position)
    for slot in cand.slots:
        if slot in busy_a or slot in busy_b:
            continue
        if keep_compact and (builder.idle_cost(cand.a, slot) > 0
                             or builder.idle_cost(cand.b, slot) > 0):
            continue
        if builder.can_place(index, slot):
            best = (0, slot, None)
            break
        for position in at_slot.get(slot, ()):
            out_index, out_slot = builder.plan[position]
            out = candidates[out_index]
            if out_slot != slot or out_index not in builder.placed:
                continue
            if out.value >= worth:
                break  # sorted by value: no cheaper meeting follows
            if not cand.must and min(builder.count[out.a], builder.count[out.b]) <= min_meetings:
                continue  # a must-meet comes before coverage; nothing else does
            if keep_compact and not (_at_run_end(builder, out.a, slot)
                                     and _at_run_end(builder, out.b, slot)):
                continue
            if best is None or out.value < best[0]:
                best = (out.value, slot, position)
            break
    if best is None:
        return False
    _, slot, evicted = best
    if evicted is None:
        builder.place(index, slot)
        return True
    if not builder.replace(evicted, index):
        return False
    at_slot[slot].remove(evicted)
    return True


def cover_by_swaps(problem: Problem, candidates: list[Candidate], plan: Plan,
                   min_meetings: int) -> Plan:
    """Give attendees without a meeting one, in place of a meeting of someone with plenty.

    A person Z who asked (or was asked) but has no meeting, and whose partner Q
    is full or busy whenever Z could meet them, takes the place of one of
    Q's meetings with R, when R keeps more than `min_meetings` meetings and it
    is not a must-meet: Z gains a first meeting, Q keeps as many, and R stays
    above the coverage line, so coverage grows by one and must-meets stay.
    """
    builder = PlanBuilder.of_plan(problem, candidates, plan)
    options = movable_pairs_by_person(candidates)
    for person in sorted(requesters_and_requested(problem)):
        if builder.count[person] > 0 or not builder.has_room(person):
            continue
        for c in sorted(options.get(person, ()), key=lambda c: -candidates[c].value):
            partner = candidates[c].b if candidates[c].a == person else candidates[c].a
            if _take_a_place_of(builder, c, partner, min_meetings):
                break
    return builder.plan


def _take_a_place_of(builder: PlanBuilder, index: int, partner: str, min_meetings: int) -> bool:
    """Seat `index` in place of one of `partner`'s meetings whose other person has plenty."""
    candidates = builder.candidates
    allowed = set(candidates[index].slots)
    for position, (out_index, slot) in enumerate(builder.plan):
        out = candidates[out_index]
        if slot not in allowed or partner not in (out.a, out.b):
            continue
        other = out.b if out.a == partner else out.a
        if (out.locked is None and not out.must and builder.count[other] > min_meetings
                and builder.replace(position, index)):
            return True
    return False


def _at_run_end(builder: PlanBuilder, person: str, slot: int) -> bool:
    """Whether taking away the person's meeting at `slot` leaves no new idle slot."""
    busy = builder.busy[person]
    return slot in (min(busy), max(busy))
