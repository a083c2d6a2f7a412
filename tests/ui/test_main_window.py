"""The real main app, driven offscreen: new event, import, schedule, grid, export."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from nbl_desktop.core.store import EventStore
from nbl_desktop.ui import messages
from nbl_desktop.ui.models.attendee_table_model import AttendeeTableModel
from nbl_desktop.ui.models.schedule_grid_model import ScheduleGridModel
from nbl_desktop.ui.tasks import Job
from solver import StopReason
from tests.conftest import run_referee, sample
from tests.ui.driving import (
    App,
    answer_dialogs,
    import_sample,
    new_window,
    open_import_dialog,
    press_import,
    schedule,
)

pytestmark = pytest.mark.gui


@pytest.fixture
def app(qtbot: QtBot) -> App:
    return new_window(qtbot)


def filled_cells(model: ScheduleGridModel) -> int:
    return sum(
        1 for r in range(model.rowCount()) for c in range(model.columnCount())
        if model.data(model.index(r, c))
    )


def test_create_import_schedule_read_the_grid_and_export(
    qtbot: QtBot, app: App, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import_sample(qtbot, app, monkeypatch, tmp_path, "arctic-60")
    assert "day.nblevent" in app.title()
    assert app.attendees.model.rowCount() == 60

    qtbot.keyClicks(app.attendees.search, "Oulu")
    shown = app.attendees.filter.rowCount()
    assert 0 < shown < 60
    app.attendees.search.clear()

    app.time_limit_box.setValue(5)
    app.trigger("schedule")
    assert app.solve_panel.isVisible() and not app.action("schedule").isEnabled()
    qtbot.waitUntil(lambda: not app.busy, timeout=60_000)
    # The panel closes in the event loop's next turn after the result (see _task_done).
    qtbot.waitUntil(lambda: not app.solve_panel.isVisible(), timeout=2_000)

    grid = app.schedule.grid_model
    assert (grid.rowCount(), grid.columnCount()) == (12, 20)
    assert grid.headerData(0, Qt.Orientation.Vertical) == "09:00–09:20"
    assert grid.headerData(6, Qt.Orientation.Vertical) == "12:00–12:20"  # after lunch
    assert grid.headerData(0, Qt.Orientation.Horizontal) == "Table 1"
    stored = EventStore.open(tmp_path / "day.nblevent", read_only=True)
    meetings = stored.meetings()
    stored.close()
    assert filled_cells(grid) == len(meetings) > 100
    first = meetings[0]
    cell_text = grid.data(grid.index(first.slot, first.table))
    assert app.event is not None
    assert app.event.attendee(first.a).name in cell_text

    answer_dialogs(monkeypatch, ask_schedule_export_path=tmp_path / "schedule.xlsx")
    app.trigger("export")
    qtbot.waitUntil(lambda: not app.busy, timeout=30_000)
    rows = list(load_workbook(tmp_path / "schedule.xlsx")["Meetings"].iter_rows(min_row=2))
    assert len(rows) == len(meetings)
    assert run_referee(sample("arctic-60.json"), tmp_path / "schedule.xlsx")["violations"] == "0"


def test_cancel_keeps_the_best_schedule_and_the_window_stays_responsive(
    qtbot: QtBot, app: App, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import_sample(qtbot, app, monkeypatch, tmp_path, "arctic-300")
    app.time_limit_box.setValue(600)
    app.trigger("schedule")
    qtbot.waitUntil(lambda: "best value" in app.solve_panel.figures_label.text(),
                    timeout=30_000)
    # The GUI thread is free while the engine works: typing filters the attendees.
    qtbot.keyClicks(app.attendees.search, "Luleå")
    assert 0 < app.attendees.filter.rowCount() < 300
    qtbot.mouseClick(app.solve_panel.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not app.busy, timeout=30_000)
    assert app.last_result is not None
    assert app.last_result.stop_reason is StopReason.CANCELLED
    assert len(app.event.meetings) == len(app.last_result.meetings) > 0  # type: ignore[union-attr]


def test_opening_a_file_that_is_not_an_event_says_so(
    app: App, tmp_path: Path
) -> None:
    bogus = tmp_path / "budget.nblevent"
    bogus.write_text("not an event")
    messages.history.clear()
    app.open_event(bogus)
    assert messages.history and messages.history[-1][0] == "Cannot open the event"
    assert "not an NBL Desktop event file" in messages.history[-1][1]
    assert app.event is None


def test_a_bad_workbook_is_reported_in_a_dialog_and_changes_nothing(
    qtbot: QtBot, app: App, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.xlsx"
    bad.write_text("not a workbook")
    answer_dialogs(monkeypatch, ask_new_event_path=tmp_path / "day.nblevent",
                   ask_registration_files=[bad])
    app.trigger("new")
    messages.history.clear()
    app.trigger("import")
    qtbot.waitUntil(lambda: not app.busy, timeout=10_000)
    assert "bad.xlsx" in messages.history[-1][1]
    assert app.attendees.model.rowCount() == 0


def test_the_models_follow_qt_rules(qtmodeltester, app: App,  # type: ignore[no-untyped-def]
                                    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot,
                                    tmp_path: Path) -> None:
    import_sample(qtbot, app, monkeypatch, tmp_path, "arctic-60")
    assert isinstance(app.attendees.model, AttendeeTableModel)
    qtmodeltester.check(app.attendees.model)
    qtmodeltester.check(app.schedule.grid_model)


def test_importing_an_updated_csv_merges_and_keeps_the_schedule(
    qtbot: QtBot, app: App, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import_sample(qtbot, app, monkeypatch, tmp_path, "arctic-60")
    schedule(qtbot, app)
    assert app.event is not None
    scheduled = app.event.meetings
    assert scheduled
    first = app.event.attendees[0]
    update = tmp_path / "late-registrations.csv"
    update.write_text("Navn;Bedrift;E-post;Må møte\n"
                      f"Nina Ny;Ny Bedrift AS;nina@ny.no;{first.name} ({first.organization})\n",
                      encoding="cp1252")
    answer_dialogs(monkeypatch, ask_registration_files=[update])
    dialog = open_import_dialog(qtbot, app)
    assert "the event has <b>61 attendees</b>" in dialog.summary_label.text()
    assert "change: added Nina Ny (Ny Bedrift AS)" in dialog.report_text.toPlainText()
    assert app.attendees.model.rowCount() == 60  # nothing written before Import
    press_import(qtbot, app, dialog)
    assert app.attendees.model.rowCount() == 61
    assert app.event.meetings == scheduled  # nothing scheduled was lost
    assert ("nina@ny.no", first.id, 3) in {
        (r.requester, r.requested, r.priority) for r in app.event.requests}
    imported = app.event
    app.trigger("undo")  # an import is one undoable step
    assert app.attendees.model.rowCount() == 60
    assert app.event.meetings == scheduled  # type: ignore[union-attr]
    app.trigger("redo")
    assert app.event == imported


def test_the_window_is_free_again_as_soon_as_a_result_is_in(
        qtbot: QtBot, app: App, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    """A bug seen in full test runs: after an import, Schedule stayed disabled until the
    worker thread had also ended, so a quick click right after the import did nothing."""
    import_sample(qtbot, app, monkeypatch, tmp_path, "arctic-60")
    enabled_when_done: list[bool] = []
    app.window.runner.start(Job(
        "a quick job", lambda _report, _cancel: 42,
        on_result=lambda _result: enabled_when_done.append(app.action("schedule").isEnabled())))
    qtbot.waitUntil(lambda: bool(enabled_when_done), timeout=10_000)
    assert enabled_when_done == [True]
    app.wait_until_idle()


def test_every_action_of_the_menu_table_is_in_a_menu_with_its_shortcut(qtbot: QtBot) -> None:
    from nbl_desktop.ui.menus import ACTIONS, MENUS

    app = new_window(qtbot)
    placed = {entry for _, entries in MENUS for entry in entries}
    assert set(ACTIONS) <= placed
    titles = [menu.title() for menu in app.window.menuBar().findChildren(QMenu)
              if menu.parent() is app.window.menuBar() and menu.title()]  # not Qt's overflow
    assert titles == [title for title, _ in MENUS]
    for name, spec in ACTIONS.items():
        action = app.action(name)
        assert action.text() == spec.text
        if spec.shortcut is not None:
            assert not action.shortcut().isEmpty(), name
