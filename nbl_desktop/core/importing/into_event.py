"""Import registration files into an open event, with a preview the organizer can correct.

An `ImportSession` reads the files once and then imports them as often as
the organizer corrects it (what a column holds, which row is the header,
whom an unclear name means), each time without writing anything: the GUI's
import dialog shows the outcome, and the event file is written only when the
organizer accepts it. An event with people is merged, never replaced
(`reimport.merge_import`). The template workbook is read strictly; it has
nothing to correct.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nbl_desktop.core.errors import InputError
from nbl_desktop.core.event import EventData
from nbl_desktop.core.importing.any_layout import import_sheets
from nbl_desktop.core.importing.choices import ImportChoices, sheet_key
from nbl_desktop.core.importing.header_detection import FIELDS_OF_KIND, SheetKind, detect_columns
from nbl_desktop.core.importing.import_report import ImportReport
from nbl_desktop.core.importing.name_matching import labels_of
from nbl_desktop.core.importing.raw_tables import RawSheet, cell_text, read_raw_sheets
from nbl_desktop.core.importing.registration_workbook import read_registration_workbook
from nbl_desktop.core.importing.registrations import is_template
from nbl_desktop.core.importing.reimport import merge_import

_EXAMPLES = 3
_FIRST_ROWS = 12  # rows shown for choosing a header row


@dataclass(frozen=True)
class ColumnPreview:
    """A column of the header row: as written, the field it is read as, a few values."""

    column: int  # 0-based
    header: str
    field: str | None  # None: not read
    examples: tuple[str, ...]


@dataclass(frozen=True)
class SheetPreview:
    """How a sheet is read; `kind` UNKNOWN: not read (no header row, or the organizer's call)."""

    key: str
    file: Path
    name: str
    kind: SheetKind
    header_row: int  # 0: none
    columns: tuple[ColumnPreview, ...]
    first_rows: tuple[tuple[int, str], ...]  # (row number, its cells joined), to pick a header

    @property
    def fields(self) -> tuple[str, ...]:
        """The fields a column of this sheet may be read as."""
        return tuple(FIELDS_OF_KIND.get(self.kind, {}))


@dataclass(frozen=True)
class EventImport:
    """The event to store, what the files held that was not used as it stood, what changed."""

    event: EventData
    findings: tuple[str, ...]
    changes: tuple[str, ...]
    report: ImportReport | None = None  # None: the template workbook, read strictly
    sheets: tuple[SheetPreview, ...] = ()
    blocked: str = ""  # why this cannot be imported as it stands; "" when it can
    labels: dict[str, str] = field(default_factory=dict)  # attendee ID -> pick-list label


class ImportSession:
    """Files read once (InputError when one cannot be), imported on demand into `current`."""

    def __init__(self, paths: Sequence[Path], current: EventData,
                 choices: ImportChoices | None = None) -> None:
        self.paths = [Path(p) for p in paths]
        self.current = current
        self.choices = choices.copy() if choices else ImportChoices()
        self.template = is_template(self.paths)
        self.sheets: list[RawSheet] = [] if self.template else [
            sheet for path in self.paths for sheet in read_raw_sheets(path)]

    def run(self, choices: ImportChoices | None = None) -> EventImport:
        """The event as it would be after the import, with `choices` (default: the
        session's own); nothing is written."""
        choices = choices or self.choices
        if self.template:
            outcome = read_registration_workbook(self.paths[0])
            read, findings = outcome.event, tuple(f"note: {n}" for n in outcome.notes)
            report, sheets = None, ()
        else:
            sheets = tuple(self._preview(sheet, choices) for sheet in self.sheets)
            try:
                imported = import_sheets(self.sheets, self.current.settings,
                                         self.current.attendees, choices)
            except InputError as exc:  # correctable here: choose the header row or columns
                return EventImport(self.current, (), (), None, sheets, str(exc))
            read, findings, report = imported.event, tuple(imported.report.lines()), \
                imported.report
        event, changes = read, ()
        if self.current.attendees:
            merged = merge_import(self.current, read)
            event, changes = merged.event, merged.changes
        return EventImport(event, findings, changes, report, sheets,
                           labels=labels_of(event.attendees))

    def _preview(self, sheet: RawSheet, choices: ImportChoices) -> SheetPreview:
        columns = detect_columns(sheet, choices)
        data = [values for number, values in sheet.rows if number > columns.header_row]
        field_of = {c: name for name, c in columns.columns.items()}
        previews = tuple(ColumnPreview(c, header, field_of.get(c), _examples(data, c))
                         for c, header in sorted(columns.headers.items()))
        first = tuple((number, " | ".join(_cell(values, c) for c in range(len(values))
                                          if _cell(values, c)))
                      for number, values in sheet.rows[:_FIRST_ROWS])
        return SheetPreview(sheet_key(sheet.file, sheet.name), sheet.file, sheet.name,
                            columns.kind, columns.header_row, previews, first)


def _examples(rows: list[tuple[Any, ...]], column: int) -> tuple[str, ...]:
    """The column's first few values that are not blank."""
    found: list[str] = []
    for values in rows:
        text = _cell(values, column)
        if text:
            found.append(text)
            if len(found) == _EXAMPLES:
                break
    return tuple(found)


def _cell(values: tuple[Any, ...], column: int) -> str:
    """The cell on one line, for the preview."""
    return cell_text(values[column] if column < len(values) else None).replace("\n", " ")
