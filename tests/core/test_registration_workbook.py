"""The app's own registration workbook: the samples, every optional column, and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from nbl_desktop.core.slot_grid import available_slots, slot_times
from tests.conftest import sample
from tests.workbooks import edited_sample, problems_of, read_workbook


@pytest.mark.parametrize("name", ["arctic-60", "arctic-300"])
def test_a_sample_imports_exactly_as_its_json_twin(name: str) -> None:
    twin = json.loads(sample(f"{name}.json").read_text(encoding="utf-8"))
    read = read_workbook(sample(f"{name}.xlsx"))
    event = read.event
    assert read.settings_given and not read.report.errors and not read.report.questions
    assert event.settings.name == twin["event"]["name"]
    assert event.settings.slot_count == twin["event"]["slots"]
    assert len(event.settings.table_labels) == twin["event"]["tables"]
    assert [a.id for a in event.attendees] == [a["id"] for a in twin["attendees"]]
    assert {(r.requester, r.requested, r.priority) for r in event.requests} == {
        tuple(r) for r in twin["requests"]
    }
    assert {frozenset((e.a, e.b)) for e in event.exclusions} == {
        frozenset(e) for e in twin["exclusions"]
    }
    # Clock-time availability maps onto the same slots as the twin's slot ranges.
    slots = slot_times(event.settings)
    for record, expected in zip(event.attendees, twin["attendees"], strict=True):
        first, end = expected["available"]
        assert available_slots(record, slots) == frozenset(range(first, end)), record.id
        assert record.max_meetings == expected["max_meetings"]


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    def spoil(workbook: Workbook) -> None:
        workbook["Requests"]["C2"] = 9
        workbook["Requests"]["B3"] = "P9999"
        workbook["Requests"]["B7"] = "P9999"
        workbook["Attendees"]["J4"] = "after lunch"

    found = problems_of(edited_sample(tmp_path, spoil))
    assert found == [
        "edited-arctic-60.xlsx, sheet 'Attendees', row 4, column 'Available from': "
        "'after lunch' is not a clock time; write the time as HH:MM or HH.MM, e.g. 09:40 "
        "(or a range such as 09:40-14:00)",
        "edited-arctic-60.xlsx, sheet 'Requests', row 2, column 'Priority': '9' is not a "
        "priority; write 1 (nice), 2 (important) or 3 (must meet)",
        # An ID that matches nobody is said once, with every row that uses it.
        "edited-arctic-60.xlsx, sheet 'Requests', row 3, column 'Requested ID': 'P9999': "
        "matches no attendee's ID, email or name (rows 3, 7); use an ID from the sheet of "
        "people, or add the person there",
    ]


def test_a_duplicate_request_keeps_the_higher_priority_and_says_so(tmp_path: Path) -> None:
    def repeat_first_request(workbook: Workbook) -> None:
        sheet = workbook["Requests"]
        sheet.append([sheet["A2"].value, sheet["B2"].value, 3])

    read = read_workbook(edited_sample(tmp_path, repeat_first_request))
    kept = [r for r in read.event.requests if (r.requester, r.requested) == ("P0001", "P0003")]
    assert [r.priority for r in kept] == [3]
    assert [e.message for e in read.report.entries] == [
        "asked for more than once; the highest priority is kept"]


def test_an_id_used_for_two_different_people_names_both_rows(tmp_path: Path) -> None:
    def duplicate(workbook: Workbook) -> None:
        workbook["Attendees"]["A3"] = "P0001"

    found = problems_of(edited_sample(tmp_path, duplicate))
    assert any("row 3, column 'ID': 'P0001': the ID is already used in Attendees row 2 "
               "(for " in p for p in found), found


def test_blank_rows_between_entries_are_skipped(tmp_path: Path) -> None:
    def blank_line(workbook: Workbook) -> None:
        workbook["Requests"].insert_rows(5, amount=2)

    assert len(read_workbook(edited_sample(tmp_path, blank_line)).event.requests) == 354
