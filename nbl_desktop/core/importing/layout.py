"""Find a sheet's header row and how each of its columns is read.

Title rows, notes and blank rows above the header are skipped: the header is
the row among the first rows that names the most known fields. A question
spanning a second header row (SurveyMonkey writes the question once and the
options, or "Response", in the row below) is read as one header per column,
"Question [Option]". The form tool that wrote the file is told by its own
columns (Microsoft Forms, Google Forms, Nettskjema, SurveyMonkey, Webropol,
Typeform, Jotform, Eventbrite): those columns are metadata, and the account
columns a tool fills by itself (Microsoft Forms' Email and Name, which hold
"anonymous" for outside respondents) are read only where the form's own
question is empty. The organizer's corrections (`choices.ImportChoices`)
come first: what a header means, which row is the header row, or that a
sheet is not to be read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from nbl_desktop.core.i18n import N_, _
from nbl_desktop.core.importing import cell_values
from nbl_desktop.core.importing.cell_values import BadValue
from nbl_desktop.core.importing.choices import (
    NOT_USED,
    SKIP_SHEET,
    ImportChoices,
    header_key,
    sheet_key,
)
from nbl_desktop.core.importing.fields import (
    FIELDS,
    FIELDS_OF_KIND,
    HEADER,
    SheetKind,
    ValueKind,
    clean_header,
    read_header,
)
from nbl_desktop.core.importing.raw_tables import RawSheet, cell_text
from nbl_desktop.core.importing.vocabulary import normalize

_ROWS_SEARCHED = 30
_SHEET_OF = {SheetKind.ATTENDEES: N_("people"), SheetKind.REQUESTS: N_("wishes (pairs)"),
             SheetKind.EXCLUSIONS: N_("do-not-meet pairs")}
_ROWS_AFTER_HEADER = 4  # rows looked at below the best header row so far
_SUB_HEADERS = frozenset({"response", "open ended response", "svar", "vastaus",
                          "other please specify", "annet vennligst spesifiser"})
_COUNTED_SUFFIX = re.compile(r"^(?P<base>.*\D)(?P<n>\d)$")  # Microsoft Forms' "Email2"

# Form tools, told by their own columns (normalized), and the columns they fill by
# themselves with the respondent's account.
_MS_START = frozenset({"start time", "starttidspunkt", "starttid", "aloitusaika"})
_MS_DONE = frozenset({"completion time", "fullforingstidspunkt", "slutforandetid",
                      "tid for slutforande", "valmistumisaika"})
_GOOGLE_STAMP = frozenset({"timestamp", "tidsmerke", "tidstampel", "tidsstampel", "aikaleima",
                           "tidsstempel"})


@dataclass(frozen=True)
class ColumnReading:
    """How one column is read, and `how` that was told (in the current language, or
    `fields.HEADER`). `account`: a tool's account column (the respondent's own name or
    email, filled in by the tool), read only when no question asks for the same.
    `unused`: not used, and the app knows why (`how` says it): nothing to ask about."""

    column: int  # 0-based
    header: str
    field: str | None
    how: str
    option: str = ""
    metadata: bool = False
    chosen: bool = False
    account: bool = False
    score: int = 0  # how strongly the header names the field (`HeaderReading.score`)
    unused: bool = False

    @property
    def letter(self) -> str:
        return column_letter(self.column)


@dataclass
class SheetLayout:
    """A sheet's kind, header row(s), and every column's reading."""

    kind: SheetKind
    header_rows: tuple[int, ...] = ()
    columns: list[ColumnReading] = field(default_factory=list)
    tool: str = ""
    _readers: dict[str, list[ColumnReading]] | None = field(default=None, init=False,
                                                            repr=False, compare=False)

    @property
    def header_row(self) -> int:
        """The last header row's number; 0 when there is none."""
        return self.header_rows[-1] if self.header_rows else 0

    def readers_of(self, name: str) -> list[ColumnReading]:
        """The columns read as `name`, left to right."""
        if self._readers is None:  # asked for every field of every row: built once
            self._readers = {}
            for column in self.columns:
                if column.field is not None:
                    self._readers.setdefault(column.field, []).append(column)
        return self._readers.get(name, [])

    def has(self, name: str) -> bool:
        return any(c.field == name for c in self.columns)


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA: the column as Excel shows it."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _tool_of(headers: dict[int, str]) -> str:
    plain = {c: normalize(h) for c, h in headers.items()}
    ordered = [plain[c] for c in sorted(plain)]
    values = set(plain.values())
    if len(ordered) >= 3 and ordered[0] == "id" and ordered[1] in _MS_START \
            and ordered[2] in _MS_DONE:
        return "Microsoft Forms"
    if {"respondent id", "collector id"} <= values:
        return "SurveyMonkey"
    if any(h.strip().startswith("$") for h in headers.values()):
        return "Nettskjema"
    if ordered and ordered[0] in _GOOGLE_STAMP:
        return "Google Forms"
    if "vastausaika" in values:
        return "Webropol"
    if any(h.strip() == "#" for h in headers.values()) or "network id" in values:
        return "Typeform"
    if "submission date" in values or "submission id" in values:
        return "Jotform"
    if {"ticket type", "attendee status"} & values:
        return "Eventbrite"
    return ""


def _account_columns(tool: str, headers: dict[int, str]) -> set[int]:
    """Columns a tool fills with the respondent's account: names and emails that are the
    form's own only when no question asks for them."""
    ordered = sorted(headers)
    if tool == "Microsoft Forms":
        return {c for c in ordered[3:6] if read_header(headers[c]).field in
                ("email", "name")} | {ordered[0]}
    if tool == "SurveyMonkey":
        return {c for c in ordered[:9] if normalize(headers[c]) in
                ("email address", "first name", "last name")}
    return set()


def wrong_sheet(choice: str) -> str:
    """Why a column the organizer chose to read as `choice` (a field key) is not used on a
    sheet of another kind: "you chose Priority, which belongs on a sheet of wishes (pairs)"."""
    field = FIELDS[choice]
    # Translators: {field} is a field such as "Priority", {sheet} a kind of sheet such as
    # "wishes (pairs)"
    return _("you chose {field}, which belongs on a sheet of {sheet}").format(
        field=_(field.label), sheet=_(_SHEET_OF[field.sheet]))


def _not_used(why: str) -> str:
    # Translators: {why} says why a column is not read, e.g. "a phone number"
    return _("not used: {why}").format(why=why)


def _read_column(column: int, header: str, kind: SheetKind, choices: ImportChoices,
                 tool: str, account: set[int]) -> ColumnReading:
    choice = choices.header_fields.get(header_key(header))
    if choice is not None:
        if choice == NOT_USED:
            return ColumnReading(column, header, None, _("not used, as you chose"),
                                 chosen=True, unused=True)
        if choice in FIELDS and FIELDS[choice].sheet is kind:
            option = read_header(header, kind).option if FIELDS[choice].several else ""
            return ColumnReading(column, header, choice, _("as you chose"), option,
                                 chosen=True)
        if choice in FIELDS and kind is not SheetKind.UNKNOWN:
            return ColumnReading(column, header, None, _not_used(wrong_sheet(choice)),
                                 chosen=True, unused=True)
    reading = read_header(header, kind)
    if reading.field is None and not reading.metadata:
        counted = _COUNTED_SUFFIX.match(clean_header(header))
        if counted:  # "Email2": a tool renamed a question that collided with its own column
            base = read_header(counted["base"], kind)
            if base.field is not None:
                reading = replace(base, how=_("header (numbered by the form tool)"))
    if column in account:
        if reading.field in (None, "id"):  # Microsoft Forms' response number
            # Translators: {tool} is a form tool, e.g. "Microsoft Forms"
            return ColumnReading(column, header, None, _("form metadata ({tool}: the "
                                 "response number)").format(tool=tool), metadata=True)
        # Translators: {tool} is a form tool, e.g. "Microsoft Forms"
        return ColumnReading(column, header, reading.field, _("header ({tool}'s account "
                             "column)").format(tool=tool), account=True)
    if reading.metadata:
        # Translators: {tool} is a form tool, e.g. "Microsoft Forms"
        return ColumnReading(column, header, None, _("form metadata ({tool})").format(tool=tool)
                             if tool else reading.how, metadata=True)
    return ColumnReading(column, header, reading.field, reading.how, reading.option,
                         score=reading.score, unused=reading.unused)


def _map(headers: dict[int, str], kind: SheetKind, choices: ImportChoices
         ) -> tuple[list[ColumnReading], str]:
    tool = _tool_of(headers)
    account = _account_columns(tool, headers)
    readings = [_read_column(c, h, kind, choices, tool, account)
                for c, h in sorted(headers.items())]
    # A tool's account column is the respondent's own only where no question asks for the
    # same (outside respondents are 'anonymous' there): else it is metadata.
    asked = {r.field for r in readings if r.field is not None and not r.account}
    if "name" in asked:
        asked |= {"first_name", "last_name"}
    for i, reading in enumerate(readings):
        if reading.account and reading.field in asked:
            question = next((r for r in readings if not r.account and r.field == reading.field),
                            None) or next(r for r in readings if r.field == "name")
            readings[i] = replace(reading, field=None, metadata=True, account=False,
                                  # Translators: {tool} is a form tool, "Microsoft Forms";
                                  # column {letter} {header!r} is the form's own question
                                  how=_("form metadata ({tool}: the respondent's account; "
                                        "column {letter} {header!r} is read)").format(
                                      tool=tool, letter=question.letter,
                                      header=question.header))
    # A field that takes one column: the column naming it best is read ("Name" rather than
    # "Participant type"; the organizer's choice first, then the leftmost), the others are
    # not, and say so.
    best: dict[str, ColumnReading] = {}
    for reading in readings:
        name = reading.field
        if name is None or FIELDS[name].several:
            continue
        rank = (reading.chosen, reading.score)
        if name not in best or rank > (best[name].chosen, best[name].score):
            best[name] = reading
    for i, reading in enumerate(readings):
        name = reading.field
        if name is not None and name in best and best[name] is not reading:
            first = best[name]
            # Translators: {field} is a field such as "Email"; column {letter} ({header!r}) is
            # the column read for it
            readings[i] = replace(reading, field=None, unused=True, how=_not_used(_(
                "a second column for {field}; column {letter} ({header!r}) is read").format(
                    field=_(FIELDS[name].label), letter=first.letter, header=first.header)))
    return readings, tool


def _headers_of(values: tuple[Any, ...]) -> dict[int, str]:
    return {c: str(h).strip() for c, h in enumerate(values)
            if h is not None and str(h).strip() != ""}


def _two_row_headers(first: tuple[Any, ...], second: tuple[Any, ...]) -> dict[int, str] | None:
    """'Question [Option]' per column when `second` is a row of options under `first`'s
    questions (each question written once, over its first column), else None."""
    top, below = _headers_of(first), _headers_of(second)
    if not top or not below:
        return None
    gaps = [c for c in below if c not in top and any(t < c for t in top)]
    sub_words = [c for c, text in below.items() if normalize(text) in _SUB_HEADERS]
    under_questions = [c for c in top if c in below and c not in sub_words]
    if not sub_words and (not gaps or len(under_questions) > len(top) / 2):
        return None  # a row of data under a header with a few blank cells
    combined: dict[int, str] = {}
    question = ""
    for c in range(max(max(top), max(below)) + 1):
        if c in top:
            question = top[c]
        elif c not in below:
            continue
        sub = below.get(c, "")
        option = sub if sub and normalize(sub) not in _SUB_HEADERS else ""
        if option:
            combined[c] = f"{question} [{option}]" if question else option
        elif question:
            combined[c] = question
    return {c: h for c, h in combined.items() if h}


_REQUIRED = {
    SheetKind.ATTENDEES: frozenset(),
    SheetKind.REQUESTS: frozenset({"requester", "requested"}),
    SheetKind.EXCLUSIONS: frozenset({"a", "b"}),
}


def _has_name(readings: list[ColumnReading]) -> bool:
    named = {r.field for r in readings}
    return "name" in named or {"first_name", "last_name"} <= named


def detect_layout(sheet: RawSheet, choices: ImportChoices | None = None) -> SheetLayout:
    """The sheet's kind and how each column is read; kind UNKNOWN when no header row is
    recognized (the map then keeps the first row's headers, or the chosen row's, so the
    organizer can say what the columns hold)."""
    choices = choices or ImportChoices()
    chosen_row = choices.header_rows.get(sheet_key(sheet.file, sheet.name))
    if chosen_row == SKIP_SHEET:
        return SheetLayout(SheetKind.UNKNOWN)
    rows = list(sheet.rows[:_ROWS_SEARCHED])
    if chosen_row is not None:
        at = [i for i, (number, _values) in enumerate(sheet.rows) if number == chosen_row]
        rows = list(sheet.rows[at[0]:at[0] + 2]) if at else []
        rows = rows[:1] + [r for r in rows[1:] if r[0] == chosen_row + 1]
    best = SheetLayout(SheetKind.UNKNOWN)
    if rows:
        readings, _tool = _map(_headers_of(rows[0][1]), SheetKind.UNKNOWN, ImportChoices())
        best = SheetLayout(SheetKind.UNKNOWN, (rows[0][0],), [
            replace(r, field=None) for r in readings])
    best_score = 1.0
    last = 1 if chosen_row is not None else len(rows)
    since_best = 0
    for i, (number, values) in enumerate(rows[:last]):
        if best.kind is not SheetKind.UNKNOWN and since_best >= _ROWS_AFTER_HEADER:
            break  # data rows follow a header; title rows only come before it
        since_best += 1
        candidates = [((number,), _headers_of(values))]
        if i + 1 < len(rows) and rows[i + 1][0] == number + 1:
            two = _two_row_headers(values, rows[i + 1][1])
            if two is not None:
                candidates.append(((number, number + 1), two))
        for header_rows, headers in candidates:
            people_columns = 0
            for kind in FIELDS_OF_KIND:  # people first
                readings, tool = _map(headers, kind, choices)
                named = {r.field for r in readings if r.field is not None}
                used = sum(1 for r in readings if r.field is not None)
                if kind is SheetKind.ATTENDEES:
                    people_columns = used if _has_name(readings) else 0
                    if not people_columns:
                        continue
                    score = 10.0 + len(named)
                else:
                    if not _REQUIRED[kind] <= named:
                        continue
                    # "Deltaker | Ikke med" names a person too: pairs win when they read
                    # more of the row than a sheet of people would.
                    score = len(named) + (10.5 if used > people_columns else 0.0)
                # A second header row must read more than the first alone (a first person
                # with a note beside the header is no row of options).
                if score > best_score:
                    best, best_score = SheetLayout(kind, header_rows, readings, tool), score
                    since_best = 0
    return best


def _fits(kind: ValueKind, value: Any) -> bool:
    try:
        if kind is ValueKind.CLOCK or kind is ValueKind.CLOCK_RANGE:
            cell_values.clock_or_range(value)
        elif kind is ValueKind.WHOLE:
            cell_values.whole_number(value, 0, 100_000, "")
        elif kind is ValueKind.EMAIL:
            return cell_values.looks_like_email(cell_text(value)) or \
                cell_values.is_anonymous(value)
        elif kind is ValueKind.TABLE:  # a label, not "Yes" to "Do you need a table?"
            return len(cell_text(value)) <= 20 and normalize(cell_text(value)) not in _ANSWERS
    except BadValue:
        return False
    return True


_ANSWERS = frozenset({"yes", "ja", "kylla", "no", "nei", "nej", "ei", "true", "false",
                      "maybe", "kanskje", "kanske", "ehka"})
_CHECKED = {ValueKind.CLOCK: N_("clock times"), ValueKind.CLOCK_RANGE: N_("clock times"),
            ValueKind.WHOLE: N_("numbers"), ValueKind.EMAIL: N_("email addresses"),
            ValueKind.TABLE: N_("table labels"),
            ValueKind.NAMES: N_("names (they are yes or no)")}


def fitted_to_values(sheet: RawSheet, layout: SheetLayout) -> SheetLayout:
    """`layout` without the readings its values deny: an 'Ankomst' column of 'Fly' and
    'Bil' (how people travel) is not arrival times. Such a column is not used, and says
    why, rather than failing on every row; the organizer's own choices are kept."""
    columns = []
    for reading in layout.columns:
        kind = FIELDS[reading.field].kind if reading.field else None
        if kind is ValueKind.NAMES and (reading.option or layout.kind is not SheetKind.ATTENDEES):
            kind = None  # a column per company is ticked; pairs are checked name by name
        if kind in _CHECKED and not reading.chosen:
            assert kind is not None
            values = [v for number, cells in sheet.rows[:400] if number > layout.header_row
                      for v in [cells_of(cells, reading.column)] if cell_text(v)]
            if kind is ValueKind.NAMES:  # "Yes" to "Would you like to meet investors?";
                # a list of names where most wrote "no" or "-" is still a list of names
                ticks = [cell_values.is_yes(v) for v in values]
                fitting = len(values) if ticks.count(True) < len(values) / 4 else \
                    ticks.count(None)
            else:
                fitting = sum(1 for v in values if _fits(kind, v))
            if len(values) >= 3 and fitting < len(values) / 2:
                # Translators: {field} is a field such as "Available from", {what} what its
                # values should be, e.g. "clock times"
                reading = replace(reading, field=None, unused=True, how=_not_used(_(
                    "the header reads as {field}, but most values are not {what}; choose "
                    "what it holds if it is").format(field=_(FIELDS[reading.field or ""].label),
                                                     what=_(_CHECKED[kind]))))
        columns.append(reading)
    return replace(layout, columns=columns)


def cells_of(values: tuple[Any, ...], column: int) -> Any:
    return values[column] if column < len(values) else None


def first_values(sheet: RawSheet, layout: SheetLayout, column: int, count: int = 3
                 ) -> tuple[str, ...]:
    """The column's first few values that are not blank, on one line each."""
    found: list[str] = []
    for number, values in sheet.rows:
        if number <= layout.header_row:
            continue
        text = cell_text(cells_of(values, column)).replace("\n", " ")
        if text:
            found.append(text if len(text) <= 40 else text[:39] + "…")
            if len(found) == count:
                break
    return tuple(found)


def describe(reading: ColumnReading) -> str:
    """"column F 'Tilstede fra' → Available from (as you chose)", for the report (the
    report workbook reads what follows the arrow)."""
    where = _("column {letter} {header!r}").format(letter=reading.letter,
                                                   header=reading.header)
    if reading.field is None:
        return f"{where} → {reading.how}"
    target = _(FIELDS[reading.field].label)
    if reading.option:
        target += f": {reading.option!r}"
    return f"{where} → {target}" + ("" if reading.how == HEADER else f" ({reading.how})")
