"""The application around the event: Save as, recent files, settings kept between runs."""

from __future__ import annotations

import sqlite3
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from nbl_desktop.cli import main
from nbl_desktop.core import edits
from nbl_desktop.core.store import EventStore
from nbl_desktop.ui import app_settings, file_dialogs, messages
from tests.conftest import sample
from tests.ui.driving import answer_dialogs, import_sample, new_window, window_with_sample

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
    store = EventStore.open(original, read_only=True)
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


def test_a_read_only_event_is_shown_with_a_banner_and_cannot_be_edited(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "day.nblevent"
    assert main(["import", str(sample("arctic-60.xlsx")), "--event-file", str(path)]) == 0
    from nbl_desktop.core.store import event_store
    monkeypatch.setattr(event_store, "_unwritable", lambda _path: "the file is read-only")
    window = new_window(qtbot)
    window.open_event(path)
    assert window.store is not None and window.store.read_only
    assert window.read_only_banner.isVisible()
    assert "Read-only" in window.read_only_banner.text()
    assert not window.attendee_editor.isEnabled() and not window.schedule_action.isEnabled()
    assert not window.import_action.isEnabled()
    assert window.export_action.isEnabled() and window.print_action.isEnabled()


def test_a_write_that_fails_is_shown_and_kept_off_the_undo_stack(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    window = window_with_sample(qtbot, monkeypatch, tmp_path)
    assert window.store is not None and window.current_event is not None
    steps = window.undo_stack.count()
    person = window.current_event.attendees[0]

    def pulled(_edit: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")  # the USB stick is gone

    monkeypatch.setattr(window.store, "apply", pulled)
    messages.history.clear()
    window.perform(edits.change_attendee(window.current_event, replace(person, name="Changed")))
    assert messages.history[-1][0] == "The change was not saved"
    assert "disk I/O error" in messages.history[-1][1]
    assert window.undo_stack.count() == steps  # no step that was never saved
    assert window.current_event.attendee(person.id).name == person.name  # the file as it is


def test_a_damaged_event_is_put_right_from_its_newest_backup(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "day.nblevent"
    assert main(["import", str(sample("arctic-60.xlsx")), "--event-file", str(path)]) == 0
    assert main(["backup", str(path)]) == 0
    data = path.read_bytes()
    path.write_bytes(data[:len(data) // 2])  # cut in half: a copy that stopped midway
    window = new_window(qtbot)
    window.open_event(path)  # asks whether to restore (headless: yes)
    assert window.store is not None and len(window.store.attendees()) == 60
    from nbl_desktop.core.store.backups import backups_of
    assert [b.why for b in backups_of(path)][:2] == ["damaged", "by hand"]


def test_an_exception_that_escapes_a_slot_shows_the_crash_dialog_and_is_logged(
        qtbot: QtBot, caplog: pytest.LogCaptureFixture) -> None:
    from PySide6.QtCore import QTimer

    from nbl_desktop.ui.crash import install_crash_handlers

    window = new_window(qtbot)
    previous = sys.excepthook
    install_crash_handlers()
    try:
        messages.history.clear()

        def broken() -> None:
            raise RuntimeError("a bug in a slot")

        QTimer.singleShot(0, broken)
        qtbot.waitUntil(lambda: bool(messages.history), timeout=5_000)
    finally:
        sys.excepthook = previous
    title, text = messages.history[-1]
    assert title == "Something went wrong" and "Your event file is safe" in text
    assert "a bug in a slot" in caplog.text
    assert window.isVisible()


def test_the_time_limit_is_remembered_for_the_next_window(qtbot: QtBot) -> None:
    first = new_window(qtbot)
    first.time_limit_box.setValue(45)
    assert new_window(qtbot).time_limit_box.value() == 45
