"""Printed PDFs read back: one agenda per attendee in their language, a card per table, the
master grid with repeated headers; the paper size asked for."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QColor, QImage, QPainter, QPen

from nbl_desktop.core.event import AttendeeRecord, EventData, EventSettings, MeetingRecord
from nbl_desktop.core.parties import parties_of
from nbl_desktop.core.printouts.pages import agenda_pages, master_grid, table_cards
from nbl_desktop.core.store import EventStore
from nbl_desktop.printing.documents import PrintJob, first_sheet_image, write_pdf
from solver import CancelToken
from tests.printing.conftest import page_texts

pytestmark = pytest.mark.usefixtures("qapp")


def test_every_attendee_gets_one_page_with_their_name_and_partners(
        scheduled_event_file: Path, tmp_path: Path) -> None:
    event = EventStore.open(scheduled_event_file).load()
    pdf = tmp_path / "agendas.pdf"
    assert write_pdf(pdf, PrintJob("agenda", agenda_pages(event))) == len(event.attendees)
    texts = page_texts(pdf)
    assert len(texts) == len(event.attendees)
    lead = parties_of(event.attendees).lead_of
    for person, text in zip(event.attendees, texts, strict=True):
        assert person.name in text
        partners = [event.attendee(m.b if m.a == lead[person.id] else m.a).name
                    for m in event.meetings if lead[person.id] in (m.a, m.b)]
        assert all(name in text for name in partners), person.id
        assert "Meeting with" in text or "Møte med" in text or "Möte med" in text \
            or "Tapaaminen" in text


def test_a_norwegian_attendee_reads_norwegian_labels(scheduled_event_file: Path,
                                                     tmp_path: Path) -> None:
    event = EventStore.open(scheduled_event_file).load()
    norwegian = next(a for a in event.attendees if a.language == "nb")
    english = next(a for a in event.attendees if a.language in ("", "en"))
    pdf = tmp_path / "two.pdf"
    write_pdf(pdf, PrintJob("agenda", agenda_pages(event, [norwegian.id, english.id])))
    nb_text, en_text = page_texts(pdf)
    assert "PERSONLIG AGENDA" in nb_text and "Møte med" in nb_text and "Skrevet ut" in nb_text
    assert "Meeting with" not in nb_text
    assert "PERSONAL AGENDA" in en_text and "Meeting with" in en_text


def test_each_table_gets_a_card_with_its_meetings(scheduled_event_file: Path,
                                                  tmp_path: Path) -> None:
    event = EventStore.open(scheduled_event_file).load()
    pdf = tmp_path / "tables.pdf"
    write_pdf(pdf, PrintJob("table", table_cards(event)))
    texts = page_texts(pdf)
    assert len(texts) == len(event.settings.table_labels)
    for table, text in enumerate(texts):
        assert f"Table {event.settings.table_labels[table]}" in text
        for m in event.meetings:
            if m.table == table:
                assert event.attendee(m.a).name in text and event.attendee(m.b).name in text


def test_the_master_grid_is_landscape_split_over_pages_with_headers_on_each(
        scheduled_event_file: Path, tmp_path: Path) -> None:
    event = EventStore.open(scheduled_event_file).load()
    pdf = tmp_path / "grid.pdf"
    pages = write_pdf(pdf, PrintJob("grid", [master_grid(event)]))
    reader = PdfReader(pdf)
    assert pages == len(reader.pages) > 1
    box = reader.pages[0].mediabox
    assert box.width > box.height
    texts = page_texts(pdf)
    assert all("Time" in t and "Master grid" in t for t in texts)
    assert all(f"Page {i} of {pages}" in t for i, t in enumerate(texts, start=1))
    everything = " ".join(texts)
    for m in event.meetings:
        assert event.attendee(m.a).name in everything and event.attendee(m.b).name in everything
    labels_seen = [label for label in event.settings.table_labels
                   if any(f"Table {label} " in t + " " for t in texts)]
    assert len(labels_seen) == len(event.settings.table_labels)


def test_letter_paper_is_letter_sized(scheduled_event_file: Path, tmp_path: Path) -> None:
    event = EventStore.open(scheduled_event_file).load()
    pdf = tmp_path / "letter.pdf"
    write_pdf(pdf, PrintJob("agenda", agenda_pages(event)[:1], paper="letter"))
    box = PdfReader(pdf).pages[0].mediabox
    assert (round(box.width), round(box.height)) == (612, 792)


def test_a_cancelled_export_leaves_no_file(scheduled_event_file: Path, tmp_path: Path) -> None:
    event = EventStore.open(scheduled_event_file).load()
    token = CancelToken()
    done: list[int] = []

    def progress(count: int, total: int) -> None:
        done.append(count)
        if count == 5:
            token.cancel()

    pdf = tmp_path / "agendas.pdf"
    assert write_pdf(pdf, PrintJob("agenda", agenda_pages(event)), progress, token) is None
    assert done == [1, 2, 3, 4, 5]
    assert list(tmp_path.iterdir()) == []


def test_a_page_renders_to_an_image_with_ink_on_it(scheduled_event_file: Path) -> None:
    event = EventStore.open(scheduled_event_file).load()
    image = first_sheet_image(PrintJob("table", table_cards(event)[:1]), dpi=60)
    assert image.width() < image.height()  # portrait
    dark = sum(1 for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)
               if QColor(image.pixel(x, y)).lightness() < 100)
    assert dark > 100


def test_painting_keeps_python_intact() -> None:
    """PySide6 6.12.0 dropped a reference to None on every void QPainter call; on Python 3.11
    printing a few hundred pages then crashed the process. pyproject excludes that version."""
    image = QImage(50, 50, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    before = sys.getrefcount(None)
    for _ in range(2000):
        painter.setPen(QPen(QColor(0, 0, 0)))
        painter.drawLine(0, 0, 10, 10)
    painter.end()
    assert sys.getrefcount(None) >= before - 100


def _busy_event(slots: int, minutes: int = 20) -> EventData:
    """One attendee who meets someone new in every one of `slots` slots."""
    people = tuple(AttendeeRecord(f"P{i:03d}", f"Person {i:03d}", f"Company {i} AS", "NO",
                                  offers="Offshore logistics, harbour services and more " * 3,
                                  seeks="Partners for tenders in the north " * 3)
                   for i in range(slots + 1))
    return EventData(
        EventSettings(name="Long day", slot_count=slots, slot_minutes=minutes,
                      breaks=((720, 780),),
                      table_labels=("1",)),
        attendees=people,
        meetings=tuple(MeetingRecord(s, 0, "P000", f"P{s + 1:03d}") for s in range(slots)))


def test_thirty_meetings_fit_on_one_page_and_a_hundred_continue_on_the_next(
        tmp_path: Path) -> None:
    thirty = _busy_event(30)
    assert write_pdf(tmp_path / "a.pdf", PrintJob("agenda", agenda_pages(thirty, ["P000"]))) == 1
    hundred = _busy_event(100, minutes=5)
    assert write_pdf(tmp_path / "b.pdf",
                     PrintJob("agenda", agenda_pages(hundred, ["P000"]))) == 2
    text = " ".join(page_texts(tmp_path / "b.pdf"))
    assert all(f"Person {i:03d}" in text for i in range(1, 101))


@pytest.mark.parametrize(("language", "one", "two"), [
    ("en", "1 meeting", "2 meetings"), ("nb", "1 møte", "2 møter"),
    ("sv", "1 möte", "2 möten"), ("fi", "1 tapaaminen", "2 tapaamista")])
def test_an_agenda_counts_its_meetings_in_its_readers_language(
        tmp_path: Path, language: str, one: str, two: str) -> None:
    """A printed agenda said "1 meetings": the count now takes the language's plural form."""
    people = tuple(AttendeeRecord(i, f"Person {i}", language=language) for i in "ABC")
    event = EventData(EventSettings(name="Day", slot_count=3, table_labels=("1",)), people,
                      meetings=(MeetingRecord(0, 0, "A", "B"), MeetingRecord(1, 0, "A", "C")))
    pdf = tmp_path / "agendas.pdf"
    write_pdf(pdf, PrintJob("agenda", agenda_pages(event, ["A", "B"])))
    texts = page_texts(pdf)
    assert two in texts[0] and one in texts[1]
