"""Clock times of the event day, as minutes after midnight, and the stamp of 'now'.

One reading of a time for the whole app, as Nordic organizers and their form
tools write one: "10:20", "10.20" (Norway and Finland write a dot),
"kl. 10.20", "klo 10", "1020", "10:20:00", "10.20 am" / "2:00 PM", Excel
time and date-time cells, and a fraction of a day (a time cell whose format
was lost). A range in one cell ("10.20–14.00", "10-14", "10 til 14") is a
pair. Anything else is a ValueError that says how to write it: a number
such as 1.25 is not a time (01:25 would be a guess), nor is "after lunch".
"""

from __future__ import annotations

import datetime as dt
import re

from nbl_desktop.core.i18n import _

MINUTES_PER_DAY = 24 * 60

# Words around a time that say nothing about it: "kl. 10", "klo 10 alkaen", "fra kl 9".
_LEAD = re.compile(r"^(?:(?:fra|från|frå|from|at|til|till|to|until|by|innan|før|före|"
                   r"etter|efter|after|ca|cirka|approx|noin|kl|klo|kello|klockan|"
                   r"klokka|klokken)\b\.?\s*)+")
_TAIL = re.compile(r"\s*(?:\b(?:alkaen|asti|mennessä|lähtien|o'?clock|uhr|h|hrs|t)\.?)+$")
_CLOCK = re.compile(r"^(?P<h>\d{1,2})(?:\s*[:.]\s*(?P<m>\d{2})(?:\s*[:.]\s*\d{2}(?:[.,]\d+)?)?)?"
                    r"\s*(?P<half>a\.?\s*m\.?|p\.?\s*m\.?|ap\.?|ip\.?)?$")
_FOUR_DIGITS = re.compile(r"^(?P<h>\d{1,2})(?P<m>\d{2})$")
_DATE_FIRST = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}[ t]+|^\d{1,2}[./]\d{1,2}[./]\d{2,4}[ ,]+")
_RANGE = re.compile(r"\s*(?:[-–—]|\btil\b|\btill\b|\bto\b|\buntil\b|\basti\b)\s*")
_WHOLE_DAY = frozenset({"hele dagen", "heile dagen", "hela dagen", "whole day", "all day",
                        "the whole day", "koko päivä", "koko päivän", "koko paivan",
                        "full day", "heldag", "hele dag"})


def parse_clock(value: object) -> int:
    """Minutes after midnight, or ValueError saying what a time looks like."""
    if isinstance(value, dt.datetime):
        return value.hour * 60 + value.minute
    if isinstance(value, dt.time):
        return value.hour * 60 + value.minute
    if isinstance(value, bool):
        raise ValueError(_not_a_time(repr(value)))
    if isinstance(value, int | float):
        return _number_clock(value)
    text = _plain(str(value))
    minutes = _text_clock(text)
    if minutes is None:
        raise ValueError(_not_a_time(repr(str(value).strip())))
    return minutes


def _not_a_time(value: str) -> str:
    # Translators: {value} is what was written, in quotes: 'after lunch'
    return _("{value} is not a clock time; write it as HH:MM, e.g. 09:40").format(value=value)


def parse_clock_range(value: object) -> tuple[int, int] | None:
    """A range written in one cell ("10.20–14.00", "10-14", "kl 9 til 15"); None if the
    value is a single time or no time at all (ValueError is never raised)."""
    if not isinstance(value, str):
        return None
    text = _plain(value)
    text = _DATE_FIRST.sub("", text)
    parts = _RANGE.split(text)
    if len(parts) != 2:
        return None
    start, end = (_text_clock(_plain(part)) for part in parts)
    if start is None or end is None:
        return None
    return start, end


def is_whole_day(value: object) -> bool:
    """'Hele dagen', 'koko päivän', 'all day': available the whole day, said in words."""
    return isinstance(value, str) and _plain(value).rstrip(".!") in _WHOLE_DAY


def _plain(text: str) -> str:
    return " ".join(text.strip().casefold().split())


def _number_clock(value: float) -> int:
    """An Excel number as a time: a fraction of a day (a time cell without its format), a
    whole hour (10), or four digits (1020); never a decimal such as 1.25 or 10.2."""
    if 0 <= value < 1:
        return round(value * MINUTES_PER_DAY) % MINUTES_PER_DAY
    if float(value).is_integer() and 0 <= value < 10_000:
        whole = int(value)
        if whole < 24:
            return whole * 60
        hours, minutes = divmod(whole, 100)
        if whole >= 100 and hours < 24 and minutes < 60:
            return hours * 60 + minutes
    # Translators: {value} is the number written, e.g. 1.25
    raise ValueError(_("{value} is a number, not a clock time; write it as HH:MM, e.g. 09:40")
                     .format(value=repr(value)))


def _text_clock(text: str) -> int | None:
    text = _TAIL.sub("", _LEAD.sub("", text)).strip()
    text = _DATE_FIRST.sub("", text).strip()
    match = _CLOCK.match(text)
    if match:
        hours, minutes = int(match["h"]), int(match["m"] or 0)
        half = (match["half"] or "").replace(".", "").replace(" ", "")
        if half:  # 12-hour clock: 12 am is midnight, 12 pm noon
            if not 1 <= hours <= 12:
                return None
            hours = hours % 12 + (12 if half in ("pm", "ip") else 0)
        if hours < 24 and minutes < 60:
            return hours * 60 + minutes
        return None
    match = _FOUR_DIGITS.match(text)
    if match and len(text) >= 3:
        hours, minutes = int(match["h"]), int(match["m"])
        if hours < 24 and minutes < 60:
            return hours * 60 + minutes
    return None


def format_clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def now_stamp() -> str:
    """The local date and time as the event file keeps it (print log, check-ins, change
    log): ISO, to the second."""
    return dt.datetime.now().isoformat(sep=" ", timespec="seconds")
