"""The import preview: corrections to columns, header rows and names, and their memory."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from nbl_desktop.cli import main
from nbl_desktop.core.event import AttendeeRecord, EventData, EventSettings
from nbl_desktop.core.importing.choices import NOT_USED, SKIP_SHEET, header_key, name_key
from nbl_desktop.core.importing.fields import SheetKind
from nbl_desktop.core.importing.into_event import ImportSession
from nbl_desktop.core.store import EventStore
from tests.workbooks import write_csv

EMPTY = EventData(EventSettings(name="Day", table_labels=("1", "2")))


def test_an_unknown_header_can_be_named_and_a_known_one_left_out(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "skjema.csv", [
        ["Kontakt", "Firma", "E-post", "Merknad"],
        ["Kari Nordmann", "Fisk AS", "kari@fisk.no", "vegetar"],
        ["Sven Svensson", "Polar AB", "sven@polar.se", ""]], ";")
    session = ImportSession([path], EMPTY)
    before = session.run()
    assert "no sheet lists people" in before.blocked
    [sheet] = before.sheets
    assert sheet.kind is SheetKind.UNKNOWN
    assert [(c.header, c.field) for c in sheet.columns] == [
        ("Kontakt", None), ("Firma", None), ("E-post", None), ("Merknad", None)]
    assert sheet.columns[0].examples == ("Kari Nordmann", "Sven Svensson")

    session.choices.header_fields[header_key("Kontakt")] = "name"
    session.choices.header_fields[header_key("Firma")] = NOT_USED
    after = session.run()
    assert after.blocked == ""
    assert [(a.id, a.name, a.organization, a.notes) for a in after.event.attendees] == [
        ("kari@fisk.no", "Kari Nordmann", "", "vegetar"), ("sven@polar.se", "Sven Svensson",
                                                          "", "")]
    [sheet] = after.sheets
    assert sheet.kind is SheetKind.ATTENDEES and sheet.header_row == 1
    assert [(c.header, c.field) for c in sheet.columns] == [
        ("Kontakt", "name"), ("Firma", None), ("E-post", "email"), ("Merknad", "notes")]
    assert "organization" in sheet.fields and "requester" not in sheet.fields


def test_a_header_row_far_down_can_be_chosen_and_a_sheet_left_out(tmp_path: Path) -> None:
    workbook = Workbook()
    people = workbook.active
    assert people is not None
    people.title = "Svar"
    for number in range(1, 36):
        people.append([f"Instruction line {number}"])
    people.append(["Name", "Company", "Email"])
    people.append(["Kari Nordmann", "Fisk AS", "kari@fisk.no"])
    old = workbook.create_sheet("Last year")
    old.append(["Name", "Company"])
    old.append(["Old Timer", "Gone AS"])
    path = tmp_path / "forms.xlsx"
    workbook.save(path)

    session = ImportSession([path], EMPTY)
    assert [a.name for a in session.run().event.attendees] == ["Old Timer"]
    session.choices.header_rows["forms.xlsx: Svar"] = 36
    session.choices.header_rows["forms.xlsx: Last year"] = SKIP_SHEET
    outcome = session.run()
    assert [a.name for a in outcome.event.attendees] == ["Kari Nordmann"]
    assert outcome.report is not None
    [skipped] = outcome.report.skipped
    assert skipped.sheet == "Last year" and "as you chose" in skipped.message
    assert [s.kind for s in outcome.sheets] == [SheetKind.ATTENDEES, SheetKind.UNKNOWN]


NAMESAKES = [["Name", "Company", "Email", "Must meet"],
             ["Anna Berg", "A AS", "anna@a.no", ""],
             ["Anna Berg", "B AB", "anna@b.se", ""],
             ["Ola Lie", "C Oy", "ola@c.fi", "Anna Berg"]]


def test_an_unclear_name_is_resolved_by_choice_and_the_choice_serves_re_imports(
        tmp_path: Path) -> None:
    path = write_csv(tmp_path / "reg.csv", NAMESAKES)
    session = ImportSession([path], EMPTY)
    report = session.run().report
    assert report is not None
    [unclear] = report.unresolved
    assert unclear.written == "Anna Berg" and unclear.entry.row == 4
    assert unclear.candidates == (("anna@a.no", "Anna Berg (A AS)"),
                                  ("anna@b.se", "Anna Berg (B AB)"))

    session.choices.names[name_key("Anna Berg")] = "anna@b.se"
    outcome = session.run()
    assert [(r.requester, r.requested, r.priority) for r in outcome.event.requests] == [
        ("ola@c.fi", "anna@b.se", 3)]
    assert outcome.report is not None and outcome.report.unresolved == []

    # The GUI keeps the choice in the event file; the command line's re-import uses it.
    event_file = tmp_path / "day.nblevent"
    store = EventStore.create(event_file, EMPTY.settings)
    store.replace_event(EventData(EMPTY.settings, outcome.event.attendees))
    store.remember_import_choices(session.choices)
    store.close()
    assert main(["import", str(path), "--event-file", str(event_file)]) == 0
    store = EventStore.open(event_file)
    assert [(r.requester, r.requested) for r in store.requests()] == [("ola@c.fi", "anna@b.se")]
    store.close()


def test_a_chosen_person_who_is_gone_is_not_used(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "reg.csv", NAMESAKES)
    session = ImportSession([path], EMPTY)
    session.choices.names[name_key("Anna Berg")] = "someone@deleted.no"
    outcome = session.run()
    assert outcome.event.requests == ()
    assert outcome.report is not None and len(outcome.report.unresolved) == 1


def test_a_re_import_preview_merges_and_writes_nothing(tmp_path: Path) -> None:
    anna = AttendeeRecord("anna@a.no", "Anna Berg", "A AS", email="anna@a.no")
    current = EventData(EMPTY.settings, (anna,))
    path = write_csv(tmp_path / "reg.csv", NAMESAKES)
    outcome = ImportSession([path], current).run()
    assert [a.id for a in outcome.event.attendees] == ["anna@a.no", "anna@b.se", "ola@c.fi"]
    assert outcome.changes == ("added Anna Berg (B AB)", "added Ola Lie (C Oy)")
    assert current.attendees == (anna,)
