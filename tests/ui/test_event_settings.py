"""The event settings dialog: the slot grid previewed live, and a shorter day's consequences."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTime
from pytestqt.qtbot import QtBot

from nbl_desktop.ui import messages
from nbl_desktop.ui.dialogs.event_settings_dialog import parse_breaks, parse_table_labels
from nbl_desktop.ui.main_window import MainWindow
from tests.ui.driving import schedule, window_with_sample

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> MainWindow:
    return window_with_sample(qtbot, monkeypatch, tmp_path)


def preview_lines(window: MainWindow) -> list[str]:
    dialog = window.settings_dialog
    assert dialog is not None
    return [dialog.preview.item(i).text().strip() for i in range(dialog.preview.count())]


def test_the_grid_is_previewed_as_times_while_typing(qtbot: QtBot, window: MainWindow) -> None:
    window.settings_action.trigger()
    dialog = window.settings_dialog
    assert dialog is not None
    dialog.start_edit.setTime(QTime(9, 0))
    dialog.slot_minutes_box.setValue(30)
    dialog.slots_box.setValue(4)
    dialog.breaks_edit.setText("10:00-10:15")
    assert preview_lines(window)[:5] == ["1   09:00–09:30", "2   09:30–10:00",
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
        qtbot: QtBot, window: MainWindow) -> None:
    schedule(qtbot, window)
    before = window.current_event
    assert before is not None
    late = [m for m in before.meetings if m.slot >= 6]
    assert late
    window.settings_action.trigger()
    dialog = window.settings_dialog
    assert dialog is not None
    dialog.slots_box.setValue(6)
    messages.history.clear()
    dialog.accept()
    title, question = messages.history[-1]
    assert title == "Meetings no longer fit" and f"{len(late)} scheduled meetings" in question
    after = window.current_event
    assert after is not None and after.settings.slot_count == 6
    assert len(after.meetings) == len(before.meetings) - len(late)
    window.undo_action.trigger()
    assert window.current_event == before


def test_table_labels_and_breaks_are_read_as_organizers_write_them() -> None:
    assert parse_table_labels("1-3, B1,B2") == ("1", "2", "3", "B1", "B2")
    assert parse_breaks("12:00-13:00; 15.00-15.15") == ((720, 780), (900, 915))
    with pytest.raises(ValueError, match="'noon'"):
        parse_breaks("noon")
