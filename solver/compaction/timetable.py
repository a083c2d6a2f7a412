"""A plan being re-timed: who meets whom in which slot, and hole filling that keeps it valid.

Built on `PlanBuilder`, so every change keeps every hard rule: a hole is
filled with an unscheduled pair (in place of a meeting nobody needs when
the slot is full).
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from typing import NamedTuple

from solver.candidates import Candidate
from solver.figures import idle_slots
from solver.greedy import PlanBuilder
from solver.plan import Plan
from solver.problem import Problem


class _Fill(NamedTuple):
    """One way to fill a hole, ordered best first."""

    paid: bool  # loses value
    cost: int  # idle change plus value lost: lower is a better deal
    idle_change: int
    value_lost: int
    candidate: int
    evicted: int | None  # plan position of the meeting that leaves

    @classmethod
    def of(cls, idle_change: int, value_lost: int, candidate: int,
           evicted: int | None) -> _Fill:
        return cls(value_lost > 0, idle_change + max(0, value_lost), idle_change, value_lost,
                   candidate, evicted)


class Timetable:
    """A plan being re-timed: who meets in which slot, on top of a `PlanBuilder`."""

    def __init__(self, problem: Problem, candidates: list[Candidate], plan: Plan) -> None:
        self.candidates = candidates
        self.builder = PlanBuilder.of_plan(problem, candidates, plan)
        self.allowed = [frozenset(c.slots) for c in candidates]

    def idle(self, person: str, moved_out: AbstractSet[int] = frozenset(),
             moved_in: AbstractSet[int] = frozenset()) -> int:
        return idle_slots((self.builder.busy.get(person, set()) - moved_out) | moved_in)

    def fill_hole(self, person: str, hole: int, options: list[int],
                  at_slot: dict[int, set[int]], min_meetings: int,
                  value_to_spare: int) -> int | None:
        """Seat one of `options` at `hole` (maybe in place of another meeting); the value change.

        None when no such change lowers the total of idle slots within the value to spare.
        """
        builder, candidates = self.builder, self.candidates
        # Free changes (no value lost) first, then the most idle slots per value point.
        best: _Fill | None = None
        for c in options:
            cand = candidates[c]
            partner = cand.b if cand.a == person else cand.a
            if (c in builder.placed or hole not in self.allowed[c]
                    or hole in builder.busy.get(partner, ())
                    or not (builder.has_room(person) and builder.has_room(partner))):
                continue
            gain = (self.idle(person, moved_in={hole}) - self.idle(person)
                    + self.idle(partner, moved_in={hole}) - self.idle(partner))
            if builder.can_place(c, hole):
                option = _Fill.of(gain, -cand.value, c, None)
                if gain < 0 and (best is None or option < best):
                    best = option
                continue
            for position in at_slot[hole]:
                out = candidates[builder.plan[position][0]]
                if (out.locked is not None or out.must
                        or out.value - cand.value > value_to_spare
                        or min(builder.count[out.a], builder.count[out.b]) <= min_meetings
                        or {out.a, out.b} & {person, partner}):
                    continue
                loss = (self.idle(out.a, moved_out={hole}) - self.idle(out.a)
                        + self.idle(out.b, moved_out={hole}) - self.idle(out.b))
                option = _Fill.of(gain + loss, out.value - cand.value, c, position)
                if gain + loss < 0 and (best is None or option < best):
                    best = option
        if best is None:
            return None
        c, evicted = best.candidate, best.evicted
        value_change = candidates[c].value
        if evicted is None:
            builder.place(c, hole)
            at_slot[hole].add(len(builder.plan) - 1)
        else:
            out_index = builder.plan[evicted][0]
            if not builder.replace(evicted, c):
                return None
            value_change -= candidates[out_index].value
        return value_change
