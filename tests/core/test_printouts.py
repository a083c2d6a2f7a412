"""What printed pages say: agendas in the reader's language, table cards, the grid, and the
print log that tells which pages changed since they were printed."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from nbl_desktop.core.event import (
    AttendeeRecord,
    EventData,
    EventSettings,
    MeetingRecord,
)
from nbl_desktop.core.printouts.pages import agenda_pages, master_grid, table_cards
from nbl_desktop.core.printouts.print_log import (
    AGENDA,
    changed_since_printed,
    fingerprints_of,
)
from nbl_desktop.core.printouts.words import country_name, words_for
from nbl_desktop.core.store import EventStore

EVENT = EventData(
    EventSettings(name="Arctic Day", date="2027-03-10", venue="Tromsø", start_minute=9 * 60,
                  slot_minutes=20, slot_count=3, breaks=((560, 580),),
                  table_labels=("1", "2")),
    attendees=(
        AttendeeRecord("K", "Kari", "Fisk AS", "NO", language="nb", offers="Salmon",
                       seeks="Buyers"),
        AttendeeRecord("A", "Aino", "Metsä Oy", "FI", language="fi", available_from=580),
        AttendeeRecord("S", "Sven", "Polar AB", "SE"),
        AttendeeRecord("P", "Pia", "Polar AB", "SE", language="xx"),
    ),
    meetings=(MeetingRecord(0, 0, "K", "S"), MeetingRecord(1, 1, "K", "A"),
              MeetingRecord(2, 0, "S", "A")),
)


def test_an_agenda_lists_each_slot_with_partner_organization_country_and_offer() -> None:
    kari = agenda_pages(EVENT, ["K"])[0]
    assert kari.words.meeting_with == "Møte med"
    assert [(r.kind, r.time, r.table, r.partner, r.organization, r.country)
            for r in kari.rows] == [
        ("meeting", "09:00–09:20", "1", "Sven", "Polar AB", "Sverige"),
        ("break", "09:20–09:40", "", "", "", ""),
        ("meeting", "09:40–10:00", "2", "Aino", "Metsä Oy", "Finland"),
        ("free", "10:00–10:20", "", "", "", ""),
    ]
    sven = agenda_pages(EVENT, ["S"])[0]
    assert sven.rows[0].about == "Offers: Salmon · Seeks: Buyers"
    assert sven.meeting_count == 2


def test_each_reader_gets_their_language_and_english_when_unknown() -> None:
    by_id = {p.attendee_id: p for p in agenda_pages(EVENT)}
    assert [by_id[i].words.language for i in ("K", "A", "S", "P")] == ["nb", "fi", "en", "en"]
    aino = by_id["A"]
    assert aino.rows[0].kind == "away"  # she comes at 09:40
    assert aino.words.away == "Ei paikalla"
    assert country_name("SE", "fi") == "Ruotsi"
    assert country_name("ZZ", "nb") == "ZZ"
    assert words_for("SV").free == "Ledig"


def test_a_table_card_and_the_grid_hold_both_parties_of_each_meeting() -> None:
    first, second = table_cards(EVENT)
    assert [(r.kind, r.first, r.second) for r in first.rows] == [
        ("meeting", "Kari", "Sven"), ("break", "", ""), ("free", "", ""),
        ("meeting", "Sven", "Aino")]
    assert second.rows[2].first_organization == "Fisk AS"
    grid = master_grid(EVENT)
    assert grid.slot_labels == ("09:00–09:20", "09:40–10:00", "10:00–10:20")
    assert {k: (c.first, c.second) for k, c in grid.cells.items()} == {
        (0, 0): ("Kari", "Sven"), (1, 1): ("Kari", "Aino"), (2, 0): ("Sven", "Aino")}


def test_only_agendas_whose_content_changed_are_printed_again(tmp_path: Path) -> None:
    store = EventStore.create(tmp_path / "day.nblevent", EVENT.settings)
    store.replace_event(EVENT)
    pages = agenda_pages(store.load())
    assert len(changed_since_printed(pages, store.printed(AGENDA))) == 4  # never printed
    store.remember_printed(AGENDA, fingerprints_of(pages), "2027-03-10 08:00:00")
    store.close()

    store = EventStore.open(tmp_path / "day.nblevent")  # the file remembers
    assert store.printed(AGENDA)["K"][1] == "2027-03-10 08:00:00"
    assert changed_since_printed(agenda_pages(store.load()), store.printed(AGENDA)) == []
    # Sven and Aino's meeting moves to table 2: their agendas change, Kari's and Pia's do not.
    moved = replace(EVENT, meetings=(*EVENT.meetings[:2], MeetingRecord(2, 1, "S", "A")))
    store.replace_meetings(moved.meetings)
    changed = changed_since_printed(agenda_pages(store.load()), store.printed(AGENDA))
    assert sorted(p.attendee_id for p in changed) == ["A", "S"]
    # A new venue is on every page.
    store.set_settings(replace(EVENT.settings, venue="Luleå"))
    assert len(changed_since_printed(agenda_pages(store.load()), store.printed(AGENDA))) == 4


def test_a_logo_and_venue_are_kept_in_the_event_file(tmp_path: Path) -> None:
    settings = replace(EVENT.settings, logo=b"\x89PNG fake bytes")
    store = EventStore.create(tmp_path / "day.nblevent", settings)
    assert store.settings().logo == b"\x89PNG fake bytes"
    assert store.settings().venue == "Tromsø"
    pages = agenda_pages(replace(EVENT, settings=settings))
    other_logo = agenda_pages(replace(EVENT, settings=replace(settings, logo=b"other")))
    assert pages[0].fingerprint() != other_logo[0].fingerprint()
