"""The import report: how every column was read, and every row not used as it stood.

Findings come in three kinds: an error (a value that cannot be read, which
would make the schedule wrong: the command line stops with status 2 and the
dialog will not import until it is fixed), a row or wish not imported (the
rest goes on), and a note (imported with a change worth knowing). Columns
the app does not know but whose values look like a field it has are
questions: the dialog asks, the command line says which `--column` settles
each. The CLI prints the report; `write_report_workbook` saves it for the
organizer to work through in Excel.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook

from nbl_desktop.core.exporting.sheet_style import save_workbook, write_table
from nbl_desktop.core.i18n import N_, _, n_


class Severity(enum.Enum):
    """How much a finding matters: see the module's docstring."""

    ERROR = "error"
    SKIPPED = "not imported"
    NOTE = "note"


# What the report workbook's Kind column says for each severity.
SEVERITY_TEXT = {Severity.ERROR: N_("error"), Severity.SKIPPED: N_("not imported"),
                 Severity.NOTE: N_("note")}


@dataclass(frozen=True)
class ReportEntry:
    """One finding, where it is (row None: the whole sheet) and what to do.

    `describes_value`: the message says what the value is ("not a number"), so it is
    said as "'x' is not a number" rather than "'x': …".
    """

    file: Path
    sheet: str
    row: int | None
    column: str | None
    value: str
    message: str
    action: str
    severity: Severity = Severity.NOTE
    describes_value: bool = False

    @property
    def skipped(self) -> bool:
        """The row, value or wish was not imported as it stands."""
        return self.severity is not Severity.NOTE

    @property
    def error(self) -> bool:
        return self.severity is Severity.ERROR

    def where(self) -> str:
        """"people.xlsx, sheet 'Ark1', row 4, column 'Email'": as much as is known."""
        if self.row is not None and self.column:
            text = _("{file}, sheet '{sheet}', row {row}, column '{column}'")
        elif self.row is not None:
            text = _("{file}, sheet '{sheet}', row {row}")
        elif self.column:
            text = _("{file}, sheet '{sheet}', column '{column}'")
        else:
            text = _("{file}, sheet '{sheet}'")
        return text.format(file=self.file.name, sheet=self.sheet, row=self.row,
                           column=self.column)

    def __str__(self) -> str:
        skipped = self.severity is Severity.SKIPPED
        if not self.value and skipped:
            # Translators: {where} is "people.xlsx, sheet 'Ark1', row 4"
            text = _("{where}: NOT IMPORTED: {message}; {action}")
        elif not self.value:
            # Translators: {where} is "people.xlsx, sheet 'Ark1', row 4"
            text = _("{where}: {message}; {action}")
        elif self.describes_value and not skipped:
            # Translators: {message} says what the value is: "'x' is not a number"
            text = _("{where}: {value!r} is {message}; {action}")
        elif skipped:
            # Translators: {where} is "people.xlsx, sheet 'Ark1', row 4", {value} as written
            text = _("{where}: {value!r}: NOT IMPORTED: {message}; {action}")
        else:
            # Translators: {where} is "people.xlsx, sheet 'Ark1', row 4", {value} as written
            text = _("{where}: {value!r}: {message}; {action}")
        return text.format(where=self.where(), value=self.value, message=self.message,
                           action=self.action)


@dataclass(frozen=True)
class UnresolvedName:
    """A wished-for name the importer would not guess, for the organizer to resolve.

    `candidates` are (attendee ID, label) pairs, best first; may be empty.
    """

    written: str
    entry: ReportEntry
    candidates: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class ColumnQuestion:
    """A column the app does not know, whose values look like a field it has."""

    sheet_key: str
    file: Path
    sheet: str
    letter: str
    header: str
    examples: tuple[str, ...]
    looks_like: str  # "clock times", "numbers", "names of registered people" …
    guess: str  # the field it most likely is
    fields: tuple[str, ...]  # every field it could be, the guess first

    def __str__(self) -> str:
        values = {"file": self.file.name, "sheet": self.sheet, "letter": self.letter,
                  "header": self.header, "examples": " · ".join(self.examples),
                  "looks_like": self.looks_like, "quoted": self.header.replace('"', "'"),
                  "guess": self.guess, "others": ", ".join(self.fields[1:])}
        if len(self.fields) > 1:
            # Translators: {looks_like} is e.g. "clock times"; --column "…={guess}" and
            # "=ignore" are typed on the command line: keep them as they are
            text = _("{file}, sheet '{sheet}', column {letter} {header!r} (first values: "
                     "{examples}): looks like {looks_like}, but the app does not know this "
                     "header. Say what it holds: --column \"{quoted}={guess}\" (or {others}), "
                     "or --column \"{quoted}=ignore\" to leave it out")
        else:
            # Translators: {looks_like} is e.g. "clock times"; --column "…={guess}" and
            # "=ignore" are typed on the command line: keep them as they are
            text = _("{file}, sheet '{sheet}', column {letter} {header!r} (first values: "
                     "{examples}): looks like {looks_like}, but the app does not know this "
                     "header. Say what it holds: --column \"{quoted}={guess}\", "
                     "or --column \"{quoted}=ignore\" to leave it out")
        return text.format(**values)


@dataclass(frozen=True)
class ColumnReport:
    """How one column of a sheet is read, with its first values."""

    letter: str
    header: str
    field: str | None  # None: not used
    text: str  # "column F 'Tilstede fra' → Available from"
    examples: tuple[str, ...]
    metadata: bool = False

    @property
    def used(self) -> bool:
        return self.field is not None


@dataclass
class ImportReport:
    """Findings, how each sheet's columns are read, questions, and what was imported."""

    entries: list[ReportEntry] = field(default_factory=list)
    unresolved: list[UnresolvedName] = field(default_factory=list)
    columns: dict[str, list[ColumnReport]] = field(default_factory=dict)  # "file: sheet"
    sheets: dict[str, str] = field(default_factory=dict)  # "file: sheet" -> how it is read
    questions: list[ColumnQuestion] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, entry: ReportEntry) -> None:
        self.entries.append(entry)

    @property
    def skipped(self) -> list[ReportEntry]:
        return [e for e in self.entries if e.skipped]

    @property
    def errors(self) -> list[ReportEntry]:
        return [e for e in self.entries if e.error]

    def headers(self) -> set[str]:
        """Every column header of the sheets read, as written."""
        return {c.header for columns in self.columns.values() for c in columns if c.header}

    def not_used_columns(self) -> list[tuple[str, ColumnReport]]:
        return [(sheet, c) for sheet, columns in self.columns.items() for c in columns
                if not c.used]

    def summary(self) -> str:
        """"Imported 60 attendees, 80 requests, 2 do-not-meet pairs." (or nothing)."""
        parts = [_counted_import(what, n) for what, n in self.counts.items()]
        if not parts:
            return _("Nothing imported.")
        # Translators: {counts} is "60 attendees, 80 requests, 2 do-not-meet pairs"
        return _("Imported {counts}.").format(counts=", ".join(parts))

    def lines(self) -> list[str]:
        lines = [self.summary()]
        for sheet, how in self.sheets.items():
            lines.append(f"{sheet}: {how}")
            for column in self.columns.get(sheet, []):
                lines.append("  " + (_with_examples(column.text, column.examples)
                                     if column.examples and not column.used else column.text))
        lines += [str(e) for e in self.entries]
        return lines

    def warnings(self) -> list[str]:
        """What the command line prints before it goes on: columns not used, rows or wishes
        not imported, and notes (errors stop it, and are said then)."""
        asked = {(q.sheet_key, q.letter) for q in self.questions}  # said with the question
        # Translators: {sheet} is "people.xlsx: Ark1", {column} "column F 'Kontor' → not used"
        found = [_("warning: {sheet}, {column}").format(
                     sheet=sheet, column=_with_examples(column.text, column.examples)
                     if column.examples else column.text)
                 for sheet, column in self.not_used_columns()
                 if (sheet, column.letter) not in asked]
        return found + [self._flagged(e) for e in self.entries if not e.error]

    @staticmethod
    def _flagged(entry: ReportEntry) -> str:
        if entry.skipped:
            # Translators: {finding} is a whole finding, "people.xlsx, sheet 'Ark1', row 4: …"
            return _("warning: {finding}").format(finding=entry)
        # Translators: {finding} is a whole finding, "people.xlsx, sheet 'Ark1', row 4: …"
        return _("note: {finding}").format(finding=entry)


def _with_examples(text: str, examples: tuple[str, ...]) -> str:
    # Translators: {column} is "column F 'Kontor' → not used", {values} "Oslo · Bergen"
    return _("{column} (first values: {values})").format(column=text,
                                                         values=" · ".join(examples))


def _counted_import(what: str, count: int) -> str:
    """"60 attendees": one of `ImportReport.counts`, counted in the current language."""
    if what == "attendees":
        text = n_("{count} attendee", "{count} attendees", count)
    elif what == "requests":
        text = n_("{count} request", "{count} requests", count)
    elif what == "do-not-meet pairs":
        text = n_("{count} do-not-meet pair", "{count} do-not-meet pairs", count)
    else:
        text = "{count} " + what
    return text.format(count=count)


def write_report_workbook(report: ImportReport, path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = _("Import report")
    write_table(sheet, [_("File"), _("Sheet"), _("Row"), _("Column"), _("Value"), _("Kind"),
                        _("Imported"), _("What happened"), _("What to do")],
                [[e.file.name, e.sheet, e.row, e.column, e.value, _(SEVERITY_TEXT[e.severity]),
                  _("no") if e.skipped else _("yes"), e.message, e.action]
                 for e in report.entries])
    write_table(workbook.create_sheet(_("Columns")),
                [_("Sheet"), _("Column"), _("Header"), _("Read as"), _("First values")],
                [[name, c.letter, c.header, c.text.split(" → ", 1)[-1],
                  " · ".join(c.examples)]
                 for name, columns in report.columns.items() for c in columns])
    if report.questions:
        write_table(workbook.create_sheet(_("Questions")),
                    [_("Sheet"), _("Column"), _("Header"), _("First values"), _("Looks like"),
                     _("Suggested")],
                    [[q.sheet_key, q.letter, q.header, " · ".join(q.examples), q.looks_like,
                      q.guess] for q in report.questions])
    save_workbook(workbook, path)
