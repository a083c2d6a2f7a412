"""Read registration sheets into an event: the app's own workbook and every form tool's export.

One reader for every layout. Each sheet is an event sheet (key / value
settings, `event_sheet`), a sheet of people (with their wish lists), a
sheet of request pairs, a sheet of do-not-meet pairs, or not used; how each
column is read comes from `layout` and `fields`, the one mapping of headers
to fields. People get an ID from an ID column, else their email, else a
generated one; the same ID (or email) twice with the same name is a
re-submission that updates the earlier row, with another name it is a
mistake (an ID) or a second person sharing an address (an email). Wishes
are read by `wishes`. Every row is imported or named in the report, every
column is used or named there; a column the app does not know whose values
look like a field it has becomes a question (`column_questions`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from nbl_desktop.core.clock import format_clock
from nbl_desktop.core.errors import InputError, InputProblem
from nbl_desktop.core.event import (
    AttendeeRecord,
    EventData,
    EventSettings,
)
from nbl_desktop.core.i18n import N_, _, n_
from nbl_desktop.core.importing import cell_values
from nbl_desktop.core.importing.cell_values import BadValue
from nbl_desktop.core.importing.choices import SKIP_SHEET, ImportChoices, sheet_key
from nbl_desktop.core.importing.column_questions import ask_about_columns
from nbl_desktop.core.importing.event_sheet import is_event_sheet, read_event_sheet
from nbl_desktop.core.importing.fields import SheetKind
from nbl_desktop.core.importing.import_report import (
    ColumnReport,
    ImportReport,
    ReportEntry,
    Severity,
)
from nbl_desktop.core.importing.layout import (
    ColumnReading,
    SheetLayout,
    cells_of,
    column_letter,
    describe,
    detect_layout,
    first_values,
    fitted_to_values,
)
from nbl_desktop.core.importing.name_matching import NameIndex
from nbl_desktop.core.importing.raw_tables import RawSheet, cell_text, read_raw_sheets
from nbl_desktop.core.importing.vocabulary import COUNTRIES, LANGUAGES, normalize
from nbl_desktop.core.importing.wishes import WishReader

_GENERATED_ID = re.compile(r"^N\d{4,}$")
MAX_MEETINGS = 1_000  # far above any event's slots; more is a typo
MAX_PARTY = 50
_LONG_BEFORE = 3 * 60  # minutes before the first slot: an arrival time that early is a slip
_SAME_NAME = 85  # rapidfuzz ratio: "Kari Nordman" and "Kari Nordmann" are one person


def generated_id(number: int) -> str:
    """The ID of the `number`th person with neither an ID nor an email: N0001, N0002 …"""
    return f"N{number:04d}"


def is_generated_id(attendee_id: str) -> bool:
    """A row count, not an identity: the same ID in another file may be another person."""
    return _GENERATED_ID.match(attendee_id) is not None


@dataclass(frozen=True)
class RegistrationImport:
    """The imported event and the report. `settings_given`: a sheet of the files set the
    event's settings (else they are the ones passed in)."""

    event: EventData
    report: ImportReport
    settings_given: bool = False
    # (file, sheet, row) -> the ID of the person that row was read into
    rows_read: dict[tuple[Path, str, int], str] = field(default_factory=dict)
    layouts: tuple[SheetLayout, ...] = ()  # how each sheet was read, in the files' order


@dataclass(slots=True)
class Row:
    """A data row of a sheet, with the sheet's layout."""

    sheet: RawSheet
    layout: SheetLayout
    number: int
    values: tuple[Any, ...]

    def cell(self, reading: ColumnReading) -> Any:
        return cells_of(self.values, reading.column)


class _PeopleReader:
    """Reads the rows of people, one by one, into records; findings go to the report."""

    def __init__(self, report: ImportReport, known: Sequence[AttendeeRecord]) -> None:
        self.report = report
        self.known = {a.id: a for a in known}
        self.attendees: dict[str, AttendeeRecord] = {}
        self.first_row: dict[str, tuple[str, str]] = {}  # ID -> (where, name as first read)
        self.by_email: dict[str, str] = {}
        self.generated = 0
        self.rows_of: dict[str, list[Row]] = {}  # ID -> its rows (wishes read later)

    def entry(self, row: Row, reading: ColumnReading | None, value: Any, message: str,
              action: str, severity: Severity = Severity.NOTE,
              describes_value: bool = False) -> None:
        self.report.add(ReportEntry(row.sheet.file, row.sheet.name, row.number,
                                    reading.header if reading else None,
                                    "" if value is None else cell_text(value), message,
                                    action, severity, describes_value))

    def text(self, row: Row, name: str) -> tuple[str, ColumnReading | None]:
        """The first non-empty value among the columns read as `name` ("anonymous" is
        empty), and its column."""
        for reading in row.layout.readers_of(name):
            value = cell_text(row.cell(reading))
            if value and not cell_values.is_anonymous(value):
                return value, reading
        readers = row.layout.readers_of(name)
        return "", readers[0] if readers else None

    def read(self, row: Row) -> None:
        name, name_column = self.text(row, "name")
        if not name:
            first, _column = self.text(row, "first_name")
            last, _column = self.text(row, "last_name")
            name = " ".join(p for p in (first, last) if p)
            name_column = name_column or next(iter(row.layout.readers_of("first_name")), None)
        if not name:
            self.entry(row, name_column, None, _("the row has no name"),
                       _("add the person's name, or delete the row"), Severity.SKIPPED)
            return
        email, email_column = self.text(row, "email")
        email = email.casefold()
        if email and not cell_values.looks_like_email(email):
            self.entry(row, email_column, email, _("not an email address; kept as written"),
                       _("correct the address"), describes_value=True)
        given_id, id_column = self.text(row, "id")
        attendee_id = self.identity(row, given_id, id_column, email, name)
        if attendee_id is None:
            return
        availability = self.availability(row)
        record = AttendeeRecord(
            id=attendee_id, name=name, organization=self.text(row, "organization")[0],
            country=self.code(row, "country", COUNTRIES,
                              _("not a country this app knows; kept as written"),
                              _("write the country's name or its two-letter code"),
                              keep_unknown=True),
            email=email,
            language=self.code(row, "language", LANGUAGES,
                               _("not one of the agenda languages; English is used"),
                               _("write en, nb, sv or fi"), keep_unknown=False),
            sector=self.text(row, "sector")[0], offers=self.text(row, "offers")[0],
            seeks=self.text(row, "seeks")[0],
            available_from=availability[0], available_until=availability[1],
            max_meetings=self.whole(row, "max_meetings", 0, MAX_MEETINGS, _("meetings")),
            party_size=self.whole(row, "party_size", 1, MAX_PARTY, _("people")) or 1,
            fixed_table=self.table(row),
            delegation=self.text(row, "delegation")[0],
            notes=self.notes(row),
        )
        earlier = self.attendees.get(attendee_id)
        if earlier is not None:
            record = _merged(earlier, record)
        else:
            # Translators: where a person was first read, e.g. "Ark1 row 4"
            self.first_row[attendee_id] = (_("{sheet} row {row}").format(
                sheet=row.sheet.name, row=row.number), name)
        self.attendees[attendee_id] = record
        self.rows_of.setdefault(attendee_id, []).append(row)
        if email:
            self.by_email.setdefault(email, attendee_id)

    def identity(self, row: Row, given_id: str, id_column: ColumnReading | None, email: str,
                 name: str) -> str | None:
        """The person's ID; None (reported) when the row's ID belongs to someone else."""
        if given_id:
            if given_id in self.first_row and not _same_name(self.first_row[given_id][1], name):
                where, other = self.first_row[given_id]
                # Translators: {where} is "Ark1 row 4", {other} a person's name
                self.entry(row, id_column, given_id, _(
                    "the ID is already used in {where} (for {other}); IDs must be unique")
                    .format(where=where, other=other), _("give this person another ID"),
                    Severity.ERROR)
                return None
            if given_id in self.first_row:
                # Translators: {where} is where the person was first read, "Ark1 row 4"
                self.entry(row, id_column, given_id, _(
                    "the same person as {where}; this later row updates it").format(
                    where=self.first_row[given_id][0]),
                    _("nothing, if that is right; else give them different IDs"))
            return given_id
        if email:
            attendee_id = self.by_email.get(email, email)
            if attendee_id in self.first_row:
                where, other = self.first_row[attendee_id]
                email_column = next(iter(row.layout.readers_of("email")), None)
                if _same_name(other, name):
                    self.entry(row, email_column, email, _(
                        "the same person as {where}; this later row updates it").format(
                        where=where),
                        _("nothing, if that is right; else give them different emails or IDs"))
                    return attendee_id
                # Translators: {name} and {other} are people's names, {where} "Ark1 row 4"
                self.entry(row, email_column, email, _(
                    "{name} shares this email with {other} ({where}); imported as a separate "
                    "person").format(name=name, other=other, where=where),
                    _("nothing, if two people share the address"))
                return self.new_id()
            return email
        return self.new_id()

    def new_id(self) -> str:
        """The next generated ID that nobody in the files or the event has."""
        while True:
            self.generated += 1
            attendee_id = generated_id(self.generated)
            if attendee_id not in self.first_row and attendee_id not in self.known:
                return attendee_id

    def code(self, row: Row, name: str, codes: dict[str, str], unknown: str, action: str,
             keep_unknown: bool) -> str:
        """The code of the cell's country or language; an unknown one is reported."""
        value, reading = self.text(row, name)
        if not value:
            return ""
        code = codes.get(normalize(value))
        if code is None:
            self.entry(row, reading, value, unknown, action, describes_value=True)
            return value if keep_unknown else ""
        return code

    def availability(self, row: Row) -> tuple[int | None, int | None]:
        """(from, until): each from its own column, or both from a range in one cell."""
        start: int | None = None
        end: int | None = None
        for name in ("available", "available_from", "available_until"):
            for reading in row.layout.readers_of(name)[:1]:
                value = row.cell(reading)
                if cell_text(value) == "":
                    continue
                try:
                    span = cell_values.clock_or_range(value)
                except BadValue as exc:
                    self.entry(row, reading, value, exc.message, exc.action, Severity.ERROR,
                               exc.describes_value)
                    continue
                if span.side == "range":
                    start, end = span.start, span.end
                elif span.side == "from" or (span.side == "time" and name == "available_from"):
                    start = span.start
                elif span.side == "until":
                    end = span.end
                elif span.side == "time" and name == "available_until":
                    end = span.start
                elif span.side == "time":
                    self.entry(row, reading, value,
                               _("one time, where the column asks for from and until"),
                               _("write a range such as 10:00-14:00, or 'from 10:00' / "
                                 "'until 14:00'"), Severity.ERROR)
        if start is not None and end is not None and end <= start:
            readers = (row.layout.readers_of("available_until")
                       or row.layout.readers_of("available"))
            self.entry(row, readers[0] if readers else None, None,
                       _("available until is not after available from"),
                       _("check the two times"), Severity.ERROR)
            return None, None
        return start, end

    def whole(self, row: Row, name: str, minimum: int, maximum: int, what: str) -> int | None:
        value, reading = self.text(row, name)
        if value == "":
            return None
        raw = row.cell(reading) if reading is not None else value
        try:
            return cell_values.whole_number(raw, minimum, maximum, what)
        except BadValue as exc:
            self.entry(row, reading, value, exc.message, exc.action, Severity.ERROR,
                       exc.describes_value)
            return None

    def table(self, row: Row) -> str:
        value, _column = self.text(row, "fixed_table")
        if value.endswith(".0") and value[:-2].isdigit():
            value = value[:-2]
        return value

    def notes(self, row: Row) -> str:
        """Every notes column, one line each ("Header: text" when there are several)."""
        readers = row.layout.readers_of("notes")
        parts = []
        for reading in readers:
            value = cell_text(row.cell(reading))
            if value:
                parts.append(f"{reading.header}: {value}" if len(readers) > 1 else value)
        return "\n".join(parts)


def _same_name(a: str, b: str) -> bool:
    return fuzz.ratio(normalize(a), normalize(b)) >= _SAME_NAME


def _merged(earlier: AttendeeRecord, later: AttendeeRecord) -> AttendeeRecord:
    """The later row's values, keeping the earlier ones where the later row is empty."""
    defaults = AttendeeRecord(id="", name="")
    changes = {f.name: getattr(later, f.name) for f in fields(AttendeeRecord)
               if getattr(later, f.name) not in ("", None, getattr(defaults, f.name))}
    return replace(earlier, **changes)


def import_registrations(paths: Sequence[Path], settings: EventSettings,
                         known: Sequence[AttendeeRecord] = (),
                         choices: ImportChoices | None = None) -> RegistrationImport:
    """Read every file; InputError when a file cannot be read or nothing in it is people.

    Wish lists may also name `known` people (the event's, on a re-import).
    """
    raw = [sheet for path in paths for sheet in read_raw_sheets(Path(path))]
    return import_sheets(raw, settings, known, choices)


def import_sheets(raw: Sequence[RawSheet], settings: EventSettings,
                  known: Sequence[AttendeeRecord] = (),
                  choices: ImportChoices | None = None) -> RegistrationImport:
    """`import_registrations` on sheets already read (the import dialog reads files once)."""
    choices = choices or ImportChoices()
    report = ImportReport()
    settings, settings_given, layouts = _sheets(raw, settings, choices, report)
    _no_people(raw, layouts, known, report)
    people = _PeopleReader(report, known)
    for sheet, layout in layouts:
        if layout.kind is SheetKind.ATTENDEES:
            for row in _data_rows(sheet, layout, report):
                people.read(row)
    index = NameIndex([*people.attendees.values(),
                       *(a for a in known if a.id not in people.attendees)])
    wishes = WishReader(report, people.attendees, people.known, choices, index)
    for attendee_id, rows in people.rows_of.items():
        wishes.read_rows(rows, attendee_id)
    for sheet, layout in layouts:
        if layout.kind in (SheetKind.REQUESTS, SheetKind.EXCLUSIONS):
            for row in _data_rows(sheet, layout, report):
                wishes.read_pair(row)
    wishes.report_unknown_ids()
    wishes.report_contradictions()
    ask_about_columns(raw, layouts, report, index, people.rows_of)
    _check_day(people.attendees, settings, people.rows_of, report)
    event = EventData(settings, tuple(wishes.attendees.values()),
                      tuple(wishes.requests.values()), tuple(wishes.exclusions.values()))
    report.counts = {"attendees": len(event.attendees), "requests": len(event.requests),
                     "do-not-meet pairs": len(event.exclusions)}
    rows_read = {(row.sheet.file, row.sheet.name, row.number): attendee_id
                 for attendee_id, rows in people.rows_of.items() for row in rows}
    return RegistrationImport(event, report, settings_given, rows_read,
                              tuple(layout for _sheet, layout in layouts))


_KIND_TEXT = {SheetKind.ATTENDEES: N_("people"), SheetKind.REQUESTS: N_("wishes (pairs)"),
              SheetKind.EXCLUSIONS: N_("do-not-meet pairs"),
              SheetKind.EVENT: N_("event settings"), SheetKind.UNKNOWN: N_("not used")}


def _sheets(raw: Sequence[RawSheet], settings: EventSettings, choices: ImportChoices,
            report: ImportReport) -> tuple[EventSettings, bool, list[tuple[RawSheet,
                                                                           SheetLayout]]]:
    """Settings from an event sheet, and every other sheet's layout, reported."""
    layouts: list[tuple[RawSheet, SheetLayout]] = []
    problems: list[InputProblem] = []
    given = False
    for sheet in raw:
        key = sheet_key(sheet.file, sheet.name)
        skipped = choices.header_rows.get(key) == SKIP_SHEET
        if not skipped and key not in choices.header_rows and is_event_sheet(sheet):
            read = read_event_sheet(sheet)
            problems += read.problems
            if read.settings is not None and not given:
                settings, given = read.settings, True
            report.sheets[key] = _read_as(SheetKind.EVENT)
            for number, written in read.not_used:
                report.add(ReportEntry(sheet.file, sheet.name, number, "A", written,
                                       _("not an event setting the app knows; not used"),
                                       _("leave it, or write one of the keys the template "
                                         "lists"), describes_value=True))
            layouts.append((sheet, SheetLayout(SheetKind.EVENT)))
            continue
        layout = fitted_to_values(sheet, detect_layout(sheet, choices))
        layouts.append((sheet, layout))
        _report_layout(sheet, layout, skipped, report)
    if problems:
        raise InputError(problems)
    return settings, given, layouts


def _report_layout(sheet: RawSheet, layout: SheetLayout, skipped: bool,
                   report: ImportReport) -> None:
    key = sheet_key(sheet.file, sheet.name)
    if skipped:
        report.sheets[key] = _("not read, as you chose")
        report.add(ReportEntry(sheet.file, sheet.name, None, None, "",
                               _("the sheet is not read, as you chose"),
                               _("choose its header row in the import dialog to read it"),
                               Severity.SKIPPED))
        return
    if layout.kind is SheetKind.UNKNOWN:
        if not sheet.rows:
            report.sheets[key] = _("empty")
            return
        report.sheets[key] = _(_KIND_TEXT[SheetKind.UNKNOWN])
        count = len(sheet.rows)
        report.add(ReportEntry(
            sheet.file, sheet.name, None, None, "",
            n_("no header row with known columns (such as Name, Company, Email); its {count} "
               "rows are not used", "no header row with known columns (such as Name, Company, "
               "Email); its {count} rows are not used", count).format(count=count),
            _("name the columns in the first row, or choose the header row and what each "
              "column holds in the import dialog"), Severity.SKIPPED))
        return
    numbers = "–".join(map(str, layout.header_rows))
    count = len(layout.header_rows)
    if layout.tool:
        # Translators: {kind} is a kind of sheet ("people"), {rows} the header row's number
        # (or "1–2"), {tool} a form tool ("Microsoft Forms")
        text = n_("read as {kind}; header row {rows}, exported by {tool}",
                  "read as {kind}; header rows {rows}, exported by {tool}", count)
    else:
        # Translators: {kind} is a kind of sheet ("people"), {rows} the header row's number
        # (or "1–2")
        text = n_("read as {kind}; header row {rows}", "read as {kind}; header rows {rows}",
                  count)
    report.sheets[key] = text.format(kind=_(_KIND_TEXT[layout.kind]), rows=numbers,
                                     tool=layout.tool)
    columns = [ColumnReport(r.letter, r.header, r.field, describe(r),
                            first_values(sheet, layout, r.column), r.metadata)
               for r in layout.columns]
    headed = {r.column for r in layout.columns}
    width = max(headed, default=-1) + 1
    beyond = sorted({c for number, values in sheet.rows
                     if number > layout.header_row and (len(values) > width
                                                         or len(headed) < width)
                     for c, v in enumerate(values) if c not in headed and cell_text(v)})
    for column in beyond:  # values under no header: named, never silently dropped
        where = _("column {letter} (no header)").format(letter=column_letter(column))
        columns.append(ColumnReport(column_letter(column), "", None,
                                    f"{where} → " + _("not used"),
                                    first_values(sheet, layout, column)))
    report.columns[key] = columns
    above = [number for number, _values in sheet.rows if number < layout.header_rows[0]]
    if above:
        numbers = ", ".join(map(str, above[:5])) + (" …" if len(above) > 5 else "")
        # Translators: {rows} is "1, 2, 3" (with " …" after five)
        report.add(ReportEntry(sheet.file, sheet.name, above[0], None, "",
                               n_("row {rows} above the header row (a title or notes) not read",
                                  "rows {rows} above the header row (a title or notes) not read",
                                  len(above)).format(rows=numbers),
                               _("nothing, if that is right")))


def _read_as(kind: SheetKind) -> str:
    # Translators: {kind} is a kind of sheet, e.g. "event settings"
    return _("read as {kind}").format(kind=_(_KIND_TEXT[kind]))


def _no_people(raw: Sequence[RawSheet], layouts: list[tuple[RawSheet, SheetLayout]],
               known: Sequence[AttendeeRecord], report: ImportReport) -> None:
    """InputError when nothing lists people (and the event has none to wish for)."""
    if any(layout.kind is SheetKind.ATTENDEES for _sheet, layout in layouts):
        return
    if known and any(layout.kind in (SheetKind.REQUESTS, SheetKind.EXCLUSIONS)
                     for _sheet, layout in layouts):
        return  # wishes for people the event already has
    files = list(dict.fromkeys(sheet.file for sheet in raw))
    problems = []
    for path in files:
        # Translators: a sheet and what it holds: "'Ark1' (wishes (pairs))"
        found = [_("'{sheet}' ({kind})").format(sheet=sheet.name, kind=_(_KIND_TEXT[layout.kind]))
                 for sheet, layout in layouts if sheet.file == path]
        # Translators: 'Attendees' is the sheet name of the app's own workbook; the headers
        # (ID, Name, Organization) are those of its template
        message = _("no sheet lists people: there is no header row with a Name column (or "
                    "First and Last name); the file has {sheets}. Add a sheet 'Attendees' with "
                    "a header row (ID, Name, Organization …) and one row per person, or choose "
                    "the header row in the import dialog").format(sheets=", ".join(found)) \
            if found else _("no sheet lists people: there is no header row with a Name column "
                            "(or First and Last name). Add a sheet 'Attendees' with a header row "
                            "(ID, Name, Organization …) and one row per person, or choose the "
                            "header row in the import dialog")
        problems.append(InputProblem(path, message))
    raise InputError(problems)


def _data_rows(sheet: RawSheet, layout: SheetLayout, report: ImportReport) -> list[Row]:
    """The rows under the header; a row whose quotes do not pair up is reported, not read."""
    broken = {p.row: p for p in sheet.problems if p.broken}
    rows = []
    for number, values in sheet.rows:
        if number <= layout.header_row:
            continue
        problem = broken.get(number)
        if problem is not None:
            report.add(ReportEntry(sheet.file, sheet.name, number, None, "", problem.message,
                                   problem.action, Severity.ERROR))
            continue
        rows.append(Row(sheet, layout, number, values))
    for problem in sheet.problems:
        if not problem.broken:
            report.add(ReportEntry(sheet.file, sheet.name, problem.row, None, "",
                                   problem.message, problem.action))
    return rows


def _check_day(attendees: dict[str, AttendeeRecord], settings: EventSettings,
               rows_of: dict[str, list[Row]], report: ImportReport) -> None:
    """A person whose hours miss every slot of the day: said, never silently unmeetable."""
    from nbl_desktop.core.slot_grid import available_slots, slot_times

    slots = slot_times(settings)
    if not slots:
        return
    day_start = min(s.start for s in slots)
    for attendee_id, record in attendees.items():
        if record.available_from is None and record.available_until is None:
            continue
        row = rows_of[attendee_id][-1]
        if not available_slots(record, slots):
            report.add(ReportEntry(row.sheet.file, row.sheet.name, row.number, None, "",
                                   _("{name} is available at no slot of the day (the hours "
                                     "given miss every slot)").format(name=record.name),
                                   _("check the times, or the event's start and slots")))
        elif record.available_from is not None and \
                record.available_from < day_start - _LONG_BEFORE:
            report.add(ReportEntry(  # "1.25" is 01:25 as written, but hardly what was meant
                row.sheet.file, row.sheet.name, row.number, None,
                format_clock(record.available_from),
                # Translators: {time} and {first} are times of day, "01:25" and "09:00"
                _(
                    "{name} is available from {time}, hours before the first slot ({first}): "
                    "the whole day, as read").format(
                    name=record.name, time=format_clock(record.available_from),
                    first=format_clock(day_start)), _("check the time")))
