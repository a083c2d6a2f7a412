"""The meetings worth considering: requested pairs, their value and the slots they may use.

Only requested (or locked) pairs may meet. A pair's value adds the weights
of the requests in both directions (when one person asked twice for the
same person, the higher priority counts once). A pair may use a slot when
both are available, the slot is not frozen, every request's time window
allows it, neither has a locked meeting then, and a table that seats both
parties can exist: their fixed table if one has one, otherwise a free table.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from solver.problem import MUST_MEET, LockedMeeting, Problem, pair_key


@dataclass(frozen=True)
class Candidate:
    """An unordered pair a < b that may meet in any of `slots` (a locked meeting: its slot).

    `table` is the fixed table the meeting must use (None: any free table);
    `size` is the number of seats it needs.
    """

    a: str
    b: str
    value: int
    slots: tuple[int, ...]
    must: bool = False
    table: int | None = None
    size: int = 2
    locked: LockedMeeting | None = None


@dataclass(frozen=True)
class _PairWishes:
    value: int
    must: bool
    window: frozenset[int] | None
    host: str  # whose fixed table the meeting uses when both have one


def candidate_pairs(problem: Problem, weights: dict[int, int]) -> list[Candidate]:
    """Every pair the schedule may contain, in a stable order (locked pairs included)."""
    wishes = _wishes_by_pair(problem, weights)
    locked_by_pair = {pair_key(m.a, m.b): m for m in problem.locked}
    locked_busy = {(p, m.slot) for m in problem.locked for p in (m.a, m.b)}
    locked_tables = {(m.table, m.slot) for m in problem.locked}
    excluded = problem.excluded_pairs()
    largest_free_table = max_free_seats(problem)

    candidates: list[Candidate] = []
    for key in sorted(set(wishes) | set(locked_by_pair)):
        wish = wishes.get(key)
        value = wish.value if wish else 0
        must = wish.must if wish else False
        size = sum(problem.attendee(p).party_size for p in key)
        locked = locked_by_pair.get(key)
        if locked is not None:
            candidates.append(Candidate(*key, value, (locked.slot,), must, locked.table, size,
                                        locked))
            continue
        if key in excluded or wish is None:
            continue
        table = _table_for(problem, key, wish.host)
        if table is not None and problem.tables[table].seats < size:
            continue
        slots = tuple(
            s for s in usable_slots(problem, key, wish.window)
            if (key[0], s) not in locked_busy and (key[1], s) not in locked_busy
            and (table is None or ((table, s) not in locked_tables
                                   and problem.tables[table].is_available(s)))
        )
        if slots and (table is not None or size <= largest_free_table):
            candidates.append(Candidate(*key, value, slots, must, table, size))
    return candidates


def movable_pairs_by_person(candidates: list[Candidate]) -> dict[str, list[int]]:
    """Each attendee's candidates (indexes) that are not locked, in candidate order."""
    by_person: dict[str, list[int]] = defaultdict(list)
    for index, cand in enumerate(candidates):
        if cand.locked is None:
            by_person[cand.a].append(index)
            by_person[cand.b].append(index)
    return by_person


def usable_slots(problem: Problem, key: tuple[str, str],
                 window: frozenset[int] | None) -> tuple[int, ...]:
    """Slots where both are available, not frozen, and inside the requests' window."""
    first, second = problem.attendee(key[0]), problem.attendee(key[1])
    if first.max_meetings == 0 or second.max_meetings == 0:
        return ()
    return tuple(
        s for s in range(len(problem.slots))
        if s not in problem.frozen_slots and first.is_available(s) and second.is_available(s)
        and (window is None or s in window)
    )


def _wishes_by_pair(problem: Problem,
                    weights: dict[int, int]) -> dict[tuple[str, str], _PairWishes]:
    priority: dict[tuple[str, str], int] = {}  # per direction, the highest priority asked
    window: dict[tuple[str, str], frozenset[int] | None] = {}  # per pair, every window at once
    for r in problem.requests:
        if r.requester == r.requested:
            continue
        direction = (r.requester, r.requested)
        priority[direction] = max(priority.get(direction, 0), r.priority)
        key = pair_key(*direction)
        earlier = window.get(key)
        if r.allowed_slots is not None:
            window[key] = r.allowed_slots if earlier is None else earlier & r.allowed_slots
        else:
            window.setdefault(key, None)
    grouped: dict[tuple[str, str], list[tuple[str, int]]] = {}
    for (requester, requested), p in priority.items():
        grouped.setdefault(pair_key(requester, requested), []).append((requested, p))
    wishes = {}
    for key, directions in grouped.items():
        top = max(directions, key=lambda d: (d[1], d[0] == key[1]))
        wishes[key] = _PairWishes(
            value=sum(weights[p] for _, p in directions),
            must=any(p == MUST_MEET for _, p in directions),
            window=window[key],
            host=top[0],
        )
    return wishes


def _table_for(problem: Problem, key: tuple[str, str], host: str) -> int | None:
    tables = {p: problem.fixed_table_of(p) for p in key}
    if tables[key[0]] is not None and tables[key[1]] is not None:
        return tables[host]
    return tables[key[0]] if tables[key[0]] is not None else tables[key[1]]


def reserved_tables(problem: Problem) -> frozenset[int]:
    """Tables that belong to someone: only their owner's meetings use them."""
    return frozenset(t for a in problem.attendees
                     if (t := problem.fixed_table_of(a.id)) is not None)


def free_tables(problem: Problem) -> list[int]:
    reserved = reserved_tables(problem)
    return [t for t in range(len(problem.tables)) if t not in reserved]


def max_free_seats(problem: Problem) -> int:
    return max((problem.tables[t].seats for t in free_tables(problem)), default=0)
