"""The event file itself: new, open (locked or damaged files too), recent, save as, backups."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMenu, QWidget

from nbl_desktop.core.errors import UserError
from nbl_desktop.core.event import EventData, EventSettings
from nbl_desktop.core.i18n import _
from nbl_desktop.core.store import EventStore
from nbl_desktop.core.store.backups import Backup, backups_of, restore_backup
from nbl_desktop.core.store.writer_lock import EventFileLocked
from nbl_desktop.ui import app_settings, file_dialogs, messages
from nbl_desktop.ui.controllers.controller import Controller
from nbl_desktop.ui.dialogs.restore_backup_dialog import RestoreBackupDialog
from nbl_desktop.ui.event_session import EventSession
from nbl_desktop.ui.tasks import Job, TaskRunner

DEFAULT_TABLES = 20


class EventFiles(Controller):
    """Which event file the session works in; `said` for the status bar."""

    def __init__(self, session: EventSession, runner: TaskRunner, window: QWidget) -> None:
        super().__init__(session, runner, window)
        self.restore_dialog: RestoreBackupDialog | None = None

    def ask_new_event(self) -> None:
        path = file_dialogs.ask_new_event_path(self._window)
        if path is not None:
            self.create_event(path)

    def create_event(self, path: Path) -> None:
        settings = EventSettings(
            name=path.stem, table_labels=tuple(str(i) for i in range(1, DEFAULT_TABLES + 1)))
        store = self.session.store
        if store is not None and store.path.resolve() == Path(path).resolve():
            self.session.close()  # a new event in place of the open one: let go of it first
        try:
            self.session.use(EventStore.create(path, settings, overwrite=path.exists()))
        except UserError as exc:
            messages.show_error(self._window, _("Cannot create the event"), str(exc))

    def ask_open_event(self) -> None:
        path = file_dialogs.ask_event_to_open(self._window)
        if path is not None:
            self.open_event(path)

    def open_event(self, path: Path) -> None:
        """Open and read `path` on a worker (a big event is half a second of reading); a
        file another program writes is offered read-only, a damaged one its newest backup."""
        self._open(path, read_only=False)

    def _open(self, path: Path, read_only: bool) -> None:
        def work(_report: object, _cancel: object) -> tuple[EventStore, EventData]:
            store = EventStore.open(path, read_only=read_only)
            try:
                return store, store.load()
            except BaseException:
                store.close()
                raise

        self.said.emit(_("Opening {file}…").format(file=path.name))
        # Translators: what the app was doing: "Problem while opening day.nblevent"
        self._runner.start(Job(_("opening {file}").format(file=path.name), work,
                               on_result=lambda opened: self._opened(path, *opened),
                               on_error=lambda exc: self._not_opened(path, read_only, exc)))

    def _opened(self, path: Path, store: EventStore, event: EventData) -> None:
        self.said.emit("")
        self.session.use(store, event)
        if store.took_over_from:
            messages.show_info(self._window, _("The event was not closed last time"),
                               # Translators: {session}: which user, computer and process
                               _("The program that last wrote {file} ({session}) ended "
                                 "without closing it. Every change it saved is in the file.")
                               .format(file=path.name, session=store.took_over_from))

    def _not_opened(self, path: Path, read_only: bool, exc: BaseException) -> None:
        self.said.emit("")
        if isinstance(exc, EventFileLocked) and not read_only:
            if messages.ask(self._window, _("The event is open elsewhere"),
                            _("{reason}\n\nOpen it read-only? You can look and print, but "
                              "not change it.").format(reason=exc)):
                self._open(path, read_only=True)
            return
        if not isinstance(exc, UserError):
            messages.show_bug(self._window, _("opening {file}").format(file=path.name), exc)
            return
        found = [] if read_only else backups_of(path)
        if found and messages.ask(self._window, _("Cannot open the event"),
                                  # Translators: {backup} is the backup's time and why kept
                                  _("{reason}\n\nPut its newest backup ({backup}) in its "
                                    "place? The file as it is now is kept among the backups.")
                                  .format(reason=exc, backup=found[0])):
            self.restore_path(found[0], path)
        else:
            messages.show_error(self._window, _("Cannot open the event"), str(exc))

    def fill_recent_menu(self, menu: QMenu) -> None:
        menu.clear()
        recent = app_settings.recent_files()
        for path in recent:
            menu.addAction(path.name, lambda p=path: self.open_event(p)).setToolTip(str(path))
        if not recent:
            menu.addAction(_("(none yet)")).setEnabled(False)

    def ask_save_as(self) -> None:
        if self.session.store is None:
            return
        path = file_dialogs.ask_copy_path(self._window, self.session.store.path)
        if path is not None:
            self.save_as(path)

    def save_as(self, path: Path) -> None:
        """Copy the event to `path` (a consistent snapshot) and go on working in the copy."""
        assert self.session.store is not None
        try:
            self.session.store.save_copy(path)
            copy = EventStore.open(path)
        except UserError as exc:
            messages.show_error(self._window, _("Cannot save the event"), str(exc))
            return
        self.session.use(copy)
        self.said.emit(_("Saved the event as {file}; you are now working in it.")
                       .format(file=path))

    def ask_restore_backup(self) -> None:
        if self.session.store is None:
            return
        found = backups_of(self.session.store.path)
        dialog = RestoreBackupDialog(self.session.store.path.name, [str(b) for b in found],
                                     self._window)
        self.restore_dialog = dialog
        dialog.accepted.connect(lambda: self.restore(
            found[dialog.chosen] if dialog.chosen is not None else None))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def restore(self, backup: Backup | None) -> None:
        """Put `backup` in place of the open event file and go on in it."""
        if backup is None or self.session.store is None:
            return
        path = self.session.store.path
        self.session.close()
        self.restore_path(backup, path)

    def restore_path(self, backup: Backup, path: Path) -> None:
        try:
            restore_backup(backup, path)
        except UserError as exc:
            messages.show_error(self._window, _("Cannot restore the backup"), str(exc))
            return
        self.open_event(path)
        # Translators: {backup} is the backup's time and why it was kept
        self.said.emit(_("Restored the event from the backup of {backup}.").format(
            backup=backup))

    def keep_backup(self, why: str) -> None:
        """A copy of the event before `why` (a schedule, re-plan, import); the change goes on
        if no copy can be made, and the status bar says so."""
        problem = self.session.keep_backup(why)
        if problem:
            self.said.emit(_("No backup was kept: {problem}").format(problem=problem))
