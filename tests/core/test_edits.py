"""Edits written to a real event file, and their inverses restoring it exactly."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from nbl_desktop.core.edits import (
    add_attendee,
    change_attendee,
    change_settings,
    create_meeting,
    delete_attendee,
    delete_meeting,
    move_meeting,
    new_attendee_id,
    replace_event,
    set_do_not_meet,
    set_locked,
    set_wish,
    what_deleting_takes,
)
from nbl_desktop.core.errors import UserError
from nbl_desktop.core.event import (
    AttendeeRecord,
    EventData,
    EventSettings,
    ExclusionRecord,
    MeetingRecord,
    RequestRecord,
)
from nbl_desktop.core.store import EventStore

EVENT = EventData(
    EventSettings(name="Day", table_labels=("1", "2", "B7")),
    attendees=(AttendeeRecord("K", "Kari", "Fisk AS"), AttendeeRecord("S", "Sven", "Polar AB"),
               AttendeeRecord("T", "Tuomas", "Oulu Oy")),
    requests=(RequestRecord("K", "S", 3), RequestRecord("S", "T", 2),
              RequestRecord("T", "K", 1)),
    exclusions=(ExclusionRecord("S", "T"),),
    meetings=(MeetingRecord(0, 0, "K", "S", locked=True), MeetingRecord(2, 1, "K", "T")),
)


@pytest.fixture
def store(tmp_path: Path) -> EventStore:
    opened = EventStore.create(tmp_path / "day.nblevent", EVENT.settings)
    opened.replace_event(EVENT)
    return opened


def test_deleting_a_person_takes_their_wishes_and_meetings_and_undo_restores_all(
        store: EventStore) -> None:
    assert what_deleting_takes(EVENT, "K") == "2 wishes, 2 meetings"
    edit = delete_attendee(EVENT, "K")
    store.apply(edit)
    after = store.load()
    assert [a.id for a in after.attendees] == ["S", "T"]
    assert after.requests == (RequestRecord("S", "T", 2),) and after.meetings == ()
    store.apply(edit.inverse())
    assert store.load() == EVENT


def test_changing_a_person_is_checked_and_undone(store: EventStore) -> None:
    kari = EVENT.attendee("K")
    with pytest.raises(UserError, match="no table 'B9'"):
        change_attendee(EVENT, replace(kari, fixed_table="B9"))
    with pytest.raises(UserError, match="before"):
        change_attendee(EVENT, replace(kari, available_from=600, available_until=540))
    assert not change_attendee(EVENT, kari)  # nothing changed, nothing to undo
    edit = change_attendee(EVENT, replace(kari, fixed_table="B7", party_size=2, notes="booth"))
    store.apply(edit)
    assert store.load().attendee("K").fixed_table == "B7"
    assert store.load().attendee("K").notes == "booth"
    store.apply(edit.inverse())
    assert store.load() == EVENT


def test_adding_a_person_by_hand_gets_a_free_id(store: EventStore) -> None:
    new = AttendeeRecord(new_attendee_id(EVENT), "Walk In", "Kiruna AB")
    assert new.id == "A0004"
    store.apply(add_attendee(EVENT, new))
    assert store.load().attendee("A0004").name == "Walk In"
    with pytest.raises(UserError, match="taken"):
        add_attendee(store.load(), new)
    with pytest.raises(UserError, match="name"):
        add_attendee(EVENT, AttendeeRecord("X", " "))


def test_wishes_are_added_changed_and_removed(store: EventStore) -> None:
    store.apply(set_wish(EVENT, "S", "K", 2))
    store.apply(set_wish(store.load(), "K", "S", 1))
    store.apply(set_wish(store.load(), "T", "K", None))
    assert store.load().requests == (RequestRecord("K", "S", 1), RequestRecord("S", "K", 2),
                                     RequestRecord("S", "T", 2))
    with pytest.raises(UserError, match="do-not-meet"):
        set_wish(EVENT, "T", "S", 3)
    with pytest.raises(UserError, match="themselves"):
        set_wish(EVENT, "K", "K", 3)


def test_do_not_meet_removes_their_wishes_and_meeting_and_undo_restores(
        store: EventStore) -> None:
    edit = set_do_not_meet(EVENT, "S", "K", apart=True)
    store.apply(edit)
    after = store.load()
    assert ExclusionRecord("K", "S") in after.exclusions
    assert RequestRecord("K", "S", 3) not in after.requests
    assert all({m.a, m.b} != {"K", "S"} for m in after.meetings)
    store.apply(edit.inverse())
    assert store.load() == EVENT
    store.apply(set_do_not_meet(EVENT, "T", "S", apart=False))
    assert store.load().exclusions == ()


def test_a_shorter_day_unschedules_what_no_longer_fits_and_undo_brings_it_back(
        store: EventStore) -> None:
    shorter = replace(EVENT.settings, slot_count=2, table_labels=("1", "2"))
    change = change_settings(EVENT, shorter)
    assert len(change.dropped) == 1 and "no longer in the event" in change.dropped[0]
    store.apply(change.edit)
    after = store.load()
    assert after.settings == shorter
    assert after.meetings == (MeetingRecord(0, 0, "K", "S", locked=True),)
    store.apply(change.edit.inverse())
    assert store.load() == EVENT


def test_a_later_start_unschedules_who_is_no_longer_available(store: EventStore) -> None:
    event = EventData(EVENT.settings, (replace(EVENT.attendees[0], available_until=9 * 60 + 20),
                                       *EVENT.attendees[1:]), meetings=EVENT.meetings[:1])
    change = change_settings(event, replace(EVENT.settings, start_minute=10 * 60))
    assert change.dropped and "Kari (Fisk AS) is not available then" in change.dropped[0]
    assert change_settings(event, event.settings).edit.changes == ()


def test_settings_that_cannot_work_are_refused() -> None:
    for bad, reason in ((replace(EVENT.settings, table_labels=("1", "1")), "same label"),
                        (replace(EVENT.settings, table_labels=()), "at least one table"),
                        (replace(EVENT.settings, breaks=((720, 700),)), "end after"),
                        (replace(EVENT.settings, name=" "), "name")):
        with pytest.raises(UserError, match=reason):
            change_settings(EVENT, bad)
    assert change_settings(EVENT, replace(EVENT.settings, table_labels=("1", "2"))
                           ).unknown_fixed_tables == ()


def test_a_meeting_moves_to_a_free_place_or_swaps_and_breaking_a_rule_is_refused(
        store: EventStore) -> None:
    kari_tuomas = EVENT.meetings[1]  # slot 2, table 1
    moved = move_meeting(EVENT, kari_tuomas, 3, 2)
    store.apply(moved)
    assert MeetingRecord(3, 2, "K", "T") in store.load().meetings
    store.apply(moved.inverse())
    assert store.load() == EVENT
    with pytest.raises(UserError, match="Kari \\(Fisk AS\\) already has a meeting at 09:00"):
        move_meeting(EVENT, kari_tuomas, 0, 1)
    with pytest.raises(UserError, match="locked"):
        move_meeting(EVENT, kari_tuomas, 0, 0)  # onto the locked meeting: no swap
    tight = EventData(replace(EVENT.settings, table_seats=2), (
        replace(EVENT.attendees[0], party_size=2), *EVENT.attendees[1:]),
        EVENT.requests, EVENT.exclusions, EVENT.meetings)
    with pytest.raises(UserError, match="3 people do not fit at table 2 of 2 seats"):
        move_meeting(tight, kari_tuomas, 4, 1)
    booth = EventData(EVENT.settings, (replace(EVENT.attendees[2], fixed_table="B7"),
                                       *EVENT.attendees[:2]), meetings=EVENT.meetings)
    with pytest.raises(UserError, match="meets only at their own table B7"):
        move_meeting(booth, kari_tuomas, 4, 1)
    assert move_meeting(booth, kari_tuomas, 4, 2)  # B7 is table position 2


def test_two_unlocked_meetings_swap_places(store: EventStore) -> None:
    event = EventData(EVENT.settings, EVENT.attendees,
                      meetings=(MeetingRecord(0, 0, "K", "S"), MeetingRecord(2, 1, "K", "T")))
    store.replace_event(event)
    store.apply(move_meeting(event, event.meetings[1], 0, 0))
    assert store.load().meetings == (MeetingRecord(0, 0, "K", "T"), MeetingRecord(2, 1, "K", "S"))


def test_meetings_are_created_deleted_locked_and_unlocked(store: EventStore) -> None:
    with pytest.raises(UserError, match="must not meet"):
        create_meeting(EVENT, "S", "T", 5, 0)
    store.apply(delete_meeting(EVENT, EVENT.meetings[1]))
    with pytest.raises(UserError, match="already meet"):
        create_meeting(EVENT, "S", "K", 5, 0)
    after = store.load()
    store.apply(create_meeting(after, "K", "T", 5, 2))
    assert MeetingRecord(5, 2, "K", "T") in store.load().meetings
    unlock = set_locked(EVENT, EVENT.meetings[0], False)
    store.apply(unlock)
    assert not store.load().meetings[0].locked
    store.apply(unlock.inverse())
    assert store.load().meetings[0].locked


def test_a_meeting_beyond_someones_maximum_is_refused() -> None:
    capped = EventData(EVENT.settings, (replace(EVENT.attendees[0], max_meetings=2),
                                        *EVENT.attendees[1:], AttendeeRecord("U", "Unni")),
                       meetings=EVENT.meetings)
    with pytest.raises(UserError, match="Kari \\(Fisk AS\\) already has their maximum of 2"):
        create_meeting(capped, "U", "K", 4, 0)
    assert create_meeting(capped, "U", "S", 4, 0)


def test_a_whole_new_event_is_one_edit_that_undo_takes_back(store: EventStore) -> None:
    new = EventData(replace(EVENT.settings, name="Day 2"),
                    attendees=(replace(EVENT.attendees[0], organization="Fisk Nord AS"),
                               *EVENT.attendees[1:], AttendeeRecord("W", "Walk In")),
                    requests=(RequestRecord("K", "S", 2), RequestRecord("W", "K", 3)),
                    exclusions=(), meetings=EVENT.meetings[:1])
    edit = replace_event(EVENT, new, "import")
    assert len(edit.changes) == 9  # 1 meeting, 2 wishes, 1 pair out; 2 people, 2 wishes in
    # ... and the settings
    store.apply(edit)
    assert store.load() == new
    store.apply(edit.inverse())
    assert store.load() == EVENT
    assert not replace_event(EVENT, EVENT, "nothing")
