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
    app = new_window(qtbot)
    import_sample(qtbot, app, monkeypatch, tmp_path, "arctic-60")
    original = tmp_path / "day.nblevent"
    answer_dialogs(monkeypatch, ask_copy_path=tmp_path / "day-backup.nblevent")
    app.trigger("save_as")
    assert app.store is not None and app.store.path == tmp_path / "day-backup.nblevent"
    assert "day-backup.nblevent" in app.title()
    app.trigger("add_person")  # goes into the copy only
    copy_people = len(app.event.attendees)  # type: ignore[union-attr]
    store = EventStore.open(original, read_only=True)
    assert len(store.attendees()) == copy_people - 1 == 60
    store.close()
    assert app_settings.recent_files()[:2] == [(tmp_path / "day-backup.nblevent").resolve(),
                                               original.resolve()]


def test_recent_files_reopen_and_settings_survive_a_restart(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    app = new_window(qtbot)
    import_sample(qtbot, app, monkeypatch, tmp_path, "arctic-60")
    app.window.resize(700, 500)
    app.close()

    again = new_window(qtbot)
    assert (again.window.width(), again.window.height()) == (700, 500)
    assert again.event is None
    [reopen] = again.recent_entries()
    assert reopen.text() == "day.nblevent"
    reopen.trigger()
    again.wait_until_idle()
    assert again.event is not None and len(again.event.attendees) == 60


def test_a_name_typed_with_its_ending_in_capitals_gets_no_second_ending(
        tmp_path: Path) -> None:
    """Windows and macOS ignore case: Day.NBLEVENT is an event file already."""
    chosen = file_dialogs._chosen(str(tmp_path / "Day.NBLEVENT"), ".nblevent")
    assert chosen == tmp_path / "Day.NBLEVENT"
    assert file_dialogs._chosen(str(tmp_path / "day"), ".nblevent") == tmp_path / "day.nblevent"


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
    app = new_window(qtbot)
    app.open_event(path)
    assert app.store is not None and app.store.read_only
    assert app.read_only_banner.isVisible()
    assert "Read-only" in app.read_only_banner.text()
    assert not app.attendees.editor.isEnabled() and not app.action("schedule").isEnabled()
    assert not app.action("import").isEnabled()
    assert app.action("export").isEnabled() and app.action("print").isEnabled()


def test_a_write_that_fails_is_shown_and_kept_off_the_undo_stack(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    app = window_with_sample(qtbot, monkeypatch, tmp_path)
    assert app.store is not None and app.event is not None
    steps = app.undo_stack.count()
    person = app.event.attendees[0]

    def pulled(*_written: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")  # the USB stick is gone

    monkeypatch.setattr(app.store, "apply", pulled)
    messages.history.clear()
    app.edit(lambda current: edits.change_attendee(current, replace(person, name="Changed")))
    assert messages.history[-1][0] == "The change was not saved"
    assert "disk I/O error" in messages.history[-1][1]
    assert app.undo_stack.count() == steps  # no step that was never saved
    assert app.event.attendee(person.id).name == person.name  # the file as it is


def test_a_damaged_event_is_put_right_from_its_newest_backup(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "day.nblevent"
    assert main(["import", str(sample("arctic-60.xlsx")), "--event-file", str(path)]) == 0
    assert main(["backup", str(path)]) == 0
    data = path.read_bytes()
    path.write_bytes(data[:len(data) // 2])  # cut in half: a copy that stopped midway
    app = new_window(qtbot)
    app.open_event(path)  # asks whether to restore (headless: yes)
    assert app.store is not None and len(app.store.attendees()) == 60
    from nbl_desktop.core.store.backups import backups_of
    assert [b.why for b in backups_of(path)][:2] == ["damaged", "by hand"]


def test_an_exception_that_escapes_a_slot_shows_the_crash_dialog_and_is_logged(
        qtbot: QtBot, caplog: pytest.LogCaptureFixture) -> None:
    from PySide6.QtCore import QTimer

    from nbl_desktop.ui.crash import install_crash_handlers

    app = new_window(qtbot)
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
    assert app.window.isVisible()


def test_the_time_limit_is_remembered_for_the_next_window(qtbot: QtBot) -> None:
    first = new_window(qtbot)
    first.time_limit_box.setValue(45)
    assert new_window(qtbot).time_limit_box.value() == 45


def test_the_language_chosen_in_preferences_is_remembered_for_the_next_start(
        qtbot: QtBot) -> None:
    app = new_window(qtbot)
    app.trigger("preferences")
    dialog = app.window.preferences.dialog
    assert dialog is not None
    assert dialog.language() == ""  # follows the computer until chosen
    dialog.language_box.setCurrentIndex(dialog.language_box.findText("Suomi"))
    dialog.accept()
    assert app_settings.language() == "fi"
    again = new_window(qtbot)
    again.trigger("preferences")
    assert again.window.preferences.dialog is not None
    assert again.window.preferences.dialog.language() == "fi"
