"""The main window: event file, attendees, schedule grid, and the Schedule action.

Layout and wiring only; the work is done by `nbl_desktop.core` and the
solver, long work on a BackgroundTask. Every change is written to the event
file as it is made, so there is no Save and nothing to lose on close.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from nbl_desktop import APP_NAME, __version__
from nbl_desktop.core import edits
from nbl_desktop.core.errors import UserError
from nbl_desktop.core.event import AttendeeRecord, EventData, EventSettings, MeetingRecord
from nbl_desktop.core.event_day.replanning import DayReplan
from nbl_desktop.core.exporting.schedule_workbook import write_schedule_workbook
from nbl_desktop.core.importing.into_event import EventImport, ImportSession
from nbl_desktop.core.meeting_checks import who
from nbl_desktop.core.planning import meetings_from_result, problem_from_event, summary_line
from nbl_desktop.core.printouts.print_log import DESK
from nbl_desktop.core.solve_process import replan_in_process, solve_in_process, warm_up
from nbl_desktop.core.store import EventStore
from nbl_desktop.core.store.backups import Backup, backups_of, restore_backup
from nbl_desktop.core.store.writer_lock import EventFileLocked
from nbl_desktop.ui import app_settings, file_dialogs, messages
from nbl_desktop.ui.dialogs.event_settings_dialog import EventSettingsDialog
from nbl_desktop.ui.dialogs.import_dialog import ImportDialog
from nbl_desktop.ui.dialogs.print_dialog import CHANGED, PrintDialog
from nbl_desktop.ui.dialogs.replan_preview_dialog import ReplanPreviewDialog
from nbl_desktop.ui.dialogs.restore_backup_dialog import RestoreBackupDialog
from nbl_desktop.ui.dialogs.schedule_options_dialog import ScheduleOptionsDialog
from nbl_desktop.ui.event_session import EventSession
from nbl_desktop.ui.live_board import LiveBoard
from nbl_desktop.ui.menus import fill_menu_bar, make_actions
from nbl_desktop.ui.models.agenda_model import AgendaModel
from nbl_desktop.ui.models.attendee_table_model import AttendeeTableModel
from nbl_desktop.ui.models.schedule_grid_model import ScheduleGridModel
from nbl_desktop.ui.pages.attendees_page import AttendeesPage
from nbl_desktop.ui.pages.event_day_page import EventDayPage
from nbl_desktop.ui.pages.schedule_page import SchedulePage
from nbl_desktop.ui.tasks import BackgroundTask
from nbl_desktop.ui.widgets.attendee_editor import AttendeeEditor
from nbl_desktop.ui.widgets.figures_panel import FiguresPanel
from nbl_desktop.ui.widgets.solve_panel import SolvePanel
from nbl_desktop.ui.widgets.wishes_panel import WishesPanel
from solver import CancelToken, Progress, SolveOptions, SolveResult
from solver.options import Compactness

log = logging.getLogger(__name__)

DEFAULT_TABLES = 20
REPLAN_SECONDS = 10.0  # at the desk, with a queue: seconds, not minutes
_BREATH_MS = 50  # between storing a new schedule and turning to it


class MainWindow(QMainWindow):
    """One window, one open event file."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.session = EventSession(self)
        self.task: BackgroundTask | None = None
        self._ending: set[BackgroundTask] = set()  # result delivered, thread still ending
        self.import_dialog: ImportDialog | None = None
        warm_up()  # the first solve or re-plan starts at once
        self.settings_dialog: EventSettingsDialog | None = None
        self.options_dialog: ScheduleOptionsDialog | None = None
        self.print_dialog: PrintDialog | None = None
        self.replan_dialog: ReplanPreviewDialog | None = None
        self.restore_dialog: RestoreBackupDialog | None = None
        self.live_board: LiveBoard | None = None
        self.last_result: SolveResult | None = None
        self.request_count = 0  # wishes the running solve works on (colleagues' merged)
        self.solve_measure = Compactness.IDLE_SLOTS  # what it counts as gaps
        self._build_actions()
        self._build_ui()
        self._connect_signals()
        self._refresh()
        geometry = app_settings.window_geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)

    # The open event, as the session holds it (for the views and the tests).
    @property
    def store(self) -> EventStore | None:
        return self.session.store

    @property
    def current_event(self) -> EventData | None:
        return self.session.current_event

    @property
    def labels(self) -> dict[str, str]:
        return self.session.labels

    @property
    def undo_stack(self) -> QUndoStack:
        return self.session.undo_stack

    # -- construction ----------------------------------------------------------

    def _build_actions(self) -> None:
        """The actions of the menu table (`menus`), as `NAME_action` attributes."""
        self.menu_actions = make_actions(self)
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.menu_actions.update(undo=self.undo_action, redo=self.redo_action)
        for name, action in self.menu_actions.items():
            setattr(self, f"{name}_action", action)

    def _build_ui(self) -> None:
        self.resize(1100, 720)
        self.recent_menu = fill_menu_bar(self.menuBar(), self.menu_actions)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)

        toolbar = QToolBar("Main")
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        self.addToolBar(toolbar)
        toolbar.addAction(self.import_action)
        toolbar.addAction(self.schedule_action)
        toolbar.addWidget(QLabel(" Time limit: "))
        self.time_limit_box = QDoubleSpinBox()
        self.time_limit_box.setRange(1, 3600)
        self.time_limit_box.setValue(app_settings.time_limit())
        self.time_limit_box.setSuffix(" s")
        self.time_limit_box.setDecimals(0)
        toolbar.addWidget(self.time_limit_box)
        toolbar.addAction(self.export_action)
        toolbar.addAction(self.print_action)

        self.attendees_page = AttendeesPage(self.session)
        attendees_page = self.attendees_page

        self.schedule_page = SchedulePage(self.session, self._try,
                                          [self.lock_action, self.delete_meeting_action])

        self.tabs = QTabWidget()
        self.tabs.addTab(attendees_page, "Attendees")
        self.tabs.addTab(self.schedule_page, "Schedule")
        self.event_day_panel = EventDayPage()
        self.tabs.addTab(self.event_day_panel, "Event day")
        self.solve_panel = SolvePanel()
        self.read_only_banner = QLabel()
        self.read_only_banner.setWordWrap(True)
        self.read_only_banner.setStyleSheet("background: #fff3b0; padding: 6px;")
        self.read_only_banner.hide()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.read_only_banner)
        layout.addWidget(self.tabs)
        layout.addWidget(self.solve_panel)
        self.setCentralWidget(central)
        self.summary_label = QLabel()
        self.statusBar().addPermanentWidget(self.summary_label)

    def _connect_signals(self) -> None:
        self.session.replaced.connect(self._refresh)
        self.session.edited.connect(self._edited)
        self.session.write_failed.connect(self._write_failed)
        self.new_action.triggered.connect(self.ask_new_event)
        self.open_action.triggered.connect(self.ask_open_event)
        self.save_as_action.triggered.connect(self.ask_save_as)
        self.restore_action.triggered.connect(self.ask_restore_backup)
        self.settings_action.triggered.connect(self.open_settings_dialog)
        self.options_action.triggered.connect(self.open_options_dialog)
        self.schedule_page.said.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        self.attendees_page.meeting_chosen.connect(self._show_in_grid)
        self.attendees_page.person_selected.connect(self._person_selected)
        self.lock_action.triggered.connect(self.schedule_page.toggle_lock_selected)
        self.delete_meeting_action.triggered.connect(self.schedule_page.delete_selected_meeting)
        self.import_action.triggered.connect(self.ask_import_registrations)
        self.export_action.triggered.connect(self.ask_export_schedule)
        self.print_action.triggered.connect(self.open_print_dialog)
        self.live_board_action.triggered.connect(self.open_live_board)
        self.event_day_panel.edit_made.connect(self._try)
        self.event_day_panel.replan_requested.connect(self.start_replan)
        self.event_day_panel.reprint_requested.connect(self.open_reprint_dialog)
        self.event_day_panel.day_recorded.connect(self._show_live_board)
        self.quit_action.triggered.connect(self.close)
        self.time_limit_box.valueChanged.connect(app_settings.remember_time_limit)
        self.schedule_action.triggered.connect(self.start_scheduling)
        self.cancel_action.triggered.connect(self.cancel_scheduling)
        self.solve_panel.cancel_requested.connect(self.cancel_scheduling)
        self.about_action.triggered.connect(self._show_about)
        self.add_person_action.triggered.connect(self.add_person)
        self.delete_person_action.triggered.connect(self.attendees_page.delete_selected_person)

    # -- event file --------------------------------------------------------------

    def ask_new_event(self) -> None:
        path = file_dialogs.ask_new_event_path(self)
        if path is not None:
            self.create_event(path)

    def create_event(self, path: Path) -> None:
        settings = EventSettings(
            name=path.stem, table_labels=tuple(str(i) for i in range(1, DEFAULT_TABLES + 1))
        )
        if self.store is not None and self.store.path.resolve() == Path(path).resolve():
            self.session.close()  # a new event in place of the open one: let go of it first
        try:
            self.set_store(EventStore.create(path, settings, overwrite=path.exists()))
        except UserError as exc:
            messages.show_error(self, "Cannot create the event", str(exc))

    def ask_open_event(self) -> None:
        path = file_dialogs.ask_event_to_open(self)
        if path is not None:
            self.open_event(path)

    def open_event(self, path: Path) -> None:
        try:
            store = EventStore.open(path)
        except EventFileLocked as exc:
            if not messages.ask(self, "The event is open elsewhere",
                                f"{exc}\n\nOpen it read-only? You can look and print, but "
                                "not change it."):
                return
            try:
                store = EventStore.open(path, read_only=True)
            except UserError as again:
                messages.show_error(self, "Cannot open the event", str(again))
                return
        except UserError as exc:
            found = backups_of(path)
            if found and messages.ask(self, "Cannot open the event",
                                      f"{exc}\n\nPut its newest backup ({found[0]}) in its "
                                      "place? The file as it is now is kept among the backups."):
                self.restore_path(found[0], path)
            else:
                messages.show_error(self, "Cannot open the event", str(exc))
            return
        self.set_store(store)
        if store.took_over_from:
            messages.show_info(self, "The event was not closed last time",
                               f"The program that last wrote {path.name} "
                               f"({store.took_over_from}) ended without closing it. Every "
                               "change it saved is in the file.")

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = app_settings.recent_files()
        for path in recent:
            self.recent_menu.addAction(path.name, lambda p=path: self.open_event(p)) \
                .setToolTip(str(path))
        if not recent:
            self.recent_menu.addAction("(none yet)").setEnabled(False)

    def ask_save_as(self) -> None:
        if self.store is None:
            return
        path = file_dialogs.ask_copy_path(self, self.store.path)
        if path is not None:
            self.save_as(path)

    def save_as(self, path: Path) -> None:
        """Copy the event to `path` (a consistent snapshot) and go on working in the copy."""
        assert self.store is not None
        try:
            self.store.save_copy(path)
            copy = EventStore.open(path)
        except UserError as exc:
            messages.show_error(self, "Cannot save the event", str(exc))
            return
        self.set_store(copy)
        self.statusBar().showMessage(f"Saved the event as {path}; you are now working in it.")

    def keep_backup(self, why: str) -> None:
        """A copy of the event before `why` (a schedule, re-plan, import); the change goes on
        if no copy can be made, and the status bar says so."""
        problem = self.session.keep_backup(why)
        if problem:
            self.statusBar().showMessage(f"No backup was kept: {problem}")

    def ask_restore_backup(self) -> None:
        if self.store is None:
            return
        found = backups_of(self.store.path)
        dialog = RestoreBackupDialog(self.store.path.name, [str(b) for b in found], self)
        self.restore_dialog = dialog
        dialog.accepted.connect(lambda: self.restore(
            found[dialog.chosen] if dialog.chosen is not None else None))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def restore(self, backup: Backup | None) -> None:
        """Put `backup` in place of the open event file and go on in it."""
        if backup is None or self.store is None:
            return
        path = self.store.path
        self.session.close()
        self.restore_path(backup, path)

    def restore_path(self, backup: Backup, path: Path) -> None:
        try:
            restore_backup(backup, path)
        except UserError as exc:
            messages.show_error(self, "Cannot restore the backup", str(exc))
            self._refresh()
            return
        self.open_event(path)
        self.statusBar().showMessage(f"Restored the event from the backup of {backup}.")

    def set_store(self, store: EventStore) -> None:
        self.last_result = None
        self.read_only_banner.setText(
            f"<b>Read-only:</b> {store.read_only}. You can look, print and export, but not "
            "change it; <i>File → Save event as</i> makes a copy to work in.")
        self.read_only_banner.setVisible(bool(store.read_only))
        self.session.use(store)
        self.attendees_page.view.resizeColumnsToContents()

    def reload_event(self) -> None:
        self.session.reload()

    # -- editing (every edit is undoable and written at once) ---------------------------

    def perform(self, edit: edits.Edit) -> bool:
        """Write `edit` as one undoable step; False when it could not be written (said)."""
        return self.session.perform(edit)

    def _edited(self, schedule_only: bool) -> None:
        if schedule_only:  # people, wishes and demand stay as they are
            self._refresh_schedule()
            self.attendees_page.show_agenda()
        else:
            self._refresh()

    def _write_failed(self, reason: str) -> None:
        messages.show_error(self, "The change was not saved",
                            f"{reason}\n\nThe event file is as it was before this change. Use "
                            "File → Save event as to keep working in a copy elsewhere.")

    def _try(self, make_edit: Any) -> bool:
        """Build an edit and perform it; a refused edit says why and changes nothing."""
        return self.attendees_page.try_edit(make_edit)

    # The Attendees page's parts, as the tests reach them.
    @property
    def attendee_view(self) -> QTableView:
        return self.attendees_page.view

    @property
    def attendee_model(self) -> AttendeeTableModel:
        return self.attendees_page.model

    @property
    def attendee_filter(self) -> QSortFilterProxyModel:
        return self.attendees_page.filter

    @property
    def attendee_search(self) -> QLineEdit:
        return self.attendees_page.search

    @property
    def attendee_editor(self) -> AttendeeEditor:
        return self.attendees_page.editor

    @property
    def wishes_panel(self) -> WishesPanel:
        return self.attendees_page.wishes_panel

    @property
    def agenda_model(self) -> AgendaModel:
        return self.attendees_page.agenda_model

    @property
    def agenda_view(self) -> QTableView:
        return self.attendees_page.agenda_view

    @property
    def add_person_button(self) -> QPushButton:
        return self.attendees_page.add_button

    @property
    def delete_person_button(self) -> QPushButton:
        return self.attendees_page.delete_button

    def selected_attendee(self) -> AttendeeRecord | None:
        return self.attendees_page.selected_attendee()

    def select_attendee(self, attendee_id: str) -> bool:
        return self.attendees_page.select_attendee(attendee_id)

    def _person_selected(self, deletable: bool) -> None:
        self.delete_person_action.setEnabled(deletable)

    def _show_in_grid(self, slot: int, table_label: str) -> None:
        """A meeting chosen in an agenda: that meeting in the grid."""
        event = self.current_event
        table = event.settings.table_labels.index(table_label) if event is not None else 0
        self.tabs.setCurrentWidget(self.schedule_page)
        self.schedule_page.show_meeting(slot, table)

    # The Schedule page's parts, as the tests reach them.
    @property
    def grid_model(self) -> ScheduleGridModel:
        return self.schedule_page.grid_model

    @property
    def grid_view(self) -> QTableView:
        return self.schedule_page.grid_view

    @property
    def figures_panel(self) -> FiguresPanel:
        return self.schedule_page.figures_panel

    def selected_meeting(self) -> MeetingRecord | None:
        return self.schedule_page.selected_meeting()

    def open_settings_dialog(self) -> None:
        if self.current_event is None:
            return
        owners: dict[str, list[str]] = {}
        for person in self.current_event.attendees:
            if person.fixed_table:
                owners.setdefault(person.fixed_table, []).append(who(person))
        dialog = EventSettingsDialog(self.current_event.settings, self,
                                     {label: ", ".join(names) for label, names in owners.items()})
        self.settings_dialog = dialog
        dialog.accepted.connect(lambda: self.change_settings(dialog.settings()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def change_settings(self, settings: EventSettings) -> None:
        """Apply new settings as one undoable edit, after saying which meetings they cost."""
        if self.current_event is None:
            return
        try:
            change = edits.change_settings(self.current_event, settings)
        except UserError as exc:
            messages.show_error(self, "Cannot use these settings", str(exc))
            return
        warnings = list(change.dropped)
        if change.unknown_fixed_tables:
            warnings.append("These people's fixed table no longer exists (choose another "
                            "before scheduling): " + ", ".join(change.unknown_fixed_tables))
        if warnings:
            shown = "\n".join(warnings[:15])
            more = f"\n… and {len(warnings) - 15} more" if len(warnings) > 15 else ""
            if not messages.ask(self, "Meetings no longer fit",
                                f"With these settings {len(change.dropped)} scheduled meetings "
                                f"become unscheduled:\n{shown}{more}\n\nApply the settings? "
                                "(Undo brings the meetings back.)"):
                return
        self.perform(change.edit)

    def add_person(self) -> None:
        self.tabs.setCurrentWidget(self.attendees_page)
        self.attendees_page.add_person()

    # -- import and export ----------------------------------------------------------

    def ask_import_registrations(self) -> None:
        if self.store is None:
            return
        paths = file_dialogs.ask_registration_files(self)
        if paths:
            self.import_registrations(paths)

    def import_registrations(self, paths: list[Path]) -> None:
        """Read the files off the GUI thread, then show the import dialog; nothing is
        written until the organizer presses its Import."""
        if self.current_event is None or self.store is None:
            return
        current, choices = self.current_event, self.store.import_choices()

        def read(_progress: Any, _cancel: CancelToken) -> tuple[ImportSession, EventImport]:
            session = ImportSession(paths, current, choices)
            return session, session.run()

        names = ", ".join(p.name for p in paths)
        self._run(read, self._show_import_dialog, f"reading {names}")
        self.statusBar().showMessage(f"Reading {names}…")

    def _show_import_dialog(self, ready: tuple[ImportSession, EventImport]) -> None:
        session, outcome = ready
        dialog = ImportDialog(session, outcome, self)
        self.import_dialog = dialog
        dialog.accepted.connect(lambda: self._store_import(dialog))
        dialog.finished.connect(self._import_dialog_closed)
        self.statusBar().clearMessage()
        dialog.open()

    def _import_dialog_closed(self) -> None:
        if self.import_dialog is not None:
            self.import_dialog.deleteLater()
        self.import_dialog = None

    def _store_import(self, dialog: ImportDialog) -> None:
        assert self.store is not None
        assert self.current_event is not None
        outcome = dialog.outcome
        names = ", ".join(p.name for p in dialog.session.paths)
        self.keep_backup("before import")
        if not self.perform(edits.replace_event(self.current_event, outcome.event,
                                                f"import {names}")):
            return
        self.session.remember_import_choices(dialog.session.choices)
        self.attendee_view.resizeColumnsToContents()
        self.tabs.setCurrentIndex(0)
        event = outcome.event
        for line in (*outcome.changes, *outcome.findings):
            log.info("import: %s", line)
        self.statusBar().showMessage(
            f"Imported {names}: the event now has "
            f"{len(event.attendees)} attendees, {len(event.requests)} wishes and "
            f"{len(event.meetings)} meetings.")

    def ask_export_schedule(self) -> None:
        if self.current_event is None:
            return
        path = file_dialogs.ask_schedule_export_path(self)
        if path is not None:
            self.export_schedule(path)

    def export_schedule(self, path: Path) -> None:
        """Write the workbook on a worker (seconds at 1,000 attendees)."""
        if self.current_event is None or self.task is not None:
            return
        event = self.current_event
        not_held = self.store.not_held() if self.store is not None else set()

        def work(_report: Any, _cancel: CancelToken) -> Path:
            write_schedule_workbook(event, path, not_held)
            return path

        self._run(work, lambda written: self.statusBar().showMessage(
            f"Exported the schedule to {written}."), "exporting the schedule")

    def open_print_dialog(self) -> None:
        if self.store is None or self.current_event is None:
            return
        person = self.selected_attendee()
        dialog = PrintDialog(self.session, self.current_event,
                             [person.id] if person is not None else [], self)
        self.print_dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def open_reprint_dialog(self) -> None:
        """The print dialog set to the agendas and table cards that changed since they were
        last printed: one print run for the desk after a re-plan."""
        self.open_print_dialog()
        if self.print_dialog is not None:
            self.print_dialog.choose(DESK, CHANGED)

    # -- the event day ------------------------------------------------------------------

    def start_replan(self, from_slot: int) -> None:
        """Re-plan from `from_slot` on a worker; the preview then asks before applying."""
        if self.current_event is None or self.task is not None:
            return
        event = self.current_event
        options = replace(self.solve_options(),
                          time_limit_seconds=min(self.time_limit_box.value(),
                                                 REPLAN_SECONDS))
        self.keep_backup("before re-plan")

        def work(report: Any, cancel: CancelToken) -> DayReplan:
            return replan_in_process(event, from_slot, options, report, cancel)

        self.solve_panel.start(options.time_limit_seconds, options.compactness)
        self._run(work, lambda day: self._preview_replan(event, day), "re-planning",
                  on_progress=self._show_progress)

    def _preview_replan(self, event: EventData, day: DayReplan) -> None:
        dialog = ReplanPreviewDialog(event, day, self)
        self.replan_dialog = dialog
        dialog.accepted.connect(lambda: self._apply_replan(day))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _apply_replan(self, day: DayReplan) -> None:
        if self.current_event is None:
            return
        self.perform(edits.replace_meetings(self.current_event, day.meetings,
                                            f"re-plan from slot {day.from_slot + 1}"))
        self.statusBar().showMessage(f"Re-planned: {len(day.changes)} agendas changed. "
                                     "Reprint them from the Event day tab.")

    def open_live_board(self) -> None:
        if self.live_board is None:
            self.live_board = LiveBoard()
        self._show_live_board()
        self.live_board.show_on_second_screen()

    def _show_live_board(self) -> None:
        if self.live_board is not None and self.store is not None:
            self.live_board.show_event(self.current_event, self.session.now_slot())

    # -- scheduling ---------------------------------------------------------------------

    def start_scheduling(self) -> None:
        if self.current_event is None or self.task is not None:
            return
        try:
            problem = problem_from_event(self.current_event)
        except UserError as exc:
            messages.show_error(self, "Cannot schedule", str(exc))
            return
        self.request_count = len(problem.requests)
        options = self.solve_options()
        self.keep_backup("before schedule")

        def work(report: Any, cancel: CancelToken) -> SolveResult:
            return solve_in_process(problem, options, on_progress=report, cancel=cancel)

        self.solve_measure = options.compactness
        self.solve_panel.start(options.time_limit_seconds, options.compactness)
        self._run(work, self._store_schedule, "scheduling", on_progress=self._show_progress)

    def solve_options(self) -> SolveOptions:
        """The options chosen in Schedule options, with the toolbar's time limit."""
        return replace(app_settings.solve_options(),
                       time_limit_seconds=self.time_limit_box.value())

    def open_options_dialog(self) -> None:
        dialog = ScheduleOptionsDialog(app_settings.solve_options(), self)
        self.options_dialog = dialog
        dialog.accepted.connect(lambda: app_settings.remember_solve_options(dialog.options()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def cancel_scheduling(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _show_progress(self, progress: Progress) -> None:
        self.solve_panel.show_progress(progress)

    def _store_schedule(self, result: SolveResult) -> None:
        assert self.store is not None and self.current_event is not None
        self.last_result = result
        self.perform(edits.replace_meetings(self.current_event, meetings_from_result(result),
                                            "schedule"))
        # Turning to the grid (its layout and first paint) comes a moment later: on a big
        # event, storing and showing at once held the window for 0.15-0.21 s; with the
        # pause, the window answers clicks and keys in between.
        QTimer.singleShot(_BREATH_MS, self._show_new_schedule)

    def _show_new_schedule(self) -> None:
        if self.last_result is None:  # another event was opened in the meantime
            return
        self.tabs.setCurrentWidget(self.schedule_page)
        self.statusBar().showMessage(summary_line(self.last_result, self.request_count,
                                                  self.solve_measure))

    # -- plumbing --------------------------------------------------------------------

    def _run(self, work: Any, on_success: Any, what: str, on_progress: Any = None) -> None:
        """Run `work` on a worker thread. The window is free again as soon as the result is
        in: waiting for the thread's `finished` as well left a moment (long under load) in
        which Schedule was still disabled right after an import."""
        task = BackgroundTask(work, self)
        self.task = task
        if on_progress is not None:
            task.progressed.connect(on_progress)
        task.succeeded.connect(lambda result: self._task_done(task, on_success, result))
        task.failed.connect(lambda exc: self._task_done(
            task, lambda error: self._task_failed(what, error), exc))
        task.finished.connect(lambda: self._thread_ended(task))
        self._refresh_actions()
        task.start()

    def _task_done(self, task: BackgroundTask, then: Any, outcome: Any) -> None:
        if self.task is task:
            self.task = None
            self._ending.add(task)
            self._refresh_actions()
            # In a later turn of the event loop: storing a big schedule is this turn's work.
            QTimer.singleShot(0, self._finish_solve_panel)
        then(outcome)

    def _finish_solve_panel(self) -> None:
        if self.task is None:
            self.solve_panel.finish()

    def _thread_ended(self, task: BackgroundTask) -> None:
        self._ending.discard(task)
        if self.task is task:  # ended without a result (it cannot, but never hang on it)
            self.task = None
            self.solve_panel.finish()
            self._refresh_actions()
        task.deleteLater()

    def _task_failed(self, what: str, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            messages.show_error(self, f"Problem while {what}", str(exc))
        else:
            messages.show_bug(self, what, exc)

    def _refresh_actions(self) -> None:
        """What can be done now (cheap: no model is touched)."""
        event = self.current_event
        busy = self.task is not None
        for act in (self.new_action, self.open_action):
            act.setEnabled(not busy)
        writable = self.store is not None and not self.store.read_only
        for act in (self.save_as_action, self.export_action, self.print_action):
            act.setEnabled(event is not None and not busy)
        for act in (self.import_action, self.settings_action, self.add_person_action,
                    self.restore_action):
            act.setEnabled(event is not None and not busy and writable)
        self.schedule_action.setEnabled(event is not None and bool(event.attendees) and not busy
                                        and writable)
        self.cancel_action.setEnabled(busy)
        # A read-only file: it is shown, never edited (the edit controls say so by being off).
        self.event_day_panel.setEnabled(writable or self.store is None)
        for act in (self.lock_action, self.delete_meeting_action):
            act.setEnabled(writable)
        if not writable:  # else the selection says (`AttendeesPage.person_selected`)
            self.delete_person_action.setEnabled(False)


    def _refresh(self) -> None:
        """Every view from `current_event` (after loading or an edit)."""
        self._refresh_actions()
        self.attendees_page.show_event()
        self._refresh_schedule()

    def _refresh_schedule(self) -> None:
        """The grid and the title and figures line, from `current_event`."""
        event = self.current_event
        self.schedule_page.show_event()
        self.event_day_panel.show_event(event, self.session)
        self._show_live_board()
        if event is None or self.store is None:
            self.setWindowTitle(APP_NAME)
            self.summary_label.setText("Create or open an event (File menu).")
            return
        self.setWindowTitle(f"{event.settings.name} — {self.store.path} — {APP_NAME}")
        self.summary_label.setText(
            f"{len(event.attendees)} attendees · {len(event.requests)} requests · "
            f"{len(event.meetings)} meetings"
        )

    def _show_about(self) -> None:
        messages.show_info(self, f"About {APP_NAME}",
                           f"{APP_NAME} {__version__}\nOffline scheduling for B2B meeting days.")

    def closeEvent(self, event: QCloseEvent) -> None:
        app_settings.remember_window_geometry(self.saveGeometry())
        if self.import_dialog is not None:
            self.import_dialog.reject()  # waits for a re-read still running
        if self.task is not None:
            self.task.cancel()
            self.task.wait()
        for task in list(self._ending):  # a result is in; the thread is just returning
            task.wait()
        if self.live_board is not None:  # a window of its own: it goes with the app
            self.live_board.close()
        self.schedule_page.stop()
        self.session.close()
        super().closeEvent(event)
