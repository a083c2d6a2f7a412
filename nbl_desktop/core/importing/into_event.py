"""Import registration files into an open event, with a preview the organizer can correct.

An `ImportSession` reads the files once and then imports them as often as
the organizer corrects it (what a column holds, which row is the header,
whom an unclear name means), each time without writing anything: the GUI's
import dialog shows the outcome, and the event file is written only when the
organizer accepts it. An event with people is merged, never replaced
(`reimport.merge_import`). An error in a file blocks the import until it is
fixed (or its column is left out); a question about a column is answered by
choosing what it holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nbl_desktop.core.errors import InputError
from nbl_desktop.core.event import EventData
from nbl_desktop.core.i18n import _, n_
from nbl_desktop.core.importing.choices import ImportChoices, sheet_key
from nbl_desktop.core.importing.event_sheet import is_event_sheet
from nbl_desktop.core.importing.fields import FIELDS_OF_KIND, SheetKind
from nbl_desktop.core.importing.import_report import ColumnQuestion, ImportReport
from nbl_desktop.core.importing.layout import (
    SheetLayout,
    detect_layout,
    first_values,
    fitted_to_values,
)
from nbl_desktop.core.importing.name_matching import labels_of
from nbl_desktop.core.importing.raw_tables import RawSheet, cell_text, read_raw_sheets
from nbl_desktop.core.importing.reader import import_sheets
from nbl_desktop.core.importing.reimport import merge_import

_FIRST_ROWS = 12  # rows shown for choosing a header row


@dataclass(frozen=True)
class ColumnPreview:
    """A column of the header row: as written, the field it is read as, a few values, how it
    was told, and the question about it when the app must ask."""

    column: int  # 0-based
    header: str
    field: str | None  # None: not read
    examples: tuple[str, ...]
    how: str = ""
    question: ColumnQuestion | None = None


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
        return tuple(f.key for f in FIELDS_OF_KIND.get(self.kind, ()))


@dataclass(frozen=True)
class EventImport:
    """The event to store, what the files held that was not used as it stood, what changed."""

    event: EventData
    findings: tuple[str, ...]
    changes: tuple[str, ...]
    report: ImportReport | None = None  # None: nothing could be read
    sheets: tuple[SheetPreview, ...] = ()
    blocked: str = ""  # why this cannot be imported as it stands; "" when it can
    labels: dict[str, str] = field(default_factory=dict)  # attendee ID -> pick-list label

    @property
    def questions(self) -> tuple[ColumnQuestion, ...]:
        return tuple(self.report.questions) if self.report is not None else ()


class ImportSession:
    """Files read once (InputError when one cannot be), imported on demand into `current`."""

    def __init__(self, paths: Sequence[Path], current: EventData,
                 choices: ImportChoices | None = None) -> None:
        self.paths = [Path(p) for p in paths]
        self.current = current
        self.choices = choices.copy() if choices else ImportChoices()
        self.sheets: list[RawSheet] = [sheet for path in self.paths
                                       for sheet in read_raw_sheets(path)]

    def run(self, choices: ImportChoices | None = None) -> EventImport:
        """The event as it would be after the import, with `choices` (default: the
        session's own); nothing is written."""
        choices = choices or self.choices
        try:
            imported = import_sheets(self.sheets, self.current.settings,
                                     self.current.attendees, choices)
        except InputError as exc:  # correctable here: choose the header row or columns
            sheets = tuple(self._preview(sheet, _layout(sheet, choices), ())
                           for sheet in self.sheets)
            return EventImport(self.current, (), (), None, sheets, str(exc))
        report = imported.report
        sheets = tuple(self._preview(sheet, layout, report.questions)
                       for sheet, layout in zip(self.sheets, imported.layouts, strict=True))
        read = imported.event
        if self.current.attendees or not imported.settings_given:
            read = EventData(self.current.settings, read.attendees, read.requests,
                             read.exclusions)
        event, changes = read, ()
        if self.current.attendees:
            merged = merge_import(self.current, read)
            event, changes = merged.event, merged.changes
        blocked = ""
        if report.errors:
            count = len(report.errors)
            # Translators: "Report" and “not read” as the import dialog names its tab and the
            # choice for a column
            blocked = n_("{count} value in the files cannot be read as written (listed under "
                         "Report); fix them in the file and import it again, or set the column "
                         "to “not read”.",
                         "{count} values in the files cannot be read as written (listed under "
                         "Report); fix them in the file and import it again, or set the column "
                         "to “not read”.", count).format(count=count)
        elif not read.attendees and not self.current.attendees:
            blocked = _("The files hold no people under their header row.")
        return EventImport(event, tuple(report.lines()), changes, report, sheets, blocked,
                           labels=labels_of(event.attendees))

    def _preview(self, sheet: RawSheet, layout: SheetLayout,
                 questions: Sequence[ColumnQuestion]) -> SheetPreview:
        key = sheet_key(sheet.file, sheet.name)
        first = tuple((number, " | ".join(_cell(values, c) for c in range(len(values))
                                          if _cell(values, c)))
                      for number, values in sheet.rows[:_FIRST_ROWS])
        asked = {q.letter: q for q in questions if q.sheet_key == key}
        previews = tuple(ColumnPreview(r.column, r.header, r.field,
                                       first_values(sheet, layout, r.column), r.how,
                                       asked.get(r.letter))
                         for r in layout.columns)
        return SheetPreview(key, sheet.file, sheet.name, layout.kind, layout.header_row,
                            previews, first)


def _layout(sheet: RawSheet, choices: ImportChoices) -> SheetLayout:
    """How the sheet is read, when the import could not be run to say so."""
    if sheet_key(sheet.file, sheet.name) not in choices.header_rows and is_event_sheet(sheet):
        return SheetLayout(SheetKind.EVENT)
    return fitted_to_values(sheet, detect_layout(sheet, choices))


def _cell(values: tuple[Any, ...], column: int) -> str:
    """The cell on one line, for the preview."""
    return cell_text(values[column] if column < len(values) else None).replace("\n", " ")
