"""Read and write an event file through sqlite-utils.

Every write method runs in one transaction that is committed before it
returns, so there is never unsaved state: closing the window or killing the
process loses nothing. The rollback journal (not WAL) keeps the event in one
file that can be copied to a USB stick at any time. A whole new event (an
import into a new file, `schedule --replace`) is built in a file beside the
target and moved into place in one rename (`build`), so the old file stays
whole until the new one is complete. One program writes a file at a time
(`writer_lock`); others may read it. A file that cannot be written (read-only
file or folder, a USB stick locked) opens read-only and says so; writing to it
is refused with that reason, never attempted.
"""

from __future__ import annotations

import getpass
import json
import os
import sqlite3
import weakref
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import astuple, fields
from itertools import groupby
from pathlib import Path
from typing import Any
from urllib.parse import quote

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
from nbl_desktop.core.i18n import _, n_
from nbl_desktop.core.importing.choices import ImportChoices
from nbl_desktop.core.store.file_checks import file_problems
from nbl_desktop.core.store.schema import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    create_schema,
    upgrade_schema,
)
from nbl_desktop.core.store.writer_lock import WriterLock

EVENT_FILE_SUFFIX = ".nblevent"


class EventStore:
    """One open event file; `read_only` says why it cannot be written ("" when it can)."""

    def __init__(self, path: Path, db: sqlite_utils.Database, lock: WriterLock | None = None,
                 read_only: str = "") -> None:
        self.path = path
        self._db = db
        self._lock = lock
        self.read_only = read_only
        self._seen = _data_version(db)
        if lock is not None:  # a store dropped without close() does not keep the file locked
            weakref.finalize(self, lock.release)

    # -- opening -------------------------------------------------------------

    @classmethod
    def create(cls, path: Path, settings: EventSettings, *, overwrite: bool = False) -> EventStore:
        """A new event file with `settings`, open for writing; an existing file is replaced
        (with `overwrite`) only when it is an event file nobody else is writing."""
        path = Path(path)
        with cls.build(path, replace=overwrite) as new:
            new.set_settings(settings)
        return cls.open(path)

    @classmethod
    @contextmanager
    def build(cls, path: Path, *, replace: bool = False) -> Iterator[EventStore]:
        """An empty event file to fill, moved into place at `path` in one rename when the
        block ends without an error; until then `path` is untouched (a crash leaves the old
        file whole, and only a temporary file beside it)."""
        path = Path(path)
        lock = WriterLock(path)
        if path.exists():
            if not replace:
                raise EventFileError(_("{file} already exists; choose another name.").format(
                    file=path))
            _check_is_event_file(path)
        try:
            lock.acquire()
        except OSError as exc:
            raise EventFileError(_("Cannot write in the folder of {file}: {reason}.").format(
                file=path, reason=exc.strerror or exc)) from exc
        partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
        try:
            for stale in path.parent.glob(f".{path.name}.*.partial"):
                stale.unlink(missing_ok=True)  # left by a build that was killed (we hold the
                # lock, so no other build of this file is running)
            db = _connect(partial)
            with db.atomic():
                create_schema(db)
            store = cls(partial, db)
            try:
                yield store
            finally:
                db.close()
            _flush(partial)
            os.replace(partial, path)
            _flush(path.parent)
        except (sqlite3.Error, OSError) as exc:
            raise EventFileError(_("Cannot write the event file {file}: {reason}.").format(
                file=path, reason=exc)) from exc
        finally:
            partial.unlink(missing_ok=True)
            lock.release()

    @classmethod
    def open(cls, path: Path, *, read_only: bool = False) -> EventStore:
        """The event file at `path`, open for writing, or read-only when asked or when it
        cannot be written. EventFileLocked when another program writes it."""
        path = Path(path)
        if not path.is_file():
            raise EventFileError(_("The event file {file} does not exist.").format(file=path))
        # Why the file is read-only, said in a sentence: "… is read-only ({why})".
        why = _("you opened it read-only") if read_only else _unwritable(path)
        lock = None
        if not why:
            lock = WriterLock(path)
            try:
                lock.acquire()
            except OSError:
                lock, why = None, _("its folder cannot be written")
        try:
            try:
                db = _connect(path, read_only=bool(why))
            except sqlite3.DatabaseError as exc:
                raise EventFileError(_("{file} is not an NBL Desktop event file, or it is "
                                       "damaged ({reason}).").format(file=path, reason=exc)
                                     ) from exc
            store = cls(path, db, lock, why)
            store._check_opened()
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        return store

    def _check_opened(self) -> None:
        path = self.path
        try:
            application_id, version = _identity(self._db)
        except sqlite3.DatabaseError as exc:
            self.close()
            raise EventFileError(
                _("{file} is not an NBL Desktop event file, or it is damaged ({reason}).")
                .format(file=path, reason=exc)) from exc
        if application_id != APPLICATION_ID:
            self.close()
            raise EventFileError(_("{file} is not an NBL Desktop event file.").format(
                file=path))
        if version > SCHEMA_VERSION:
            self.close()
            raise EventFileError(
                _("{file} was saved by a newer NBL Desktop (file version {version}, this "
                  "program reads up to {newest}); please update NBL Desktop.").format(
                    file=path, version=version, newest=SCHEMA_VERSION))
        if version < SCHEMA_VERSION:
            if self.read_only:
                self.close()
                raise EventFileError(
                    # Translators: {why} says why the file cannot be written, e.g. "the
                    # file is read-only"
                    _("{file} was saved by an older NBL Desktop and must be upgraded, but "
                      "{why}; copy it somewhere it can be written and open the copy.").format(
                        file=path, why=self.read_only))
            try:
                with self._db.atomic():
                    upgrade_schema(self._db, version)
            except sqlite3.DatabaseError as exc:
                self.close()
                raise EventFileError(
                    _("Cannot upgrade the event file {file} to this version of NBL Desktop "
                      "({reason}); it is unchanged. Is it read-only?").format(
                        file=path, reason=exc)) from exc
        problems = file_problems(self._db)
        if problems:
            self.close()
            raise EventFileError(_damaged(path, problems))
        self._seen = _data_version(self._db)

    @property
    def took_over_from(self) -> str:
        """The session that last wrote this file and ended without closing it (a crash or a
        kill), said when this one opened it; "" when there was none."""
        if self._lock is None or self._lock.previous is None:
            return ""
        return str(self._lock.previous)

    def close(self) -> None:
        self._db.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Several writes as one: all of them are in the file, or none is (a command's
        whole read-modify-write)."""
        self._may_write()
        with self._db.atomic():
            yield

    def _may_write(self) -> None:
        """EventFileError when this store may not write: read-only, or changed by another
        program since it was read (no decision on a stale read)."""
        if self.read_only:
            # Translators: {why} says why the file cannot be written, e.g. "the file is
            # read-only"; "File → Save event as" names the menu command
            raise EventFileError(_("{file} is read-only ({why}); nothing was changed. Use "
                                   "File → Save event as to work on a copy.").format(
                file=self.path.name, why=self.read_only))
        if _data_version(self._db) != self._seen:
            raise EventFileError(_("{file} was changed by another program since it was read; "
                                   "nothing was changed. Open it again.").format(
                file=self.path.name))

    def save_copy(self, target: Path) -> None:
        """A consistent copy of the event in `target` (SQLite's online backup); this file
        stays open and unchanged. An existing `target` is replaced."""
        target = Path(target)
        if target.resolve() == self.path.resolve() or _same_file(target, self.path):
            raise EventFileError(_("Choose another file name: that is the event file itself."))
        partial = target.with_name(target.name + ".partial")
        try:
            with closing(sqlite3.connect(partial)) as copy:
                self._db.conn.backup(copy)
            partial.replace(target)  # a crash mid-copy never leaves a half file at `target`
        except (sqlite3.Error, OSError) as exc:
            partial.unlink(missing_ok=True)
            raise EventFileError(_("Cannot save a copy as {file}: {reason}.").format(
                file=target, reason=exc)) from exc

    # -- reading -------------------------------------------------------------

    def settings(self) -> EventSettings:
        row = self._db["event"].get(1)
        cursor = self._db.conn.execute("SELECT * FROM tables ORDER BY position")
        columns = [column[0] for column in cursor.description]
        tables = [dict(zip(columns, row, strict=True)) for row in cursor]
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

    # The event's rows are read as plain tuples in the records' field order: a dict per
    # row (sqlite-utils' rows_where) took twice as long at 28,000 wishes.

    def attendees(self) -> list[AttendeeRecord]:
        names = [f.name for f in fields(AttendeeRecord)]
        rows = self._db.conn.execute(f"SELECT {', '.join(names)} FROM attendees ORDER BY id")
        return [AttendeeRecord(*row) for row in rows]

    def requests(self) -> list[RequestRecord]:
        rows = self._db.conn.execute("SELECT requester, requested, priority FROM requests "
                                     "ORDER BY requester, requested")
        return [RequestRecord(*row) for row in rows]

    def exclusions(self) -> list[ExclusionRecord]:
        rows = self._db.conn.execute("SELECT a, b FROM exclusions ORDER BY a, b")
        return [ExclusionRecord(*row) for row in rows]

    def meetings(self) -> list[MeetingRecord]:
        rows = self._db.conn.execute("SELECT slot, table_position, a, b, locked FROM meetings "
                                     "ORDER BY slot, table_position")
        return [MeetingRecord(slot, table, a, b, bool(locked))
                for slot, table, a, b, locked in rows]

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
        self._may_write()
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
        self._may_write()
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
        self._may_write()
        with self._db.atomic():
            self._db["import_choices"].upsert_all(
                ({"kind": kind, "key": key, "value": value}
                 for kind, key, value in choices.rows()), pk=("kind", "key"))

    def remember_printed(self, kind: str, fingerprints: dict[str, str], printed_at: str) -> None:
        """Remember that these pages of `kind` (key -> fingerprint) were printed then."""
        self._may_write()
        with self._db.atomic():
            self._db["print_log"].upsert_all(
                ({"kind": kind, "key": key, "fingerprint": fingerprint, "printed_at": printed_at}
                 for key, fingerprint in fingerprints.items()), pk=("kind", "key"))

    def check_in(self, attendee_id: str, arrived: bool, at: str, what: str) -> None:
        self._may_write()
        with self._db.atomic():
            if arrived:
                self._db["arrivals"].upsert({"attendee_id": attendee_id, "arrived_at": at},
                                            pk="attendee_id")
            else:
                self._db["arrivals"].delete_where("attendee_id = ?", [attendee_id])
            self._log(what)

    def set_held(self, slot: int, a: str, b: str, held: bool, what: str) -> None:
        self._may_write()
        with self._db.atomic():
            if held:
                self._db["not_held"].delete_where("slot = ? AND a = ? AND b = ?", [slot, a, b])
            else:
                self._db["not_held"].upsert({"slot": slot, "a": a, "b": b},
                                            pk=("slot", "a", "b"))
            self._log(what)

    def set_now_slot(self, slot: int | None, what: str) -> None:
        self._may_write()
        with self._db.atomic():
            self._db["day"].upsert({"id": 1, "now_slot": slot}, pk="id")
            self._log(what)

    def log(self, what: str) -> None:
        """Add a line to the change log (a command's or the desk's action)."""
        self._may_write()
        with self._db.atomic():
            self._log(what)

    def _log(self, what: str) -> None:
        if what:
            self._db["change_log"].insert({"at": now_stamp(), "who": _organizer(),
                                           "what": what})

    def apply(self, edit: Edit, operations: Operations | None = None) -> None:
        """Write the edit's row changes, in order, all or nothing; `operations` are
        `operations_of(edit)` when worked out already (on a worker thread).

        Runs of the same statement on the same table go to SQLite in one
        executemany (a new schedule is thousands of rows; the GUI waits for it).
        """
        if operations is None:
            operations = operations_of(edit)
        self._may_write()
        with self._db.atomic():
            self._log(edit.log_line)
            for (operation, table, columns), run in groupby(operations, key=lambda o: o[:3]):
                values = [o[3] for o in run]
                if operation == "settings":
                    self.set_settings(values[-1][0])
                else:
                    self._db.conn.executemany(_statement(operation, table, columns), values)

    def replace_meetings(self, meetings: list[MeetingRecord] | tuple[MeetingRecord, ...]) -> None:
        self._may_write()
        with self._db.atomic():
            self._db["meetings"].delete_where()
            self._insert_meetings(meetings)

    def _insert_meetings(self, meetings: tuple[MeetingRecord, ...] | list[MeetingRecord]) -> None:
        self._db["meetings"].insert_all(_row(m) for m in meetings)


Operations = list[tuple[str, str, tuple[str, ...], tuple[Any, ...]]]

_PROBLEMS_SHOWN = 5


def _damaged(path: Path, problems: list[str]) -> str:
    """What is said of a damaged event file: the first problems found, and how many more."""
    shown = "; ".join(problems[:_PROBLEMS_SHOWN])
    more = len(problems) - _PROBLEMS_SHOWN
    if more <= 0:
        # Translators: {problems} lists what is wrong; "File → Restore backup" names the
        # menu command
        return _("The event file {file} is damaged: {problems}. Open a backup of it "
                 "(File → Restore backup).").format(file=path, problems=shown)
    # Translators: {problems} lists what is wrong, {count} how many more problems there
    # are; "File → Restore backup" names the menu command
    return n_("The event file {file} is damaged: {problems} and {count} more. Open a backup "
              "of it (File → Restore backup).",
              "The event file {file} is damaged: {problems} and {count} more. Open a backup "
              "of it (File → Restore backup).", more).format(file=path, problems=shown,
                                                            count=more)


def operations_of(edit: Edit) -> Operations:
    """The statements that write `edit`: (operation, table, columns, values) each."""
    operations: Operations = []
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
    return operations


def _organizer() -> str:
    """Who is at the keyboard, for the change log: the computer's user name."""
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""


def _connect(path: Path, read_only: bool = False) -> sqlite_utils.Database:
    # The window opens and reads an event on a worker thread and then uses it on the GUI
    # thread (one after the other, never at once): the connection may change threads.
    # No sqlite-utils plugins: looking for them scans every installed package's entry
    # points, a tenth of a second at the first open, and the event file uses none.
    if read_only:
        uri = f"file:{quote(str(path.resolve()))}?mode=ro"
        db = sqlite_utils.Database(sqlite3.connect(uri, uri=True, check_same_thread=False),
                                   execute_plugins=False)
    else:
        db = sqlite_utils.Database(sqlite3.connect(str(path), check_same_thread=False),
                                   execute_plugins=False)
        db.execute("PRAGMA synchronous = FULL")
        db.execute("PRAGMA journal_mode = DELETE")  # one file, no WAL beside it
    db.execute("PRAGMA foreign_keys = ON")
    return db


def _data_version(db: sqlite_utils.Database) -> int:
    """Changes when another connection commits to the file (SQLite's data_version)."""
    try:
        return int(db.execute("PRAGMA data_version").fetchone()[0])
    except sqlite3.Error:
        return 0


def _unwritable(path: Path) -> str:
    """Why `path` cannot be written, or ""."""
    if not os.access(path, os.W_OK):
        return _("the file is read-only")
    if not os.access(path.parent, os.W_OK | os.X_OK):
        return _("its folder cannot be written")
    return ""


def _check_is_event_file(path: Path) -> None:
    """Only an event file may be replaced: never a registration workbook given by mistake."""
    try:
        with closing(sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro",
                                     uri=True)) as db:
            application_id = db.execute("PRAGMA application_id").fetchone()[0]
    except sqlite3.Error:
        application_id = None
    if application_id != APPLICATION_ID:
        # Translators: {what} is e.g. "a workbook or another zip file"
        raise EventFileError(_("{file} is not an NBL Desktop event file (it is {what}), so it "
                               "is not replaced; give the event file another name.").format(
            file=path, what=_what_is(path)))


def _what_is(path: Path) -> str:
    head = path.read_bytes()[:8] if path.is_file() else b""
    if head.startswith(b"PK"):
        return _("a workbook or another zip file")
    if head.startswith(b"SQLite f"):
        return _("another program's database")
    return _("a folder") if path.is_dir() else _("another kind of file")


def _same_file(a: Path, b: Path) -> bool:
    """Whether two names lead to one file: on Windows and macOS "Day.nblevent" is
    "day.nblevent" (the file systems ignore case, and resolve() keeps the case typed),
    and a hard link is the file under another name."""
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist
        return False


def _flush(path: Path) -> None:
    """Make what was written to `path` (a file, or a folder's list of files) reach the disk
    before the next step relies on it."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return  # Windows cannot open a folder; its rename is durable on its own
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


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

