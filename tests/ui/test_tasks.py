"""Long work through the task runner: results, errors, cancel, newer jobs, and closing."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from nbl_desktop.core.errors import UserError
from nbl_desktop.core.store import EventStore
from nbl_desktop.ui import messages
from nbl_desktop.ui.tasks import Job
from solver import CancelToken
from tests.ui.driving import App, new_window, window_with_sample

pytestmark = pytest.mark.gui


def until_cancelled(_report: object, cancel: CancelToken) -> str:
    while not cancel.cancelled:
        time.sleep(0.01)
    return "stopped early"


def test_a_result_progress_and_cancel_reach_the_gui_thread(qtbot: QtBot) -> None:
    app = new_window(qtbot)
    seen: list[object] = []

    def counts(report: object, cancel: CancelToken) -> str:
        for step in range(3):
            report(step)  # type: ignore[operator]
        return until_cancelled(report, cancel)

    task = app.window.runner.start(Job("counting", counts, on_result=seen.append,
                                       on_progress=seen.append))
    assert app.busy and not app.action("schedule").isEnabled()
    qtbot.waitUntil(lambda: len(seen) == 3)
    task.cancel()
    qtbot.waitUntil(lambda: not app.busy)
    assert seen == [0, 1, 2, "stopped early"]
    app.wait_until_idle()


def test_a_user_error_is_said_and_a_bug_is_reported(qtbot: QtBot) -> None:
    app = new_window(qtbot)
    messages.history.clear()

    def refuses(_report: object, _cancel: CancelToken) -> None:
        raise UserError("the file day.xlsx is open in Excel: close it there")

    def breaks(_report: object, _cancel: CancelToken) -> None:
        raise ZeroDivisionError("a bug")

    app.window.runner.start(Job("reading day.xlsx", refuses))
    app.wait_until_idle()
    app.window.runner.start(Job("exporting", breaks))
    app.wait_until_idle()
    assert messages.history[0] == ("Problem while reading day.xlsx",
                                   "the file day.xlsx is open in Excel: close it there")
    title, text = messages.history[1]
    assert title == "Something went wrong" and "while exporting" in text
    assert "Your event file is safe" in text


def test_a_newer_job_of_the_same_name_drops_the_older_ones_result(qtbot: QtBot) -> None:
    app = new_window(qtbot)
    shown: list[str] = []
    runner = app.window.runner
    runner.start(Job("figures", until_cancelled, on_result=shown.append, exclusive=False,
                     latest="figures"))
    runner.start(Job("figures", lambda _r, _c: "newest", on_result=shown.append,
                     exclusive=False, latest="figures"))
    app.wait_until_idle()
    assert shown == ["newest"]


def test_closing_while_scheduling_keeps_the_best_schedule_found(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    app: App = window_with_sample(qtbot, monkeypatch, tmp_path, "arctic-300")
    app.time_limit_box.setValue(120)
    app.trigger("schedule")
    qtbot.waitUntil(lambda: "best value" in app.solve_panel.figures_label.text(),
                    timeout=60_000)
    app.close()
    assert app.window.isVisible()  # not yet: the solve is asked to stop first
    qtbot.waitUntil(lambda: not app.window.isVisible(), timeout=30_000)
    store = EventStore.open(tmp_path / "day.nblevent", read_only=True)
    assert store.meetings(), "the best schedule found was stored before closing"
    store.close()


def test_an_event_that_cannot_be_scheduled_says_why_and_stays_as_it_was(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from dataclasses import replace

    from nbl_desktop.core import edits

    app = window_with_sample(qtbot, monkeypatch, tmp_path)
    assert app.event is not None
    host = app.event.attendees[0]
    # A fixed table that is no longer one of the event's tables: fewer tables were set
    # after it was given (allowed, with a warning); the schedule cannot be made so.
    app.edit(lambda current: edits.change_attendee(current, replace(host, fixed_table="20")))
    app.edit(lambda current: edits.change_settings(current, replace(
        current.settings, table_labels=tuple(str(i) for i in range(1, 11)))).edit)
    assert app.event.attendee(host.id).fixed_table == "20"
    messages.history.clear()
    app.trigger("schedule")
    qtbot.waitUntil(lambda: not app.busy, timeout=30_000)
    assert messages.history and messages.history[-1][0] == "Cannot schedule"
    assert "fixed table '20'" in messages.history[-1][1]
    assert app.event.meetings == () and not app.solve_panel.isVisible()
