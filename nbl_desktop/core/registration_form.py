"""The canonical registration workbook: its sheets, keys and columns.

One definition read by the importer and written by `nbl-desktop template`,
so the two can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass


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

ATTENDEE_ID = "ID"
ATTENDEE_COLUMNS: tuple[Column, ...] = (
    Column(ATTENDEE_ID, "A unique code per person, e.g. P0001.", required=True),
    Column("Name", "First and last name.", required=True),
    Column("Organization", "Company or organization."),
    Column("Country", "Two-letter country code, e.g. NO, SE, FI."),
    Column("Email", "Email address."),
    Column("Language", "Agenda language: en, nb, sv or fi."),
    Column("Sector", "Business sector."),
    Column("Offers", "What the organization offers."),
    Column("Seeks", "What the organization is looking for."),
    Column("Available from", "Earliest time the person can meet, HH:MM; empty: from the start."),
    Column("Available until", "Latest time a meeting may end, HH:MM; empty: until the end."),
    Column("Max meetings", "Most meetings this person wants; empty: no limit."),
)

REQUEST_COLUMNS: tuple[Column, ...] = (
    Column("Requester ID", "ID of the person who asks for the meeting.", required=True),
    Column("Requested ID", "ID of the person they want to meet.", required=True),
    Column("Priority", "1 = nice, 2 = important, 3 = must meet.", required=True),
)

EXCLUSION_COLUMNS: tuple[Column, ...] = (
    Column("Attendee ID", "ID of one person.", required=True),
    Column("Other ID", "ID of a person they must never be scheduled with.", required=True),
)

SHEETS: tuple[FormSheet, ...] = (
    FormSheet(EVENT_SHEET, (Column("Key", ""), Column("Value", ""))),
    FormSheet(ATTENDEES_SHEET, ATTENDEE_COLUMNS),
    FormSheet(REQUESTS_SHEET, REQUEST_COLUMNS),
    FormSheet(EXCLUSIONS_SHEET, EXCLUSION_COLUMNS, required=False),
)
