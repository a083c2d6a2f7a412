"""The fixed texts of printed pages in the agenda languages (en, nb, sv, fi); English otherwise."""

from __future__ import annotations

from dataclasses import dataclass

AGENDA_LANGUAGES = ("en", "nb", "sv", "fi")


@dataclass(frozen=True)
class Words:
    """Every fixed text a printed page uses, in one language."""

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
    meetings: str  # "{count} meetings"
    table_meetings: str
    master_grid: str
    page: str  # "Page {page} of {pages}"


WORDS = {
    "en": Words("en", "Personal agenda", "Time", "Table", "Meeting with", "Organization",
                "Country", "Free", "Break", "Not available", "Offers", "Seeks", "Printed",
                "{count} meetings", "Meetings at this table", "Master grid",
                "Page {page} of {pages}"),
    "nb": Words("nb", "Personlig agenda", "Tid", "Bord", "Møte med", "Organisasjon",
                "Land", "Ledig", "Pause", "Ikke til stede", "Tilbyr", "Søker", "Skrevet ut",
                "{count} møter", "Møter ved dette bordet", "Oversikt",
                "Side {page} av {pages}"),
    "sv": Words("sv", "Personligt schema", "Tid", "Bord", "Möte med", "Organisation",
                "Land", "Ledig", "Paus", "Inte på plats", "Erbjuder", "Söker", "Utskrivet",
                "{count} möten", "Möten vid detta bord", "Översikt",
                "Sida {page} av {pages}"),
    "fi": Words("fi", "Henkilökohtainen aikataulu", "Aika", "Pöytä", "Tapaaminen",
                "Organisaatio", "Maa", "Vapaa", "Tauko", "Ei paikalla", "Tarjoaa", "Etsii",
                "Tulostettu", "{count} tapaamista", "Tämän pöydän tapaamiset",
                "Yleisnäkymä", "Sivu {page} / {pages}"),
}

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
