"""Reach a chosen set of meetings by re-timing: insert each one after moving Kempe chains.

A wanted meeting of P and Q can take slot s when neither is busy then and a
table is free. When P is busy at s, the chain of P's meeting in slots s and
t (P's meeting, the meetings its people hold at t, theirs at s, and so on)
can move to the other slot as a whole: everyone keeps one meeting per slot,
and P is free at s when P was free at t (the step that proves Vizing's
edge-colouring theorem). So the schedule's meetings stay, only re-timed,
and the wanted one joins them.

`apply_selection` takes a set of pairs to reach (`LevelBounds.best_pairs`) and
changes the schedule towards it, one connected group of changes at a time:
the group's meetings that are not chosen leave, the chosen ones are
inserted, the ones that left come back where they still fit, and the group
is undone unless must-meets, coverage, attendees with a meeting and value (in
that order) grew.
"""

from __future__ import annotations

import time
from collections.abc import Set as AbstractSet

from solver.cancel import CancelToken
from solver.candidates import Candidate
from solver.capacity import SlotCapacity
from solver.compaction.slot_pairs import SlotTiming
from solver.figures import requesters_and_requested
from solver.options import Compactness
from solver.plan import Plan
from solver.problem import Problem

_GONE = -1  # the slot of a plan position whose meeting left
_OPTIONS_WEIGHED = 4  # chains that fit, of which the one adding fewest gaps moves
_ROOM_TRIES = 8  # meetings of a full slot tried for moving out to make room


class _InsertingTiming(SlotTiming):
    """A timing that can add, drop and move meetings, and undo all of it."""

    def __init__(self, problem: Problem, candidates: list[Candidate], plan: Plan,
                 capacities: list[SlotCapacity]) -> None:
        super().__init__(candidates, plan, capacities, Compactness.IDLE_SLOTS)
        self.caps = {a.id: a.max_meetings for a in problem.attendees}
        self.held = {c: position for position, (c, _) in enumerate(self.plan)}
        self.journal: list[tuple[str, list[int], int, int]] = []

    def count(self, person: str) -> int:
        return len(self.busy.get(person, ()))

    def has_room(self, person: str) -> bool:
        cap = self.caps[person]
        return cap is None or self.count(person) < cap

    def add(self, c: int, slot: int) -> None:
        self.plan.append((c, slot))
        position = len(self.plan) - 1
        self._enter(position, c, slot)
        self.held[c] = position
        self.journal.append(("add", [position], slot, 0))

    def drop(self, position: int) -> None:
        c, slot = self.plan[position]
        self._leave(position, c, slot)
        self.plan[position] = (c, _GONE)
        del self.held[c]
        self.journal.append(("drop", [position], slot, 0))

    def move_positions(self, positions: list[int], first: int, second: int) -> None:
        self._move(positions, first, second)
        self.journal.append(("move", positions, first, second))

    def undo_to(self, mark: int) -> None:
        while len(self.journal) > mark:
            kind, positions, first, second = self.journal.pop()
            if kind == "move":
                self._move(positions, first, second)
                continue
            position = positions[0]
            c = self.plan[position][0]
            if kind == "add":
                self._leave(position, c, first)
                self.plan[position] = (c, _GONE)
                del self.held[c]
            else:
                self.plan[position] = (c, first)
                self._enter(position, c, first)
                self.held[c] = position

    def current_plan(self) -> Plan:
        return [(c, slot) for c, slot in self.plan if slot != _GONE]


def insert_by_chains(timing: _InsertingTiming, c: int) -> bool:
    """Insert candidate `c`, moving at most one chain for each of its people; False if not."""
    cand = timing.candidates[c]
    if c in timing.held or not (timing.has_room(cand.a) and timing.has_room(cand.b)):
        return False

    def blockers(slot: int) -> int:
        return sum((p, slot) in timing.person_at for p in (cand.a, cand.b))

    for slot in sorted(cand.slots, key=blockers):
        mark = len(timing.journal)
        if _clear(timing, cand, slot) and _seat_free(timing, cand, slot):
            timing.add(c, slot)
            return True
        timing.undo_to(mark)
    return False


def _seat_needed(cand: Candidate) -> int:
    """Seats the meeting takes from the slot's free tables (0 at a fixed table)."""
    return 0 if cand.table is not None else cand.size


def _seat_free(timing: _InsertingTiming, cand: Candidate, slot: int) -> bool:
    if cand.table is not None:
        return (cand.table, slot) not in timing.table_at
    return timing.fits_after(slot, slot, (), cand.size)


def _clear(timing: _InsertingTiming, cand: Candidate, slot: int) -> bool:
    """Free both people of `cand` at `slot` by moving their meetings' chains elsewhere."""
    people = (cand.a, cand.b)
    for person in people:
        position = timing.person_at.get((person, slot))
        if position is None:
            continue
        last = all((p, slot) not in timing.person_at for p in people if p != person)
        if not _move_chain_away(timing, position, slot, people, cand if last else None):
            return False
    if not any((p, slot) in timing.person_at for p in people):
        return _make_room(timing, cand, slot)
    return False


def _move_chain_away(timing: _InsertingTiming, position: int, slot: int,
                     people: tuple[str, str], extra: Candidate | None) -> bool:
    """Move the chain of the meeting at `position` to the slot where that costs fewest gaps."""
    best: tuple[int, int, list[int]] | None = None
    options = 0
    c = timing.plan[position][0]
    movers = (timing.candidates[c].a, timing.candidates[c].b)
    for other in timing.allowed[c]:
        if other == slot or any(other in timing.busy[p] for p in movers if p in people):
            continue  # the person being freed would be busy at `slot` again
        positions, movable = timing.chain_from(position, slot, other)
        if not movable or _brings_back(timing, positions, other, people):
            continue
        chain = timing.measure(positions, slot, other)
        if not timing.fits_after(slot, other, chain.net,
                                 0 if extra is None else _seat_needed(extra)):
            continue
        if best is None or chain.gain < best[0]:
            best = (chain.gain, other, positions)
        options += 1
        if options == _OPTIONS_WEIGHED:
            break
    if best is None:
        return False
    timing.move_positions(best[2], slot, best[1])
    return True


def _brings_back(timing: _InsertingTiming, positions: list[int], other: int,
                 people: tuple[str, str]) -> bool:
    """Whether moving the chain would put a meeting of `people` into the slot being cleared."""
    for position in positions:
        c, slot = timing.plan[position]
        cand = timing.candidates[c]
        if slot == other and (cand.a in people or cand.b in people):
            return True
    return False


def _make_room(timing: _InsertingTiming, cand: Candidate, slot: int) -> bool:
    """When every fitting table of `slot` is taken, move one chain out that frees a seat."""
    if cand.table is not None or _seat_free(timing, cand, slot):
        return True
    people = (cand.a, cand.b)
    fitting = [position for position in sorted(timing.at_slot[slot])
               if timing.candidates[timing.plan[position][0]].size >= cand.size]
    return any(_move_chain_away(timing, position, slot, people, cand)
               for position in fitting[:_ROOM_TRIES])


def apply_selection(problem: Problem, candidates: list[Candidate], plan: Plan,
                    selection: set[int], capacities: list[SlotCapacity], min_meetings: int,
                    deadline: float, cancel: CancelToken | None = None) -> tuple[Plan, set[int]]:
    """The plan moved towards `selection`, group by group, each group kept only if better.

    Also returns the selected pairs the plan still lacks.
    """
    cancel = cancel or CancelToken()
    timing = _InsertingTiming(problem, candidates, plan, capacities)
    counted = requesters_and_requested(problem)

    def most_needed_first(c: int) -> tuple[int, int]:
        return -candidates[c].must, -candidates[c].value

    for leaving, wanted in _groups(candidates, plan, selection):
        if time.monotonic() >= deadline or cancel.cancelled:
            break
        people = {p for c in leaving + wanted for p in (candidates[c].a, candidates[c].b)}
        before = _standing(timing, people, counted, min_meetings)
        mark = len(timing.journal)
        for c in leaving:
            timing.drop(timing.held[c])
        for c in sorted(wanted, key=most_needed_first) + sorted(leaving, key=most_needed_first):
            insert_by_chains(timing, c)
        if _standing(timing, people, counted, min_meetings) <= before:
            timing.undo_to(mark)
    return timing.current_plan(), selection - set(timing.held)


def _standing(timing: _InsertingTiming, people: set[str], counted: AbstractSet[str],
              min_meetings: int) -> tuple[int, int, int, int]:
    """Must-meets, coverage, how many have a meeting, and value, of `people` and their
    meetings."""
    must = value = 0
    seen: set[int] = set()
    for person in people:
        for slot in timing.busy.get(person, ()):
            position = timing.person_at[(person, slot)]
            if position in seen:
                continue
            seen.add(position)
            cand = timing.candidates[timing.plan[position][0]]
            must += cand.must
            value += cand.value
    cover = sum(min(timing.count(p), min_meetings) for p in people if p in counted)
    met = sum(1 for p in people if p in counted and timing.count(p)) if min_meetings else 0
    return must, cover, met, value


def _groups(candidates: list[Candidate], plan: Plan,
            selection: set[int]) -> list[tuple[list[int], list[int]]]:
    """The changes from plan to selection, grouped by people they share, most value first."""
    held = {c for c, _ in plan}
    leaving = [c for c in held if c not in selection and candidates[c].locked is None]
    wanted = [c for c in selection if c not in held]
    parent: dict[str, str] = {}

    def root(person: str) -> str:
        while parent.setdefault(person, person) != person:
            parent[person] = parent[parent[person]]
            person = parent[person]
        return person

    for c in leaving + wanted:
        parent[root(candidates[c].a)] = root(candidates[c].b)
    groups: dict[str, tuple[list[int], list[int]]] = {}
    for c in leaving:
        groups.setdefault(root(candidates[c].a), ([], []))[0].append(c)
    for c in wanted:
        groups.setdefault(root(candidates[c].a), ([], []))[1].append(c)

    def gain(group: tuple[list[int], list[int]]) -> int:
        return sum(candidates[c].value for c in group[1]) - sum(
            candidates[c].value for c in group[0])

    return sorted(groups.values(), key=lambda g: (-gain(g), sorted(g[0] + g[1])))
