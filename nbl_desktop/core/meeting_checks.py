"""Which stored meetings still obey the event's rules, and why each other one does not.

Used wherever the rules can change under meetings already scheduled: a
re-import (availability, delegations, do-not-meet), a new slot grid or
fewer tables in the event settings.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from nbl_desktop.core.event import AttendeeRecord, EventData, MeetingRecord
from nbl_desktop.core.i18n import _, n_
from nbl_desktop.core.locale_formats import clock_text
from nbl_desktop.core.parties import Parties, parties_of
from nbl_desktop.core.slot_grid import SlotTime, available_slots, slot_times


def who(attendee: AttendeeRecord) -> str:
    """'Name (Organization)'."""
    return f"{attendee.name} ({attendee.organization})" if attendee.organization \
        else attendee.name


def still_valid(event: EventData, meetings: tuple[MeetingRecord, ...]
                ) -> tuple[list[MeetingRecord], list[str]]:
    """The meetings that still obey the event's rules, and a line for each one that does not."""
    slots = slot_times(event.settings)
    parties = parties_of(event.attendees)
    apart = {frozenset((parties.lead_of[e.a], parties.lead_of[e.b])) for e in event.exclusions}
    busy: set[tuple[str, int]] = set()
    kept: list[MeetingRecord] = []
    dropped: list[str] = []
    for m in sorted(meetings, key=lambda m: (m.slot, m.table)):
        reason = None
        if m.slot >= len(slots) or m.table >= len(event.settings.table_labels):
            reason = _("its slot or table is no longer in the event")
        elif not event.settings.table_open(m.table, m.slot):
            reason = _("table {table} is out of use then").format(
                table=event.settings.table_labels[m.table])
        elif any(parties.lead_of[p] != p for p in (m.a, m.b)):
            reason = _("one of them now meets as part of a delegation")
        elif frozenset((m.a, m.b)) in apart:
            reason = _("they must not meet")
        else:
            absent = [a for p in (m.a, m.b) for a in parties.members[p]
                      if m.slot not in available_slots(event.attendee(a), slots)]
            if absent:
                reason = _("{person} is not available then").format(
                    person=who(event.attendee(absent[0])))
            elif (m.a, m.slot) in busy or (m.b, m.slot) in busy:
                reason = _("one of them already has a meeting then")
        if reason is not None:
            when = (_when(slots[m.slot]) if m.slot < len(slots)
                    else _("slot {number}").format(number=m.slot + 1))
            # Translators: {when} is a time ("10:00", "10:00 on Day 2") or "slot 14";
            # {reason} says why, e.g. "they must not meet"
            dropped.append(_("removed the {when} meeting of {first} and {second}: {reason}")
                           .format(when=when, first=who(event.attendee(m.a)),
                                   second=who(event.attendee(m.b)), reason=reason))
            continue
        busy.update({(m.a, m.slot), (m.b, m.slot)})
        kept.append(m)
    return kept, dropped


def why_not_here(event: EventData, meeting: MeetingRecord,
                 others: list[MeetingRecord] | tuple[MeetingRecord, ...]) -> str | None:
    """Why `meeting` cannot be at its slot and table beside `others`; None when it can.

    The hard rules the engine keeps, checked for one hand-placed meeting: the
    slot and table exist and the table is free, both parties (every member of
    a delegation) are available and not at another meeting then, they may
    meet, a fixed table is respected, and the table seats both parties.
    """
    settings = event.settings
    slots = slot_times(settings)
    if not 0 <= meeting.slot < len(slots) or not 0 <= meeting.table < len(settings.table_labels):
        return _("that slot or table is not in the event")
    label = settings.table_labels[meeting.table]
    when = _when(slots[meeting.slot])
    parties = parties_of(event.attendees)
    for other in others:
        if (other.slot, other.table) == (meeting.slot, meeting.table):
            # Translators: {when} is a time, "10:00" or "10:00 on Day 2"
            return _("table {table} is taken at {when}").format(table=label, when=when)
        if other.slot == meeting.slot:
            busy = {other.a, other.b} & {meeting.a, meeting.b}
            if busy:
                # Translators: {when} is a time, "10:00" or "10:00 on Day 2"
                return _("{person} already has a meeting at {when}").format(
                    person=who(event.attendee(busy.pop())), when=when)
    rules = _MeetingRules(event, parties, lambda person: available_slots(person, slots))
    return rules.broken(meeting, label, slots[meeting.slot])


def conflicts(event: EventData) -> dict[MeetingRecord, str]:
    """The event's meetings that break a hard rule, each with the first rule it breaks."""
    checker = ConflictChecker(event)
    return {m: reason for m in event.meetings if (reason := checker.reason(m)) is not None}


class ConflictChecker:
    """Says which rule a meeting of the event breaks, meeting by meeting, on demand.

    Edits of people (availability, fixed table, party size, delegation) can
    leave such meetings behind; the grid marks them until they are moved,
    deleted or re-planned. The grid asks only for the cells it shows, so a
    refresh after a solve does not check thousands of meetings at once.
    """

    def __init__(self, event: EventData) -> None:
        self.event = event
        self.slots = slot_times(event.settings)
        self._available: dict[str, frozenset[int]] = {}
        self._rules: _MeetingRules | None = None
        self._places: Counter[tuple[int, int]] = Counter()
        self._busy: Counter[tuple[str, int]] = Counter()

    def _counted(self) -> _MeetingRules:
        """The rules, and who and which table is booked when, worked out at the first question."""
        if self._rules is None:
            event = self.event
            self._rules = _MeetingRules(event, parties_of(event.attendees), self._availability)
            self._places = Counter((m.slot, m.table) for m in event.meetings)
            parties = self._rules.parties
            if len(parties.lead_of) == len(parties.members):  # no delegations: two each
                self._busy = Counter([(m.a, m.slot) for m in event.meetings]
                                     + [(m.b, m.slot) for m in event.meetings])
            else:
                self._busy = Counter((member, m.slot) for m in event.meetings
                                     for member in self._rules.member_ids_of(m))
        return self._rules

    def _availability(self, person: AttendeeRecord) -> frozenset[int]:
        if person.id not in self._available:
            self._available[person.id] = available_slots(person, self.slots)
        return self._available[person.id]

    def reason(self, m: MeetingRecord) -> str | None:
        """The first hard rule the event's meeting `m` breaks; None when it keeps them all."""
        settings = self.event.settings
        if not 0 <= m.slot < len(self.slots) or not 0 <= m.table < len(settings.table_labels):
            return _("its slot or table is not in the event")
        rules = self._counted()
        label, slot = settings.table_labels[m.table], self.slots[m.slot]
        if self._places[(m.slot, m.table)] > 1:
            # Translators: {when} is a time, "10:00" or "10:00 on Day 2"
            return _("table {table} has two meetings at {when}").format(table=label,
                                                                       when=_when(slot))
        twice = [p for p in rules.members_of(m) if self._busy[(p.id, m.slot)] > 1]
        if twice:
            # Translators: {when} is a time, "10:00" or "10:00 on Day 2"
            return _("{person} has two meetings at {when}").format(person=who(twice[0]),
                                                                  when=_when(slot))
        return rules.broken(m, label, slot)


class _MeetingRules:
    """The rules one meeting keeps on its own: do-not-meet, availability, fixed table, seats."""

    def __init__(self, event: EventData, parties: Parties,
                 availability: Callable[[AttendeeRecord], frozenset[int]]) -> None:
        self.event, self.parties, self.availability = event, parties, availability
        self.apart = {frozenset((parties.lead_of[x.a], parties.lead_of[x.b]))
                      for x in event.exclusions}

    def member_ids_of(self, meeting: MeetingRecord) -> list[str]:
        """The IDs of everyone at the meeting (counting 9,000 meetings' people by record
        took the grid's first paint at 3,000 people 50 ms)."""
        lead_of, members = self.parties.lead_of, self.parties.members
        return [m for p in (meeting.a, meeting.b) for m in members.get(lead_of[p], (p,))]

    def members_of(self, meeting: MeetingRecord) -> list[AttendeeRecord]:
        """Everyone at the meeting: both parties, each with their whole delegation."""
        lead_of, members = self.parties.lead_of, self.parties.members
        return [self.event.attendee(m) for p in (meeting.a, meeting.b)
                for m in members.get(lead_of[p], (p,))]

    def broken(self, meeting: MeetingRecord, label: str, slot: SlotTime) -> str | None:
        """The first of these rules the meeting breaks, in plain words; None if none."""
        event, lead_of = self.event, self.parties.lead_of
        if frozenset((lead_of[meeting.a], lead_of[meeting.b])) in self.apart:
            return _("{first} and {second} must not meet").format(
                first=who(event.attendee(meeting.a)), second=who(event.attendee(meeting.b)))
        members = self.members_of(meeting)
        for member in members:
            if meeting.slot not in self.availability(member):
                # Translators: {when} is a time, "10:00" or "10:00 on Day 2"
                return _("{person} is not available at {when}").format(person=who(member),
                                                                       when=_when(slot))
        fixed = {m.fixed_table for m in members if m.fixed_table}
        if fixed and label not in fixed:
            owner = next(m for m in members if m.fixed_table)
            return _("{person} meets only at their own table {table}").format(
                person=who(owner), table=owner.fixed_table)
        if not event.settings.table_open(meeting.table, meeting.slot):
            # Translators: {when} is a time, "10:00" or "10:00 on Day 2"
            return _("table {table} is out of use at {when}").format(table=label,
                                                                    when=_when(slot))
        seats, room = sum(m.party_size for m in members), event.settings.seats_of(meeting.table)
        if seats > room:
            # Translators: {count} people of both parties; {seats} chairs at the table
            return n_("{count} person does not fit at table {table} of {seats} seats",
                      "{count} people do not fit at table {table} of {seats} seats",
                      seats).format(count=seats, table=label, seats=room)
        return None


def why_not_another(event: EventData, a: str, b: str) -> str | None:
    """Why `a` and `b` cannot have one more meeting: someone has reached their maximum."""
    parties = parties_of(event.attendees)
    for person in (a, b):
        members = [event.attendee(m) for m in parties.members.get(parties.lead_of[person],
                                                                  (person,))]
        limits = [m.max_meetings for m in members if m.max_meetings is not None]
        if not limits:
            continue
        held = sum(1 for m in event.meetings if person in (m.a, m.b))
        if held >= min(limits):
            return n_("{person} already has their maximum of {count} meeting",
                      "{person} already has their maximum of {count} meetings",
                      min(limits)).format(person=who(event.attendee(person)), count=min(limits))
    return None


def _when(slot: SlotTime) -> str:
    """A slot's start, with its day on an event of several days: "10:00 on Day 2"."""
    start = clock_text(slot.start)
    if not slot.day_name:
        return start
    # Translators: {day} is a date or "Day 2"
    return _("{time} on {day}").format(time=start, day=slot.day_title())
