"""What the engine is asked to schedule: frozen dataclasses, validated once.

Attendees, slots and tables are referred to by position (slot index, table
index) and by attendee id. `Problem.validate()` lists every problem at once,
so a caller can show them all rather than the first.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

MUST_MEET = 3
PRIORITIES = (1, 2, MUST_MEET)


@dataclass(frozen=True)
class Slot:
    """One meeting round. Minutes are counted from midnight; `session` names a day/part."""

    start_minute: int
    end_minute: int
    session: str = ""


@dataclass(frozen=True)
class Table:
    """A table; meetings in one slot use distinct tables.

    `owner` is the id of an attendee who has this table as a fixed table or booth;
    `available_slots=None` means the table is there all day.
    """

    label: str
    seats: int = 2
    owner: str | None = None
    available_slots: frozenset[int] | None = None

    def is_available(self, slot: int) -> bool:
        return self.available_slots is None or slot in self.available_slots


@dataclass(frozen=True)
class Attendee:
    """A participant. `available_slots=None` means every slot.

    `party_size` people come to each meeting; `fixed_table` (an index) is where
    this attendee meets everyone.
    """

    id: str
    available_slots: frozenset[int] | None = None
    max_meetings: int | None = None
    party_size: int = 1
    fixed_table: int | None = None

    def is_available(self, slot: int) -> bool:
        return self.available_slots is None or slot in self.available_slots


@dataclass(frozen=True)
class Request:
    """`requester` wants to meet `requested`; priority 1 nice, 2 important, 3 must.

    `allowed_slots` restricts the meeting to a session or time window.
    """

    requester: str
    requested: str
    priority: int = 1
    allowed_slots: frozenset[int] | None = None


@dataclass(frozen=True)
class Exclusion:
    """Two attendees who must never meet."""

    a: str
    b: str


@dataclass(frozen=True)
class LockedMeeting:
    """A meeting the organizer fixed: it keeps its slot and table."""

    slot: int
    table: int
    a: str
    b: str


class ProblemError(ValueError):
    """The problem cannot be scheduled as given; `problems` lists every reason."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def pair_key(a: str, b: str) -> tuple[str, str]:
    """The unordered pair {a, b} as a sorted tuple."""
    return (a, b) if a <= b else (b, a)


@dataclass(frozen=True)
class Problem:
    """Everything the engine needs to build a schedule."""

    slots: tuple[Slot, ...]
    tables: tuple[Table, ...]
    attendees: tuple[Attendee, ...]
    requests: tuple[Request, ...] = ()
    exclusions: tuple[Exclusion, ...] = ()
    locked: tuple[LockedMeeting, ...] = ()
    frozen_slots: frozenset[int] = frozenset()
    _by_id: dict[str, Attendee] = field(init=False, repr=False, compare=False)
    _owned: dict[str, int] = field(init=False, repr=False, compare=False)
    _requesters: frozenset[str] = field(init=False, repr=False, compare=False)
    _requesters_and_requested: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {a.id: a for a in self.attendees})
        # Asked for on every figure taken and every model built: derived once.
        object.__setattr__(self, "_requesters", frozenset(r.requester for r in self.requests))
        object.__setattr__(self, "_requesters_and_requested", frozenset(
            p for r in self.requests for p in (r.requester, r.requested)))
        owned: dict[str, int] = {}
        for index, table in enumerate(self.tables):
            if table.owner is not None:
                owned.setdefault(table.owner, index)
        object.__setattr__(self, "_owned", owned)

    def attendee(self, attendee_id: str) -> Attendee:
        return self._by_id[attendee_id]

    def requesters(self) -> frozenset[str]:
        """Attendees who made a request."""
        return self._requesters

    def requesters_and_requested(self) -> frozenset[str]:
        """Attendees who made or received a request."""
        return self._requesters_and_requested

    def excluded_pairs(self) -> frozenset[tuple[str, str]]:
        return frozenset(pair_key(e.a, e.b) for e in self.exclusions)

    def fixed_table_of(self, attendee_id: str) -> int | None:
        """The table an attendee always meets at: their own setting, or a table they own."""
        own = self._by_id[attendee_id].fixed_table
        return own if own is not None else self._owned.get(attendee_id)

    def validate(self) -> list[str]:
        """Every reason this problem cannot be scheduled; empty when it can."""
        problems: list[str] = []
        duplicated = [i for i, n in Counter(a.id for a in self.attendees).items() if n > 1]
        problems += [f"attendee id {i!r} appears more than once" for i in sorted(duplicated)]
        for a in self.attendees:
            if a.max_meetings is not None and a.max_meetings < 0:
                problems.append(f"attendee {a.id!r}: max meetings {a.max_meetings} is negative")
            outside = sorted(s for s in a.available_slots or () if not 0 <= s < len(self.slots))
            if outside:
                problems.append(f"attendee {a.id!r}: available slots {outside} do not exist")
            if a.party_size < 1:
                problems.append(f"attendee {a.id!r}: party size {a.party_size} is below 1")
            if a.fixed_table is not None and not 0 <= a.fixed_table < len(self.tables):
                problems.append(
                    f"attendee {a.id!r}: fixed table {a.fixed_table + 1} does not exist")
        for table in self.tables:
            if table.owner is not None and table.owner not in self._by_id:
                problems.append(
                    f"table {table.label!r} is owned by unknown attendee {table.owner!r}")
            if table.seats < 2:
                problems.append(f"table {table.label!r} has {table.seats} seats; a meeting needs 2")
        for r in self.requests:
            problems += self._unknown_ids("request", r.requester, r.requested)
            if r.priority not in PRIORITIES:
                problems.append(
                    f"request {r.requester}->{r.requested}: priority {r.priority} is not 1, 2 or 3"
                )
        for e in self.exclusions:
            problems += self._unknown_ids("exclusion", e.a, e.b)
        problems += self._locked_problems()
        return problems

    def _unknown_ids(self, what: str, *ids: str) -> list[str]:
        return [f"{what} names unknown attendee {i!r}" for i in ids if i not in self._by_id]

    def _locked_problems(self) -> list[str]:
        problems: list[str] = []
        excluded = self.excluded_pairs()
        seen_table: set[tuple[int, int]] = set()
        seen_person: set[tuple[int, str]] = set()
        for m in self.locked:
            label = f"locked meeting {m.a}-{m.b} in slot {m.slot + 1}"
            unknown = self._unknown_ids(label, m.a, m.b)
            if unknown:
                problems += unknown
                continue
            if m.a == m.b:
                problems.append(f"{label}: an attendee cannot meet themself")
            if not 0 <= m.slot < len(self.slots):
                problems.append(f"{label}: the slot does not exist")
            if not 0 <= m.table < len(self.tables):
                problems.append(f"{label}: table number {m.table + 1} does not exist")
            elif not self.tables[m.table].is_available(m.slot):
                problems.append(f"{label}: table {self.tables[m.table].label} is closed then")
            if (m.slot, m.table) in seen_table:
                problems.append(f"{label}: its table is already taken by another locked meeting")
            seen_table.add((m.slot, m.table))
            for person in (m.a, m.b):
                if (m.slot, person) in seen_person:
                    problems.append(f"{label}: {person} has another locked meeting then")
                seen_person.add((m.slot, person))
                if not self.attendee(person).is_available(m.slot):
                    problems.append(f"{label}: {person} is not available then")
            if pair_key(m.a, m.b) in excluded:
                problems.append(f"{label}: the pair must never meet")
        pairs = Counter(pair_key(m.a, m.b) for m in self.locked)
        problems += [f"pair {a}-{b} is locked in more than one slot" for (a, b), n in pairs.items()
                     if n > 1]
        locked_count = Counter(p for m in self.locked for p in (m.a, m.b))
        for person, count in sorted(locked_count.items()):
            cap = self._by_id[person].max_meetings if person in self._by_id else None
            if cap is not None and count > cap:
                problems.append(f"{person} has {count} locked meetings, more than max {cap}")
        return problems
