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
from nbl_desktop.ui.main_window import MainWindow
from nbl_desktop.ui.models.schedule_grid_model import CONFLICT_BACKGROUND
from tests.conftest import run_referee, sample
from tests.ui.driving import answer_dialogs, schedule, window_with_sample

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> MainWindow:
    created = window_with_sample(qtbot, monkeypatch, tmp_path)
    schedule(qtbot, created)
    return created


def drop(window: MainWindow, meeting: MeetingRecord, slot: int, table: int) -> None:
    """What the grid view does when a dragged cell is let go over another."""
    model = window.grid_model
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
        qtbot: QtBot, window: MainWindow) -> None:
    event = window.current_event
    assert event is not None
    meeting, slot, table = movable(event)
    if table is None:  # every table is taken then: free one (a schedule may be that full)
        other = next(m for m in event.meetings if m.slot == slot)
        window._try(lambda current: edits.delete_meeting(current, other))
        event = window.current_event
        assert event is not None
        table = other.table
    clash = next(m for m in event.meetings
                 if meeting.a in (m.a, m.b) and m.slot != meeting.slot)
    elsewhere = (clash.table + 1) % len(event.settings.table_labels)
    messages.history.clear()
    drop(window, meeting, clash.slot, elsewhere)  # empty, or a swap: either way a clash
    title, reason = messages.history[-1]
    assert title == "Cannot move the meeting" and "already has a meeting" in reason
    assert window.current_event == event

    drop(window, meeting, slot, table)
    after = window.current_event
    assert after is not None
    moved = next(m for m in after.meetings if {m.a, m.b} == {meeting.a, meeting.b})
    assert (moved.slot, moved.table) == (slot, table)
    assert len(after.meetings) == len(event.meetings)
    window.undo_action.trigger()
    assert window.current_event == event


def test_a_locked_meeting_stays_put_through_a_new_schedule(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    event = window.current_event
    assert event is not None
    meeting, slot, table = movable(event)
    drop(window, meeting, slot, table)
    window.grid_view.setCurrentIndex(window.grid_model.index(slot, table))
    window.lock_action.trigger()
    locked = MeetingRecord(slot, table, meeting.a, meeting.b, locked=True)
    assert locked in window.current_event.meetings  # type: ignore[union-attr]
    assert window.grid_model.data(window.grid_model.index(slot, table),
                                  Qt.ItemDataRole.BackgroundRole) is not None

    schedule(qtbot, window)
    assert locked in window.current_event.meetings  # type: ignore[union-attr]
    answer_dialogs(monkeypatch, ask_schedule_export_path=tmp_path / "schedule.xlsx")
    window.export_action.trigger()
    qtbot.waitUntil(lambda: window.task is None, timeout=30_000)
    assert run_referee(sample("arctic-60.json"), tmp_path / "schedule.xlsx")["violations"] == "0"

    window.grid_view.setCurrentIndex(window.grid_model.index(slot, table))
    window.delete_meeting_action.trigger()
    assert all({m.a, m.b} != {meeting.a, meeting.b}
               for m in window.current_event.meetings)  # type: ignore[union-attr]


def test_the_figures_panel_counts_the_schedule_and_an_unmet_wish_can_be_met_by_hand(
        qtbot: QtBot, window: MainWindow) -> None:
    event = window.current_event
    assert event is not None
    wished = {frozenset((r.requester, r.requested)) for r in event.requests}
    meeting = next(m for m in event.meetings
                   if frozenset((m.a, m.b)) in wished and not m.locked)
    window.grid_view.setCurrentIndex(window.grid_model.index(meeting.slot, meeting.table))
    window.delete_meeting_action.trigger()
    panel = window.figures_panel
    qtbot.waitUntil(lambda: f"<b>{len(event.meetings) - 1}</b> meetings"
                    in panel.figures_label.text(), timeout=30_000)
    row = next(r for r in range(panel.model.rowCount())
               if {panel.model.wish(r).requester, panel.model.wish(r).requested}
               == {meeting.a, meeting.b})
    panel.view.selectRow(row)
    qtbot.mouseClick(panel.meet_button, Qt.MouseButton.LeftButton)
    after = window.current_event
    assert after is not None and len(after.meetings) == len(event.meetings)
    assert any({m.a, m.b} == {meeting.a, meeting.b} for m in after.meetings)
    qtbot.waitUntil(lambda: f"<b>{len(event.meetings)}</b> meetings"
                    in panel.figures_label.text(), timeout=30_000)
    window.undo_action.trigger()
    assert len(window.current_event.meetings) == len(event.meetings) - 1  # type: ignore[union-attr]


def test_a_persons_agenda_follows_the_schedule_and_leads_to_the_grid(
        qtbot: QtBot, window: MainWindow) -> None:
    event = window.current_event
    assert event is not None
    meeting = event.meetings[0]
    window.tabs.setCurrentIndex(0)
    window.select_attendee(meeting.a)
    model = window.agenda_model
    lines = [model.line(r) for r in range(model.rowCount())]
    assert [line.slot for line in lines if line.kind == "meeting"] == sorted(
        m.slot for m in event.meetings if meeting.a in (m.a, m.b))
    assert len([line for line in lines if line.kind != "break"]) == event.settings.slot_count
    row = next(r for r, line in enumerate(lines) if line.slot == meeting.slot)
    partner = event.attendee(meeting.b)
    assert model.index(row, 2).data().startswith(partner.name)

    window.agenda_view.doubleClicked.emit(model.index(row, 2))
    assert window.tabs.currentWidget() is window.schedule_page
    current = window.grid_view.currentIndex()
    assert (current.row(), current.column()) == (meeting.slot, meeting.table)

    window.delete_meeting_action.trigger()  # the agenda shows the slot free at once
    freed = window.agenda_model.line(row)
    assert (freed.slot, freed.kind) == (meeting.slot, "free")


def test_a_meeting_left_outside_a_persons_new_hours_is_marked_until_rescheduled(
        qtbot: QtBot, window: MainWindow) -> None:
    schedule(qtbot, window)
    event = window.current_event
    assert event is not None
    late = max(event.meetings, key=lambda m: m.slot)
    person = event.attendee(late.a)
    until = slot_times(event.settings)[late.slot].start  # gone before that meeting starts
    window._try(lambda current: edits.change_attendee(
        current, replace(person, available_until=until)))
    grid = window.grid_model
    cell = grid.index(late.slot, late.table)
    assert grid.data(cell, Qt.ItemDataRole.BackgroundRole).color() == CONFLICT_BACKGROUND
    tooltip = grid.data(cell, Qt.ItemDataRole.ToolTipRole)
    assert f"Breaks a rule: {person.name}" in tooltip and "is not available" in tooltip
    quiet = next(m for m in event.meetings if m != late and person.id not in (m.a, m.b))
    assert grid.data(grid.index(quiet.slot, quiet.table),
                     Qt.ItemDataRole.BackgroundRole) is None or quiet.locked
    schedule(qtbot, window)
    after = window.current_event
    assert after is not None and conflicts(after) == {}
    assert all(m.slot < late.slot or person.id not in (m.a, m.b) for m in after.meetings)
