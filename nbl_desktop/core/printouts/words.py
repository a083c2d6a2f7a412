"""The fixed texts of printed pages in the agenda languages (en, nb, sv, fi), from the
catalogs of `core.i18n` (each page in its reader's language); English otherwise."""

from __future__ import annotations

from dataclasses import dataclass

from nbl_desktop.core.i18n import N_, catalog

AGENDA_LANGUAGES = ("en", "nb", "sv", "fi")


@dataclass(frozen=True)
class Words:
    """Every fixed text a printed page uses, in one language (from its catalog)."""

    language: str
    agenda: str
    time: str
    table: str
    meeting_with: str
    organization: str
    country: str
    free: str
    break_: str
    away: str
    offers: str
    seeks: str
    printed: str
    table_meetings: str
    master_grid: str
    page: str  # "Page {page} of {pages}"

    def meetings(self, count: int) -> str:
        """"1 meeting", "2 meetings": the plural form of the page's language."""
        return catalog(self.language).ngettext("{count} meeting", "{count} meetings",
                                               count).format(count=count)


def _words(language: str) -> Words:
    _ = catalog(language).gettext
    return Words(language, _("Personal agenda"), _("Time"), _("Table"), _("Meeting with"),
                 _("Organization"), _("Country"), _("Free"), _("Break"), _("Not available"),
                 _("Offers"), _("Seeks"), _("Printed"), _("Meetings at this table"),
                 _("Master grid"), _("Page {page} of {pages}"))


WORDS = {language: _words(language) for language in AGENDA_LANGUAGES}

# Country codes the importer knows, named in English: the catalogs name them in each
# agenda language (see `country_name`).
_COUNTRY_NAMES = {
    "NO": N_("Norway"), "SE": N_("Sweden"), "FI": N_("Finland"), "DK": N_("Denmark"),
    "IS": N_("Iceland"), "RU": N_("Russia"), "EE": N_("Estonia"), "LV": N_("Latvia"),
    "LT": N_("Lithuania"), "DE": N_("Germany"), "PL": N_("Poland"),
    "NL": N_("Netherlands"), "GB": N_("United Kingdom"), "FR": N_("France"),
    "US": N_("United States"), "CA": N_("Canada"), "FO": N_("Faroe Islands"),
    "GL": N_("Greenland"),
}


def words_for(language: str) -> Words:
    """The texts in `language` (a code such as "nb"); English for any other."""
    return WORDS.get(language.strip().lower(), WORDS["en"])


def table_title(label: str, words: Words | None = None) -> str:
    """How a table is named on paper and on the board: "Table 12" for a numbered table (in
    `words`' language, English by default), its own label otherwise ("Booth B7")."""
    return f"{(words or WORDS['en']).table} {label}" if label.isdigit() else label


def country_name(code: str, language: str) -> str:
    """The country's name in `language` (a page's reader's), from its catalog; the code
    itself when it is not one we know."""
    name = _COUNTRY_NAMES.get(code.strip().upper())
    if name is None:
        return code
    return catalog(words_for(language).language).gettext(name)
