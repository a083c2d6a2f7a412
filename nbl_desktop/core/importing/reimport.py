"""Merge an updated registration file into an event that already has data and a schedule.

People are matched by ID (the file's ID column, else the email). New people
are added; people in the file whose values changed are updated, field by
field, and a value the file leaves empty (or at its default) keeps the
event's, so party size, fixed table or delegation set in the app survive.
People missing from the file are kept: a cancellation is the organizer's
call. Wishes and
do-not-meet pairs from the file are added, a wish's priority taken from the
file. Scheduled meetings stay where they are while still valid; each one
that is not is removed with its reason. Every change is listed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, fields, replace

from nbl_desktop.core.clock import format_clock
from nbl_desktop.core.event import (
    AttendeeRecord,
    EventData,
    ExclusionRecord,
    RequestRecord,
)
from nbl_desktop.core.importing.reader import generated_id, is_generated_id
from nbl_desktop.core.meeting_checks import still_valid, who

_NAMES_LISTED = 10


@dataclass(frozen=True)
class MergeOutcome:
    """The merged event and, one line each, what changed."""

    event: EventData
    changes: tuple[str, ...]


def merge_import(current: EventData, imported: EventData) -> MergeOutcome:
    """`current` (the event file) updated by `imported` (the new file); settings stay."""
    changes: list[str] = []
    people = {a.id: a for a in current.attendees}
    # People without an email are told by name and organization (a generated ID is a row
    # count); both lookups are built once, not searched per person.
    unmailed = {_name_key(a): a.id for a in reversed(current.attendees) if not a.email}
    free_ids = _free_ids(people)
    renamed: dict[str, str] = {}  # imported ID -> ID in the event
    for new in imported.attendees:
        known_id = unmailed.get(_name_key(new)) if is_generated_id(new.id) else new.id
        known = people.get(known_id) if known_id is not None else None
        if known is None:
            attendee_id = new.id if new.id not in people else next(free_ids)
            renamed[new.id] = attendee_id
            people[attendee_id] = replace(new, id=attendee_id)
            changes.append(f"added {who(new)}")
            continue
        renamed[new.id] = known.id
        updated, what = _updated(known, new)
        if what:
            people[known.id] = updated
            changes.append(f"updated {who(known)}: {'; '.join(what)}")
    in_file = set(renamed.values())
    missing = [who(a) for a in current.attendees if a.id not in in_file]
    if missing:  # one line: a file of late registrations leaves out nearly everyone
        shown = ", ".join(missing[:_NAMES_LISTED]) + (
            f" and {len(missing) - _NAMES_LISTED} more" if len(missing) > _NAMES_LISTED else "")
        changes.append(f"kept {len(missing)} {'person' if len(missing) == 1 else 'people'} "
                       f"not in the new file (delete them in the app if they cancelled): "
                       f"{shown}")

    requests = {(r.requester, r.requested): r for r in current.requests}
    for r in imported.requests:
        key = (renamed.get(r.requester, r.requester), renamed.get(r.requested, r.requested))
        earlier = requests.get(key)
        if earlier is None:
            changes.append(f"new wish: {who(people[key[0]])} → {who(people[key[1]])}")
        elif earlier.priority != r.priority:
            changes.append(f"wish {who(people[key[0]])} → {who(people[key[1]])}: priority "
                           f"{earlier.priority} → {r.priority}")
        requests[key] = RequestRecord(*key, r.priority)
    exclusions = {(e.a, e.b): e for e in current.exclusions}
    for e in imported.exclusions:
        a, b = sorted((renamed.get(e.a, e.a), renamed.get(e.b, e.b)))
        if (a, b) not in exclusions:
            changes.append(f"new do-not-meet pair: {who(people[a])} and {who(people[b])}")
            exclusions[(a, b)] = ExclusionRecord(a, b)
    merged = EventData(current.settings, tuple(people.values()), tuple(requests.values()),
                       tuple(exclusions.values()))
    kept, dropped = still_valid(merged, current.meetings)
    changes += dropped
    return MergeOutcome(replace(merged, meetings=tuple(kept)), tuple(changes))


def _name_key(person: AttendeeRecord) -> tuple[str, str]:
    return person.name.casefold(), person.organization.casefold()


def _free_ids(people: dict[str, AttendeeRecord]) -> Iterator[str]:
    """Generated IDs nobody has, in order (`people` grows as they are handed out)."""
    number = 0
    while True:
        number += 1
        if generated_id(number) not in people:
            yield generated_id(number)


def _updated(known: AttendeeRecord, new: AttendeeRecord) -> tuple[AttendeeRecord, list[str]]:
    defaults = AttendeeRecord(id="", name="")
    changes: dict[str, object] = {}
    what: list[str] = []
    for f in fields(AttendeeRecord):
        value = getattr(new, f.name)
        if f.name == "id" or value in ("", None) or value == getattr(defaults, f.name):
            continue
        if value != getattr(known, f.name):
            changes[f.name] = value
            what.append(f"{f.name.replace('_', ' ')} {_shown(f.name, getattr(known, f.name))}"
                        f" → {_shown(f.name, value)}")
    return replace(known, **changes), what  # type: ignore[arg-type]


def _shown(name: str, value: object) -> str:
    if value in ("", None):
        return "(empty)"
    return format_clock(value) if name.startswith("available") and isinstance(value, int) \
        else str(value)
