"""Registration files for tests: csv written as Excel would, a shared sample edited by openpyxl."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook

from nbl_desktop.core.errors import InputError
from nbl_desktop.core.event import EventSettings
from nbl_desktop.core.importing.registrations import (
    FilesRead,
    ImportStopped,
    read_clean_files,
    read_files,
)
from tests.conftest import sample


def edited_sample(tmp_path: Path, edit: Callable[[Workbook], None],
                  name: str = "arctic-60.xlsx") -> Path:
    workbook = load_workbook(sample(name))
    edit(workbook)
    target = tmp_path / f"edited-{name}"
    workbook.save(target)
    return target


def workbook_of(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    """A workbook at `path` with these sheets, in order, each with its rows."""
    workbook = Workbook()
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


def write_csv(path: Path, rows: list[list[str]], delimiter: str = ",",
              encoding: str = "utf-8") -> Path:
    """`rows` as a csv file, quoting cells with line breaks, quotes or the delimiter (a quote
    doubled, as Excel does), CRLF lines."""
    def cell(value: str) -> str:
        if any(c in value for c in ("\n", "\r", '"', delimiter)):
            return '"' + value.replace('"', '""') + '"'
        return value
    text = "\r\n".join(delimiter.join(cell(v) for v in row) for row in rows)
    path.write_bytes(text.encode(encoding))
    return path


def read_workbook(path: Path) -> FilesRead:
    """The event and report of registration files, read as the app reads them."""
    return read_files([path], EventSettings(name=path.stem))


def problems_of(path: Path) -> list[str]:
    """Every error the import stops on, one line each (the command line's message)."""
    try:
        read_clean_files([path])
    except ImportStopped as stopped:
        return [line.strip() for line in str(stopped).splitlines()[1:]
                if not line.endswith(":")]
    except InputError as error:
        return [str(p) for p in error.problems]
    raise AssertionError(f"{path} imported without a problem")
