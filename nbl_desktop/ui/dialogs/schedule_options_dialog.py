"""What the engine optimizes, as the organizer can set it: every default is an option.

Minimum meetings per person (coverage), the weights of nice / important /
must wishes, how much value may be given up for fewer idle gaps, and what
"few gaps" means (idle slots, or breaks with a bound on their spread). The
time limit stays in the toolbar, where it is changed most.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QSpinBox,
    QVBoxLayout,
)

from nbl_desktop.core.i18n import _
from solver import SolveOptions
from solver.options import Compactness


class ScheduleOptionsDialog(QDialog):
    """Edit a copy of the options; `options()` reads them back."""

    def __init__(self, options: SolveOptions, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Schedule options"))
        self._original = options
        self.min_meetings_box = QSpinBox()
        self.min_meetings_box.setRange(0, 20)
        self.min_meetings_box.setValue(options.min_meetings)
        self.min_meetings_box.setToolTip(_("Everyone who asked or was asked for gets this "
                                           "many meetings before anyone gets more, where "
                                           "possible"))
        self.weight_boxes = {}
        for priority in (1, 2, 3):
            box = QSpinBox()
            box.setRange(1, 1000)
            box.setValue(options.priority_weights.get(priority, 1))
            self.weight_boxes[priority] = box
        self.tolerance_box = QDoubleSpinBox()
        self.tolerance_box.setRange(0, 20)
        self.tolerance_box.setSuffix(" %")
        self.tolerance_box.setDecimals(1)
        self.tolerance_box.setValue(100 * options.value_tolerance)
        self.compactness_box = QComboBox()
        self.compactness_box.addItem(_("fewest idle slots"), Compactness.IDLE_SLOTS)
        self.compactness_box.addItem(_("fewest breaks (runs of idle slots)"),
                                     Compactness.BREAKS)
        self.compactness_box.setCurrentIndex(
            max(self.compactness_box.findData(options.compactness), 0))
        self.spread_box = QSpinBox()
        self.spread_box.setRange(-1, 24)
        self.spread_box.setSpecialValueText(_("no bound"))
        self.spread_box.setValue(-1 if options.max_break_spread is None
                                 else options.max_break_spread)
        self.compactness_box.currentIndexChanged.connect(self._enable_spread)
        self._enable_spread()

        form = QFormLayout()
        form.addRow(_("At least this many meetings each:"), self.min_meetings_box)
        form.addRow(_("Weight of a 'nice' wish:"), self.weight_boxes[1])
        form.addRow(_("Weight of an 'important' wish:"), self.weight_boxes[2])
        form.addRow(_("Weight of a 'must' wish:"), self.weight_boxes[3])
        form.addRow(_("Value given up for fewer gaps, at most:"), self.tolerance_box)
        form.addRow(_("Gaps are counted as:"), self.compactness_box)
        form.addRow(_("Breaks per person may differ by at most:"), self.spread_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel
                                   | QDialogButtonBox.StandardButton.RestoreDefaults)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            self.restore_defaults)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _enable_spread(self) -> None:
        self.spread_box.setEnabled(self.compactness_box.currentData() is Compactness.BREAKS)

    def restore_defaults(self) -> None:
        defaults = SolveOptions()
        self.min_meetings_box.setValue(defaults.min_meetings)
        for priority, box in self.weight_boxes.items():
            box.setValue(defaults.priority_weights[priority])
        self.tolerance_box.setValue(100 * defaults.value_tolerance)
        self.compactness_box.setCurrentIndex(0)
        self.spread_box.setValue(-1)

    def options(self) -> SolveOptions:
        spread = self.spread_box.value()
        return replace(
            self._original, min_meetings=self.min_meetings_box.value(),
            priority_weights={p: box.value() for p, box in self.weight_boxes.items()},
            value_tolerance=self.tolerance_box.value() / 100,
            compactness=self.compactness_box.currentData(),
            max_break_spread=None if spread < 0 else spread)
