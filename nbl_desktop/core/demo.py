"""The bundled demo event: imported into a fresh event file in the user's data folder."""

from __future__ import annotations

from pathlib import Path

from nbl_desktop.core.importing.registrations import read_clean_files
from nbl_desktop.core.store import EVENT_FILE_SUFFIX, EventStore
from nbl_desktop.paths import demo_workbook, user_data_dir


def open_demo_event() -> EventStore:
    """A fresh copy of the demo event each time, so the demo always starts clean."""
    event = read_clean_files([demo_workbook()])
    path: Path = user_data_dir() / f"demo{EVENT_FILE_SUFFIX}"
    store = EventStore.create(path, event.settings, overwrite=True)
    store.replace_event(event)
    return store
