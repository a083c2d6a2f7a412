"""Beside the grid: the schedule's figures, the unmet wishes with their reasons, and a way
to meet one by hand.

The figures are worked out off the GUI thread (a second or so at 3,000
attendees); until they arrive the panel says so.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nbl_desktop.core.i18n import _, counted
from nbl_desktop.core.planning import must_meets_line
from nbl_desktop.core.schedule_figures import ScheduleFigures
from nbl_desktop.ui.models.unmet_model import UnmetModel

_ROWS_MEASURED = 50  # beyond the visible ones


class FiguresPanel(QWidget):
    """`meet_requested(requester, requested)`: the organizer wants this wish met by hand."""

    meet_requested = Signal(str, str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.figures_label = QLabel()
        self.figures_label.setWordWrap(True)
        self.model = UnmetModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setStretchLastSection(True)
        # Fit the columns to the rows in sight plus a few: measuring every unmet wish of a
        # 1,000-person event (Qt's default: 1,000 rows) held the window 0.3–0.6 s.
        self.view.horizontalHeader().setResizeContentsPrecision(_ROWS_MEASURED)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.meet_button = QPushButton(_("Meet in the first free place"))
        self.meet_button.setToolTip(_("Add a meeting for the selected wish where no rule is "
                                      "broken (undo takes it away again)"))
        self.meet_button.clicked.connect(self._meet_selected)
        self.view.doubleClicked.connect(lambda _index: self._meet_selected())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.figures_label)
        layout.addWidget(QLabel(_("Unmet wishes:")))
        layout.addWidget(self.view, 1)
        layout.addWidget(self.meet_button)

    def show_working(self) -> None:
        self.figures_label.setText(_("Working out the figures…"))

    def show_figures(self, figures: ScheduleFigures | None, labels: dict[str, str],
                     problem: str = "") -> None:
        if figures is None:
            self.figures_label.setText(problem or _("No schedule yet."))
            self.model.set_unmet((), labels)
            return
        # Short lines that wrap: the panel may be narrow, or laid out while another tab
        # shows, and a single long line was cut off there.
        self.figures_label.setText("<br>".join((
            counted(figures.meetings, "<b>{count}</b> meeting", "<b>{count}</b> meetings")
            + " · " + counted(len(figures.unmet), "<b>{count}</b> wish unmet",
                              "<b>{count}</b> wishes unmet"),
            must_meets_line(figures.must_met, figures.must_total),
            counted(figures.left_out, "<b>{count}</b> person with wishes but no meeting",
                    "<b>{count}</b> people with wishes but no meeting")
            + " · " + counted(figures.idle_slots, "<b>{count}</b> idle slot",
                              "<b>{count}</b> idle slots"))))
        self.model.set_unmet(figures.unmet, labels)
        self.view.resizeColumnsToContents()

    def _meet_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if rows:
            wish = self.model.wish(rows[0].row())
            self.meet_requested.emit(wish.requester, wish.requested)
