"""Unmet wishes as a table: who asked, for whom, the priority, and the engine's reason."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from nbl_desktop.core.edits import PRIORITY_NAMES
from nbl_desktop.core.i18n import N_, _
from nbl_desktop.core.schedule_figures import UnmetWish

Index = QModelIndex | QPersistentModelIndex
HEADERS = (N_("Asked by"), N_("For"), N_("Priority"), N_("Why unmet"))


class UnmetModel(QAbstractTableModel):
    """Read-only rows of `UnmetWish`, most important first."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: tuple[UnmetWish, ...] = ()
        self._labels: dict[str, str] = {}

    def set_unmet(self, unmet: tuple[UnmetWish, ...], labels: dict[str, str]) -> None:
        self.beginResetModel()
        self._rows, self._labels = unmet, labels
        self.endResetModel()

    def wish(self, row: int) -> UnmetWish:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.ToolTipRole):
            return None
        wish = self._rows[index.row()]
        values = (self._labels.get(wish.requester, wish.requester),
                  self._labels.get(wish.requested, wish.requested),
                  _(PRIORITY_NAMES[wish.priority]) if wish.priority in PRIORITY_NAMES
                  else str(wish.priority), wish.reason)
        return values[index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return _(HEADERS[section]) if HEADERS[section] else ""
        return section + 1
