"""Find a sheet's header row and what each column holds.

Title rows, notes and blank rows above the header are skipped: the header is
the row among the first rows that names the most known fields. Each field
takes the first column that names it; a later column naming the same field
is listed as not used, never dropped silently. The organizer's corrections
(`choices.ImportChoices`) come first: what a header means, which row is the
header row, or that a sheet is not to be read.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

from nbl_desktop.core.importing.choices import (
    NOT_USED,
    SKIP_SHEET,
    ImportChoices,
    header_key,
    sheet_key,
)
from nbl_desktop.core.importing.raw_tables import RawSheet
from nbl_desktop.core.importing.vocabulary import (
    ATTENDEE_FIELDS,
    EXCLUSION_FIELDS,
    PAIR_FIELDS,
    normalize,
)

_ROWS_SEARCHED = 30


class SheetKind(enum.Enum):
    """What a sheet holds, told by its header row."""

    ATTENDEES = "attendees"
    REQUESTS = "requests"
    EXCLUSIONS = "exclusions"
    UNKNOWN = "unknown"


@dataclass
class ColumnMap:
    """Which column (0-based) holds which field, read from the header row."""

    kind: SheetKind
    header_row: int = 0  # row number in the file; 0: none found
    columns: dict[str, int] = field(default_factory=dict)
    headers: dict[int, str] = field(default_factory=dict)  # column -> header as written
    unused: dict[int, str] = field(default_factory=dict)  # columns no field took

    def describe(self) -> list[str]:
        """'column → field' lines, for the report's preview of detected columns."""
        lines = [f"{self.headers[c]!r} → {name}" for name, c in
                 sorted(self.columns.items(), key=lambda item: item[1])]
        lines += [f"{header!r} → not used" for header in self.unused.values()]
        return lines


def field_of(header: Any, vocabulary: dict[str, tuple[str, ...]]) -> str | None:
    """The field a header names: an exact phrase first, else the longest phrase it contains."""
    text = normalize(str(header)) if header is not None else ""
    if not text:
        return None
    best: tuple[int, str] | None = None
    padded = f" {text} "
    for name, phrases in vocabulary.items():
        for phrase in phrases:
            if phrase == text:
                return name
            if f" {phrase} " in padded and (best is None or len(phrase) > best[0]):
                best = (len(phrase), name)
    return best[1] if best else None


def _map_row(values: tuple[Any, ...], vocabulary: dict[str, tuple[str, ...]],
             chosen: dict[str, str]) -> ColumnMap:
    found = ColumnMap(SheetKind.UNKNOWN)
    for column, header in enumerate(values):
        if header is None or str(header).strip() == "":
            continue
        found.headers[column] = str(header).strip()
        choice = chosen.get(header_key(header))
        if choice is None:
            name = field_of(header, vocabulary)
        else:  # the organizer's word; a field of another kind of sheet is not used here
            name = choice if choice != NOT_USED and choice in vocabulary else None
        if name is not None and name not in found.columns:
            found.columns[name] = column
        else:
            found.unused[column] = str(header).strip()
    return found


_REQUIRED = {
    SheetKind.ATTENDEES: frozenset(),
    SheetKind.REQUESTS: frozenset({"requester", "requested"}),
    SheetKind.EXCLUSIONS: frozenset({"a", "b"}),
}


def _has_name(columns: dict[str, int]) -> bool:
    return "name" in columns or {"first_name", "last_name"} <= columns.keys()


FIELDS_OF_KIND = {SheetKind.ATTENDEES: ATTENDEE_FIELDS, SheetKind.REQUESTS: PAIR_FIELDS,
                  SheetKind.EXCLUSIONS: EXCLUSION_FIELDS}


def detect_columns(sheet: RawSheet, choices: ImportChoices | None = None) -> ColumnMap:
    """The sheet's kind and column map; kind UNKNOWN when no header row is recognized.

    A header row the organizer chose is the only row tried. When no row names
    known fields, the map is UNKNOWN but keeps the headers of the chosen row, or
    else of the first row, so the organizer can say what the columns hold.
    """
    choices = choices or ImportChoices()
    rows = sheet.rows[:_ROWS_SEARCHED]
    chosen_row = choices.header_rows.get(sheet_key(sheet.file, sheet.name))
    if chosen_row == SKIP_SHEET:
        return ColumnMap(SheetKind.UNKNOWN)
    if chosen_row is not None:
        rows = tuple(row for row in sheet.rows if row[0] == chosen_row)
    best = ColumnMap(SheetKind.UNKNOWN)
    if rows:
        best = _map_row(rows[0][1], {}, {})
        best.header_row = rows[0][0]
    best_score = 1
    for number, values in rows:
        candidates = [(kind, _map_row(values, vocabulary, choices.header_fields))
                      for kind, vocabulary in FIELDS_OF_KIND.items()]
        for kind, mapped in candidates:
            if kind is SheetKind.ATTENDEES and not _has_name(mapped.columns):
                continue
            if not _REQUIRED[kind] <= mapped.columns.keys():
                continue
            score = len(mapped.columns) + (10 if kind is SheetKind.ATTENDEES else 0)
            if score > best_score:
                mapped.kind, mapped.header_row = kind, number
                best, best_score = mapped, score
    return best
