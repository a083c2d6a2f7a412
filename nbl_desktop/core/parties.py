"""Who goes to meetings together: each delegation is one party, everyone else alone.

The schedule holds one meeting per pair of parties, so a wish for an
organization's delegation becomes one meeting with all its people at one
table, not one meeting per colleague. A party is named by its lead, the
member with the smallest ID, so stored meetings always name real attendees
and every member's agenda is their party's.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from nbl_desktop.core.event import AttendeeRecord, EventData, MeetingRecord


@dataclass(frozen=True)
class Parties:
    """Each attendee's party lead, and each lead's members (the lead first)."""

    lead_of: dict[str, str]
    members: dict[str, tuple[str, ...]]


def parties_of(attendees: Iterable[AttendeeRecord]) -> Parties:
    by_delegation: dict[str, list[str]] = defaultdict(list)
    alone: list[str] = []
    for attendee in attendees:
        if attendee.delegation.strip():
            by_delegation[attendee.delegation.strip().casefold()].append(attendee.id)
        else:
            alone.append(attendee.id)
    members: dict[str, tuple[str, ...]] = {a: (a,) for a in alone}
    for ids in by_delegation.values():
        ordered = tuple(sorted(ids))
        members[ordered[0]] = ordered
    lead_of = {member: lead for lead, group in members.items() for member in group}
    return Parties(lead_of, members)


def meetings_of(event: EventData, attendee_id: str) -> list[MeetingRecord]:
    """The attendee's agenda: their party's meetings, by slot."""
    lead = parties_of(event.attendees).lead_of[attendee_id]
    return sorted((m for m in event.meetings if lead in (m.a, m.b)), key=lambda m: m.slot)
