"""Shared by exported workbooks: bold frozen header rows, fitted widths, a safe save."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from nbl_desktop.core.errors import UserError

MAX_COLUMN_WIDTH = 60


def write_table(sheet: Worksheet, headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """Header row in bold and frozen, then the rows, then widths fitted to the content."""
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    widths = [len(h) for h in headers]
    for row in rows:
        sheet.append(list(row))
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
            f"Cannot write {path}: it is open in another program or the folder is read-only. "
            "Close it in Excel and try again."
        ) from exc
    except OSError as exc:
        raise UserError(f"Cannot write {path}: {exc.strerror or exc}.") from exc
