"""Importing registration files: read off the GUI thread, previewed and corrected in the
import dialog, written as one undoable edit when the organizer presses Import."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from nbl_desktop.core import edits
from nbl_desktop.core.i18n import _, counted
from nbl_desktop.core.importing.into_event import EventImport, ImportSession
from nbl_desktop.ui import file_dialogs
from nbl_desktop.ui.controllers.controller import Controller
from nbl_desktop.ui.controllers.event_files import EventFiles
from nbl_desktop.ui.dialogs.import_dialog import ImportDialog
from nbl_desktop.ui.event_session import EventSession
from nbl_desktop.ui.tasks import Job, TaskRunner

log = logging.getLogger(__name__)


class Importing(Controller):
    """Import…; `imported` once an import is written."""

    imported = Signal()

    def __init__(self, session: EventSession, runner: TaskRunner, files: EventFiles,
                 window: QWidget) -> None:
        super().__init__(session, runner, window)
        self._files = files
        self.dialog: ImportDialog | None = None

    def ask_import_registrations(self) -> None:
        if self.session.store is None:
            return
        paths = file_dialogs.ask_registration_files(self._window)
        if paths:
            self.import_registrations(paths)

    def import_registrations(self, paths: list[Path]) -> None:
        """Read the files off the GUI thread, then show the import dialog; nothing is
        written until the organizer presses its Import."""
        store, current = self.session.store, self.session.current_event
        if current is None or store is None or self._runner.busy:
            return
        choices = store.import_choices()

        def read(_progress: object, _cancel: object) -> tuple[ImportSession, EventImport]:
            session = ImportSession(paths, current, choices)
            return session, session.run()

        names = ", ".join(p.name for p in paths)
        # Translators: what the app was doing: "Problem while reading day.xlsx"
        self._runner.start(Job(_("reading {files}").format(files=names), read,
                               on_result=self._show_dialog))
        self.said.emit(_("Reading {files}…").format(files=names))

    def _show_dialog(self, ready: tuple[ImportSession, EventImport]) -> None:
        import_session, outcome = ready
        dialog = ImportDialog(import_session, outcome, self._runner, self._window)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._store(dialog))
        dialog.finished.connect(self._dialog_closed)
        self.said.emit("")
        dialog.open()

    def _dialog_closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None

    def _store(self, dialog: ImportDialog) -> None:
        current = self.session.current_event
        if current is None:
            return
        outcome = dialog.outcome
        names = ", ".join(p.name for p in dialog.session.paths)
        self._files.keep_backup("before import")
        if not self.session.perform(edits.replace_event(
                current, outcome.event, f"import {names}",
                _("import {files}").format(files=names))):
            return
        self.session.remember_import_choices(dialog.session.choices)
        for line in (*outcome.changes, *outcome.findings):
            log.info("import: %s", line)
        event = outcome.event
        self.imported.emit()
        self.said.emit(_("Imported {files}: the event now has {attendees}, {wishes} and "
                         "{meetings}.").format(
            files=names,
            attendees=counted(len(event.attendees), "{count} attendee", "{count} attendees"),
            wishes=counted(len(event.requests), "{count} wish", "{count} wishes"),
            meetings=counted(len(event.meetings), "{count} meeting", "{count} meetings")))

    def close(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()
