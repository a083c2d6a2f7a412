"""The Overview page: the event's steps with their numbers, and buttons that move them on."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.driving import App, window_with_sample

pytestmark = pytest.mark.gui


def shown_steps(qtbot: QtBot, app: App, waiting_for: str) -> dict[str, tuple[str, str]]:
    app.show_tab(app.overview.page)
    qtbot.waitUntil(lambda: waiting_for in str(app.overview.steps()), timeout=30_000)
    return app.overview.steps()


def test_the_overview_follows_the_event_from_import_to_schedule(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    app = window_with_sample(qtbot, monkeypatch, tmp_path)
    assert app.event is not None
    steps = shown_steps(qtbot, app, "people from")
    assert list(steps) == ["registrations", "wishes", "schedule", "printed", "event_day"]
    assert steps["registrations"][1].startswith(f"{len(app.event.attendees)} people from ")
    assert steps["schedule"][0] == "next" and steps["printed"][0] == "later"

    app.time_limit_box.setValue(2)
    app.overview.press("schedule")  # its button is the Schedule action
    qtbot.waitUntil(lambda: not app.busy, timeout=30_000)
    assert app.event.meetings
    steps = shown_steps(qtbot, app, "must-meets met")
    musts = sum(1 for r in app.event.requests if r.priority == 3)
    assert f"of {musts} asked" in steps["schedule"][1]
    assert steps["printed"][0] == "next"
    assert f"{len(app.event.attendees)} agendas" in steps["printed"][1]


def test_printing_from_the_overview_brings_its_printouts_step_up_to_date(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from tests.ui.driving import answer_dialogs, schedule

    app = window_with_sample(qtbot, monkeypatch, tmp_path)
    schedule(qtbot, app)
    assert app.event is not None
    people = len(app.event.attendees)
    steps = shown_steps(qtbot, app, "Not printed yet")
    assert steps["printed"][0] == "next"
    app.overview.press("printed")  # Print…
    dialog = app.print_dialog
    assert dialog is not None
    answer_dialogs(monkeypatch, ask_pdf_path=tmp_path / "agendas.pdf")
    dialog.pdf_button.click()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30_000)
    dialog.reject()
    steps = shown_steps(qtbot, app, "out of date")
    assert f"0 of {people} agendas out of date" in steps["printed"][1]
    assert steps["printed"][0] in ("attention", "done")  # table cards: not printed yet
