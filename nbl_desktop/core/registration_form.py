"""The canonical registration workbook: its sheets, keys and columns.

One definition read by the importer and written by `nbl-desktop template`,
so the two can never disagree: the columns are the importer's fields.
"""

from __future__ import annotations

from dataclasses import dataclass

from nbl_desktop.core.importing.fields import SheetKind, template_fields


@dataclass(frozen=True)
class Column:
    """A column of a form sheet; `required` columns must be present in the header."""

    header: str
    help: str
    required: bool = False


@dataclass(frozen=True)
class FormSheet:
    """A sheet of the form: its name, columns, and whether it may be left out."""

    name: str
    columns: tuple[Column, ...]
    required: bool = True


EVENT_SHEET = "Event"
ATTENDEES_SHEET = "Attendees"
REQUESTS_SHEET = "Requests"
EXCLUSIONS_SHEET = "Exclusions"

# Keys of the Event sheet (column A: key, column B: value).
EVENT_NAME = "Event name"
DATE = "Date"
START = "Start"
SLOT_MINUTES = "Slot minutes"
SLOTS = "Slots"
BREAKS = "Breaks"
TABLES = "Tables"

EVENT_KEYS: tuple[Column, ...] = (
    Column(EVENT_NAME, "The event's name, printed on every agenda.", required=True),
    Column(DATE, "The day, as YYYY-MM-DD."),
    Column(START, "When the first slot starts, HH:MM.", required=True),
    Column(SLOT_MINUTES, "Length of one meeting in minutes, e.g. 20.", required=True),
    Column(SLOTS, "How many meeting slots the day has.", required=True),
    Column(BREAKS, "Breaks as HH:MM-HH:MM, several separated by ';'. Slots skip them."),
    Column(TABLES, "How many tables (numbered 1, 2, 3 …).", required=True),
)


def _columns_of(kind: SheetKind) -> tuple[Column, ...]:
    return tuple(Column(f.template_header, f.help, f.required) for f in template_fields(kind))


# The sheets' columns are the fields' own headers (`importing.fields`): the template and
# the importer share one list.
ATTENDEE_COLUMNS = _columns_of(SheetKind.ATTENDEES)
REQUEST_COLUMNS = _columns_of(SheetKind.REQUESTS)
EXCLUSION_COLUMNS = _columns_of(SheetKind.EXCLUSIONS)

SHEETS: tuple[FormSheet, ...] = (
    FormSheet(EVENT_SHEET, (Column("Key", ""), Column("Value", ""))),
    FormSheet(ATTENDEES_SHEET, ATTENDEE_COLUMNS),
    FormSheet(REQUESTS_SHEET, REQUEST_COLUMNS),
    FormSheet(EXCLUSIONS_SHEET, EXCLUSION_COLUMNS, required=False),
)
