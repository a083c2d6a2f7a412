"""The event settings dialog: the slot grid previewed live, and a shorter day's consequences."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTime
from pytestqt.qtbot import QtBot

from nbl_desktop.core import edits
from nbl_desktop.ui import messages
from nbl_desktop.ui.dialogs.event_settings_dialog import parse_breaks, parse_table_labels
from tests.ui.driving import App, schedule, window_with_sample

pytestmark = pytest.mark.gui


@pytest.fixture
def app(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> App:
    return window_with_sample(qtbot, monkeypatch, tmp_path)


def preview_lines(app: App) -> list[str]:
    dialog = app.settings_dialog
    assert dialog is not None
    return [dialog.preview.item(i).text().strip() for i in range(dialog.preview.count())]


def test_the_grid_is_previewed_as_times_while_typing(qtbot: QtBot, app: App) -> None:
    app.trigger("settings")
    dialog = app.settings_dialog
    assert dialog is not None
    dialog.start_edit.setTime(QTime(9, 0))
    dialog.slot_minutes_box.setValue(30)
    dialog.slots_box.setValue(4)
    dialog.breaks_edit.setText("10:00-10:15")
    assert preview_lines(app)[:5] == ["1   09:00–09:30", "2   09:30–10:00",
                                         "break 10:00–10:15", "3   10:15–10:45",
                                         "4   10:45–11:15"]
    assert dialog.end_edit.time() == QTime(11, 15)
    dialog.end_edit.setTime(QTime(12, 20))
    dialog.end_edit.editingFinished.emit()
    assert dialog.slots_box.value() == 6  # the last one ends 12:15
    dialog.breaks_edit.setText("lunch")
    assert "HH:MM-HH:MM" in dialog.problem_label.text()
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.reject()


def test_a_shorter_day_warns_lists_the_lost_meetings_and_undo_restores_them(
        qtbot: QtBot, app: App) -> None:
    schedule(qtbot, app)
    before = app.event
    assert before is not None
    late = [m for m in before.meetings if m.slot >= 6]
    assert late
    app.trigger("settings")
    dialog = app.settings_dialog
    assert dialog is not None
    dialog.slots_box.setValue(6)
    messages.history.clear()
    dialog.accept()
    title, question = messages.history[-1]
    assert title == "Meetings no longer fit" and f"{len(late)} scheduled meetings" in question
    after = app.event
    assert after is not None and after.settings.slot_count == 6
    assert len(after.meetings) == len(before.meetings) - len(late)
    app.trigger("undo")
    assert app.event == before


def test_table_labels_and_breaks_are_read_as_organizers_write_them() -> None:
    assert parse_table_labels("1-3, B1,B2") == ("1", "2", "3", "B1", "B2")
    assert parse_breaks("12:00-13:00; 15.00-15.15") == ((720, 780), (900, 915))
    with pytest.raises(ValueError, match="'noon'"):
        parse_breaks("noon")


def test_a_second_day_rooms_and_a_booth_are_set_in_the_dialog_and_undone(
        qtbot: QtBot, app: App) -> None:
    before = app.event
    assert before is not None
    host = before.attendees[0]
    app.edit(lambda current: edits.change_attendee(current, replace(host, fixed_table="2")))
    app.trigger("settings")
    dialog = app.settings_dialog
    assert dialog is not None
    owner_cell = dialog.tables_table.item(1, 3)
    assert dialog.tables_table.item(1, 0).text() == "2" and host.name in owner_cell.text()
    dialog.date_edit.setText("2027-03-10")
    dialog.add_day_button.click()
    assert dialog.day_box.count() == 2 and dialog.date_edit.text() == "2027-03-11"
    dialog.start_edit.setTime(QTime(10, 0))
    dialog.slots_box.setValue(3)
    lines = preview_lines(app)
    assert "— 2027-03-11 —" in lines and lines[-1].endswith("10:40–11:00")
    dialog.tables_table.item(0, 1).setText("Hall A")
    dialog.tables_table.item(0, 2).setText("1")
    assert "seats must be a number from 2" in dialog.problem_label.text()
    dialog.tables_table.item(0, 2).setText("6")
    assert dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.day_box.setCurrentIndex(0)  # the first day's fields come back unchanged
    assert dialog.date_edit.text() == "2027-03-10"
    assert dialog.slots_box.value() == before.settings.slot_count
    dialog.accept()

    after = app.event
    assert after is not None
    days = after.settings.days()
    assert [(d.date, d.start_minute, d.slot_count) for d in days] == [
        ("2027-03-10", before.settings.start_minute, before.settings.slot_count),
        ("2027-03-11", 600, 3)]
    assert after.settings.room_of(0) == "Hall A" and after.settings.seats_of(0) == 6
    grid = app.schedule.grid_model
    last_row = grid.headerData(grid.rowCount() - 1, Qt.Orientation.Vertical,
                               Qt.ItemDataRole.DisplayRole)
    assert grid.rowCount() == before.settings.slot_count + 3
    assert last_row.startswith("2027-03-11 10:40")
    app.trigger("undo")  # the settings
    assert app.event is not None
    assert app.event.settings == replace(before.settings)
