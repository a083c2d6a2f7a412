"""Errors the organizer can fix, each saying where the problem is and what to do.

A user error is never a traceback: the CLI prints these and exits with
status 2; the GUI shows them in a dialog.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from nbl_desktop.core.i18n import _


class UserError(Exception):
    """Something in the organizer's input or files that they can fix."""


@dataclass(frozen=True)
class InputProblem:
    """One problem in an input file, located as precisely as it can be."""

    file: Path
    message: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        # "day.xlsx, sheet 'Attendees', row 4, column 'Email': …", each part in the current
        # language.
        where = [self.file.name]
        if self.sheet is not None:
            # Translators: where a problem is in an input file: "day.xlsx, sheet 'Attendees'"
            where.append(_("sheet '{sheet}'").format(sheet=self.sheet))
        if self.row is not None:
            # Translators: where a problem is in an input file: "day.xlsx, row 4"
            where.append(_("row {row}").format(row=self.row))
        if self.column is not None:
            # Translators: where a problem is in an input file: "day.xlsx, column 'Email'"
            where.append(_("column '{column}'").format(column=self.column))
        return f"{', '.join(where)}: {self.message}"


class InputError(UserError):
    """An input file could not be used; `problems` lists every problem found."""

    def __init__(self, problems: list[InputProblem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class EventFileError(UserError):
    """An event file is missing, not an event file, damaged, or from a newer version."""
