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


class Severity(enum.Enum):
    """How much a finding matters: see the module's docstring."""

    ERROR = "error"
    SKIPPED = "not imported"
    NOTE = "note"


@dataclass(frozen=True)
class ReportEntry:
    """One finding, where it is (row None: the whole sheet) and what to do."""

    file: Path
    sheet: str
    row: int | None
    column: str | None
    value: str
    message: str
    action: str
    severity: Severity = Severity.NOTE

    @property
    def skipped(self) -> bool:
        """The row, value or wish was not imported as it stands."""
        return self.severity is not Severity.NOTE

    @property
    def error(self) -> bool:
        return self.severity is Severity.ERROR

    def __str__(self) -> str:
        where = [self.file.name, f"sheet '{self.sheet}'"]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column '{self.column}'")
        value = f" {self.value!r}" if self.value else ""
        state = {Severity.ERROR: "", Severity.SKIPPED: "NOT IMPORTED: ",
                 Severity.NOTE: ""}[self.severity]
        if value:
            value += " is" if self.message.startswith(("not ", "a number")) else ":"
        return f"{', '.join(where)}:{value} {state}{self.message}; {self.action}"


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
        others = ", ".join(self.fields[1:])
        header = self.header.replace('"', "'")
        return (f"{self.file.name}, sheet '{self.sheet}', column {self.letter} {self.header!r} "
                f"(first values: {' · '.join(self.examples)}): looks like {self.looks_like}, "
                "but the app does not know this header. Say what it holds: "
                f"--column \"{header}={self.guess}\""
                + (f" (or {others})" if others else "")
                + f", or --column \"{header}=ignore\" to leave it out")


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

    def lines(self) -> list[str]:
        summary = ", ".join(f"{n} {what}" for what, n in self.counts.items())
        lines = [f"Imported {summary}." if summary else "Nothing imported."]
        for sheet, how in self.sheets.items():
            lines.append(f"{sheet}: {how}")
            for column in self.columns.get(sheet, []):
                examples = f" (first values: {' · '.join(column.examples)})" \
                    if column.examples and not column.used else ""
                lines.append(f"  {column.text}{examples}")
        lines += [str(e) for e in self.entries]
        return lines

    def warnings(self) -> list[str]:
        """What the command line prints before it goes on: columns not used, rows or wishes
        not imported, and notes (errors stop it, and are said then)."""
        asked = {(q.sheet_key, q.letter) for q in self.questions}  # said with the question
        found = [f"warning: {sheet}, {column.text}"
                 + (f" (first values: {' · '.join(column.examples)})" if column.examples
                    else "")
                 for sheet, column in self.not_used_columns()
                 if (sheet, column.letter) not in asked]
        return found + [f"{'warning' if e.skipped else 'note'}: {e}"
                        for e in self.entries if not e.error]


def write_report_workbook(report: ImportReport, path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Import report"
    write_table(sheet, ["File", "Sheet", "Row", "Column", "Value", "Kind", "Imported",
                        "What happened", "What to do"],
                [[e.file.name, e.sheet, e.row, e.column, e.value, e.severity.value,
                  "no" if e.skipped else "yes", e.message, e.action] for e in report.entries])
    write_table(workbook.create_sheet("Columns"),
                ["Sheet", "Column", "Header", "Read as", "First values"],
                [[name, c.letter, c.header, c.text.split(" → ", 1)[-1],
                  " · ".join(c.examples)]
                 for name, columns in report.columns.items() for c in columns])
    if report.questions:
        write_table(workbook.create_sheet("Questions"),
                    ["Sheet", "Column", "Header", "First values", "Looks like", "Suggested"],
                    [[q.sheet_key, q.letter, q.header, " · ".join(q.examples), q.looks_like,
                      q.guess] for q in report.questions])
    save_workbook(workbook, path)
