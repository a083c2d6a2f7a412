"""The organizer's corrections to an import, kept in the event file for re-imports.

What a column header means ("Kontakt" is the name), which row of a sheet is
its header row (or that a sheet is not to be read), and whom an unclear name
in a wish list means. Keys are normalized, so a re-exported file with the
same headers and names is read the same way without asking again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from nbl_desktop.core.importing.vocabulary import normalize

NOT_USED = ""  # a header's field when the organizer says the column is not to be read
SKIP_SHEET = 0  # a sheet's header row when the organizer says the sheet is not to be read


def header_key(header: object) -> str:
    return normalize(str(header))


def name_key(written: str) -> str:
    return normalize(written)


def sheet_key(file: Path, sheet: str) -> str:
    """A sheet named by its file's name (not folder), so a newer download is the same sheet."""
    return f"{Path(file).name}: {sheet}"


@dataclass
class ImportChoices:
    """Corrections by the organizer; empty means: detect everything."""

    header_fields: dict[str, str] = field(default_factory=dict)  # header_key -> field
    header_rows: dict[str, int] = field(default_factory=dict)  # sheet_key -> row number
    names: dict[str, str] = field(default_factory=dict)  # name_key -> attendee ID
    # headers chosen for this import (on the command line), not remembered from earlier ones
    given_now: set[str] = field(default_factory=set, compare=False)

    def copy(self) -> ImportChoices:
        return ImportChoices(dict(self.header_fields), dict(self.header_rows), dict(self.names),
                             set(self.given_now))

    def rows(self) -> list[tuple[str, str, str]]:
        """(kind, key, value) rows, the event file's form."""
        return ([("header", k, v) for k, v in self.header_fields.items()]
                + [("header_row", k, str(v)) for k, v in self.header_rows.items()]
                + [("name", k, v) for k, v in self.names.items()])

    @classmethod
    def from_rows(cls, rows: list[tuple[str, str, str]]) -> ImportChoices:
        choices = cls()
        for kind, key, value in rows:
            if kind == "header":
                choices.header_fields[key] = value
            elif kind == "header_row" and value.lstrip("-").isdigit():
                choices.header_rows[key] = int(value)
            elif kind == "name":
                choices.names[key] = value
        return choices
