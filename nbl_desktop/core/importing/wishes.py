"""Read wishes: wish-list cells, columns per option, grids of priorities, and sheets of pairs.

A wish-list cell names people or organizations, joined by ";" "," or line
breaks (a trailing separator is fine). A column per option stands for one
company or person (named in its header): its cell ticks it (1/0, x,
yes/ja/kyllä, TRUE, or the option's own label) at the column's priority, or
gives the priority itself (must / want / could / not interested, in four
languages; in a column of 1, 2 and 3, 3 is must). A cell in such a column
that is neither is read as names. Names are matched by `name_matching`; an
unclear name is never guessed but listed once per column or cell. A sheet
of pairs names both sides by ID, email or name; an ID that matches nobody is
said once, with every row that uses it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from nbl_desktop.core.event import AttendeeRecord, ExclusionRecord, RequestRecord
from nbl_desktop.core.i18n import _, n_
from nbl_desktop.core.importing import cell_values
from nbl_desktop.core.importing.choices import ImportChoices, name_key
from nbl_desktop.core.importing.fields import SheetKind
from nbl_desktop.core.importing.import_report import (
    ImportReport,
    ReportEntry,
    Severity,
    UnresolvedName,
)
from nbl_desktop.core.importing.layout import ColumnReading, cells_of
from nbl_desktop.core.importing.name_matching import NameIndex
from nbl_desktop.core.importing.raw_tables import cell_text
from nbl_desktop.core.importing.vocabulary import WISH_PRIORITY, normalize

if TYPE_CHECKING:
    from nbl_desktop.core.importing.reader import Row

_ROWS_SHOWN = 8


@dataclass
class _Unknown:
    """A value of a pair sheet that matches nobody, and every row that has it."""

    first_row: Row
    column: str
    rows: list[int] = field(default_factory=list)


class WishReader:
    """Turns wish cells and pair rows into requests and do-not-meet pairs."""

    def __init__(self, report: ImportReport, attendees: dict[str, AttendeeRecord],
                 known: dict[str, AttendeeRecord], choices: ImportChoices,
                 index: NameIndex) -> None:
        self.report = report
        self.attendees = attendees
        self.known = known
        self.choices = choices
        self.index = index
        self.requests: dict[tuple[str, str], RequestRecord] = {}
        self.exclusions: dict[tuple[str, str], ExclusionRecord] = {}
        self.options: dict[tuple[str, int], str | None] = {}  # (sheet, column) -> attendee
        self.tick_columns: dict[tuple[str, int], bool] = {}
        self.header_names: dict[tuple[str, int], bool] = {}
        self.request_rows: dict[tuple[str, str], tuple[Row, str]] = {}  # where each was asked
        self.unknown: dict[tuple[str, str, str], _Unknown] = {}  # (file, sheet, value)

    def entry(self, row: Row, column: str | None, value: Any, message: str, action: str,
              severity: Severity = Severity.NOTE, number: int | None = -1,
              describes_value: bool = False) -> ReportEntry:
        found = ReportEntry(row.sheet.file, row.sheet.name, row.number if number == -1
                            else number, column, "" if value is None else cell_text(value),
                            message, action, severity, describes_value)
        self.report.add(found)
        return found

    # -- a person's row ----------------------------------------------------------------

    def read_rows(self, rows: list[Row], requester: str) -> None:
        """A person's wishes from their rows: a later row (a re-submitted form, an updated
        file) replaces what an earlier row said in the same column, and says so."""
        said: set[tuple[str, str]] = set()  # (column's header, its field) answered later
        for row in reversed(rows):
            replaced = self.read_row(row, requester, said)
            if replaced:
                later = rows[-1]
                # Translators: {columns} are column headers, "'Want to meet', 'Must meet'";
                # {sheet} row {row} is where the later row is
                self.entry(row, None, None, _(
                    "the wishes in {columns} are replaced by a later row of the same person "
                    "({sheet} row {row})").format(columns=", ".join(replaced),
                                                  sheet=later.sheet.name, row=later.number),
                    _("nothing, if the later answer is the one that counts"))

    def read_row(self, row: Row, requester: str, said: set[tuple[str, str]]) -> list[str]:
        """Read the row's wish cells not answered by a later row; the headers of those that
        were."""
        replaced = []
        for reading in row.layout.columns:
            if reading.field not in WISH_PRIORITY:
                continue
            value = row.cell(reading)
            text = cell_text(value)
            if not text:
                continue
            key = (normalize(reading.header), reading.field)
            if key in said:
                replaced.append(repr(reading.header))
                continue
            said.add(key)
            priority = WISH_PRIORITY[reading.field]
            tick = cell_values.is_yes(value)
            if not reading.option and tick is not None and self.names_someone(row, reading):
                # A column headed by a company's name, ticked: as you chose, a wish for it.
                reading = replace(reading, option=reading.header)
            if reading.option:
                self.read_option_cell(row, reading, requester, value, priority)
            elif tick is True:
                self.entry(row, reading.header, value,
                           _("a yes, where the column lists whom to meet; not read as a name"),
                           _("write the names, or set the column to what it holds"),
                           Severity.SKIPPED)
            elif tick is None:
                self.read_names(row, reading.header, requester, text, priority)
        return replaced

    def names_someone(self, row: Row, reading: ColumnReading) -> bool:
        """The column's header is a registered person's or organization's name (matched once
        per column)."""
        key = (f"{row.sheet.file}:{row.sheet.name}", reading.column)
        if key not in self.header_names:
            self.header_names[key] = self.index.match(reading.header).attendee is not None
        return self.header_names[key]

    def read_option_cell(self, row: Row, reading: ColumnReading, requester: str, value: Any,
                         priority: int) -> None:
        text = cell_text(value)
        if self.ticks(row, reading):
            tick = cell_values.is_yes(value)
            if tick is not None or normalize(text) == normalize(reading.option):
                if tick is not False:
                    self.wish_for_option(row, reading, requester, priority)
                return
        known, answer = cell_values.priority_answer(value)
        if known:
            if answer is not None:
                self.wish_for_option(row, reading, requester, answer)
            return
        tick = cell_values.is_yes(value)
        if tick is not None or normalize(text) == normalize(reading.option):
            if tick is not False:
                self.wish_for_option(row, reading, requester, priority)
            return
        self.read_names(row, reading.header, requester, text, priority)

    def ticks(self, row: Row, reading: ColumnReading) -> bool:
        """A column of ticks (1/0, x, yes/no, its own label), not of priorities 1–3."""
        key = (f"{row.sheet.file}:{row.sheet.name}", reading.column)
        if key not in self.tick_columns:
            values = {normalize(cell_text(cells_of(cells, reading.column)))
                      for number, cells in row.sheet.rows if number > row.layout.header_row}
            self.tick_columns[key] = not values & {"2", "3"}
        return self.tick_columns[key]

    def wish_for_option(self, row: Row, reading: ColumnReading, requester: str,
                        priority: int) -> None:
        key = (f"{row.sheet.file}:{row.sheet.name}", reading.column)
        if key not in self.options:  # the option is matched once per column
            header_row = row.layout.header_row
            self.options[key] = self.match(row, reading.header, reading.option, requester,
                                           number=header_row)
        other = self.options[key]
        if other is not None:
            self.wish(row, reading.header, requester, other, reading.option, priority)

    def read_names(self, row: Row, column: str, requester: str, text: str,
                   priority: int) -> None:
        for name in cell_values.split_names(text):
            other = self.match(row, column, name, requester)
            if other is not None:
                self.wish(row, column, requester, other, name, priority)

    def wish(self, row: Row, column: str, requester: str, other: str, written: str,
             priority: int) -> None:
        if self.same_party(requester, other):
            self.entry(row, column, written, _("names the requester or their own "
                                               "organization"), _("remove the name"),
                       Severity.SKIPPED)
        elif priority == 0:
            self.exclude(requester, other)
        else:
            self.request(row, column, requester, other, priority)

    # -- matching names ---------------------------------------------------------------

    def same_party(self, a: str, b: str) -> bool:
        delegation = self.person(a).delegation
        return a == b or (bool(delegation) and delegation == self.person(b).delegation)

    def person(self, attendee_id: str) -> AttendeeRecord:
        """Someone in the files, else someone the event already has."""
        return self.attendees.get(attendee_id) or self.known[attendee_id]

    def match(self, row: Row, column: str, name: str, requester: str | None = None,
              number: int | None = -1) -> str | None:
        chosen = self.choices.names.get(name_key(name)) if self.choices.names else None
        if chosen is not None and (chosen in self.attendees or chosen in self.known):
            return chosen  # the organizer said whom this name means
        found = self.index.match(name)
        if found.attendee is None:
            labels = [self.index.label(c) for c in found.candidates]
            if found.candidates:
                entry = self.entry(row, column, name, _("matches several people or none "
                                                        "clearly"),
                                   # Translators: {people} is "Kari (Fisk AS); Kari (Vilt AS)"
                                   _("write one of: {people}").format(people="; ".join(labels)),
                                   Severity.SKIPPED, number)
            else:
                entry = self.entry(row, column, name, _("matches no registered person or "
                                                        "organization"),
                                   _("check the spelling, or register the person first"),
                                   Severity.SKIPPED, number)
            self.report.unresolved.append(UnresolvedName(
                name, entry, tuple(zip(found.candidates, labels, strict=True))))
            return None
        if found.how == "fuzzy":
            # Translators: {name} is a person's name, {organization} their organization
            self.entry(row, column, name, _("read as {name} ({organization})").format(
                name=self.person(found.attendee).name,
                organization=self.person(found.attendee).organization),
                _("check that this is the person meant"), number=number)
        if requester in found.members:
            return requester  # their own organization
        if len(found.members) > 1:
            self.form_delegation(row, column, name, found.members, number)
        return found.attendee

    def form_delegation(self, row: Row, column: str, name: str, members: tuple[str, ...],
                        number: int | None) -> None:
        """Colleagues named as an organization meet together: one delegation, one meeting."""
        records = [self.person(m) for m in members]
        if all(r.delegation for r in records):
            return
        delegation = next((r.delegation for r in records if r.delegation),
                          records[0].organization)
        for record in records:
            self.attendees[record.id] = replace(record, delegation=delegation)
        # Translators: {names} are the people's names, "Kari, Ola"
        self.entry(row, column, name, n_(
            "an organization with {count} people ({names}); they meet as one delegation, all "
            "at one table, in every meeting", "an organization with {count} people ({names}); "
            "they meet as one delegation, all at one table, in every meeting", len(records))
            .format(count=len(records), names=", ".join(r.name for r in records)),
            _("nothing if they come together; else name the person meant, and clear the "
              "delegation in the app"), number=number)

    def request(self, row: Row, column: str, requester: str, requested: str,
                priority: int) -> None:
        key = (requester, requested)
        earlier = self.requests.get(key)
        if earlier is not None:
            self.entry(row, column, requested, _("asked for more than once; the highest "
                                                 "priority is kept"), _("nothing"))
            priority = max(priority, earlier.priority)
        self.requests[key] = RequestRecord(requester, requested, priority)
        self.request_rows.setdefault(key, (row, column))

    def report_contradictions(self) -> None:
        """A pair both wished for and not to meet: the do-not-meet holds, and is said."""
        for a, b in self.exclusions:
            for requester, requested in ((a, b), (b, a)):
                if (requester, requested) not in self.request_rows:
                    continue
                row, column = self.request_rows[(requester, requested)]
                # Translators: {name} and {other} are people's names
                self.entry(row, column, requested, _(
                    "{name} asks to meet {other}, but one of them asks never to meet the "
                    "other; they will not meet").format(name=self.person(requester).name,
                                                       other=self.person(requested).name),
                    _("nothing, if that is right; else remove one of the two wishes"))

    def exclude(self, a: str, b: str) -> None:
        key = (min(a, b), max(a, b))
        self.exclusions[key] = ExclusionRecord(*key)

    # -- sheets of pairs ----------------------------------------------------------------

    def read_pair(self, row: Row) -> None:
        layout = row.layout
        is_request = layout.kind is SheetKind.REQUESTS
        first, second = ("requester", "requested") if is_request else ("a", "b")
        a = self.pair_side(row, layout.readers_of(first)[0])
        b = self.pair_side(row, layout.readers_of(second)[0])
        if a is None or b is None:
            return
        if a == b:
            self.entry(row, None, a, _("the same person on both sides"), _("fix the row"),
                       Severity.ERROR)
            return
        if not is_request:
            self.exclude(a, b)
            return
        readers = layout.readers_of("priority")
        value = row.cell(readers[0]) if readers else None
        if isinstance(value, int) and 1 <= value <= 3:
            priority: int | None = value  # the own workbook's 1, 2, 3
        elif cell_text(value) == "":
            priority = 2
        else:
            known, priority = cell_values.priority_answer(value)
            if not known or priority is None:
                self.entry(row, readers[0].header, value, _("not a priority"),
                           _("write 1 (nice), 2 (important) or 3 (must meet)"), Severity.ERROR,
                           describes_value=True)
                return
        if priority == 0:
            self.exclude(a, b)
            return
        self.request(row, readers[0].header if readers else "", a, b, priority)

    def pair_side(self, row: Row, reading: ColumnReading) -> str | None:
        value = row.cell(reading)
        if isinstance(value, str) and value in self.attendees:
            return value  # an ID as written: most rows of the own workbook
        text = cell_text(value)
        if not text:
            self.entry(row, reading.header, None, _("empty, where the pair needs a person"),
                       _("write the person's ID (or name), or delete the row"), Severity.ERROR)
            return None
        if text in self.attendees or text in self.known:
            return text
        if _looks_like_id(text, reading.header) and \
                self.choices.names.get(name_key(text)) is None and \
                self.index.match(text).attendee is None:
            # An ID that matches nobody: said once, with every row that uses it.
            unknown = self.unknown.setdefault((str(row.sheet.file), row.sheet.name, text),
                                              _Unknown(row, reading.header))
            unknown.rows.append(row.number)
            return None
        return self.match(row, reading.header, text)

    def report_unknown_ids(self) -> None:
        for (_file, _sheet, value), unknown in self.unknown.items():
            rows = unknown.rows
            shown = ", ".join(map(str, rows[:_ROWS_SHOWN]))
            if len(rows) > _ROWS_SHOWN:
                more = len(rows) - _ROWS_SHOWN
                # Translators: {numbers} is "4, 5, 6"
                shown = n_("{numbers} and {count} more", "{numbers} and {count} more",
                           more).format(numbers=shown, count=more)
            # Translators: {rows} are row numbers, "4, 5 and 2 more"
            self.entry(unknown.first_row, unknown.column, value, n_(
                "matches no attendee's ID, email or name (row {rows})",
                "matches no attendee's ID, email or name (rows {rows})", len(rows)).format(
                rows=shown), _("use an ID from the sheet of people, or add the person there"),
                Severity.ERROR)


def _looks_like_id(text: str, header: str) -> bool:
    """A code rather than a name: the column says ID, or the value has a digit."""
    return bool({"id", "tunnus", "nr", "no"} & set(normalize(header).split())) or \
        any(ch.isdigit() for ch in text)
