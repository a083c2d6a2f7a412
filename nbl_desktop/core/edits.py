"""The organizer's edits as data: what each changes, so it can be written, undone and redone.

An `Edit` is a list of row changes (a record before and after; None where
there was or will be none) with a plain description. The event file writes
one in a single transaction (`EventStore.apply`), and its inverse undoes it
exactly. The functions below build the edits the app offers; each checks its
input and raises UserError with a plain reason instead of writing nonsense.
Deleting a person takes their wishes, do-not-meet pairs and meetings with
them, so one undo brings all of it back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from operator import attrgetter

from nbl_desktop.core.errors import UserError
from nbl_desktop.core.event import (
    AttendeeRecord,
    EventData,
    EventSettings,
    ExclusionRecord,
    MeetingRecord,
    RequestRecord,
)
from nbl_desktop.core.i18n import N_, _, counted
from nbl_desktop.core.meeting_checks import still_valid, who, why_not_another, why_not_here

Record = AttendeeRecord | RequestRecord | ExclusionRecord | MeetingRecord | EventSettings


@dataclass(frozen=True)
class RowChange:
    """One record of the event file: `before` becomes `after` (None: absent)."""

    before: Record | None
    after: Record | None

    def inverse(self) -> RowChange:
        return RowChange(self.after, self.before)


UNDONE = "undo: "


@dataclass(frozen=True)
class Edit:
    """Row changes written together, in order (dependents are removed first)."""

    description: str
    changes: tuple[RowChange, ...]
    # What Undo, Redo and the change log call it, in the window's language (the description
    # is the same in English: the command line's, and the fallback).
    title: str = field(default="", compare=False)

    @property
    def shown(self) -> str:
        """What Undo and Redo say they would take back or do again."""
        return self.title or self.description

    @property
    def log_line(self) -> str:
        """The change log's line: what was done, as the organizer reads it."""
        if self.description.startswith(UNDONE):
            # Translators: the change log's line for an edit taken back with Undo
            return _("undo: {what}").format(what=self.shown) if self.title else \
                self.description
        return self.shown

    def inverse(self) -> Edit:
        """The edit that takes this one back; the change log reads "undo: …"."""
        description = (self.description.removeprefix(UNDONE) if self.description.startswith(
            UNDONE) else f"{UNDONE}{self.description}")
        return Edit(description, tuple(c.inverse() for c in reversed(self.changes)),
                    self.title)

    def __bool__(self) -> bool:
        return bool(self.changes)


def row_key(record: Record) -> tuple[str, tuple[object, ...]]:
    """The event file's table of a record and its primary key there."""
    if isinstance(record, AttendeeRecord):
        return "attendees", (record.id,)
    if isinstance(record, RequestRecord):
        return "requests", (record.requester, record.requested)
    if isinstance(record, ExclusionRecord):
        return "exclusions", (record.a, record.b)
    if isinstance(record, EventSettings):
        return "event", (1,)
    return "meetings", (record.slot, record.table)


# Shown translated (`priority_name`); the keys are the priorities stored.
PRIORITY_NAMES = {1: N_("nice"), 2: N_("important"), 3: N_("must")}


def priority_name(priority: int) -> str:
    """"nice", "important" or "must" in the current language; the number for any other."""
    name = PRIORITY_NAMES.get(priority)
    return _(name) if name is not None else str(priority)


def add_attendee(event: EventData, attendee: AttendeeRecord) -> Edit:
    if not attendee.name.strip():
        raise UserError(_("A person needs a name."))
    if attendee.id in {a.id for a in event.attendees}:
        raise UserError(_("The ID {id} is taken; choose another.").format(id=attendee.id))
    return Edit(f"add {attendee.name}", (RowChange(None, attendee),),
                _("add {name}").format(name=attendee.name))


def new_attendee_id(event: EventData) -> str:
    """The first free ID of the form A0001, for a person added by hand."""
    taken = {a.id for a in event.attendees}
    number = len(taken) + 1
    while f"A{number:04d}" in taken:
        number += 1
    return f"A{number:04d}"


def change_attendee(event: EventData, after: AttendeeRecord) -> Edit:
    """The person's fields as in `after` (same ID); no edit when nothing changed."""
    before = event.attendee(after.id)
    if not after.name.strip():
        raise UserError(_("A person needs a name."))
    if after.party_size < 1:
        raise UserError(_("Party size is at least 1."))
    if after.max_meetings is not None and after.max_meetings < 0:
        raise UserError(_("Max meetings cannot be negative."))
    if (after.available_from is not None and after.available_until is not None
            and after.available_from >= after.available_until):
        raise UserError(_("'Available from' must be before 'available until'."))
    labels = event.settings.table_labels
    if after.fixed_table and after.fixed_table not in labels:
        # Translators: {tables} lists the event's table labels, e.g. "1, 2, 3"
        raise UserError(_("There is no table '{table}'; the tables are {tables}.").format(
            table=after.fixed_table,
            tables=", ".join(labels[:10]) + (" …" if len(labels) > 10 else "")))
    if before == after:
        return Edit("", ())
    return Edit(f"edit {after.name}", (RowChange(before, after),),
                _("edit {name}").format(name=after.name))


def delete_attendee(event: EventData, attendee_id: str) -> Edit:
    """The person, with their wishes (both ways), do-not-meet pairs and meetings."""
    person = event.attendee(attendee_id)
    changes = [RowChange(m, None) for m in event.meetings if attendee_id in (m.a, m.b)]
    changes += [RowChange(r, None) for r in event.requests
                if attendee_id in (r.requester, r.requested)]
    changes += [RowChange(x, None) for x in event.exclusions if attendee_id in (x.a, x.b)]
    changes.append(RowChange(person, None))
    return Edit(f"delete {person.name}", tuple(changes),
                _("delete {name}").format(name=person.name))


def what_deleting_takes(event: EventData, attendee_id: str) -> str:
    """'12 wishes and 3 meetings', for the question before deleting."""
    edit = delete_attendee(event, attendee_id)
    wishes, pairs, meetings = (sum(isinstance(c.before, kind) for c in edit.changes)
                               for kind in (RequestRecord, ExclusionRecord, MeetingRecord))
    parts = []
    if wishes:
        parts.append(counted(wishes, "{count} wish", "{count} wishes"))
    if pairs:
        parts.append(counted(pairs, "{count} do-not-meet pair", "{count} do-not-meet pairs"))
    if meetings:
        parts.append(counted(meetings, "{count} meeting", "{count} meetings"))
    return ", ".join(parts)


def set_wish(event: EventData, requester: str, requested: str, priority: int | None) -> Edit:
    """`requester` wants to meet `requested` at `priority` (1–3); None removes the wish."""
    if requester == requested:
        raise UserError(_("A person cannot ask to meet themselves."))
    for person in (requester, requested):
        event.attendee(person)  # KeyError for an unknown ID is a bug, not the organizer's
    if priority is not None and priority not in PRIORITY_NAMES:
        raise UserError(_("Priority is 1 (nice), 2 (important) or 3 (must)."))
    before = next((r for r in event.requests
                   if (r.requester, r.requested) == (requester, requested)), None)
    if priority is not None and _excluded(event, requester, requested):
        raise UserError(_("{first} and {second} are marked do-not-meet; remove that first.")
                        .format(first=event.attendee(requester).name,
                                second=event.attendee(requested).name))
    after = None if priority is None else RequestRecord(requester, requested, priority)
    if before == after:
        return Edit("", ())
    names = f"{event.attendee(requester).name} → {event.attendee(requested).name}"
    what = "remove wish" if after is None else ("add wish" if before is None else "change wish")
    title = (_("remove wish {names}") if after is None else _("add wish {names}")
             if before is None else _("change wish {names}")).format(names=names)
    return Edit(f"{what} {names}", (RowChange(before, after),), title)


def set_do_not_meet(event: EventData, a: str, b: str, apart: bool) -> Edit:
    """Mark (or unmark) two people who must never meet; marking removes wishes between them
    and any meeting of theirs."""
    if a == b:
        raise UserError(_("Choose two different people."))
    key = ExclusionRecord(min(a, b), max(a, b))
    exists = key in event.exclusions
    names = f"{event.attendee(a).name} / {event.attendee(b).name}"
    if not apart:
        return Edit(f"allow {names} to meet", (RowChange(key, None),),
                    _("allow {names} to meet").format(names=names)) if exists else Edit("", ())
    if exists:
        return Edit("", ())
    changes = [RowChange(m, None) for m in event.meetings if {m.a, m.b} == {a, b}]
    changes += [RowChange(r, None) for r in event.requests if {r.requester, r.requested} == {a, b}]
    changes.append(RowChange(None, key))
    return Edit(f"do not meet: {names}", tuple(changes),
                _("do not meet: {names}").format(names=names))


def _excluded(event: EventData, a: str, b: str) -> bool:
    return ExclusionRecord(min(a, b), max(a, b)) in event.exclusions


def replace_meetings(event: EventData, meetings: Sequence[MeetingRecord],
                     description: str, title: str = "") -> Edit:
    """The schedule `meetings` in place of the event's (a solve's result, say); `title`: what
    Undo calls it in the window's language."""
    kept = set(event.meetings) & set(meetings)
    gone = [RowChange(m, None) for m in event.meetings if m not in kept]
    new = [RowChange(None, m) for m in meetings if m not in kept]
    return Edit(description, tuple(gone + new), title)


@dataclass(frozen=True)
class SettingsChange:
    """New settings as an edit, and the meetings they leave out (a line each, with the reason)."""

    edit: Edit
    dropped: tuple[str, ...]
    unknown_fixed_tables: tuple[str, ...]  # people whose fixed table no longer exists


def change_settings(event: EventData, settings: EventSettings) -> SettingsChange:
    """The event's frame as `settings`; meetings that no longer fit become unscheduled."""
    if not settings.name.strip():
        raise UserError(_("The event needs a name."))
    for number, day in enumerate(settings.days(), start=1):
        if day.slot_count < 1 or day.slot_minutes < 1:
            raise UserError(_("Day {number} needs at least one slot of at least one minute.")
                            .format(number=number))
        if any(start >= end for start, end in day.breaks):
            raise UserError(_("A break of day {number} must end after it starts.").format(
                number=number))
    if not settings.table_labels:
        raise UserError(_("The event needs at least one table."))
    if len(set(settings.table_labels)) != len(settings.table_labels):
        raise UserError(_("Two tables have the same label; give each table its own."))
    if min(settings.seats_of(t) for t in range(len(settings.table_labels))) < 2:
        raise UserError(_("A table needs at least 2 seats."))
    if settings == event.settings:
        return SettingsChange(Edit("", ()), (), ())
    kept, dropped = still_valid(replace(event, settings=settings), event.meetings)
    gone = [RowChange(m, None) for m in event.meetings if m not in set(kept)]
    unknown = tuple(who(a) for a in event.attendees
                    if a.fixed_table and a.fixed_table not in settings.table_labels)
    return SettingsChange(Edit("change the event settings",
                               (*gone, RowChange(event.settings, settings)),
                               _("change the event settings")),
                          tuple(dropped), unknown)


def move_meeting(event: EventData, meeting: MeetingRecord, slot: int, table: int) -> Edit:
    """`meeting` to another slot and table; onto another meeting, the two swap places.

    UserError with the reason when a hard rule would break (see
    `meeting_checks.why_not_here`); a locked meeting is never moved.
    """
    if (slot, table) == (meeting.slot, meeting.table):
        return Edit("", ())
    target = next((m for m in event.meetings if (m.slot, m.table) == (slot, table)), None)
    for fixed in (meeting, target):
        if fixed is not None and fixed.locked:
            raise UserError(_("The meeting of {first} and {second} is locked; unlock it first.")
                            .format(**_people(event, fixed)))
    moved = [replace(meeting, slot=slot, table=table)]
    if target is not None:
        moved.append(replace(target, slot=meeting.slot, table=meeting.table))
    staying = [m for m in event.meetings if m not in (meeting, target)]
    for placed in moved:
        reason = why_not_here(event, placed, staying + [m for m in moved if m is not placed])
        if reason is not None:
            raise UserError(_("The meeting of {first} and {second} cannot go there: {reason}.")
                            .format(**_people(event, placed), reason=reason))
    what = "swap meetings" if target is not None else "move meeting"
    title = (_("swap places for the meeting of {first} and {second}") if target is not None
             else _("move the meeting of {first} and {second}"))
    originals = [meeting] + ([target] if target is not None else [])
    return Edit(f"{what} of {_pair(event, meeting)}",
                tuple([RowChange(m, None) for m in originals]
                      + [RowChange(None, m) for m in moved]),
                title.format(**_people(event, meeting)))


def create_meeting(event: EventData, a: str, b: str, slot: int, table: int) -> Edit:
    """A new meeting of `a` and `b` (say, from an unmet wish); UserError when it cannot be."""
    if any({m.a, m.b} == {a, b} for m in event.meetings):
        raise UserError(_("{first} and {second} already meet.").format(
            **_people(event, MeetingRecord(slot, table, a, b))))
    meeting = MeetingRecord(slot, table, a, b)
    reason = why_not_another(event, a, b) or why_not_here(event, meeting, event.meetings)
    if reason is not None:
        raise UserError(_("The meeting of {first} and {second} cannot go there: {reason}.")
                        .format(**_people(event, meeting), reason=reason))
    return Edit(f"add meeting of {_pair(event, meeting)}", (RowChange(None, meeting),),
                _("add the meeting of {first} and {second}").format(**_people(event, meeting)))


def delete_meeting(event: EventData, meeting: MeetingRecord) -> Edit:
    return Edit(f"delete meeting of {_pair(event, meeting)}", (RowChange(meeting, None),),
                _("delete the meeting of {first} and {second}").format(
                    **_people(event, meeting)))


def set_locked(event: EventData, meeting: MeetingRecord, locked: bool) -> Edit:
    """Lock (the next solve keeps it where it is) or unlock a meeting."""
    if meeting.locked == locked:
        return Edit("", ())
    what = "lock" if locked else "unlock"
    title = (_("lock the meeting of {first} and {second}") if locked
             else _("unlock the meeting of {first} and {second}"))
    return Edit(f"{what} meeting of {_pair(event, meeting)}",
                (RowChange(meeting, replace(meeting, locked=locked)),),
                title.format(**_people(event, meeting)))


def _pair(event: EventData, meeting: MeetingRecord) -> str:
    """'A and B', for the change log's line of an edit (English: the event file's record)."""
    return f"{who(event.attendee(meeting.a))} and {who(event.attendee(meeting.b))}"


def _people(event: EventData, meeting: MeetingRecord) -> dict[str, str]:
    """The two parties of `meeting` as the placeholders {first} and {second} of a message."""
    return {"first": who(event.attendee(meeting.a)), "second": who(event.attendee(meeting.b))}


def replace_event(event: EventData, new: EventData, description: str,
                  title: str = "") -> Edit:
    """`new` in place of `event` as one edit (an import, say): only what differs is written.

    Dependents go first (meetings, wishes and do-not-meet pairs that go, then
    people who go), then people who come or change, then what refers to them.
    """
    def diff(old: Sequence[Record], now: Sequence[Record]) -> tuple[list[RowChange],
                                                                   list[RowChange]]:
        before = {row_key(r): r for r in old}
        after = {row_key(r): r for r in now}
        gone = [RowChange(r, None) for k, r in before.items() if k not in after]
        come = [RowChange(before.get(k), r) for k, r in after.items() if before.get(k) != r]
        return gone, come

    people_gone, people_come = diff(event.attendees, new.attendees)
    changes: list[RowChange] = []
    later: list[RowChange] = []
    for old, now in ((event.meetings, new.meetings), (event.requests, new.requests),
                     (event.exclusions, new.exclusions)):
        gone, come = diff(old, now)
        changes += gone
        later += come
    changes += people_gone + people_come + later
    if new.settings != event.settings:
        changes.append(RowChange(event.settings, new.settings))
    return Edit(description, tuple(changes), title)


@dataclass(frozen=True)
class Touched:
    """What an edit changed, for views that update just that: the people whose own
    record changed, whether people came or went, and which tables of the file it wrote."""

    tables: frozenset[str]
    people: frozenset[str]  # IDs of people whose record changed in place
    people_came_or_went: bool
    meeting_cells: frozenset[tuple[int, int]]  # (slot, table) of meetings before and after

    @property
    def only_meetings(self) -> bool:
        return self.tables == {"meetings"}

    @property
    def only_people_in_place(self) -> bool:
        return self.tables == {"attendees"} and not self.people_came_or_went


def touched_by(edit: Edit) -> Touched:
    tables: set[str] = set()
    people: set[str] = set()
    came_or_went = False
    cells: set[tuple[int, int]] = set()
    for change in edit.changes:
        for record in (change.before, change.after):
            if record is not None:
                tables.add(row_key(record)[0])
            if isinstance(record, MeetingRecord):
                cells.add((record.slot, record.table))
        if isinstance(change.before or change.after, AttendeeRecord):
            if change.before is None or change.after is None:
                came_or_went = True
            else:
                people.add(change.after.id)  # type: ignore[union-attr]
    return Touched(frozenset(tables), frozenset(people), came_or_went, frozenset(cells))


# Each table's key as a C-level getter: the same order as `row_key`, and building the
# dict of 9,000 meetings by `row_key` took half the time of moving one meeting.
_KEY_OF = {"attendees": attrgetter("id"), "requests": attrgetter("requester", "requested"),
           "exclusions": attrgetter("a", "b"), "meetings": attrgetter("slot", "table")}


def applied(event: EventData, edit: Edit) -> EventData:
    """The event as it is after `edit`, worked out in memory: the same as reading the event
    file again after writing it (each table in the file's order, by its key), without
    reading thousands of rows for a change of one."""
    by_table: dict[str, dict[object, Record]] = {}
    current = {"attendees": event.attendees, "requests": event.requests,
               "exclusions": event.exclusions, "meetings": event.meetings}
    settings = event.settings
    for change in edit.changes:
        if isinstance(change.after or change.before, EventSettings):
            settings = change.after if isinstance(change.after, EventSettings) else settings
            continue
        table = row_key(change.before or change.after)[0]  # type: ignore[arg-type]
        key = _KEY_OF[table]
        rows = by_table.get(table)
        if rows is None:
            rows = by_table[table] = dict(zip(map(key, current[table]), current[table],
                                              strict=True))
        if change.before is not None:
            rows.pop(key(change.before), None)
        if change.after is not None:
            rows[key(change.after)] = change.after
    ordered = {table: tuple(rows[k] for k in sorted(rows))  # type: ignore[type-var]
               for table, rows in by_table.items()}
    return EventData(settings,
                     ordered.get("attendees", event.attendees),  # type: ignore[arg-type]
                     ordered.get("requests", event.requests),  # type: ignore[arg-type]
                     ordered.get("exclusions", event.exclusions),  # type: ignore[arg-type]
                     ordered.get("meetings", event.meetings))  # type: ignore[arg-type]
