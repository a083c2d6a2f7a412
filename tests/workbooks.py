"""Registration files for tests: csv written as Excel would, a shared sample edited by openpyxl."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook, load_workbook

from tests.conftest import sample


def edited_sample(tmp_path: Path, edit: Callable[[Workbook], None],
                  name: str = "arctic-60.xlsx") -> Path:
    workbook = load_workbook(sample(name))
    edit(workbook)
    target = tmp_path / f"edited-{name}"
    workbook.save(target)
    return target



def write_csv(path: Path, rows: list[list[str]], delimiter: str = ",",
              encoding: str = "utf-8") -> Path:
    """`rows` as a csv file, quoting cells with line breaks or the delimiter, CRLF lines."""
    def cell(value: str) -> str:
        return f'"{value}"' if "\n" in value or delimiter in value else value
    text = "\r\n".join(delimiter.join(cell(v) for v in row) for row in rows)
    path.write_bytes(text.encode(encoding))
    return path
