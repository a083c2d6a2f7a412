"""The event file: one SQLite file per event, every change committed at once."""

from nbl_desktop.core.store.event_store import EVENT_FILE_SUFFIX, EventStore

__all__ = ["EVENT_FILE_SUFFIX", "EventStore"]
