"""What the app remembers between runs: recent event files, the last folder, window geometry,
the schedule options.

Kept with QSettings in an ini file in the user's data folder (so
NBL_DESKTOP_DATA_DIR moves it too: tests, a portable install on a stick).
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from nbl_desktop.paths import user_data_dir
from solver import SolveOptions
from solver.options import Compactness

RECENT_LIMIT = 8


def _settings() -> QSettings:
    return QSettings(str(user_data_dir() / "settings.ini"), QSettings.Format.IniFormat)


def recent_files() -> list[Path]:
    """Event files opened lately, newest first, those that still exist."""
    names = _settings().value("recent_files", []) or []
    if isinstance(names, str):  # QSettings gives a lone value as a string
        names = [names]
    return [Path(n) for n in names if Path(n).is_file()]


def remember_recent(path: Path) -> None:
    path = Path(path).resolve()
    names = [str(path)] + [str(p) for p in recent_files() if p.resolve() != path]
    _settings().setValue("recent_files", names[:RECENT_LIMIT])


def last_folder() -> str:
    return str(_settings().value("last_folder", "") or "")


def remember_folder(path: Path) -> None:
    _settings().setValue("last_folder", str(Path(path).parent))


def window_geometry() -> QByteArray | None:
    value = _settings().value("window_geometry")
    return value if isinstance(value, QByteArray) else None


def remember_window_geometry(geometry: QByteArray) -> None:
    _settings().setValue("window_geometry", geometry)


def solve_options() -> SolveOptions:
    """The schedule options last chosen (defaults where none were, or unreadable)."""
    stored = _settings().value("solve_options")
    if not isinstance(stored, str) or not stored:
        return SolveOptions()
    try:
        values = json.loads(stored)
        return SolveOptions(
            min_meetings=int(values["min_meetings"]),
            priority_weights={int(k): int(v) for k, v in values["priority_weights"].items()},
            value_tolerance=float(values["value_tolerance"]),
            compactness=Compactness(values["compactness"]),
            max_break_spread=values["max_break_spread"])
    except (ValueError, KeyError, TypeError, AttributeError):
        return SolveOptions()


def remember_solve_options(options: SolveOptions) -> None:
    _settings().setValue("solve_options", json.dumps({
        "min_meetings": options.min_meetings, "priority_weights": options.priority_weights,
        "value_tolerance": options.value_tolerance, "compactness": options.compactness.value,
        "max_break_spread": options.max_break_spread}))


DEFAULT_TIME_LIMIT = 30.0


def time_limit() -> float:
    """The toolbar's time limit as last set (seconds)."""
    try:
        value = float(_settings().value("time_limit", DEFAULT_TIME_LIMIT))
    except (TypeError, ValueError):
        return DEFAULT_TIME_LIMIT
    return value if 1 <= value <= 3600 else DEFAULT_TIME_LIMIT


def remember_time_limit(seconds: float) -> None:
    _settings().setValue("time_limit", float(seconds))
