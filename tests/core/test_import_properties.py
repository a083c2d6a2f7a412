"""Properties of the import over generated sheets and cells (hypothesis): the fuzzing that keeps
the import's old failures from coming back.

Whatever a sheet holds (any header from any form tool or none, title rows,
cells of every type: text, huge and odd numbers, times, dates, booleans,
long strings, formula-like text), the import either refuses the file with an
InputError naming it, or reads it so that every row under the header is a
person or a finding of that row, and every column is named in the report.
Never another exception.
"""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from nbl_desktop.core.clock import parse_clock
from nbl_desktop.core.errors import InputError
from nbl_desktop.core.event import EventSettings
from nbl_desktop.core.exporting.sheet_style import append_row
from nbl_desktop.core.importing import cell_values
from nbl_desktop.core.importing.cell_values import BadValue
from nbl_desktop.core.importing.choices import sheet_key
from nbl_desktop.core.importing.layout import column_letter
from nbl_desktop.core.importing.reader import import_registrations
from nbl_desktop.core.importing.vocabulary import normalize
from tests.workbooks import write_csv

SETTINGS = EventSettings(name="Generated", slot_count=8, table_labels=("1", "2"))
HEADERS = ["Name", "Navn", "Fornavn", "Etternavn", "Nimi", "Namn", "Company", "Bedrift",
           "Yritys", "Företag", "E-post", "Email", "Sähköposti", "Land", "Country",
           "Tilstede fra", "Tilstede til", "Ankomsttid", "Available from", "Max meetings",
           "Maks antall møter", "Party size", "Fixed table", "Bord", "Must meet", "Må møte",
           "Ønsker å møte", "Kan møte", "Vil ikke møte", "Haluan tavata", "Kommentar", "Notes",
           "Telefon", "Timestamp", "Tidsmerke", "$submission_id", "Start time",
           "Respondent ID", "ID", "Hvem vil du møte? [Fisk AS]", "Ønsker å møte.Polar AB",
           "Oppmøte", "Lunsj", "Allergier", "Stilling", "Something else", "", "Delegation",
           "Language", "Sector", "Offers", "Seeks"]
NAME_HEADERS = ["Name", "Navn", "Nimi", "Namn", "Fullt navn", "1. Name"]
WORDS = ["Kari Nordmann", "Fisk AS", "Polar AB", "Åsa Öberg", "kari@fisk.no", "Norge", "SE",
         "kl. 10.20", "10-14", "2:00 PM", "hele dagen", "etter lunsj", "to", "6.0", "x", "Ja",
         "Nei", "Må møte", "Ikke interessert", "Fisk AS; Polar AB;", "=HYPERLINK(\"x\")",
         "+1", "anonymous", "B12", "", " ", "\n", "1.25", "99999999999999999999", "1e300"]

cells = st.one_of(
    st.none(), st.sampled_from(WORDS), st.sampled_from(WORDS), st.text(max_size=40),
    st.booleans(),
    st.integers(min_value=-(10**25), max_value=10**25),
    st.floats(allow_nan=True, allow_infinity=True),
    st.datetimes(min_value=dt.datetime(1950, 1, 1), max_value=dt.datetime(2100, 1, 1)),
    st.times(), st.text(min_size=200, max_size=3000))


@st.composite
def sheets(draw: st.DrawFn) -> list[list[Any]]:
    titles = draw(st.lists(st.lists(st.sampled_from(WORDS), max_size=2), max_size=3))
    header = draw(st.lists(st.sampled_from(HEADERS), min_size=1, max_size=10))
    if draw(st.booleans()):  # most sheets of people have a name column somewhere
        header.insert(draw(st.integers(0, len(header))), draw(st.sampled_from(NAME_HEADERS)))
    rows = draw(st.lists(st.lists(cells, min_size=0, max_size=len(header) + 2), max_size=12))
    return [*titles, header, *rows]


def _excel_safe(value: Any) -> Any:
    """What a workbook can hold: openpyxl refuses NaN, control characters and the like."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, str):
        return "".join(ch for ch in value if unicodedata.category(ch)[0] != "C" or ch in "\n\t")
    return value


def write_sheet(path: Path, rows: list[list[Any]]) -> list[list[Any]]:
    """Write `rows` as a .csv or .xlsx file; the rows as the file holds them."""
    if path.suffix == ".csv":
        written = [["" if v is None else str(v) for v in row] for row in rows]
        write_csv(path, written, ";")
        return written
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    written = [[_excel_safe(v) for v in row] for row in rows]
    for row in written:
        append_row(sheet, row)  # "=HYPERLINK(…)" as typed text, not a formula without a value
    workbook.save(path)
    return written


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(rows=sheets(), suffix=st.sampled_from([".xlsx", ".csv"]))
def test_every_row_is_imported_or_reported_and_every_column_named(
        tmp_path_factory: Any, rows: list[list[Any]], suffix: str) -> None:
    path = tmp_path_factory.mktemp("generated") / f"form{suffix}"
    rows = write_sheet(path, rows)
    try:
        imported = import_registrations([path], SETTINGS)
    except InputError as error:  # no sheet of people: said about this file
        assert all(p.file == path for p in error.problems) and error.problems
        return
    report = imported.report
    (key, how), = report.sheets.items()
    assert key == sheet_key(path, path.stem if suffix == ".csv" else "Sheet")
    header_row = int(how.split("header row")[1].split(",")[0].split("–")[-1].strip()) \
        if "header row" in how else 0
    reported_rows = {e.row for e in report.entries}
    # A row's number is the line it starts on: a CSV cell may hold line breaks.
    numbers = _first_lines(rows) if suffix == ".csv" else list(range(1, len(rows) + 1))
    written = {number for number, row in zip(numbers, rows, strict=True)
               if any(v is not None and str(v).strip() for v in row)}
    for number in written:
        if number > header_row:
            assert (path, path.stem if suffix == ".csv" else "Sheet", number) in \
                imported.rows_read or number in reported_rows, number
    named = {c.letter for c in report.columns.get(key, [])}
    for number, row in zip(numbers, rows, strict=True):
        for column, value in enumerate(row):
            if value is not None and str(value).strip() and (number > header_row
                                                             or number == header_row):
                assert column_letter(column) in named or not report.columns, (number, column)


def _first_lines(rows: list[list[Any]]) -> list[int]:
    """The line each CSV row starts on, counting the line breaks inside its cells."""
    first, line = [], 1
    for row in rows:
        first.append(line)
        text = "".join(str(v) for v in row).replace("\r\n", "\n")
        line += 1 + text.count("\n") + text.count("\r")
    return first


@given(st.one_of(cells, st.text()))
def test_a_clock_time_is_a_minute_of_the_day_or_a_value_error(value: Any) -> None:
    try:
        minutes = parse_clock(value)
    except ValueError:
        return
    assert 0 <= minutes < 24 * 60


@given(st.one_of(cells, st.text()), st.integers(0, 10), st.integers(10, 10_000))
def test_a_whole_number_is_in_its_bounds_or_says_why(value: Any, low: int, high: int) -> None:
    try:
        number = cell_values.whole_number(value, low, high, "meetings")
    except BadValue as bad:
        assert bad.message and bad.action
        return
    assert low <= number <= high


@given(st.text())
def test_normalize_folds_letters_as_unicode_decomposition_would(text: str) -> None:
    folded = text.casefold().translate(str.maketrans({"ø": "o", "æ": "ae", "ß": "ss",
                                                      "đ": "d", "ł": "l"}))
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", folded)
                    if not unicodedata.combining(ch))
    expected = " ".join("".join(ch if ch.isascii() and ch.isalnum() else " "
                                for ch in plain.lower()).split())
    assert normalize(text) == expected
