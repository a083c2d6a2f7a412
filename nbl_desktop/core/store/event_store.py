"""Read and write an event file through sqlite-utils.

Every write method runs in one transaction that is committed before it
returns, so there is never unsaved state: closing the window or killing the
process loses nothing. The rollback journal (not WAL) keeps the event in one
file that can be copied to a USB stick at any time.
"""

from __future__ import annotations

import getpass
import json
import sqlite3
from contextlib import closing
from dataclasses import astuple, fields
from itertools import groupby
from pathlib import Path
from typing import Any

import sqlite_utils

from nbl_desktop.core.clock import now_stamp
from nbl_desktop.core.edits import Edit, row_key
from nbl_desktop.core.errors import EventFileError
from nbl_desktop.core.event import (
    AttendeeRecord,
    EventData,
    EventDay,
    EventSettings,
    ExclusionRecord,
    MeetingRecord,
    RequestRecord,
)
from nbl_desktop.core.importing.choices import ImportChoices
from nbl_desktop.core.store.schema import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    create_schema,
    upgrade_schema,
)

EVENT_FILE_SUFFIX = ".nblevent"


class EventStore:
    """One open event file."""

    def __init__(self, path: Path, db: sqlite_utils.Database) -> None:
        self.path = path
        self._db = db

    # -- opening -------------------------------------------------------------

    @classmethod
    def create(cls, path: Path, settings: EventSettings, *, overwrite: bool = False) -> EventStore:
        path = Path(path)
        if path.exists():
            if not overwrite:
                raise EventFileError(f"{path} already exists; choose another name.")
            path.unlink()
        try:
            db = _connect(path)
        except sqlite3.Error as exc:
            raise EventFileError(f"Cannot create the event file {path}: {exc}.") from exc
        with db.atomic():
            create_schema(db)
        store = cls(path, db)
        store.set_settings(settings)
        return store

    @classmethod
    def open(cls, path: Path) -> EventStore:
        path = Path(path)
        if not path.is_file():
            raise EventFileError(f"The event file {path} does not exist.")
        db = None
        try:
            db = _connect(path)
            application_id, version = _identity(db)
        except sqlite3.DatabaseError as exc:
            if db is not None:
                db.close()
            raise EventFileError(
                f"{path} is not an NBL Desktop event file, or it is damaged ({exc})."
            ) from exc
        if application_id != APPLICATION_ID:
            db.close()
            raise EventFileError(f"{path} is not an NBL Desktop event file.")
        if version > SCHEMA_VERSION:
            db.close()
            raise EventFileError(
                f"{path} was saved by a newer NBL Desktop (file version {version}, "
                f"this program reads up to {SCHEMA_VERSION}); please update NBL Desktop."
            )
        if version < SCHEMA_VERSION:
            try:
                with db.atomic():
                    upgrade_schema(db, version)
            except sqlite3.DatabaseError as exc:
                db.close()
                raise EventFileError(
                    f"Cannot upgrade the event file {path} to this version of NBL Desktop "
                    f"({exc}); it is unchanged. Is it read-only?") from exc
        store = cls(path, db)
        try:
            store.settings()
        except (sqlite3.DatabaseError, LookupError, ValueError) as exc:
            db.close()
            raise EventFileError(f"The event file {path} is damaged: {exc}.") from exc
        return store

    def close(self) -> None:
        self._db.close()

    def save_copy(self, target: Path) -> None:
        """A consistent copy of the event in `target` (SQLite's online backup); this file
        stays open and unchanged. An existing `target` is replaced."""
        target = Path(target)
        if target.resolve() == self.path.resolve():
            raise EventFileError("Choose another file name: that is the event file itself.")
        partial = target.with_name(target.name + ".partial")
        try:
            with closing(sqlite3.connect(partial)) as copy:
                self._db.conn.backup(copy)
            partial.replace(target)  # a crash mid-copy never leaves a half file at `target`
        except (sqlite3.Error, OSError) as exc:
            partial.unlink(missing_ok=True)
            raise EventFileError(f"Cannot save a copy as {target}: {exc}.") from exc

    # -- reading -------------------------------------------------------------

    def settings(self) -> EventSettings:
        row = self._db["event"].get(1)
        tables = list(self._db["tables"].rows_where(order_by="position"))
        return EventSettings(
            name=row["name"],
            date=row["date"],
            start_minute=row["start_minute"],
            slot_minutes=row["slot_minutes"],
            slot_count=row["slot_count"],
            breaks=tuple((int(a), int(b)) for a, b in json.loads(row["breaks"])),
            table_labels=tuple(t["label"] for t in tables),
            table_seats=row["table_seats"],
            later_days=tuple(_day_of(d) for d in json.loads(row["later_days"])),
            table_rooms=tuple(t["room"] for t in tables),
            table_seat_counts=tuple(t["seats"] for t in tables),
            venue=row["venue"],
            logo=row["logo"] or b"",
            table_closed_from=tuple(t["closed_from"] for t in tables),
        )

    def attendees(self) -> list[AttendeeRecord]:
        return [AttendeeRecord(**row) for row in self._db["attendees"].rows_where(order_by="id")]

    def requests(self) -> list[RequestRecord]:
        return [
            RequestRecord(**row)
            for row in self._db["requests"].rows_where(order_by="requester, requested")
        ]

    def exclusions(self) -> list[ExclusionRecord]:
        rows = self._db["exclusions"].rows_where(order_by="a, b")
        return [ExclusionRecord(**row) for row in rows]

    def meetings(self) -> list[MeetingRecord]:
        return [
            MeetingRecord(r["slot"], r["table_position"], r["a"], r["b"], bool(r["locked"]))
            for r in self._db["meetings"].rows_where(order_by="slot, table_position")
        ]

    def import_choices(self) -> ImportChoices:
        """What the organizer told earlier imports (header meanings, names)."""
        return ImportChoices.from_rows([
            (r["kind"], r["key"], r["value"]) for r in self._db["import_choices"].rows])

    def printed(self, kind: str) -> dict[str, tuple[str, str]]:
        """What was last printed of `kind` ("agenda", "table", "grid"): key -> (fingerprint
        of the page's content, when it was printed as ISO date and time)."""
        return {r["key"]: (r["fingerprint"], r["printed_at"])
                for r in self._db["print_log"].rows_where("kind = ?", [kind])}

    def arrivals(self) -> dict[str, str]:
        """Who checked in at the desk: attendee ID -> when (ISO date and time)."""
        return {r["attendee_id"]: r["arrived_at"] for r in self._db["arrivals"].rows}

    def not_held(self) -> set[tuple[int, str, str]]:
        """Meetings (slot, a, b) the desk recorded as not held; all others were held."""
        return {(r["slot"], r["a"], r["b"]) for r in self._db["not_held"].rows}

    def now_slot(self) -> int | None:
        """'Now' as set by hand (0-based slot), or None to follow the clock."""
        rows = list(self._db["day"].rows)
        return rows[0]["now_slot"] if rows else None

    def change_log(self) -> list[tuple[str, str, str]]:
        """Everything done to the event, oldest first: (when, who, what)."""
        return [(r["at"], r["who"], r["what"])
                for r in self._db["change_log"].rows_where(order_by="id")]

    def load(self) -> EventData:
        return EventData(
            settings=self.settings(),
            attendees=tuple(self.attendees()),
            requests=tuple(self.requests()),
            exclusions=tuple(self.exclusions()),
            meetings=tuple(self.meetings()),
        )

    # -- writing (each method is one committed transaction) -------------------

    def set_settings(self, settings: EventSettings) -> None:
        with self._db.atomic():
            self._db["event"].upsert(
                {
                    "id": 1,
                    "name": settings.name,
                    "date": settings.date,
                    "start_minute": settings.start_minute,
                    "slot_minutes": settings.slot_minutes,
                    "slot_count": settings.slot_count,
                    "breaks": json.dumps([list(b) for b in settings.breaks]),
                    "table_seats": settings.table_seats,
                    "later_days": json.dumps([_row_of(d) for d in settings.later_days]),
                    "venue": settings.venue,
                    "logo": settings.logo or None,
                },
                pk="id",
            )
            self._db["tables"].delete_where()
            self._db["tables"].insert_all(
                {"position": i, "label": label, "room": settings.room_of(i),
                 "seats": settings.own_seats_of(i),
                 "closed_from": -1 if (c := settings.closed_from(i)) is None else c}
                for i, label in enumerate(settings.table_labels)
            )

    def replace_event(self, data: EventData) -> None:
        """Replace everything in the file by `data`, all or nothing."""
        with self._db.atomic():
            for table in ("meetings", "requests", "exclusions", "attendees"):
                self._db[table].delete_where()
            self.set_settings(data.settings)
            self._db["attendees"].insert_all(_rows(data.attendees))
            self._db["requests"].insert_all(_rows(data.requests))
            self._db["exclusions"].insert_all(_rows(data.exclusions))
            self._insert_meetings(data.meetings)

    def remember_import_choices(self, choices: ImportChoices) -> None:
        """Keep `choices` for the next import, in place of earlier answers to the same questions."""
        with self._db.atomic():
            self._db["import_choices"].upsert_all(
                ({"kind": kind, "key": key, "value": value}
                 for kind, key, value in choices.rows()), pk=("kind", "key"))

    def remember_printed(self, kind: str, fingerprints: dict[str, str], printed_at: str) -> None:
        """Remember that these pages of `kind` (key -> fingerprint) were printed then."""
        with self._db.atomic():
            self._db["print_log"].upsert_all(
                ({"kind": kind, "key": key, "fingerprint": fingerprint, "printed_at": printed_at}
                 for key, fingerprint in fingerprints.items()), pk=("kind", "key"))

    def check_in(self, attendee_id: str, arrived: bool, at: str, what: str) -> None:
        with self._db.atomic():
            if arrived:
                self._db["arrivals"].upsert({"attendee_id": attendee_id, "arrived_at": at},
                                            pk="attendee_id")
            else:
                self._db["arrivals"].delete_where("attendee_id = ?", [attendee_id])
            self._log(what)

    def set_held(self, slot: int, a: str, b: str, held: bool, what: str) -> None:
        with self._db.atomic():
            if held:
                self._db["not_held"].delete_where("slot = ? AND a = ? AND b = ?", [slot, a, b])
            else:
                self._db["not_held"].upsert({"slot": slot, "a": a, "b": b},
                                            pk=("slot", "a", "b"))
            self._log(what)

    def set_now_slot(self, slot: int | None, what: str) -> None:
        with self._db.atomic():
            self._db["day"].upsert({"id": 1, "now_slot": slot}, pk="id")
            self._log(what)

    def log(self, what: str) -> None:
        """Add a line to the change log (a command's or the desk's action)."""
        with self._db.atomic():
            self._log(what)

    def _log(self, what: str) -> None:
        if what:
            self._db["change_log"].insert({"at": now_stamp(), "who": _organizer(),
                                           "what": what})

    def apply(self, edit: Edit) -> None:
        """Write the edit's row changes, in order, all or nothing.

        Runs of the same statement on the same table go to SQLite in one
        executemany (a new schedule is thousands of rows; the GUI waits for it).
        """
        operations: list[tuple[str, str, tuple[str, ...], tuple[Any, ...]]] = []
        for change in edit.changes:
            if isinstance(change.after, EventSettings):
                operations.append(("settings", "event", (), (change.after,)))
                continue
            before = row_key(change.before) if change.before is not None else None
            after = row_key(change.after) if change.after is not None else None
            if before is not None and before == after:  # in place: other rows refer to it
                row = _row(change.after)
                operations.append(("update", before[0], tuple(row), (*row.values(), *before[1])))
                continue
            if before is not None:
                operations.append(("delete", before[0], (), before[1]))
            if after is not None:
                row = _row(change.after)
                operations.append(("insert", after[0], tuple(row), tuple(row.values())))
        with self._db.atomic():
            self._log(edit.description)
            for (operation, table, columns), run in groupby(operations, key=lambda o: o[:3]):
                values = [o[3] for o in run]
                if operation == "settings":
                    self.set_settings(values[-1][0])
                else:
                    self._db.conn.executemany(_statement(operation, table, columns), values)

    def replace_meetings(self, meetings: list[MeetingRecord] | tuple[MeetingRecord, ...]) -> None:
        with self._db.atomic():
            self._db["meetings"].delete_where()
            self._insert_meetings(meetings)

    def _insert_meetings(self, meetings: tuple[MeetingRecord, ...] | list[MeetingRecord]) -> None:
        self._db["meetings"].insert_all(_row(m) for m in meetings)


def _organizer() -> str:
    """Who is at the keyboard, for the change log: the computer's user name."""
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""


def _connect(path: Path) -> sqlite_utils.Database:
    db = sqlite_utils.Database(path)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA synchronous = FULL")
    return db


def _identity(db: sqlite_utils.Database) -> tuple[int, int]:
    application_id = db.execute("PRAGMA application_id").fetchone()[0]
    version = db.execute("PRAGMA user_version").fetchone()[0]
    return int(application_id), int(version)


# Primary-key columns, in the order `edits.row_key` gives the key's values.
_KEY_COLUMNS = {"attendees": ("id",), "requests": ("requester", "requested"),
                "exclusions": ("a", "b"), "meetings": ("slot", "table_position")}


def _statement(operation: str, table: str, columns: tuple[str, ...]) -> str:
    keys = " AND ".join(f"[{c}] = ?" for c in _KEY_COLUMNS[table])
    if operation == "delete":
        return f"DELETE FROM [{table}] WHERE {keys}"
    if operation == "update":
        return f"UPDATE [{table}] SET {', '.join(f'[{c}] = ?' for c in columns)} WHERE {keys}"
    return (f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in columns)}) "
            f"VALUES ({', '.join('?' for _ in columns)})")


def _row(record: Any) -> dict[str, Any]:
    if isinstance(record, MeetingRecord):
        return {"slot": record.slot, "table_position": record.table, "a": record.a,
                "b": record.b, "locked": int(record.locked)}
    return dict(zip([f.name for f in fields(record)], astuple(record), strict=True))


def _rows(records: tuple[Any, ...]) -> list[dict[str, Any]]:
    return [_row(r) for r in records]


def _row_of(day: EventDay) -> dict[str, object]:
    return {"date": day.date, "start_minute": day.start_minute, "slot_minutes": day.slot_minutes,
            "slot_count": day.slot_count, "breaks": [list(b) for b in day.breaks]}


def _day_of(row: dict[str, Any]) -> EventDay:
    return EventDay(date=row["date"], start_minute=row["start_minute"],
                    slot_minutes=row["slot_minutes"], slot_count=row["slot_count"],
                    breaks=tuple((int(a), int(b)) for a, b in row["breaks"]))

