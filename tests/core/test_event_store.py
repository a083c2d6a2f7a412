"""The event file: a real SQLite file, written, closed, reopened."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from nbl_desktop.core.errors import EventFileError
from nbl_desktop.core.event import (
    AttendeeRecord,
    EventData,
    EventSettings,
    ExclusionRecord,
    MeetingRecord,
    RequestRecord,
)
from nbl_desktop.core.store import EventStore
from nbl_desktop.core.store.schema import SCHEMA_VERSION

SETTINGS = EventSettings("Arctic Day", "2027-03-10", 540, 20, 6, ((660, 720),), ("1", "2", "A"))
EVENT = EventData(
    SETTINGS,
    attendees=(
        AttendeeRecord("P1", "Kari Nordmann", "Tromsø Fisk AS", "NO", "kari@example.org", "nb",
                       "Aquaculture", "Salmon", "Buyers", 600, 700, 4),
        AttendeeRecord("P2", "Matti Meikäläinen", "Oulu Oy", "FI"),
        AttendeeRecord("P3", "Anna Svensson", "Luleå AB", "SE"),
    ),
    requests=(RequestRecord("P1", "P2", 3), RequestRecord("P2", "P3", 1)),
    exclusions=(ExclusionRecord("P1", "P3"),),
    meetings=(MeetingRecord(0, 1, "P1", "P2", locked=True),),
)


def test_an_event_survives_closing_and_reopening(tmp_path: Path) -> None:
    path = tmp_path / "day.nblevent"
    store = EventStore.create(path, SETTINGS)
    store.replace_event(EVENT)
    store.close()
    reopened = EventStore.open(path)
    assert reopened.load() == EVENT
    reopened.close()


def test_every_write_is_committed_at_once(tmp_path: Path) -> None:
    path = tmp_path / "day.nblevent"
    store = EventStore.create(path, SETTINGS)
    store.replace_event(EVENT)
    store.replace_meetings([MeetingRecord(2, 0, "P2", "P3")])
    # A second, independent connection sees the change while the store is still open,
    # as it would after a crash of the app.
    other = sqlite3.connect(path)
    assert other.execute("SELECT slot, a, b FROM meetings").fetchall() == [(2, "P2", "P3")]
    other.close()
    store.close()


def test_a_failed_import_changes_nothing(tmp_path: Path) -> None:
    store = EventStore.create(tmp_path / "day.nblevent", SETTINGS)
    store.replace_event(EVENT)
    broken = EventData(SETTINGS, attendees=(AttendeeRecord("X", "X"),),
                       requests=(RequestRecord("X", "nobody", 1),))
    with pytest.raises(sqlite3.IntegrityError):
        store.replace_event(broken)
    assert store.load() == EVENT
    store.close()


def test_the_file_carries_its_schema_version(tmp_path: Path) -> None:
    path = tmp_path / "day.nblevent"
    EventStore.create(path, SETTINGS).close()
    with closing(sqlite3.connect(path)) as conn, conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_file_from_a_newer_version_is_refused_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "day.nblevent"
    EventStore.create(path, SETTINGS).close()
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(EventFileError, match="newer NBL Desktop"):
        EventStore.open(path)


def test_a_text_file_is_not_an_event_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.nblevent"
    path.write_text("shopping list: coffee, name badges\n" * 200)
    with pytest.raises(EventFileError, match="not an NBL Desktop event file"):
        EventStore.open(path)


def test_another_sqlite_database_is_not_an_event_file(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("CREATE TABLE t (x)")
    with pytest.raises(EventFileError, match="not an NBL Desktop event file"):
        EventStore.open(path)


def test_a_damaged_event_file_is_reported_not_raised_as_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "day.nblevent"
    EventStore.create(path, SETTINGS).close()
    data = bytearray(path.read_bytes())
    data[100:] = b"\x00" * (len(data) - 100)  # keep the header, wipe the pages
    path.write_bytes(bytes(data))
    with pytest.raises(EventFileError, match="is damaged"):
        EventStore.open(path)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(EventFileError, match="does not exist"):
        EventStore.open(tmp_path / "nowhere.nblevent")


def test_create_refuses_to_overwrite_unless_asked(tmp_path: Path) -> None:
    path = tmp_path / "day.nblevent"
    EventStore.create(path, SETTINGS).close()
    with pytest.raises(EventFileError, match="already exists"):
        EventStore.create(path, SETTINGS)
    EventStore.create(path, SETTINGS, overwrite=True).close()
