"""Fast, always-valid schedules built one meeting at a time.

`PlanBuilder` keeps the hard rules while meetings are added. Three orders
use it:
- `first_come_first_served`: each request in the order it came takes the
  earliest common free slot (how web platforms schedule; a baseline);
- `value_sorted`: the most valuable pairs first, earliest slot (a baseline);
- `fair_compact`: must-meets first, then everyone up to `min_meetings`,
  then by value, each in the slot that adds the fewest idle slots. It is the
  engine's starting schedule.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from solver.candidates import Candidate
from solver.capacity import SlotCapacity, slot_capacities
from solver.figures import requesters_and_requested
from solver.plan import Plan
from solver.problem import Problem, pair_key


class PlanBuilder:
    """A growing plan that never breaks a hard rule."""

    def __init__(self, problem: Problem, candidates: list[Candidate]) -> None:
        self.problem = problem
        self.candidates = candidates
        self.capacity: list[SlotCapacity] = slot_capacities(problem)
        self.sizes: list[Counter[int]] = [Counter() for _ in problem.slots]
        self.busy: dict[str, set[int]] = {}
        self.count: Counter[str] = Counter()
        self.fixed_table_used: set[tuple[int, int]] = set()
        self.placed: set[int] = set()
        self.plan: Plan = []
        self._cap = {a.id: a.max_meetings for a in problem.attendees}
        for index, cand in enumerate(candidates):
            if cand.locked is not None:
                self._place(index, cand.locked.slot)

    @classmethod
    def of_plan(cls, problem: Problem, candidates: list[Candidate], plan: Plan) -> PlanBuilder:
        """A builder holding `plan` (its locked meetings are placed by the builder itself)."""
        builder = cls(problem, candidates)
        for index, slot in plan:
            if candidates[index].locked is None:
                builder.place(index, slot)
        return builder

    def has_room(self, person: str) -> bool:
        cap = self._cap[person]
        return cap is None or self.count[person] < cap

    def can_place(self, index: int, slot: int) -> bool:
        cand = self.candidates[index]
        if index in self.placed or not (self.has_room(cand.a) and self.has_room(cand.b)):
            return False
        if slot in self.busy.get(cand.a, ()) or slot in self.busy.get(cand.b, ()):
            return False
        if cand.table is not None:
            return (cand.table, slot) not in self.fixed_table_used
        sizes = self.sizes[slot]
        sizes[cand.size] += 1
        fits = self.capacity[slot].fits(sizes)
        sizes[cand.size] -= 1
        return fits

    def place(self, index: int, slot: int) -> None:
        assert self.can_place(index, slot)
        self._place(index, slot)

    def _place(self, index: int, slot: int, position: int | None = None) -> None:
        cand = self.candidates[index]
        self.placed.add(index)
        if position is None:
            self.plan.append((index, slot))
        else:
            self.plan[position] = (index, slot)
        for person in (cand.a, cand.b):
            self.busy.setdefault(person, set()).add(slot)
            self.count[person] += 1
        if cand.locked is not None:
            return  # its table is already out of the slot's free pool
        if cand.table is not None:
            self.fixed_table_used.add((cand.table, slot))
        else:
            self.sizes[slot][cand.size] += 1

    def take_back(self, position: int) -> None:
        """Undo the meeting at `position` of the plan (not a locked one); see `put_back`."""
        index, slot = self.plan[position]
        cand = self.candidates[index]
        self.placed.discard(index)
        for person in (cand.a, cand.b):
            self.busy[person].discard(slot)
            self.count[person] -= 1
        if cand.table is not None:
            self.fixed_table_used.discard((cand.table, slot))
        else:
            self.sizes[slot][cand.size] -= 1

    def put_back(self, position: int, index: int, slot: int) -> None:
        """Place a taken-back meeting again, at `slot`, keeping its plan position."""
        assert self.can_place(index, slot)
        self._place(index, slot, position)

    def replace(self, position: int, index: int) -> bool:
        """Put meeting `index` in place of the one at `position`, in its slot, if it fits there.

        Returns False (and changes nothing) when it does not fit.
        """
        out_index, slot = self.plan[position]
        self.take_back(position)
        if not self.can_place(index, slot):
            self.put_back(position, out_index, slot)
            return False
        self.put_back(position, index, slot)
        return True

    def earliest_slot(self, index: int) -> int | None:
        return next((s for s in self.candidates[index].slots if self.can_place(index, s)), None)

    def most_compact_slot(self, index: int) -> int | None:
        """The feasible slot adding the fewest idle slots for both; earliest on ties."""
        cand = self.candidates[index]
        best: tuple[int, int] | None = None
        for slot in cand.slots:
            if not self.can_place(index, slot):
                continue
            cost = self.idle_cost(cand.a, slot) + self.idle_cost(cand.b, slot)
            if best is None or (cost, slot) < best:
                best = (cost, slot)
        return None if best is None else best[1]

    def idle_cost(self, person: str, slot: int) -> int:
        busy = self.busy.get(person)
        if not busy:
            return 0
        first, last = min(busy), max(busy)
        if first < slot < last:
            return -1  # fills a hole
        return (first - slot - 1) if slot < first else (slot - last - 1)


def _place_in_order(builder: PlanBuilder, order: Iterable[int], compact: bool) -> None:
    for index in order:
        slot = builder.most_compact_slot(index) if compact else builder.earliest_slot(index)
        if slot is not None:
            builder.place(index, slot)


def first_come_first_served(problem: Problem, candidates: list[Candidate]) -> Plan:
    """Requests in the order they came, each in the earliest slot both have free."""
    index_of = {(c.a, c.b): i for i, c in enumerate(candidates)}
    builder = PlanBuilder(problem, candidates)
    order = (index_of.get(pair_key(r.requester, r.requested)) for r in problem.requests)
    _place_in_order(builder, (i for i in order if i is not None), compact=False)
    return builder.plan


def value_sorted(problem: Problem, candidates: list[Candidate]) -> Plan:
    builder = PlanBuilder(problem, candidates)
    order = sorted(range(len(candidates)), key=lambda i: (-candidates[i].value, i))
    _place_in_order(builder, order, compact=False)
    return builder.plan


def fair_compact(problem: Problem, candidates: list[Candidate], min_meetings: int) -> Plan:
    builder = PlanBuilder(problem, candidates)
    musts = sorted((i for i, c in enumerate(candidates) if c.must),
                   key=lambda i: (len(candidates[i].slots), -candidates[i].value, i))
    _place_in_order(builder, musts, compact=True)
    return complete_fairly(builder, min_meetings)


def complete_fairly(builder: PlanBuilder, min_meetings: int) -> Plan:
    """The builder's plan, then everyone below `min_meetings` one more at a time, then the
    rest by value; each meeting in its most compact slot."""
    candidates = builder.candidates
    _cover_everyone(builder, builder.problem, candidates, min_meetings)
    rest = sorted(range(len(candidates)),
                  key=lambda i: (-candidates[i].value, len(candidates[i].slots), i))
    _place_in_order(builder, rest, compact=True)
    return builder.plan


def _cover_everyone(builder: PlanBuilder, problem: Problem, candidates: list[Candidate],
                    min_meetings: int) -> None:
    """Rounds in which each attendee below `min_meetings` gets one more meeting if possible."""
    options: dict[str, list[int]] = {}
    for index, cand in enumerate(candidates):
        options.setdefault(cand.a, []).append(index)
        options.setdefault(cand.b, []).append(index)
    counted = requesters_and_requested(problem)
    for _ in range(min_meetings):
        short = sorted((p for p in counted if builder.count[p] < min_meetings and p in options),
                       key=lambda p: (builder.count[p], len(options[p]), p))
        for person in short:
            if builder.count[person] >= min_meetings:
                continue

            def preference(index: int, person: str = person) -> tuple[int, int, int]:
                cand = candidates[index]
                partner = cand.b if cand.a == person else cand.a
                return (int(builder.count[partner] >= min_meetings), -cand.value, index)

            for index in sorted(options[person], key=preference):
                slot = builder.most_compact_slot(index)
                if slot is not None:
                    builder.place(index, slot)
                    break
