"""The main window: assembles the pages, the menus and the toolbar, and little else.

The open event lives in the `EventSession`; long work runs on the
`TaskRunner`; what the menus do lives in `ui.controllers`, one area per
module; what the tabs show lives in `ui.pages`. Every change is written to
the event file as it is made, so there is no Save and nothing to lose on close.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QToolBar, QVBoxLayout, QWidget

from nbl_desktop import APP_NAME, __version__
from nbl_desktop.core import edits
from nbl_desktop.core.i18n import _
from nbl_desktop.ui import app_settings, messages
from nbl_desktop.ui.controllers.event_files import EventFiles
from nbl_desktop.ui.controllers.event_settings import EventSettingsEditing
from nbl_desktop.ui.controllers.importing import Importing
from nbl_desktop.ui.controllers.live_board_control import LiveBoardControl
from nbl_desktop.ui.controllers.output import Output
from nbl_desktop.ui.controllers.preferences import PreferencesEditing
from nbl_desktop.ui.controllers.scheduling import Scheduling
from nbl_desktop.ui.event_session import EventSession
from nbl_desktop.ui.helper_process import HelperProcess
from nbl_desktop.ui.menus import fill_menu_bar, make_actions
from nbl_desktop.ui.pages.attendees_page import AttendeesPage
from nbl_desktop.ui.pages.event_day_page import EventDayPage
from nbl_desktop.ui.pages.overview_page import OverviewPage
from nbl_desktop.ui.pages.partner_search_page import PartnerSearchPage
from nbl_desktop.ui.pages.schedule_page import SchedulePage
from nbl_desktop.ui.tasks import TaskRunner
from nbl_desktop.ui.undo import undo_actions
from nbl_desktop.ui.widgets.status_bar import ReadOnlyBanner, StatusBar


class MainWindow(QMainWindow):
    """One window, one open event file."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.session = EventSession(self)
        self.runner = TaskRunner(self)
        self.helper = HelperProcess()
        self._closing = False  # asked to close while a solve or an import ran
        self._closed_down = False  # the event let go of; threads may still be ending
        self.files = EventFiles(self.session, self.runner, self)
        self.scheduling = Scheduling(self.session, self.runner, self.files, self)
        self.importing = Importing(self.session, self.runner, self.files, self)
        self.output = Output(self.session, self.runner, self)
        self.event_settings = EventSettingsEditing(self.session, self)
        self.live_board = LiveBoardControl(self.session, self)
        self.preferences = PreferencesEditing(self)
        self._build_actions()
        self._build_pages()
        self._build_window()
        self._connect()
        self._refresh()
        geometry = app_settings.window_geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)

    # -- construction ----------------------------------------------------------------

    def _build_actions(self) -> None:
        """The actions of the menu table (`menus`); Undo and Redo from the undo stack."""
        self.menu_actions = make_actions(self)
        undo, redo = undo_actions(self.session.undo_stack, self)
        undo.setShortcuts([QKeySequence("Ctrl+Z")])
        redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.menu_actions.update(undo=undo, redo=redo)

    def _build_pages(self) -> None:
        actions = self.menu_actions
        self.overview_page = OverviewPage(self.session, self.runner, self.helper)
        self.attendees_page = AttendeesPage(self.session)
        self.schedule_page = SchedulePage(self.session, self.runner, self.helper,
                                          self.attendees_page.try_edit,
                                          [actions["lock"], actions["delete_meeting"]])
        self.event_day_page = EventDayPage()
        self.partner_search_page = PartnerSearchPage(self.session, self.runner)
        self.tabs = QTabWidget()
        for page, title in ((self.overview_page, _("Overview")),
                            (self.attendees_page, _("Attendees")),
                            (self.partner_search_page, _("Partner search")),
                            (self.schedule_page, _("Schedule")),
                            (self.event_day_page, _("Event day"))):
            self.tabs.addTab(page, title)

    def _build_window(self) -> None:
        self.resize(1100, 720)
        self.recent_menu = fill_menu_bar(self.menuBar(), self.menu_actions)
        toolbar = QToolBar(_("Main"))
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        self.addToolBar(toolbar)
        toolbar.addAction(self.menu_actions["import"])
        toolbar.addAction(self.menu_actions["schedule"])
        toolbar.addWidget(QLabel(" " + _("Time limit:") + " "))
        toolbar.addWidget(self.scheduling.time_limit_box)
        toolbar.addAction(self.menu_actions["export"])
        toolbar.addAction(self.menu_actions["print"])
        self.read_only_banner = ReadOnlyBanner()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.read_only_banner)
        layout.addWidget(self.tabs)
        layout.addWidget(self.scheduling.solve_panel)
        self.setCentralWidget(central)
        self.status_bar = StatusBar()
        self.setStatusBar(self.status_bar)

    def _connect(self) -> None:
        act = self.menu_actions
        session = self.session
        session.replaced.connect(self._refresh)
        session.edited.connect(self._edited)
        session.write_failed.connect(self._write_failed)
        self.runner.busy_changed.connect(lambda _busy: self._refresh_actions())
        self.recent_menu.aboutToShow.connect(
            lambda: self.files.fill_recent_menu(self.recent_menu))
        for controller in (self.files, self.scheduling, self.importing, self.output):
            controller.said.connect(self.say)
        triggers = {
            "new": self.files.ask_new_event, "open": self.files.ask_open_event,
            "save_as": self.files.ask_save_as, "restore": self.files.ask_restore_backup,
            "import": self.importing.ask_import_registrations,
            "export": self.output.ask_export_schedule, "print": self.open_print_dialog,
            "quit": self.close, "settings": self.event_settings.open_dialog,
            "add_person": self.add_person,
            "delete_person": self.attendees_page.delete_selected_person,
            "schedule": self.scheduling.start_scheduling,
            "options": self.scheduling.open_options_dialog,
            "lock": self.schedule_page.toggle_lock_selected,
            "delete_meeting": self.schedule_page.delete_selected_meeting,
            "cancel": self.scheduling.cancel, "live_board": self.live_board.open,
            "about": self._show_about, "preferences": self.preferences.open_dialog,
        }
        for name, slot in triggers.items():
            act[name].triggered.connect(slot)
        self.overview_page.action_requested.connect(self.carry_out)
        self.schedule_page.said.connect(self.say)
        self.attendees_page.meeting_chosen.connect(self._show_in_grid)
        self.attendees_page.person_selected.connect(act["delete_person"].setEnabled)
        self.event_day_page.edit_made.connect(self.attendees_page.try_edit)
        self.event_day_page.replan_requested.connect(self.scheduling.start_replan)
        self.event_day_page.reprint_requested.connect(self.output.open_reprint_dialog)
        self.event_day_page.day_recorded.connect(self.live_board.refresh)
        self.scheduling.schedule_made.connect(
            lambda: self.tabs.setCurrentWidget(self.schedule_page))
        self.importing.imported.connect(lambda: self.tabs.setCurrentWidget(self.attendees_page))

    # -- what the pages and menus ask of the window ---------------------------------------

    def say(self, text: str) -> None:
        self.status_bar.say(text)

    def carry_out(self, name: str) -> None:
        """An action named by the Overview: a menu action, or a page to turn to."""
        pages = {"attendees": self.attendees_page, "schedule_page": self.schedule_page,
                 "event_day_page": self.event_day_page}
        if name in pages:
            self.tabs.setCurrentWidget(pages[name])
        elif name == "reprint":
            self.output.open_reprint_dialog()
        elif name in self.menu_actions:
            self.menu_actions[name].trigger()

    def open_print_dialog(self) -> None:
        person = self.attendees_page.selected_attendee()
        self.output.open_print_dialog([person.id] if person is not None else [])

    def add_person(self) -> None:
        self.tabs.setCurrentWidget(self.attendees_page)
        self.attendees_page.add_person()

    def _show_in_grid(self, slot: int, table_label: str) -> None:
        """A meeting chosen in an agenda: that meeting in the grid."""
        event = self.session.current_event
        table = event.settings.table_labels.index(table_label) if event is not None else 0
        self.tabs.setCurrentWidget(self.schedule_page)
        self.schedule_page.show_meeting(slot, table)

    def _show_about(self) -> None:
        messages.show_info(self, _("About {app}").format(app=APP_NAME),
                           f"{APP_NAME} {__version__}\n"
                           + _("Offline scheduling for B2B meeting days."))

    # -- showing the event ------------------------------------------------------------------

    def _edited(self, touched: edits.Touched) -> None:
        """After an edit, each view updates what it changed (at 3,000 people, showing
        everything anew held the window half a second)."""
        if touched.only_meetings:  # people, wishes and demand stay as they are
            self.schedule_page.show_changes(touched)
            self.attendees_page.show_agenda()
        elif touched.only_people_in_place:
            self.attendees_page.show_people(touched.people)
            self.schedule_page.show_changes(touched)
        else:
            self._refresh()
            return
        event = self.session.current_event
        self.event_day_page.show_event(event, self.session)
        self.live_board.refresh()
        self.status_bar.show_event(event)

    def _write_failed(self, reason: str) -> None:
        messages.show_error(self, _("The change was not saved"),
                            _("{reason}\n\nThe event file is as it was before this change. Use "
                              "File → Save event as to keep working in a copy elsewhere.")
                            .format(reason=reason))

    def _refresh(self) -> None:
        """Every view from the session's event (after opening it or an edit)."""
        store = self.session.store
        self.read_only_banner.show_reason(store.read_only if store is not None else "")
        self._refresh_actions()
        self.attendees_page.show_event()
        self._refresh_schedule()

    def _refresh_schedule(self) -> None:
        """The grid, the event day, the title and the status bar's counts."""
        event, store = self.session.current_event, self.session.store
        self.schedule_page.show_event()
        self.event_day_page.show_event(event, self.session)
        self.live_board.refresh()
        self.status_bar.show_event(event)
        # Translators: the window's title: the event's name, its file, the app's name
        self.setWindowTitle(_("{event} — {file} — {app}").format(
            event=event.settings.name, file=store.path, app=APP_NAME)
            if event is not None and store is not None else APP_NAME)

    def _refresh_actions(self) -> None:
        """What can be done now (cheap: no model is touched)."""
        act = self.menu_actions
        event = self.session.current_event
        busy = self.runner.busy
        writable = self.session.writable
        for name in ("new", "open"):
            act[name].setEnabled(not busy)
        for name in ("save_as", "export", "print"):
            act[name].setEnabled(event is not None and not busy)
        for name in ("import", "settings", "add_person", "restore"):
            act[name].setEnabled(event is not None and not busy and writable)
        act["schedule"].setEnabled(event is not None and bool(event.attendees) and not busy
                                   and writable)
        act["cancel"].setEnabled(busy)
        # A read-only file is shown, never edited (the edit controls say so by being off).
        self.event_day_page.setEnabled(writable or not self.session.is_open)
        for name in ("lock", "delete_meeting"):
            act[name].setEnabled(writable)
        if not writable:  # else the selection says (`AttendeesPage.person_selected`)
            act["delete_person"].setEnabled(False)

    # -- closing --------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        """A solve, import or export still running is cancelled first and its outcome kept
        (Cancel keeps a solve's best schedule); then the window lets go of the event at once
        and closes for good when the last worker thread has returned. Nothing waits on the
        GUI thread."""
        if self.runner.busy:
            if not self._closing:
                self._closing = True
                self.say(_("Stopping the work in progress before closing…"))
                # In the next turn of the event loop: the outcome is applied first.
                self.runner.busy_changed.connect(lambda _busy: QTimer.singleShot(0, self.close))
                self.runner.cancel_all()
            event.ignore()
            return
        if not self._closed_down:
            self._closed_down = True
            app_settings.remember_window_geometry(self.saveGeometry())
            self.importing.close()
            self.live_board.close()
            self.helper.stop()
            self.session.close()
        if self.runner.running():  # figures and the like, dropped: their threads end soon
            self.runner.cancel_all()
            self.runner.all_ended.connect(self.close)
            self.hide()
            event.ignore()
            return
        super().closeEvent(event)
