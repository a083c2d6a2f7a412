"""Read the canonical registration workbook (see `registration_form`) into an event.

Every problem is collected, each naming file, sheet, row and column, and all
are raised together as one InputError, so the organizer fixes the sheet once.
Things that are accepted but worth knowing (a request listed twice) come
back as notes.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook.workbook import Workbook

from nbl_desktop.core import registration_form as form
from nbl_desktop.core.clock import parse_clock
from nbl_desktop.core.errors import InputError, InputProblem
from nbl_desktop.core.event import (
    AttendeeRecord,
    EventData,
    EventSettings,
    ExclusionRecord,
    RequestRecord,
)
from nbl_desktop.core.slot_grid import slot_times

MINUTES_PER_DAY = 24 * 60


@dataclass
class ImportOutcome:
    """The imported event and notes on what was accepted with a change."""

    event: EventData
    notes: list[InputProblem] = field(default_factory=list)


@dataclass
class _Reader:
    """Holds the file and the problems found so far while reading one workbook."""

    path: Path
    problems: list[InputProblem] = field(default_factory=list)
    notes: list[InputProblem] = field(default_factory=list)

    def problem(self, message: str, sheet: str | None = None, row: int | None = None,
                column: str | None = None) -> None:
        self.problems.append(InputProblem(self.path, message, sheet, row, column))

    def note(self, message: str, sheet: str, row: int, column: str | None = None) -> None:
        self.notes.append(InputProblem(self.path, message, sheet, row, column))


def read_registration_workbook(path: Path) -> ImportOutcome:
    """The event in the workbook at `path`, or InputError listing every problem."""
    path = Path(path)
    reader = _Reader(path)
    workbook = _open_workbook(reader)
    missing = [s.name for s in form.SHEETS if s.required and s.name not in workbook.sheetnames]
    for name in missing:
        reader.problem(
            f"the sheet '{name}' is missing (the workbook has: "
            f"{', '.join(workbook.sheetnames)}); use `nbl-desktop template` for the form",
            sheet=name,
        )
    if missing:
        raise InputError(reader.problems)

    settings = _read_event_sheet(reader, workbook)
    attendees = _read_attendees(reader, workbook)
    known = {a.id for a in attendees}
    requests = _read_requests(reader, workbook, known)
    exclusions = _read_exclusions(reader, workbook, known)
    if reader.problems:
        raise InputError(reader.problems)
    assert settings is not None
    event = EventData(settings, tuple(attendees), tuple(requests), tuple(exclusions))
    return ImportOutcome(event, reader.notes)


def _open_workbook(reader: _Reader) -> Workbook:
    if not reader.path.exists():
        reader.problem("the file does not exist; check the name and folder")
        raise InputError(reader.problems)
    try:
        return load_workbook(reader.path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        reader.problem(
            f"this is not an Excel workbook that can be read ({type(exc).__name__}); "
            "save it from Excel as .xlsx and try again"
        )
        raise InputError(reader.problems) from exc


# -- generic sheet reading ----------------------------------------------------


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def _table_rows(
    reader: _Reader, workbook: Workbook, sheet: form.FormSheet
) -> list[tuple[int, dict[str, Any]]]:
    """(Excel row number, {header: value}) for each non-blank row under the header."""
    rows = workbook[sheet.name].iter_rows(values_only=True)
    header_row = next(rows, None) or ()
    headers = {_text(h).casefold(): i for i, h in enumerate(header_row) if _text(h)}
    missing = [c.header for c in sheet.columns if c.required and c.header.casefold() not in headers]
    for header in missing:
        reader.problem(
            f"the column '{header}' is missing from the header row (row 1)",
            sheet=sheet.name, row=1, column=header,
        )
    if missing:
        return []
    index = {c.header: headers.get(c.header.casefold()) for c in sheet.columns}
    result = []
    for row_number, row in enumerate(rows, start=2):
        if row is None or all(_text(v) == "" for v in row):
            continue
        result.append(
            (row_number, {h: (row[i] if i is not None and i < len(row) else None)
                          for h, i in index.items()})
        )
    return result


def _whole_number(reader: _Reader, value: Any, sheet: str, row: int, column: str,
                  minimum: int) -> int | None:
    text = _text(value)
    try:
        number = int(text)
    except ValueError:
        number = None
    if number is None or number < minimum:
        reader.problem(f"{text!r} is not a whole number of at least {minimum}", sheet, row, column)
        return None
    return number


def _clock(reader: _Reader, value: Any, sheet: str, row: int, column: str) -> int | None:
    try:
        return parse_clock(value)
    except ValueError as exc:
        reader.problem(str(exc), sheet, row, column)
        return None


# -- the four sheets -----------------------------------------------------------


def _read_event_sheet(reader: _Reader, workbook: Workbook) -> EventSettings | None:
    sheet = form.EVENT_SHEET
    values: dict[str, tuple[int, Any]] = {}
    for row_number, row in enumerate(workbook[sheet].iter_rows(values_only=True), start=1):
        if row and _text(row[0]):
            values[_text(row[0]).casefold()] = (row_number, row[1] if len(row) > 1 else None)
    for key in form.EVENT_KEYS:
        if not key.required:
            continue
        if key.header.casefold() not in values:
            reader.problem(f"the key '{key.header}' is missing; add a row with '{key.header}' "
                           f"in column A and its value in column B ({key.help})", sheet)
        elif _text(values[key.header.casefold()][1]) == "":
            reader.problem(f"the key '{key.header}' has no value ({key.help})",
                           sheet, values[key.header.casefold()][0], "Value")

    def get(key: str) -> tuple[int, Any]:
        return values.get(key.casefold(), (0, None))

    if reader.problems:
        return None
    start = _clock(reader, get(form.START)[1], sheet, get(form.START)[0], "Value")
    slot_minutes = _whole_number(reader, get(form.SLOT_MINUTES)[1], sheet,
                                 get(form.SLOT_MINUTES)[0], "Value", 1)
    slot_count = _whole_number(reader, get(form.SLOTS)[1], sheet, get(form.SLOTS)[0], "Value", 1)
    tables = _whole_number(reader, get(form.TABLES)[1], sheet, get(form.TABLES)[0], "Value", 1)
    breaks = _breaks(reader, get(form.BREAKS)[1], get(form.BREAKS)[0])
    if None in (start, slot_minutes, slot_count, tables, breaks):
        return None
    assert start is not None and slot_minutes is not None and slot_count is not None
    assert tables is not None and breaks is not None
    settings = EventSettings(
        name=_text(get(form.EVENT_NAME)[1]),
        date=_text(get(form.DATE)[1]),
        start_minute=start,
        slot_minutes=slot_minutes,
        slot_count=slot_count,
        breaks=breaks,
        table_labels=tuple(str(i) for i in range(1, tables + 1)),
    )
    if slot_times(settings)[-1].end > MINUTES_PER_DAY:
        reader.problem(
            f"{slot_count} slots of {slot_minutes} minutes do not fit before midnight; "
            "use fewer or shorter slots", sheet, get(form.SLOTS)[0], "Value")
        return None
    return settings


def _breaks(reader: _Reader, value: Any, row: int) -> tuple[tuple[int, int], ...] | None:
    breaks = []
    for part in _text(value).replace(",", ";").split(";"):
        if not part.strip():
            continue
        start_text, _, end_text = part.partition("-")
        try:
            start, end = parse_clock(start_text), parse_clock(end_text)
        except ValueError:
            reader.problem(f"{part.strip()!r} is not a break; write it as HH:MM-HH:MM, "
                           "e.g. 11:00-12:00", form.EVENT_SHEET, row, "Value")
            return None
        if end <= start:
            reader.problem(f"the break {part.strip()!r} ends before it starts",
                           form.EVENT_SHEET, row, "Value")
            return None
        breaks.append((start, end))
    return tuple(sorted(breaks))


def _read_attendees(reader: _Reader, workbook: Workbook) -> list[AttendeeRecord]:
    sheet = form.ATTENDEES_SHEET
    attendees: dict[str, AttendeeRecord] = {}
    first_row: dict[str, int] = {}
    for row, cells in _table_rows(reader, workbook, _form_sheet(sheet)):
        attendee_id, name = _text(cells["ID"]), _text(cells["Name"])
        if not attendee_id:
            reader.problem("the ID is empty; give every person a unique ID", sheet, row, "ID")
            continue
        if attendee_id in attendees:
            reader.problem(f"the ID {attendee_id!r} is already used in row "
                           f"{first_row[attendee_id]}; IDs must be unique", sheet, row, "ID")
            continue
        if not name:
            reader.problem("the name is empty", sheet, row, "Name")
        available_from = available_until = max_meetings = None
        if _text(cells["Available from"]):
            available_from = _clock(reader, cells["Available from"], sheet, row, "Available from")
        if _text(cells["Available until"]):
            available_until = _clock(reader, cells["Available until"], sheet, row,
                                     "Available until")
        if (available_from is not None and available_until is not None
                and available_until <= available_from):
            reader.problem("'Available until' is not after 'Available from'", sheet, row,
                           "Available until")
        if _text(cells["Max meetings"]):
            max_meetings = _whole_number(reader, cells["Max meetings"], sheet, row,
                                         "Max meetings", 0)
        first_row[attendee_id] = row
        attendees[attendee_id] = AttendeeRecord(
            id=attendee_id,
            name=name,
            organization=_text(cells["Organization"]),
            country=_text(cells["Country"]).upper(),
            email=_text(cells["Email"]),
            language=_text(cells["Language"]).lower(),
            sector=_text(cells["Sector"]),
            offers=_text(cells["Offers"]),
            seeks=_text(cells["Seeks"]),
            available_from=available_from,
            available_until=available_until,
            max_meetings=max_meetings,
        )
    return list(attendees.values())


def _form_sheet(name: str) -> form.FormSheet:
    return next(s for s in form.SHEETS if s.name == name)


def _known_id(reader: _Reader, known: set[str], value: Any, sheet: str, row: int,
              column: str) -> str | None:
    attendee_id = _text(value)
    if attendee_id not in known:
        what = "is empty" if not attendee_id else f"{attendee_id!r} is not an ID in 'Attendees'"
        reader.problem(f"the attendee ID {what}; use an ID from the Attendees sheet",
                       sheet, row, column)
        return None
    return attendee_id


def _read_requests(reader: _Reader, workbook: Workbook, known: set[str]) -> list[RequestRecord]:
    sheet = form.REQUESTS_SHEET
    requests: dict[tuple[str, str], RequestRecord] = {}
    for row, cells in _table_rows(reader, workbook, _form_sheet(sheet)):
        requester = _known_id(reader, known, cells["Requester ID"], sheet, row, "Requester ID")
        requested = _known_id(reader, known, cells["Requested ID"], sheet, row, "Requested ID")
        priority_text = _text(cells["Priority"])
        if priority_text not in ("1", "2", "3"):
            reader.problem(f"{priority_text!r} is not a priority; use 1 (nice), 2 (important) "
                           "or 3 (must meet)", sheet, row, "Priority")
            continue
        if requester is None or requested is None:
            continue
        if requester == requested:
            reader.problem(f"{requester} asks to meet themself", sheet, row, "Requested ID")
            continue
        priority = int(priority_text)
        earlier = requests.get((requester, requested))
        if earlier is not None:
            reader.note(f"{requester} asked for {requested} more than once; the highest "
                        "priority is kept", sheet, row, "Priority")
            priority = max(priority, earlier.priority)
        requests[(requester, requested)] = RequestRecord(requester, requested, priority)
    return list(requests.values())


def _read_exclusions(reader: _Reader, workbook: Workbook,
                     known: set[str]) -> list[ExclusionRecord]:
    sheet = form.EXCLUSIONS_SHEET
    if sheet not in workbook.sheetnames:
        return []
    exclusions: dict[tuple[str, str], ExclusionRecord] = {}
    for row, cells in _table_rows(reader, workbook, _form_sheet(sheet)):
        a = _known_id(reader, known, cells["Attendee ID"], sheet, row, "Attendee ID")
        b = _known_id(reader, known, cells["Other ID"], sheet, row, "Other ID")
        if a is None or b is None:
            continue
        if a == b:
            reader.problem("a person cannot be excluded from themself", sheet, row, "Other ID")
            continue
        key = (min(a, b), max(a, b))
        exclusions[key] = ExclusionRecord(*key)
    return list(exclusions.values())
