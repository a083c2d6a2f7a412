"""The schedule as a grid: a row per slot (with its times), a column per table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from nbl_desktop.core.event import EventData, MeetingRecord
from nbl_desktop.core.slot_grid import SlotTime, slot_times

Index = QModelIndex | QPersistentModelIndex
LOCKED_BACKGROUND = QColor("#fff2cc")


class ScheduleGridModel(QAbstractTableModel):
    """Cells show both parties of the meeting at that slot and table."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._slots: list[SlotTime] = []
        self._tables: tuple[str, ...] = ()
        self._cells: dict[tuple[int, int], MeetingRecord] = {}
        self._names: dict[str, str] = {}

    def set_event(self, event: EventData | None) -> None:
        self.beginResetModel()
        if event is None:
            self._slots, self._tables, self._cells, self._names = [], (), {}, {}
        else:
            self._slots = slot_times(event.settings)
            self._tables = event.settings.table_labels
            self._cells = {(m.slot, m.table): m for m in event.meetings}
            self._names = {
                a.id: f"{a.name} ({a.organization})" if a.organization else a.name
                for a in event.attendees
            }
        self.endResetModel()

    def meeting_at(self, slot: int, table: int) -> MeetingRecord | None:
        return self._cells.get((slot, table))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._slots)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._tables)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        meeting = self._cells.get((index.row(), index.column()))
        if meeting is None:
            return None
        text = f"{self._names.get(meeting.a, meeting.a)}\n{self._names.get(meeting.b, meeting.b)}"
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return text + ("\nLocked: the next schedule keeps it here" if meeting.locked else "")
        if role == Qt.ItemDataRole.BackgroundRole and meeting.locked:
            return QBrush(LOCKED_BACKGROUND)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return f"Table {self._tables[section]}"
        return self._slots[section].label()
