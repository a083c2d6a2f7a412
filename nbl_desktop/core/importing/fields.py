"""What a column holds: the one mapping of headers to fields, for every file the app reads.

The app's own registration workbook and whatever a form tool exported are
read through this one table, so the two can never disagree about a column.
A header is cleaned as form tools write them (HTML entities, numbering such
as "3. ", a trailing colon or asterisk, line breaks), then read in this
order: a form tool's own column (metadata, never a person's data); a field
named by a phrase of strong type (email, times, counts, tables); a wish list
(a verb of meeting, with words of priority or negation); a field named by
any other phrase (name, organization, country …); a column the app knows but
does not use (phone, job title, diet …). A header of the form
"Question [Option]" (or "Question.Option", "Question:Option",
"Question >> Option", "Question - Option") whose question is a wish list is
a column per option: the option names the company or person wished for.
"""

from __future__ import annotations

import enum
import functools
import html
import re
from dataclasses import dataclass

from nbl_desktop.core.i18n import N_, _, current_language
from nbl_desktop.core.importing.vocabulary import (
    ATTENDEE_PHRASES,
    COULD_WORDS,
    COUNT_WORDS,
    EXCLUSION_PHRASES,
    FORM_METADATA_PHRASES,
    KNOWN_UNUSED_LABELS,
    KNOWN_UNUSED_PHRASES,
    MEET_WORDS,
    MUST_WORDS,
    NOT_WORDS,
    PAIR_PHRASES,
    normalize,
)


class SheetKind(enum.Enum):
    """What a sheet holds, told by its header row (or its keys)."""

    ATTENDEES = "attendees"
    REQUESTS = "requests"
    EXCLUSIONS = "exclusions"
    EVENT = "event"  # key / value settings
    UNKNOWN = "unknown"


class ValueKind(enum.Enum):
    """What a field's cells hold, and so how they are read and checked."""

    TEXT = "text"
    ID = "id"
    EMAIL = "email"
    COUNTRY = "country"
    LANGUAGE = "language"
    CLOCK = "clock"  # a time of day
    CLOCK_RANGE = "clock range"  # from–until in one cell
    WHOLE = "whole number"
    TABLE = "table label"
    NAMES = "names"  # people or organizations, one or several per cell
    PRIORITY = "priority"


@dataclass(frozen=True)
class Field:
    """A field the app keeps: its key, what the organizer calls it, what its cells hold.

    `template_header` is its column in the app's own registration workbook ("" not
    there); `several`: more than one column may feed it (notes, wish lists). `label` and
    `help` are English, marked for the catalogs: show them with `_`.
    """

    key: str
    label: str
    kind: ValueKind
    sheet: SheetKind
    template_header: str = ""
    help: str = ""
    required: bool = False
    several: bool = False


_A = SheetKind.ATTENDEES
# Labels and help are what the organizer reads (translated where shown, with `_`); keys and
# template headers are read back, and stay as they are.
ATTENDEE_FIELDS: tuple[Field, ...] = (
    Field("id", N_("Attendee ID"), ValueKind.ID, _A, "ID",
          N_("A unique code per person, e.g. P0001; empty: the email is used."),
          required=True),
    Field("name", N_("Name"), ValueKind.TEXT, _A, "Name", N_("First and last name."),
          required=True),
    Field("first_name", N_("First name"), ValueKind.TEXT, _A),
    Field("last_name", N_("Last name"), ValueKind.TEXT, _A),
    Field("organization", N_("Organization"), ValueKind.TEXT, _A, "Organization",
          N_("Company or organization.")),
    Field("country", N_("Country"), ValueKind.COUNTRY, _A, "Country",
          N_("Two-letter country code, e.g. NO, SE, FI.")),
    Field("email", N_("Email"), ValueKind.EMAIL, _A, "Email", N_("Email address.")),
    Field("language", N_("Agenda language"), ValueKind.LANGUAGE, _A, "Language",
          N_("Agenda language: en, nb, sv or fi.")),
    Field("sector", N_("Sector"), ValueKind.TEXT, _A, "Sector",
          N_("Business sector or NACE code.")),
    Field("offers", N_("Offers"), ValueKind.TEXT, _A, "Offers",
          N_("What the organization offers.")),
    Field("seeks", N_("Seeks"), ValueKind.TEXT, _A, "Seeks",
          N_("What the organization is looking for.")),
    Field("available_from", N_("Available from"), ValueKind.CLOCK, _A, "Available from",
          N_("Earliest time the person can meet, HH:MM; empty: from the start.")),
    Field("available_until", N_("Available until"), ValueKind.CLOCK, _A, "Available until",
          N_("Latest time a meeting may end, HH:MM; empty: until the end.")),
    Field("available", N_("Available (from–until)"), ValueKind.CLOCK_RANGE, _A),
    Field("max_meetings", N_("Max meetings"), ValueKind.WHOLE, _A, "Max meetings",
          N_("Most meetings this person wants; empty: no limit.")),
    Field("party_size", N_("Party size"), ValueKind.WHOLE, _A, "Party size",
          N_("People who come to each meeting (seats); empty: 1.")),
    Field("fixed_table", N_("Fixed table"), ValueKind.TABLE, _A, "Fixed table",
          N_("Label of the table (booth) where this person meets everyone; empty: any.")),
    Field("delegation", N_("Delegation"), ValueKind.TEXT, _A, "Delegation",
          N_("People with the same delegation go to every meeting together.")),
    Field("notes", N_("Notes"), ValueKind.TEXT, _A, "Notes",
          N_("Anything the organizer should know; never printed."), several=True),
    Field("must_meet", N_("Must meet (names)"), ValueKind.NAMES, _A, several=True),
    Field("want_meet", N_("Want to meet (names)"), ValueKind.NAMES, _A, several=True),
    Field("could_meet", N_("Could meet (names)"), ValueKind.NAMES, _A, several=True),
    Field("do_not_meet", N_("Do not meet (names)"), ValueKind.NAMES, _A, several=True),
)
PAIR_FIELDS: tuple[Field, ...] = (
    Field("requester", N_("Who asks"), ValueKind.NAMES, SheetKind.REQUESTS, "Requester ID",
          N_("ID of the person who asks for the meeting."), required=True),
    Field("requested", N_("Whom they ask for"), ValueKind.NAMES, SheetKind.REQUESTS,
          "Requested ID", N_("ID of the person they want to meet."), required=True),
    Field("priority", N_("Priority"), ValueKind.PRIORITY, SheetKind.REQUESTS, "Priority",
          N_("1 = nice, 2 = important, 3 = must meet."), required=True),
)
EXCLUSION_FIELDS: tuple[Field, ...] = (
    Field("a", N_("Person"), ValueKind.NAMES, SheetKind.EXCLUSIONS, "Attendee ID",
          N_("ID of one person."), required=True),
    Field("b", N_("Not to meet"), ValueKind.NAMES, SheetKind.EXCLUSIONS, "Other ID",
          N_("ID of a person they must never be scheduled with."), required=True),
)
FIELDS: dict[str, Field] = {f.key: f for f in (*ATTENDEE_FIELDS, *PAIR_FIELDS,
                                               *EXCLUSION_FIELDS)}
FIELDS_OF_KIND: dict[SheetKind, tuple[Field, ...]] = {
    SheetKind.ATTENDEES: ATTENDEE_FIELDS, SheetKind.REQUESTS: PAIR_FIELDS,
    SheetKind.EXCLUSIONS: EXCLUSION_FIELDS}
_PHRASES_OF_KIND = {SheetKind.ATTENDEES: ATTENDEE_PHRASES, SheetKind.REQUESTS: PAIR_PHRASES,
                    SheetKind.EXCLUSIONS: EXCLUSION_PHRASES}

# Fields whose header words say the type of the values: they win over wish lists and
# over names ("E-post til kontaktperson" is an email, "Kan møte fra kl." a time).
_STRONG = frozenset({"id", "email", "available_from", "available_until", "available",
                     "max_meetings", "party_size", "fixed_table", "language", "requester",
                     "requested", "priority", "a", "b"})
_STRONG_UNUSED = frozenset({"phone", "organization_number", "website"})


# `how` of a column read by its header's words alone: a key, not a text (the import dialog
# and `layout.describe` say it in words).
HEADER = "header"


@dataclass(frozen=True)
class HeaderReading:
    """What a header says its column holds, and `how` that was told (in the current
    language, or `HEADER`).

    `field` None: not used; `unused`: the app knows what it is and leaves it out (a
    phone number …), `how` says what. `option`: the company or person a per-option wish
    column stands for (its cells tick it, or give its priority).
    """

    field: str | None
    how: str
    option: str = ""
    metadata: bool = False
    score: int = 0  # how strongly the header names its field: an exact phrase beats a part
    unused: bool = False


_METADATA_QUALIFIERS = frozenset({"utc", "gmt", "cet", "cest", "eet", "local", "hidden",
                                  "skjult", "dold", "piilotettu", "auto", "automatic"})
_TAGS = re.compile(r"<[^>]*>")
_NUMBERING = re.compile(r"^\s*(?:(?:q|question|spørsmål|sporsmal|fråga|kysymys|nr|no)\.?\s*)?"
                        r"\d{1,3}(?:\.\d{1,2})*\s*[.):\-–]\s*", re.IGNORECASE)
_OPTION_FORMS = (re.compile(r"^(?P<question>.+?)\s*\[(?P<option>[^\[\]]+)\]\s*$"),
                 re.compile(r"^(?P<question>.+?)\s*>>\s*(?P<option>.+)$"),
                 re.compile(r"^(?P<question>.+?)\s+[-–—]\s+(?P<option>.+)$"),
                 re.compile(r"^(?P<question>[^:]+?):(?P<option>\S[^:]*)$"),
                 re.compile(r"^(?P<question>[^.]{3,}?)\.(?P<option>[^.\s][^.]*)$"))


def clean_header(header: object) -> str:
    """A header as the organizer would read it: no HTML, no line breaks, no '*' or ':' at
    the end, single spaces."""
    text = _TAGS.sub(" ", html.unescape(str(header or "")))
    text = " ".join(text.replace("\u00a0", " ").split())
    return text.rstrip(" *:?").strip() or text


def _without_numbering(text: str) -> str:
    stripped = _NUMBERING.sub("", text)
    return stripped if stripped.strip() else text


def _phrase_match(plain: str, phrases: tuple[str, ...]) -> int:
    """How long the longest phrase is that `plain` equals (counted double) or contains as
    whole words; 0 for none."""
    best = 0
    padded = f" {plain} "
    for phrase in phrases:
        if phrase == plain:
            return 2 * len(phrase) + 1000
        if f" {phrase} " in padded:
            best = max(best, len(phrase))
    return best


def _contains_any(plain: str, phrases: frozenset[str]) -> bool:
    padded = f" {plain} "
    return any(f" {phrase} " in padded for phrase in phrases)


def wish_field(text: str) -> str | None:
    """The wish list a header names by its words ("Hvem må du møte?" must meet,
    "Companies you do not want to meet" do not meet), or None when it names none."""
    plain = normalize(_without_numbering(clean_header(text)))
    if not plain or not _contains_any(plain, MEET_WORDS) or _contains_any(plain, COUNT_WORDS):
        return None
    if _contains_any(plain, NOT_WORDS):
        return "do_not_meet"
    if _contains_any(plain, MUST_WORDS):
        return "must_meet"
    if _contains_any(plain, COULD_WORDS):
        return "could_meet"
    return "want_meet"


def _best_field(plain: str, kind: SheetKind, strong: bool) -> tuple[int, str] | None:
    best: tuple[int, str] | None = None
    for key, phrases in _PHRASES_OF_KIND.get(kind, {}).items():
        if (key in _STRONG) != strong:
            continue
        score = _phrase_match(plain, phrases)
        if score and (best is None or score > best[0]):
            best = (score, key)
    return best


def _unused(plain: str, strong: bool) -> tuple[int, str] | None:
    best: tuple[int, str] | None = None
    for key, phrases in KNOWN_UNUSED_PHRASES.items():
        if (key in _STRONG_UNUSED) != strong:
            continue
        score = _phrase_match(plain, phrases)
        if score and (best is None or score > best[0]):
            best = (score, key)
    return best


def is_metadata(header: object) -> bool:
    """A form tool's own column: who answered when, never a person's data."""
    raw = str(header or "").strip()
    if raw.startswith("$") or raw.endswith("#"):  # Nettskjema's $created; Typeform's #,
        # Eventbrite's "Order #"
        return True
    plain = normalize(clean_header(raw))
    if plain in FORM_METADATA_PHRASES:
        return True
    # "Start Date (UTC)", "Submission ID (hidden)": a metadata phrase and nothing but a
    # qualifier; "Preferred start time" or "Available from (start time)" is a question.
    for phrase in FORM_METADATA_PHRASES:
        if " " in phrase and f" {phrase} " in f" {plain} ":
            rest = f" {plain} ".replace(f" {phrase} ", " ").split()
            if all(word in _METADATA_QUALIFIERS or word.isdigit() for word in rest):
                return True
    return False


_LONGEST_HEADER = 300  # Microsoft Forms cuts questions at 200 characters; past this is prose


def read_header(header: object, kind: SheetKind = SheetKind.ATTENDEES) -> HeaderReading:
    """What `header` says its column holds in a sheet of `kind`."""
    text = str(header or "")
    if len(text) > _LONGEST_HEADER:
        return HeaderReading(None, _("not a header: a long text"))
    return _read_header(text, kind, current_language())


# The same headers are read for every kind of sheet; `how` is in the language asked in.
@functools.lru_cache(maxsize=4096)
def _read_header(header: str, kind: SheetKind, _language: str) -> HeaderReading:
    text = clean_header(header)
    if not text:
        return HeaderReading(None, _("no header"))
    if kind is SheetKind.ATTENDEES:
        option_form = _option_column(text)
        if option_form is not None:
            return option_form
    return _read_plain(text, kind)


def _read_plain(text: str, kind: SheetKind) -> HeaderReading:
    if is_metadata(text):
        return HeaderReading(None, _("form metadata (when and how the form was answered)"),
                             metadata=True)
    plain = normalize(_without_numbering(text))
    strong = _best_field(plain, kind, strong=True)
    if strong is not None and strong[0] >= 1000:  # the header is exactly a field's phrase
        return HeaderReading(strong[1], HEADER, score=strong[0])
    unused = _unused(plain, strong=True)
    if unused is not None and (strong is None or unused[0] > strong[0]):
        return _known_unused(unused[1])
    if strong is not None:
        return HeaderReading(strong[1], HEADER, score=strong[0])
    if kind is SheetKind.ATTENDEES:
        wish = wish_field(text)
        if wish is not None:
            return HeaderReading(wish, HEADER)
    other = _best_field(plain, kind, strong=False)
    if other is not None:
        return HeaderReading(other[1], HEADER, score=other[0])
    unused = _unused(plain, strong=False)
    if unused is not None:
        return _known_unused(unused[1])
    return HeaderReading(None, _("not a header the app knows"))


def _known_unused(key: str) -> HeaderReading:
    # Translators: {why} says why a column is not read, e.g. "a phone number"
    return HeaderReading(None, _("not used: {why}").format(why=_(KNOWN_UNUSED_LABELS[key])),
                         unused=True)


def _option_column(text: str) -> HeaderReading | None:
    """'Question [Option]' and its kin: a wish for Option, or the sub-field Option names
    ('Contact information [Email]', Webropol's 'Yhteyshenkilö:Etunimi')."""
    for form in _OPTION_FORMS:
        parts = form.match(text)
        if parts is None:
            continue
        question, option = parts["question"].strip(), parts["option"].strip()
        if not option or not question:
            continue
        wish = wish_field(question)
        if wish is not None and wish_field(option) is None:
            return HeaderReading(wish, _("header: a column per choice"), option=option)
        whole = _read_plain(text, SheetKind.ATTENDEES)
        if whole.field is not None and not whole.field.endswith("_meet"):
            return whole
        sub = _read_plain(option, SheetKind.ATTENDEES)
        if sub.field is not None or sub.metadata:
            return sub
        return None
    return None


def field_named(text: str) -> str | None:
    """The field an organizer names on the command line: its key ("available_from") or its
    label ("Available from"); "" for ignore / not used; None when nothing is named so."""
    plain = normalize(text)
    if plain in ("ignore", "not used", "none", "skip", ""):
        return ""
    for field in FIELDS.values():
        if plain in (normalize(field.key), normalize(field.label),
                     normalize(field.label.split(" (")[0])):
            return field.key
    return None


def template_fields(kind: SheetKind) -> tuple[Field, ...]:
    """The fields that are columns of the app's own workbook, in its order."""
    return tuple(f for f in FIELDS_OF_KIND[kind] if f.template_header)
