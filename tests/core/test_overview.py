"""The Overview's steps: each says how far it is in numbers, and the first open one is next."""

from __future__ import annotations

from dataclasses import replace

from nbl_desktop.core.event import (
    AttendeeRecord,
    EventData,
    EventSettings,
    ExclusionRecord,
    MeetingRecord,
    RequestRecord,
)
from nbl_desktop.core.overview import DeskRecord, State, overview_steps
from nbl_desktop.core.printouts.pages import agenda_pages, table_cards
from nbl_desktop.core.printouts.print_log import AGENDA, TABLE, fingerprints_of

SETTINGS = EventSettings(name="Day", slot_count=3, table_labels=("1", "2"))
PEOPLE = (AttendeeRecord("K", "Kari", "Arctic Fish", "NO", "kari@fish.no"),
          AttendeeRecord("S", "Sven", "Norrbotten Steel", "SE", "sven@steel.se"),
          AttendeeRecord("T", "Tuomas", "Lapin Puu", "FI"),  # no e-mail: to check
          AttendeeRecord("U", "Unni", "Arctic Fish", "NO", "unni@fish.no"))
WISHES = (RequestRecord("K", "S", 3), RequestRecord("K", "T", 2), RequestRecord("K", "U", 1),
          RequestRecord("S", "T", 3))
SCHEDULED = EventData(SETTINGS, PEOPLE, WISHES, (ExclusionRecord("T", "U"),),
                      meetings=(MeetingRecord(0, 0, "K", "S"), MeetingRecord(1, 0, "K", "T")))


def states(event: EventData, desk: DeskRecord | None = None) -> dict[str, State]:
    return {step.key: step.state for step in overview_steps(event, desk or DeskRecord())}


def figures(event: EventData, key: str, desk: DeskRecord | None = None) -> str:
    step = next(s for s in overview_steps(event, desk or DeskRecord()) if s.key == key)
    return " | ".join(step.figures)


def test_a_new_event_starts_with_registrations_and_everything_else_waits() -> None:
    assert states(EventData(SETTINGS)) == {
        "registrations": State.NEXT, "wishes": State.LATER, "schedule": State.LATER,
        "printed": State.LATER, "event_day": State.LATER}


def test_registrations_count_people_organizations_countries_and_rows_to_check() -> None:
    event = EventData(SETTINGS, PEOPLE)
    assert figures(event, "registrations") == (
        "4 people from 3 organizations in NO 2, SE 1, FI 1 | "
        "1 person to check (no organization or e-mail)")
    assert states(event)["registrations"] is State.ATTENTION
    assert states(event)["wishes"] is State.NEXT  # the first open step is the next one


def test_wishes_count_who_has_enough_and_the_musts() -> None:
    event = EventData(SETTINGS, PEOPLE, WISHES, (ExclusionRecord("T", "U"),))
    assert figures(event, "wishes") == (
        "4 wishes, 2 must-meets | 2 of 4 people have wishes, 1 at least 3 | "
        "1 do-not-meet pair")
    assert states(event)["schedule"] is State.NEXT


def test_the_schedule_says_wishes_and_must_meets_met_of_how_many() -> None:
    assert figures(SCHEDULED, "schedule") == (
        "2 meetings; 2 of 4 wishes met | must-meets met: 1 of 2 asked | "
        "1 person with wishes but no meeting")  # Unni, asked for by Kari
    assert states(SCHEDULED)["schedule"] is State.ATTENTION  # a must-meet is unmet


def test_printouts_out_of_date_are_counted_against_the_print_log() -> None:
    assert states(SCHEDULED)["printed"] is State.NEXT
    agendas, cards = agenda_pages(SCHEDULED), table_cards(SCHEDULED)
    printed = {AGENDA: {key: (print_, "2026-12-07 08:00")
                        for key, print_ in fingerprints_of(agendas).items()},
               TABLE: {key: (print_, "2026-12-07 08:00")
                       for key, print_ in fingerprints_of(cards).items()}}
    desk = DeskRecord(printed=printed)
    assert states(SCHEDULED, desk)["printed"] is State.DONE
    moved = replace(SCHEDULED, meetings=(MeetingRecord(2, 1, "K", "S"),
                                         MeetingRecord(1, 0, "K", "T")))
    assert figures(moved, "printed", desk) == (
        "2 of 4 agendas out of date | 2 of 2 table cards out of date")  # K-S moved tables
    assert states(moved, desk)["printed"] is State.ATTENTION


def test_the_event_day_counts_check_ins() -> None:
    desk = DeskRecord(arrivals=frozenset({"K", "S", "gone"}))
    assert figures(SCHEDULED, "event_day", desk) == "2 of 4 people checked in"
