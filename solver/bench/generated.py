"""Generated events for the benchmark: what the samples do not have, at their sizes.

The samples (../shared/samples) are all-day attendees at two-seat tables.
These events add, from a seed, what real brokerage days also have:
exhibitors at their own booth (a fixed table), delegations of two people
that need a four-seat table, attendees who leave for an hour in the middle
of the day (availability with a hole), requests that must fall in the
morning or the afternoon, caps on meetings, a few very popular attendees,
and pairs who must not meet.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from solver.problem import Attendee, Exclusion, Problem, Request, Slot, Table

_SLOT_MINUTES, _DAY_STARTS = 20, 9 * 60


@dataclass(frozen=True)
class EventShape:
    """The size of a generated event; the rest follows from the seed."""

    name: str
    attendees: int
    requests: int
    slots: int
    tables: int
    seed: int


SHAPES = (
    EventShape("generated-500-scarce-tables", 500, 4_000, 16, 40, 1),
    EventShape("generated-1500-booths", 1_500, 12_000, 24, 180, 2),
    EventShape("generated-3000-many-tables", 3_000, 25_000, 30, 600, 3),
)


def generated_event(shape: EventShape) -> Problem:
    """A reproducible event of the given shape (the same seed gives the same event)."""
    rng = random.Random(shape.seed)
    ids = [f"G{i:04}" for i in range(shape.attendees)]
    slots = tuple(Slot(_DAY_STARTS + _SLOT_MINUTES * s, _DAY_STARTS + _SLOT_MINUTES * (s + 1))
                  for s in range(shape.slots))
    exhibitors = ids[:shape.attendees // 20]  # one in twenty has a booth
    tables = [Table(f"Booth {n + 1}", 2, person) for n, person in enumerate(exhibitors)]
    free = max(1, shape.tables - len(tables))
    tables += [Table(str(n + 1), 4 if n % 5 == 0 else 2) for n in range(free)]
    attendees = tuple(_attendee(rng, person, shape.slots, n if n < len(exhibitors) else None)
                      for n, person in enumerate(ids))
    return Problem(
        slots=slots,
        tables=tuple(tables),
        attendees=attendees,
        requests=_requests(rng, ids, shape.requests, shape.slots),
        exclusions=tuple(Exclusion(*rng.sample(ids, 2)) for _ in range(shape.attendees // 50)),
    )


def _attendee(rng: random.Random, person: str, slot_count: int,
              booth: int | None) -> Attendee:
    roll = rng.random()
    half = slot_count // 2
    if roll < 0.70:
        available = None
    elif roll < 0.80:
        available = frozenset(range(half))  # morning only
    elif roll < 0.90:
        available = frozenset(range(half, slot_count))  # afternoon only
    else:
        away = rng.randrange(1, slot_count - 3)  # away for an hour mid-day
        available = frozenset(s for s in range(slot_count) if not away <= s < away + 3)
    cap = rng.randint(3, 10) if rng.random() < 0.15 else None
    party = 2 if booth is None and rng.random() < 0.1 else 1
    return Attendee(person, available, cap, party, booth)


def _requests(rng: random.Random, ids: list[str], count: int,
              slot_count: int) -> tuple[Request, ...]:
    # Popularity falls off like 1/rank: a few attendees are asked by very many.
    weights = [1 / (rank + 1) ** 0.8 for rank in range(len(ids))]
    popular = ids[:]
    rng.shuffle(popular)
    morning, afternoon = (frozenset(range(slot_count // 2)),
                          frozenset(range(slot_count // 2, slot_count)))
    seen: set[tuple[str, str]] = set()
    requests: list[Request] = []
    while len(requests) < count:
        requester = rng.choice(ids)
        requested = rng.choices(popular, weights)[0]
        if requester == requested or (requester, requested) in seen:
            continue
        seen.add((requester, requested))
        priority = rng.choices((1, 2, 3), (0.55, 0.37, 0.08))[0]
        window = None
        if rng.random() < 0.05:
            window = morning if rng.random() < 0.5 else afternoon
        requests.append(Request(requester, requested, priority, window))
    return tuple(requests)
