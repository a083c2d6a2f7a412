"""The desk's changes to people as ordinary edits (undoable, logged): a no-show from a slot
on, a late arrival, an early leave, a walk-in with the wishes typed at the desk.

Availability is the person's `available_from` / `available_until`, so the grid,
the agendas ("Not available") and the re-plan all see the change at once.
"""

from __future__ import annotations

from dataclasses import replace

from nbl_desktop.core import edits
from nbl_desktop.core.clock import format_clock
from nbl_desktop.core.edits import Edit, RowChange
from nbl_desktop.core.errors import UserError
from nbl_desktop.core.event import AttendeeRecord, EventData
from nbl_desktop.core.i18n import _, n_
from nbl_desktop.core.locale_formats import clock_text
from nbl_desktop.core.slot_grid import slot_times


def no_show(event: EventData, attendee_id: str, from_slot: int) -> Edit:
    """`attendee_id` is not there from slot `from_slot` (0-based) on: their day ends before it."""
    slots = slot_times(event.settings)
    if not 0 <= from_slot < len(slots):
        raise UserError(n_("There is no slot {number}; the day has {count} slot.",
                           "There is no slot {number}; the day has {count} slots.",
                           len(slots)).format(number=from_slot + 1, count=len(slots)))
    person = event.attendee(attendee_id)
    until = slots[from_slot].start
    earliest = person.available_from if person.available_from is not None else 0
    after = replace(person, available_until=until,
                    available_from=None if earliest >= until else person.available_from)
    return _described(edits.change_attendee(event, after),
                      f"{person.name} absent from slot {from_slot + 1} "
                      f"({format_clock(until)}) on",
                      _("{name} absent from slot {number} ({time}) on").format(
                          name=person.name, number=from_slot + 1, time=clock_text(until)))


def late_arrival(event: EventData, attendee_id: str, minute: int) -> Edit:
    person = event.attendee(attendee_id)
    if person.available_until is not None and minute >= person.available_until:
        raise UserError(_("{name} leaves at {time}; an arrival must be earlier.").format(
            name=person.name, time=clock_text(person.available_until)))
    return _described(edits.change_attendee(event, replace(person, available_from=minute)),
                      f"{person.name} arrives at {format_clock(minute)}",
                      _("{name} arrives at {time}").format(name=person.name,
                                                           time=clock_text(minute)))


def early_leave(event: EventData, attendee_id: str, minute: int) -> Edit:
    person = event.attendee(attendee_id)
    if person.available_from is not None and minute <= person.available_from:
        raise UserError(_("{name} arrives at {time}; leaving must be later.").format(
            name=person.name, time=clock_text(person.available_from)))
    return _described(edits.change_attendee(event, replace(person, available_until=minute)),
                      f"{person.name} leaves at {format_clock(minute)}",
                      _("{name} leaves at {time}").format(name=person.name,
                                                          time=clock_text(minute)))


def close_table(event: EventData, table: int, from_slot: int) -> Edit:
    """Table `table` (0-based) out of use from slot `from_slot` on. Its meetings from then on
    stay until the re-plan moves them (the grid marks them), like a no-show's, so the
    re-plan's list of changes names everyone to tell."""
    settings = event.settings
    closed = settings.with_table_closed(table, from_slot)
    if closed == settings:
        return Edit("", ())
    return Edit(f"table {settings.table_labels[table]} out of use from slot {from_slot + 1} on",
                (RowChange(settings, closed),),
                _("table {table} out of use from slot {number} on").format(
                    table=settings.table_labels[table], number=from_slot + 1))


def walk_in(event: EventData, person: AttendeeRecord,
            wishes: list[tuple[str, int]]) -> Edit:
    """A new attendee, typed at the desk, with their wishes (requested ID, priority)."""
    added = edits.add_attendee(event, person)
    changes = list(added.changes)
    with_person = replace(event, attendees=(*event.attendees, person))
    for requested, priority in wishes:
        if requested == person.id:
            continue
        changes += edits.set_wish(with_person, person.id, requested, priority).changes
    title = (n_("walk-in {name} with {count} wish", "walk-in {name} with {count} wishes",
                len(wishes)) if wishes else _("walk-in {name}")).format(name=person.name,
                                                                        count=len(wishes))
    return Edit(f"walk-in {person.name}" + (f" with {len(wishes)} wishes" if wishes else ""),
                tuple(changes), title)


def _described(edit: Edit, description: str, title: str) -> Edit:
    return Edit(description, edit.changes, title) if edit else edit
