"""One person's wishes as a table: whom they asked for, who asked for them, do-not-meet.

The priority of a wish is editable in place (nice / important / must); the
model only announces `priority_chosen(requester, requested, priority)`,
and the main window makes the undoable edit.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from nbl_desktop.core.edits import PRIORITY_NAMES
from nbl_desktop.core.event import EventData
from nbl_desktop.core.i18n import N_, _

Index = QModelIndex | QPersistentModelIndex
# The kinds of row (keys, and what the first column says, translated where shown).
ASKS_FOR, ASKED_BY, DO_NOT_MEET = N_("asks for"), N_("asked by"), N_("do not meet")


class Column(enum.IntEnum):
    """The columns, in order."""

    DIRECTION = 0
    PERSON = 1
    PRIORITY = 2


HEADERS = ("", N_("Person"), N_("Priority"))


@dataclass(frozen=True)
class WishRow:
    """A wish (requester → requested, priority 1–3) or a do-not-meet pair (priority 0)."""

    direction: str  # "asks for", "asked by", "do not meet"
    other: str  # the other person's ID
    requester: str
    requested: str
    priority: int


class WishesModel(QAbstractTableModel):
    """Rows of `WishRow`, wishes first, then wished-by, then do-not-meet."""

    priority_chosen = Signal(str, str, int)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[WishRow] = []
        self._labels: dict[str, str] = {}

    def set_person(self, event: EventData | None, attendee_id: str | None,
                   labels: dict[str, str]) -> None:
        rows: list[WishRow] = []
        if event is not None and attendee_id is not None:
            for r in event.requests:
                if r.requester == attendee_id:
                    rows.append(WishRow(ASKS_FOR, r.requested, r.requester, r.requested,
                                        r.priority))
                elif r.requested == attendee_id:
                    rows.append(WishRow(ASKED_BY, r.requester, r.requester, r.requested,
                                        r.priority))
            for x in event.exclusions:
                if attendee_id in (x.a, x.b):
                    other = x.b if x.a == attendee_id else x.a
                    rows.append(WishRow(DO_NOT_MEET, other, attendee_id, other, 0))
        order = {ASKS_FOR: 0, ASKED_BY: 1, DO_NOT_MEET: 2}
        rows.sort(key=lambda w: (order[w.direction], -w.priority, labels.get(w.other, w.other)))
        self.beginResetModel()
        self._rows, self._labels = rows, labels
        self.endResetModel()

    def row(self, position: int) -> WishRow:
        return self._rows[position]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if (index.isValid() and index.column() == Column.PRIORITY
                and self._rows[index.row()].priority):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        wish = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.EditRole and column == Column.PRIORITY:
            return wish.priority
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == Column.DIRECTION:
            return _(wish.direction)
        if column == Column.PERSON:
            return self._labels.get(wish.other, wish.other)
        return _(PRIORITY_NAMES.get(wish.priority, DO_NOT_MEET))

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (not index.isValid() or index.column() != Column.PRIORITY
                or role != Qt.ItemDataRole.EditRole or value not in PRIORITY_NAMES):
            return False
        wish = self._rows[index.row()]
        if wish.priority == 0 or wish.priority == value:
            return False
        self.priority_chosen.emit(wish.requester, wish.requested, int(value))
        return True

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return _(HEADERS[section]) if HEADERS[section] else ""
        return section + 1
