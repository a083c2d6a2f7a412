"""Clock times of the event day, as minutes after midnight, and the stamp of 'now'.

Spreadsheets give times as text ("9:40", "09.40"), as Excel time cells
(datetime.time) or as a fraction of a day; all become minutes.
"""

from __future__ import annotations

import datetime as dt
import re

_CLOCK = re.compile(r"^\s*(\d{1,2})\s*[:.]\s*(\d{2})\s*$")


def parse_clock(value: object) -> int:
    """Minutes after midnight, or ValueError saying what a time looks like."""
    if isinstance(value, dt.datetime):
        return value.hour * 60 + value.minute
    if isinstance(value, dt.time):
        return value.hour * 60 + value.minute
    if isinstance(value, float | int) and not isinstance(value, bool) and 0 <= value < 1:
        return round(value * 24 * 60)
    match = _CLOCK.match(str(value))
    if match:
        hours, minutes = int(match.group(1)), int(match.group(2))
        if hours < 24 and minutes < 60:
            return hours * 60 + minutes
    raise ValueError(f"{value!r} is not a clock time; write it as HH:MM, e.g. 09:40")


def format_clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def now_stamp() -> str:
    """The local date and time as the event file keeps it (print log, check-ins, change
    log): ISO, to the second."""
    return dt.datetime.now().isoformat(sep=" ", timespec="seconds")
