from __future__ import annotations

import pytest

from nbl_desktop.core.clock import format_clock, parse_clock
from nbl_desktop.core.event import AttendeeRecord, EventData, EventDay, EventSettings, RequestRecord
from nbl_desktop.core.planning import problem_from_event
from nbl_desktop.core.slot_grid import available_slots, slot_times


def labels(settings: EventSettings) -> list[str]:
    return [s.label() for s in slot_times(settings)]


def test_slots_follow_each_other_from_the_start() -> None:
    settings = EventSettings("Day", start_minute=540, slot_minutes=20, slot_count=3)
    assert labels(settings) == ["09:00–09:20", "09:20–09:40", "09:40–10:00"]


def test_a_slot_that_would_overlap_a_break_starts_at_its_end() -> None:
    # 09:00 + 20 min slots; the break 09:50-10:30 cuts the third slot (09:40-10:00).
    settings = EventSettings("Day", start_minute=540, slot_minutes=20, slot_count=4,
                             breaks=((590, 630),))
    assert labels(settings) == ["09:00–09:20", "09:20–09:40", "10:30–10:50", "10:50–11:10"]


def test_back_to_back_breaks_are_both_skipped() -> None:
    settings = EventSettings("Day", start_minute=540, slot_minutes=30, slot_count=2,
                             breaks=((600, 615), (570, 600)))
    assert labels(settings) == ["09:00–09:30", "10:15–10:45"]


def test_availability_keeps_slots_inside_from_and_until() -> None:
    settings = EventSettings("Day", start_minute=540, slot_minutes=20, slot_count=6)
    slots = slot_times(settings)  # 09:00 … 11:00
    person = AttendeeRecord("P1", "Kari", available_from=parse_clock("09:20"),
                            available_until=parse_clock("10:10"))
    # 09:20-09:40 and 09:40-10:00 fit; 10:00-10:20 ends after 10:10.
    assert sorted(available_slots(person, slots)) == [1, 2]
    all_day = AttendeeRecord("P2", "Ola")
    assert sorted(available_slots(all_day, slots)) == [0, 1, 2, 3, 4, 5]


def test_a_second_day_has_its_own_grid_and_follows_the_first_days_slots() -> None:
    settings = EventSettings("Two days", date="2027-03-10", start_minute=540, slot_minutes=20,
                             slot_count=2, later_days=(EventDay("2027-03-11", 600, 30, 2,
                                                                ((630, 660),)),))
    assert settings.total_slots == 4
    assert labels(settings) == ["2027-03-10 09:00–09:20", "2027-03-10 09:20–09:40",
                                "2027-03-11 10:00–10:30", "2027-03-11 11:00–11:30"]
    assert [s.day for s in slot_times(settings)] == [0, 0, 1, 1]
    # Availability times apply on every day: from 10:00 is day 1 out, day 2 in.
    late = AttendeeRecord("P1", "Kari", available_from=600)
    assert sorted(available_slots(late, slot_times(settings))) == [2, 3]
    undated = settings.with_days((settings.days()[0], EventDay(start_minute=540)))
    assert slot_times(undated)[-1].label().startswith("Day 2 ")


def test_the_engine_gets_every_days_slots_and_each_tables_seats() -> None:
    settings = EventSettings("Two days", slot_count=1, table_labels=("1", "B"),
                             table_seat_counts=(0, 6),
                             later_days=(EventDay("2027-03-11", 600, 20, 3),))
    event = EventData(settings, (AttendeeRecord("P1", "Kari"), AttendeeRecord("P2", "Ola")),
                      (RequestRecord("P1", "P2", 2),))
    problem = problem_from_event(event)
    assert [(s.start_minute, s.session) for s in problem.slots] == [
        (540, "Day 1"), (600, "2027-03-11"), (620, "2027-03-11"), (640, "2027-03-11")]
    assert [t.seats for t in problem.tables] == [4, 6]


@pytest.mark.parametrize("text, minutes", [("9:40", 580), ("09.40", 580), (" 13:05 ", 785),
                                           (0.5, 720)])
def test_clock_times_are_read_in_the_forms_spreadsheets_use(text: object, minutes: int) -> None:
    assert parse_clock(text) == minutes
    assert format_clock(minutes) == f"{minutes // 60:02d}:{minutes % 60:02d}"


@pytest.mark.parametrize("text", ["noon", "25:00", "9:75", ""])
def test_what_is_not_a_time_is_refused_with_an_example(text: str) -> None:
    with pytest.raises(ValueError, match="HH:MM"):
        parse_clock(text)
