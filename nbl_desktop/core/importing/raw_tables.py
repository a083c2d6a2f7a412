"""Read any registration file into plain rows: every sheet of an .xlsx, or one .csv.

CSV: UTF-8 (with or without BOM) or Windows-1252 (what Nordic Excel writes),
delimiter `,` `;` or tab, quoted cells with line breaks. Rows keep their
number in the file (1-based, as the organizer sees it in Excel).
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from nbl_desktop.core.errors import InputError, InputProblem


@dataclass(frozen=True)
class RawSheet:
    """One sheet (or csv file): (row number, cell values) for every row that is not blank."""

    file: Path
    name: str
    rows: tuple[tuple[int, tuple[Any, ...]], ...]


def cell_text(value: Any) -> str:
    """A cell as the organizer reads it: trimmed, a whole number without '.0', None as ''."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_raw_sheets(path: Path) -> list[RawSheet]:
    """Every sheet of the file, or InputError saying why the file cannot be read."""
    path = Path(path)
    if not path.exists():
        raise InputError([InputProblem(path, "the file does not exist; check the name and folder")])
    if path.suffix.lower() in (".csv", ".txt", ".tsv"):
        return [_read_csv(path)]
    return _read_workbook(path)


def _not_blank(values: tuple[Any, ...]) -> bool:
    return any(v is not None and str(v).strip() != "" for v in values)


def _read_workbook(path: Path) -> list[RawSheet]:
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise InputError([InputProblem(
            path, f"this is not an Excel workbook that can be read ({type(exc).__name__}); "
            "save it from Excel as .xlsx (or as .csv) and try again")]) from exc
    sheets = []
    for sheet in workbook.worksheets:
        rows = tuple((number, tuple(values))
                     for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
                     if values and _not_blank(tuple(values)))
        sheets.append(RawSheet(path, sheet.title, rows))
    workbook.close()
    return sheets


def _decode(path: Path, data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError([InputProblem(path, "the file's text encoding is neither UTF-8 nor "
                                         "Windows-1252; save it from Excel as CSV UTF-8")])


def _delimiter(text: str) -> str:
    sample = "\n".join(text.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in ",;\t"}
        return max(counts, key=lambda d: counts[d])


def _read_csv(path: Path) -> RawSheet:
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        raise InputError([InputProblem(path, "this is not a text (CSV) file; save the "
                                             "registrations from Excel as .csv or .xlsx")])
    text = _decode(path, data)
    if not text.strip():
        raise InputError([InputProblem(path, "the file is empty; export the registrations "
                                             "again with a header row")])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    rows = []
    for values in reader:
        number = reader.line_num - sum(cell.count("\n") for cell in values)
        if _not_blank(tuple(values)):
            rows.append((number, tuple(values)))
    return RawSheet(path, path.stem, tuple(rows))
