"""The fixed texts of printed pages in the agenda languages (en, nb, sv, fi), from the
catalogs of `core.i18n` (each page in its reader's language); English otherwise."""

from __future__ import annotations

from dataclasses import dataclass

from nbl_desktop.core.i18n import catalog

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

# Country codes the importer knows, named in each agenda language (en, nb, sv, fi).
_COUNTRY_NAMES = {
    "NO": ("Norway", "Norge", "Norge", "Norja"),
    "SE": ("Sweden", "Sverige", "Sverige", "Ruotsi"),
    "FI": ("Finland", "Finland", "Finland", "Suomi"),
    "DK": ("Denmark", "Danmark", "Danmark", "Tanska"),
    "IS": ("Iceland", "Island", "Island", "Islanti"),
    "RU": ("Russia", "Russland", "Ryssland", "Venäjä"),
    "EE": ("Estonia", "Estland", "Estland", "Viro"),
    "LV": ("Latvia", "Latvia", "Lettland", "Latvia"),
    "LT": ("Lithuania", "Litauen", "Litauen", "Liettua"),
    "DE": ("Germany", "Tyskland", "Tyskland", "Saksa"),
    "PL": ("Poland", "Polen", "Polen", "Puola"),
    "NL": ("Netherlands", "Nederland", "Nederländerna", "Alankomaat"),
    "GB": ("United Kingdom", "Storbritannia", "Storbritannien", "Iso-Britannia"),
    "FR": ("France", "Frankrike", "Frankrike", "Ranska"),
    "US": ("United States", "USA", "USA", "Yhdysvallat"),
    "CA": ("Canada", "Canada", "Kanada", "Kanada"),
    "FO": ("Faroe Islands", "Færøyene", "Färöarna", "Färsaaret"),
    "GL": ("Greenland", "Grønland", "Grönland", "Grönlanti"),
}


def words_for(language: str) -> Words:
    """The texts in `language` (a code such as "nb"); English for any other."""
    return WORDS.get(language.strip().lower(), WORDS["en"])


def table_title(label: str, words: Words | None = None) -> str:
    """How a table is named on paper and on the board: "Table 12" for a numbered table (in
    `words`' language, English by default), its own label otherwise ("Booth B7")."""
    return f"{(words or WORDS['en']).table} {label}" if label.isdigit() else label


def country_name(code: str, language: str) -> str:
    """The country's name in `language`; the code itself when it is not one we know."""
    names = _COUNTRY_NAMES.get(code.strip().upper())
    if names is None:
        return code
    return names[AGENDA_LANGUAGES.index(words_for(language).language)]
