"""Which stored meetings still obey the event's rules, and why each other one does not.

Used wherever the rules can change under meetings already scheduled: a
re-import (availability, delegations, do-not-meet), a new slot grid or
fewer tables in the event settings.
"""

from __future__ import annotations

from nbl_desktop.core.clock import format_clock
from nbl_desktop.core.event import AttendeeRecord, EventData, MeetingRecord
from nbl_desktop.core.parties import parties_of
from nbl_desktop.core.slot_grid import available_slots, slot_times


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
        names = f"{who(event.attendee(m.a))} and {who(event.attendee(m.b))}"
        when = format_clock(slots[m.slot].start) if m.slot < len(slots) else f"slot {m.slot + 1}"
        reason = None
        if m.slot >= len(slots) or m.table >= len(event.settings.table_labels):
            reason = "its slot or table is no longer in the event"
        elif any(parties.lead_of[p] != p for p in (m.a, m.b)):
            reason = "one of them now meets as part of a delegation"
        elif frozenset((m.a, m.b)) in apart:
            reason = "they must not meet"
        else:
            absent = [a for p in (m.a, m.b) for a in parties.members[p]
                      if m.slot not in available_slots(event.attendee(a), slots)]
            if absent:
                reason = f"{who(event.attendee(absent[0]))} is not available then"
            elif (m.a, m.slot) in busy or (m.b, m.slot) in busy:
                reason = "one of them already has a meeting then"
        if reason is not None:
            dropped.append(f"removed the {when} meeting of {names}: {reason}")
            continue
        busy.update({(m.a, m.slot), (m.b, m.slot)})
        kept.append(m)
    return kept, dropped
