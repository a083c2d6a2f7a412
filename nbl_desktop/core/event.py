"""The event as the application stores it: settings, people, wishes, meetings.

Immutable records shared by the event file, import, export, planning and the
UI. Times are minutes after midnight; slots and tables are 0-based indices.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class EventSettings:
    """The day's frame: when slots start, how long they are, breaks and tables."""

    name: str
    date: str = ""
    start_minute: int = 9 * 60
    slot_minutes: int = 20
    slot_count: int = 12
    breaks: tuple[tuple[int, int], ...] = ()
    table_labels: tuple[str, ...] = ()
    table_seats: int = 4  # chairs per table: both parties of a meeting must fit


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
