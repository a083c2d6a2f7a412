"""Figures of a hand-edited schedule, and the places where an unmet wish could still go."""

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
from nbl_desktop.core.schedule_figures import free_places, schedule_figures

# Three slots, two tables. K must meet S (met), T asks for K (unmet: K is full),
# S asks for T (unmet: they must not meet); U asked for nobody and nobody asks for U.
EVENT = EventData(
    EventSettings(name="Day", slot_count=3, table_labels=("1", "2")),
    attendees=(AttendeeRecord("K", "Kari", max_meetings=1), AttendeeRecord("S", "Sven"),
               AttendeeRecord("T", "Tuomas"), AttendeeRecord("U", "Unni")),
    requests=(RequestRecord("K", "S", 3), RequestRecord("S", "T", 2),
              RequestRecord("T", "K", 1)),
    exclusions=(ExclusionRecord("S", "T"),),
    meetings=(MeetingRecord(0, 0, "K", "S"),),
)


def test_figures_and_reasons_of_a_schedule() -> None:
    figures = schedule_figures(EVENT)
    assert (figures.meetings, figures.must_met, figures.must_total) == (1, 1, 1)
    assert figures.left_out == 1  # Tuomas asked, and has no meeting; Unni asked for nobody
    assert figures.idle_slots == 0
    assert [(u.requester, u.requested, u.reason) for u in figures.unmet] == [
        ("S", "T", "the pair must never meet"),
        ("T", "K", "the requested person has reached their maximum number of meetings")]


def test_idle_slots_count_a_gap_between_meetings() -> None:
    event = replace(EVENT, meetings=(MeetingRecord(0, 0, "K", "S"), MeetingRecord(2, 0, "S", "U")))
    assert schedule_figures(event).idle_slots == 1


def test_free_places_respect_busy_people_taken_tables_and_availability() -> None:
    late = replace(EVENT, attendees=(*EVENT.attendees[:3],
                                     AttendeeRecord("U", "Unni", available_from=9 * 60 + 20)))
    assert free_places(late, "S", "U") == [(1, 0), (1, 1), (2, 0), (2, 1)]
    assert free_places(late, "T", "U") == [(1, 0), (1, 1), (2, 0), (2, 1)]
    assert free_places(EVENT, "K", "T") == []  # Kari has her one meeting
