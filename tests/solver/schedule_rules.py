"""An independent check of every hard rule, written without the solver's model.

The solver tests call `violations()` on what the engine returns; it reads
only the Problem and the meetings, so a modelling error cannot hide in it.
"""

from __future__ import annotations

from collections import Counter

from solver import Meeting, Problem


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
