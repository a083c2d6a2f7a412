"""Editing the schedule grid by hand: drops checked against the hard rules, lock, re-solve."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from nbl_desktop.core import edits
from nbl_desktop.core.event import EventData, MeetingRecord
from nbl_desktop.core.meeting_checks import conflicts
from nbl_desktop.core.slot_grid import slot_times
from nbl_desktop.ui import messages
from nbl_desktop.ui.models.schedule_grid_model import CONFLICT_BACKGROUND
from tests.conftest import run_referee, sample
from tests.ui.driving import App, answer_dialogs, schedule, window_with_sample

pytestmark = pytest.mark.gui


@pytest.fixture
def app(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> App:
    created = window_with_sample(qtbot, monkeypatch, tmp_path)
    schedule(qtbot, created)
    return created


def drop(app: App, meeting: MeetingRecord, slot: int, table: int) -> None:
    """What the grid view does when a dragged cell is let go over another."""
    model = app.schedule.grid_model
    data = model.mimeData([model.index(meeting.slot, meeting.table)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, model.index(slot, table))


def busy_slots(event: EventData, person: str) -> set[int]:
    return {m.slot for m in event.meetings if person in (m.a, m.b)}


def movable(event: EventData) -> tuple[MeetingRecord, int, int | None]:
    """A meeting of two people here all day (one with other meetings too), a slot where
    neither meets, and an empty table then (None when every table is taken then)."""
    taken = {(m.slot, m.table) for m in event.meetings}
    candidates = []
    for meeting in event.meetings:
        if any(event.attendee(p).available_from or event.attendee(p).available_until
               for p in (meeting.a, meeting.b)) or len(busy_slots(event, meeting.a)) < 2:
            continue
        busy = busy_slots(event, meeting.a) | busy_slots(event, meeting.b)
        for slot in range(event.settings.total_slots):
            if slot in busy:
                continue
            for table in range(len(event.settings.table_labels)):
                if (slot, table) not in taken:
                    return meeting, slot, table
            candidates.append((meeting, slot, None))
    assert candidates, "no meeting has a slot where both people are free"
    return candidates[0]


def test_a_drop_on_a_conflict_is_refused_and_on_a_free_cell_accepted_then_undone(
        qtbot: QtBot, app: App) -> None:
    event = app.event
    assert event is not None
    meeting, slot, table = movable(event)
    if table is None:  # every table is taken then: free one (a schedule may be that full)
        other = next(m for m in event.meetings if m.slot == slot)
        app.edit(lambda current: edits.delete_meeting(current, other))
        event = app.event
        assert event is not None
        table = other.table
    clash = next(m for m in event.meetings
                 if meeting.a in (m.a, m.b) and m.slot != meeting.slot)
    elsewhere = (clash.table + 1) % len(event.settings.table_labels)
    messages.history.clear()
    drop(app, meeting, clash.slot, elsewhere)  # empty, or a swap: either way a clash
    title, reason = messages.history[-1]
    assert title == "Cannot move the meeting" and "already has a meeting" in reason
    assert app.event == event

    drop(app, meeting, slot, table)
    after = app.event
    assert after is not None
    moved = next(m for m in after.meetings if {m.a, m.b} == {meeting.a, meeting.b})
    assert (moved.slot, moved.table) == (slot, table)
    assert len(after.meetings) == len(event.meetings)
    app.trigger("undo")
    assert app.event == event


def test_a_locked_meeting_stays_put_through_a_new_schedule(
        qtbot: QtBot, app: App, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    event = app.event
    assert event is not None
    meeting, slot, table = movable(event)
    drop(app, meeting, slot, table)
    app.schedule.select_cell(slot, table)
    app.trigger("lock")
    locked = MeetingRecord(slot, table, meeting.a, meeting.b, locked=True)
    assert locked in app.event.meetings  # type: ignore[union-attr]
    assert app.schedule.grid_model.data(app.schedule.grid_model.index(slot, table),
                                  Qt.ItemDataRole.BackgroundRole) is not None

    schedule(qtbot, app)
    assert locked in app.event.meetings  # type: ignore[union-attr]
    answer_dialogs(monkeypatch, ask_schedule_export_path=tmp_path / "schedule.xlsx")
    app.trigger("export")
    qtbot.waitUntil(lambda: not app.busy, timeout=30_000)
    assert run_referee(sample("arctic-60.json"), tmp_path / "schedule.xlsx")["violations"] == "0"

    app.schedule.select_cell(slot, table)
    app.trigger("delete_meeting")
    assert all({m.a, m.b} != {meeting.a, meeting.b}
               for m in app.event.meetings)  # type: ignore[union-attr]


def test_the_figures_panel_counts_the_schedule_and_an_unmet_wish_can_be_met_by_hand(
        qtbot: QtBot, app: App) -> None:
    event = app.event
    assert event is not None
    wished = {frozenset((r.requester, r.requested)) for r in event.requests}
    meeting = next(m for m in event.meetings
                   if frozenset((m.a, m.b)) in wished and not m.locked)
    app.schedule.select_cell(meeting.slot, meeting.table)
    app.trigger("delete_meeting")
    panel = app.schedule.figures_panel
    qtbot.waitUntil(lambda: f"<b>{len(event.meetings) - 1}</b> meetings"
                    in panel.figures_label.text(), timeout=30_000)
    row = next(r for r in range(panel.model.rowCount())
               if {panel.model.wish(r).requester, panel.model.wish(r).requested}
               == {meeting.a, meeting.b})
    panel.view.selectRow(row)
    qtbot.mouseClick(panel.meet_button, Qt.MouseButton.LeftButton)
    after = app.event
    assert after is not None and len(after.meetings) == len(event.meetings)
    assert any({m.a, m.b} == {meeting.a, meeting.b} for m in after.meetings)
    qtbot.waitUntil(lambda: f"<b>{len(event.meetings)}</b> meetings"
                    in panel.figures_label.text(), timeout=30_000)
    app.trigger("undo")
    assert len(app.event.meetings) == len(event.meetings) - 1  # type: ignore[union-attr]


def test_a_persons_agenda_follows_the_schedule_and_leads_to_the_grid(
        qtbot: QtBot, app: App) -> None:
    event = app.event
    assert event is not None
    meeting = event.meetings[0]
    app.tabs.setCurrentIndex(0)
    app.attendees.select(meeting.a)
    model = app.attendees.agenda_model
    lines = [model.line(r) for r in range(model.rowCount())]
    assert [line.slot for line in lines if line.kind == "meeting"] == sorted(
        m.slot for m in event.meetings if meeting.a in (m.a, m.b))
    assert len([line for line in lines if line.kind != "break"]) == event.settings.slot_count
    row = next(r for r, line in enumerate(lines) if line.slot == meeting.slot)
    partner = event.attendee(meeting.b)
    assert model.index(row, 2).data().startswith(partner.name)

    app.attendees.agenda_view.doubleClicked.emit(model.index(row, 2))
    assert app.tabs.currentWidget() is app.schedule.page
    current = app.schedule.grid_view.currentIndex()
    assert (current.row(), current.column()) == (meeting.slot, meeting.table)

    app.trigger("delete_meeting")  # the agenda shows the slot free at once
    freed = app.attendees.agenda_model.line(row)
    assert (freed.slot, freed.kind) == (meeting.slot, "free")


def test_a_meeting_left_outside_a_persons_new_hours_is_marked_until_rescheduled(
        qtbot: QtBot, app: App) -> None:
    schedule(qtbot, app)
    event = app.event
    assert event is not None
    late = max(event.meetings, key=lambda m: m.slot)
    person = event.attendee(late.a)
    until = slot_times(event.settings)[late.slot].start  # gone before that meeting starts
    app.edit(lambda current: edits.change_attendee(
        current, replace(person, available_until=until)))
    grid = app.schedule.grid_model
    cell = grid.index(late.slot, late.table)
    assert grid.data(cell, Qt.ItemDataRole.BackgroundRole).color() == CONFLICT_BACKGROUND
    tooltip = grid.data(cell, Qt.ItemDataRole.ToolTipRole)
    assert f"Breaks a rule: {person.name}" in tooltip and "is not available" in tooltip
    quiet = next(m for m in event.meetings if m != late and person.id not in (m.a, m.b))
    assert grid.data(grid.index(quiet.slot, quiet.table),
                     Qt.ItemDataRole.BackgroundRole) is None or quiet.locked
    schedule(qtbot, app)
    after = app.event
    assert after is not None and conflicts(after) == {}
    assert all(m.slot < late.slot or person.id not in (m.a, m.b) for m in after.meetings)
