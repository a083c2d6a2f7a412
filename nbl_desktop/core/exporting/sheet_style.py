"""Shared by exported workbooks: the one way rows are written, bold frozen header rows,
fitted widths, a safe save.

Every row the app writes goes through `append_row`, which stores text as
text: a name typed as `=HYPERLINK(…)` or `=cmd|' /C calc'!A0` comes back as
the words typed, never as a live formula (openpyxl would make any text
beginning with "=" one). Text beginning with "=", "+", "-", "@", a tab or a
carriage return is also marked with Excel's quote prefix, so editing the
cell in Excel keeps it text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from nbl_desktop.core.errors import UserError
from nbl_desktop.core.i18n import _

MAX_COLUMN_WIDTH = 60
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def as_text_cells(sheet: Worksheet, values: Sequence[Any]) -> list[Any]:
    """`values` for one row, a text that a spreadsheet could take for a formula made a cell
    that holds it as text."""
    row: list[Any] = []
    for value in values:
        if isinstance(value, str) and value.startswith(FORMULA_STARTS):
            cell = Cell(sheet, value=value)
            cell.data_type = "s"  # text, whatever it starts with
            cell.quotePrefix = True
            row.append(cell)
        else:
            row.append(value)
    return row


def append_row(sheet: Worksheet, values: Sequence[Any]) -> None:
    """Add a row of values; text stays text (see the module's docstring)."""
    sheet.append(as_text_cells(sheet, values))


def write_table(sheet: Worksheet, headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """Header row in bold and frozen, then the rows, then widths fitted to the content."""
    append_row(sheet, list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    widths = [len(h) for h in headers]
    for row in rows:
        append_row(sheet, list(row))
        for i, value in enumerate(row):
            widths[i] = max(widths[i], len(str(value)) if value is not None else 0)
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = min(MAX_COLUMN_WIDTH, width + 2)


def save_workbook(workbook: Workbook, path: Path) -> None:
    """Save, or a UserError saying why not (open in Excel, read-only folder)."""
    try:
        workbook.save(path)
    except PermissionError as exc:
        raise UserError(
            _("Cannot write {file}: it is open in another program or the folder is read-only. "
              "Close it in Excel and try again.").format(file=path)
        ) from exc
    except OSError as exc:
        raise UserError(_("Cannot write {file}: {reason}.").format(
            file=path, reason=exc.strerror or exc)) from exc


class RowWriter:
    """Appends rows to a sheet and styles them, counting rows itself: openpyxl's `max_row`
    looks at every cell, and asking it per row made a 1,000-attendee workbook take minutes."""

    def __init__(self, sheet: Worksheet, rows_written: int = 0) -> None:
        self.sheet = sheet
        self.row = rows_written

    def append(self, values: Sequence[Any], *, font: Font | None = None,
               fill: PatternFill | None = None, formats: dict[int, str] | None = None,
               fonts: dict[int, Font] | None = None,
               alignments: dict[int, Alignment] | None = None) -> int:
        """Add a row; `font`/`fill` style every cell written, the dicts style columns
        (1-based). The new row's number."""
        append_row(self.sheet, list(values))
        self.row += 1
        if font is not None or fill is not None:
            for column in range(1, len(values) + 1):
                cell = self.sheet.cell(self.row, column)
                if font is not None:
                    cell.font = font
                if fill is not None:
                    cell.fill = fill
        for styles, attribute in ((formats, "number_format"), (fonts, "font"),
                                  (alignments, "alignment")):
            for column, style in (styles or {}).items():
                setattr(self.sheet.cell(self.row, column), attribute, style)
        return self.row
