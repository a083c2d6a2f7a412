"""Is an event file whole and sane? Checked when it is opened, before anything is read.

SQLite's own check of its pages, the tables and the event row the app
needs, sizes that would take memory past reason (a hundred million slots),
and the rules every row must keep (known IDs, priorities 1 to 3, whole
numbers where numbers belong, slots and tables that exist). Each problem is
one plain line; all of it in SQL, so a large file is checked in a moment.
"""

from __future__ import annotations

import json
import sqlite3

import sqlite_utils

from nbl_desktop.core.i18n import N_, _, n_

MAX_SLOTS = 2_000  # every day's slots together
MAX_TABLES = 5_000
MAX_ROWS = 1_000_000  # people, wishes or meetings

_TABLES = ("event", "tables", "attendees", "requests", "exclusions", "meetings",
           "import_choices", "print_log", "arrivals", "not_held", "day", "change_log")


def file_problems(db: sqlite_utils.Database) -> list[str]:
    """What is wrong with the open event file; [] when nothing is."""
    try:
        return _problems(db)
    except (sqlite3.DatabaseError, ValueError, TypeError, KeyError) as exc:
        return [_("it cannot be read ({reason})").format(reason=exc)]


def _problems(db: sqlite_utils.Database) -> list[str]:
    check = [row[0] for row in db.execute("PRAGMA quick_check(5)").fetchall()]
    if check != ["ok"]:
        # Translators: {details} is SQLite's own report, in English
        return [_("SQLite finds its pages damaged ({details})").format(details="; ".join(check))]
    names = set(db.table_names())
    missing = [t for t in _TABLES if t not in names]
    if missing:
        # Translators: {tables} names tables inside the event file, e.g. "meetings, day"
        return [n_("the tables {tables} are missing", "the tables {tables} are missing",
                   len(missing)).format(tables=", ".join(missing))]
    event = list(db.query("SELECT * FROM event WHERE id = 1"))
    if not event:
        return [_("it has no event settings (the event row is missing)")]
    problems = _settings_problems(event[0], db)
    if problems:
        return problems  # the rows below are judged against these settings
    return _row_problems(db, event[0])


def _whole(value: object, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _settings_problems(event: dict[str, object], db: sqlite_utils.Database) -> list[str]:
    problems = []
    if not _whole(event["start_minute"], 0, 24 * 60 - 1):
        problems.append(_("the first slot starts at minute {minute}").format(
            minute=repr(event["start_minute"])))
    if not _whole(event["slot_minutes"], 1, 24 * 60):
        problems.append(_("a slot is {minutes} minutes long").format(
            minutes=repr(event["slot_minutes"])))
    slots = event["slot_count"]
    days = json.loads(str(event["later_days"] or "[]"))
    if not isinstance(days, list):
        raise ValueError(_("the later days are not a list"))
    for day in days:
        if not _whole(day.get("slot_minutes"), 1, 24 * 60):
            problems.append(_("a later day's slot is {minutes} minutes long").format(
                minutes=repr(day.get("slot_minutes"))))
        slots = slots + day.get("slot_count", 0) if isinstance(slots, int) else slots
    if not _whole(slots, 1, MAX_SLOTS):
        problems.append(_("it has {slots} slots (from 1 to {most} make sense)").format(
            slots=repr(slots), most=f"{MAX_SLOTS:,}"))
    tables = db.execute("SELECT count(*) FROM tables").fetchone()[0]
    if not 1 <= tables <= MAX_TABLES:
        problems.append(_("it has {tables} tables (from 1 to {most} make sense)").format(
            tables=f"{tables:,}", most=f"{MAX_TABLES:,}"))
    json.loads(str(event["breaks"] or "[]"))
    return problems


# Each: a table of the file, the rows that break the rule, and what they hold (shown
# translated, in "3 rows of attendees hold {what}").
_ROW_RULES = (
    ("attendees", "id IS NULL OR trim(id) = '' OR name IS NULL",
     N_("a person without an ID or a name")),
    ("attendees", "typeof(max_meetings) NOT IN ('integer', 'null') OR max_meetings < 0",
     N_("a maximum of meetings that is no whole number")),
    ("attendees", "typeof(party_size) != 'integer' OR party_size < 1",
     N_("a party size that is no whole number from 1")),
    ("attendees", "typeof(available_from) NOT IN ('integer', 'null') "
                  "OR typeof(available_until) NOT IN ('integer', 'null') "
                  "OR available_from NOT BETWEEN 0 AND 1440 "
                  "OR available_until NOT BETWEEN 0 AND 1440",
     N_("hours that are no clock times")),
    ("requests", "typeof(priority) != 'integer' OR priority NOT BETWEEN 1 AND 3",
     N_("a wish whose priority is not 1, 2 or 3")),
    ("meetings", "a = b OR typeof(slot) != 'integer' OR typeof(table_position) != 'integer'",
     N_("a meeting of a person with themself, or at no slot or table")),
)


def _row_problems(db: sqlite_utils.Database, event: dict[str, object]) -> list[str]:
    problems = []
    for table in ("attendees", "requests", "exclusions", "meetings"):
        count = db.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0]
        if count > MAX_ROWS:
            # Translators: {table} names a table inside the event file ("attendees",
            # "requests", "exclusions", "meetings"), as it is
            problems.append(n_("it has {count} rows of {table}, far more than any event",
                               "it has {count} rows of {table}, far more than any event",
                               count).format(count=f"{count:,}", table=table))
    if problems:
        return problems
    for table, broken, what in _ROW_RULES:
        count = db.execute(f"SELECT count(*) FROM [{table}] WHERE {broken}").fetchone()[0]
        if count:
            # Translators: {table} names a table inside the event file ("attendees",
            # "requests", "meetings"), as it is; {what} is e.g. "a person without an ID or a
            # name"
            problems.append(n_("{count} rows of {table} hold {what}",
                               "{count} rows of {table} hold {what}", count).format(
                count=f"{count:,}", table=table, what=_(what)))
    orphans = db.execute("PRAGMA foreign_key_check").fetchall()
    if orphans:
        tables = sorted({row[0] for row in orphans})
        # Translators: {tables} names tables inside the event file, e.g. "requests,
        # meetings", as they are
        problems.append(n_("{count} rows of {tables} name people who are not in the event",
                           "{count} rows of {tables} name people who are not in the event",
                           len(orphans)).format(count=f"{len(orphans):,}",
                                                tables=", ".join(tables)))
    slots = int(str(event["slot_count"])) + sum(
        int(day.get("slot_count", 0)) for day in json.loads(str(event["later_days"] or "[]")))
    tables = db.execute("SELECT count(*) FROM tables").fetchone()[0]
    outside = db.execute("SELECT count(*) FROM meetings WHERE slot NOT BETWEEN 0 AND ? "
                         "OR table_position NOT BETWEEN 0 AND ?",
                         [slots - 1, tables - 1]).fetchone()[0]
    if outside:
        problems.append(n_("{count} meeting is at a slot or table the event does not have",
                           "{count} meetings are at a slot or table the event does not have",
                           outside).format(count=f"{outside:,}"))
    return problems
