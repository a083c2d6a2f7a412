"""Rolling backups of event files, in the user data folder, and restoring one.

Before each solve, re-plan and import the app keeps a copy of the event
(SQLite's backup API: a consistent copy of a file in use), named with the
event's file name, the time and why: `day 2027-03-10 101500 before
re-plan.nblevent`. The last `KEEP` of each event are kept. Restoring moves a
copy of the backup into place in one rename, the current file first kept as
a backup of its own, so a restore can be undone the same way.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sqlite3
import sys
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from nbl_desktop.core.errors import EventFileError
from nbl_desktop.core.i18n import N_, _
from nbl_desktop.core.store.writer_lock import WriterLock
from nbl_desktop.paths import user_data_dir

if TYPE_CHECKING:
    from nbl_desktop.core.store.event_store import EventStore

KEEP = 20
SUFFIX = ".nblevent"
# Windows and macOS do not tell "Day.nblevent" from "day.nblevent": one event, one set of
# backups, whichever way its name is typed (`nbl-desktop restore day.nblevent`).
NAMES_IGNORE_CASE = sys.platform in ("win32", "darwin")
_NAME = re.compile(r"^(?P<event>.+) (?P<day>\d{4}-\d{2}-\d{2}) (?P<time>\d{6})(?:-\d+)? "
                   r"(?P<why>.+)\.nblevent$")


@dataclass(frozen=True)
class Backup:
    """One kept copy: its file, when it was made, and why."""

    path: Path
    made: dt.datetime
    why: str

    def __str__(self) -> str:
        # `why` stays English in the file's name; a why marked for the catalogs (N_) is
        # shown translated, any other as it is.
        return f"{self.made:%Y-%m-%d %H:%M:%S} — {_(self.why)}"


def backup_folder() -> Path:
    folder = user_data_dir() / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def keep_backup(store: EventStore, why: str) -> Path:
    """A copy of the event as it is now, before `why` ("before schedule"); the oldest
    beyond KEEP of this event go. EventFileError when it cannot be made."""
    target = _backup_path(Path(store.path).stem, why)
    store.save_copy(target)
    for old in backups_of(store.path)[KEEP:]:
        old.path.unlink(missing_ok=True)
    return target


def _backup_path(stem: str, why: str) -> Path:
    now = dt.datetime.now()
    target = backup_folder() / f"{stem} {now:%Y-%m-%d %H%M%S} {why}{SUFFIX}"
    number = 1
    while target.exists():  # two backups in one second
        number += 1
        target = backup_folder() / f"{stem} {now:%Y-%m-%d %H%M%S}-{number} {why}{SUFFIX}"
    return target


def backups_of(event_file: Path) -> list[Backup]:
    """The kept copies of the event file (by its name), newest first."""
    stem = _comparable(Path(event_file).stem)
    found = []
    for path in backup_folder().glob(f"*{SUFFIX}"):
        parts = _NAME.match(path.name)
        if parts is None or _comparable(parts["event"]) != stem:
            continue
        made = dt.datetime.strptime(f"{parts['day']} {parts['time']}", "%Y-%m-%d %H%M%S")
        found.append(Backup(path, made, parts["why"]))
    return sorted(found, key=lambda b: (b.made, b.path.name), reverse=True)


def _comparable(name: str) -> str:
    return name.casefold() if NAMES_IGNORE_CASE else name


def restore_backup(backup: Backup, event_file: Path) -> None:
    """Put `backup` in place of `event_file` (which nobody may have open for writing): the
    file now is kept as a backup first, and the copy moves in with one rename."""
    from nbl_desktop.core.store.event_store import EventStore

    event_file = Path(event_file)
    lock = WriterLock(event_file)
    lock.acquire()  # nobody else writes the file while it is replaced
    partial = event_file.with_name(f".{event_file.name}.{os.getpid()}.restoring")
    try:
        if event_file.exists():
            try:
                current = EventStore.open(event_file, read_only=True)
            except EventFileError:  # damaged: kept as it is, byte for byte
                shutil.copyfile(event_file, _backup_path(event_file.stem, N_("damaged")))
            else:
                try:
                    keep_backup(current, N_("before restoring a backup"))
                finally:
                    current.close()
        with closing(sqlite3.connect(backup.path)) as source, \
                closing(sqlite3.connect(partial)) as copy:
            source.backup(copy)
        os.replace(partial, event_file)
    except (sqlite3.Error, OSError) as exc:
        raise EventFileError(_("Cannot restore {backup} as {file}: {reason}.").format(
            backup=backup.path.name, file=event_file, reason=exc)) from exc
    finally:
        partial.unlink(missing_ok=True)
        lock.release()
