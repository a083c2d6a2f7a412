"""An independent check of every hard rule, written without the solver's model.

The solver tests call `violations()` on what the engine returns; it reads
only the Problem and the meetings, so a modelling error cannot hide in it.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Callable, Iterator

from solver import Meeting, Problem
from solver.candidates import Candidate
from solver.plan import assign_tables


def violations(problem: Problem, meetings: tuple[Meeting, ...] | list[Meeting]) -> list[str]:
    found: list[str] = []
    people = {a.id: a for a in problem.attendees}
    requested = {frozenset((r.requester, r.requested)) for r in problem.requests}
    locked_pairs = {frozenset((m.a, m.b)) for m in problem.locked}
    excluded = {frozenset((e.a, e.b)) for e in problem.exclusions}
    person_slot: Counter[tuple[str, int]] = Counter()
    table_slot: Counter[tuple[int, int]] = Counter()
    pair_count: Counter[frozenset[str]] = Counter()
    meeting_count: Counter[str] = Counter()
    for m in meetings:
        pair = frozenset((m.a, m.b))
        if m.a == m.b:
            found.append(f"{m.a} meets themself")
        if not 0 <= m.slot < len(problem.slots):
            found.append(f"{m} has no such slot")
        if not 0 <= m.table < len(problem.tables):
            found.append(f"{m} has no such table")
        for person in (m.a, m.b):
            attendee = people.get(person)
            if attendee is None:
                found.append(f"{m} names unknown {person}")
                continue
            if attendee.available_slots is not None and m.slot not in attendee.available_slots:
                found.append(f"{person} is not available in slot {m.slot}")
            person_slot[(person, m.slot)] += 1
            meeting_count[person] += 1
        table_slot[(m.table, m.slot)] += 1
        pair_count[pair] += 1
        if pair in excluded:
            found.append(f"excluded pair {sorted(pair)} meets")
        if pair not in requested and pair not in locked_pairs:
            found.append(f"pair {sorted(pair)} meets without a request")
    found += [f"{p} has {n} meetings in slot {s}" for (p, s), n in person_slot.items() if n > 1]
    found += [f"table {t} is used {n} times in slot {s}" for (t, s), n in table_slot.items()
              if n > 1]
    found += [f"pair {sorted(p)} meets {n} times" for p, n in pair_count.items() if n > 1]
    for person, count in meeting_count.items():
        cap = people[person].max_meetings
        if cap is not None and count > cap:
            found.append(f"{person} has {count} meetings, max {cap}")
    found += _table_and_time_rules(problem, meetings)
    placed = {(m.slot, m.table, frozenset((m.a, m.b))) for m in meetings}
    for lock in problem.locked:
        if (lock.slot, lock.table, frozenset((lock.a, lock.b))) not in placed:
            found.append(f"locked meeting {lock} moved or disappeared")
    return found


def value_of(problem: Problem, meetings: tuple[Meeting, ...] | list[Meeting],
             weights: dict[int, int] | None = None) -> int:
    """Sum of request weights of the pairs that meet, both directions counted."""
    weights = weights or {1: 1, 2: 2, 3: 5}
    met = {frozenset((m.a, m.b)) for m in meetings}
    best: dict[tuple[str, str], int] = {}
    for r in problem.requests:
        key = (r.requester, r.requested)
        best[key] = max(best.get(key, 0), r.priority)
    return sum(weights[p] for (a, b), p in best.items() if frozenset((a, b)) in met)


def _fixed_table(problem: Problem, person: str) -> int | None:
    attendee = next(a for a in problem.attendees if a.id == person)
    if attendee.fixed_table is not None:
        return attendee.fixed_table
    return next((i for i, t in enumerate(problem.tables) if t.owner == person), None)


def _table_and_time_rules(problem: Problem,
                          meetings: tuple[Meeting, ...] | list[Meeting]) -> list[str]:
    """Seats, fixed and owned tables, closed tables, request windows, frozen slots."""
    found: list[str] = []
    people = {a.id for a in problem.attendees}
    reserved = {t for p in people if (t := _fixed_table(problem, p)) is not None}
    locked = {(m.slot, m.table, frozenset((m.a, m.b))) for m in problem.locked}
    windows: dict[frozenset[str], list[frozenset[int]]] = {}
    for r in problem.requests:
        if r.allowed_slots is not None:
            windows.setdefault(frozenset((r.requester, r.requested)), []).append(r.allowed_slots)
    for m in meetings:
        if not (0 <= m.table < len(problem.tables)) or m.a not in people or m.b not in people:
            continue  # reported by the basic rules
        pair = frozenset((m.a, m.b))
        if (m.slot, m.table, pair) in locked:
            continue  # the organizer's decision
        table = problem.tables[m.table]
        party = sum(next(a.party_size for a in problem.attendees if a.id == p) for p in pair)
        if table.seats < party:
            found.append(f"{m}: table seats {table.seats}, the meeting needs {party}")
        if table.available_slots is not None and m.slot not in table.available_slots:
            found.append(f"{m}: table {table.label} is closed in slot {m.slot}")
        fixed = {t for p in pair if (t := _fixed_table(problem, p)) is not None}
        if fixed and m.table not in fixed:
            found.append(f"{m}: not at the fixed table of {sorted(pair)}")
        if not fixed and m.table in reserved:
            found.append(f"{m}: uses table {table.label}, which belongs to someone else")
        if any(m.slot not in w for w in windows.get(pair, [])):
            found.append(f"{m}: outside the request's time window")
        if m.slot in problem.frozen_slots:
            found.append(f"{m}: new meeting in slot {m.slot}, which has already happened")
    return found


def break_counts(meetings: tuple[Meeting, ...] | list[Meeting]) -> dict[str, int]:
    """Per attendee with meetings: runs of empty slots between their first and last meeting."""
    slots: dict[str, list[int]] = {}
    for m in meetings:
        slots.setdefault(m.a, []).append(m.slot)
        slots.setdefault(m.b, []).append(m.slot)
    counts = {}
    for person, taken in slots.items():
        ordered = sorted(taken)
        counts[person] = sum(1 for x, y in itertools.pairwise(ordered) if y > x + 1)
    return counts


def idle_slot_counts(meetings: tuple[Meeting, ...] | list[Meeting]) -> dict[str, int]:
    """Per attendee with meetings: empty slots between their first and last meeting."""
    slots: dict[str, set[int]] = {}
    for m in meetings:
        slots.setdefault(m.a, set()).add(m.slot)
        slots.setdefault(m.b, set()).add(m.slot)
    return {person: max(taken) - min(taken) + 1 - len(taken) for person, taken in slots.items()}


def _slot_choices(candidates: list[Candidate],
                  meetings: list[int]) -> list[tuple[int, tuple[int, ...]]]:
    return [(c, (candidates[c].locked.slot,) if candidates[c].locked else candidates[c].slots)
            for c in meetings]


def too_many_timings_to_try(candidates: list[Candidate], meetings: list[int]) -> bool:
    return math.prod(len(slots) for _, slots in _slot_choices(candidates, meetings)) > 50_000


def every_valid_timing(problem: Problem, candidates: list[Candidate], meetings: list[int],
                       ) -> Iterator[tuple[list[tuple[int, int]], dict[str, int]]]:
    """Every valid timing of `meetings` (brute force over every slot of every meeting), with
    each attendee's breaks in it. Check `too_many_timings_to_try` first."""
    choices = _slot_choices(candidates, meetings)

    def place(index: int, plan: list[tuple[int, int]], busy: set[tuple[str, int]],
              ) -> Iterator[tuple[list[tuple[int, int]], dict[str, int]]]:
        if index == len(choices):
            try:
                timed = assign_tables(problem, candidates, plan)
            except StopIteration:  # the slot has too few tables
                return
            if violations(problem, timed) == []:
                yield plan, break_counts(timed)
            return
        c, slots = choices[index]
        a, b = candidates[c].a, candidates[c].b
        for slot in slots:
            if (a, slot) not in busy and (b, slot) not in busy:
                yield from place(index + 1, [*plan, (c, slot)], busy | {(a, slot), (b, slot)})

    yield from place(0, [], set())


def fewest_breaks_by_trying_all(problem: Problem, candidates: list[Candidate],
                                meetings: list[int],
                                acceptable: Callable[[dict[str, int]], bool]) -> int | None:
    """The fewest breaks in all of any valid timing of `meetings` whose breaks per attendee
    are `acceptable`; None when there is none, or too many timings to try.

    For checking a solver's "no".
    """
    if too_many_timings_to_try(candidates, meetings):
        return None
    totals = [sum(breaks.values())
              for _, breaks in every_valid_timing(problem, candidates, meetings)
              if acceptable(breaks)]
    return min(totals, default=None)


def fewest_idle_slots_by_trying_all(problem: Problem, candidates: list[Candidate],
                                    meetings: list[int]) -> int | None:
    """The fewest idle slots in all of any valid timing of `meetings`; None when there is
    none, or too many timings to try. For checking a solver's "no"."""
    if too_many_timings_to_try(candidates, meetings):
        return None
    totals = [sum(idle_slot_counts(assign_tables(problem, candidates, plan)).values())
              for plan, _ in every_valid_timing(problem, candidates, meetings)]
    return min(totals, default=None)
