"""A key / value sheet of event settings: told apart from people, read strictly, bounded.

A sheet is an event sheet when its first column names two event keys or
more (Event name, Start, Slots …, in four languages, any case), so its keys
are never read as six attendees called "Date", "Start" and "Slot minutes".
Its values are checked against what an event can be (a day has at most
1,440 minutes; 100,000,000 tables is a typo, refused before anything is
built), and every problem is reported at once with its row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from nbl_desktop.core import registration_form as form
from nbl_desktop.core.clock import MINUTES_PER_DAY, parse_clock_range
from nbl_desktop.core.errors import InputProblem
from nbl_desktop.core.event import EventSettings
from nbl_desktop.core.i18n import _
from nbl_desktop.core.importing import cell_values
from nbl_desktop.core.importing.cell_values import BadValue
from nbl_desktop.core.importing.fields import read_header
from nbl_desktop.core.importing.raw_tables import RawSheet, cell_text
from nbl_desktop.core.importing.vocabulary import EVENT_KEY_PHRASES, EVENT_SHEET_NAMES, normalize
from nbl_desktop.core.slot_grid import slot_times

MAX_TABLES = 5_000
MAX_SLOTS = 500
_KEY_OF = {phrase: key for key, phrases in EVENT_KEY_PHRASES.items() for phrase in phrases}
Complain = Callable[[str, "int | None"], None]
_HEADER_WORDS = frozenset({"key", "value", "help", "nokkel", "verdi", "nyckel", "varde",
                           "avain", "arvo"})


@dataclass
class EventSheet:
    """The settings an event sheet gives, what it holds that is not used, and problems."""

    settings: EventSettings | None
    problems: list[InputProblem] = field(default_factory=list)
    not_used: list[tuple[int, str]] = field(default_factory=list)  # (row, key as written)


def event_key(text: object) -> str | None:
    return _KEY_OF.get(normalize(cell_text(text)))


def is_event_sheet(sheet: RawSheet) -> bool:
    """Column A holds event keys (Event name, Start, Slots …): most of its cells, or some
    on a sheet called Event. A note beside them does not matter; a row of people's
    headers above them does (a sheet of people whose first person is called 'Dag')."""
    first = [cell_text(values[0]) for _, values in sheet.rows[:40] if values
             and cell_text(values[0])]
    keys = [text for text in first if event_key(text) is not None]
    if not keys or _people_header(sheet):
        return False
    share = sum(1 for text in first if event_key(text) is not None
                or normalize(text) in _HEADER_WORDS) / len(first)
    named = normalize(sheet.name) in EVENT_SHEET_NAMES
    return (named and share >= 0.3) or (len({event_key(k) for k in keys}) >= 2
                                        and share >= 0.5)


def _people_header(sheet: RawSheet) -> bool:
    """One of the first rows names three of a person's fields or more."""
    for _number, values in sheet.rows[:5]:
        if sum(1 for v in values if cell_text(v) and read_header(v).field is not None) >= 3:
            return True
    return False


def read_event_sheet(sheet: RawSheet) -> EventSheet:
    values: dict[str, tuple[int, object]] = {}
    read = EventSheet(None)
    value_column = "B"  # or the header over it ("Value")
    for number, row in sheet.rows:
        if not row or not cell_text(row[0]):
            continue
        key = event_key(row[0])
        if key is None:
            if normalize(cell_text(row[0])) in _HEADER_WORDS:
                value_column = cell_text(row[1]) if len(row) > 1 and cell_text(row[1]) else "B"
            else:
                read.not_used.append((number, cell_text(row[0])))
            continue
        values[key] = (number, row[1] if len(row) > 1 else None)

    def problem(message: str, row: int | None = None) -> None:
        read.problems.append(InputProblem(sheet.file, message, sheet.name, row,
                                          value_column if row else None))

    for key in form.EVENT_KEYS:
        if key.required and cell_text(values.get(key.header, (0, None))[1]) == "":
            where = values.get(key.header, (None, None))[0]
            if where:
                # Translators: {key} is a key of the Event sheet as written there ("Start"):
                # keep it in English; {help} says what its value is
                text = _("the key '{key}' has no value; write it in column B ({help})")
            else:
                # Translators: {key} is a key of the Event sheet ("Start"): keep it in
                # English; {help} says what its value is
                text = _("the key '{key}' is missing; add a row with '{key}' in column A and "
                         "its value in column B ({help})")
            problem(text.format(key=key.header, help=_(key.help)), where)
    if read.problems:
        return read

    def number_of(key: str, minimum: int, maximum: int, what: str) -> int | None:
        row, value = values[key]
        try:
            return cell_values.whole_number(value, minimum, maximum, what)
        except BadValue as exc:
            problem(_bad(value, exc), row)
            return None

    start = _start(values[form.START], problem)
    slot_minutes = number_of(form.SLOT_MINUTES, 1, MINUTES_PER_DAY, _("minutes per meeting"))
    slot_count = number_of(form.SLOTS, 1, MAX_SLOTS, _("slots"))
    tables = number_of(form.TABLES, 1, MAX_TABLES, _("tables"))
    breaks = _breaks(values.get(form.BREAKS), problem)
    date = ""
    if form.DATE in values:
        try:
            date = cell_values.date_text(values[form.DATE][1])
        except BadValue as exc:
            problem(_bad(values[form.DATE][1], exc), values[form.DATE][0])
    if read.problems or None in (start, slot_minutes, slot_count, tables, breaks):
        return read
    assert start is not None and slot_minutes is not None and slot_count is not None
    assert tables is not None and breaks is not None
    settings = EventSettings(
        name=cell_text(values[form.EVENT_NAME][1]), date=date, start_minute=start,
        slot_minutes=slot_minutes, slot_count=slot_count, breaks=breaks,
        table_labels=tuple(str(i) for i in range(1, tables + 1)))
    if start + slot_count * slot_minutes > MINUTES_PER_DAY or \
            slot_times(settings)[-1].end > MINUTES_PER_DAY:
        problem(_("{slots} slots of {minutes} minutes do not fit before midnight; use fewer "
                  "or shorter slots").format(slots=slot_count, minutes=slot_minutes),
                values[form.SLOTS][0])
        return read
    read.settings = settings
    return read


def _bad(value: object, exc: BadValue) -> str:
    # Translators: {problem} says what the value is, e.g. "'x' is not a number"; {action}
    # what to do
    return _("{value!r} is {problem}; {action}").format(value=cell_text(value),
                                                        problem=exc.message, action=exc.action)


def _start(entry: tuple[int, object], problem: Complain) -> int | None:
    row, value = entry
    try:
        return cell_values.clock(value)
    except BadValue as exc:
        problem(_bad(value, exc), row)
        return None


def _breaks(entry: tuple[int, object] | None, problem: Complain
            ) -> tuple[tuple[int, int], ...] | None:
    if entry is None:
        return ()
    row, value = entry
    breaks = []
    for part in cell_text(value).replace(",", ";").split(";"):
        if not part.strip():
            continue
        found = parse_clock_range(part)
        if found is None:
            problem(_("{value!r} is not a break; write it as HH:MM-HH:MM, e.g. "
                      "11:00-12:00").format(value=part.strip()), row)
            return None
        if found[1] <= found[0]:
            problem(_("the break {value!r} ends before it starts").format(value=part.strip()),
                    row)
            return None
        breaks.append(found)
    return tuple(sorted(breaks))
