"""File > Print, driven as an organizer does: agendas to PDF, then only what changed, a
preview, a table card run through the print dialog, the venue and logo on the page."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from pytestqt.qtbot import QtBot

from nbl_desktop.core.printouts.print_log import AGENDA, TABLE
from nbl_desktop.printing import pictures
from nbl_desktop.ui import messages
from nbl_desktop.ui.dialogs import print_dialog
from nbl_desktop.ui.dialogs.print_dialog import ALL, CHANGED, TICKED, PrintDialog
from tests.printing.conftest import page_texts
from tests.ui.driving import App, answer_dialogs, schedule, window_with_sample

pytestmark = pytest.mark.gui


@pytest.fixture
def app(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> App:
    app = window_with_sample(qtbot, monkeypatch, tmp_path)
    schedule(qtbot, app)
    return app


def open_dialog(app: App) -> PrintDialog:
    app.trigger("print")
    assert app.print_dialog is not None
    return app.print_dialog


def press(qtbot: QtBot, dialog: PrintDialog, button: object) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30_000)


def test_agendas_go_to_pdf_and_then_only_the_changed_ones(
        qtbot: QtBot, app: App, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    event = app.event
    assert event is not None
    dialog = open_dialog(app)
    dialog.choose(AGENDA, ALL)
    answer_dialogs(monkeypatch, ask_pdf_path=tmp_path / "agendas.pdf")
    press(qtbot, dialog, dialog.pdf_button)
    assert len(page_texts(tmp_path / "agendas.pdf")) == len(event.attendees)
    dialog.choose(AGENDA, CHANGED)
    assert dialog.changed_button.text().endswith(f"(0 of {len(event.attendees)})")
    assert not dialog.pdf_button.isEnabled()
    dialog.reject()

    # A meeting is deleted in the grid: its two people's agendas change, nobody else's.
    meeting = event.meetings[0]
    app.tabs.setCurrentWidget(app.schedule.page)
    app.schedule.select_cell(meeting.slot, meeting.table)
    app.trigger("delete_meeting")
    dialog = open_dialog(app)
    dialog.choose(AGENDA, CHANGED)
    assert dialog.changed_button.text().endswith(f"(2 of {len(event.attendees)})")
    answer_dialogs(monkeypatch, ask_pdf_path=tmp_path / "changed.pdf")
    press(qtbot, dialog, dialog.pdf_button)
    texts = page_texts(tmp_path / "changed.pdf")
    names = {event.attendee(meeting.a).name, event.attendee(meeting.b).name}
    assert len(texts) == 2 and all(any(n in t for t in texts) for n in names)
    dialog.reject()


def test_the_selected_attendee_is_ticked_and_previewed(qtbot: QtBot,
                                                       app: App) -> None:
    app.tabs.setCurrentIndex(0)
    app.attendees.view.setCurrentIndex(app.attendees.filter.index(3, 0))
    person = app.attendees.selected()
    assert person is not None
    dialog = open_dialog(app)
    assert dialog.ticked_button.isChecked() and dialog.ticked() == [person.id]
    dialog.choose(AGENDA, TICKED)
    dialog.preview_button.click()
    preview = dialog.preview_dialog
    assert preview is not None
    widget = preview.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: widget.pageCount() == 1, timeout=10_000)
    preview.close()
    dialog.choose(TABLE, ALL)  # no ticking for tables: every card
    assert not dialog.ticked_button.isEnabled()
    assert len(dialog.job().pages) == len(app.event.settings.table_labels)  # type: ignore[union-attr]
    dialog.reject()


def test_table_cards_go_through_the_print_dialog_to_the_printer(
        qtbot: QtBot, app: App, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    target = tmp_path / "printer.pdf"

    def printer_prints_to_file(_parent: object, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return True

    monkeypatch.setattr(print_dialog, "ask_printer", printer_prints_to_file)
    dialog = open_dialog(app)
    dialog.choose(TABLE, ALL)
    press(qtbot, dialog, dialog.print_button)
    tables = app.event.settings.table_labels  # type: ignore[union-attr]
    texts = page_texts(target)
    assert len(texts) == len(tables) and "Table 1" in texts[0]
    assert "Printed" in dialog.status_label.text()
    dialog.choose(TABLE, CHANGED)
    assert dialog.changed_button.text().endswith(f"(0 of {len(tables)})")
    dialog.reject()


def test_venue_and_logo_set_in_event_settings_head_every_agenda(
        qtbot: QtBot, app: App, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    logo = QImage(120, 40, QImage.Format.Format_RGB32)
    logo.fill(QColor("navy"))
    logo.save(str(tmp_path / "logo.png"))
    (tmp_path / "notes.txt").write_text("not a picture")
    app.trigger("settings")
    settings = app.settings_dialog
    assert settings is not None
    answer_dialogs(monkeypatch, ask_logo_path=tmp_path / "notes.txt")
    settings.choose_logo_button.click()
    assert messages.history[-1][0] == "Not a picture"
    answer_dialogs(monkeypatch, ask_logo_path=tmp_path / "logo.png")
    settings.choose_logo_button.click()
    settings.venue_edit.setText("Kulturhuset, Tromsø")
    settings.accept()
    event = app.event
    assert event is not None
    assert event.settings.venue == "Kulturhuset, Tromsø"
    assert event.settings.logo == (tmp_path / "logo.png").read_bytes()

    # The logo is decoded on the GUI thread: decoding it in the printing thread could
    # deadlock against the GUI thread deleting a widget (see printing.pictures).
    decoded_on: list[threading.Thread] = []
    decode = pictures._decode

    def record_thread(data: bytes) -> QImage:
        decoded_on.append(threading.current_thread())
        return decode(data)

    pictures.picture.cache_clear()
    monkeypatch.setattr(pictures, "_decode", record_thread)
    dialog = open_dialog(app)
    dialog.choose(AGENDA, ALL)
    answer_dialogs(monkeypatch, ask_pdf_path=tmp_path / "agendas.pdf")
    press(qtbot, dialog, dialog.pdf_button)
    texts = page_texts(tmp_path / "agendas.pdf")
    assert all("Kulturhuset, Tromsø" in t for t in texts)
    assert decoded_on == [threading.main_thread()]
    dialog.reject()
