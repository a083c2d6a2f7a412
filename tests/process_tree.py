"""Which processes a test's child started, read from /proc (Linux only)."""

from __future__ import annotations

from pathlib import Path

HAS_PROC = Path("/proc/self/task").is_dir()


def descendants(pid: int) -> set[int]:
    """The children of `pid`, theirs, and so on (those that ended meanwhile left out)."""
    found: set[int] = set()
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            for child in (task / "children").read_text().split():
                found |= {int(child)} | descendants(int(child))
    except (FileNotFoundError, ProcessLookupError):
        pass  # it ended meanwhile
    return found


def running(pid: int) -> bool:
    """Alive and not a zombie (an orphan's zombie waits for whoever reaps it)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"
