"""The attendees as a Qt table: one row per attendee, columns from `Column`."""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from nbl_desktop.core.clock import format_clock
from nbl_desktop.core.event import AttendeeRecord

Index = QModelIndex | QPersistentModelIndex


def _clock_or_blank(minutes: int | None) -> str:
    return "" if minutes is None else format_clock(minutes)


class Column(enum.Enum):
    """Header and accessor of each column."""

    ID = ("ID", lambda a: a.id)
    NAME = ("Name", lambda a: a.name)
    ORGANIZATION = ("Organization", lambda a: a.organization)
    COUNTRY = ("Country", lambda a: a.country)
    SECTOR = ("Sector", lambda a: a.sector)
    AVAILABLE_FROM = ("From", lambda a: _clock_or_blank(a.available_from))
    AVAILABLE_UNTIL = ("Until", lambda a: _clock_or_blank(a.available_until))
    MAX_MEETINGS = ("Max meetings", lambda a: "" if a.max_meetings is None else a.max_meetings)

    def __init__(self, header: str, value: Callable[[AttendeeRecord], Any]) -> None:
        self.header = header
        self.read = value


COLUMNS = list(Column)


class AttendeeTableModel(QAbstractTableModel):
    """Read-only view of the event's attendees."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._attendees: list[AttendeeRecord] = []

    def set_attendees(self, attendees: list[AttendeeRecord]) -> None:
        self.beginResetModel()
        self._attendees = list(attendees)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._attendees)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.ToolTipRole):
            return None
        attendee = self._attendees[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"Offers: {attendee.offers}\nSeeks: {attendee.seeks}"
        return COLUMNS[index.column()].read(attendee)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section].header
        return section + 1
