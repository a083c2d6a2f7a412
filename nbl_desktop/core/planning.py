"""The use-case layer shared by the CLI and the GUI: event → problem → schedule → event.

Only plain values cross from here to the solver and back, so the GUI can run
the solve on a worker thread and store its result on the GUI thread.
"""

from __future__ import annotations

from collections import Counter

from nbl_desktop.core.event import EventData, MeetingRecord
from nbl_desktop.core.slot_grid import available_slots, slot_times
from solver import (
    Attendee,
    Exclusion,
    LockedMeeting,
    Problem,
    Request,
    Slot,
    SolveResult,
    Table,
)


def problem_from_event(event: EventData) -> Problem:
    """The solver's view of the event; locked meetings stay where they are."""
    slots = slot_times(event.settings)
    everywhere = frozenset(range(len(slots)))
    attendees = []
    for record in event.attendees:
        available = available_slots(record, slots)
        attendees.append(
            Attendee(
                id=record.id,
                available_slots=None if available == everywhere else available,
                max_meetings=record.max_meetings,
            )
        )
    return Problem(
        slots=tuple(Slot(s.start, s.end) for s in slots),
        tables=tuple(Table(label) for label in event.settings.table_labels),
        attendees=tuple(attendees),
        requests=tuple(Request(r.requester, r.requested, r.priority) for r in event.requests),
        exclusions=tuple(Exclusion(e.a, e.b) for e in event.exclusions),
        locked=tuple(LockedMeeting(m.slot, m.table, m.a, m.b) for m in event.meetings if m.locked),
    )


def meetings_from_result(result: SolveResult) -> list[MeetingRecord]:
    return [MeetingRecord(m.slot, m.table, m.a, m.b, m.locked) for m in result.meetings]


def summary_line(result: SolveResult, request_count: int) -> str:
    """Two lines for the organizer: the figures per level with proven bounds, then why unmet."""
    met = request_count - len(result.unmet_requests)
    proof = "proven optimal" if result.proven_optimal else f"{100 * (1 - result.gap):.1f}% of bound"
    lines = [
        f"{len(result.meetings)} meetings, {met} of {request_count} requests met, "
        f"value {result.value}, proven bound {result.bound} ({proof}), "
        f"{result.wall_seconds:.1f}s, stopped: {result.stop_reason.value}"
    ]
    if result.levels:
        must, idle = result.level("must-meets"), result.level("compactness")
        left_out = sum(1 for f in result.attendees.values()
                       if f.meetings == 0 and f.requests_made + f.requests_received)
        lines.append(f"must-meets {must.reached} of {must.bound} possible, "
                     f"{left_out} attendees with requests but no meeting, "
                     f"{idle.reached} idle slots between meetings")
    if result.unmet:
        reasons = Counter(u.reason.value for u in result.unmet)
        lines.append("unmet: " + "; ".join(f"{n} {reason}" for reason, n in reasons.most_common()))
    return "\n".join(lines)
