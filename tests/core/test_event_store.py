"""The event file: a real SQLite file, written, closed, reopened."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pytest

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
from nbl_desktop.core.store import EventStore
from nbl_desktop.core.store.schema import SCHEMA_VERSION

SETTINGS = EventSettings("Arctic Day", "2027-03-10", 540, 20, 6, ((660, 720),), ("1", "2", "A"),
                         table_seats=6)
EVENT = EventData(
    SETTINGS,
    attendees=(
        AttendeeRecord("P1", "Kari Nordmann", "Tromsø Fisk AS", "NO", "kari@example.org", "nb",
                       "Aquaculture", "Salmon", "Buyers", 600, 700, 4),
        AttendeeRecord("P2", "Matti Meikäläinen", "Oulu Oy", "FI"),
        AttendeeRecord("P3", "Anna Svensson", "Luleå AB", "SE", party_size=2, fixed_table="A",
                       delegation="Luleå AB"),
    ),
    requests=(RequestRecord("P1", "P2", 3), RequestRecord("P2", "P3", 1)),
    exclusions=(ExclusionRecord("P1", "P3"),),
    meetings=(MeetingRecord(0, 1, "P1", "P2", locked=True),),
)
TWO_DAYS = replace(EVENT, settings=replace(
    SETTINGS, later_days=(EventDay("2027-03-11", 600, 20, 4, ((680, 700),)),),
    table_rooms=("Hall A", "Hall A", "Booth area"), table_seat_counts=(0, 0, 8)))


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


# What NBL Desktop 0.x (schema version 1) wrote, before party size, fixed table,
# delegation and table seats existed.
VERSION_1_SCHEMA = """
PRAGMA application_id = 1312967749;
PRAGMA user_version = 1;
CREATE TABLE event (id INTEGER PRIMARY KEY, name TEXT, date TEXT, start_minute INTEGER,
    slot_minutes INTEGER, slot_count INTEGER, breaks TEXT);
CREATE TABLE tables (position INTEGER PRIMARY KEY, label TEXT);
CREATE TABLE attendees (id TEXT PRIMARY KEY, name TEXT, organization TEXT, country TEXT,
    email TEXT, language TEXT, sector TEXT, offers TEXT, seeks TEXT, available_from INTEGER,
    available_until INTEGER, max_meetings INTEGER);
CREATE TABLE requests (requester TEXT REFERENCES attendees(id),
    requested TEXT REFERENCES attendees(id), priority INTEGER,
    PRIMARY KEY (requester, requested));
CREATE TABLE exclusions (a TEXT REFERENCES attendees(id), b TEXT REFERENCES attendees(id),
    PRIMARY KEY (a, b));
CREATE TABLE meetings (slot INTEGER, table_position INTEGER, a TEXT REFERENCES attendees(id),
    b TEXT REFERENCES attendees(id), locked INTEGER, PRIMARY KEY (slot, table_position));
INSERT INTO event VALUES (1, 'Old Day', '2026-05-01', 540, 20, 4, '[]');
INSERT INTO tables VALUES (0, '1');
INSERT INTO attendees VALUES ('P1', 'Kari', 'Fisk AS', 'NO', '', '', '', '', '', NULL, NULL, 3);
INSERT INTO attendees VALUES ('P2', 'Matti', 'Oulu Oy', 'FI', '', '', '', '', '', NULL, NULL,
    NULL);
INSERT INTO meetings VALUES (1, 0, 'P1', 'P2', 1);
"""


def test_a_file_from_version_1_is_upgraded_and_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.nblevent"
    with closing(sqlite3.connect(path)) as conn:
        conn.executescript(VERSION_1_SCHEMA)
    store = EventStore.open(path)
    event = store.load()
    assert event.settings.name == "Old Day" and event.settings.table_seats == 4
    assert event.attendees[0] == AttendeeRecord("P1", "Kari", "Fisk AS", "NO", max_meetings=3)
    assert event.meetings == (MeetingRecord(1, 0, "P1", "P2", locked=True),)
    store.replace_event(TWO_DAYS)  # the upgraded file takes the new fields
    store.close()
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 7
    reopened = EventStore.open(path)
    assert reopened.load() == TWO_DAYS
    assert reopened.import_choices() == ImportChoices()  # the table version 3 added
    reopened.close()


def test_a_second_day_rooms_and_table_sizes_are_kept(tmp_path: Path) -> None:
    store = EventStore.create(tmp_path / "days.nblevent", TWO_DAYS.settings)
    store.replace_event(TWO_DAYS)
    store.close()
    reopened = EventStore.open(tmp_path / "days.nblevent")
    settings = reopened.load().settings
    reopened.close()
    assert settings == TWO_DAYS.settings
    assert [d.date for d in settings.days()] == ["2027-03-10", "2027-03-11"]
    assert settings.total_slots == 6 + 4
    assert [settings.room_of(t) for t in range(3)] == ["Hall A", "Hall A", "Booth area"]
    assert [settings.seats_of(t) for t in range(3)] == [6, 6, 8]


def test_import_choices_are_kept_and_a_later_answer_replaces_an_earlier(
        tmp_path: Path) -> None:
    store = EventStore.create(tmp_path / "day.nblevent", EVENT.settings)
    store.replace_event(EVENT)
    store.remember_import_choices(ImportChoices(
        header_fields={"kontakt": "name", "notater": ""},
        header_rows={"reg.xlsx: Ark1": 3}, names={"kari": "P1"}))
    store.remember_import_choices(ImportChoices(names={"kari": "P2"}))
    store.close()
    reopened = EventStore.open(tmp_path / "day.nblevent")
    assert reopened.import_choices() == ImportChoices(
        header_fields={"kontakt": "name", "notater": ""},
        header_rows={"reg.xlsx: Ark1": 3}, names={"kari": "P2"})
    reopened.close()


def test_save_copy_writes_a_consistent_event_file_and_leaves_the_original_open(
        tmp_path: Path) -> None:
    store = EventStore.create(tmp_path / "day.nblevent", EVENT.settings)
    store.replace_event(EVENT)
    store.save_copy(tmp_path / "copy.nblevent")
    store.replace_meetings([])  # the original goes on; the copy is a snapshot
    copy = EventStore.open(tmp_path / "copy.nblevent")
    assert copy.load() == EVENT
    copy.close()
    with pytest.raises(EventFileError, match="another file name"):
        store.save_copy(tmp_path / "day.nblevent")
    with pytest.raises(EventFileError, match="Cannot save a copy"):
        store.save_copy(tmp_path / "no-such-folder" / "copy.nblevent")
    assert not list(tmp_path.glob("*.partial"))
    store.close()
