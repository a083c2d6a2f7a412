"""Headers as real Nordic sign-up forms phrase them, and what each is read as.

The list comes from how registration forms in Norwegian (bokmål and
nynorsk), Swedish, Finnish and English ask their questions, with the
spelling variants people type, the numbering form tools add, and the traps
(a form's timestamp is not an arrival time, an organization type is not the
organization). "meta" is a form tool's own column; None is a column the app
does not use.
"""

from __future__ import annotations

import pytest

from nbl_desktop.core.importing.cell_values import is_yes, priority_answer
from nbl_desktop.core.importing.fields import read_header

HEADERS: list[tuple[str, str | None]] = [
    # who
    ("Navn", "name"), ("Fullt navn", "name"), ("Ditt navn", "name"), ("Hva heter du?", "name"),
    ("Kva heiter du?", "name"), ("Deltakernavn", "name"), ("Namn", "name"),
    ("För- och efternamn", "name"), ("Vad heter du?", "name"), ("Nimi", "name"),
    ("Etu- ja sukunimi", "name"), ("Full name", "name"), ("First and last name", "name"),
    ("1. Navn", "name"), ("Navn *", "name"), ("Kontaktperson", "name"),
    ("Fornavn", "first_name"), ("Förnamn", "first_name"), ("Etunimi", "first_name"),
    ("Given name", "first_name"), ("Etternavn", "last_name"), ("Efternamn", "last_name"),
    ("Sukunimi", "last_name"), ("Surname", "last_name"),
    # the organization
    ("Bedrift", "organization"), ("Bedriftsnavn", "organization"),
    ("Hvilken bedrift representerer du?", "organization"),
    ("Kva verksemd representerer du?", "organization"),
    ("Vilket företag representerar du?", "organization"),
    ("Mitä yritystä edustat?", "organization"), ("Arbeidssted", "organization"),
    ("Organisation name", "organization"), ("Which company do you represent?", "organization"),
    ("Företag/organisation", "organization"), ("Yritys / organisaatio", "organization"),
    ("Organisasjonstype", None),
    # contact
    ("E-post", "email"), ("Epost", "email"), ("E-postadresse", "email"),
    ("Mejladress", "email"), ("Sähköpostiosoite", "email"), ("Email address", "email"),
    ("E-post til kontaktperson", "email"), ("Din e-postadresse:", "email"),
    ("Mobilnummer", None), ("Telefon", None), ("Puhelinnumero", None), ("Tlf.", None),
    # where from, what they do
    ("Land", "country"), ("Hvilket land kommer du fra?", "country"), ("Maa", "country"),
    ("Country of origin", "country"), ("Bransje", "sector"), ("Næring", "sector"),
    ("NACE-kode", "sector"), ("Toimiala", "sector"), ("Bransch", "sector"),
    ("Industry", "sector"), ("Språk", "language"), ("Foretrukket språk", "language"),
    ("Asiointikieli", "language"), ("Korrespondansespråk", "language"),
    ("Vi tilbyr", "offers"), ("Hva tilbyr dere?", "offers"), ("Vad erbjuder ni?", "offers"),
    ("Mitä tarjoatte?", "offers"), ("Products and services", "offers"),
    ("Vi søker", "seeks"), ("Hva ser dere etter?", "seeks"), ("Vad söker ni?", "seeks"),
    ("Mitä etsitte?", "seeks"), ("Looking for", "seeks"), ("Ønsker samarbeid om", "seeks"),
    # when
    ("Tilstede fra", "available_from"), ("Til stede fra kl.", "available_from"),
    ("Ankomst", "available_from"), ("Ankomsttid", "available_from"),
    ("Når ankommer du?", "available_from"),
    ("Når kan du tidligst være til stede?", "available_from"),
    ("Tillgänglig från", "available_from"), ("Närvarande från kl.", "available_from"),
    ("Saapumisaika", "available_from"), ("Paikalla alkaen", "available_from"),
    ("Arrival time", "available_from"), ("Available from", "available_from"),
    ("Tilstede til", "available_until"), ("Avreise", "available_until"),
    ("Må gå kl.", "available_until"), ("Avresa", "available_until"),
    ("Lähtöaika", "available_until"), ("Paikalla asti", "available_until"),
    ("Departure time", "available_until"), ("I must leave at", "available_until"),
    ("Tilstedeværelse", "available"), ("Närvaro", "available"), ("Läsnäolo", "available"),
    ("Availability", "available"), ("Når kan du delta?", "available"),
    # how many, where
    ("Maks antall møter", "max_meetings"), ("Hvor mange møter ønsker du?", "max_meetings"),
    ("Max antal möten", "max_meetings"), ("Montako tapaamista haluat?", "max_meetings"),
    ("How many meetings would you like?", "max_meetings"),
    ("Antall deltakere", "party_size"), ("Hvor mange kommer fra bedriften?", "party_size"),
    ("Antal deltagare", "party_size"), ("Osallistujamäärä", "party_size"),
    ("Standnummer", "fixed_table"), ("Monter", "fixed_table"), ("Bordnummer", "fixed_table"),
    ("Booth number", "fixed_table"), ("Osasto", None),
    # whom
    ("Ønsker å møte", "want_meet"), ("Hvem ønsker du å møte?", "want_meet"),
    ("Hvilke bedrifter vil du møte?", "want_meet"), ("Kven vil du møte?", "want_meet"),
    ("Må møte", "must_meet"), ("Vil ikke møte", "do_not_meet"),
    ("Hvem ønsker du ikke å møte?", "do_not_meet"), ("Vill träffa", "want_meet"),
    ("Vilka företag vill du träffa?", "want_meet"), ("Måste träffa", "must_meet"),
    ("Vill inte träffa", "do_not_meet"), ("Haluan tavata", "want_meet"),
    ("Keitä haluat tavata?", "want_meet"), ("Pakko tavata", "must_meet"),
    ("En halua tavata", "do_not_meet"), ("Voisin tavata", "could_meet"),
    ("Kan møte", "could_meet"), ("Must meet", "must_meet"), ("Could meet", "could_meet"),
    ("Do not want to meet", "do_not_meet"), ("Ønskeliste", "want_meet"),
    ("Meeting requests", "want_meet"), ("Møtepartnere", "want_meet"),
    ("Önskelista", "want_meet"), ("Tapaamistoiveet", "want_meet"),
    # remarks, and what the app does not use
    ("Kommentar", "notes"), ("Merknader", "notes"), ("Övrigt", "notes"),
    ("Lisätietoja", "notes"), ("Er det noe annet vi bør vite?", "notes"),
    ("Comments", "notes"), ("Övriga upplysningar", "notes"), ("Huomioita", "notes"),
    ("Allergier", None), ("Matallergier eller specialkost?", None), ("Stilling", None),
    ("Tittel", None), ("Samtykke", None), ("Postnummer", None), ("Kommune", None),
    ("Org.nr", None), ("Y-tunnus", None), ("Nettside", None), ("Deltar på middag", None),
    # form tools' own
    ("$submission_id", "meta"), ("Respondent ID", "meta"), ("Collector ID", "meta"),
    ("Start Date (UTC)", "meta"), ("Submit Date (UTC)", "meta"), ("Vastausaika", "meta"),
    ("Timestamp", "meta"), ("Tidsmerke", "meta"), ("Tidstämpel", "meta"),
    ("Aikaleima", "meta"), ("Svartid", "meta"), ("Starttid", "meta"),
    ("Fullføringstidspunkt", "meta"), ("Completion time", "meta"), ("#", "meta"),
]


@pytest.mark.parametrize(("header", "expected"), HEADERS)
def test_a_header_is_read_as_forms_mean_it(header: str, expected: str | None) -> None:
    reading = read_header(header)
    found = "meta" if reading.metadata else reading.field
    assert found == expected, f"{header!r} read as {found} ({reading.how})"


ANSWERS: list[tuple[object, int | None]] = [
    ("Må møte", 3), ("Høy prioritet", 3), ("Måste träffa", 3), ("Pakko tavata", 3),
    ("Ehdottomasti", 3), ("Must meet", 3), (3, 3), ("3", 3),
    ("Ønsker å møte", 2), ("Vil gjerne møte", 2), ("Vill träffa", 2), ("Önskar träffa", 2),
    ("Haluan tavata", 2), ("Would like to meet", 2), (2.0, 2),
    ("Kan møte", 1), ("Kanskje", 1), ("Kan träffa", 1), ("Voin tavata", 1), ("Ehkä", 1),
    ("Could meet", 1), ("1", 1),
    ("Ønsker ikke å møte", 0), ("Vil ikke møte", 0), ("Vill inte träffa", 0),
    ("En halua tavata", 0), ("Do not want to meet", 0),
    ("Ikke interessert", None), ("Ikke aktuelt", None), ("Inte intresserad", None),
    ("Ei kiinnostusta", None), ("Not interested", None), ("N/A", None), ("", None),
]


@pytest.mark.parametrize(("answer", "priority"), ANSWERS)
def test_a_grid_answer_gives_its_priority(answer: object, priority: int | None) -> None:
    assert priority_answer(answer) == (True, priority)


@pytest.mark.parametrize(("tick", "chosen"), [
    ("x", True), ("X", True), ("1", True), (1, True), ("Ja", True), ("Kyllä", True),
    ("Valgt", True), ("Vald", True), ("Valittu", True), ("TRUE", True), ("SANN", True),
    ("SANT", True), ("TOSI", True), ("✓", True), (True, True),
    ("0", False), (0, False), ("Nei", False), ("Nej", False), ("Ei", False), ("", False),
    ("FALSE", False), ("USANN", False), ("FALSKT", False), ("EPÄTOSI", False),
    ("Kari Nordmann; Fisk AS", None), ("maybe later", None),
])
def test_a_tick_is_read_in_four_languages(tick: object, chosen: bool | None) -> None:
    assert is_yes(tick) is chosen
