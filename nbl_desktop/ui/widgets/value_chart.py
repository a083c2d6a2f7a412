"""A small live chart of a running solve: best value over time, under the proven bound."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QWidget

from nbl_desktop.core.i18n import _

LINE = QColor("#1f6fb2")
BOUND = QColor("#a0a0a0")


class ValueChart(QWidget):
    """Points (seconds, value) drawn as a step line; the bound as a dashed line on top."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.points: list[tuple[float, int]] = []
        self.bound = 0
        self.time_limit = 1.0
        self.setMinimumSize(QSize(160, 36))
        self.setToolTip(_("Best value found over time; the dashed line is the proven bound"))

    def start(self, time_limit: float) -> None:
        self.points, self.bound, self.time_limit = [], 0, max(time_limit, 1.0)
        self.update()

    def add(self, seconds: float, value: int, bound: int) -> None:
        self.points.append((seconds, value))
        self.bound = max(bound, value)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(220, 40)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width, height = self.width() - 2, self.height() - 4
        painter.fillRect(self.rect(), self.palette().base())
        if not self.points or self.bound <= 0:
            painter.end()
            return
        low = min(v for _, v in self.points) * 0.98
        span = max(self.bound - low, 1)

        def at(seconds: float, value: float) -> QPointF:
            return QPointF(1 + width * min(seconds / self.time_limit, 1.0),
                           2 + height * (1 - (value - low) / span))

        pen = QPen(BOUND)
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(at(0, self.bound), at(self.time_limit, self.bound))
        line = QPolygonF()
        previous = None
        for seconds, value in self.points:
            if previous is not None:
                line.append(at(seconds, previous))
            line.append(at(seconds, value))
            previous = value
        painter.setPen(QPen(LINE, 2))
        painter.drawPolyline(line)
        painter.end()
