"""The event file is never lost or corrupted: killed mid-write, written by two programs,
damaged, read-only.

Real event files and real processes: commands are killed with SIGKILL at
moments spread over their run, a second process holds the file, damaged
files are made by hand with SQLite.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from nbl_desktop.cli import main
from nbl_desktop.core.errors import EventFileError
from nbl_desktop.core.event import EventSettings
from nbl_desktop.core.store import EventStore
from nbl_desktop.core.store.writer_lock import EventFileLocked, holder
from tests.conftest import sample

PYTHON = sys.executable


def event_file_of(tmp_path: Path, name: str = "arctic-300", seconds: str = "2") -> Path:
    """An event file with `name` scheduled, made by the command line."""
    path = tmp_path / "day.nblevent"
    assert main(["schedule", str(sample(f"{name}.xlsx")), "-o", str(tmp_path / "out.xlsx"),
                 "--time-limit", seconds, "--event-file", str(path)]) == 0
    return path


def contents(path: Path) -> tuple[int, int, int]:
    """(attendees, requests, meetings) as the file holds them, read by plain SQLite."""
    with closing(sqlite3.connect(path)) as db:
        return tuple(db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore
                     for t in ("attendees", "requests", "meetings"))


def run_and_kill(args: list[str], after: float) -> int | None:
    """The command line in its own process, killed after `after` seconds (unless done)."""
    process = subprocess.Popen([PYTHON, "-m", "nbl_desktop", *args],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        return process.wait(timeout=after)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.wait()
        return None


# -- whole-file operations are atomic -----------------------------------------------------------

@pytest.mark.slow
def test_a_killed_schedule_replace_leaves_the_old_event_or_the_new_one_whole(
        tmp_path: Path) -> None:
    path = event_file_of(tmp_path)
    old = contents(path)
    assert old[0] == 300 and old[2] > 0
    outcomes = set()
    for after in (0.4, 0.9, 1.4, 2.0, 2.8, 4.0, 9.0):
        status = run_and_kill(["schedule", str(sample("arctic-60.xlsx")), "-o",
                               str(tmp_path / "new.xlsx"), "--time-limit", "1.5",
                               "--event-file", str(path), "--replace"], after)
        now = contents(path)
        assert now == old or (now[0] == 60 and now[1] == 354 and now[2] > 0), (after, now)
        EventStore.open(path, read_only=True).close()  # and it opens
        outcomes.add("new" if now[0] == 60 else "old")
        if now[0] == 60:
            assert status in (0, None)
            break
    assert "old" in outcomes and "new" in outcomes  # killed before, and done after
    assert not list(tmp_path.glob(".day.nblevent.*.partial"))


@pytest.mark.slow
def test_a_killed_import_into_a_new_file_leaves_no_half_file(tmp_path: Path) -> None:
    path = tmp_path / "new.nblevent"
    for after in (0.3, 0.6, 0.9, 1.3, 1.8, 3.0, 9.0):
        path.unlink(missing_ok=True)
        run_and_kill(["import", str(sample("arctic-1000.xlsx")), "--event-file", str(path)],
                     after)
        if path.exists():
            assert contents(path)[:2] == (1000, 9400) or contents(path)[0] == 1000, after
            EventStore.open(path, read_only=True).close()
    assert path.exists()  # the last run had the time to finish


def test_replace_never_overwrites_what_is_not_an_event_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    workbook = tmp_path / "registrations.xlsx"
    workbook.write_bytes(sample("arctic-60.xlsx").read_bytes())
    before = workbook.read_bytes()
    status = main(["schedule", str(sample("arctic-60.xlsx")), "-o", str(tmp_path / "o.xlsx"),
                   "--time-limit", "1", "--event-file", str(workbook), "--replace"])
    assert status == 2
    assert "is not an NBL Desktop event file (it is a workbook or another zip file)" in \
        capsys.readouterr().err
    assert workbook.read_bytes() == before


# -- one writer at a time -----------------------------------------------------------------------

HOLDER = """
import sys, time
from nbl_desktop.core.store import EventStore
store = EventStore.open(sys.argv[1])
print("holding", flush=True)
time.sleep(60)
"""


def hold_in_another_process(path: Path) -> subprocess.Popen[str]:
    process = subprocess.Popen([PYTHON, "-c", HOLDER, str(path)], stdout=subprocess.PIPE,
                               text=True)
    assert process.stdout is not None and process.stdout.readline().strip() == "holding"
    return process


def stop(process: subprocess.Popen[str]) -> None:
    process.send_signal(signal.SIGKILL)
    process.wait()
    if process.stdout is not None:
        process.stdout.close()


def test_a_second_writer_is_told_who_holds_the_file_and_may_read_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = event_file_of(tmp_path, "arctic-60", "1")
    before = contents(path)
    process = hold_in_another_process(path)
    try:
        owner = holder(path)
        assert owner is not None and owner.pid == process.pid
        with pytest.raises(EventFileLocked, match=f"process {process.pid}"):
            EventStore.open(path)
        status = main(["replan", str(path), "--from-slot", "3", "--absent", "P0001",
                       "--time-limit", "1"])
        assert status == 2 and "open for writing by" in capsys.readouterr().err
        status = main(["import", str(sample("arctic-60.xlsx")), "--event-file", str(path)])
        assert status == 2
        reader = EventStore.open(path, read_only=True)  # reading is fine
        assert len(reader.attendees()) == 60
        reader.close()
        assert contents(path) == before
    finally:
        stop(process)


def test_a_lock_left_by_a_killed_program_is_taken_over_and_said(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = event_file_of(tmp_path, "arctic-60", "1")
    process = hold_in_another_process(path)
    stop(process)  # SIGKILL: no chance to let go of anything
    assert holder(path) is None  # the operating system let go with the process
    store = EventStore.open(path)
    assert f"process {process.pid}" in store.took_over_from
    store.close()
    again = EventStore.open(path)  # a clean close is no crash
    assert again.took_over_from == ""
    again.close()


def test_a_store_that_read_before_another_program_wrote_does_not_write(tmp_path: Path) -> None:
    path = event_file_of(tmp_path, "arctic-60", "1")
    store = EventStore.open(path)
    with closing(sqlite3.connect(path)) as other:  # not through the app: no lock taken
        other.execute("UPDATE attendees SET name = 'Changed' WHERE id = 'P0001'")
        other.commit()
    with pytest.raises(EventFileError, match="changed by another program since it was read"):
        store.log("a note")
    store.close()


# -- the file alone is the whole truth ------------------------------------------------------------

def test_the_event_file_keeps_no_journal_beside_it(tmp_path: Path) -> None:
    path = event_file_of(tmp_path, "arctic-60", "1")
    store = EventStore.open(path)
    store.log("desk: a note")
    assert store._db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("day")) == [
        "day.nblevent", "day.nblevent.lock"]
    store.close()


# -- damaged and hostile files ---------------------------------------------------------------------

def _sql(statements: str):  # type: ignore[no-untyped-def]
    def spoil(path: Path) -> None:
        with closing(sqlite3.connect(path)) as db:
            db.execute("PRAGMA foreign_keys = OFF")
            db.executescript(statements)
            db.commit()
    return spoil


def _cut(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[:-1])


def _flip(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for i in range(400):
        data[(i * 7919) % len(data)] ^= 0x5A
    path.write_bytes(bytes(data))


DAMAGES = {
    "cut by its last byte": (_cut, "damaged"),
    "400 bytes flipped": (_flip, "damaged"),
    "no tables": (_sql("DROP TABLE meetings; DROP TABLE exclusions; DROP TABLE requests;"),
                  "tables requests, exclusions, meetings are missing"),
    "no event row": (_sql("DELETE FROM event"), "no event settings"),
    "a meeting naming an unknown ID": (
        _sql("UPDATE meetings SET a = 'P9999' WHERE rowid = (SELECT min(rowid) FROM meetings)"),
        "name people who are not in the event"),
    "priority 9": (_sql("UPDATE requests SET priority = 9 WHERE rowid = 1"),
                   "priority is not 1, 2 or 3"),
    "max meetings 'lots'": (_sql("UPDATE attendees SET max_meetings = 'lots' WHERE rowid = 1"),
                            "maximum of meetings that is no whole number"),
    "a NULL name": (_sql("UPDATE attendees SET name = NULL WHERE rowid = 1"),
                    "a person without an ID or a name"),
    "slot 999": (_sql("UPDATE meetings SET slot = 999 WHERE rowid = "
                      "(SELECT min(rowid) FROM meetings)"), "at a slot or table"),
    "a hundred million slots": (_sql("UPDATE event SET slot_count = 100000000"),
                                "100000000 slots"),
    "slots of 0 minutes": (_sql("UPDATE event SET slot_minutes = 0"), "0 minutes long"),
    "no tables to meet at": (_sql("DELETE FROM meetings; DELETE FROM tables"), "0 tables"),
}


@pytest.fixture(scope="module")
def good_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return event_file_of(tmp_path_factory.mktemp("good"), "arctic-60", "1")


@pytest.mark.parametrize("damage", list(DAMAGES))
def test_a_damaged_file_is_refused_with_what_is_wrong(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], good_file: Path,
        damage: str) -> None:
    spoil, says = DAMAGES[damage]
    path = tmp_path / "spoilt.nblevent"
    path.write_bytes(good_file.read_bytes())
    spoil(path)
    for command in (["print", str(path), "--what", "grid", "-o", str(tmp_path / "g.pdf")],
                    ["replan", str(path), "--from-slot", "2", "--time-limit", "1"]):
        status = main(command)
        said = capsys.readouterr().err
        assert status == 2, (command, said)
        assert "spoilt.nblevent" in said and says in said, said
        assert "Traceback" not in said


# -- read-only ----------------------------------------------------------------------------------

def test_a_read_only_file_is_read_and_never_written(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        qapp: object) -> None:  # qapp: printing needs Qt's application, made by pytest-qt
    path = event_file_of(tmp_path, "arctic-60", "1")
    before = path.read_bytes()
    # The tests run as root, whom file modes do not stop: the check is what is replaced.
    from nbl_desktop.core.store import event_store
    monkeypatch.setattr(event_store, "_unwritable", lambda _path: "the file is read-only")
    store = EventStore.open(path)
    assert store.read_only == "the file is read-only" and len(store.meetings()) > 0
    with pytest.raises(EventFileError, match="is read-only"):
        store.replace_meetings([])
    store.close()
    assert main(["replan", str(path), "--from-slot", "3", "--absent", "P0001"]) == 2
    assert "read-only (the file is read-only); nothing was changed" in capsys.readouterr().err
    assert main(["print", str(path), "--what", "grid", "-o", str(tmp_path / "g.pdf")]) == 0
    assert "this print is not recorded" in capsys.readouterr().err
    assert path.read_bytes() == before


def test_settings_of_an_event_file_are_bounded_when_created(tmp_path: Path) -> None:
    with pytest.raises(EventFileError):
        EventStore.create(tmp_path / "x" / "y.nblevent", EventSettings(name="x"))
    assert not (tmp_path / "x").exists()


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    return True


def test_the_holder_helper_says_nobody_when_the_file_is_free(tmp_path: Path) -> None:
    path = event_file_of(tmp_path, "arctic-60", "1")
    assert holder(path) is None
    store = EventStore.open(path)
    owner = holder(path)
    assert owner is not None and owner.pid == os.getpid() and _pid_alive(owner.pid)
    store.close()
    time.sleep(0)
    assert holder(path) is None


# -- backups ------------------------------------------------------------------------------------

def test_a_replan_keeps_a_backup_and_restore_puts_it_back(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = event_file_of(tmp_path, "arctic-60", "1")
    before = contents(path)
    assert main(["replan", str(path), "--from-slot", "3", "--absent", "P0001",
                 "--time-limit", "1"]) == 0
    assert contents(path) != before
    capsys.readouterr()
    assert main(["restore", str(path)]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed[0].startswith("1: ") and "before re-plan" in listed[0]
    assert main(["restore", str(path), "1"]) == 0
    assert contents(path) == before
    capsys.readouterr()
    assert main(["restore", str(path)]) == 0  # what was there before is kept as well
    assert "before restoring a backup" in capsys.readouterr().out.splitlines()[0]


def test_backup_copies_a_file_in_use_consistently(tmp_path: Path) -> None:
    path = event_file_of(tmp_path, "arctic-60", "1")
    store = EventStore.open(path)  # in use by this program
    copy = tmp_path / "copy.nblevent"
    assert main(["backup", str(path), "-o", str(copy)]) == 0
    assert contents(copy) == contents(path)
    store.close()
    from nbl_desktop.core.store.backups import KEEP, backups_of
    for _ in range(KEEP + 3):
        assert main(["backup", str(path)]) == 0
    assert len(backups_of(path)) == KEEP  # the oldest go


def snapshot(path: Path) -> tuple[object, ...]:
    """Every row that a replan or import may change, as plain SQLite reads them."""
    with closing(sqlite3.connect(path)) as db:
        return tuple(tuple(db.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall())
                     for t in ("attendees", "requests", "meetings", "change_log"))


@pytest.mark.slow
def test_a_killed_replan_or_update_import_leaves_the_old_state_or_the_new_whole(
        tmp_path: Path) -> None:
    path = event_file_of(tmp_path, "arctic-300", "2")
    update = tmp_path / "update.csv"
    update.write_text("Name,Company,Email,Must meet\n"
                      + "".join(f"New Person {i},New {i} AS,new{i}@x.no,P000{i % 9 + 1}\n"
                                for i in range(40)), encoding="utf-8")
    runs = (["replan", str(path), "--from-slot", "4", "--absent", "P0001", "--absent", "P0002",
             "--time-limit", "2"],
            ["import", str(update), "--event-file", str(path)])
    for args in runs:
        old = snapshot(path)
        states = set()
        for after in (0.3, 0.7, 1.1, 1.6, 2.3, 9.0):
            run_and_kill(args, after)
            now = snapshot(path)
            if now == old:
                states.add("old")
                continue
            states.add("new")  # complete: every part of the change is there
            if args[0] == "replan":
                added = [str(row) for row in now[3][len(old[3]):]]
                assert sum("absent from slot 4" in row for row in added) == 2, added
                assert "re-plan from slot 4" in added[-1]
            else:
                assert len(now[0]) == len(old[0]) + 40 and len(now[1]) > len(old[1])
            break
        assert "new" in states, args[0]
