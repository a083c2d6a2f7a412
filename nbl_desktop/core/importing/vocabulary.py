"""Words the importer recognizes, in English, Norwegian, Swedish and Finnish.

Column headers (the questions of sign-up forms as they really phrase them),
form tools' own columns, answers (priorities, yes/no), countries, languages
and legal forms. Everything is compared after `normalize`: case, accents,
punctuation and spacing do not matter, so "E-postadresse:", "e-post adresse"
and "EPOSTADRESSE" are the same words ("epost" and "e post" are both listed).
What a header means is decided in `fields`; this module is only the words.
"""

from __future__ import annotations

import re
import unicodedata

from nbl_desktop.core.i18n import N_

# Letters folded by hand: those with no decomposition (ø, æ), and the common accented ones
# (what NFKD would give, without its cost on every cell of a large file).
_FOLD = str.maketrans({"ø": "o", "æ": "ae", "ß": "ss", "đ": "d", "ł": "l", "å": "a",
                       "ä": "a", "ö": "o", "ü": "u", "é": "e", "è": "e", "á": "a", "à": "a",
                       "ó": "o", "ò": "o", "í": "i", "ú": "u", "ñ": "n", "ç": "c", "â": "a",
                       "ê": "e", "î": "i", "ô": "o", "û": "u", "ë": "e", "ï": "i", "õ": "o",
                       "ã": "a", "š": "s", "ž": "z", "č": "c"})
_NOT_WORD = re.compile(r"[^0-9a-z]+")


def normalize(text: str) -> str:
    """Lower case, no accents, words separated by single spaces."""
    folded = str(text).casefold().translate(_FOLD)
    if not folded.isascii():
        folded = "".join(ch for ch in unicodedata.normalize("NFKD", folded)
                         if not unicodedata.combining(ch)).lower()  # "𝐀" decomposes to "A"
    return _NOT_WORD.sub(" ", folded).strip()


def words(*phrases: str) -> tuple[str, ...]:
    """The phrases normalized, each also without its spaces and hyphens ("e post", "epost")."""
    found: dict[str, None] = {}
    for phrase in phrases:
        plain = normalize(phrase)
        found[plain] = None
        if " " in plain and len(plain.split()) == 2 and min(map(len, plain.split())) <= 2:
            found[plain.replace(" ", "")] = None  # "e post" -> "epost", "til stede" stays
    return tuple(p for p in found if p)


# Header phrases per attendee field. A header names a field when, normalized, it equals
# one of the phrases or contains one as whole words (see `fields.header_field`).
ATTENDEE_PHRASES: dict[str, tuple[str, ...]] = {
    "id": words("ID", "Attendee ID", "Participant ID", "Registration ID", "Person ID",
                "Deltaker ID", "Deltakar ID", "Deltakernummer", "Deltager ID", "Deltagar ID",
                "Deltagarnummer", "Osallistujan tunnus", "Osallistujanumero", "Tunnus"),
    "name": words("Name", "Full name", "Your name", "Participant", "Participant name",
                  "Participant's name", "Attendee", "Attendee name", "Contact person",
                  "Contact name", "Representative", "First and last name",
                  "Navn", "Ditt navn", "Fullt navn", "Fullt namn", "Deltaker", "Deltakar",
                  "Deltakers navn", "Deltakerens navn", "Navn på deltaker", "Kontaktperson",
                  "Fornavn og etternavn", "Namn", "Ditt namn", "Fullständigt namn",
                  "Deltagare", "Deltagarens namn", "Förnamn och efternamn",
                  "Nimi", "Koko nimi", "Nimesi", "Osallistuja", "Osallistujan nimi",
                  "Yhteyshenkilö", "Etu ja sukunimi", "Etunimi ja sukunimi",
                  "Hva heter du", "Kva heiter du", "Deltakernavn", "Deltakarnamn",
                  "Fornavn/etternavn", "Vad heter du", "För och efternamn", "Deltagarnamn",
                  "Namn på deltagare", "Mikä on nimesi", "Attendee's name", "Delegate"),
    "first_name": words("First name", "Given name", "Forename", "Fornavn", "Förnamn",
                        "Etunimi", "Etunimet"),
    "last_name": words("Last name", "Surname", "Family name", "Etternavn", "Efternamn",
                       "Sukunimi"),
    "organization": words(
        "Organization", "Organisation", "Company", "Company name", "Organization name",
        "Organisation name", "Name of company", "Name of organization", "Your company",
        "Business", "Employer", "Firm", "Enterprise",
        "Bedrift", "Bedriften", "Bedriftens navn", "Navn på bedrift", "Navn på bedriften",
        "Firma", "Firmanavn", "Virksomhet", "Virksomheten", "Virksomhetens navn",
        "Organisasjon", "Organisasjonen", "Organisasjonens navn", "Arbeidsgiver",
        "Selskap", "Foretak", "Verksemd",
        "Företag", "Företaget", "Företagets namn", "Företagsnamn", "Organisationens namn",
        "Organisationen", "Arbetsgivare", "Bolag",
        "Yritys", "Yrityksen nimi", "Yrityksesi", "Organisaatio", "Organisaation nimi",
        "Yhteisö", "Työnantaja", "Edustamasi yritys", "Bedriftsnavn", "Organisasjonsnavn",
        "Arbeidssted", "Arbeidsstad", "Hvor jobber du", "Organisationsnamn", "Arbetsplats",
        "Var arbetar du", "Mitä yritystä edustat", "Mitä organisaatiota edustat", "Yhtiö",
        "Toiminimi", "Työpaikka", "Affiliation", "Institution"),
    "country": words("Country", "Country code", "Nation", "Land", "Landkode", "Hjemland",
                     "Landskod", "Maa", "Kotimaa", "Valtio"),
    "email": words("Email", "E-mail", "Email address", "E-mail address", "Mail",
                   "Mail address", "Your email", "Work email",
                   "E-post", "E-postadresse", "Epostadresse", "E-post adresse",
                   "Mailadresse", "Din e-post", "E-postadress", "Epostadress",
                   "Mejladress", "Mejl", "Din e-postadress",
                   "Sähköposti", "Sähköpostiosoite", "Sähköpostiosoitteesi", "Sposti",
                   "S-posti"),
    "language": words("Language", "Agenda language", "Preferred language",
                      "Language of correspondence", "Correspondence language",
                      "Meeting language", "Språk", "Foretrukket språk", "Ønsket språk",
                      "Korrespondansespråk", "Kommunikasjonsspråk", "Møtespråk",
                      "Föredraget språk", "Önskat språk", "Korrespondensspråk",
                      "Mötesspråk", "Kieli", "Asiointikieli", "Yhteydenpitokieli",
                      "Tapaamiskieli"),
    "sector": words("Sector", "Industry", "Business sector", "Branch", "Line of business",
                    "Bransje", "Næring", "Sektor", "Bransch", "Näringsgren", "Toimiala",
                    "Ala", "NACE", "NACE code", "NACE kode", "NACE kod", "NACE koodi"),
    "offers": words("Offers", "We offer", "What we offer", "What do you offer",
                    "What can you offer", "Offer", "Products and services",
                    "Tilbyr", "Vi tilbyr", "Hva tilbyr dere", "Hva kan dere tilby",
                    "Tilbud", "Erbjuder", "Vi erbjuder", "Vad erbjuder ni",
                    "Vad kan ni erbjuda", "Erbjudande", "Tarjoamme", "Tarjoaa",
                    "Mitä tarjoatte", "Mitä voitte tarjota", "Tarjonta"),
    "seeks": words("Seeks", "Looking for", "We seek", "We are looking for",
                   "What are you looking for", "What do you seek", "Seeking", "Needs",
                   "Søker", "Vi søker", "Hva søker dere", "Hva ser dere etter",
                   "Ønsker samarbeid om", "Behov", "Söker", "Vi söker", "Vad söker ni",
                   "Vad letar ni efter", "Etsimme", "Etsii", "Mitä etsitte", "Haemme",
                   "Tarve", "Tarpeet"),
    "available_from": words(
        "Available from", "Available from time", "Arrival", "Arrival time",
        "Time of arrival", "Arrives", "Arriving", "Present from", "Attending from",
        "Can attend from", "I can attend from", "From time", "Earliest meeting",
        "Tilgjengelig fra", "Tilstede fra", "Til stede fra", "Ankomst", "Ankomsttid",
        "Ankommer", "Ankomst kl", "Kan delta fra", "Deltar fra", "Kan møte fra",
        "Tidligste møte", "Tilgjengeleg frå", "Til stades frå",
        "Arrive", "When do you arrive", "When will you arrive", "What time do you arrive",
        "You arrive", "Will arrive", "Expected arrival", "On site from", "Earliest arrival",
        "Ankomsttidspunkt", "Forventet ankomst", "Når ankommer du", "Når kommer du",
        "Oppmøte", "Oppmøtetid", "Tidligst", "Fra kl", "Fra klokken",
        "Tillgänglig från", "Närvarande från", "Närvaro från", "Ankomsttid",
        "Beräknad ankomst", "När anländer du", "När kommer du", "På plats från",
        "Från kl", "Tidigast", "Saapuminen", "Milloin saavut", "Mihin aikaan saavut",
        "Aikaisintaan", "Alkaen klo", "Klo alkaen",
        "Når kan du tidligst være til stede", "Når kan du tidlegast vere til stades",
        "När kan du vara på plats tidigast", "Milloin olet aikaisintaan paikalla",
        "Mistä lähtien olet paikalla",
        "Anländer", "Kan delta från", "Deltar från", "Tidigaste möte",
        "Saatavilla alkaen", "Paikalla alkaen", "Paikalla klo", "Saapuu", "Saavun",
        "Saapumisaika", "Saapumisaika klo", "Läsnä alkaen", "Tavoitettavissa alkaen",
        "Voin osallistua alkaen"),
    "available_until": words(
        "Available until", "Available to", "Available until time", "Departure",
        "Departure time", "Time of departure", "Leaves", "Leaving", "Present until",
        "Attending until", "Can attend until", "I must leave at", "Must leave at",
        "Until time", "Latest meeting",
        "Tilgjengelig til", "Tilstede til", "Til stede til", "Avreise", "Avreisetid",
        "Drar", "Må gå", "Må gå kl", "Kan delta til", "Deltar til", "Kan møte til",
        "Siste møte", "Tilgjengeleg til", "Til stades til",
        "When do you leave", "When will you leave", "When must you leave",
        "What time do you leave", "What time must you leave", "You leave", "Leave by",
        "Must leave by", "On site until", "Can stay until", "Avreisetidspunkt", "Avgang",
        "Avgangstid", "Må dra", "Må dra kl", "Når må du gå", "Hjemreise", "Til kl",
        "Senest", "Blir til", "Kan bli til",
        "Tillgänglig till", "Närvarande till", "Närvaro till", "Avresa", "Avresetid",
        "Avgångstid", "Måste åka", "När måste du gå", "På plats till", "Till kl",
        "Stannar till", "Lähtö", "Milloin lähdet", "Mihin aikaan lähdet", "Poistun",
        "Poistumisaika", "Viimeistään", "Mihin asti",
        "Avgång", "Måste gå", "Kan delta till", "Deltar till", "Senaste möte",
        "Saatavilla asti", "Paikalla asti", "Paikalla saakka", "Lähtee", "Lähden",
        "Lähtöaika", "Läsnä asti", "Tavoitettavissa asti", "Voin osallistua asti"),
    "available": words(
        "Available", "Availability", "Present", "Attending", "Time available",
        "Times available", "When are you available", "Tilgjengelig", "Tilstede",
        "Til stede", "Tilstedeværelse", "Når kan du delta", "Når er du til stede",
        "Tillgänglig", "Närvarande", "Närvaro", "När kan du delta", "När är du på plats",
        "Saatavilla", "Paikalla", "Läsnä", "Milloin olet paikalla", "Tavoitettavissa",
        "Läsnäolo", "Läsnäoloaika", "Paikallaoloaika", "Milloin voit osallistua",
        "Närvarotid", "Tidsrom", "Attendance time"),
    "max_meetings": words(
        "Max meetings", "Maximum meetings", "Maximum number of meetings",
        "Max number of meetings", "Number of meetings", "How many meetings",
        "Meetings wanted", "Maks møter", "Maks antall møter", "Maksimalt antall møter",
        "Antall møter", "Hvor mange møter", "Ønsket antall møter", "Max möten",
        "Max antal möten", "Maximalt antal möten", "Antal möten", "Hur många möten",
        "Tapaamisia enintään", "Enintään tapaamisia", "Max tapaamiset",
        "Tapaamisten enimmäismäärä", "Tapaamisten määrä", "Montako tapaamista",
        "Kuinka monta tapaamista"),
    "fixed_table": words("Fixed table", "Table", "Table number", "Booth", "Booth number",
                         "Stand", "Stand number", "Stand no", "Fast bord", "Bord",
                         "Bordnummer", "Monter", "Montre", "Monternummer", "Standnummer",
                         "Fast bord nr", "Pöytä", "Pöytänumero", "Kiinteä pöytä",
                         "Messuosasto", "Ständi", "Osastonumero", "Standplass",
                         "Monterplats", "Utställarplats", "Bordsnummer"),
    "party_size": words("Party size", "Persons", "Number of persons", "Number of people",
                        "Number of participants", "People attending", "Antall personer",
                        "Antall deltakere", "Antal personer", "Antal deltagare",
                        "Henkilömäärä", "Henkilöiden määrä", "Osallistujien määrä",
                        "Osallistujamäärä", "Hvor mange kommer fra bedriften", "Hvor mange deltar",
                        "Antall fra bedriften", "Hur många kommer från ert företag",
                        "Antal från företaget", "Montako henkilöä", "Kuinka monta osallistujaa",
                        "How many people from your company", "Group size"),
    "delegation": words("Delegation", "Delegasjon", "Delegaatio", "Valtuuskunta"),
    "notes": words("Notes", "Note", "Comments", "Comment", "Remarks", "Other",
                   "Other information", "Additional information", "Anything else",
                   "Message", "Kommentar", "Kommentarer", "Merknad", "Merknader",
                   "Andre opplysninger", "Annet", "Anna", "Øvrig", "Øvrige opplysninger",
                   "Melding", "Beskjed", "Övrigt", "Övriga upplysningar", "Övriga kommentarer",
                   "Meddelande", "Anmärkning", "Kommentti", "Kommentit", "Lisätietoja",
                   "Lisätiedot", "Muuta", "Huomioita", "Huomautuksia", "Viesti"),
}

# Wish-list columns: the priority is told by the words of the header (see `fields`).
WISH_FIELDS = ("must_meet", "want_meet", "could_meet", "do_not_meet")
WISH_PRIORITY = {"must_meet": 3, "want_meet": 2, "could_meet": 1, "do_not_meet": 0}
MEET_WORDS = frozenset(words(
    "meet", "meeting with", "meet with", "talk to", "meetings with", "meeting wishes",
    "meeting requests", "wish list", "wishlist", "preferred meeting partners",
    "møteønsker", "ønskeliste", "ønskede møtepartnere", "møtepartnere",
    "mötesönskemål", "önskelista", "önskade mötespartners", "mötespartners",
    "tapaamistoiveet", "toivelista", "toivotut tapaamiset", "toivotut yritykset",
    "møte", "møtes", "treffe", "treffa", "møta", "snakke med", "prate med",
    "träffa", "möta", "träffas", "mötas", "prata med",
    "tavata", "tavoittaa", "tapaamaan", "tapaisin", "tapaisitte", "tapaamisen",
    "tapaaminen kanssa", "tavattava", "keskustella"))
MUST_WORDS = frozenset(words("must", "must meet", "absolutely", "definitely", "essential",
                             "top priority", "high priority", "priority 1", "må", "måtte",
                             "helt nødvendig", "måste", "pakko", "ehdottomasti", "täytyy",
                             "on pakko", "välttämättä", "første prioritet", "högsta prioritet"))
COULD_WORDS = frozenset(words("could", "could meet", "might", "interested in", "nice to",
                              "nice to meet", "if possible", "if time allows", "kan møte",
                              "kan treffe", "kunne møte", "kunne treffe", "interessert i",
                              "om mulig", "hvis mulig", "kan träffa", "kunde träffa",
                              "kan möta", "intresserad av", "om möjligt", "voisi tavata",
                              "voisin tavata", "voin tavata", "voisimme tavata",
                              "kiinnostunut", "kiinnostaa", "mahdollisesti",
                              "jos mahdollista"))
NOT_WORDS = frozenset(words("not", "don t", "do not", "dont", "never", "avoid", "ikke",
                            "ikkje", "aldri", "unngå", "inte", "ej", "icke", "aldrig",
                            "undvika", "ei", "en halua", "et halua", "ette halua",
                            "emme halua", "eivät halua", "älä", "välttää"))
# "How many meetings": a count, not a wish list.
COUNT_WORDS = frozenset(words("how many", "number of", "max", "maximum", "maks", "maksimalt",
                              "antall", "hvor mange", "antal", "hur många", "maximalt",
                              "montako", "kuinka monta", "enintään", "enimmäismäärä", "määrä"))

# A sheet of request pairs (the canonical form) or of do-not-meet pairs.
PAIR_PHRASES: dict[str, tuple[str, ...]] = {
    "requester": words("Requester", "Requester ID", "Requested by", "From", "Who asks",
                       "Forespørrer", "Spør", "Fra", "Frågeställare", "Från", "Pyytäjä",
                       "Pyytäjän tunnus", "Keneltä"),
    "requested": words("Requested", "Requested ID", "To", "Meet", "Wants to meet", "Ønsket",
                       "Ønsker å møte", "Til", "Önskad", "Vill träffa", "Till", "Toivottu",
                       "Tavattava", "Kenelle"),
    "priority": words("Priority", "Prioritet", "Prioriteetti", "Tärkeys", "Prioritering"),
}
EXCLUSION_PHRASES: dict[str, tuple[str, ...]] = {
    "a": words("Attendee ID", "Attendee", "Person", "Deltaker", "Deltagare", "Osallistuja"),
    "b": words("Other ID", "Other", "Not with", "Ikke med", "Inte med", "Ei kanssa",
               "Must not meet", "Skal ikke møte", "Ska inte träffa", "Ei saa tavata"),
}

# Columns the app knows but does not use: named in the report as such, never asked about.
KNOWN_UNUSED_PHRASES: dict[str, tuple[str, ...]] = {
    "phone": words("Phone", "Telephone", "Mobile", "Mobile phone", "Phone number", "Cell",
                   "Telefon", "Telefonnummer", "Mobil", "Mobilnummer", "Tlf", "Tlf nr",
                   "Mobiltelefon", "Puhelin", "Puhelinnumero", "Matkapuhelin", "Gsm"),
    "job_title": words("Title", "Job title", "Position", "Role", "Stilling", "Tittel",
                       "Stillingstittel", "Rolle", "Befattning", "Titel", "Roll",
                       "Tehtävänimike", "Asema", "Titteli", "Rooli", "Nimike"),
    "address": words("Address", "Street address", "Postal code", "Post code", "Zip",
                     "Zip code", "City", "Town", "Municipality", "Region", "County", "Adresse",
                     "Postadresse", "Postnummer", "Poststed", "Sted", "Kommune", "Fylke",
                     "Adress", "Postort", "Ort", "Kommun", "Län", "Osoite", "Postinumero",
                     "Postitoimipaikka", "Kunta", "Kaupunki", "Maakunta", "Paikkakunta"),
    "organization_number": words("Organization number", "Org number", "Org no",
                                 "Company registration number", "VAT number", "Business ID",
                                 "Organisasjonsnummer", "Org nr", "Orgnr", "Organisationsnummer",
                                 "Y tunnus", "Ytunnus", "Vat"),
    "website": words("Website", "Web site", "Web page", "Homepage", "Url", "Nettside",
                     "Hjemmeside", "Webside", "Webbplats", "Hemsida", "Kotisivu", "Verkkosivu",
                     "Verkkosivut", "Linkedin"),
    "diet": words("Diet", "Dietary requirements", "Allergies", "Food allergies",
                  "Special diet", "Allergier", "Matallergi", "Kosthold", "Spesialkost",
                  "Specialkost", "Matallergier", "Ruokavalio", "Erityisruokavalio",
                  "Allergiat", "Ruoka aineallergiat"),
    "consent": words("Consent", "GDPR", "Privacy", "Photo consent", "I agree",
                     "Terms", "Samtykke", "Personvern", "Jeg samtykker", "Samtycke",
                     "Jag samtycker", "Suostumus", "Tietosuoja", "Hyväksyn"),
    "company_description": words("Company description", "About the company",
                                 "Description", "Beskrivelse", "Beskrivelse av bedriften",
                                 "Om bedriften", "Om företaget", "Beskrivning",
                                 "Yrityksen kuvaus", "Kuvaus", "Yrityksestä"),
    "dinner": words("Dinner", "Lunch", "Middag", "Lunsj", "Lunch", "Illallinen", "Lounas"),
}
KNOWN_UNUSED_LABELS = {  # what the report says such a column holds (translated where shown)
    "phone": N_("a phone number"), "job_title": N_("a job title"),
    "address": N_("an address or place"), "organization_number": N_("an organization number"),
    "website": N_("a web address"), "diet": N_("diet or allergies"),
    "consent": N_("a consent"),
    "company_description": N_("a description of the company (put it under Offers or Seeks "
                              "to use it)"),
    "dinner": N_("a meal sign-up"),
}

# Form tools' own columns: who answered and when, never a person's data. A phrase that
# needs the tool's other columns to be told from a question (Microsoft Forms' "ID",
# "Email", "Name") is in `fields.FORM_TOOLS` instead.
FORM_METADATA_PHRASES = frozenset(words(
    "Timestamp", "Time stamp", "Tidsstempel", "Tidsmerke", "Tidsstämpel", "Tidstämpel",
    "Aikaleima", "Svardato", "Svardatum", "Answer date", "Response date", "Submit date",
    "Stage date", "Response type", "Submission IP", "Order date", "Registration date",
    "Påmeldt dato", "Registrert", "Anmälningsdatum", "Ilmoittautumispäivä",
    "Start time", "Completion time", "Last modified time", "Starttidspunkt",
    "Fullføringstidspunkt", "Sist endret", "Tidspunkt for siste endring", "Starttid",
    "Sluttid", "Tid för slutförande", "Senast ändrad", "Aloitusaika", "Valmistumisaika",
    "Viimeksi muokattu", "Response ID", "Respondent ID", "Respondent", "Response number",
    "Collector ID", "Collector", "Start Date", "End Date", "IP Address", "Custom Data 1",
    "Custom Data", "Submission ID", "Submission date", "Submitted", "Submitted at",
    "Created", "Answer time", "Answer time ms", "Duration", "Duration in seconds",
    "Svar ID", "Svarsid", "Innsendings ID", "Innsendt", "Levert", "Svartid",
    "Besvart", "Opprettet", "Vastaaja", "Vastaajan ID", "Vastaajan tunnus", "Vastausaika",
    "Vastaus ID", "Vastauspäivä", "Lähetetty", "Lähetysaika", "Kesto", "Svarande",
    "Svarstid", "Inskickad", "Skickad", "Network ID", "Token", "Status", "Language code",
    "Referer", "User agent", "Progress", "Finished", "Recorded date", "Distribution channel",
    "Landing time", "Submit time", "Tags", "Score", "Total score", "Poeng", "Poäng",
    "Pisteet", "submission_id", "created", "answer_time_ms", "Unnamed",
))

# Answers of wish grids and pair sheets: the priority they give, 0 for "do not meet",
# None for "no wish" (an answer that is not a wish, such as "not interested").
PRIORITY_ANSWERS: dict[str, int | None] = {
    **{w: 3 for w in words("3", "must", "must meet", "must meet with", "high", "high priority",
                           "essential", "top", "må", "må møte", "må treffe", "høy",
                           "høy prioritet", "svært viktig", "måste", "måste träffa", "hög",
                           "hög prioritet", "mycket viktigt", "pakko", "pakko tavata",
                           "korkea", "ehdottomasti", "ehdottomasti tavata", "täytyy tavata",
                           "tärkeä tavata", "erittäin tärkeä")},
    **{w: 2 for w in words("2", "important", "want", "want to meet", "would like to meet",
                           "wish to meet", "medium", "viktig", "ønsker å møte", "vil møte",
                           "vil gjerne møte", "middels", "viktigt", "vill träffa",
                           "önskar träffa", "vill gärna träffa", "medel", "tärkeä",
                           "haluan tavata", "haluaisin tavata", "keskitaso", "keskitärkeä")},
    **{w: 1 for w in words("1", "nice", "nice to meet", "could meet", "could", "low",
                           "interested", "maybe", "fint", "kan møte", "kunne møte",
                           "interessert", "kanskje", "lav", "trevligt", "kan träffa",
                           "kunde träffa", "intresserad", "kanske", "låg", "kiva", "voin tavata",
                           "voisin tavata", "kiinnostunut", "ehkä", "matala")},
    **{w: 0 for w in words("do not meet", "do not want to meet", "don't want to meet",
                           "never", "vil ikke møte", "ønsker ikke å møte", "ønsker ikke møte",
                           "ikke møte", "vill inte träffa", "inte träffa", "ej träffa",
                           "en halua tavata", "ei tavata", "älä tavata")},
    **{w: None for w in words("0", "no", "none", "not interested", "no interest", "n a",
                              "na", "ikke interessert", "ikke aktuelt", "nei", "ingen",
                              "inte intresserad", "inte aktuellt", "nej", "ei kiinnostusta",
                              "ei kiinnosta", "ei ajankohtainen", "ei", "")},
}

# Ticks: a column per option, chosen or not.
YES_WORDS = frozenset(words("1", "x", "yes", "y", "true", "selected", "chosen", "checked",
                            "ja", "valgt", "sann", "sant", "vald", "valt", "kyllä", "k",
                            "valittu", "tosi", "on", "avkrysset", "markerad", "rastitettu"))
NO_WORDS = frozenset(words("0", "no", "n", "false", "not selected", "nei", "nej", "usann",
                           "falskt", "ei", "epätosi", "ikke valgt", "ej vald", "ei valittu",
                           "-"))

# What a form tool writes for a respondent who is not signed in.
ANONYMOUS_WORDS = frozenset(words("anonymous", "anonym", "anonyymi", "anonymt"))

_COUNTRY_NAMES: dict[str, tuple[str, ...]] = {
    "NO": ("Norway", "Norge", "Noreg", "Norja", "NOR", "Norwegen"),
    "SE": ("Sweden", "Sverige", "Ruotsi", "SWE", "Schweden"),
    "FI": ("Finland", "Suomi", "FIN", "Finnland"),
    "DK": ("Denmark", "Danmark", "Tanska", "DNK"),
    "IS": ("Iceland", "Island", "Islanti", "ISL"),
    "RU": ("Russia", "Russland", "Ryssland", "Venäjä", "RUS"),
    "EE": ("Estonia", "Estland", "Viro", "EST"),
    "LV": ("Latvia", "Lettland", "Latvia", "LVA"),
    "LT": ("Lithuania", "Litauen", "Liettua", "LTU"),
    "DE": ("Germany", "Tyskland", "Saksa", "DEU", "Deutschland"),
    "PL": ("Poland", "Polen", "Puola", "POL"),
    "NL": ("Netherlands", "Nederland", "Nederländerna", "Alankomaat", "Holland", "NLD"),
    "GB": ("United Kingdom", "UK", "Storbritannia", "Storbritannien", "Iso-Britannia",
           "Great Britain", "England", "GBR", "Scotland"),
    "FR": ("France", "Frankrike", "Ranska", "FRA"),
    "US": ("United States", "USA", "Yhdysvallat", "United States of America"),
    "CA": ("Canada", "Kanada", "CAN"),
    "FO": ("Faroe Islands", "Færøyene", "Färöarna", "Färsaaret", "FRO"),
    "GL": ("Greenland", "Grønland", "Grönland", "Grönlanti", "GRL"),
}
COUNTRIES: dict[str, str] = {normalize(code): code for code in _COUNTRY_NAMES}
for _code, _names in _COUNTRY_NAMES.items():
    COUNTRIES.update({normalize(n): _code for n in _names})

LANGUAGES: dict[str, str] = {
    **{w: "en" for w in words("en", "eng", "english", "engelsk", "engelska", "englanti")},
    **{w: "nb" for w in words("nb", "no", "nn", "nob", "norsk", "norwegian", "bokmål",
                              "nynorsk", "norska", "norja")},
    **{w: "sv" for w in words("sv", "se", "swe", "svenska", "svensk", "swedish", "ruotsi")},
    **{w: "fi" for w in words("fi", "fin", "suomi", "finnish", "finsk", "finska")},
}

# Legal forms left out when names of organizations are compared.
LEGAL_SUFFIXES = frozenset(words("as", "asa", "ab", "oy", "oyj", "aps", "a s", "gmbh",
                                 "ltd", "limited", "inc", "llc", "ky", "tmi", "ba", "ans",
                                 "da", "sa", "bv", "publ", "plc", "co", "sa", "ry", "hb",
                                 "kb", "enk", "nuf"))

# Keys of a key / value Event sheet (the app's own workbook writes the English ones).
EVENT_KEY_PHRASES: dict[str, tuple[str, ...]] = {
    "Event name": words("Event name", "Event", "Name of the event", "Title", "Arrangement",
                        "Navn på arrangement", "Arrangementets navn", "Arrangementsnavn",
                        "Evenemang", "Evenemangets namn", "Namn på evenemang", "Tapahtuma",
                        "Tapahtuman nimi"),
    "Date": words("Date", "Day", "Dato", "Dag", "Datum", "Päivämäärä", "Päivä"),
    "Start": words("Start", "Start time", "First slot", "Starts", "Starter", "Starttid",
                   "Første møte", "Start kl", "Börjar", "Första mötet", "Alkaa",
                   "Alkamisaika", "Ensimmäinen tapaaminen"),
    "Slot minutes": words("Slot minutes", "Slot length", "Meeting minutes", "Meeting length",
                          "Minutes per meeting", "Minutter per møte", "Møtelengde",
                          "Møtelengde minutter", "Minuter per möte", "Möteslängd",
                          "Tapaamisen kesto", "Tapaamisen pituus", "Minuuttia per tapaaminen"),
    "Slots": words("Slots", "Number of slots", "Meeting slots", "Rounds", "Antall runder",
                   "Antall møterunder", "Runder", "Møterunder", "Antal rundor", "Rundor",
                   "Mötesrundor", "Kierrokset", "Kierrosten määrä", "Tapaamiskierrokset"),
    "Breaks": words("Breaks", "Break", "Pauses", "Pauser", "Pause", "Lunsj", "Raster",
                    "Paus", "Tauot", "Tauko"),
    "Tables": words("Tables", "Number of tables", "Antall bord", "Bord", "Antal bord",
                    "Pöydät", "Pöytien määrä", "Pöytiä"),
}
EVENT_SHEET_NAMES = frozenset(words("Event", "Settings", "Arrangement", "Innstillinger",
                                    "Evenemang", "Inställningar", "Tapahtuma", "Asetukset"))
