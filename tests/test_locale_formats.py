"""Times, dates and numbers follow each language as CLDR (through Babel) writes them."""

from __future__ import annotations

import datetime as dt

import pytest
from babel.dates import format_date, format_time
from babel.numbers import format_decimal, format_percent
from hypothesis import given
from hypothesis import strategies as st

from nbl_desktop.core.i18n import use_language
from nbl_desktop.core.locale_formats import (
    clock_text,
    date_text,
    number_text,
    percent_text,
    span_text,
)

NORDIC = ["nb", "sv", "fi"]


@pytest.mark.parametrize("language", [*NORDIC, "en"])
@given(minutes=st.integers(0, 24 * 60 - 1))
def test_a_clock_time_is_written_as_cldr_writes_it(language: str, minutes: int) -> None:
    # English is the 24-hour English of the Nordic offices: en-GB's short time.
    cldr = "en_GB" if language == "en" else language
    expected = format_time(dt.time(minutes // 60, minutes % 60), "short", locale=cldr)
    assert clock_text(minutes, language) == expected


@pytest.mark.parametrize("language", NORDIC)
@given(day=st.dates(dt.date(2000, 1, 1), dt.date(2100, 12, 31)))
def test_a_date_is_written_as_cldr_writes_it(language: str, day: dt.date) -> None:
    assert date_text(day, language) == format_date(day, "short", locale=language)
    assert date_text(day.isoformat(), language) == format_date(day, "short", locale=language)


def test_english_dates_are_iso_and_a_day_name_stays_as_written() -> None:
    assert date_text("2027-03-10", "en") == "2027-03-10"
    assert date_text("Day 2", "fi") == "Day 2"


@pytest.mark.parametrize("language", [*NORDIC, "en"])
@given(whole=st.integers(-10**9, 10**9), decimals=st.integers(0, 3))
def test_a_number_is_written_as_cldr_writes_it(language: str, whole: int,
                                               decimals: int) -> None:
    value = whole / 10**decimals  # exact in decimals places: no rounding to disagree on
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    assert number_text(value, decimals, language) == format_decimal(value, pattern,
                                                                    locale=language)


@pytest.mark.parametrize("language", [*NORDIC, "en"])
def test_a_share_is_written_as_cldr_writes_a_percentage(language: str) -> None:
    assert percent_text(0.875, 0, language) == format_percent(0.875, locale=language)
    assert percent_text(0.5, 0, language) == format_percent(0.5, locale=language)


def test_the_window_language_is_the_default() -> None:
    use_language("fi")
    assert span_text(9 * 60, 9 * 60 + 20) == "9.00–9.20"
    assert number_text(0.5, 1) == "0,5"
    use_language("en")
    assert span_text(9 * 60, 9 * 60 + 20) == "09:00–09:20"
