"""The import report: every row that was not used as it stood, where it is, and what to do.

The CLI prints it; `write_report_workbook` saves it for the organizer to work
through in Excel.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook

from nbl_desktop.core.exporting.sheet_style import save_workbook, write_table


@dataclass(frozen=True)
class ReportEntry:
    """One finding. `skipped`: the row (or wish) was not imported; else imported with a change."""

    file: Path
    sheet: str
    row: int | None
    column: str | None
    value: str
    message: str
    action: str
    skipped: bool = False

    def __str__(self) -> str:
        where = [self.file.name, f"sheet '{self.sheet}'"]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column '{self.column}'")
        value = f" {self.value!r}:" if self.value else ""
        state = "NOT IMPORTED: " if self.skipped else ""
        return f"{', '.join(where)}:{value} {state}{self.message}. {self.action}"


@dataclass(frozen=True)
class UnresolvedName:
    """A wished-for name the importer would not guess, for the organizer to resolve.

    `candidates` are (attendee ID, label) pairs, best first; may be empty.
    """

    written: str
    entry: ReportEntry
    candidates: tuple[tuple[str, str], ...]


@dataclass
class ImportReport:
    """Findings, the detected columns per sheet, and what was imported."""

    entries: list[ReportEntry] = field(default_factory=list)
    unresolved: list[UnresolvedName] = field(default_factory=list)
    columns: dict[str, list[str]] = field(default_factory=dict)  # "file: sheet" -> lines
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, entry: ReportEntry) -> None:
        self.entries.append(entry)

    @property
    def skipped(self) -> list[ReportEntry]:
        return [e for e in self.entries if e.skipped]

    def lines(self) -> list[str]:
        summary = ", ".join(f"{n} {what}" for what, n in self.counts.items())
        lines = [f"Imported {summary}." if summary else "Nothing imported."]
        for sheet, columns in self.columns.items():
            lines.append(f"{sheet}: " + "; ".join(columns))
        lines += [str(e) for e in self.entries]
        return lines


def write_report_workbook(report: ImportReport, path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Import report"
    write_table(sheet, ["File", "Sheet", "Row", "Column", "Value", "Imported",
                        "What happened", "What to do"],
                [[e.file.name, e.sheet, e.row, e.column, e.value, "no" if e.skipped else "yes",
                  e.message, e.action] for e in report.entries])
    write_table(workbook.create_sheet("Detected columns"), ["Sheet", "Column → field"],
                [[name, line] for name, lines in report.columns.items() for line in lines])
    save_workbook(workbook, path)
