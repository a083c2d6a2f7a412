"""One person's agenda as a table: time, table, with whom; free slots and breaks greyed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from nbl_desktop.core.agenda import AgendaLine
from nbl_desktop.core.i18n import N_, _

Index = QModelIndex | QPersistentModelIndex
HEADERS = (N_("Time"), N_("Table"), N_("With"))
QUIET = QBrush(QColor("#808080"))
EMPTY_TEXT = {"free": N_("(free)"), "away": N_("(not here)"), "break": N_("break"), "day": ""}


class AgendaModel(QAbstractTableModel):
    """Read-only `AgendaLine` rows."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._lines: list[AgendaLine] = []

    def set_lines(self, lines: list[AgendaLine]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self.endResetModel()

    def line(self, row: int) -> AgendaLine:
        return self._lines[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self._lines[index.row()]
        if role == Qt.ItemDataRole.FontRole and line.kind == "day":
            bold = QFont()
            bold.setBold(True)
            return bold
        if role == Qt.ItemDataRole.ForegroundRole and line.kind not in ("meeting", "day"):
            return QUIET
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if index.column() == 0:
            return line.time
        if index.column() == 1:
            return line.table
        if line.kind != "meeting":
            return _(EMPTY_TEXT[line.kind]) if EMPTY_TEXT[line.kind] else ""
        return line.partner + ("  " + _("(locked)") if line.locked else "")

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return _(HEADERS[section]) if HEADERS[section] else ""
        return section + 1
