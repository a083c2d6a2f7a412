"""The schedule's figures as the organizer reads them, for any schedule, hand-edited or not.

Meetings, must-meets met, people with wishes but no meeting, idle slots,
and every unmet wish with the engine's reason (`solver.explain_schedule`),
and the places where a wish could still be met by hand.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from nbl_desktop.core.event import EventData, MeetingRecord
from nbl_desktop.core.meeting_checks import why_not_another, why_not_here
from nbl_desktop.core.parties import parties_of
from nbl_desktop.core.planning import problem_from_event
from nbl_desktop.core.reason_words import unmet_reason_text
from solver import Meeting, UnmetReason, explain_schedule


@dataclass(frozen=True)
class UnmetWish:
    """A wish (party to party) without a meeting, and why (`why`, the engine's reason)."""

    requester: str
    requested: str
    priority: int
    why: UnmetReason

    @property
    def reason(self) -> str:
        """Why, in the current language: the figures are worked out in a helper process,
        which does not speak the window's language, so they carry the reason itself."""
        return unmet_reason_text(self.why)


@dataclass(frozen=True)
class ScheduleFigures:
    """What the figures panel shows."""

    meetings: int
    must_met: int
    must_total: int
    left_out: int  # people who asked or were asked for, with no meeting
    idle_slots: int
    unmet: tuple[UnmetWish, ...]


def schedule_figures(event: EventData) -> ScheduleFigures:
    """UserError when the event cannot be read as a schedule problem (say, a lost table)."""
    problem = problem_from_event(event)
    lead = parties_of(event.attendees).lead_of
    meetings = [Meeting(m.slot, m.table, lead[m.a], lead[m.b], m.locked)
                for m in event.meetings]
    unmet, people = explain_schedule(problem, meetings)
    unmet_pairs = {(u.request.requester, u.request.requested) for u in unmet}
    musts = [r for r in problem.requests if r.priority == 3]
    return ScheduleFigures(
        meetings=len(event.meetings),
        must_met=sum(1 for r in musts if (r.requester, r.requested) not in unmet_pairs),
        must_total=len(musts),
        left_out=sum(1 for f in people.values()
                     if f.meetings == 0 and f.requests_made + f.requests_received),
        idle_slots=sum(f.idle_slots for f in people.values()),
        unmet=tuple(UnmetWish(u.request.requester, u.request.requested, u.request.priority,
                              u.reason)
                    for u in sorted(unmet, key=lambda u: -u.request.priority)),
    )


def free_places(event: EventData, a: str, b: str) -> list[tuple[int, int]]:
    """(slot, table) cells where a meeting of `a` and `b` would break no rule."""
    if why_not_another(event, a, b) is not None:
        return []
    in_slot: dict[int, list[MeetingRecord]] = defaultdict(list)
    for m in event.meetings:
        in_slot[m.slot].append(m)
    places = []
    for slot in range(event.settings.total_slots):
        others = in_slot[slot]
        if any({a, b} & {m.a, m.b} for m in others):
            continue
        taken = {m.table for m in others}
        for table in range(len(event.settings.table_labels)):
            if table not in taken and why_not_here(
                    event, MeetingRecord(slot, table, a, b), others) is None:
                places.append((slot, table))
    return places
