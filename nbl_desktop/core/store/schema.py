"""Tables of the event file, its identity mark and its schema version.

An event file is an SQLite database whose `application_id` is ours; its
`user_version` is the schema version. A file with another mark is not an
event file; a file with a newer version was written by a newer NBL Desktop;
a file with an older version is upgraded in place, in one transaction, when
it is opened (`upgrade_schema`).
"""

from __future__ import annotations

import sqlite_utils

APPLICATION_ID = 0x4E424C45  # "NBLE"
SCHEMA_VERSION = 7

# Columns each version added: table, name, type, value for the rows already there.
_COLUMNS_ADDED = {
    2: (("attendees", "party_size", int, 1), ("attendees", "fixed_table", str, ""),
        ("attendees", "delegation", str, ""), ("event", "table_seats", int, 4)),
    3: (("attendees", "notes", str, ""),),
    4: (("event", "later_days", str, "[]"), ("tables", "room", str, ""),
        ("tables", "seats", int, 0)),
    5: (("event", "venue", str, ""), ("event", "logo", bytes, None)),
    7: (("tables", "closed_from", int, -1),),
}


def _create_import_choices(db: sqlite_utils.Database) -> None:
    """The organizer's import corrections (`importing.choices`): kind, key, value."""
    db["import_choices"].create({"kind": str, "key": str, "value": str}, pk=("kind", "key"))


def _create_print_log(db: sqlite_utils.Database) -> None:
    """What was last printed (`printing.print_log`): per kind and key (an attendee ID, a table
    label, "grid"), a fingerprint of the page's content and when it was printed."""
    db["print_log"].create({"kind": str, "key": str, "fingerprint": str, "printed_at": str},
                           pk=("kind", "key"))


def _create_event_day(db: sqlite_utils.Database) -> None:
    """The day at the desk (`core.event_day`): who arrived when, meetings that were not
    held, 'now' when set by hand, and the change log of everything the desk did."""
    db["arrivals"].create({"attendee_id": str, "arrived_at": str}, pk="attendee_id")
    db["not_held"].create({"slot": int, "a": str, "b": str}, pk=("slot", "a", "b"))
    db["day"].create({"id": int, "now_slot": int}, pk="id")  # now_slot NULL: the clock's
    db["change_log"].create({"id": int, "at": str, "who": str, "what": str}, pk="id")


# Tables each version added, created empty in an older file.
_TABLES_ADDED = {3: (_create_import_choices,), 5: (_create_print_log,),
                 6: (_create_event_day,)}


def create_schema(db: sqlite_utils.Database) -> None:
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    db["event"].create(
        {
            "id": int,
            "name": str,
            "date": str,
            "start_minute": int,
            "slot_minutes": int,
            "slot_count": int,
            "breaks": str,  # JSON list of [start_minute, end_minute]
            "table_seats": int,
            "later_days": str,  # JSON list of the second day on: {date, start_minute, ...}
            "venue": str,
            "logo": bytes,  # NULL: no logo
        },
        not_null={"table_seats", "later_days", "venue"},
        defaults={"table_seats": 4, "later_days": "[]", "venue": ""},
        pk="id",
    )
    db["tables"].create({"position": int, "label": str, "room": str, "seats": int,
                         "closed_from": int},  # a slot; -1: in use all day
                        pk="position", not_null={"room", "seats", "closed_from"},
                        defaults={"room": "", "seats": 0, "closed_from": -1})
    # seats 0: the event's table_seats
    db["attendees"].create(
        {
            "id": str,
            "name": str,
            "organization": str,
            "country": str,
            "email": str,
            "language": str,
            "sector": str,
            "offers": str,
            "seeks": str,
            "available_from": int,
            "available_until": int,
            "max_meetings": int,
            "party_size": int,
            "fixed_table": str,  # a table label as the organizer wrote it; "" for none
            "delegation": str,  # people with the same delegation meet together; "" alone
            "notes": str,
        },
        pk="id",
        not_null={"party_size", "fixed_table", "delegation", "notes"},
        defaults={"party_size": 1, "fixed_table": "", "delegation": "", "notes": ""},
    )
    db["requests"].create(
        {"requester": str, "requested": str, "priority": int},
        pk=("requester", "requested"),
        foreign_keys=[("requester", "attendees", "id"), ("requested", "attendees", "id")],
    )
    db["exclusions"].create(
        {"a": str, "b": str},
        pk=("a", "b"),
        foreign_keys=[("a", "attendees", "id"), ("b", "attendees", "id")],
    )
    db["meetings"].create(
        {"slot": int, "table_position": int, "a": str, "b": str, "locked": int},
        pk=("slot", "table_position"),
        foreign_keys=[("a", "attendees", "id"), ("b", "attendees", "id")],
    )
    _create_import_choices(db)
    _create_print_log(db)
    _create_event_day(db)


def upgrade_schema(db: sqlite_utils.Database, version: int) -> None:
    """Bring a file written by an older NBL Desktop to SCHEMA_VERSION (caller commits)."""
    for step in range(version + 1, SCHEMA_VERSION + 1):
        for table, name, kind, default in _COLUMNS_ADDED.get(step, ()):
            if default is None:
                db[table].add_column(name, kind)
            else:
                db[table].add_column(name, kind, not_null_default=default)
        for create_table in _TABLES_ADDED.get(step, ()):
            create_table(db)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
