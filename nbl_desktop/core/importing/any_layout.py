"""Import registrations in whatever layout the form tool exported: xlsx or csv, four languages.

Every sheet is classified by its header row (`header_detection`): attendees
(with optional wish-list columns), request pairs, or do-not-meet pairs.
Attendees get an ID from an ID column, else their email, else a generated
one; the same ID or email twice means the later row updates the earlier.
Wished-for names are matched to people and organizations
(`name_matching`). Every row is imported or listed in the report with file,
sheet, row, column, value and what to do.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from nbl_desktop.core.clock import parse_clock
from nbl_desktop.core.errors import InputError, InputProblem
from nbl_desktop.core.event import (
    AttendeeRecord,
    EventData,
    EventSettings,
    ExclusionRecord,
    RequestRecord,
)
from nbl_desktop.core.importing.choices import SKIP_SHEET, ImportChoices, name_key, sheet_key
from nbl_desktop.core.importing.header_detection import ColumnMap, SheetKind, detect_columns
from nbl_desktop.core.importing.import_report import ImportReport, ReportEntry, UnresolvedName
from nbl_desktop.core.importing.name_matching import NameIndex
from nbl_desktop.core.importing.raw_tables import RawSheet, cell_text, read_raw_sheets
from nbl_desktop.core.importing.vocabulary import (
    COUNTRIES,
    LANGUAGES,
    PRIORITY_WORDS,
    WISH_PRIORITY,
    normalize,
)

_SPLIT_NAMES = re.compile(r"[;,\n\r]+")
_GENERATED_ID = re.compile(r"^N\d{4,}$")
_CLOCK_PREFIX = re.compile(r"^\s*(kl|klo|klockan|at)\.?\s*", re.IGNORECASE)


def generated_id(number: int) -> str:
    """The ID of the `number`th person with neither an ID nor an email: N0001, N0002 …"""
    return f"N{number:04d}"


def is_generated_id(attendee_id: str) -> bool:
    """A row count, not an identity: the same ID in another file may be another person."""
    return _GENERATED_ID.match(attendee_id) is not None


@dataclass(frozen=True)
class RegistrationImport:
    """The imported event (settings as given) and the report."""

    event: EventData
    report: ImportReport


@dataclass
class _Row:
    sheet: RawSheet
    number: int
    cells: dict[str, Any]


@dataclass
class _Wish:
    row: _Row
    column: str
    requester: str
    text: str
    priority: int  # 0: do not meet


class _Importer:
    def __init__(self, settings: EventSettings, known: Sequence[AttendeeRecord],
                 choices: ImportChoices) -> None:
        self.settings = settings
        self.choices = choices
        self.known = {a.id: a for a in known}
        self.report = ImportReport()
        self.attendees: dict[str, AttendeeRecord] = {}
        self.first_row: dict[str, str] = {}
        self.by_email: dict[str, str] = {}
        self.wishes: list[_Wish] = []
        self.requests: dict[tuple[str, str], RequestRecord] = {}
        self.exclusions: dict[tuple[str, str], ExclusionRecord] = {}
        self.generated = 0

    def entry(self, row: _Row, column: str | None, value: Any, message: str, action: str,
              skipped: bool = False) -> None:
        self.report.add(ReportEntry(row.sheet.file, row.sheet.name, row.number, column,
                                    "" if value is None else str(value).strip(), message,
                                    action, skipped))

    # -- attendees ------------------------------------------------------------------

    def read_attendee(self, row: _Row, columns: ColumnMap) -> None:
        text = {name: cell_text(row.cells.get(name)) for name in columns.columns}
        name = text.get("name") or " ".join(
            p for p in (text.get("first_name", ""), text.get("last_name", "")) if p)
        if not name:
            self.entry(row, _header(columns, "name", "first_name"), None,
                       "the row has no name", "add the person's name, or delete the row",
                       skipped=True)
            return
        email = text.get("email", "").casefold()
        attendee_id = text.get("id") or self.by_email.get(email) or email
        if not attendee_id:
            self.generated += 1
            attendee_id = generated_id(self.generated)
        record = AttendeeRecord(
            id=attendee_id, name=name, organization=text.get("organization", ""),
            country=self.code(row, columns, "country", COUNTRIES, "not a country this app "
                              "knows; kept as written", "write the country's name or its "
                              "two-letter code", keep_unknown=True),
            email=email,
            language=self.code(row, columns, "language", LANGUAGES, "not one of the agenda "
                               "languages; English is used", "write en, nb, sv or fi",
                               keep_unknown=False),
            sector=text.get("sector", ""), offers=text.get("offers", ""),
            seeks=text.get("seeks", ""),
            available_from=self.clock(row, columns, "available_from"),
            available_until=self.clock(row, columns, "available_until"),
            max_meetings=self.whole(row, columns, "max_meetings"),
            party_size=self.whole(row, columns, "party_size") or 1,
            fixed_table=text.get("fixed_table", ""),
        )
        where = f"{row.sheet.name} row {row.number}"
        earlier = self.attendees.get(attendee_id)
        if earlier is not None:
            record = _merged(earlier, record)
            self.entry(row, _header(columns, "id", "email"), attendee_id,
                       f"the same person as {self.first_row[attendee_id]}; this later row "
                       "updates it", "nothing, if that is right; else give them different "
                       "emails or IDs")
        else:
            self.first_row[attendee_id] = where
        self.attendees[attendee_id] = record
        if email:
            self.by_email[email] = attendee_id
        for wish_field, priority in (*WISH_PRIORITY.items(), ("do_not_meet", 0)):
            if text.get(wish_field):
                self.wishes.append(_Wish(row, columns.headers[columns.columns[wish_field]],
                                         attendee_id, str(row.cells[wish_field]), priority))

    def code(self, row: _Row, columns: ColumnMap, name: str, codes: dict[str, str],
             unknown: str, action: str, keep_unknown: bool) -> str:
        """The code of the cell's country or language; an unknown one is reported."""
        value = cell_text(row.cells.get(name))
        if not value:
            return ""
        code = codes.get(normalize(value))
        if code is None:
            self.entry(row, _header(columns, name), value, unknown, action)
            return value if keep_unknown else ""
        return code

    def clock(self, row: _Row, columns: ColumnMap, name: str) -> int | None:
        value = row.cells.get(name)
        if cell_text(value) == "":
            return None
        if isinstance(value, str):
            value = _CLOCK_PREFIX.sub("", value)
        try:
            return parse_clock(value)
        except ValueError:
            self.entry(row, _header(columns, name), value, "not a clock time; the person is "
                       "taken as available the whole day", "write the time as HH:MM, e.g. 09:40")
            return None

    def whole(self, row: _Row, columns: ColumnMap, name: str) -> int | None:
        value = cell_text(row.cells.get(name))
        if value == "":
            return None
        if value.isdigit() and int(value) >= 1:
            return int(value)
        self.entry(row, _header(columns, name), value, "not a whole number from 1 up; left "
                   "empty", "write a number such as 2")
        return None

    # -- wishes and pairs -----------------------------------------------------------

    def resolve_wishes(self, index: NameIndex) -> None:
        for wish in self.wishes:
            for name in (n.strip() for n in _SPLIT_NAMES.split(wish.text)):
                if not name:
                    continue
                other = self.match(index, wish.row, wish.column, name, wish.requester)
                if other is None:
                    continue
                if self.same_party(wish.requester, other):
                    self.entry(wish.row, wish.column, name, "names the requester or their own "
                               "organization", "remove the name", skipped=True)
                elif wish.priority == 0:
                    self.exclude(wish.requester, other)
                else:
                    self.request(wish.row, wish.column, wish.requester, other, wish.priority)

    def same_party(self, a: str, b: str) -> bool:
        delegation = self.person(a).delegation
        return a == b or (bool(delegation) and delegation == self.person(b).delegation)

    def person(self, attendee_id: str) -> AttendeeRecord:
        """Someone in the files, else someone the event already has."""
        return self.attendees.get(attendee_id) or self.known[attendee_id]

    def match(self, index: NameIndex, row: _Row, column: str, name: str,
              requester: str | None = None) -> str | None:
        chosen = self.choices.names.get(name_key(name))
        if chosen is not None and (chosen in self.attendees or chosen in self.known):
            return chosen  # the organizer said whom this name means
        found = index.match(name)
        if found.attendee is None:
            labels = [index.label(c) for c in found.candidates]
            if found.candidates:
                self.entry(row, column, name, "matches several people or none clearly",
                           "write one of: " + "; ".join(labels), skipped=True)
            else:
                self.entry(row, column, name, "matches no registered person or organization",
                           "check the spelling, or register the person first", skipped=True)
            self.report.unresolved.append(UnresolvedName(
                name, self.report.entries[-1], tuple(zip(found.candidates, labels, strict=True))))
            return None
        if found.how == "fuzzy":
            self.entry(row, column, name, f"read as {self.person(found.attendee).name} "
                       f"({self.person(found.attendee).organization})",
                       "check that this is the person meant")
        if requester in found.members:
            return requester  # their own organization
        if len(found.members) > 1:
            self.form_delegation(row, column, name, found.members)
        return found.attendee

    def form_delegation(self, row: _Row, column: str, name: str,
                        members: tuple[str, ...]) -> None:
        """Colleagues named as an organization meet together: one delegation, one meeting."""
        records = [self.person(m) for m in members]
        if all(r.delegation for r in records):
            return
        delegation = next((r.delegation for r in records if r.delegation),
                          records[0].organization)
        for record in records:
            self.attendees[record.id] = replace(record, delegation=delegation)
        self.entry(row, column, name, f"an organization with {len(records)} people "
                   f"({', '.join(r.name for r in records)}); they meet as one delegation, "
                   "all at one table, in every meeting", "nothing if they come together; "
                   "else name the person meant, and clear the delegation in the app")

    def request(self, row: _Row, column: str, requester: str, requested: str,
                priority: int) -> None:
        key = (requester, requested)
        earlier = self.requests.get(key)
        if earlier is not None:
            self.entry(row, column, requested, "asked for more than once; the highest "
                       "priority is kept", "nothing")
            priority = max(priority, earlier.priority)
        self.requests[key] = RequestRecord(requester, requested, priority)

    def exclude(self, a: str, b: str) -> None:
        key = (min(a, b), max(a, b))
        self.exclusions[key] = ExclusionRecord(*key)

    def read_pair(self, row: _Row, columns: ColumnMap, index: NameIndex) -> None:
        is_request = columns.kind is SheetKind.REQUESTS
        first, second = ("requester", "requested") if is_request else ("a", "b")
        a = self.match(index, row, columns.headers[columns.columns[first]],
                       cell_text(row.cells.get(first)))
        b = self.match(index, row, columns.headers[columns.columns[second]],
                       cell_text(row.cells.get(second)))
        if a is None or b is None:
            return
        if a == b:
            self.entry(row, None, a, "the same person on both sides", "fix the row",
                       skipped=True)
            return
        if not is_request:
            self.exclude(a, b)
            return
        priority_text = cell_text(row.cells.get("priority"))
        priority = PRIORITY_WORDS.get(normalize(priority_text), 0) if priority_text else 2
        if priority == 0:
            self.entry(row, _header(columns, "priority"), priority_text, "not a priority",
                       "write 1 (nice), 2 (important) or 3 (must meet)", skipped=True)
            return
        self.request(row, _header(columns, "priority") or "", a, b, priority)


def import_registrations(paths: Sequence[Path], settings: EventSettings,
                         known: Sequence[AttendeeRecord] = (),
                         choices: ImportChoices | None = None) -> RegistrationImport:
    """Read every file; InputError only when a file cannot be read or holds no attendees.

    Wish lists may also name `known` people (the event's, on a re-import).
    """
    raw = [sheet for path in paths for sheet in read_raw_sheets(Path(path))]
    return import_sheets(raw, settings, known, choices)


def import_sheets(raw: Sequence[RawSheet], settings: EventSettings,
                  known: Sequence[AttendeeRecord] = (),
                  choices: ImportChoices | None = None) -> RegistrationImport:
    """`import_registrations` on sheets already read (the import dialog reads files once)."""
    choices = choices or ImportChoices()
    importer = _Importer(settings, known, choices)
    sheets: list[tuple[RawSheet, ColumnMap]] = []
    for sheet in raw:
        columns = detect_columns(sheet, choices)
        sheets.append((sheet, columns))
        if columns.kind is not SheetKind.UNKNOWN:
            importer.report.columns[sheet_key(sheet.file, sheet.name)] = [
                f"header row {columns.header_row}", *columns.describe()]
        elif choices.header_rows.get(sheet_key(sheet.file, sheet.name)) == SKIP_SHEET:
            importer.report.add(ReportEntry(
                sheet.file, sheet.name, None, None, "", "the sheet is not read, as you chose",
                "choose its header row in the import dialog to read it", skipped=True))
        elif sheet.rows:
            importer.report.add(ReportEntry(
                sheet.file, sheet.name, None, None, "", "no header row with known "
                "columns (such as Name, Company, Email); the sheet is not used",
                "name the columns in the first row, or choose the header row and what "
                "each column holds in the import dialog", skipped=True))
    if not any(c.kind is SheetKind.ATTENDEES for _, c in sheets):
        files = dict.fromkeys(sheet.file for sheet in raw)
        raise InputError([InputProblem(Path(p), "no sheet with a recognizable header row of "
                                       "attendees (a Name column, or First and Last name)")
                          for p in files])
    for sheet, columns in sheets:
        if columns.kind is SheetKind.ATTENDEES:
            for row in _data_rows(sheet, columns):
                importer.read_attendee(row, columns)
    index = NameIndex([*importer.attendees.values(),
                       *(a for a in known if a.id not in importer.attendees)])
    importer.resolve_wishes(index)
    for sheet, columns in sheets:
        if columns.kind in (SheetKind.REQUESTS, SheetKind.EXCLUSIONS):
            for row in _data_rows(sheet, columns):
                importer.read_pair(row, columns, index)
    event = EventData(settings, tuple(importer.attendees.values()),
                      tuple(importer.requests.values()), tuple(importer.exclusions.values()))
    importer.report.counts = {"attendees": len(event.attendees),
                              "requests": len(event.requests),
                              "do-not-meet pairs": len(event.exclusions)}
    return RegistrationImport(event, importer.report)


def _data_rows(sheet: RawSheet, columns: ColumnMap) -> list[_Row]:
    return [_Row(sheet, number, {name: (values[c] if c < len(values) else None)
                                 for name, c in columns.columns.items()})
            for number, values in sheet.rows if number > columns.header_row]


def _header(columns: ColumnMap, *names: str) -> str | None:
    for name in names:
        if name in columns.columns:
            return columns.headers[columns.columns[name]]
    return None


def _merged(earlier: AttendeeRecord, later: AttendeeRecord) -> AttendeeRecord:
    """The later row's values, keeping the earlier ones where the later row is empty."""
    changes = {f.name: getattr(later, f.name) for f in fields(AttendeeRecord)
               if getattr(later, f.name) not in ("", None)}
    return replace(earlier, **changes)
