"""Columns the app does not know whose values look like a field it has: questions, not skips.

A column of arrival times under a header nobody foresaw must not be dropped
while people are scheduled before they arrive. Its values are looked at
(clock times or ranges, small numbers, table labels, email addresses,
names of registered people or organizations, ticks under a header naming
one): when they look like a field the sheet does not have yet, the column
becomes a question with a best guess. A column that says the same thing on
every row (a consent ticked by all) carries nothing to ask about; form
metadata, known columns the app does not use (phone, diet …) and columns
the organizer left out are never asked about.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from nbl_desktop.core.i18n import _
from nbl_desktop.core.importing import cell_values
from nbl_desktop.core.importing.cell_values import BadValue
from nbl_desktop.core.importing.choices import sheet_key
from nbl_desktop.core.importing.fields import SheetKind
from nbl_desktop.core.importing.import_report import ColumnQuestion, ImportReport
from nbl_desktop.core.importing.layout import ColumnReading, SheetLayout, cells_of, first_values
from nbl_desktop.core.importing.name_matching import NameIndex
from nbl_desktop.core.importing.raw_tables import RawSheet, cell_text
from nbl_desktop.core.importing.vocabulary import normalize

if TYPE_CHECKING:
    from nbl_desktop.core.importing.reader import Row

_LOOKED_AT = 200  # values per column: enough to judge, few enough to stay fast
_MOST = 0.7
_TABLE_LABEL = re.compile(r"^(?:[a-z]{1,3}\s?-?\s?\d{1,4}|\d{1,4}\s?[a-z]?)$", re.IGNORECASE)
_UNTIL_WORDS = frozenset({"til", "till", "until", "to", "asti", "saakka", "avreise", "avresa",
                          "departure", "leave", "leaves", "lahtee", "lahto", "slutt", "end"})
_WISHES = ("want_meet", "must_meet", "could_meet", "do_not_meet")


def ask_about_columns(raw: Sequence[RawSheet], layouts: list[tuple[RawSheet, SheetLayout]],
                      report: ImportReport, index: NameIndex,
                      rows_of: dict[str, list[Row]]) -> None:
    """Add a question to `report` for every unknown column that looks like a field."""
    owner = {(str(row.sheet.file), row.sheet.name, row.number): attendee_id
             for attendee_id, rows in rows_of.items() for row in rows}
    for sheet, layout in layouts:
        if layout.kind not in (SheetKind.ATTENDEES, SheetKind.REQUESTS):
            continue
        for reading in layout.columns:
            if not _open_question(reading):
                continue
            values = [(number, cells_of(cells, reading.column)) for number, cells in sheet.rows
                      if number > layout.header_row]
            filled = [(n, v) for n, v in values if cell_text(v)]
            if not filled or _constant(filled, len(values)):
                continue
            place = (str(sheet.file), sheet.name)
            found = _looks_like(reading, filled[:_LOOKED_AT], layout, index,
                                lambda n, place=place: owner.get((*place, n)))
            if found is None:
                continue
            looks_like, fields = found
            report.questions.append(ColumnQuestion(
                sheet_key(sheet.file, sheet.name), sheet.file, sheet.name, reading.letter,
                reading.header, first_values(sheet, layout, reading.column), looks_like,
                fields[0], fields))


def _open_question(reading: ColumnReading) -> bool:
    """Unknown to the app, and not something it knows not to use."""
    return (reading.field is None and not reading.metadata and not reading.chosen
            and bool(reading.header) and not reading.unused)


def _constant(filled: list[tuple[int, Any]], rows: int) -> bool:
    distinct = {normalize(cell_text(v)) for _, v in filled}
    return len(distinct) == 1 and len(filled) >= max(2, 0.9 * rows)


def _share(values: list[tuple[int, Any]], test: Any) -> float:
    return sum(1 for _, v in values if test(v)) / len(values)


def _whole(value: Any) -> bool:
    try:
        cell_values.whole_number(value, 0, 999, "")
    except BadValue:
        return False
    return True


def _clock(value: Any) -> bool:
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return False  # a date
    try:
        cell_values.clock_or_range(value)
    except BadValue:
        return False
    return True


_TIME_SHAPE = re.compile(r"^\s*(?:kl\.?\s*|klo\s*)?\d{1,2}[.:]\d{2}\s*$", re.IGNORECASE)


def _time_shaped(value: Any) -> bool:
    """Written as a time (HH.MM, HH:MM, a time cell), which a number of meetings never is."""
    if isinstance(value, dt.time):
        return True
    return isinstance(value, str) and bool(_TIME_SHAPE.match(value)) and _clock(value)


def _timestamp(value: Any) -> bool:
    """When a form was answered (a date with a time), not a time of day."""
    return isinstance(value, dt.datetime) or bool(
        re.match(r"^\s*\d{1,4}[-./]\d{1,2}[-./]\d{1,4}[ t]", str(value)))


def _looks_like(reading: ColumnReading, values: list[tuple[int, Any]], layout: SheetLayout,
                index: NameIndex, owner: Callable[[int], str | None]
                ) -> tuple[str, tuple[str, ...]] | None:
    def missing(*names: str) -> tuple[str, ...]:
        return tuple(n for n in names if not layout.has(n))

    if layout.kind is SheetKind.REQUESTS:
        priorities = _share(values, lambda v: cell_values.priority_answer(v)[1] is not None)
        fields = missing("priority")
        return (_("priorities"), fields) if priorities >= _MOST and fields else None

    if _share(values, lambda v: cell_values.looks_like_email(cell_text(v))) >= _MOST:
        fields = missing("email")
        return (_("email addresses"), fields) if fields else None
    if _share(values, _time_shaped) >= _MOST:  # 10.00, 09.40: Nordic times, not numbers
        fields = missing("available_from", "available_until", "available")
        return (_("clock times"), fields) if fields else None
    if _share(values, _whole) >= _MOST:
        fields = missing("max_meetings", "party_size", "fixed_table", "available_from",
                         "available_until")
        return (_("whole numbers"), fields) if fields else None
    if _share(values, _timestamp) >= _MOST:
        return None  # when the form was answered
    if _share(values, _clock) >= _MOST:
        ranges = _share(values, lambda v: cell_values.clock_or_range(v).side == "range"
                        if _clock(v) else False)
        words = set(normalize(reading.header).split())
        order = ("available", "available_from", "available_until") if ranges >= 0.5 else \
            ("available_until", "available_from", "available") if words & _UNTIL_WORDS else \
            ("available_from", "available_until", "available")
        fields = missing(*order)
        return (_("clock times"), fields) if fields else None
    if _share(values, lambda v: bool(_TABLE_LABEL.match(cell_text(v)))) >= _MOST:
        fields = missing("fixed_table")
        return (_("table labels"), fields) if fields else None
    header_names = index.match(reading.header).attendee
    ticks = _share(values, lambda v: cell_values.is_yes(v) is not None)
    if ticks >= _MOST and header_names is not None:
        # Translators: {name} is a registered person or organization, "Kari (Fisk AS)"
        return (_("ticks for {name}").format(name=index.label(header_names)), _WISHES)
    naming = sum(1 for number, v in values if _names_others(v, index, owner(number)))
    if naming >= 0.5 * len(values):
        return (_("names of registered people or organizations"), _WISHES)
    return None


def _names_others(value: Any, index: NameIndex, own: str | None) -> bool:
    """The cell names someone registered other than the row's own person."""
    for part in cell_values.split_names(cell_text(value))[:5]:
        found = index.match(part)
        if found.attendee is not None and found.attendee != own and own not in found.members:
            return True
    return False
