"""Fewer gaps by exchanging, for two slots at a time, the best set of Kempe chains.

For two slots s and t, the meetings held in either form chains: a meeting
in s is linked to the meetings its people (and its fixed table) have in t,
and so on. Moving a whole chain to the other slot keeps every person at one
meeting per slot. A person's day changes only at a chain's ends, and each
person is in one chain only, so the gain of moving each chain is known on
its own. Chains that move more meetings one way than the other must be
balanced by chains that move the other way when the slots are full: the
step moves every chain that gains and fits, then pairs the unbalanced ones.

Going over every pair of slots, again and again, finds the improvements
that moving one chain at a time cannot make where every table is taken.
"""

from __future__ import annotations

import itertools
import math
import random
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from solver.cancel import CancelToken
from solver.candidates import Candidate
from solver.capacity import SlotCapacity
from solver.figures import gaps_measure
from solver.options import Compactness
from solver.plan import Plan

_Net = tuple[tuple[int, int], ...]  # (size, meetings gained by the first slot), sorted


@dataclass
class _Chain:
    positions: list[int]
    gain: int  # change of gaps when moved; negative is better
    net: _Net


class SlotTiming:
    """Which slot each meeting of a plan holds, with the indexes the exchanges need."""

    def __init__(self, candidates: list[Candidate], plan: Plan,
                 capacities: list[SlotCapacity], measure: Compactness) -> None:
        self.candidates = candidates
        self.plan = list(plan)
        self.capacities = capacities
        self.gaps = gaps_measure(measure)
        self.allowed = [frozenset(c.slots) for c in candidates]
        self.at_slot: dict[int, set[int]] = defaultdict(set)
        self.busy: dict[str, set[int]] = defaultdict(set)
        self.person_at: dict[tuple[str, int], int] = {}
        self.table_at: dict[tuple[int, int], int] = {}
        self.sizes: list[Counter[int]] = [Counter() for _ in capacities]
        for position, (c, slot) in enumerate(self.plan):
            self._enter(position, c, slot)

    def _enter(self, position: int, c: int, slot: int) -> None:
        cand = self.candidates[c]
        self.at_slot[slot].add(position)
        for person in (cand.a, cand.b):
            self.busy[person].add(slot)
            self.person_at[(person, slot)] = position
        if cand.locked is not None:
            return
        if cand.table is not None:
            self.table_at[(cand.table, slot)] = position
        else:
            self.sizes[slot][cand.size] += 1

    def _leave(self, position: int, c: int, slot: int) -> None:
        cand = self.candidates[c]
        self.at_slot[slot].discard(position)
        for person in (cand.a, cand.b):
            self.busy[person].discard(slot)
            del self.person_at[(person, slot)]
        if cand.table is not None:
            del self.table_at[(cand.table, slot)]
        else:
            self.sizes[slot][cand.size] -= 1

    def chains(self, first: int, second: int) -> list[_Chain]:
        """The movable chains of the two slots, each with its gain and net size change."""
        seen: set[int] = set()
        found = []
        for start in itertools.chain(self.at_slot[first], self.at_slot[second]):
            if start in seen:
                continue
            positions, movable = self.chain_from(start, first, second, seen)
            if movable:
                found.append(self.measure(positions, first, second))
        return found

    def chain_from(self, start: int, first: int, second: int,
                   seen: set[int] | None = None) -> tuple[list[int], bool]:
        """The chain of the meeting at `start` in the two slots, and whether it may move."""
        seen = set() if seen is None else seen
        positions, stack, movable = [start], [start], True
        seen.add(start)
        while stack:
            position = stack.pop()
            c, slot = self.plan[position]
            cand = self.candidates[c]
            other = second if slot == first else first
            if cand.locked is not None or other not in self.allowed[c]:
                movable = False
            linked = [self.person_at.get((cand.a, other)), self.person_at.get((cand.b, other))]
            if cand.table is not None:
                linked.append(self.table_at.get((cand.table, other)))
            for next_position in linked:
                if next_position is not None and next_position not in seen:
                    seen.add(next_position)
                    positions.append(next_position)
                    stack.append(next_position)
        return positions, movable

    def measure(self, positions: list[int], first: int, second: int) -> _Chain:
        moved: dict[str, int] = {}
        net: dict[int, int] = {}
        for position in positions:
            c, slot = self.plan[position]
            cand = self.candidates[c]
            moved[cand.a] = moved.get(cand.a, 0) + 1
            moved[cand.b] = moved.get(cand.b, 0) + 1
            if cand.table is None:
                net[cand.size] = net.get(cand.size, 0) + (-1 if slot == first else 1)
        both = {first, second}
        gain = 0
        for person, count in moved.items():
            if count == 1:  # busy in both slots, before and after, when 2
                slots = self.busy[person]
                gain += self.gaps(slots ^ both) - self.gaps(slots)
        return _Chain(positions, gain, tuple(sorted((k, n) for k, n in net.items() if n)))

    def fits_after(self, first: int, second: int, net: _Net, extra_size: int = 0) -> bool:
        """Whether both slots' tables hold their meetings once a chain with `net` moved,
        and one more meeting needing `extra_size` seats at `first` (0: none)."""
        one, two = Counter(self.sizes[first]), Counter(self.sizes[second])
        for size, n in net:
            one[size] += n
            two[size] -= n
        if extra_size:
            one[extra_size] += 1
        return self.capacities[first].fits(one) and self.capacities[second].fits(two)

    def move(self, chain: _Chain, first: int, second: int) -> None:
        self._move(chain.positions, first, second)

    def _move(self, positions: list[int], first: int, second: int) -> None:
        before = [(position, *self.plan[position]) for position in positions]
        for position, c, slot in before:
            self._leave(position, c, slot)
        for position, c, slot in before:
            other = second if slot == first else first
            self.plan[position] = (c, other)
            self._enter(position, c, other)


Accept = Callable[[int], bool]  # whether to make a change of gaps (negative: fewer)


def exchange_slot_pairs(candidates: list[Candidate], plan: Plan,
                        capacities: list[SlotCapacity], measure: Compactness,
                        deadline: float, cancel: CancelToken | None = None) -> Plan:
    """The same meetings with fewer gaps, by best chain exchanges between pairs of slots.

    Rounds over every pair of slots repeat while a round improves, the
    deadline (a `time.monotonic()` value) has not passed and `cancel` is not
    cancelled.
    """
    cancel = cancel or CancelToken()
    timing = SlotTiming(candidates, plan, capacities, measure)
    pairs = list(itertools.combinations(range(len(capacities)), 2))
    improved = True
    while improved and time.monotonic() < deadline:
        improved = False
        for first, second in pairs:
            if time.monotonic() >= deadline or cancel.cancelled:
                return timing.plan
            improved |= _exchange(timing, first, second, _fewer) < 0
    return timing.plan


def anneal_slot_pairs(candidates: list[Candidate], plan: Plan, capacities: list[SlotCapacity],
                      measure: Compactness, deadline: float, rng: random.Random,
                      temperature: float = 1.0, cancel: CancelToken | None = None) -> Plan:
    """The same meetings with fewer gaps, by chain exchanges under simulated annealing.

    Like `exchange_slot_pairs`, but a chain that changes nothing moves half
    the time and one that adds gaps moves with probability exp(-added / T),
    T falling from `temperature` to zero by the deadline, so that the search
    leaves the first local optimum it meets. Returns the best timing seen
    (also when `cancel` is cancelled, which stops it within one pair of slots);
    ends early when nobody has a gap.
    """
    cancel = cancel or CancelToken()
    timing = SlotTiming(candidates, plan, capacities, measure)
    pairs = list(itertools.combinations(range(len(capacities)), 2))
    started = time.monotonic()
    current = best = 0
    gaps_at_start = sum(timing.gaps(slots) for slots in timing.busy.values())
    best_plan = list(timing.plan)
    while ((now := time.monotonic()) < deadline and not cancel.cancelled
           and gaps_at_start + best > 0):
        cooling = temperature * (deadline - now) / max(1e-9, deadline - started)

        def accept(change: int, cooling: float = cooling) -> bool:
            if change < 0:
                return True
            if change == 0:
                return rng.random() < 0.5
            return rng.random() < math.exp(-change / cooling) if cooling > 0 else False

        rng.shuffle(pairs)
        for first, second in pairs:
            if time.monotonic() >= deadline or cancel.cancelled:
                break
            current += _exchange(timing, first, second, accept)
            if current < best:
                best, best_plan = current, list(timing.plan)
                if gaps_at_start + best == 0:
                    break  # nobody has a gap: nothing left to find
    return best_plan


def _fewer(change: int) -> bool:
    return change < 0


def _exchange(timing: SlotTiming, first: int, second: int, accept: Accept) -> int:
    """Move the chains `accept` takes between the two slots; the change of gaps.

    Chains are disjoint and their gains independent, so moving one leaves the
    others' gains as measured: first every accepted chain that fits, best
    first, then pairs of opposite unbalanced chains (together they change no
    slot's load).
    """
    total = 0
    unbalanced: dict[_Net, list[_Chain]] = defaultdict(list)
    for chain in sorted(timing.chains(first, second), key=lambda chain: chain.gain):
        if accept(chain.gain) and timing.fits_after(first, second, chain.net):
            timing.move(chain, first, second)
            total += chain.gain
        elif chain.net:
            unbalanced[chain.net].append(chain)
    for net, these in unbalanced.items():
        opposite = tuple((size, -n) for size, n in net)
        if net > opposite or opposite not in unbalanced:
            continue
        for one, other in zip(these, unbalanced[opposite], strict=False):
            if not accept(one.gain + other.gain):
                break  # both lists are sorted by gain: later pairs gain less
            timing.move(one, first, second)
            timing.move(other, first, second)
            total += one.gain + other.gain
    return total
