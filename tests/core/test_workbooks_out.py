"""Exported workbooks, read back with openpyxl."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from nbl_desktop.core.event import (
    AttendeeRecord,
    EventData,
    EventSettings,
    MeetingRecord,
    RequestRecord,
)
from nbl_desktop.core.exporting.schedule_workbook import write_schedule_workbook
from nbl_desktop.core.exporting.template_workbook import write_template_workbook
from nbl_desktop.core.registration_form import SHEETS
from tests.workbooks import read_workbook

EVENT = EventData(
    EventSettings("Day", "2027-03-10", 540, 20, 4, ((580, 600),), ("1", "2")),
    attendees=(AttendeeRecord("P1", "Kari", "Fisk AS"), AttendeeRecord("P2", "Matti", "Oy"),
               AttendeeRecord("P3", "Anna", "AB")),
    requests=(RequestRecord("P1", "P2", 3), RequestRecord("P3", "P1", 1)),
    meetings=(MeetingRecord(2, 1, "P1", "P2", locked=True),),
)


def test_the_schedule_workbook_lists_meetings_and_request_status(tmp_path: Path) -> None:
    path = tmp_path / "schedule.xlsx"
    write_schedule_workbook(EVENT, path)
    workbook = load_workbook(path)
    meetings = list(workbook["Meetings"].iter_rows(values_only=True))
    assert meetings[0][:10] == ("Slot", "Start", "End", "Table", "Attendee A ID", "Attendee A",
                                "Organization A", "Attendee B ID", "Attendee B", "Organization B")
    # Slot 3 comes after the 09:40-10:00 break: 10:00-10:20, at the second table.
    assert meetings[1] == (3, "10:00", "10:20", "2", "P1", "Kari", "Fisk AS", "P2", "Matti",
                           "Oy", "yes")
    assert list(workbook["Requests"].iter_rows(values_only=True)) == [
        ("Requester ID", "Requested ID", "Priority", "Status"),
        ("P1", "P2", 3, "Scheduled"),
        ("P3", "P1", 1, "Not scheduled"),
    ]
    sheet = workbook["Meetings"]
    assert sheet.freeze_panes == "A2" and sheet["A1"].font.bold
    assert sheet.column_dimensions["F"].width >= len("Attendee A")


def test_the_template_has_every_form_sheet_and_an_instruction_sheet(tmp_path: Path) -> None:
    path = tmp_path / "blank.xlsx"
    write_template_workbook(path)
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["Instructions"] + [s.name for s in SHEETS]
    for form_sheet in SHEETS[1:]:
        headers = [c.value for c in workbook[form_sheet.name][1]]
        assert headers == [c.header for c in form_sheet.columns]


def test_a_filled_in_template_imports(tmp_path: Path) -> None:
    path = tmp_path / "blank.xlsx"
    write_template_workbook(path)
    workbook = load_workbook(path)
    workbook["Attendees"].append(["A1", "Kari", "Fisk AS", "NO"])
    workbook["Attendees"].append(["A2", "Anna", "Skog AB", "SE", None, None, None, None, None,
                                  "10:00"])
    workbook["Requests"].append(["A1", "A2", 2])
    workbook.save(path)
    event = read_workbook(path).event
    assert event.settings.name == "My B2B Day" and len(event.settings.table_labels) == 20
    assert [a.id for a in event.attendees] == ["A1", "A2"]
    assert event.attendees[1].available_from == 600
    assert [(r.requester, r.requested, r.priority) for r in event.requests] == [("A1", "A2", 2)]
