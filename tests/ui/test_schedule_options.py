"""Schedule options set in their dialog, used by the next solve, kept between runs; the
live chart of a solve."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from nbl_desktop.ui.widgets.solve_panel import SolvePanel
from solver import Progress, SolveOptions
from solver.options import Compactness
from tests.ui.driving import new_window, schedule, window_with_sample

pytestmark = pytest.mark.gui


def test_options_are_used_and_remembered_and_defaults_come_back(qtbot: QtBot) -> None:
    app = new_window(qtbot)
    app.time_limit_box.setValue(7)
    app.trigger("options")
    dialog = app.options_dialog
    assert dialog is not None
    dialog.min_meetings_box.setValue(3)
    dialog.weight_boxes[3].setValue(10)
    dialog.tolerance_box.setValue(0)
    assert not dialog.spread_box.isEnabled()
    dialog.compactness_box.setCurrentIndex(1)
    assert dialog.spread_box.isEnabled()
    dialog.spread_box.setValue(2)
    dialog.accept()
    chosen = app.solve_options()
    assert (chosen.time_limit_seconds, chosen.min_meetings, chosen.priority_weights,
            chosen.value_tolerance, chosen.compactness, chosen.max_break_spread) == (
        7, 3, {1: 1, 2: 2, 3: 10}, 0.0, Compactness.BREAKS, 2)
    app.close()

    again = new_window(qtbot)
    assert again.solve_options().priority_weights[3] == 10
    again.trigger("options")
    assert again.options_dialog is not None
    again.options_dialog.restore_defaults()
    again.options_dialog.accept()
    defaults = SolveOptions()
    assert again.solve_options().min_meetings == defaults.min_meetings
    assert again.solve_options().compactness is defaults.compactness


def test_the_live_chart_follows_the_solve(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    app = window_with_sample(qtbot, monkeypatch, tmp_path)
    schedule(qtbot, app)
    chart = app.solve_panel.chart
    assert chart.points and chart.bound >= max(v for _, v in chart.points)
    seconds = [t for t, _ in chart.points]
    assert seconds == sorted(seconds) and seconds[-1] <= 2 + 1


def test_the_solve_panel_names_the_gaps_the_solve_counts(qtbot: QtBot) -> None:
    panel = SolvePanel()
    qtbot.addWidget(panel)
    progress = Progress(1.0, "value", 90, 100, must_met=3, coverage=8, compactness=4)
    panel.start(10, Compactness.BREAKS)
    panel.show_progress(progress)
    assert panel.figures_label.text().endswith("4 breaks (runs of idle slots)")
    panel.start(10)
    panel.show_progress(progress)
    assert panel.figures_label.text().endswith("4 idle slots")
