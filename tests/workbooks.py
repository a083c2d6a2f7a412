"""Registration workbooks for tests: a copy of a shared sample, edited by openpyxl."""

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

