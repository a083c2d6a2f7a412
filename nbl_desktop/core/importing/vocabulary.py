"""Words the importer recognizes: column headers, priorities and countries in four languages.

English, Norwegian (bokmål), Swedish and Finnish. Everything is compared
after `normalize`: case, accents, punctuation and spacing do not matter, so
"E-postadresse:", "e-post adresse" and "EPOSTADRESSE" are the same word.
"""

from __future__ import annotations

import re
import unicodedata

_FOLD = str.maketrans({"ø": "o", "æ": "ae", "ß": "ss", "đ": "d", "ł": "l"})
_NOT_WORD = re.compile(r"[^0-9a-z]+")


def normalize(text: str) -> str:
    """Lower case, no accents, words separated by single spaces."""
    folded = unicodedata.normalize("NFKD", str(text).casefold().translate(_FOLD))
    plain = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return _NOT_WORD.sub(" ", plain).strip()


def _words(*phrases: str) -> tuple[str, ...]:
    return tuple(normalize(p) for p in phrases)


# Attendee fields. A header matches a field when, normalized, it equals one of
# its phrases or contains one as whole words (the longest phrase wins).
ATTENDEE_FIELDS: dict[str, tuple[str, ...]] = {
    "id": _words("ID", "Attendee ID", "Participant ID", "Registration ID", "Deltaker ID",
                 "Deltakar ID", "Deltagar ID", "Osallistujan tunnus", "Tunnus"),
    "name": _words("Name", "Full name", "Your name", "Participant", "Participant name",
                   "Contact person", "Navn", "Fullt navn", "Deltaker", "Kontaktperson", "Namn",
                   "Fullständigt namn", "Deltagare", "Nimi", "Koko nimi", "Osallistuja",
                   "Yhteyshenkilö"),
    "first_name": _words("First name", "Given name", "Fornavn", "Förnamn", "Etunimi"),
    "last_name": _words("Last name", "Surname", "Family name", "Etternavn", "Efternamn",
                        "Sukunimi"),
    "organization": _words("Organization", "Organisation", "Company", "Company name",
                           "Organization name", "Bedrift", "Firma", "Virksomhet",
                           "Organisasjon", "Firmanavn", "Företag", "Företagsnamn",
                           "Organisationens namn", "Yritys", "Yrityksen nimi", "Organisaatio"),
    "country": _words("Country", "Country code", "Land", "Landkode", "Landskod", "Maa"),
    "email": _words("Email", "E-mail", "Email address", "E-mail address", "Mail", "E-post",
                    "E-postadresse", "E-postadress", "Sähköposti", "Sähköpostiosoite"),
    "language": _words("Language", "Agenda language", "Språk", "Kieli"),
    "sector": _words("Sector", "Industry", "Business sector", "Bransje", "Sektor", "Bransch",
                     "Toimiala"),
    "offers": _words("Offers", "We offer", "What we offer", "Tilbyr", "Vi tilbyr", "Erbjuder",
                     "Vi erbjuder", "Tarjoamme", "Tarjoaa"),
    "seeks": _words("Seeks", "Looking for", "We seek", "We are looking for", "Søker",
                    "Vi søker", "Söker", "Vi söker", "Etsimme", "Etsii"),
    "available_from": _words("Available from", "Arrival", "Arrives", "Tilgjengelig fra",
                             "Ankomst", "Tillgänglig från", "Saatavilla alkaen",
                             "Paikalla alkaen", "Saapuu"),
    "available_until": _words("Available until", "Available to", "Departure", "Leaves",
                              "Tilgjengelig til", "Avreise", "Tillgänglig till", "Avresa",
                              "Saatavilla asti", "Paikalla asti", "Lähtee"),
    "max_meetings": _words("Max meetings", "Maximum meetings", "Maximum number of meetings",
                           "Maks møter", "Maks antall møter", "Max möten", "Max antal möten",
                           "Tapaamisia enintään", "Enintään tapaamisia", "Max tapaamiset"),
    "fixed_table": _words("Fixed table", "Table", "Booth", "Stand", "Fast bord", "Bord",
                          "Pöytä", "Kiinteä pöytä", "Osasto"),
    "party_size": _words("Party size", "Persons", "Number of persons", "Number of people",
                         "Antall personer", "Antal personer", "Henkilömäärä",
                         "Henkilöiden määrä"),
    "must_meet": _words("Must meet", "Must meet with", "Må møte", "Må treffe", "Måste träffa",
                        "Pakko tavata", "Täytyy tavata", "Ehdottomasti tavata"),
    "want_meet": _words("Want to meet", "Wants to meet", "Would like to meet", "Wish to meet",
                        "Ønsker å møte", "Vil møte", "Vil treffe", "Vill träffa", "Önskar träffa",
                        "Vill möta", "Haluaa tavata", "Haluan tavata", "Haluamme tavata"),
    "could_meet": _words("Could meet", "Interested in", "Nice to meet", "Kan møte",
                         "Interessert i", "Kunde träffa", "Kan träffa", "Intresserad av",
                         "Voisi tavata", "Kiinnostunut"),
    "do_not_meet": _words("Do not want to meet", "Don't want to meet", "Do not meet",
                          "Vil ikke møte", "Ønsker ikke å møte", "Vill inte träffa",
                          "Vill inte möta", "Ei halua tavata", "Ei tavata"),
}

WISH_PRIORITY = {"must_meet": 3, "want_meet": 2, "could_meet": 1}

# A sheet of request pairs (the canonical form) or of do-not-meet pairs.
PAIR_FIELDS: dict[str, tuple[str, ...]] = {
    "requester": _words("Requester", "Requester ID", "Requested by", "From", "Who asks",
                        "Forespørrer", "Spør", "Frågeställare", "Pyytäjä"),
    "requested": _words("Requested", "Requested ID", "To", "Meet", "Ønsket", "Önskad",
                        "Toivottu", "Tavattava"),
    "priority": _words("Priority", "Prioritet", "Prioriteetti", "Tärkeys"),
}
EXCLUSION_FIELDS: dict[str, tuple[str, ...]] = {
    "a": _words("Attendee ID", "Attendee", "Person"),
    "b": _words("Other ID", "Other", "Not with", "Ikke med", "Inte med", "Ei kanssa"),
}

# What each field is called where the organizer chooses it (the import dialog).
FIELD_LABELS: dict[str, str] = {
    "id": "Attendee ID", "name": "Name", "first_name": "First name", "last_name": "Last name",
    "organization": "Organization", "country": "Country", "email": "Email",
    "language": "Agenda language", "sector": "Sector", "offers": "Offers", "seeks": "Seeks",
    "available_from": "Available from", "available_until": "Available until",
    "max_meetings": "Max meetings", "fixed_table": "Fixed table", "party_size": "Party size",
    "must_meet": "Must meet (names)", "want_meet": "Want to meet (names)",
    "could_meet": "Could meet (names)", "do_not_meet": "Do not meet (names)",
    "requester": "Who asks", "requested": "Whom they ask for", "priority": "Priority",
    "a": "Person", "b": "Not to meet",
}

PRIORITY_WORDS: dict[str, int] = {
    **{w: 3 for w in _words("3", "must", "must meet", "må", "må møte", "måste",
                            "måste träffa", "pakko", "pakko tavata", "high", "høy", "hög",
                            "korkea")},
    **{w: 2 for w in _words("2", "important", "want", "want to meet", "viktig", "tärkeä",
                            "medium", "middels", "keskitaso")},
    **{w: 1 for w in _words("1", "nice", "nice to meet", "could meet", "fint", "trevligt",
                            "kiva", "low", "lav", "låg", "matala")},
}

_COUNTRY_NAMES: dict[str, tuple[str, ...]] = {
    "NO": ("Norway", "Norge", "Noreg", "Norja", "NOR"),
    "SE": ("Sweden", "Sverige", "Ruotsi", "SWE"),
    "FI": ("Finland", "Suomi", "FIN"),
    "DK": ("Denmark", "Danmark", "Tanska", "DNK"),
    "IS": ("Iceland", "Island", "Islanti", "ISL"),
    "RU": ("Russia", "Russland", "Ryssland", "Venäjä", "RUS"),
    "EE": ("Estonia", "Estland", "Viro", "EST"),
    "LV": ("Latvia", "Lettland", "Latvia", "LVA"),
    "LT": ("Lithuania", "Litauen", "Liettua", "LTU"),
    "DE": ("Germany", "Tyskland", "Saksa", "DEU"),
    "PL": ("Poland", "Polen", "Puola", "POL"),
    "NL": ("Netherlands", "Nederland", "Nederländerna", "Alankomaat", "Holland", "NLD"),
    "GB": ("United Kingdom", "UK", "Storbritannia", "Storbritannien", "Iso-Britannia",
           "Great Britain", "England", "GBR"),
    "FR": ("France", "Frankrike", "Ranska", "FRA"),
    "US": ("United States", "USA", "USA", "Yhdysvallat"),
    "CA": ("Canada", "Kanada", "CAN"),
    "FO": ("Faroe Islands", "Færøyene", "Färöarna", "Färsaaret", "FRO"),
    "GL": ("Greenland", "Grønland", "Grönland", "Grönlanti", "GRL"),
}
COUNTRIES: dict[str, str] = {normalize(code): code for code in _COUNTRY_NAMES}
for _code, _names in _COUNTRY_NAMES.items():
    COUNTRIES.update({normalize(n): _code for n in _names})

LANGUAGES: dict[str, str] = {
    **{w: "en" for w in _words("en", "english", "engelsk", "engelska", "englanti")},
    **{w: "nb" for w in _words("nb", "no", "nn", "norsk", "norwegian", "bokmål", "norska",
                               "norja")},
    **{w: "sv" for w in _words("sv", "se", "svenska", "svensk", "swedish", "ruotsi")},
    **{w: "fi" for w in _words("fi", "suomi", "finnish", "finsk", "finska")},
}

# Legal forms left out when names of organizations are compared.
LEGAL_SUFFIXES = frozenset(_words("as", "asa", "ab", "oy", "oyj", "aps", "a s", "gmbh",
                                  "ltd", "limited", "inc", "llc", "ky", "tmi", "ba", "ans",
                                  "da", "sa", "bv", "publ", "plc", "co"))
