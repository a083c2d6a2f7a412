"""Shows a running solve: elapsed time, the level worked on, best value, proven bound,
% of bound, a live chart of value over time, and Cancel."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from nbl_desktop.core.i18n import _
from nbl_desktop.core.locale_formats import percent_text
from nbl_desktop.core.planning import gaps_wording
from nbl_desktop.core.reason_words import level_text
from nbl_desktop.ui.widgets.value_chart import ValueChart
from solver import Progress
from solver.options import Compactness


class SolvePanel(QWidget):
    """A strip under the views; visible only while the engine works."""

    cancel_requested = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._started = 0.0
        self._time_limit = 0.0
        self._gaps = gaps_wording(Compactness.IDLE_SLOTS)
        self._build_ui()
        self._connect_signals()
        self.hide()

    def _build_ui(self) -> None:
        self.activity = QProgressBar()
        self.activity.setRange(0, 0)  # busy indicator until the first figures arrive
        self.activity.setMaximumWidth(220)
        self.elapsed_label = QLabel()
        self.figures_label = QLabel(_("Looking for a first schedule…"))
        self.figures_label.setWordWrap(True)  # a long line in Finnish must not widen the window
        self.chart = ValueChart()
        self.cancel_button = QPushButton(_("Cancel (keep best so far)"))
        self._tick = QTimer(self)
        self._tick.setInterval(250)
        layout = QHBoxLayout(self)
        layout.addWidget(QLabel(_("Scheduling:")))
        layout.addWidget(self.activity)
        layout.addWidget(self.elapsed_label)
        layout.addWidget(self.figures_label, 1)
        layout.addWidget(self.chart)
        layout.addWidget(self.cancel_button)

    def _connect_signals(self) -> None:
        self.cancel_button.clicked.connect(self._on_cancel)
        self._tick.timeout.connect(self._show_elapsed)

    def start(self, time_limit: float, measure: Compactness = Compactness.IDLE_SLOTS) -> None:
        """Show the panel for a solve of `time_limit` seconds that counts gaps as `measure`."""
        self._started = time.monotonic()
        self._time_limit = time_limit
        self._gaps = gaps_wording(measure)
        self.chart.start(time_limit)
        self.activity.setRange(0, 0)
        self.figures_label.setText(_("Looking for a first schedule…"))
        self.cancel_button.setEnabled(True)
        self._show_elapsed()
        self._tick.start()
        self.show()

    def show_progress(self, progress: Progress) -> None:
        share = 100.0 if progress.bound <= 0 else 100.0 * progress.value / progress.bound
        self.activity.setRange(0, 1000)
        self.activity.setValue(round(10 * share))
        self.chart.add(progress.elapsed_seconds, progress.value, progress.bound)
        # Translators: {level} is what the engine works on; {gaps} what it counts as gaps
        # ("idle slots"), after their number {compactness}
        self.figures_label.setText(_(
            "{level}: must-meets {must} · best value {value} · proven bound {bound} · "
            "{share} of bound · {compactness} {gaps}").format(
            level=level_text(progress.level), must=progress.must_met, value=progress.value,
            bound=progress.bound, share=percent_text(share / 100, 1),
            compactness=progress.compactness, gaps=self._gaps))

    def finish(self) -> None:
        self._tick.stop()
        self.hide()

    def _on_cancel(self) -> None:
        self.cancel_button.setEnabled(False)
        self.figures_label.setText(self.figures_label.text() + " · " + _("stopping…"))
        self.cancel_requested.emit()

    def _show_elapsed(self) -> None:
        elapsed = time.monotonic() - self._started
        self.elapsed_label.setText(_("{elapsed} s of {limit} s").format(
            elapsed=f"{elapsed:.0f}", limit=f"{self._time_limit:.0f}"))
