"""Re-plan the rest of the day: the engine's re-plan from 'now', and what changed for whom.

Meetings before `from_slot` are history and stay exactly as they are (even
one whose person has since been marked absent: the desk records it as not
held). From `from_slot` on, meetings the changes did not touch keep their
slot and table; freed places are filled from unmet wishes. The result lists,
per attendee (every member of a delegation), what was added, moved or
cancelled, for the preview, the notify list and the reprint.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace

from nbl_desktop.core.event import EventData, MeetingRecord
from nbl_desktop.core.i18n import N_, _
from nbl_desktop.core.meeting_checks import who
from nbl_desktop.core.parties import parties_of
from nbl_desktop.core.planning import problem_from_event
from nbl_desktop.core.slot_grid import slot_times
from solver import CancelToken, Meeting, Progress, SolveOptions, SolveResult, replan

# What the desk reads for each kind of change (`MeetingChange.kind`, a key).
_CHANGE_TEXTS = {
    # Translators: {time} is the slot's time, "10:00–10:20"
    "added": N_("added {time}, table {table}, with {person}"),
    # Translators: {time} is the slot's time, "10:00–10:20"
    "cancelled": N_("cancelled {time}, table {table}, with {person}"),
}


@dataclass(frozen=True)
class MeetingChange:
    """One change in one person's agenda. `kind`: "added", "moved" or "cancelled"; `slot`
    and `table` are where the meeting is now (where it was, for a cancelled one)."""

    kind: str
    slot: int
    table: int
    partner: str  # the other party's lead ID
    moved_from: tuple[int, int] | None = None  # (slot, table) before a move


@dataclass(frozen=True)
class DayReplan:
    """A re-plan ready to be applied: the whole new schedule and the changes per person."""

    from_slot: int
    meetings: tuple[MeetingRecord, ...]
    changes: dict[str, tuple[MeetingChange, ...]]
    kept: int
    result: SolveResult

    @property
    def changed_people(self) -> list[str]:
        return sorted(self.changes)


def replan_event(event: EventData, from_slot: int, options: SolveOptions | None = None,
                 on_progress: Callable[[Progress], None] | None = None,
                 cancel: CancelToken | None = None) -> DayReplan:
    """Re-plan slots ≥ `from_slot` of `event` as it is now (the desk's changes applied)."""
    problem = problem_from_event(event)
    parties = parties_of(event.attendees)
    lead = parties.lead_of
    history = [m for m in event.meetings if m.slot < from_slot]
    # A meeting of the past whose person is now marked away (a late arrival recorded after
    # it) stays as history. To the engine that person was there then: the meeting still
    # counts against their maximum and the pair has met. Past slots are frozen, so nothing
    # new can go there.
    there_then: dict[str, set[int]] = defaultdict(set)
    past = []
    for m in history:
        meeting = Meeting(m.slot, m.table, lead[m.a], lead[m.b], m.locked)
        past.append(meeting)
        for party in (meeting.a, meeting.b):
            if not problem.attendee(party).is_available(m.slot):
                there_then[party].add(m.slot)
    problem = replace(problem, attendees=tuple(
        replace(a, available_slots=(a.available_slots or frozenset()) | there_then[a.id])
        if a.id in there_then else a for a in problem.attendees))
    future = [Meeting(m.slot, m.table, lead[m.a], lead[m.b], m.locked)
              for m in event.meetings if m.slot >= from_slot]
    outcome = replan(problem, past + future, from_slot, options, on_progress, cancel)
    planned = [MeetingRecord(m.slot, m.table, m.a, m.b, m.locked)
               for m in outcome.result.meetings if m.slot >= from_slot]
    changes: dict[str, tuple[MeetingChange, ...]] = {}
    for party, change in outcome.changes.items():
        if not change:
            continue

        def other(m: Meeting, party: str = party) -> str:
            return m.b if m.a == party else m.a

        lines = tuple(sorted(
            [MeetingChange("added", m.slot, m.table, other(m)) for m in change.added]
            + [MeetingChange("moved", after.slot, after.table, other(after),
                             (before.slot, before.table)) for before, after in change.moved]
            + [MeetingChange("cancelled", m.slot, m.table, other(m)) for m in change.removed],
            key=lambda c: c.slot))
        for person in parties.members.get(party, (party,)):
            changes[person] = lines
    return DayReplan(from_slot, tuple(sorted(history + planned, key=lambda m: (m.slot, m.table))),
                     changes, outcome.kept, outcome.result)


def describe_change(event: EventData, change: MeetingChange) -> str:
    """"moved 10:00 → 10:40, table 3, with Kari Berg (Fisk AS)", for the desk and the CLI."""
    slots = slot_times(event.settings)
    labels = event.settings.table_labels
    values = {"time": slots[change.slot].label(), "table": labels[change.table],
              "person": who(event.attendee(change.partner))}
    if change.kind == "moved" and change.moved_from is not None:
        # Translators: {before} and {time} are the slot's times before and after the move
        return _("moved {before} → {time}, table {table}, with {person}").format(
            before=slots[change.moved_from[0]].label(), **values)
    return _(_CHANGE_TEXTS[change.kind]).format(**values)


@dataclass(frozen=True)
class NotifyRow:
    """Whom the desk tells, and what: a person whose agenda changed, and their next meeting."""

    attendee_id: str
    name: str
    organization: str
    changes: str
    next_meeting: str


def notify_list(event: EventData, day: DayReplan) -> list[NotifyRow]:
    """Everyone whose agenda the re-plan changes, with their next meeting after it."""
    lead = parties_of(event.attendees).lead_of
    slots = slot_times(event.settings)
    labels = event.settings.table_labels
    rows = []
    for person_id in day.changed_people:
        person = event.attendee(person_id)
        own = sorted((m for m in day.meetings if lead[person_id] in (m.a, m.b)
                      and m.slot >= day.from_slot), key=lambda m: m.slot)
        if own:
            first = own[0]
            partner = event.attendee(first.b if first.a == lead[person_id] else first.a)
            # Translators: the person's next meeting: its time, its table and with whom
            upcoming = _("{time}, table {table}, {person}").format(
                time=slots[first.slot].label(), table=labels[first.table],
                person=partner.name)
        else:
            upcoming = _("no more meetings")
        rows.append(NotifyRow(person_id, person.name, person.organization,
                              "; ".join(describe_change(event, c)
                                        for c in day.changes[person_id]), upcoming))
    return rows
