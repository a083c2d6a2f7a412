"""An edit worked out in memory gives the event the file holds after writing it.

The window no longer reads the event file back after each edit
(`edits.applied`); these tests hold it to what reading back would give, on a
real event file, for random runs of edits and their undos.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nbl_desktop.core import edits
from nbl_desktop.core.errors import UserError
from nbl_desktop.core.event import (
    AttendeeRecord,
    EventData,
    EventSettings,
    MeetingRecord,
    RequestRecord,
)
from nbl_desktop.core.store import EventStore

PEOPLE = ("K", "S", "T", "Ø", "a1", "A2")
START = EventData(
    EventSettings(name="Day", slot_count=4, table_labels=("1", "2", "B7")),
    attendees=tuple(AttendeeRecord(i, f"Person {i}", f"Org {i}") for i in PEOPLE[:4]),
    requests=(RequestRecord("K", "S", 3), RequestRecord("S", "T", 2)),
    meetings=(MeetingRecord(0, 0, "K", "S"),),
)

an_edit = st.one_of(
    st.tuples(st.just("person"), st.sampled_from(PEOPLE), st.text(min_size=1, max_size=8)),
    st.tuples(st.just("delete"), st.sampled_from(PEOPLE), st.just("")),
    st.tuples(st.just("wish"), st.sampled_from(PEOPLE), st.sampled_from(PEOPLE),
              st.sampled_from([None, 1, 2, 3])),
    st.tuples(st.just("apart"), st.sampled_from(PEOPLE), st.sampled_from(PEOPLE),
              st.booleans()),
    st.tuples(st.just("meet"), st.sampled_from(PEOPLE), st.sampled_from(PEOPLE),
              st.integers(0, 3), st.integers(0, 2)),
    st.tuples(st.just("tables"), st.integers(1, 4)),
)


def build(event: EventData, step: tuple) -> edits.Edit:  # type: ignore[type-arg]
    kind = step[0]
    if kind == "person":
        _, who, name = step
        if who in {a.id for a in event.attendees}:
            return edits.change_attendee(event, replace(event.attendee(who), name=name))
        return edits.add_attendee(event, AttendeeRecord(who, name))
    if kind == "delete":
        return edits.delete_attendee(event, step[1])
    if kind == "wish":
        return edits.set_wish(event, step[1], step[2], step[3])
    if kind == "apart":
        return edits.set_do_not_meet(event, step[1], step[2], step[3])
    if kind == "meet":
        return edits.create_meeting(event, step[1], step[2], step[3], step[4])
    labels = tuple(str(i) for i in range(1, step[1] + 1))
    return edits.change_settings(event, replace(event.settings, table_labels=labels)).edit


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(an_edit, min_size=1, max_size=8), undo=st.booleans())
def test_an_edit_in_memory_is_the_event_read_back(tmp_path: Path, steps: list[tuple],  # type: ignore[type-arg]
                                                   undo: bool) -> None:
    path = tmp_path / "day.nblevent"
    store = EventStore.create(path, START.settings, overwrite=True)
    try:
        store.replace_event(START)
        event = store.load()
        done: list[edits.Edit] = []
        for step in steps:
            try:
                edit = build(event, step)
            except (UserError, KeyError):
                continue  # refused: nothing written
            store.apply(edit)
            event = edits.applied(event, edit)
            done.append(edit)
            assert event == store.load()
        if undo:
            for edit in reversed(done):
                store.apply(edit.inverse())
                event = edits.applied(event, edit.inverse())
            assert event == store.load() == START
    finally:
        store.close()


def test_what_an_edit_touched_is_named() -> None:
    person = edits.change_attendee(START, replace(START.attendee("K"), name="Kari"))
    touched = edits.touched_by(person)
    assert touched.only_people_in_place and touched.people == {"K"}
    moved = edits.move_meeting(START, START.meetings[0], 2, 1)
    assert edits.touched_by(moved).only_meetings
    assert edits.touched_by(moved).meeting_cells == {(0, 0), (2, 1)}
    gone = edits.touched_by(edits.delete_attendee(START, "K"))
    assert gone.people_came_or_went and not gone.only_people_in_place
