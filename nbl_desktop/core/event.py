"""The event as the application stores it: settings, people, wishes, meetings.

Immutable records shared by the event file, import, export, planning and the
UI. Times are minutes after midnight; slots and tables are 0-based indices.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class EventDay:
    """One day's frame: its date, when slots start, how long they are, and breaks."""

    date: str = ""
    start_minute: int = 9 * 60
    slot_minutes: int = 20
    slot_count: int = 12
    breaks: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class EventSettings:
    """The event's frame: its days' slots and breaks, and its tables.

    The first day's frame is in the flat fields (a one-day event needs no
    more); `later_days` adds the days after it. Slots are numbered across
    days: the second day's first slot follows the first day's last.
    Tables have a label each, and optionally a room and their own number of
    seats (`table_rooms`, `table_seat_counts`: per table; "" or 0 means none
    named / `table_seats`). `venue` and `logo` head the printed agendas.
    """

    name: str
    date: str = ""
    start_minute: int = 9 * 60
    slot_minutes: int = 20
    slot_count: int = 12
    breaks: tuple[tuple[int, int], ...] = ()
    table_labels: tuple[str, ...] = ()
    table_seats: int = 4  # chairs per table: both parties of a meeting must fit
    later_days: tuple[EventDay, ...] = ()
    table_rooms: tuple[str, ...] = ()
    table_seat_counts: tuple[int, ...] = ()
    venue: str = ""
    logo: bytes = field(default=b"", repr=False)  # an image file's bytes (PNG, JPEG); printed
    table_closed_from: tuple[int, ...] = ()  # per table: out of use from this slot; -1 open

    def __post_init__(self) -> None:
        # Per-table values that say nothing are stored as (), so equal settings compare equal.
        if not any(self.table_rooms):
            object.__setattr__(self, "table_rooms", ())
        if not any(self.table_seat_counts):
            object.__setattr__(self, "table_seat_counts", ())
        if all(slot < 0 for slot in self.table_closed_from):
            object.__setattr__(self, "table_closed_from", ())

    def days(self) -> tuple[EventDay, ...]:
        first = EventDay(self.date, self.start_minute, self.slot_minutes, self.slot_count,
                         self.breaks)
        return (first, *self.later_days)

    @property
    def total_slots(self) -> int:
        return sum(day.slot_count for day in self.days())

    def room_of(self, table: int) -> str:
        return self.table_rooms[table] if table < len(self.table_rooms) else ""

    def own_seats_of(self, table: int) -> int:
        """The table's own number of seats; 0 when it has the event's `table_seats`."""
        return self.table_seat_counts[table] if table < len(self.table_seat_counts) else 0

    def closed_from(self, table: int) -> int | None:
        """The first slot the table is out of use (a table closed on the day); None: open."""
        if table < len(self.table_closed_from) and self.table_closed_from[table] >= 0:
            return self.table_closed_from[table]
        return None

    def table_open(self, table: int, slot: int) -> bool:
        closed = self.closed_from(table)
        return closed is None or slot < closed

    def with_table_closed(self, table: int, from_slot: int | None) -> EventSettings:
        """These settings with `table` out of use from `from_slot` on (None: open again)."""
        closed = [self.closed_from(t) for t in range(len(self.table_labels))]
        closed[table] = from_slot
        return replace(self, table_closed_from=tuple(-1 if c is None else c for c in closed))

    def seats_of(self, table: int) -> int:
        return self.own_seats_of(table) or self.table_seats

    def with_days(self, days: tuple[EventDay, ...]) -> EventSettings:
        """These settings with `days` as the event's days (at least one)."""
        first = days[0]
        return replace(self, date=first.date, start_minute=first.start_minute,
                       slot_minutes=first.slot_minutes, slot_count=first.slot_count,
                       breaks=first.breaks, later_days=tuple(days[1:]))


@dataclass(frozen=True)
class AttendeeRecord:
    """A registered participant.

    `party_size` people come to each meeting (seats); `fixed_table` is the
    label of the table where they meet everyone ("" none); people with the
    same non-empty `delegation` go to every meeting together, as one party.
    """

    id: str
    name: str
    organization: str = ""
    country: str = ""
    email: str = ""
    language: str = ""
    sector: str = ""
    offers: str = ""
    seeks: str = ""
    available_from: int | None = None
    available_until: int | None = None
    max_meetings: int | None = None
    party_size: int = 1
    fixed_table: str = ""
    delegation: str = ""
    notes: str = ""  # the organizer's own, never printed on agendas


@dataclass(frozen=True)
class RequestRecord:
    """`requester` asked to meet `requested`; priority 1 nice, 2 important, 3 must."""

    requester: str
    requested: str
    priority: int


@dataclass(frozen=True)
class ExclusionRecord:
    """Two attendees who must never meet."""

    a: str
    b: str


@dataclass(frozen=True)
class MeetingRecord:
    """A scheduled meeting: slot and table are 0-based indices."""

    slot: int
    table: int
    a: str
    b: str
    locked: bool = False


@dataclass(frozen=True)
class EventData:
    """A whole event in memory: what import produces and the event file holds."""

    settings: EventSettings
    attendees: tuple[AttendeeRecord, ...] = ()
    requests: tuple[RequestRecord, ...] = ()
    exclusions: tuple[ExclusionRecord, ...] = ()
    meetings: tuple[MeetingRecord, ...] = ()
    _by_id: dict[str, AttendeeRecord] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {a.id: a for a in self.attendees})

    def attendee(self, attendee_id: str) -> AttendeeRecord:
        return self._by_id[attendee_id]
