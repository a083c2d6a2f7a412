"""Driving the real window as an organizer does, for the UI tests, through page objects.

`App` is the window as a user meets it: its menus (by their names in the
menu table), its tabs, the status bar, the dialogs it opens, and a page
object per tab. Tests read and do what a user sees and does through these,
never the window's private parts; what the event file holds is read through
the event session, as any view of the window does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QTableView, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from nbl_desktop.core import edits
from nbl_desktop.core.event import AttendeeRecord, EventData, MeetingRecord
from nbl_desktop.core.store import EventStore
from nbl_desktop.ui import file_dialogs, messages
from nbl_desktop.ui.dialogs.import_dialog import ImportDialog
from nbl_desktop.ui.main_window import MainWindow
from nbl_desktop.ui.models.schedule_grid_model import ScheduleGridModel
from nbl_desktop.ui.pages.attendees_page import AttendeesPage
from nbl_desktop.ui.pages.event_day_page import EventDayPage
from nbl_desktop.ui.pages.overview_page import OverviewPage
from nbl_desktop.ui.pages.schedule_page import SchedulePage
from nbl_desktop.ui.widgets.figures_panel import FiguresPanel
from tests.conftest import sample


class AttendeesPageObject:
    """The Attendees tab: the list and its search, the details, wishes and agenda."""

    def __init__(self, page: AttendeesPage) -> None:
        self.page = page
        self.view: QTableView = page.view
        self.model = page.model
        self.filter = page.filter
        self.search = page.search
        self.editor = page.editor
        self.wishes_panel = page.wishes_panel
        self.agenda_model = page.agenda_model
        self.agenda_view = page.agenda_view
        self.add_button = page.add_button
        self.delete_button = page.delete_button

    def select(self, attendee_id: str) -> bool:
        return self.page.select_attendee(attendee_id)

    def selected(self) -> AttendeeRecord | None:
        return self.page.selected_attendee()

    def rows(self) -> int:
        return self.filter.rowCount()


class SchedulePageObject:
    """The Schedule tab: the grid and the figures beside it, looked at (the tab shown)."""

    def __init__(self, page: SchedulePage, tabs: QTabWidget) -> None:
        self.page = page
        self._tabs = tabs

    def _looked_at(self) -> SchedulePage:
        self._tabs.setCurrentWidget(self.page)
        return self.page

    @property
    def grid_model(self) -> ScheduleGridModel:
        return self._looked_at().grid_model

    @property
    def grid_view(self) -> QTableView:
        return self._looked_at().grid_view

    @property
    def figures_panel(self) -> FiguresPanel:
        return self._looked_at().figures_panel

    def select_cell(self, slot: int, table: int) -> None:
        self.grid_view.setCurrentIndex(self.grid_model.index(slot, table))

    def selected_meeting(self) -> MeetingRecord | None:
        return self.page.selected_meeting()


class OverviewPageObject:
    """The Overview tab: the steps, each with its state, figures and button."""

    def __init__(self, page: OverviewPage) -> None:
        self.page = page

    def steps(self) -> dict[str, tuple[str, str]]:
        """Step key -> (state, figures as shown)."""
        return {row.step.key: (row.step.state.value, row.figures_label.text())
                for row in self.page.rows}

    def press(self, key: str) -> None:
        row = next(row for row in self.page.rows if row.step.key == key)
        row.button.click()


class App:
    """The main window as an organizer sees and uses it."""

    def __init__(self, qtbot: QtBot, window: MainWindow) -> None:
        self.qtbot = qtbot
        self.window = window
        self.attendees = AttendeesPageObject(window.attendees_page)
        self.schedule = SchedulePageObject(window.schedule_page, window.tabs)
        self.overview = OverviewPageObject(window.overview_page)
        self.event_day: EventDayPage = window.event_day_page
        self.tabs = window.tabs
        self.solve_panel = window.scheduling.solve_panel
        self.time_limit_box = window.scheduling.time_limit_box
        self.read_only_banner = window.read_only_banner

    # -- what the event file holds, through the session ------------------------------------

    @property
    def event(self) -> EventData | None:
        return self.window.session.current_event

    @property
    def store(self) -> EventStore | None:
        return self.window.session.store

    @property
    def labels(self) -> dict[str, str]:
        return self.window.session.labels

    @property
    def undo_stack(self) -> Any:
        return self.window.session.undo_stack

    # -- menus, tabs, status ---------------------------------------------------------------

    def action(self, name: str) -> QAction:
        return self.window.menu_actions[name]

    def trigger(self, name: str) -> None:
        self.window.menu_actions[name].trigger()

    def menu_titles(self) -> list[str]:
        return [a.text() for a in self.window.menuBar().actions()]

    def recent_entries(self) -> list[QAction]:
        """File → Open recent, as the menu shows it when opened."""
        menu = self.window.recent_menu
        menu.aboutToShow.emit()
        return menu.actions()

    def title(self) -> str:
        return self.window.windowTitle()

    def status(self) -> str:
        return self.window.statusBar().currentMessage()

    def counts(self) -> str:
        return self.window.status_bar.counts.text()

    def show_tab(self, page: QWidget) -> None:
        self.tabs.setCurrentWidget(page)

    @property
    def busy(self) -> bool:
        """Work runs that keeps the event from being changed (a solve, an import)."""
        return self.window.runner.busy

    def wait_until_idle(self, timeout: int = 30_000) -> None:
        self.qtbot.waitUntil(lambda: not self.window.runner.running(), timeout=timeout)

    # -- the dialogs the window opens ---------------------------------------------------------

    @property
    def import_dialog(self) -> ImportDialog | None:
        return self.window.importing.dialog

    @property
    def print_dialog(self) -> Any:
        return self.window.output.print_dialog

    @property
    def settings_dialog(self) -> Any:
        return self.window.event_settings.dialog

    @property
    def options_dialog(self) -> Any:
        return self.window.scheduling.options_dialog

    @property
    def replan_dialog(self) -> Any:
        return self.window.scheduling.replan_dialog

    @property
    def live_board(self) -> Any:
        return self.window.live_board.board

    @property
    def last_result(self) -> Any:
        return self.window.scheduling.last_result

    # -- doing things as a user does ------------------------------------------------------------

    def open_event(self, path: Path) -> None:
        """File → Open event…, answering the file dialog with `path`; back once it is read
        (or refused)."""
        self.window.files.open_event(path)
        self.wait_until_idle()

    def use(self, store: EventStore) -> None:
        """Work in an event file opened by the test (the demo, a prepared file)."""
        self.window.session.use(store)

    def edit(self, make_edit: Callable[[EventData], edits.Edit]) -> bool:
        """An edit as the pages make one: built from the event now, refused edits said."""
        return self.window.attendees_page.try_edit(make_edit)

    def solve_options(self) -> Any:
        """What Schedule would use now: Schedule options… with the toolbar's time limit."""
        return self.window.scheduling.solve_options()

    def close(self) -> None:
        self.window.close()


def _settle(window: MainWindow) -> None:
    """Before qtbot deletes the window: no work may still run on its threads."""
    window.runner.cancel_all()
    app = QApplication.instance()
    while window.runner.running():
        assert app is not None
        app.processEvents()
    window.close()


def new_window(qtbot: QtBot) -> App:
    """The main window, shown, closed by qtbot after the test once its work has stopped."""
    window = MainWindow()
    qtbot.addWidget(window, before_close_func=_settle)
    window.show()
    return App(qtbot, window)


def answer_dialogs(monkeypatch: pytest.MonkeyPatch, **answers: object) -> None:
    """Each named `file_dialogs` question gets the given answer."""
    for name, answer in answers.items():
        monkeypatch.setattr(file_dialogs, name, lambda *_asked, answer=answer: answer)


def open_import_dialog(qtbot: QtBot, app: App) -> ImportDialog:
    """Import… as the organizer does it; the dialog once the files are read."""
    app.trigger("import")
    qtbot.waitUntil(lambda: app.import_dialog is not None, timeout=30_000)
    assert app.import_dialog is not None
    return app.import_dialog


def press_import(qtbot: QtBot, app: App, dialog: ImportDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.is_reading(), timeout=30_000)
    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: app.import_dialog is None, timeout=10_000)


def import_sample(qtbot: QtBot, app: App, monkeypatch: pytest.MonkeyPatch,
                  tmp_path: Path, name: str) -> None:
    """A new event file day.nblevent with the shared sample `name` imported."""
    answer_dialogs(monkeypatch, ask_new_event_path=tmp_path / "day.nblevent",
                   ask_registration_files=[sample(f"{name}.xlsx")])
    app.trigger("new")
    press_import(qtbot, app, open_import_dialog(qtbot, app))


def window_with_sample(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                       name: str = "arctic-60") -> App:
    app = new_window(qtbot)
    import_sample(qtbot, app, monkeypatch, tmp_path, name)
    return app


def schedule(qtbot: QtBot, app: App, seconds: float = 2) -> None:
    """Schedule with a short time limit and wait for the result to be stored."""
    app.time_limit_box.setValue(seconds)
    app.trigger("schedule")
    qtbot.waitUntil(lambda: not app.busy, timeout=30_000)
    assert app.event is not None and app.event.meetings, \
        (f"no schedule; status {app.status()!r}, last result "
         f"{app.last_result and app.last_result.stop_reason}, "
         f"messages {messages.history[-2:]}")


def pages_of(app: App) -> list[QWidget]:
    """Every tab of the main window, in order."""
    return [app.tabs.widget(i) for i in range(app.tabs.count())]


def opened_dialogs(app: App) -> Iterator[tuple[str, QWidget]]:
    """Each dialog the Edit and File menus open (settings, options, preferences, print),
    opened in turn and closed once the caller has looked at it."""
    for action, dialog_of in (("settings", lambda: app.settings_dialog),
                              ("options", lambda: app.options_dialog),
                              ("preferences", lambda: app.window.preferences.dialog),
                              ("print", lambda: app.print_dialog)):
        app.trigger(action)
        dialog = dialog_of()
        assert dialog is not None, action
        yield action, dialog
        dialog.reject()

