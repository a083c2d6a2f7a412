"""The content of every printed page: a personal agenda per attendee, a card per table, the
master grid. Built for all pages at once (one pass over the meetings), in the reader's
language; each page knows its key and a fingerprint of what it says."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from typing import ClassVar

from nbl_desktop.core.event import AttendeeRecord, EventData, MeetingRecord
from nbl_desktop.core.parties import parties_of
from nbl_desktop.core.printouts.print_log import AGENDA, DESK, GRID, TABLE
from nbl_desktop.core.printouts.words import Words, country_name, words_for
from nbl_desktop.core.slot_grid import (
    ListingLine,
    SlotTime,
    available_slots,
    slot_listing,
    slot_times,
)

ABOUT_LENGTH = 140  # characters of "Offers … · Seeks …" kept per partner


@dataclass(frozen=True)
class EventHeading:
    """What heads every page: the event's name, its dates, venue and logo (image bytes).

    The logo's bytes stay out of repr (and so of fingerprints); its digest stands in.
    """

    name: str
    dates: str
    venue: str
    logo: bytes = field(default=b"", repr=False)
    logo_digest: str = ""


@dataclass(frozen=True)
class AgendaRow:
    """One line of an agenda. `kind`: "meeting", "free", "away", "break" or "day"."""

    kind: str
    time: str  # "09:00–09:20" (a break: its span; a day: its date)
    table: str = ""
    partner: str = ""  # the other party's people, names joined
    organization: str = ""
    country: str = ""
    about: str = ""  # what the partner offers and seeks, shortened
    span: tuple[int, int] | None = None  # start and end, minutes after midnight; None: a day


@dataclass(frozen=True)
class AgendaPage:
    """One attendee's agenda."""

    print_kind: ClassVar[str] = AGENDA
    attendee_id: str
    name: str
    organization: str
    words: Words
    rows: tuple[AgendaRow, ...]
    heading: EventHeading

    @property
    def key(self) -> str:
        return self.attendee_id

    @property
    def meeting_count(self) -> int:
        return sum(1 for r in self.rows if r.kind == "meeting")

    def fingerprint(self) -> str:
        return _fingerprint(self)


@dataclass(frozen=True)
class TableCardRow:
    """One line of a table card: a meeting ("meeting"), an empty slot ("free"), "break", "day"."""

    kind: str
    time: str
    first: str = ""  # a party's names, joined
    first_organization: str = ""
    second: str = ""
    second_organization: str = ""
    span: tuple[int, int] | None = None  # start and end, minutes after midnight; None: a day


@dataclass(frozen=True)
class TableCard:
    """The card on one table: its label, room and meetings by time."""

    print_kind: ClassVar[str] = TABLE
    label: str
    room: str
    words: Words
    rows: tuple[TableCardRow, ...]
    heading: EventHeading

    @property
    def key(self) -> str:
        return self.label

    def fingerprint(self) -> str:
        return _fingerprint(self)


@dataclass(frozen=True)
class GridCell:
    """Both parties of a meeting in the master grid."""

    first: str
    second: str
    first_organization: str = ""
    second_organization: str = ""


@dataclass(frozen=True)
class MasterGrid:
    """Slots × tables; `cells[(slot, table)]` for the cells with a meeting."""

    print_kind: ClassVar[str] = GRID
    slot_labels: tuple[str, ...]
    table_labels: tuple[str, ...]
    cells: dict[tuple[int, int], GridCell]
    words: Words
    heading: EventHeading
    key: str = "grid"

    def fingerprint(self) -> str:
        return _fingerprint((self.slot_labels, self.table_labels, sorted(self.cells.items()),
                             self.words, self.heading))


def _fingerprint(content: object) -> str:
    """A digest of the page's text: equal pages, equal digests (the logo counts by its bytes)."""
    digest = hashlib.sha256(repr(content).encode("utf-8"))
    return digest.hexdigest()[:32]


def heading_of(event: EventData) -> EventHeading:
    days = [d.date for d in event.settings.days() if d.date]
    dates = days[0] if len(days) == 1 else f"{days[0]} – {days[-1]}" if days else ""
    logo = event.settings.logo
    return EventHeading(event.settings.name, dates, event.settings.venue, logo,
                        hashlib.sha256(logo).hexdigest()[:16] if logo else "")


class _Meetings:
    """The event's meetings by party, its slots and its people, worked out once."""

    def __init__(self, event: EventData) -> None:
        self.event = event
        self.slots: list[SlotTime] = slot_times(event.settings)
        self._listings: dict[str, list[ListingLine]] = {}
        self.parties = parties_of(event.attendees)
        self.by_lead: dict[str, dict[int, MeetingRecord]] = defaultdict(dict)
        self.by_table: dict[int, dict[int, MeetingRecord]] = defaultdict(dict)
        for m in event.meetings:
            self.by_lead[m.a][m.slot] = m
            self.by_lead[m.b][m.slot] = m
            self.by_table[m.table][m.slot] = m

    def listing(self, language: str) -> list[ListingLine]:
        """The day's lines with times and dates as `language` writes them (worked out once
        per language: a stack of agendas holds at most four)."""
        if language not in self._listings:
            self._listings[language] = slot_listing(self.slots, language)
        return self._listings[language]

    def people(self, lead: str) -> list[AttendeeRecord]:
        return [self.event.attendee(i) for i in self.parties.members.get(lead, (lead,))]

    def names_and_organization(self, lead: str) -> tuple[str, str]:
        people = self.people(lead)
        return ", ".join(p.name for p in people), people[0].organization

    def table_label(self, table: int) -> str:
        labels = self.event.settings.table_labels
        return labels[table] if table < len(labels) else str(table + 1)


def agenda_pages(event: EventData, attendee_ids: list[str] | None = None) -> list[AgendaPage]:
    """One agenda per attendee (all, or those named, in that order), each in its language."""
    known = _Meetings(event)
    heading = heading_of(event)
    ids = [a.id for a in event.attendees] if attendee_ids is None else attendee_ids
    return [_agenda_page(known, event.attendee(i), heading) for i in ids]


def _agenda_page(known: _Meetings, person: AttendeeRecord, heading: EventHeading) -> AgendaPage:
    words = words_for(person.language)
    lead = known.parties.lead_of[person.id]
    by_slot = known.by_lead.get(lead, {})
    here = available_slots(person, known.slots)
    rows: list[AgendaRow] = []
    for line in known.listing(words.language):
        if line.kind != "slot":
            rows.append(AgendaRow(line.kind, line.text, span=line.span))
            continue
        meeting = by_slot.get(line.slot)
        if meeting is None:
            rows.append(AgendaRow("free" if line.slot in here else "away", line.text,
                                  span=line.span))
            continue
        other = known.people(meeting.b if meeting.a == lead else meeting.a)
        first = other[0]
        about = " · ".join(f"{label}: {text.strip()}" for label, text in (
            (words.offers, first.offers), (words.seeks, first.seeks)) if text.strip())
        rows.append(AgendaRow(
            "meeting", line.text, known.table_label(meeting.table),
            ", ".join(p.name for p in other), first.organization,
            country_name(first.country, words.language), _shortened(about), line.span))
    return AgendaPage(person.id, person.name, person.organization, words, tuple(rows), heading)


def table_cards(event: EventData, language: str = "en") -> list[TableCard]:
    """One card per table, in table order, with every slot of the event."""
    known = _Meetings(event)
    heading = heading_of(event)
    words = words_for(language)
    cards = []
    for table, label in enumerate(event.settings.table_labels):
        by_slot = known.by_table.get(table, {})
        rows: list[TableCardRow] = []
        for line in known.listing(words.language):
            meeting = by_slot.get(line.slot) if line.kind == "slot" else None
            if meeting is None:
                kind = "free" if line.kind == "slot" else line.kind
                rows.append(TableCardRow(kind, line.text, span=line.span))
            else:
                rows.append(TableCardRow("meeting", line.text,
                                         *known.names_and_organization(meeting.a),
                                         *known.names_and_organization(meeting.b), line.span))
        cards.append(TableCard(label, event.settings.room_of(table), words, tuple(rows),
                               heading))
    return cards


def master_grid(event: EventData, language: str = "en") -> MasterGrid:
    known = _Meetings(event)
    cells = {}
    for m in event.meetings:
        first, first_organization = known.names_and_organization(m.a)
        second, second_organization = known.names_and_organization(m.b)
        cells[(m.slot, m.table)] = GridCell(first, second, first_organization,
                                            second_organization)
    return MasterGrid(tuple(s.label(language) for s in known.slots),
                      event.settings.table_labels,
                      cells, words_for(language), heading_of(event))


def _shortened(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= ABOUT_LENGTH else text[:ABOUT_LENGTH - 1].rstrip() + "…"


Page = AgendaPage | TableCard | MasterGrid


def pages_of_kind(event: EventData, kind: str, attendee_ids: list[str] | None = None,
                  language: str = "en") -> list[Page]:
    """The pages of one print kind (print_log's AGENDA, TABLE, GRID, or DESK: agendas, then
    table cards); agendas of `attendee_ids` only when given; `language` for the shared
    pages (agendas use each reader's own)."""
    pages: list[Page] = []
    if kind in (AGENDA, DESK):
        pages += agenda_pages(event, attendee_ids)
    if kind in (TABLE, DESK):
        pages += table_cards(event, language)
    if kind == GRID:
        pages.append(master_grid(event, language))
    return pages
