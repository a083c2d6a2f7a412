"""The partner search over an event: its attendees as profiles, its wishes and
do-not-meet pairs respected."""

from __future__ import annotations

from nbl_desktop.core.event import AttendeeRecord, EventData
from nbl_desktop.core.partner_search.suggestions import (
    Profile,
    SearchSettings,
    Suggestion,
    suggest,
)


def profile_of(attendee: AttendeeRecord) -> Profile:
    """A registered attendee as the search sees them (the sector column may carry NACE
    codes)."""
    return Profile(attendee.id, attendee.organization, attendee.country, attendee.offers,
                   attendee.seeks, attendee.sector)


def suggest_for_event(event: EventData, settings: SearchSettings | None = None,
                      declined: frozenset[frozenset[str]] = frozenset(),
                      only_for: list[str] | None = None) -> dict[str, list[Suggestion]]:
    """Suggestions for the event's attendees among themselves: never a do-not-meet pair
    or a declined one, never a wish that exists (either way round: a pair one side
    already asked for needs no suggestion to the other)."""
    never = {frozenset((e.a, e.b)) for e in event.exclusions} | set(declined)
    already = {(r.requester, r.requested) for r in event.requests} | \
        {(r.requested, r.requester) for r in event.requests}
    return suggest([profile_of(a) for a in event.attendees], settings, never=never,
                   already=already, only_for=only_for)
