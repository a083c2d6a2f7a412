"""Registration files that were dropped, misread or crashed the import, through the command line.

Each case is a file an organizer really receives (or a damaged one): it is
read right, or refused with status 2 and a message naming the file (sheet,
row, column) and what to do; never a traceback, never a silent loss.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from nbl_desktop.cli import main
from nbl_desktop.core.event import AttendeeRecord
from nbl_desktop.core.exporting.template_workbook import write_template_workbook
from nbl_desktop.core.store import EventStore
from tests.conftest import sample
from tests.workbooks import edited_sample, workbook_of, write_csv


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """Exit status, and everything the command said."""
    status = main(args)
    said = capsys.readouterr()
    assert "Traceback" not in said.err + said.out
    return status, said.out + said.err


def import_into(tmp_path: Path, files: list[Path], capsys: pytest.CaptureFixture[str],
                *extra: str) -> tuple[int, str, Path]:
    event_file = tmp_path / "day.nblevent"
    status, said = run(["import", *map(str, files), "--event-file", str(event_file), *extra],
                       capsys)
    return status, said, event_file


def stored(event_file: Path) -> dict[str, AttendeeRecord]:
    store = EventStore.open(event_file, read_only=True)
    try:
        return {a.id: a for a in store.load().attendees}
    finally:
        store.close()


EVENT_ROWS = [["Key", "Value"], ["Event name", "Barents B2B"], ["Date", "2027-03-10"],
              ["Start", "09:00"], ["Slot minutes", 20], ["Slots", 12], ["Breaks", "11:00-12:00"],
              ["Tables", 10]]


# -- every column of the app's own workbook ---------------------------------------------------

def test_every_optional_column_of_the_own_workbook_reaches_the_event_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Fixed table among them: the old reader dropped it, and every seller met at some other
    table than their booth."""
    path = tmp_path / "form.xlsx"
    write_template_workbook(path)
    workbook = load_workbook(path)
    people = workbook["Attendees"]
    header = [c.value for c in people[1]]
    assert header == ["ID", "Name", "Organization", "Country", "Email", "Language", "Sector",
                      "Offers", "Seeks", "Available from", "Available until", "Max meetings",
                      "Party size", "Fixed table", "Delegation", "Notes"]
    people.append(["S1", "Kari Nordmann", "Fisk AS", "NO", "kari@fisk.no", "nb", "Seafood",
                   "Fresh cod", "Logistics", dt.time(9, 40), "14.00", 6, 2, "B12", "Fisk",
                   "Wheelchair"])
    people.append(["S2", "Per Hansen", "Fisk AS", "NO", "per@fisk.no", "nb", "Seafood", "", "",
                   None, None, None, None, "B12", "Fisk", ""])
    people.append(["B1", "Anna Berg", "Luleå Stål AB", "SE", "anna@stal.se", "sv", "Steel",
                   "Steel beams", "Fish", "kl. 10.20", "", "6.0", "", "", "", ""])
    workbook["Requests"].append(["B1", "S1", 3])
    workbook["Exclusions"].append(["S2", "B1"])
    workbook.save(path)
    status, said, event_file = import_into(tmp_path, [path], capsys)
    assert status == 0, said
    people_read = stored(event_file)
    assert people_read["S1"] == AttendeeRecord(
        "S1", "Kari Nordmann", "Fisk AS", "NO", "kari@fisk.no", "nb", "Seafood", "Fresh cod",
        "Logistics", 9 * 60 + 40, 14 * 60, 6, 2, "B12", "Fisk", "Wheelchair")
    assert people_read["B1"] == AttendeeRecord(
        "B1", "Anna Berg", "Luleå Stål AB", "SE", "anna@stal.se", "sv", "Steel",
        "Steel beams", "Fish", 10 * 60 + 20, None, 6)
    assert people_read["S2"].fixed_table == "B12" and people_read["S2"].delegation == "Fisk"


def test_a_fixed_table_puts_every_meeting_at_the_booth(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The appointment-show case end to end: sellers at booths, every meeting at its booth."""
    rows = [["ID", "Name", "Organization", "Fixed table"]]
    rows += [[f"S{i}", f"Seller {i}", f"Seller {i} AS", str(i)] for i in (1, 2, 3)]
    rows += [[f"B{i}", f"Buyer {i}", f"Buyer {i} Oy", ""] for i in (1, 2, 3)]
    requests = [["Requester ID", "Requested ID", "Priority"]]
    requests += [[f"B{b}", f"S{s}", 2] for b in (1, 2, 3) for s in (1, 2, 3)]
    path = workbook_of(tmp_path / "show.xlsx", {"Event": EVENT_ROWS, "Attendees": rows,
                                                 "Requests": requests})
    out = tmp_path / "schedule.xlsx"
    status, said = run(["schedule", str(path), "-o", str(out), "--time-limit", "5"], capsys)
    assert status == 0, said
    meetings = list(load_workbook(out)["Meetings"].iter_rows(min_row=2, values_only=True))
    assert len(meetings) == 9
    for _slot, _start, _end, table, a_id, _a, _ao, b_id, _b, _bo, _locked in meetings:
        seller = a_id if str(a_id).startswith("S") else b_id
        assert table == seller[1:], meetings


# -- availability as Nordic forms write it ----------------------------------------------------

@pytest.mark.parametrize(("arrival", "departure", "expected"), [
    ("10.20", "14.00", (620, 840)), ("09.40", "", (580, None)), ("kl. 10.20", "kl 14", (620, 840)),
    ("1020", "1400", (620, 840)), ("10:20:00", "14:00:00", (620, 840)),
    ("10.20 am", "2 pm", (620, 840)), ("2:00 PM", "", (840, None)),
    (dt.time(10, 20), dt.datetime(2027, 3, 10, 14, 0), (620, 840)),
    ("10.20–14.00", "", (620, 840)), ("10-14", "", (600, 840)), ("klo 9.40", "", (580, None)),
])
def test_nordic_availability_columns_and_times_are_read(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], arrival: object, departure: object,
        expected: tuple[int, int | None]) -> None:
    rows = [["Navn", "Bedrift", "E-post", "Tilstede fra", "Tilstede til"],
            ["Kari Nordmann", "Fisk AS", "kari@fisk.no", arrival, departure],
            ["Ola Lie", "Lie AS", "ola@lie.no", "", ""]]
    path = workbook_of(tmp_path / "påmelding.xlsx", {"Påmelding": rows})
    status, said, event_file = import_into(tmp_path, [path], capsys)
    assert status == 0, said
    kari = stored(event_file)["kari@fisk.no"]
    assert (kari.available_from, kari.available_until) == expected


@pytest.mark.parametrize("arrival", [1.25, 10.2, "after lunch", "25.00", "etter lunsj"])
def test_a_time_that_is_no_time_stops_the_import_at_its_cell(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], arrival: object) -> None:
    """Never a silent 'whole day' (nor 1.25 read as 01:25)."""
    rows = [["Navn", "E-post", "Tilstede fra"], ["Kari Nordmann", "kari@fisk.no", arrival],
            ["Ola Lie", "ola@lie.no", "09:00"], ["Per Berg", "per@berg.no", "10:00"]]
    path = workbook_of(tmp_path / "påmelding.xlsx", {"Påmelding": rows})
    status, said, event_file = import_into(tmp_path, [path], capsys)
    assert status == 2
    assert "påmelding.xlsx, sheet 'Påmelding', row 2, column 'Tilstede fra'" in said
    assert "HH:MM" in said and not event_file.exists()


# -- sheets -------------------------------------------------------------------------------------

def test_a_workbook_without_its_people_sheet_names_what_it_has(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = workbook_of(tmp_path / "form.xlsx", {
        "Event": EVENT_ROWS, "Requests": [["Requester ID", "Requested ID", "Priority"],
                                          ["P1", "P2", 2]],
        "Exclusions": [["Attendee ID", "Other ID"], ["P1", "P3"]]})
    status, said = run(["schedule", str(path), "-o", str(tmp_path / "o.xlsx")], capsys)
    assert status == 2
    assert "no sheet lists people" in said
    assert "'Event' (event settings), 'Requests' (wishes (pairs)), 'Exclusions' " \
        "(do-not-meet pairs)" in said
    assert "Date; Start" not in said  # the event's keys are not people


@pytest.mark.parametrize("suffix", [".xlsm", ".xlsx", ""])
def test_lower_case_sheet_names_and_other_extensions_keep_the_event_settings(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str) -> None:
    def lower_case(workbook: Workbook) -> None:
        for sheet in workbook.worksheets:
            sheet.title = sheet.title.lower()

    edited = edited_sample(tmp_path, lower_case)
    path = edited.rename(edited.with_suffix(suffix))
    status, said, event_file = import_into(tmp_path, [path], capsys)
    assert status == 0, said
    assert len(stored(event_file)) == 60
    store = EventStore.open(event_file, read_only=True)
    settings = store.settings()
    store.close()
    assert (settings.name, settings.slot_count) == ("Arctic B2B Days, Tromsø", 12)


def test_requests_naming_unknown_ids_say_so_once_per_id(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def unknown(workbook: Workbook) -> None:
        for row in (2, 5, 9):
            workbook["Requests"].cell(row, 2).value = "P0999"

    status, said = run(["schedule", str(edited_sample(tmp_path, unknown)), "-o",
                        str(tmp_path / "o.xlsx")], capsys)
    assert status == 2
    assert said.count("P0999") == 1 and "rows 2, 5, 9" in said


def test_a_stale_dimension_does_not_hide_people(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """openpyxl's read-only mode stops at the <dimension> a tool wrote: half the people
    were lost without a word."""
    source = sample("arctic-60.xlsx")
    stale = tmp_path / "stale.xlsx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(stale, "w") as target:
        for item in original.infolist():
            data = original.read(item.filename)
            if item.filename == "xl/worksheets/sheet2.xml":  # the Attendees sheet
                data = data.replace(b'<dimension ref="A1:L61" />', b'<dimension ref="A1:L31" />')
            target.writestr(item, data)
    assert b"A1:L31" in zipfile.ZipFile(stale).read("xl/worksheets/sheet2.xml")
    status, said, event_file = import_into(tmp_path, [stale], capsys)
    assert status == 0, said
    assert len(stored(event_file)) == 60


def test_a_header_row_without_people_stops(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_csv(tmp_path / "empty.csv", [["Name", "Company", "Email", "Must meet"]])
    status, said = run(["schedule", str(path), "-o", str(tmp_path / "o.xlsx")], capsys)
    assert status == 2 and "no people" in said


# -- what a form tool wrote into the CSV --------------------------------------------------------

def test_a_csv_mixing_two_encodings_reads_every_name_right(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "merged.csv"
    path.write_bytes("Navn;E-post;Må møte\r\n".encode()
                     + "Håkon Bø;hakon@bo.no;Åsa Öberg\r\n".encode()
                     + "Åsa Öberg;asa@oberg.se;Håkon Bø\r\n".encode("cp1252"))
    status, said, event_file = import_into(tmp_path, [path], capsys)
    assert status == 0, said
    assert {a.name for a in stored(event_file).values()} == {"Håkon Bø", "Åsa Öberg"}
    assert "mixes two text encodings" in said


def test_a_quote_that_does_not_pair_up_is_an_error_of_its_row(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "quotes.csv"
    path.write_text('Name,Company,Email,Must meet\n'
                    '"Kari Nordmann,Fisk AS,kari@fisk.no,"Polar AB, Oulu Oy"\n'
                    'Sven Svensson,Polar AB,sven@polar.se,\n'
                    'Tuomas Virtanen,Oulu Oy,tuomas@oulu.fi,"Fisk AS, Polar AB"\n',
                    encoding="utf-8")
    status, said = run(["schedule", str(path), "-o", str(tmp_path / "o.xlsx")], capsys)
    assert status == 2
    assert "quotes.csv, sheet 'quotes', row 2: a quote (\") in this row does not pair up" in said


def test_a_field_of_a_megabyte_is_refused_with_its_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "big.csv"
    path.write_text("Name,Email,Notes\nKari,kari@fisk.no,\"" + "x" * 1_000_000 + "\"\n",
                    encoding="utf-8")
    status, said = run(["schedule", str(path), "-o", str(tmp_path / "o.xlsx")], capsys)
    assert status == 2 and "big.csv" in said and "line 2" in said


# -- numbers past any sense ----------------------------------------------------------------------

@pytest.mark.parametrize("maximum", [10**20, 1e300, "99999999999999999999", "1e300", "-3"])
def test_an_absurd_number_of_meetings_is_an_error_not_a_crash(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], maximum: object) -> None:
    path = edited_sample(tmp_path, lambda w: w["Attendees"].cell(3, 12, maximum))
    status, said = run(["schedule", str(path), "-o", str(tmp_path / "o.xlsx")], capsys)
    assert status == 2
    assert "sheet 'Attendees', row 3, column 'Max meetings'" in said


@pytest.mark.parametrize(("key", "value"), [("Tables", 100_000_000), ("Slots", 10**12),
                                             ("Slot minutes", 1e300)])
def test_an_absurd_event_setting_is_refused_before_anything_is_built(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], key: str, value: object) -> None:
    row = {"Tables": 8, "Slots": 6, "Slot minutes": 5}[key]
    path = edited_sample(tmp_path, lambda w: w["Event"].cell(row, 2, value))
    status, said = run(["schedule", str(path), "-o", str(tmp_path / "o.xlsx")], capsys)
    assert status == 2 and f"sheet 'Event', row {row}, column 'Value'" in said


# -- files that are not what they seem ------------------------------------------------------------

def _zip_bomb(tmp_path: Path) -> Path:
    """A small .xlsx whose sheet unpacks to half a gigabyte of XML."""
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(sample("arctic-60.xlsx")) as original, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bomb:
        for item in original.infolist():
            if item.filename == "xl/worksheets/sheet2.xml":
                with bomb.open(item.filename, "w", force_zip64=True) as stream:
                    chunk = b" " * (1 << 20)
                    for _ in range(500):
                        stream.write(chunk)
            else:
                bomb.writestr(item, original.read(item.filename))
    return path


def _password_protected(tmp_path: Path) -> Path:
    """What Excel writes for a workbook with a password: an OLE container holding an
    'EncryptedPackage' stream (the name in UTF-16, as in its directory)."""
    path = tmp_path / "locked.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
                     + "EncryptionInfo".encode("utf-16-le") + bytes(50)
                     + "EncryptedPackage".encode("utf-16-le") + bytes(2000))
    return path


def _old_xls(tmp_path: Path) -> Path:
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
                     + "Workbook".encode("utf-16-le") + bytes(2000))
    return path


def _renamed_ods(tmp_path: Path) -> Path:
    path = tmp_path / "registrations.xlsx"
    with zipfile.ZipFile(path, "w") as ods:
        ods.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        ods.writestr("content.xml", "<office:document-content/>")
    return path


def _far_row(tmp_path: Path) -> Path:
    """A sheet with a cell far below any registration: millions of rows to read."""
    workbook = load_workbook(sample("arctic-60.xlsx"))
    workbook["Attendees"].cell(400_000, 1, "x")
    path = tmp_path / "long.xlsx"
    workbook.save(path)
    return path


@pytest.mark.parametrize(("make", "says"), [
    (_zip_bomb, r"unpacks to \d+ MB"),
    (_password_protected, r"password-protected.*remove the password"),
    (_old_xls, r"Excel 97–2003 workbook \(\.xls\).*save it as an Excel workbook \(\.xlsx\)"),
    (_renamed_ods, r"OpenDocument spreadsheet.*Save As → Excel"),
    (_far_row, r"sheet 'Attendees'.*more than 250,000 rows"),
])
def test_a_file_that_is_not_what_it_seems_is_refused_with_what_to_do(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], make: Callable[[Path], Path],
        says: str) -> None:
    path = make(tmp_path)
    status, said = run(["schedule", str(path), "-o", str(tmp_path / "o.xlsx")], capsys)
    assert status == 2
    assert path.name in said and re.search(says, said), said


def test_the_report_is_written_for_the_apps_own_workbook_too(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "report.xlsx"
    status, said = run(["schedule", str(sample("arctic-60.xlsx")), "-o",
                        str(tmp_path / "o.xlsx"), "--time-limit", "2", "--report", str(report)],
                       capsys)
    assert status == 0, said
    columns = list(load_workbook(report)["Columns"].iter_rows(min_row=2, values_only=True))
    assert ("arctic-60.xlsx: Attendees", "J", "Available from", "Available from") in [
        row[:4] for row in columns]


# -- what the app writes back ---------------------------------------------------------------------

HOSTILE = ["=HYPERLINK(\"http://evil.example\",\"Click\")", "=cmd|' /C calc'!A0",
           "+1+1", "-2+3", "@SUM(1)", "\t=1", "\r=1"]


def test_text_that_looks_like_a_formula_is_written_back_as_text(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [["Name", "Company", "Email", "Must meet", "Notes"]]
    for i, hostile in enumerate(HOSTILE):
        rows.append([f"Person {i}", hostile, f"p{i}@x.no", f"Person {(i + 1) % len(HOSTILE)}",
                     hostile])
    rows.append(["=1+2", "Fisk AS", "sum@x.no", "Person 0", ""])
    path = write_csv(tmp_path / "hostile.csv", rows, ";")
    out, report = tmp_path / "schedule.xlsx", tmp_path / "report.xlsx"
    status, said = run(["schedule", str(path), "-o", str(out), "--slots", "4", "--tables", "4",
                        "--time-limit", "3", "--report", str(report)], capsys)
    assert status == 0, said
    for written in (out, report):
        workbook = load_workbook(written)
        formulas = [f"{sheet.title}!{cell.coordinate}" for sheet in workbook.worksheets
                    for row in sheet.iter_rows() for cell in row if cell.data_type == "f"]
        assert formulas == [], written.name
    texts = {cell.value for sheet in load_workbook(out).worksheets
             for row in sheet.iter_rows() for cell in row}
    assert {"=cmd|' /C calc'!A0", "=1+2"} <= texts  # the words typed, as text


# -- questions, on the command line ------------------------------------------------------------

def test_an_unknown_column_of_times_stops_and_column_settles_it_for_good(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [["Navn", "E-post", "Når passer det?", "Må møte"],
            ["Kari Nordmann", "kari@fisk.no", "10.20", "Ola Lie"],
            ["Ola Lie", "ola@lie.no", "09.40", ""], ["Per Berg", "per@berg.no", "", "Kari"]]
    path = write_csv(tmp_path / "skjema.csv", rows, ";")
    status, said, event_file = import_into(tmp_path, [path], capsys)
    assert status == 2 and not event_file.exists()
    assert "skjema.csv, sheet 'skjema', column C 'Når passer det?' (first values: 10.20 · " \
        "09.40): looks like clock times" in said
    assert '--column "Når passer det?=available_from" (or available_until, available)' in said

    status, said, event_file = import_into(tmp_path, [path], capsys,
                                           "--column", "Når passer det?=available_from")
    assert status == 0, said
    assert stored(event_file)["kari@fisk.no"].available_from == 620
    # The answer is kept in the event file: the next file from the same form is not asked.
    rows.append(["Anna Berg", "anna@berg.se", "11.00", ""])
    status, said, event_file = import_into(tmp_path, [write_csv(path, rows, ";")], capsys)
    assert status == 0, said
    assert stored(event_file)["anna@berg.se"].available_from == 660


def test_a_column_can_be_left_out_and_an_unknown_field_is_explained(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [["Navn", "E-post", "Når passer det?"], ["Kari Nordmann", "kari@fisk.no", "10.20"],
            ["Ola Lie", "ola@lie.no", "9.40"]]
    path = write_csv(tmp_path / "skjema.csv", rows, ";")
    status, said, event_file = import_into(tmp_path, [path], capsys,
                                           "--column", "Når passer det?=ignore")
    assert status == 0, said
    assert stored(event_file)["kari@fisk.no"].available_from is None
    status, said, _ = import_into(tmp_path / "x", [path], capsys, "--column", "Når=arrival")
    assert status == 2 and "where FIELD is one of" in said and "available_from" in said
