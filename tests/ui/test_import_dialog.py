"""The import dialog on real widgets: correct a column, pick a name, cancel, remember."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from nbl_desktop.core.importing.choices import header_key
from nbl_desktop.core.store import EventStore
from nbl_desktop.ui.models.unresolved_names_model import Column, UnresolvedNamesModel
from tests.ui.driving import App, answer_dialogs, new_window, open_import_dialog, press_import
from tests.workbooks import write_csv

pytestmark = pytest.mark.gui

# "Kontakt" is no header the importer knows; "Anna Berg" is two people.
FORM_EXPORT = [["Kontakt", "Bedrift", "E-post", "Må møte"],
               ["Anna Berg", "Fisk AS", "anna@fisk.no", ""],
               ["Anna Berg", "Polar AB", "anna@polar.se", ""],
               ["Ola Lie", "Oulu Oy", "ola@oulu.fi", "Anna Berg; Fisk AS"],
               ["Kari Nord", "Tromsø AS", "kari@tromso.no", "Anna Berg"]]


@pytest.fixture
def app(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> App:
    created = new_window(qtbot)
    answer_dialogs(monkeypatch, ask_new_event_path=tmp_path / "day.nblevent",
                   ask_registration_files=[write_csv(tmp_path / "skjema.csv", FORM_EXPORT,
                                                     ";", "cp1252")])
    created.trigger("new")
    return created


def choose_field(qtbot: QtBot, box: QComboBox, label: str) -> None:
    """Pick `label` as the organizer does: the box shows it and says it was chosen."""
    index = box.findText(label)
    assert index >= 0, label
    box.setCurrentIndex(index)
    box.activated.emit(index)


def test_correct_a_column_pick_a_name_import_and_the_next_import_remembers(
        qtbot: QtBot, app: App, tmp_path: Path) -> None:
    dialog = open_import_dialog(qtbot, app)
    assert "Nothing can be imported yet" in dialog.summary_label.text()
    assert not dialog.import_button.isEnabled()
    assert dialog.field_box("Kontakt").currentText() == "(not read)"
    assert "Anna Berg" in dialog.columns_table.item(0, 3).text()  # type: ignore[union-attr]

    choose_field(qtbot, dialog.field_box("Kontakt"), "Name")
    qtbot.waitUntil(lambda: not dialog.is_reading() and dialog.import_button.isEnabled(),
                    timeout=10_000)
    assert "the event has <b>4 attendees</b>" in dialog.summary_label.text()
    assert dialog.field_box("Kontakt").currentText() == "Name"
    model = dialog.names_model
    assert model.rowCount() == 1  # one name, written in two rows
    assert model.index(0, Column.WHERE).data() == "skjema.csv row 4 and 1 more"

    # Pick as the organizer does: open the editor, type a few letters, Enter.
    cell = model.index(0, Column.MEANS)
    dialog.tabs.setCurrentIndex(1)
    dialog.names_view.setCurrentIndex(cell)
    dialog.names_view.edit(cell)
    editor = dialog.names_view.findChild(QComboBox)
    assert editor is not None
    assert [editor.itemText(i) for i in range(2)] == ["Anna Berg (Fisk AS)",
                                                       "Anna Berg (Polar AB)"]
    editor.lineEdit().selectAll()
    qtbot.keyClicks(editor.lineEdit(), "Anna Berg (Polar AB)")
    qtbot.keyClick(editor.lineEdit(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.is_reading() and model.rowCount() == 0, timeout=10_000)
    assert "<b>3 wishes</b>" in dialog.summary_label.text()

    press_import(qtbot, app, dialog)
    event = app.event
    assert event is not None
    assert {(r.requester, r.requested) for r in event.requests} == {
        ("ola@oulu.fi", "anna@polar.se"), ("ola@oulu.fi", "anna@fisk.no"),
        ("kari@tromso.no", "anna@polar.se")}

    again = open_import_dialog(qtbot, app)  # the same file, a week later
    assert again.import_button.isEnabled() and again.names_model.rowCount() == 0
    assert again.field_box("Kontakt").currentText() == "Name"
    again.reject()
    qtbot.waitUntil(lambda: app.import_dialog is None)


def test_cancel_writes_nothing(qtbot: QtBot, app: App) -> None:
    dialog = open_import_dialog(qtbot, app)
    choose_field(qtbot, dialog.field_box("Kontakt"), "Name")
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10_000)
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Cancel),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: app.import_dialog is None)
    assert app.store is not None
    store = EventStore.open(app.store.path, read_only=True)
    assert store.attendees() == [] and store.import_choices().header_fields == {}
    store.close()


def test_a_sheet_can_be_left_out_and_the_report_saved(
        qtbot: QtBot, app: App, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    dialog = open_import_dialog(qtbot, app)
    choose_field(qtbot, dialog.field_box("Kontakt"), "Name")
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10_000)
    dialog.read_sheet_box.setChecked(False)
    qtbot.waitUntil(lambda: not dialog.is_reading(), timeout=10_000)
    assert not dialog.import_button.isEnabled()  # the only sheet of people is left out
    assert "not read" in dialog.sheet_box.currentText()
    dialog.read_sheet_box.setChecked(True)
    qtbot.waitUntil(lambda: not dialog.is_reading() and dialog.import_button.isEnabled(),
                    timeout=10_000)
    answer_dialogs(monkeypatch, ask_report_path=tmp_path / "report.xlsx")
    qtbot.mouseClick(dialog.save_report_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "report.xlsx").stat().st_size > 0
    dialog.reject()


def test_the_names_model_follows_qt_rules(qtmodeltester,  # type: ignore[no-untyped-def]
                                          qtbot: QtBot, app: App) -> None:
    dialog = open_import_dialog(qtbot, app)
    choose_field(qtbot, dialog.field_box("Kontakt"), "Name")
    qtbot.waitUntil(lambda: dialog.names_model.rowCount() == 1, timeout=10_000)
    assert isinstance(dialog.names_model, UnresolvedNamesModel)
    qtmodeltester.check(dialog.names_model)
    dialog.reject()


# "Når passer det?" is no header the importer knows, but its values are clock times.
ASKING_EXPORT = [["Navn", "Bedrift", "E-post", "Når passer det?"],
                 ["Kari Nordmann", "Fisk AS", "kari@fisk.no", "10.20"],
                 ["Ola Lie", "Lie AS", "ola@lie.no", "09.40"],
                 ["Per Berg", "Berg AS", "per@berg.no", ""]]


def test_a_column_of_times_under_an_unknown_header_is_asked_about_with_a_guess(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    app = new_window(qtbot)
    answer_dialogs(monkeypatch, ask_new_event_path=tmp_path / "day.nblevent",
                   ask_registration_files=[write_csv(tmp_path / "skjema.csv", ASKING_EXPORT,
                                                     ";", "utf-8")])
    app.trigger("new")
    dialog = open_import_dialog(qtbot, app)
    assert not dialog.import_button.isEnabled()  # asked first, never skipped silently
    assert "1 column to confirm" in dialog.summary_label.text()
    assert dialog.tabs.tabText(0) == "Columns (1 to confirm)"
    box = dialog.field_box("Når passer det?")
    assert box.currentText() == "Available from"  # the guess, pre-selected
    assert [box.itemText(i) for i in range(1, 4)] == [
        "Available from", "Available until", "Available (from–until)"]
    assert dialog.accept_guesses_button.isVisible()

    qtbot.mouseClick(dialog.accept_guesses_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_reading() and dialog.import_button.isEnabled(),
                    timeout=10_000)
    assert dialog.tabs.tabText(0) == "Columns"
    press_import(qtbot, app, dialog)
    event = app.event
    assert event is not None
    assert {a.email: a.available_from for a in event.attendees} == {
        "kari@fisk.no": 620, "ola@lie.no": 580, "per@berg.no": None}
    assert app.store is not None
    assert app.store.import_choices().header_fields == {
        header_key("Når passer det?"): "available_from"}  # not asked again next time
