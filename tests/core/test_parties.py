"""Delegations meet as one party; party size needs seats; fixed tables by label."""

from __future__ import annotations

from dataclasses import replace

import pytest

from nbl_desktop.core.errors import UserError
from nbl_desktop.core.event import AttendeeRecord, EventData, EventSettings, RequestRecord
from nbl_desktop.core.parties import meetings_of
from nbl_desktop.core.planning import meetings_from_result, problem_from_event
from solver import SolveOptions, solve

SETTINGS = EventSettings("Day", start_minute=540, slot_minutes=20, slot_count=4,
                         table_labels=("1", "2", "Booth A"), table_seats=4)
# Fisk AS comes as a delegation of two; Kari is free from 09:20, Ola until 10:00.
KARI = AttendeeRecord("F1", "Kari", "Fisk AS", delegation="Fisk AS", available_from=560,
                      max_meetings=3)
OLA = AttendeeRecord("F2", "Ola", "Fisk AS", delegation="Fisk AS", available_until=600)
MATTI = AttendeeRecord("M", "Matti", "Oulu Oy")
ANNA = AttendeeRecord("A", "Anna", "Luleå AB")
EVENT = EventData(SETTINGS, attendees=(KARI, OLA, MATTI, ANNA), requests=(
    RequestRecord("M", "F1", 2),  # Matti asked for Kari, Anna for Ola: both mean Fisk AS
    RequestRecord("A", "F2", 1),
    RequestRecord("F2", "A", 3),  # Ola also asked for Anna, as a must
    RequestRecord("F1", "F2", 3),  # colleagues asking each other mean nothing to plan
))


def schedule(event: EventData) -> EventData:
    result = solve(problem_from_event(event), SolveOptions(time_limit_seconds=5, workers=1))
    return replace(event, meetings=tuple(meetings_from_result(result)))


def test_a_delegation_is_one_solver_attendee_with_its_members_limits() -> None:
    problem = problem_from_event(EVENT)
    party = {a.id: a for a in problem.attendees}
    assert set(party) == {"F1", "M", "A"}
    assert party["F1"].party_size == 2
    assert party["F1"].available_slots == frozenset({1, 2})  # 09:20–10:00 suits both
    assert party["F1"].max_meetings == 3
    wishes = {(r.requester, r.requested): r.priority for r in problem.requests}
    assert wishes == {("M", "F1"): 2, ("A", "F1"): 1, ("F1", "A"): 3}


def test_the_delegation_gets_one_meeting_per_partner_on_every_members_agenda() -> None:
    planned = schedule(EVENT)
    pairs = sorted(tuple(sorted((m.a, m.b))) for m in planned.meetings)
    assert pairs == [("A", "F1"), ("F1", "M")]  # one each, not one per colleague
    assert meetings_of(planned, "F2") == meetings_of(planned, "F1")
    assert all(m.slot in (1, 2) for m in planned.meetings)


def test_a_party_that_does_not_fit_the_tables_gets_no_meeting() -> None:
    two_seats = replace(EVENT, settings=replace(SETTINGS, table_seats=2))
    assert schedule(two_seats).meetings == ()  # three people never sit at a two-seat table


def test_a_fixed_table_is_found_by_its_label() -> None:
    booth = replace(EVENT, attendees=(KARI, OLA, replace(MATTI, fixed_table="Booth A"), ANNA))
    problem = problem_from_event(booth)
    assert {a.id: a.fixed_table for a in problem.attendees}["M"] == 2
    planned = schedule(booth)
    assert [m.table for m in planned.meetings if "M" in (m.a, m.b)] == [2]


def test_an_unknown_fixed_table_is_refused_with_the_person_and_the_label() -> None:
    wrong = replace(EVENT, attendees=(KARI, OLA, replace(MATTI, fixed_table="B7"), ANNA))
    with pytest.raises(UserError, match=r"Matti \(M\) has the fixed table 'B7'.*Booth A"):
        problem_from_event(wrong)
