"""Read one cell as the value a field needs, or say exactly what is wrong with it.

Every reader raises `BadValue` with a message and what to do; the importer
puts file, sheet, row and column in front. Numbers are bounded before they
are built (max meetings 10^20 or 1e300 is a mistake, not a number to
allocate for), whole numbers may be written 6.0 (form tools do), and a
time is read by `clock.parse_clock`, the app's one reading of a time.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any, NamedTuple

from nbl_desktop.core.clock import is_whole_day, parse_clock, parse_clock_range
from nbl_desktop.core.i18n import _
from nbl_desktop.core.importing.vocabulary import (
    ANONYMOUS_WORDS,
    NO_WORDS,
    PRIORITY_ANSWERS,
    YES_WORDS,
    normalize,
)

_WHOLE_TEXT = re.compile(r"^\s*[+]?(\d{1,7})(?:[.,]0+)?\s*$")
_EMAIL = re.compile(r"^[^@\s;,]+@[^@\s;,]+\.[^@\s;,]+$")
# Separators between names in one cell: ";" (Microsoft Forms, with a trailing one),
# ", " (Google Sheets), "," (Typeform) and line breaks (Jotform). A comma inside
# parentheses ("Kari (Fisk, Vilt AS)") does not separate.
_NAME_SEPARATORS = frozenset(";,\n\r")
_TICK_MARKS = frozenset("✓✔☑xX")
# Small numbers written as words, as people answer "how many come?" in four languages.
_NUMBER_WORDS = {word: number for number, spelled in enumerate((
    ("null", "noll", "nolla", "zero", "ingen"),
    ("en", "ein", "ett", "yksi", "one"), ("to", "tvo", "tva", "kaksi", "two"),
    ("tre", "kolme", "three"), ("fire", "fyra", "nelja", "four"),
    ("fem", "viisi", "five"), ("seks", "sex", "kuusi", "six")))
    for word in spelled}


class BadValue(ValueError):
    """A cell that cannot be read as its field needs; `action` says what to do.

    `describes_value`: the message says what the value is ("not a number"), to be said
    as "'x' is not a number"; else "'x': a date, not a clock time".
    """

    def __init__(self, message: str, action: str, describes_value: bool = True) -> None:
        super().__init__(message)
        self.message = message
        self.action = action
        self.describes_value = describes_value


def whole_number(value: Any, minimum: int, maximum: int, what: str) -> int:
    """A whole number from `minimum` to `maximum`: 6, 6.0, "6", " 6,0 ".

    `what` is what is counted, as the organizer reads it ("meetings", translated).
    """
    if isinstance(value, bool):
        raise BadValue(_("not a number"),
                       # Translators: {what} is what is counted, e.g. "meetings" or "tables"
                       _("write the number of {what}, such as 2").format(what=what))
    if isinstance(value, int | float):
        if not math.isfinite(value) or not float(value).is_integer():
            raise _not_whole(what)
        if not minimum <= value <= maximum:
            raise _out_of_range(value, minimum, maximum, what)
        return int(value)
    text = str(value).strip()
    if normalize(text) in _NUMBER_WORDS:  # "to" in Norwegian, "kaksi" in Finnish
        number = _NUMBER_WORDS[normalize(text)]
        if not minimum <= number <= maximum:
            raise _out_of_range(number, minimum, maximum, what)
        return number
    match = _WHOLE_TEXT.match(text)
    if match is None:
        digits = text.replace(" ", "")
        if digits.isdigit():  # a very long number, or "10 000"
            raise _out_of_range(digits, minimum, maximum, what)
        raise _not_whole(what)
    number = int(match.group(1))
    if not minimum <= number <= maximum:
        raise _out_of_range(number, minimum, maximum, what)
    return number


def _not_whole(what: str) -> BadValue:
    return BadValue(_("not a whole number"),
                    # Translators: {what} is what is counted, e.g. "meetings" or "tables"
                    _("write the number of {what} as a whole number, such as 2").format(
                        what=what))


def _out_of_range(value: object, minimum: int, maximum: int, what: str) -> BadValue:
    # Translators: {what} is what is counted, e.g. "meetings" or "tables"
    return BadValue(_("not a possible number of {what}").format(what=what),
                    # Translators: {minimum} and {maximum} are numbers, "0" and "1,000"
                    _("write a number from {minimum} to {maximum}").format(
                        minimum=minimum, maximum=f"{maximum:,}"))


def clock(value: Any) -> int:
    """A time of day in minutes; BadValue for anything that is not one."""
    try:
        return parse_clock(value)
    except ValueError as exc:
        kind = _("a number, not a clock time") if isinstance(value, int | float) else \
            _("not a clock time")
        raise BadValue(kind, _("write the time as HH:MM or HH.MM, e.g. 09:40 (or a range "
                               "such as 09:40-14:00)")) from exc


class Span(NamedTuple):
    """What an availability cell says: `side` is "range" (from and until), "from" or
    "until" (said in words: "fra kl. 10", "klo 14 asti"), "time" (one time, its side
    told by the column) or "day" (the whole day, in words)."""

    start: int | None
    end: int | None
    side: str


_FROM_WORDS = re.compile(r"^\s*(?:fra|frå|från|from|etter|efter|after|fr\.o\.m\.?)\b|"
                         r"\b(?:alkaen|lähtien|jälkeen)\s*$", re.IGNORECASE)
_UNTIL_WORDS = re.compile(r"^\s*(?:til|till|to|until|innen|innan|før|före|before|by|"
                          r"senest|seinast|senast|t\.o\.m\.?)\b|"
                          r"\b(?:asti|saakka|mennessä)\s*$", re.IGNORECASE)


def clock_or_range(value: Any) -> Span:
    """What a cell of availability says: a range, a time with or without a side, or the
    whole day; BadValue for anything else (a date is not a time)."""
    if is_whole_day(value):
        return Span(None, None, "day")
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        raise BadValue(_("a date, not a clock time"), _("write the time as HH:MM, e.g. 09:40"),
                       describes_value=False)
    found = parse_clock_range(value)
    if found is not None:
        return Span(*found, "range")
    minutes = clock(value)
    if isinstance(value, str) and _UNTIL_WORDS.search(value):
        return Span(None, minutes, "until")
    if isinstance(value, str) and _FROM_WORDS.search(value):
        return Span(minutes, None, "from")
    return Span(minutes, None, "time")


def is_yes(value: Any) -> bool | None:
    """True for a tick (1, x, yes, ja, kyllä, valgt, TRUE, ✓), False for no, None otherwise."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return True if value == 1 else False if value == 0 else None
    text = str(value).strip()
    if text in _TICK_MARKS:
        return True
    if len(text) > 16:
        return None  # a list of names, or a sentence: no tick
    plain = normalize(text)
    if plain in YES_WORDS:
        return True
    if plain in NO_WORDS or plain == "":
        return False
    return None


def priority_answer(value: Any) -> tuple[bool, int | None]:
    """(known, priority) for a grid answer or a pair sheet's priority: 3 must, 2 want,
    1 could, 0 do not meet, None no wish ("not interested")."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 3:
        return True, value  # the own workbook's 1, 2, 3
    plain = normalize(str(value))
    if not plain:
        return True, None  # nothing chosen
    if plain in PRIORITY_ANSWERS:
        return True, PRIORITY_ANSWERS[plain]
    return False, None


def is_anonymous(value: Any) -> bool:
    """What a form tool writes for someone not signed in ('anonymous')."""
    text = str(value or "").strip()
    return text[:1] in ("a", "A") and len(text) <= 12 and normalize(text) in ANONYMOUS_WORDS


def looks_like_email(text: str) -> bool:
    return _EMAIL.match(text.strip()) is not None


def split_names(text: str) -> list[str]:
    """The names in a wish-list cell, in order, without empty parts (a trailing ';')."""
    names, current, depth = [], [], 0
    for char in text:
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        if char in _NAME_SEPARATORS and depth == 0:
            names.append("".join(current))
            current = []
        else:
            current.append(char)
    names.append("".join(current))
    return [n.strip() for n in names if n.strip()]


def date_text(value: Any) -> str:
    """A date cell or text as YYYY-MM-DD ('' for empty); BadValue for what is no date."""
    if value is None or str(value).strip() == "":
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    for pattern in ("%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date().isoformat()
        except ValueError:
            continue
    raise BadValue(_("not a date"), _("write the date as YYYY-MM-DD, e.g. 2027-03-10"))
