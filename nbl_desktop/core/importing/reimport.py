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
from nbl_desktop.core.i18n import N_, _, n_
from nbl_desktop.core.importing.reader import generated_id, is_generated_id
from nbl_desktop.core.meeting_checks import still_valid, who

_NAMES_LISTED = 10
# A person's values as a change names them ("party size 1 → 2"); others by their name.
_FIELD_TEXT = {"name": N_("name"), "organization": N_("organization"),
               "country": N_("country"), "email": N_("email"), "language": N_("language"),
               "sector": N_("sector"), "offers": N_("offers"), "seeks": N_("seeks"),
               "available_from": N_("available from"),
               "available_until": N_("available until"), "max_meetings": N_("max meetings"),
               "party_size": N_("party size"), "fixed_table": N_("fixed table"),
               "delegation": N_("delegation"), "notes": N_("notes")}


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
            # Translators: {who} is "Name (Organization)"
            changes.append(_("added {who}").format(who=who(new)))
            continue
        renamed[new.id] = known.id
        updated, what = _updated(known, new)
        if what:
            people[known.id] = updated
            # Translators: {changes} is "party size 1 → 2; email (empty) → kari@fisk.no"
            changes.append(_("updated {who}: {changes}").format(who=who(known),
                                                                 changes="; ".join(what)))
    in_file = set(renamed.values())
    missing = [who(a) for a in current.attendees if a.id not in in_file]
    if missing:  # one line: a file of late registrations leaves out nearly everyone
        shown = ", ".join(missing[:_NAMES_LISTED])
        if len(missing) > _NAMES_LISTED:
            more = len(missing) - _NAMES_LISTED
            # Translators: {names} is "Kari (Fisk AS), Ola (Vilt AS)"
            shown = n_("{names} and {count} more", "{names} and {count} more", more).format(
                names=shown, count=more)
        # Translators: {names} is "Kari (Fisk AS), Ola (Vilt AS) and 3 more"
        changes.append(n_("kept {count} person not in the new file (delete them in the app "
                          "if they cancelled): {names}",
                          "kept {count} people not in the new file (delete them in the app if "
                          "they cancelled): {names}", len(missing)).format(count=len(missing),
                                                                           names=shown))

    requests = {(r.requester, r.requested): r for r in current.requests}
    for r in imported.requests:
        key = (renamed.get(r.requester, r.requester), renamed.get(r.requested, r.requested))
        earlier = requests.get(key)
        if earlier is None:
            # Translators: {who} asks to meet {whom}; both are "Name (Organization)"
            changes.append(_("new wish: {who} → {whom}").format(who=who(people[key[0]]),
                                                                whom=who(people[key[1]])))
        elif earlier.priority != r.priority:
            # Translators: {who} asks to meet {whom}; {before} and {after} are priorities 1–3
            changes.append(_("wish {who} → {whom}: priority {before} → {after}").format(
                who=who(people[key[0]]), whom=who(people[key[1]]), before=earlier.priority,
                after=r.priority))
        requests[key] = RequestRecord(*key, r.priority)
    exclusions = {(e.a, e.b): e for e in current.exclusions}
    for e in imported.exclusions:
        a, b = sorted((renamed.get(e.a, e.a), renamed.get(e.b, e.b)))
        if (a, b) not in exclusions:
            # Translators: {who} and {other} are "Name (Organization)"
            changes.append(_("new do-not-meet pair: {who} and {other}").format(
                who=who(people[a]), other=who(people[b])))
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
            name = f.name.replace("_", " ")
            # Translators: {field} is a person's value, "party size"; "1 → 2"
            what.append(_("{field} {before} → {after}").format(
                field=_(_FIELD_TEXT[f.name]) if f.name in _FIELD_TEXT else name,
                before=_shown(f.name, getattr(known, f.name)), after=_shown(f.name, value)))
    return replace(known, **changes), what  # type: ignore[arg-type]


def _shown(name: str, value: object) -> str:
    if value in ("", None):
        return _("(empty)")
    return format_clock(value) if name.startswith("available") and isinstance(value, int) \
        else str(value)
