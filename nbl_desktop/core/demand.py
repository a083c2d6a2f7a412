"""Demand at a glance: how many ask for each person, against how many meetings they can have.

"Asked by 37, can meet 12" tells the organizer, before scheduling, who is
over-subscribed (most of their wishes will go unmet) and so whom to give
more slots, a colleague at a second table, or a word of warning.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass

from nbl_desktop.core.event import EventData
from nbl_desktop.core.i18n import _
from nbl_desktop.core.slot_grid import available_slots, slot_times


@dataclass(frozen=True)
class Demand:
    """One person's demand."""

    asked_by: int  # people who asked to meet this person
    asks_for: int  # people this person asked to meet
    can_meet: int  # meetings they can have: available slots, at most max meetings

    @property
    def over_subscribed(self) -> bool:
        return self.asked_by > self.can_meet

    def describe(self) -> str:
        # Translators: how many people asked to meet this person, and how many meetings the
        # person can have
        return _("asked by {asked_by}, can meet {can_meet}").format(asked_by=self.asked_by,
                                                                    can_meet=self.can_meet)


def demand_of(event: EventData, only: Collection[str] | None = None) -> dict[str, Demand]:
    """Everyone's demand, or only that of the people in `only` (after an edit of them)."""
    slots = slot_times(event.settings)
    asked_by = Counter(r.requested for r in event.requests)
    asks_for = Counter(r.requester for r in event.requests)
    demand = {}
    people = event.attendees if only is None else [event.attendee(i) for i in only]
    free_slots: dict[tuple[int | None, int | None], int] = {}  # most share their hours
    for attendee in people:
        hours = (attendee.available_from, attendee.available_until)
        if hours not in free_slots:
            free_slots[hours] = len(available_slots(attendee, slots))
        can_meet = free_slots[hours]
        if attendee.max_meetings is not None:
            can_meet = min(can_meet, attendee.max_meetings)
        demand[attendee.id] = Demand(asked_by[attendee.id], asks_for[attendee.id], can_meet)
    return demand
