"""The application around the event: Save as, recent files, settings kept between runs."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from nbl_desktop.core.store import EventStore
from nbl_desktop.ui import app_settings, file_dialogs
from tests.ui.driving import answer_dialogs, import_sample, new_window

pytestmark = pytest.mark.gui


def test_save_as_copies_the_event_and_goes_on_in_the_copy(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    window = new_window(qtbot)
    import_sample(qtbot, window, monkeypatch, tmp_path, "arctic-60")
    original = tmp_path / "day.nblevent"
    answer_dialogs(monkeypatch, ask_copy_path=tmp_path / "day-backup.nblevent")
    window.save_as_action.trigger()
    assert window.store is not None and window.store.path == tmp_path / "day-backup.nblevent"
    assert "day-backup.nblevent" in window.windowTitle()
    window.add_person()  # goes into the copy only
    copy_people = len(window.current_event.attendees)  # type: ignore[union-attr]
    store = EventStore.open(original)
    assert len(store.attendees()) == copy_people - 1 == 60
    store.close()
    assert app_settings.recent_files()[:2] == [(tmp_path / "day-backup.nblevent").resolve(),
                                               original.resolve()]


def test_recent_files_reopen_and_settings_survive_a_restart(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    window = new_window(qtbot)
    import_sample(qtbot, window, monkeypatch, tmp_path, "arctic-60")
    window.resize(700, 500)
    window.close()

    again = new_window(qtbot)
    assert (again.width(), again.height()) == (700, 500)
    assert again.current_event is None
    again._fill_recent_menu()
    [reopen] = again.recent_menu.actions()
    assert reopen.text() == "day.nblevent"
    reopen.trigger()
    assert again.current_event is not None and len(again.current_event.attendees) == 60


def test_file_dialogs_start_where_the_last_file_was_chosen(tmp_path: Path) -> None:
    file_dialogs._chosen(str(tmp_path / "events" / "day.nblevent"))
    assert app_settings.last_folder() == str(tmp_path / "events")
    assert file_dialogs._in_last_folder("schedule.xlsx") == str(
        tmp_path / "events" / "schedule.xlsx")
