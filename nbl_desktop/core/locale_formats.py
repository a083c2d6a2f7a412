"""Times, dates and numbers as each language writes them, for the window and printed pages.

The patterns are CLDR's (the Unicode locale data every operating system uses);
`tests/test_locale_formats.py` checks them against Babel's copy of CLDR, so
running the app needs no locale data and no Babel:

    Norwegian 09:40, 10.03.2027, 12 345,5    Swedish 09:40, 2027-03-10, 12 345,5
    Finnish   9.40,  10.3.2027,  12 345,5    English 09:40, 2027-03-10, 12,345.5

English is the Nordic offices' English: a 24-hour clock (as en-GB writes it) and
ISO dates, which no reader in Norway, Sweden or Finland misreads (10/03 is
March there and October in the US). The thousands separator of the Nordic
languages is a no-break space, so "12 345" never splits over two lines.
Files the app writes for other programs (the Meetings sheet's times, the
event file) keep `core.clock`'s HH:MM whatever the language.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from nbl_desktop.core.i18n import current_language, language_code

NO_BREAK_SPACE = "\u00a0"


@dataclass(frozen=True)
class LocaleFormat:
    """How one language writes a clock time, a date and a number."""

    clock_separator: str  # between hours and minutes
    hour_two_digits: bool  # "09:40" rather than "9.40"
    date_order: str  # "dmy" or "ymd"
    date_separator: str
    date_two_digits: bool  # "03" rather than "3" for day and month
    decimal: str
    thousands: str
    percent: str  # the pattern around the number, "{number} %" or "{number}%"


FORMATS = {
    "nb": LocaleFormat(":", True, "dmy", ".", True, ",", NO_BREAK_SPACE,
                       "{number}" + NO_BREAK_SPACE + "%"),
    "sv": LocaleFormat(":", True, "ymd", "-", True, ",", NO_BREAK_SPACE,
                       "{number}" + NO_BREAK_SPACE + "%"),
    "fi": LocaleFormat(".", False, "dmy", ".", False, ",", NO_BREAK_SPACE,
                       "{number}" + NO_BREAK_SPACE + "%"),
    "en": LocaleFormat(":", True, "ymd", "-", True, ".", ",", "{number}%"),
}


def locale_format(language: str | None = None) -> LocaleFormat:
    """The formats of `language` (any spelling `core.i18n` reads); None: the window's."""
    return FORMATS.get(language_code(language) if language else current_language(),
                       FORMATS["en"])


def clock_text(minutes: int, language: str | None = None) -> str:
    """A time of day, minutes after midnight: "09:40", or "9.40" in Finnish."""
    form = locale_format(language)
    hours, minute = divmod(minutes % (24 * 60), 60)
    shown_hours = f"{hours:02d}" if form.hour_two_digits else str(hours)
    return f"{shown_hours}{form.clock_separator}{minute:02d}"


def span_text(start: int, end: int, language: str | None = None) -> str:
    """From and until: "09:40–10:00" (an en dash, unspaced, as all four languages write it)."""
    return f"{clock_text(start, language)}–{clock_text(end, language)}"


def date_text(value: dt.date | str, language: str | None = None) -> str:
    """A date as the language writes it; a text that is no ISO date comes back as it is
    (an event's day may be called "Day 2" or "Tuesday")."""
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value.strip())
        except ValueError:
            return value
    form = locale_format(language)
    if form.date_two_digits:
        day, month = f"{value.day:02d}", f"{value.month:02d}"
    else:
        day, month = str(value.day), str(value.month)
    parts = (day, month, str(value.year)) if form.date_order == "dmy" else (
        str(value.year), month, day)
    return form.date_separator.join(parts)


def number_text(value: float, decimals: int = 0, language: str | None = None) -> str:
    """A number with the language's decimal mark and thousands separator: "12 345,5"."""
    form = locale_format(language)
    english = f"{value:,.{decimals}f}"
    return english.translate({ord(","): form.thousands, ord("."): form.decimal})


def percent_text(fraction: float, decimals: int = 0, language: str | None = None) -> str:
    """A share as a percentage: 0.875 → "88 %" (Nordic), "88%" (English)."""
    form = locale_format(language)
    return form.percent.format(number=number_text(fraction * 100, decimals, language))
