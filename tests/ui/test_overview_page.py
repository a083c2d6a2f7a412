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
