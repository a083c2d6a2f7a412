"""Import registration files into an open event: the template or any layout, merged when the
event already has people (the GUI's Import; nothing in the event is lost)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from nbl_desktop.core.event import EventData
from nbl_desktop.core.importing.registrations import read_files
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
    read = read_files(paths, current.settings, current.attendees)
    if not current.attendees:
        return EventImport(read.event, read.findings, ())
    merged = merge_import(current, read.event)
    return EventImport(merged.event, read.findings, merged.changes)
