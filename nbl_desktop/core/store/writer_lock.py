"""One writer per event file: an operating-system lock on a file beside it.

`day.nblevent.lock` is locked for as long as a program has `day.nblevent`
open for writing (the GUI for its whole session, a command for its run); a
second writer is told who holds it (computer, user, process, since when)
and may open the event read-only. The lock is the operating system's
(`fcntl.flock` on Linux and macOS, `msvcrt.locking` on Windows), so it ends
with the process that holds it: a lock left by a crash is free at once, and
the next writer is told that the last session did not close the file. The
lock file is kept, never deleted: deleting it would let two programs lock
two different files of the same name.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import sys
from dataclasses import dataclass
from pathlib import Path

from nbl_desktop.core.errors import UserError
from nbl_desktop.core.i18n import _

_LOCKED_BYTES = 1  # Windows locks a byte range: byte 0 is the lock, the owner is written after
# Windows opens a descriptor in text mode unless told (line ends and ^Z rewritten): the lock
# file is read and written as bytes, at byte offsets.
_BINARY = getattr(os, "O_BINARY", 0)


@dataclass(frozen=True)
class Owner:
    """Who holds (or last held) the lock."""

    host: str
    user: str
    pid: int
    since: str

    def __str__(self) -> str:
        if self.user:
            # Translators: who holds an event file: user, computer, process number, since when
            return _("{user} on {host} (process {pid}, since {since})").format(
                user=self.user, host=self.host, pid=self.pid, since=self.since)
        # Translators: who holds an event file: computer, process number, since when
        return _("{host} (process {pid}, since {since})").format(host=self.host, pid=self.pid,
                                                                 since=self.since)

    @classmethod
    def me(cls) -> Owner:
        return cls(socket.gethostname(), _user(), os.getpid(),
                   dt.datetime.now().isoformat(sep=" ", timespec="seconds"))


class EventFileLocked(UserError):
    """Another program writes this event file now."""

    def __init__(self, path: Path, owner: Owner | None) -> None:
        self.path = path
        self.owner = owner
        if owner:
            # Translators: {owner} is who holds the file, "kari on desk-pc (process 4120,
            # since 2027-03-10 08:12:03)"
            message = _("{file} is open for writing by {owner}. Close it there, or open it "
                        "read-only.").format(file=path.name, owner=owner)
        else:
            message = _("{file} is open for writing by another program. Close it there, or "
                        "open it read-only.").format(file=path.name)
        super().__init__(message)


def lock_path(event_file: Path) -> Path:
    return event_file.with_name(event_file.name + ".lock")


class WriterLock:
    """The lock of one event file, held from `acquire` to `release`."""

    def __init__(self, event_file: Path) -> None:
        self.path = lock_path(Path(event_file))
        self._fd: int | None = None
        self.previous: Owner | None = None  # a session that ended without releasing

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        """Lock, or EventFileLocked naming the holder; OSError when the folder is read-only."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | _BINARY, 0o644)
        try:
            _lock(fd)
        except OSError as exc:
            owner = _read_owner(fd)
            os.close(fd)
            raise EventFileLocked(self.path.with_suffix(""), owner) from exc
        left = _read_owner(fd)
        if left is not None and (left.host, left.pid) != (socket.gethostname(), os.getpid()):
            self.previous = left  # it held the lock and is gone: it crashed or was killed
        _write_owner(fd, Owner.me())
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            _write_owner(fd, None)  # a clean end: the next writer is not told of a crash
            _unlock(fd)
        finally:
            os.close(fd)


def holder(event_file: Path) -> Owner | None:
    """Who holds the event file's lock now; None when nobody does."""
    path = lock_path(Path(event_file))
    if not path.exists():
        return None
    try:
        fd = os.open(path, os.O_RDWR | _BINARY)
    except OSError:
        return None
    try:
        try:
            _lock(fd)
        except OSError:
            return _read_owner(fd) or Owner(_("another program"), "", 0, "")
        _unlock(fd)
        return None
    finally:
        os.close(fd)


def _user() -> str:
    try:
        import getpass

        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""


def _read_owner(fd: int) -> Owner | None:
    try:
        os.lseek(fd, _LOCKED_BYTES, os.SEEK_SET)
        text = os.read(fd, 4096).decode("utf-8", errors="replace").strip("\x00 \n")
        data = json.loads(text) if text else None
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    return Owner(str(data.get("host", "")), str(data.get("user", "")),
                 int(data.get("pid", 0) or 0), str(data.get("since", "")))


def _write_owner(fd: int, owner: Owner | None) -> None:
    text = "" if owner is None else json.dumps(owner.__dict__)
    os.ftruncate(fd, _LOCKED_BYTES)
    os.lseek(fd, _LOCKED_BYTES, os.SEEK_SET)
    os.write(fd, text.encode("utf-8"))


if sys.platform == "win32":  # pragma: no cover - the tests run on Linux
    import msvcrt

    def _lock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, _LOCKED_BYTES)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, _LOCKED_BYTES)
else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
