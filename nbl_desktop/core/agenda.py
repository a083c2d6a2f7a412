"""One person's day as a list of lines: each slot with its table and partner, free slots
and breaks named as such. What the app shows and what a printed agenda will say."""

from __future__ import annotations

from dataclasses import dataclass

from nbl_desktop.core.event import EventData
from nbl_desktop.core.parties import meetings_of, parties_of
from nbl_desktop.core.slot_grid import available_slots, slot_listing, slot_times


@dataclass(frozen=True)
class AgendaLine:
    """`kind`: "meeting", "free", "away" (not available then), "break", or "day" (a new
    day of an event of several days begins; `time` holds its date or "Day N")."""

    time: str
    kind: str
    table: str = ""
    partner: str = ""  # the other party's people, "Name (Organization)"; colleagues joined
    partner_id: str = ""
    locked: bool = False
    slot: int = -1  # index in the day's slots; -1 for a break


def agenda_of(event: EventData, attendee_id: str) -> list[AgendaLine]:
    slots = slot_times(event.settings)
    person = event.attendee(attendee_id)
    parties = parties_of(event.attendees)
    lead = parties.lead_of[attendee_id]
    by_slot = {m.slot: m for m in meetings_of(event, attendee_id)}
    here = available_slots(person, slots)
    lines: list[AgendaLine] = []
    for line in slot_listing(slots):
        if line.kind != "slot":
            lines.append(AgendaLine(line.text, line.kind))
            continue
        index, time = line.slot, line.text
        meeting = by_slot.get(index)
        if meeting is None:
            lines.append(AgendaLine(time, "free" if index in here else "away", slot=index))
            continue
        other = meeting.b if meeting.a == lead else meeting.a
        people = [event.attendee(m) for m in parties.members.get(other, (other,))]
        partner = ", ".join(p.name for p in people) + (
            f" ({people[0].organization})" if people[0].organization else "")
        lines.append(AgendaLine(time, "meeting",
                                event.settings.table_labels[meeting.table], partner, other,
                                meeting.locked, index))
    return lines

