"""Driving the real window as an organizer does, for the UI tests: open it, answer the file
dialogs, import through the import dialog, schedule briefly."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from nbl_desktop.ui import file_dialogs, messages
from nbl_desktop.ui.dialogs.import_dialog import ImportDialog
from nbl_desktop.ui.main_window import MainWindow
from tests.conftest import sample


def new_window(qtbot: QtBot) -> MainWindow:
    """A main window, shown, closed by qtbot after the test."""
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    return window


def answer_dialogs(monkeypatch: pytest.MonkeyPatch, **answers: object) -> None:
    """Each named `file_dialogs` question gets the given answer."""
    for name, answer in answers.items():
        monkeypatch.setattr(file_dialogs, name, lambda *_asked, answer=answer: answer)


def open_import_dialog(qtbot: QtBot, window: MainWindow) -> ImportDialog:
    """Import… as the organizer does it; the dialog once the files are read."""
    window.import_action.trigger()
    qtbot.waitUntil(lambda: window.import_dialog is not None, timeout=30_000)
    assert window.import_dialog is not None
    return window.import_dialog


def press_import(qtbot: QtBot, window: MainWindow, dialog: ImportDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.is_reading(), timeout=30_000)
    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.import_dialog is None, timeout=10_000)


def import_sample(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch,
                  tmp_path: Path, name: str) -> None:
    """A new event file day.nblevent with the shared sample `name` imported."""
    answer_dialogs(monkeypatch, ask_new_event_path=tmp_path / "day.nblevent",
                   ask_registration_files=[sample(f"{name}.xlsx")])
    window.new_action.trigger()
    press_import(qtbot, window, open_import_dialog(qtbot, window))


def window_with_sample(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                       name: str = "arctic-60") -> MainWindow:
    window = new_window(qtbot)
    import_sample(qtbot, window, monkeypatch, tmp_path, name)
    return window


def schedule(qtbot: QtBot, window: MainWindow, seconds: float = 2) -> None:
    """Schedule with a short time limit and wait for the result to be stored."""
    window.time_limit_box.setValue(seconds)
    window.schedule_action.trigger()
    qtbot.waitUntil(lambda: window.task is None, timeout=30_000)
    assert window.current_event is not None and window.current_event.meetings, \
        (f"no schedule; status {window.statusBar().currentMessage()!r}, last result "
         f"{window.last_result and window.last_result.stop_reason}, "
         f"messages {messages.history[-2:]}")
