"""Registration files in any layout: real csv and xlsx files written here and read back."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from nbl_desktop.cli import main
from nbl_desktop.core.errors import InputError
from nbl_desktop.core.event import EventSettings
from nbl_desktop.core.importing.import_report import write_report_workbook
from nbl_desktop.core.importing.reader import import_registrations
from nbl_desktop.core.store import EventStore
from tests.workbooks import write_csv

SETTINGS = EventSettings(name="Test day", slot_count=6, table_labels=("1", "2", "3"))

NORWEGIAN = [
    ["Påmelding Barents B2B 2027"],
    [],
    ["Fornavn", "Etternavn", "Bedrift", "E-postadresse", "Land", "Tilgjengelig fra",
     "Må møte", "Ønsker å møte", "Vil ikke møte"],
    ["Kari", "Nordmann", "Fisk AS", "kari@fisk.no", "Norge", "kl. 9.40",
     "Polar Logistics AB", "Tuomas Virtanen", ""],
    ["Sven", "Svensson", "Polar Logistics AB", "sven@polar.se", "Sverige", "09:00", "", "Fisk",
     ""],
    ["Tuomas", "Virtanen", "Oulu Tech Oy", "tuomas@oulu.fi", "Suomi", "", "Fisk AS\nPolar Logistcs",
     "Nobody Known", "Sven Svensson"],
]


@pytest.mark.parametrize(("delimiter", "encoding"), [(";", "cp1252"), (",", "utf-8-sig"),
                                                     ("\t", "utf-8")])
def test_a_norwegian_csv_with_a_title_row_imports_in_any_encoding_and_delimiter(
        tmp_path: Path, delimiter: str, encoding: str) -> None:
    path = write_csv(tmp_path / "påmelding.csv", NORWEGIAN, delimiter, encoding)
    imported = import_registrations([path], SETTINGS)
    people = {a.email: a for a in imported.event.attendees}
    assert set(people) == {"kari@fisk.no", "sven@polar.se", "tuomas@oulu.fi"}
    kari = people["kari@fisk.no"]
    assert (kari.name, kari.organization, kari.country, kari.available_from) == (
        "Kari Nordmann", "Fisk AS", "NO", 9 * 60 + 40)
    assert people["tuomas@oulu.fi"].country == "FI"
    requests = {(r.requester, r.requested): r.priority for r in imported.event.requests}
    assert requests == {
        ("kari@fisk.no", "sven@polar.se"): 3,  # must meet an organization: its one person
        ("kari@fisk.no", "tuomas@oulu.fi"): 2,
        ("sven@polar.se", "kari@fisk.no"): 2,  # "Fisk" without its legal form
        ("tuomas@oulu.fi", "kari@fisk.no"): 3,
        ("tuomas@oulu.fi", "sven@polar.se"): 3,  # "Polar Logistcs": a typo, matched fuzzily
    }
    assert [(e.a, e.b) for e in imported.event.exclusions] == [("sven@polar.se",
                                                                  "tuomas@oulu.fi")]
    [unmatched] = imported.report.skipped
    assert (unmatched.row, unmatched.column, unmatched.value) == (
        6, "Ønsker å møte", "Nobody Known")
    [contradiction] = [e for e in imported.report.entries if "never" in e.message]
    # Tuomas must meet Polar Logistics, whose Sven he will not meet: said, not scheduled.
    assert (contradiction.row, contradiction.column, contradiction.value) == (
        6, "Må møte", "sven@polar.se")
    assert "Tuomas Virtanen asks to meet Sven Svensson, but one of them asks never to meet " \
        "the other" in contradiction.message
    fuzzy = [e for e in imported.report.entries if "read as" in e.message]
    assert [e.value for e in fuzzy] == ["Polar Logistcs"]


@pytest.mark.parametrize(("headers", "language"), [
    (["Namn", "Företag", "E-postadress", "Land", "Måste träffa"], "sv"),
    (["Nimi", "Yritys", "Sähköposti", "Maa", "Pakko tavata"], "fi"),
    (["Full name", "Company name", "Email Address", "Country", "Must meet"], "en"),
])
def test_headers_in_swedish_finnish_and_english_are_recognized(
        tmp_path: Path, headers: list[str], language: str) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Registrations"])
    sheet.append(headers)
    sheet.append(["Anna Berg", "Luleå Stål AB", "Anna@Stal.se", "Ruotsi", "Ola Lie"])
    sheet.append(["Ola Lie", "Tromsø Fisk AS", "ola@fisk.no", "NO", ""])
    path = tmp_path / f"{language}.xlsx"
    workbook.save(path)
    imported = import_registrations([path], SETTINGS)
    assert {a.id: a.country for a in imported.event.attendees} == {
        "anna@stal.se": "SE", "ola@fisk.no": "NO"}
    assert [(r.requester, r.requested, r.priority) for r in imported.event.requests] == [
        ("anna@stal.se", "ola@fisk.no", 3)]
    assert imported.report.skipped == []


def test_two_people_of_the_same_name_are_not_guessed(tmp_path: Path) -> None:
    rows = [["Name", "Company", "Email", "Want to meet"],
            ["Anna Berg", "A AS", "anna@a.no", ""],
            ["Anna Berg", "B AB", "anna@b.se", ""],
            ["Ola Lie", "C Oy", "ola@c.fi", "Anna Berg"]]
    imported = import_registrations([write_csv(tmp_path / "r.csv", rows, ",", "utf-8")], SETTINGS)
    assert imported.event.requests == ()
    [entry] = imported.report.skipped
    assert entry.row == 4 and entry.value == "Anna Berg"
    assert "Anna Berg (A AS)" in entry.action and "Anna Berg (B AB)" in entry.action


def test_a_row_without_a_name_is_reported_not_dropped(tmp_path: Path) -> None:
    rows = [["Name", "Company", "Email"], ["", "Ghost AS", "ghost@x.no"],
            ["Ola Lie", "C Oy", "ola@c.fi"]]
    imported = import_registrations([write_csv(tmp_path / "r.csv", rows, ",", "utf-8")], SETTINGS)
    assert [a.name for a in imported.event.attendees] == ["Ola Lie"]
    [entry] = imported.report.skipped
    assert (entry.row, entry.column) == (2, "Name")


def test_a_separate_sheet_of_pairs_names_people_by_email_or_name(tmp_path: Path) -> None:
    workbook = Workbook()
    people = workbook.active
    assert people is not None
    people.title = "Deltakere"
    for row in (["Navn", "Bedrift", "E-post"], ["Kari Nordmann", "Fisk AS", "kari@fisk.no"],
                ["Sven Svensson", "Polar AB", "sven@polar.se"]):
        people.append(row)
    pairs = workbook.create_sheet("Ønsker")
    for row in (["Requester", "Requested", "Priority"], ["kari@fisk.no", "Polar", "must"],
                ["Sven Svensson", "Kari Nordmann", "7"]):
        pairs.append(row)
    path = tmp_path / "pairs.xlsx"
    workbook.save(path)
    imported = import_registrations([path], SETTINGS)
    assert [(r.requester, r.requested, r.priority) for r in imported.event.requests] == [
        ("kari@fisk.no", "sven@polar.se", 3)]
    [entry] = imported.report.skipped
    assert (entry.sheet, entry.row, entry.column, entry.value) == ("Ønsker", 3, "Priority", "7")


def test_the_report_workbook_lists_every_finding(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "påmelding.csv", NORWEGIAN, ";", "cp1252")
    imported = import_registrations([path], SETTINGS)
    write_report_workbook(imported.report, tmp_path / "report.xlsx")
    sheet = load_workbook(tmp_path / "report.xlsx")["Import report"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(imported.report.entries)
    assert ("påmelding.csv", "påmelding", 6, "Ønsker å møte", "Nobody Known",
            "not imported", "no") in [r[:7] for r in rows]


@pytest.mark.parametrize(("name", "content"), [
    ("renamed.xlsx", b"%PDF-1.4 not a workbook"),
    ("empty.csv", b""),
    ("noheader.csv", b"1;2;3\n4;5;6\n"),
])
def test_a_damaged_or_foreign_file_exits_2_with_a_message(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    status = main(["schedule", str(path), "-o", str(tmp_path / "out.xlsx"), "--slots", "4"])
    assert status == 2
    error = capsys.readouterr().err
    assert name in error and "Traceback" not in error


def test_schedule_on_a_csv_writes_the_resolved_wishes(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "påmelding.csv", NORWEGIAN, ";", "cp1252")
    out = tmp_path / "out.xlsx"
    status = main(["schedule", str(path), "-o", str(out), "--start", "9:00", "--slots", "6",
                   "--tables", "3", "--break", "10:00-10:20", "--time-limit", "5"])
    assert status == 0
    written = load_workbook(out)["Requests"]
    header = [c.value for c in written[1]]
    rows = [dict(zip(header, r, strict=False)) for r in written.iter_rows(min_row=2,
                                                                          values_only=True)]
    assert len(rows) == 5
    assert all("@" in str(next(iter(r.values()))) for r in rows)


def test_no_attendee_sheet_is_an_input_error(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "pairs.csv", [["Requester", "Requested"], ["a", "b"]], ",", "utf-8")
    with pytest.raises(InputError, match="no sheet lists people"):
        import_registrations([path], SETTINGS)


DELEGATION = [
    ["Navn", "Bedrift", "E-post", "Antall personer", "Bord", "Må møte"],
    ["Kari Nordmann", "Fisk AS", "kari@fisk.no", "", "", ""],
    ["Ola Lie", "Fisk AS", "ola@fisk.no", "to", "", "Fisk AS"],
    ["Anna Berg", "Luleå Stål AB", "anna@stal.se", "2", "Booth A", "Fisk AS"],
    ["Matti Virtanen", "Oulu Tech Oy", "matti@oulu.fi", "1", "", "Kari Nordmann; Ola Lie"],
]


def test_a_wish_for_an_organization_makes_its_people_one_delegation(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "r.csv", DELEGATION, ";", "cp1252")
    imported = import_registrations([path], SETTINGS)
    people = {a.id: a for a in imported.event.attendees}
    assert people["kari@fisk.no"].delegation == people["ola@fisk.no"].delegation == "Fisk AS"
    assert people["anna@stal.se"].delegation == "" and people["anna@stal.se"].party_size == 2
    assert people["anna@stal.se"].fixed_table == "Booth A"
    assert people["ola@fisk.no"].party_size == 2  # "to": two, in Norwegian
    requests = {(r.requester, r.requested) for r in imported.event.requests}
    assert requests == {("anna@stal.se", "kari@fisk.no"), ("matti@oulu.fi", "kari@fisk.no"),
                        ("matti@oulu.fi", "ola@fisk.no")}
    findings = {(e.row, e.column, e.value): e for e in imported.report.entries}
    assert "one delegation" in findings[(4, "Må møte", "Fisk AS")].message
    assert findings[(3, "Må møte", "Fisk AS")].skipped  # Ola named his own organization


def test_the_delegation_is_scheduled_as_one_meeting(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out, event_file = tmp_path / "out.xlsx", tmp_path / "day.nblevent"
    booth = write_csv(tmp_path / "booth.csv", DELEGATION, ",", "utf-8")
    assert main(["schedule", str(booth), "-o", str(out), "--slots", "4", "--tables", "3",
                 "--time-limit", "5"]) == 2
    assert "Anna Berg (anna@stal.se) has the fixed table 'Booth A'" in capsys.readouterr().err
    # Ola alone (not "to", two), so Anna's party and Fisk AS's fit at one table of 4.
    rows = [[*row[:3], "1" if row[3] == "to" else row[3], "2" if row[4] == "Booth A"
             else row[4], *row[5:]] for row in DELEGATION]
    path = write_csv(tmp_path / "r.csv", rows, ",", "utf-8")
    assert main(["schedule", str(path), "-o", str(out), "--slots", "4", "--tables", "3",
                 "--time-limit", "5", "--event-file", str(event_file)]) == 0
    store = EventStore.open(event_file, read_only=True)
    meetings = store.meetings()
    store.close()
    # Matti asked for Kari and for Ola: one meeting with their delegation, named by Kari.
    assert sorted((m.a, m.b) if m.a < m.b else (m.b, m.a) for m in meetings) == [
        ("anna@stal.se", "kari@fisk.no"), ("kari@fisk.no", "matti@oulu.fi")]
    assert [m.table for m in meetings if "anna@stal.se" in (m.a, m.b)] == [1]  # table "2"


def test_pick_list_labels_tell_namesakes_apart(tmp_path: Path) -> None:
    rows = [["Name", "Company", "Email", "Want to meet"],
            ["Erik Dahl", "Polar Data AB", "erik@polar.se", ""],
            ["Erik Dahl", "Polar Data Oy", "erik@polar.fi", ""],
            ["Aino Dahl", "Twins AS", "aino1@twins.no", ""],
            ["Aino Dahl", "Twins AS", "aino2@twins.no", ""],
            ["Ola Lie", "C Oy", "ola@c.fi",
             "Erik Dahl (Polar Data Oy); Erik Dal – Polar Data AB; Aino Dahl (Twins AS)"]]
    imported = import_registrations([write_csv(tmp_path / "r.csv", rows, ",", "utf-8")], SETTINGS)
    assert {r.requested for r in imported.event.requests} == {"erik@polar.fi", "erik@polar.se"}
    [namesakes] = imported.report.skipped
    assert namesakes.value == "Aino Dahl (Twins AS)"
    assert namesakes.action == ("write one of: Aino Dahl (Twins AS, aino1@twins.no); "
                                "Aino Dahl (Twins AS, aino2@twins.no)")


def test_an_unknown_country_is_kept_and_an_unknown_language_dropped_both_reported(
        tmp_path: Path) -> None:
    rows = [["Name", "Email", "Country", "Language"],
            ["Ola Lie", "ola@c.fi", "Atlantis", "Klingon"],
            ["Anna Berg", "anna@b.se", "Sverige", "svenska"]]
    imported = import_registrations([write_csv(tmp_path / "r.csv", rows, ",", "utf-8")], SETTINGS)
    people = {a.id: a for a in imported.event.attendees}
    assert (people["ola@c.fi"].country, people["ola@c.fi"].language) == ("Atlantis", "")
    assert (people["anna@b.se"].country, people["anna@b.se"].language) == ("SE", "sv")
    assert [(e.row, e.column, e.value, e.skipped) for e in imported.report.entries] == [
        (2, "Country", "Atlantis", False), (2, "Language", "Klingon", False)]
