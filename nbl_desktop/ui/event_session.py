"""The open event: its file, the event as it stands, the undo stack, and every edit of it.

One object owns them, so pages and dialogs never write the file
themselves: they hand an edit to `perform` and hear what changed through
the signals. An edit is written to the file first and only then goes on the
undo stack: one that cannot be written (read-only, the disk full, the USB
stick pulled) is reported through `write_failed` and never looks saved.
"""

from __future__ import annotations

import gc
import logging
import sqlite3
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from nbl_desktop.core import edits
from nbl_desktop.core.errors import UserError
from nbl_desktop.core.event import EventData
from nbl_desktop.core.importing.choices import ImportChoices
from nbl_desktop.core.importing.name_matching import labels_of
from nbl_desktop.core.store import EventStore
from nbl_desktop.core.store.backups import keep_backup
from nbl_desktop.core.store.prepared_edit import PreparedEdit
from nbl_desktop.ui import app_settings
from nbl_desktop.ui.undo import EditCommand

log = logging.getLogger(__name__)


_MANY_ROWS = 1_000  # an edit this big (a new schedule) leaves many records that will last


def set_aside_from_collection() -> None:
    """Keep Python's cyclic garbage collector from walking the open event's records.

    They last as long as the event is open, and a full collection walks every
    one with the interpreter lock held: 40 ms at 3,000 people, felt as a freeze
    when it falls on a click. Frozen, they are still freed the usual way (by
    reference counting: records hold no cycles) once the event no longer needs them.
    The young generations are collected first, so that recent cyclic garbage (a
    closed dialog and its slots) is not frozen with them.
    """
    gc.collect(1)
    gc.freeze()


class EventSession(QObject):
    """The event file open in the window, and everything done to it."""

    replaced = Signal()  # another file, none, or the event read again: every view anew
    edited = Signal(object)  # an edit was written: `edits.Touched`, what it changed
    write_failed = Signal(str)  # what could not be written, and why
    recorded = Signal()  # the desk or the print log wrote something (not an edit)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store: EventStore | None = None
        self.current_event: EventData | None = None
        self.labels: dict[str, str] = {}  # attendee ID -> "Name (Organization)"
        self.undo_stack = QUndoStack(self)

    @property
    def is_open(self) -> bool:
        return self.store is not None

    @property
    def writable(self) -> bool:
        return self.store is not None and not self.store.read_only

    def use(self, store: EventStore, event: EventData | None = None) -> None:
        """Work in `store` from now on (the file open before is closed); `event` is what it
        holds, when already read (on a worker thread)."""
        if self.store is not None:
            self.store.close()
        app_settings.remember_recent(store.path)
        self.store = store
        self.undo_stack.clear()
        if event is None:
            self.reload()
        else:
            self._show(event)

    def close(self) -> None:
        """No event open (the file is let go of, e.g. before it is replaced)."""
        if self.store is not None:
            self.store.close()
        self.store, self.current_event, self.labels = None, None, {}
        self.undo_stack.clear()
        self.replaced.emit()

    def reload(self) -> None:
        """The event as the file holds it, every view anew."""
        self._show(self.store.load() if self.store is not None else None)

    def _show(self, event: EventData | None) -> None:
        self.current_event = event
        self.labels = labels_of(event.attendees) if event else {}
        self.replaced.emit()
        QTimer.singleShot(0, set_aside_from_collection)  # a turn of its own: 10-20 ms

    def perform(self, edit: edits.Edit | PreparedEdit) -> bool:
        """Write `edit` to the event file as one undoable step (nothing for an empty edit);
        False when it could not be written (`write_failed` says why). A prepared edit of
        the event as it stands is written as prepared."""
        prepared = edit if isinstance(edit, PreparedEdit) else None
        if prepared is not None:
            edit = prepared.edit
            if prepared.before is not self.current_event:  # changed since: work it out here
                prepared = None
        assert isinstance(edit, edits.Edit)
        if not edit:
            return True
        try:
            self._write(edit, prepared)
        except (UserError, sqlite3.Error, OSError) as exc:
            self._failed(exc)
            return False
        self.undo_stack.push(EditCommand(edit, self._write, self._failed, written=True))
        return True

    def _write(self, edit: edits.Edit, prepared: PreparedEdit | None = None) -> None:
        assert self.store is not None and self.current_event is not None
        self.store.apply(edit, prepared.operations if prepared is not None else None)
        # The event as the file now holds it, worked out in memory: reading 3,000 people
        # and their wishes back after each change held the window a tenth of a second.
        if prepared is not None:
            self.current_event, touched = prepared.after, prepared.touched
        else:
            self.current_event = edits.applied(self.current_event, edit)
            touched = edits.touched_by(edit)
        if "attendees" in touched.tables:
            self.labels = labels_of(self.current_event.attendees)
        self.edited.emit(touched)
        if len(edit.changes) > _MANY_ROWS:
            QTimer.singleShot(0, set_aside_from_collection)

    def _failed(self, exc: BaseException) -> None:
        """A write that did not reach the file: said, and the views show the file as it is.
        Undo steps after one that failed no longer match the file: they are dropped."""
        QTimer.singleShot(0, self.undo_stack.clear)  # not from inside an undo step
        self.write_failed.emit(str(exc))
        if self.store is not None:
            try:
                self.reload()
            except (UserError, sqlite3.Error, OSError):
                log.exception("the event file cannot be read again")

    def keep_backup(self, why: str) -> str:
        """A copy of the event before `why`; "" when kept, else why it could not be."""
        if not self.writable:
            return ""
        assert self.store is not None
        try:
            keep_backup(self.store, why)
        except UserError as exc:
            log.warning("no backup kept: %s", exc)
            return str(exc)
        return ""

    # -- the day at the desk and the print log: recorded at once, not undoable --------------

    def now_slot(self) -> int | None:
        return self.store.now_slot() if self.store is not None else None

    def arrivals(self) -> dict[str, str]:
        return self.store.arrivals() if self.store is not None else {}

    def not_held(self) -> set[tuple[int, str, str]]:
        return self.store.not_held() if self.store is not None else set()

    def change_log(self) -> list[tuple[str, str, str]]:
        return self.store.change_log() if self.store is not None else []

    def printed(self, kind: str) -> dict[str, tuple[str, str]]:
        return self.store.printed(kind) if self.store is not None else {}

    def check_in(self, attendee_id: str, arrived: bool, at: str, what: str) -> bool:
        return self._record(lambda store: store.check_in(attendee_id, arrived, at, what))

    def set_held(self, slot: int, a: str, b: str, held: bool, what: str) -> bool:
        return self._record(lambda store: store.set_held(slot, a, b, held, what))

    def set_now_slot(self, slot: int | None, what: str) -> bool:
        return self._record(lambda store: store.set_now_slot(slot, what))

    def remember_printed(self, kind: str, fingerprints: dict[str, str], at: str) -> bool:
        return self._record(lambda store: store.remember_printed(kind, fingerprints, at))

    def remember_import_choices(self, choices: ImportChoices) -> bool:
        return self._record(lambda store: store.remember_import_choices(choices))

    def _record(self, write: Callable[[EventStore], None]) -> bool:
        """Write something that is not an edit of the event (a check-in, 'now', what was
        printed); one that cannot be written is said through `write_failed`. False then."""
        if self.store is None:
            return False
        try:
            write(self.store)
        except (UserError, sqlite3.Error, OSError) as exc:
            self.write_failed.emit(str(exc))
            return False
        self.recorded.emit()
        return True
