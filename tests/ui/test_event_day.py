"""A simulated event day at the desk, driven through the real widgets: check-ins, two
no-shows at slot 3, a late arrival, a walk-in with a must-meet, a table out of use, a
re-plan previewed and applied, only the changed agendas and table cards reprinted in one
run, meetings held, the
referee's verdict."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from nbl_desktop.core.event import AttendeeRecord
from nbl_desktop.core.parties import parties_of
from nbl_desktop.core.printouts.print_log import DESK
from nbl_desktop.ui.dialogs.print_dialog import ALL
from nbl_desktop.ui.pages import event_day_page as event_day_panel
from nbl_desktop.ui.pages.event_day_page import EventDayPage as EventDayPanel
from tests.conftest import run_referee, sample
from tests.printing.conftest import page_texts
from tests.ui.driving import answer_dialogs, schedule, window_with_sample

pytestmark = pytest.mark.gui


def select_expected(panel: EventDayPanel, attendee_id: str) -> None:
    for i in range(panel.expected_list.count()):
        item = panel.expected_list.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == attendee_id:
            panel.expected_list.setCurrentItem(item)
            return
    raise AssertionError(f"{attendee_id} is not expected")


def test_a_day_at_the_desk(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
                           tmp_path: Path) -> None:
    app = window_with_sample(qtbot, monkeypatch, tmp_path)
    schedule(qtbot, app, 3)
    event = app.event
    assert event is not None and app.store is not None
    lead = parties_of(event.attendees).lead_of

    # Morning: every agenda and every table card is printed, in one run.
    app.trigger("print")
    assert app.print_dialog is not None
    app.print_dialog.choose(DESK, ALL)
    answer_dialogs(monkeypatch, ask_pdf_path=tmp_path / "morning.pdf")
    qtbot.mouseClick(app.print_dialog.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: app.print_dialog.task is None, timeout=30_000)  # type: ignore[union-attr]
    app.print_dialog.reject()
    tables = event.settings.table_labels
    assert len(page_texts(tmp_path / "morning.pdf")) == len(event.attendees) + len(tables)

    panel = app.event_day
    app.tabs.setCurrentWidget(panel)
    busiest = sorted(event.attendees, key=lambda a: -sum(lead[a.id] in (m.a, m.b)
                                                          for m in event.meetings))
    absent, late = [busiest[0], busiest[1]], busiest[2]
    coming = [a for a in event.attendees if a not in absent]
    for person in coming[:45]:
        # Typed as text: QTest cannot type "ä" key by key (it asserts in qasciikey.cpp).
        panel.search_edit.setText(f"{person.name} ({person.organization})")
        qtbot.keyClick(panel.search_edit, Qt.Key.Key_Return)
    assert panel.arrived_label.text() == f"Arrived: 45 of {len(event.attendees)} expected"
    assert set(app.store.arrivals()) == {p.id for p in coming[:45]}

    panel.set_now_by_hand(2)  # slots 1 and 2 have happened
    assert panel.now() == 2 and app.store.now_slot() == 2
    for person in absent:
        select_expected(panel, person.id)
        panel.no_show_button.click()
    monkeypatch.setattr(event_day_panel, "ask_time", lambda *_: 11 * 60)
    panel.arrived_list.setCurrentItem(None)
    select_expected(panel, late.id) if late not in coming[:45] else \
        panel.arrived_list.setCurrentRow(
            next(i for i in range(panel.arrived_list.count())
                 if panel.arrived_list.item(i).data(Qt.ItemDataRole.UserRole) == late.id))
    panel.late_button.click()
    wanted = busiest[-1]  # few meetings: room for the walk-in's must-meet
    newcomer = AttendeeRecord("W001", "Walk In", "Newco AS", "NO")
    monkeypatch.setattr(event_day_panel, "ask_walk_in",
                        lambda *_: (newcomer, [(wanted.id, 3)]))
    panel.walk_in_button.click()
    agreed = (busiest[-2].id, busiest[-3].id)  # two people agree at the desk to meet
    monkeypatch.setattr(event_day_panel, "ask_must_meet", lambda *_: agreed)
    panel.must_meet_button.click()
    assert any((r.requester, r.requested, r.priority) == (*agreed, 3)
               for r in app.event.requests)  # type: ignore[union-attr]
    monkeypatch.setattr(event_day_panel, "ask_table", lambda *_: 1)  # table 2 breaks
    at_closed_table = {p for m in app.event.meetings  # type: ignore[union-attr]
                       if m.table == 1 and m.slot >= 2 for p in (m.a, m.b)}
    panel.close_table_button.click()
    changed_event = app.event
    assert changed_event is not None
    assert changed_event.settings.closed_from(1) == 2
    assert changed_event.attendee(late.id).available_from == 11 * 60
    assert changed_event.attendee("W001").name == "Walk In"

    before = set(changed_event.meetings)
    panel.replan_button.click()
    qtbot.waitUntil(lambda: app.replan_dialog is not None, timeout=30_000)
    preview = app.replan_dialog
    assert preview is not None and preview.table.rowCount() > 0
    changed_people = set(preview.day.changes)
    preview.apply_button.click()
    after = app.event
    assert after is not None
    assert {m for m in after.meetings if m.slot < 2} == {m for m in before if m.slot < 2}
    assert not any({lead[p.id] for p in absent} & {m.a, m.b} for m in after.meetings
                   if m.slot >= 2)
    assert any({"W001", lead[wanted.id]} == {m.a, m.b} for m in after.meetings)
    assert not any(m.table == 1 and m.slot >= 2 for m in after.meetings)
    untouched = {m for m in before if m.slot >= 2 and not {lead[p.id] for p in absent}
                 & {m.a, m.b} and late.id not in (m.a, m.b) and m.table != 1}
    assert untouched <= set(after.meetings)

    # Reprint: exactly the agendas and table cards that changed since the morning print.
    panel.reprint_button.click()
    dialog = app.print_dialog
    assert dialog is not None
    answer_dialogs(monkeypatch, ask_pdf_path=tmp_path / "reprint.pdf")
    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30_000)
    dialog.reject()
    assert at_closed_table <= changed_people
    expected = changed_people | {p.id for p in absent} | {late.id, "W001"}

    def at_table(meetings: object, table: int) -> set[tuple[int, str, str]]:
        return {(m.slot, m.a, m.b) for m in meetings if m.table == table}  # type: ignore[attr-defined]

    changed_tables = [t for t in range(len(tables))
                      if at_table(event.meetings, t) != at_table(after.meetings, t)]
    texts = page_texts(tmp_path / "reprint.pdf")
    assert len(texts) == len(expected) + len(changed_tables)
    assert all(any(after.attendee(p).name in t for t in texts) for p in expected)
    cards = [t for t in texts if "Meetings at this table" in t]
    assert sorted(c.split("Table ")[1].split()[0] for c in cards) == sorted(
        tables[t] for t in changed_tables)

    # Slot 1: one meeting did not take place.
    panel.held_slot_box.setValue(1)
    item = panel.held_list.item(0)
    item.setCheckState(Qt.CheckState.Unchecked)
    slot, a, b = item.data(Qt.ItemDataRole.UserRole)
    assert app.store.not_held() == {(slot, a, b)} and slot == 0

    answer_dialogs(monkeypatch, ask_schedule_export_path=tmp_path / "after.xlsx")
    app.trigger("export")
    qtbot.waitUntil(lambda: not app.busy, timeout=30_000)
    # The referee reads the event as registered, plus the walk-in and the wish typed at the desk.
    twin = json.loads(sample("arctic-60.json").read_text(encoding="utf-8"))
    twin["attendees"].append({"id": "W001", "name": "Walk In", "organization": "Newco AS",
                              "country": "NO", "available": [0, 12], "max_meetings": None})
    twin["requests"] += [["W001", wanted.id, 3], [*agreed, 3]]
    (tmp_path / "day.json").write_text(json.dumps(twin), encoding="utf-8")
    assert run_referee(tmp_path / "day.json", tmp_path / "after.xlsx")["violations"] == "0"
    summary = {r[0]: r[1] for r in load_workbook(tmp_path / "after.xlsx")["Summary"]
               .iter_rows(values_only=True) if r and r[0]}
    assert summary["Meetings recorded as not held"] == 1
    log = [what for _, _, what in app.store.change_log()]
    assert "re-plan from slot 3" in log and f"arrived: {coming[0].name}" in log

    app.trigger("undo")  # the re-plan is one step
    assert set(app.event.meetings) == before  # type: ignore[union-attr]


def test_a_change_made_while_the_replan_preview_is_open_is_kept_when_it_is_applied(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from dataclasses import replace

    from nbl_desktop.core import edits

    app = window_with_sample(qtbot, monkeypatch, tmp_path)
    schedule(qtbot, app)
    panel = app.event_day
    app.show_tab(panel)
    panel.set_now_by_hand(3)
    panel.replan_button.click()
    qtbot.waitUntil(lambda: app.replan_dialog is not None, timeout=30_000)
    preview = app.replan_dialog
    assert preview is not None
    person = app.event.attendees[5]  # type: ignore[union-attr]
    app.edit(lambda current: edits.change_attendee(current, replace(person, name="Renamed")))
    preview.apply_button.click()
    after = app.event
    assert after is not None
    assert after.attendee(person.id).name == "Renamed"  # the edit made meanwhile stays
    assert set(after.meetings) == set(preview.day.meetings)
    stored = app.store
    assert stored is not None and stored.load() == after
