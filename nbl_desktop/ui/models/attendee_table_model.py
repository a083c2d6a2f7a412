"""The attendees as a Qt table: one row per attendee, columns from `Column`.

Two columns show demand at a glance (`core.demand`): how many ask for the
person and how many meetings they can have; an over-subscribed person's
row is tinted so it stands out before scheduling.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from nbl_desktop.core.clock import format_clock
from nbl_desktop.core.demand import Demand
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
    PARTY = ("Party", lambda a: a.party_size)
    FIXED_TABLE = ("Fixed table", lambda a: a.fixed_table)
    DELEGATION = ("Delegation", lambda a: a.delegation)
    ASKED_BY = ("Asked by", None)
    CAN_MEET = ("Can meet", None)

    def __init__(self, header: str, value: Callable[[AttendeeRecord], Any] | None) -> None:
        self.header = header
        self.read = value


COLUMNS = list(Column)
# One string per row for the search box, so filtering asks the model once per row,
# not once per cell (12,000 calls at 1,000 attendees on every refresh).
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1
OVER_SUBSCRIBED = QBrush(QColor("#fde2e1"))


class AttendeeTableModel(QAbstractTableModel):
    """Read-only view of the event's attendees."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._attendees: list[AttendeeRecord] = []
        self._demand: dict[str, Demand] = {}

    def set_attendees(self, attendees: list[AttendeeRecord],
                      demand: dict[str, Demand] | None = None) -> None:
        self.beginResetModel()
        self._attendees = list(attendees)
        self._demand = demand or {}
        self.endResetModel()

    def attendee_at(self, row: int) -> AttendeeRecord:
        return self._attendees[row]

    def row_of(self, attendee_id: str) -> int | None:
        return next((i for i, a in enumerate(self._attendees) if a.id == attendee_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._attendees)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        attendee = self._attendees[index.row()]
        if role == SEARCH_ROLE:
            return " ".join((attendee.name, attendee.organization, attendee.country,
                             attendee.sector, attendee.id))
        demand = self._demand.get(attendee.id)
        if role == Qt.ItemDataRole.BackgroundRole:
            return OVER_SUBSCRIBED if demand is not None and demand.over_subscribed else None
        if role == Qt.ItemDataRole.ToolTipRole:
            busy = f"{demand.describe()}\n" if demand is not None else ""
            return f"{busy}Offers: {attendee.offers}\nSeeks: {attendee.seeks}"
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = COLUMNS[index.column()]
        if column is Column.ASKED_BY:
            return demand.asked_by if demand is not None else ""
        if column is Column.CAN_MEET:
            return demand.can_meet if demand is not None else ""
        assert column.read is not None
        return column.read(attendee)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section].header
        return section + 1
