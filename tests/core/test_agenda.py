"""A person's agenda: meetings with table and partner, free slots, breaks, delegations."""

from __future__ import annotations

from dataclasses import replace

from nbl_desktop.core.agenda import AgendaLine, agenda_of
from nbl_desktop.core.event import (
    AttendeeRecord,
    EventData,
    EventDay,
    EventSettings,
    MeetingRecord,
)

EVENT = EventData(
    EventSettings(name="Day", start_minute=9 * 60, slot_minutes=20, slot_count=4,
                  breaks=((600, 615),), table_labels=("1", "B7")),
    attendees=(AttendeeRecord("K", "Kari", "Fisk AS", available_until=10 * 60 + 30),
               AttendeeRecord("S1", "Sven", "Polar AB", delegation="Polar"),
               AttendeeRecord("S2", "Sara", "Polar AB", delegation="Polar")),
    meetings=(MeetingRecord(1, 1, "K", "S1", locked=True),),
)


def test_the_agenda_lists_every_slot_the_break_and_the_whole_delegation() -> None:
    assert agenda_of(EVENT, "K") == [
        AgendaLine("09:00–09:20", "free", slot=0),
        AgendaLine("09:20–09:40", "meeting", "B7", "Sven, Sara (Polar AB)", "S1", True, 1),
        AgendaLine("09:40–10:00", "free", slot=2),
        AgendaLine("10:00–10:15", "break"),
        AgendaLine("10:15–10:35", "away", slot=3),
    ]
    colleague = agenda_of(EVENT, "S2")  # Sara goes with Sven: the same meeting
    assert colleague[1] == AgendaLine("09:20–09:40", "meeting", "B7", "Kari (Fisk AS)", "K",
                                      True, 1)


def test_each_day_of_a_longer_event_is_headed_by_its_date() -> None:
    two_days = replace(EVENT, settings=replace(
        EVENT.settings, slot_count=2, breaks=(),
        later_days=(EventDay("2027-03-11", 9 * 60, 20, 2),)),
        meetings=(MeetingRecord(2, 0, "K", "S1"),))
    assert [(line.time, line.kind) for line in agenda_of(two_days, "K")] == [
        ("Day 1", "day"), ("09:00–09:20", "free"), ("09:20–09:40", "free"),
        ("2027-03-11", "day"), ("09:00–09:20", "meeting"), ("09:20–09:40", "free")]
