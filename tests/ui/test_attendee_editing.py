"""Editing people and wishes in the real app; each edit in the file at once, and undoable."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from nbl_desktop.core.event import RequestRecord
from nbl_desktop.core.store import EventStore
from nbl_desktop.ui import messages
from nbl_desktop.ui.models.attendee_table_model import COLUMNS, OVER_SUBSCRIBED, Column
from nbl_desktop.ui.models.wishes_model import Column as WishColumn
from tests.ui.driving import App, schedule, window_with_sample

pytestmark = pytest.mark.gui


@pytest.fixture
def app(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> App:
    return window_with_sample(qtbot, monkeypatch, tmp_path)


def on_disk(app: App) -> EventStore:
    """The event file as another program would read it now."""
    assert app.store is not None
    return EventStore.open(app.store.path, read_only=True)


def test_a_field_edit_is_written_at_once_and_undone_and_redone(
        qtbot: QtBot, app: App) -> None:
    first = app.event.attendees[0]  # type: ignore[union-attr]
    app.attendees.select(first.id)
    organization = app.attendees.editor.text_edits["organization"]
    assert organization.text() == first.organization
    organization.setFocus()
    organization.selectAll()
    qtbot.keyClicks(organization, "Nordlys Fisk AS")
    qtbot.keyClick(organization, Qt.Key.Key_Return)
    store = on_disk(app)
    assert store.load().attendee(first.id).organization == "Nordlys Fisk AS"
    store.close()
    assert app.attendees.selected().id == first.id  # type: ignore[union-attr]

    app.trigger("undo")
    assert app.event.attendee(first.id).organization == first.organization  # type: ignore[union-attr]
    assert organization.text() == first.organization
    app.trigger("redo")
    assert app.event.attendee(first.id).organization == "Nordlys Fisk AS"  # type: ignore[union-attr]


def test_a_time_that_is_not_one_is_refused_with_the_reason(
        qtbot: QtBot, app: App) -> None:
    first = app.event.attendees[0]  # type: ignore[union-attr]
    app.attendees.select(first.id)
    messages.history.clear()
    steps = app.undo_stack.count()  # the import is one
    until = app.attendees.editor.until_edit
    until.setFocus()
    qtbot.keyClicks(until, "half past")
    qtbot.keyClick(until, Qt.Key.Key_Return)
    assert messages.history[-1][0] == "Cannot make that change"
    assert "not a time" in messages.history[-1][1]
    assert app.event.attendee(first.id) == first  # type: ignore[union-attr]
    assert until.text() == ""  # the stored value is shown again
    assert app.undo_stack.count() == steps


def test_add_a_wish_by_typing_change_its_priority_remove_it_and_undo_all(
        qtbot: QtBot, app: App) -> None:
    event = app.event
    assert event is not None
    asker, other = event.attendees[0], event.attendees[-1]
    app.attendees.select(asker.id)
    panel = app.attendees.wishes_panel
    panel.person_edit.setText(app.labels[other.id])
    panel.priority_box.setCurrentIndex(panel.priority_box.findText("must"))
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert RequestRecord(asker.id, other.id, 3) in app.event.requests  # type: ignore[union-attr]
    position = next(i for i in range(panel.model.rowCount())
                    if panel.model.row(i).other == other.id)
    assert panel.model.index(position, WishColumn.PRIORITY).data() == "must"

    assert panel.model.setData(panel.model.index(position, WishColumn.PRIORITY), 1)
    assert RequestRecord(asker.id, other.id, 1) in app.event.requests  # type: ignore[union-attr]
    position = next(i for i in range(panel.model.rowCount())
                    if panel.model.row(i).other == other.id)
    panel.view.selectRow(position)
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert all((r.requester, r.requested) != (asker.id, other.id)
               for r in app.event.requests)  # type: ignore[union-attr]

    for _ in range(3):
        app.trigger("undo")
    assert app.event.requests == event.requests  # type: ignore[union-attr]
    store = on_disk(app)
    assert tuple(store.requests()) == event.requests
    store.close()


def test_an_unknown_name_is_not_added(qtbot: QtBot, app: App) -> None:
    app.attendees.select(app.event.attendees[0].id)  # type: ignore[union-attr]
    panel = app.attendees.wishes_panel
    steps = app.undo_stack.count()
    panel.person_edit.setText("Nobody Known Here")
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert "No one is called" in panel.message.text()
    assert app.undo_stack.count() == steps


def test_no_to_delete_keeps_the_person(qtbot: QtBot, app: App) -> None:
    before = app.event
    assert before is not None
    app.attendees.select(before.attendees[0].id)
    messages.answer_without_boxes(False)  # the organizer answers "No"
    qtbot.mouseClick(app.attendees.delete_button, Qt.MouseButton.LeftButton)
    assert messages.history[-1][0] == "Delete person"
    assert app.event == before


def test_delete_asks_takes_wishes_and_meetings_and_undo_restores(
        qtbot: QtBot, app: App) -> None:
    schedule(qtbot, app)
    before = app.event
    assert before is not None and before.meetings
    busy = before.meetings[0].a
    app.attendees.select(busy)
    messages.history.clear()
    qtbot.mouseClick(app.attendees.delete_button, Qt.MouseButton.LeftButton)
    title, question = messages.history[-1]
    assert title == "Delete person" and "meeting" in question and "wish" in question
    after = app.event
    assert after is not None and busy not in {a.id for a in after.attendees}
    assert all(busy not in (m.a, m.b) for m in after.meetings)
    app.trigger("undo")
    assert app.event == before

    app.trigger("undo")  # the schedule itself
    assert app.event.meetings == ()  # type: ignore[union-attr]
    app.trigger("redo")
    assert app.event.meetings == before.meetings  # type: ignore[union-attr]


def test_demand_shows_who_is_over_subscribed(app: App) -> None:
    model = app.attendees.model
    asked, can = COLUMNS.index(Column.ASKED_BY), COLUMNS.index(Column.CAN_MEET)
    over = [r for r in range(model.rowCount())
            if model.index(r, asked).data() > model.index(r, can).data()]
    fine = [r for r in range(model.rowCount()) if r not in over]
    assert over and fine  # the sample has both
    assert model.index(over[0], 0).data(Qt.ItemDataRole.BackgroundRole) == OVER_SUBSCRIBED
    assert model.index(fine[0], 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert "asked by" in model.index(over[0], 0).data(Qt.ItemDataRole.ToolTipRole)
