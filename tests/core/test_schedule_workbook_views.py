"""The schedule workbook's views read back: Grid, Agendas, Tables, Unmet and Summary agree
with the schedule in the event file, and the Summary's figures with the independent referee."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from nbl_desktop.core.event import EventData
from nbl_desktop.core.exporting.schedule_workbook import write_schedule_workbook
from nbl_desktop.core.i18n import LANGUAGES, catalog
from nbl_desktop.core.parties import parties_of
from nbl_desktop.core.schedule_figures import schedule_figures
from nbl_desktop.core.slot_grid import slot_times
from nbl_desktop.core.store import EventStore
from tests.conftest import run_referee, sample


@pytest.fixture(scope="module")
def exported(scheduled_event_file: Path,
             tmp_path_factory: pytest.TempPathFactory) -> tuple[EventData, Path]:
    event = EventStore.open(scheduled_event_file).load()
    path = tmp_path_factory.mktemp("workbook") / "schedule.xlsx"
    write_schedule_workbook(event, path)
    return event, path


def _rows(sheet: Worksheet) -> list[tuple[object, ...]]:
    return list(sheet.iter_rows(values_only=True))


def test_the_grid_has_both_parties_in_the_cell_of_each_meeting(
        exported: tuple[EventData, Path]) -> None:
    event, path = exported
    sheet = load_workbook(path)["Grid"]
    rows = _rows(sheet)
    labels = event.settings.table_labels
    assert rows[0] == ("Start", "End", *labels)
    slots = slot_times(event.settings)
    assert [r[0] for r in rows[1:]] == [dt.time(s.start // 60, s.start % 60) for s in slots]
    expected = {(m.slot, m.table): f"{event.attendee(m.a).name}\n{event.attendee(m.b).name}"
                for m in event.meetings}
    found = {(r, t): value for r, row in enumerate(rows[1:]) for t, value in enumerate(row[2:])
             if value is not None}
    assert found == expected
    assert sheet.freeze_panes == "C2" and sheet.page_setup.orientation == "landscape"
    assert sheet.print_title_rows == "$1:$1" and sheet["C1"].font.bold
    assert sheet["A2"].number_format == "HH:MM"


def test_agendas_are_one_block_and_one_printed_page_per_attendee(
        exported: tuple[EventData, Path]) -> None:
    event, path = exported
    sheet = load_workbook(path)["Agendas"]
    rows = _rows(sheet)
    assert len(sheet.row_breaks.brk) == len(event.attendees)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth == 1
    assert sheet.print_title_rows == "$1:$1"
    lead = parties_of(event.attendees).lead_of
    # Each block's headings are in its reader's language: "Start", "Alku" …
    starts = {catalog(language).gettext("Start") for language in LANGUAGES}
    block_starts = [i for i, r in enumerate(rows) if r[0] in starts]
    assert len(block_starts) == len(event.attendees)
    for person, start in zip(event.attendees, block_starts, strict=True):
        assert rows[start - 2][0] == person.name
        end = next((s for s in block_starts if s > start), len(rows))
        partners = sorted(str(r[3]) for r in rows[start + 1:end]
                          if r[2] is not None and isinstance(r[0], dt.time))
        expected = sorted(event.attendee(m.b if m.a == lead[person.id] else m.a).name
                          for m in event.meetings if lead[person.id] in (m.a, m.b))
        assert partners == expected, person.id
    norwegian = next(a for a in event.attendees if a.language == "nb")
    header = rows[block_starts[[a.id for a in event.attendees].index(norwegian.id)]]
    assert header[2:4] == ("Bord", "Møte med")


def test_tables_are_one_block_per_table(exported: tuple[EventData, Path]) -> None:
    event, path = exported
    sheet = load_workbook(path)["Tables"]
    rows = _rows(sheet)
    assert len(sheet.row_breaks.brk) == len(event.settings.table_labels)
    meetings = sorted((r[2], r[4]) for r in rows if isinstance(r[0], dt.time) and r[4])
    assert meetings == sorted((event.attendee(m.a).name, event.attendee(m.b).name)
                              for m in event.meetings)


def test_unmet_lists_each_unmet_wish_with_its_reason(exported: tuple[EventData, Path]) -> None:
    event, path = exported
    rows = _rows(load_workbook(path)["Unmet"])
    figures = schedule_figures(event)
    assert rows[0] == ("Requester ID", "Requester", "Requested ID", "Requested", "Priority",
                       "Reason")
    assert [(r[0], r[2], r[5]) for r in rows[1:]] == [
        (w.requester, w.requested, w.reason) for w in figures.unmet]
    assert len(rows) > 1 and all(r[5] for r in rows[1:])


def test_the_summary_agrees_with_the_independent_referee(
        exported: tuple[EventData, Path]) -> None:
    event, path = exported
    rows = _rows(load_workbook(path)["Summary"])
    figures = {r[0]: r[1] for r in rows if r and r[0]}
    referee = run_referee(sample("arctic-60.json"), path)
    assert referee["violations"] == "0"
    assert figures["Meetings"] == int(referee["meetings"]) == len(event.meetings)
    assert figures["Value (wish weights met)"] == int(referee["value"])
    assert f"{figures['Must-meets met']}/{figures['Must-meets asked for']}" == referee["must"]
    assert figures["Idle slots between meetings"] == int(referee["idle_gaps"])
    assert figures["People with wishes but no meeting"] == int(
        referee["zero_meeting_requesters"])
    assert figures["Value (wish weights met)"] <= figures["Proven bound on value (LP relaxation)"]
    pair_rows = rows[rows.index(("Countries", "Meetings")) + 1:]
    assert sum(int(n) for _, n in pair_rows) == len(event.meetings)
    cross = sum(int(n) for pair, n in pair_rows if pair.split("–")[0] != pair.split("–")[1])
    assert figures["Cross-border meetings"] == cross
