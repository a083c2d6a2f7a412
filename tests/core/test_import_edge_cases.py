"""Files that a first version of the one reader misread (found in review), each read right now.

Sheets of pairs that name a person in their header, a re-submitted form, a
better header further right, headers that mention a form's metadata, CSV
answers with line breaks and commas, an Event sheet with a note beside it,
a first person beside a blank header, an ID that looks generated, yes/no
answers under a question about meeting, whole-hour Nordic times, times said
with "fra" and "til", typos in --column, dates in a time column, and an
arrival time hours before the day.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook

from nbl_desktop.cli import main
from nbl_desktop.core.event import EventSettings
from nbl_desktop.core.importing.fields import read_header
from nbl_desktop.core.importing.raw_tables import MAX_COLUMNS, read_raw_sheets
from nbl_desktop.core.importing.reader import RegistrationImport, import_registrations
from tests.workbooks import workbook_of, write_csv

SETTINGS = EventSettings(name="Day", start_minute=9 * 60, slot_count=12,
                         table_labels=("1", "2", "3"))


def read(path: Path) -> RegistrationImport:
    return import_registrations([path], SETTINGS)


PEOPLE = [["Navn", "Bedrift", "E-post"], ["Kari Nordmann", "Fisk AS", "kari@fisk.no"],
          ["Ola Hansen", "Hansen AS", "ola@hansen.no"], ["Per Berg", "Berg AS", "per@berg.no"]]


@pytest.mark.parametrize(("header", "kind"), [
    (["Deltaker", "Ikke med"], "exclusions"),
    (["Requester name", "Requested name", "Priority"], "requests"),
])
def test_a_sheet_of_pairs_is_not_read_as_people_though_its_header_names_one(
        tmp_path: Path, header: list[str], kind: str) -> None:
    pairs = [header, ["Kari Nordmann", "Ola Hansen", *(["must"] if len(header) == 3 else [])]]
    imported = read(workbook_of(tmp_path / "b.xlsx", {"Deltakere": PEOPLE, "Par": pairs}))
    assert len(imported.event.attendees) == 3  # Kari is not read a second time
    ids = {(a.id) for a in imported.event.attendees}
    if kind == "exclusions":
        assert [(e.a, e.b) for e in imported.event.exclusions] == [
            ("kari@fisk.no", "ola@hansen.no")]
    else:
        assert [(r.requester, r.requested, r.priority) for r in imported.event.requests] == [
            ("kari@fisk.no", "ola@hansen.no", 3)]
    assert ids == {"kari@fisk.no", "ola@hansen.no", "per@berg.no"}


def test_a_resubmitted_form_replaces_the_earlier_answer_and_says_so(tmp_path: Path) -> None:
    rows = [["Tidsmerke", "Navn", "E-post", "Må møte", "Vil ikke møte"],
            ["2027-02-01 10:00", "Kari Nordmann", "kari@fisk.no", "Ola Hansen", "Per Berg"],
            ["2027-02-01 10:01", "Ola Hansen", "ola@hansen.no", "", ""],
            ["2027-02-01 10:02", "Per Berg", "per@berg.no", "", ""],
            ["2027-02-03 09:00", "Kari Nordmann", "kari@fisk.no", "Per Berg", "Ola Hansen"]]
    imported = read(write_csv(tmp_path / "svar.csv", rows, ";"))
    assert [(r.requester, r.requested) for r in imported.event.requests] == [
        ("kari@fisk.no", "per@berg.no")]
    assert [(e.a, e.b) for e in imported.event.exclusions] == [("kari@fisk.no", "ola@hansen.no")]
    replaced = [e for e in imported.report.entries if "replaced by a later row" in e.message]
    assert [(e.row, e.message.split(" are ")[0]) for e in replaced] == [
        (2, "the wishes in 'Må møte', 'Vil ikke møte'")]


def test_the_header_that_names_a_field_best_is_read_not_the_leftmost(tmp_path: Path) -> None:
    rows = [["Participant type", "Name", "Company size", "Company", "Email",
             "Do you need a table?"],
            ["Buyer", "Kari Nordmann", "10-49", "Fisk AS", "kari@fisk.no", "Yes"],
            ["Seller", "Ola Hansen", "1-9", "Hansen AS", "ola@hansen.no", "No"],
            ["Buyer", "Per Berg", "50-249", "Berg AS", "per@berg.no", "Yes"]]
    imported = read(workbook_of(tmp_path / "b.xlsx", {"Sheet1": rows}))
    assert [(a.name, a.organization, a.fixed_table) for a in imported.event.attendees] == [
        ("Kari Nordmann", "Fisk AS", ""), ("Ola Hansen", "Hansen AS", ""),
        ("Per Berg", "Berg AS", "")]
    [columns] = imported.report.columns.values()
    table = next(c for c in columns if c.header == "Do you need a table?")
    assert table.field is None and "most values are not table labels" in table.text


@pytest.mark.parametrize(("header", "field"), [
    ("Available from (start time)", "available_from"), ("Preferred start time", None),
    ("End date of stay", None), ("Start Date (UTC)", "meta"), ("Submission ID (hidden)", "meta"),
])
def test_a_header_that_only_mentions_a_form_timestamp_is_no_metadata(
        header: str, field: str | None) -> None:
    reading = read_header(header)
    assert ("meta" if reading.metadata else reading.field) == field


def test_a_quoted_answer_with_line_breaks_and_commas_is_read(tmp_path: Path) -> None:
    path = tmp_path / "google.csv"
    path.write_text('Name,Company,Email,What do you offer?\n'
                    'Kari Nordmann,Fisk AS,kari@fisk.no,"Hi!\nWe sell salmon, trout, cod."\n'
                    'Ola Hansen,Hansen AS,ola@hansen.no,"Steel, beams, bolts"\n'
                    'Per Berg,Berg AS\n', encoding="utf-8")
    imported = read(path)
    assert not imported.report.errors
    assert [a.offers for a in imported.event.attendees] == [
        "Hi!\nWe sell salmon, trout, cod.", "Steel, beams, bolts", ""]


def test_the_event_sheet_with_a_note_beside_it_keeps_its_settings(tmp_path: Path) -> None:
    event = [["Key", "Value", "Help", "Note"], ["Event name", "Barents B2B", "", "draft"],
             ["Start", "09:00"], ["Slot minutes", 20], ["Slots", 10], ["Tables", 5]]
    imported = read(workbook_of(tmp_path / "b.xlsx", {"Event": event, "Attendees": PEOPLE}))
    assert imported.settings_given and imported.event.settings.slot_count == 10
    assert len(imported.event.attendees) == 3


def test_people_on_a_sheet_named_like_the_event_are_people(tmp_path: Path) -> None:
    people = [["Navn", "Bedrift", "E-post"], ["Dag Olsen", "Olsen AS", "dag@olsen.no"],
              ["Start Hansen", "Hansen AS", "start@hansen.no"]]
    imported = read(workbook_of(tmp_path / "b.xlsx", {"Arrangement": people}))
    assert [a.name for a in imported.event.attendees] == ["Dag Olsen", "Start Hansen"]


def test_the_first_person_beside_a_blank_header_is_no_second_header_row(
        tmp_path: Path) -> None:
    rows = [["Name", "Company", "Email", "Want to meet", "Country"],
            ["Kari Nordmann", None, None, None, None, "came late"],
            ["Ola Hansen", "Hansen AS", "ola@hansen.no", "Kari Nordmann", "NO"]]
    imported = read(workbook_of(tmp_path / "b.xlsx", {"Sheet1": rows}))
    assert [a.name for a in imported.event.attendees] == ["Kari Nordmann", "Ola Hansen"]
    assert imported.report.sheets[next(iter(imported.report.sheets))].startswith(
        "read as people; header row 1")


def test_a_generated_id_never_overwrites_a_person_with_that_id(tmp_path: Path) -> None:
    rows = [["ID", "Name"], ["N0001", "Kari Nordmann"], ["", "Ola Hansen"]]
    imported = read(workbook_of(tmp_path / "b.xlsx", {"Sheet1": rows}))
    assert sorted((a.id, a.name) for a in imported.event.attendees) == [
        ("N0001", "Kari Nordmann"), ("N0002", "Ola Hansen")]


def test_yes_no_answers_to_a_question_about_meeting_are_no_names(tmp_path: Path) -> None:
    rows = [["ID", "Name", "Would you like to meet investors?"], ["1", "Kari Nordmann", "1"],
            ["2", "Ola Hansen", "0"], ["3", "Per Berg", "1"], ["4", "Anna Berg", "Yes"]]
    imported = read(workbook_of(tmp_path / "b.xlsx", {"Sheet1": rows}))
    assert imported.event.requests == ()
    [columns] = imported.report.columns.values()
    assert "values are not names (they are yes or no)" in columns[2].text


def test_whole_hours_written_the_nordic_way_are_asked_about_as_times(tmp_path: Path) -> None:
    rows = [["Navn", "E-post", "Tid"], ["Kari Nordmann", "kari@fisk.no", "10.00"],
            ["Ola Hansen", "ola@hansen.no", "11.00"], ["Per Berg", "per@berg.no", "09.00"]]
    [question] = read(workbook_of(tmp_path / "b.xlsx", {"Sheet1": rows})).report.questions
    assert (question.looks_like, question.guess) == ("clock times", "available_from")


@pytest.mark.parametrize(("column", "said", "hours"), [
    ("Tilgjengelig", "fra 12", (720, None)), ("Tilgjengelig", "til 14", (None, 840)),
    ("Tilgjengelig", "klo 14 asti", (None, 840)), ("Tilgjengelig fra", "til 14", (None, 840)),
    ("Tilgjengelig", "10-14", (600, 840)),
])
def test_times_said_with_from_or_until_keep_their_side(
        tmp_path: Path, column: str, said: str, hours: tuple[int | None, int | None]) -> None:
    rows = [["Navn", "E-post", column], ["Kari Nordmann", "kari@fisk.no", said]]
    imported = read(write_csv(tmp_path / "b.csv", rows, ";"))
    assert not imported.report.errors
    kari = imported.event.attendees[0]
    assert (kari.available_from, kari.available_until) == hours


def test_a_date_in_a_time_column_is_an_error_and_an_early_time_a_note(tmp_path: Path) -> None:
    rows = [["Navn", "E-post", "Tilstede fra"],
            ["Kari Nordmann", "kari@fisk.no", dt.datetime(2027, 3, 10)],
            ["Ola Hansen", "ola@hansen.no", "1.25"], ["Per Berg", "per@berg.no", "10:00"]]
    report = read(workbook_of(tmp_path / "b.xlsx", {"Sheet1": rows})).report
    assert [(e.row, e.message) for e in report.errors] == [(2, "a date, not a clock time")]
    assert any(e.row == 3 and "01:25, hours before the first slot (09:00)" in e.message
               for e in report.entries)


def test_a_long_text_in_a_header_row_is_no_header() -> None:
    assert read_header("Please tell us " + "more " * 100).how == "not a header: a long text"


def test_a_stray_cell_far_to_the_right_is_named_not_a_reason_to_refuse(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in PEOPLE:
        sheet.append(row)
    sheet.cell(3, MAX_COLUMNS + 50, "stray")
    book.save(tmp_path / "b.xlsx")
    [raw] = read_raw_sheets(tmp_path / "b.xlsx")
    assert [p.row for p in raw.problems] == [3]
    assert "beyond column 2,000" in raw.problems[0].message
    assert len(read(tmp_path / "b.xlsx").event.attendees) == 3


def test_a_column_named_on_the_command_line_must_be_in_the_files(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [["Navn", "E-post", "Tid"], ["Kari Nordmann", "kari@fisk.no", "10.20"],
            ["Ola Hansen", "ola@hansen.no", "9.40"]]
    path = write_csv(tmp_path / "b.csv", rows, ";")
    args = ["import", str(path), "--event-file", str(tmp_path / "day.nblevent")]
    assert main([*args, "--column", "Tidd=available_from"]) == 2
    said = capsys.readouterr().err
    assert "no column of the files is headed 'tidd'" in said and "'Tid'" in said
    assert main([*args, "--column", "Tid=requester"]) == 2
    said = capsys.readouterr().err
    assert "you chose Who asks, which belongs on a sheet of wishes (pairs)" in said
    assert main(args) == 2
    said = capsys.readouterr().err
    assert said.count("'Tid'") == 1  # asked once, not also warned about as a column not used
