"""Import registration files into an open event: the template or any layout, merged when the
event already has people (the GUI's Import; nothing in the event is lost)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from nbl_desktop.core.event import EventData
from nbl_desktop.core.importing.any_layout import import_registrations
from nbl_desktop.core.importing.registration_workbook import read_registration_workbook
from nbl_desktop.core.importing.registrations import is_template_workbook
from nbl_desktop.core.importing.reimport import merge_import


@dataclass(frozen=True)
class EventImport:
    """The event to store, what the files held that was not used as it stood, what changed."""

    event: EventData
    findings: tuple[str, ...]
    changes: tuple[str, ...]


def import_into_event(paths: Sequence[Path], current: EventData) -> EventImport:
    """`current` with the files' people and wishes; InputError when a file cannot be read.

    An empty event takes the template's event settings; an event with people
    keeps its own and merges (`reimport.merge_import`).
    """
    if len(paths) == 1 and is_template_workbook(Path(paths[0])):
        outcome = read_registration_workbook(Path(paths[0]))
        imported, findings = outcome.event, tuple(str(n) for n in outcome.notes)
    else:
        result = import_registrations(paths, current.settings, current.attendees)
        imported, findings = result.event, tuple(result.report.lines())
    if not current.attendees:
        return EventImport(imported, findings, ())
    merged = merge_import(current, imported)
    return EventImport(merged.event, findings, merged.changes)
