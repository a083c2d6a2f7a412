"""The attendees as a Qt table: one row per attendee, columns from `Column`.

Two columns show demand at a glance (`core.demand`): how many ask for the
person and how many meetings they can have; an over-subscribed person's
row is tinted so it stands out before scheduling.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from nbl_desktop.core.demand import Demand
from nbl_desktop.core.event import AttendeeRecord
from nbl_desktop.core.i18n import N_, _
from nbl_desktop.core.locale_formats import clock_text

Index = QModelIndex | QPersistentModelIndex


def _clock_or_blank(minutes: int | None) -> str:
    return "" if minutes is None else clock_text(minutes)


class Column(enum.Enum):
    """Header and accessor of each column."""

    ID = (N_("ID"), lambda a: a.id)
    NAME = (N_("Name"), lambda a: a.name)
    ORGANIZATION = (N_("Organization"), lambda a: a.organization)
    COUNTRY = (N_("Country"), lambda a: a.country)
    SECTOR = (N_("Sector"), lambda a: a.sector)
    AVAILABLE_FROM = (N_("From"), lambda a: _clock_or_blank(a.available_from))
    AVAILABLE_UNTIL = (N_("Until"), lambda a: _clock_or_blank(a.available_until))
    MAX_MEETINGS = (N_("Max meetings"), lambda a: "" if a.max_meetings is None else a.max_meetings)
    PARTY = (N_("Party"), lambda a: a.party_size)
    FIXED_TABLE = (N_("Fixed table"), lambda a: a.fixed_table)
    DELEGATION = (N_("Delegation"), lambda a: a.delegation)
    ASKED_BY = (N_("Asked by"), None)
    CAN_MEET = (N_("Can meet"), None)

    def __init__(self, header: str, value: Callable[[AttendeeRecord], Any] | None) -> None:
        self.header = header
        self.read = value


COLUMNS = list(Column)
# One string per row for the search box, so filtering asks the model once per row,
# not once per cell (12,000 calls at 1,000 attendees on every refresh).
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1
OVER_SUBSCRIBED = QBrush(QColor("#fde2e1"))


class AttendeeTableModel(QAbstractTableModel):
    """Read-only view of the event's attendees, sorted here rather than in a proxy.

    A QSortFilterProxyModel sorts by asking `data()` n log n times, a Python call
    each: a fifth of a second at 3,000 people for every sort, every edit and every
    cleared search. Here a sort is one key per row and Python's own sort; an edit
    of a few people changes their rows in place.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._attendees: list[AttendeeRecord] = []
        self._rows: dict[str, int] = {}
        self._demand: dict[str, Demand] = {}
        self._sorted_by: tuple[int, Qt.SortOrder] | None = None

    def set_attendees(self, attendees: list[AttendeeRecord],
                      demand: dict[str, Demand] | None = None) -> None:
        self.beginResetModel()
        self._attendees = list(attendees)
        self._demand = demand or {}
        if self._sorted_by is not None:
            self._attendees.sort(key=self._sort_key(self._sorted_by[0]),
                                 reverse=self._sorted_by[1] == Qt.SortOrder.DescendingOrder)
        self._index_rows()
        self.endResetModel()

    def update_attendees(self, changed: list[AttendeeRecord],
                         demand: dict[str, Demand] | None = None) -> None:
        """These people's records (and `demand`) changed in place: their rows, not all rows.
        The list keeps its order until it is sorted again, as a spreadsheet does."""
        if demand is not None:
            self._demand = {**self._demand, **demand}
        for attendee in changed:
            row = self._rows.get(attendee.id)
            if row is None:
                continue
            self._attendees[row] = attendee
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self._sorted_by = (column, order)
        self.layoutAboutToBeChanged.emit()
        before = list(self._attendees)
        self._attendees.sort(key=self._sort_key(column),
                             reverse=order == Qt.SortOrder.DescendingOrder)
        self._index_rows()
        moved_from = [index for index in self.persistentIndexList()]
        moved_to = [self.index(self._rows[before[index.row()].id], index.column())
                    for index in moved_from]
        self.changePersistentIndexList(moved_from, moved_to)
        self.layoutChanged.emit()

    def _sort_key(self, column: int) -> Callable[[AttendeeRecord], Any]:
        chosen = COLUMNS[column]
        if chosen is Column.ASKED_BY:
            return lambda a: getattr(self._demand.get(a.id), "asked_by", 0)
        if chosen is Column.CAN_MEET:
            return lambda a: getattr(self._demand.get(a.id), "can_meet", 0)
        read = chosen.read
        assert read is not None

        def key(attendee: AttendeeRecord) -> tuple[int, Any]:
            value = read(attendee)  # numbers before text, blanks last, text without case
            if isinstance(value, int):
                return (0, value)
            return (2, "") if value == "" else (1, str(value).casefold())

        return key

    def _index_rows(self) -> None:
        self._rows = {a.id: row for row, a in enumerate(self._attendees)}

    def search_text(self, row: int) -> str:
        attendee = self._attendees[row]
        return " ".join((attendee.name, attendee.organization, attendee.country,
                         attendee.sector, attendee.id)).casefold()

    def attendee_at(self, row: int) -> AttendeeRecord:
        return self._attendees[row]

    def row_of(self, attendee_id: str) -> int | None:
        return self._rows.get(attendee_id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._attendees)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        attendee = self._attendees[index.row()]
        if role == SEARCH_ROLE:
            return self.search_text(index.row())
        demand = self._demand.get(attendee.id)
        if role == Qt.ItemDataRole.BackgroundRole:
            return OVER_SUBSCRIBED if demand is not None and demand.over_subscribed else None
        if role == Qt.ItemDataRole.ToolTipRole:
            busy = f"{demand.describe()}\n" if demand is not None else ""
            return (busy + _("Offers: {offers}").format(offers=attendee.offers) + "\n"
                    + _("Seeks: {seeks}").format(seeks=attendee.seeks))
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
            return _(COLUMNS[section].header)
        return section + 1


class AttendeeFilter(QSortFilterProxyModel):
    """The search box's filter over the attendee model, which does its own sorting."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._needle = ""

    def set_search(self, text: str) -> None:
        # Qt 6.10 replaced invalidateRowsFilter() with a begin/end pair around the change;
        # the project still allows an older PySide6.
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            self._needle = text.strip().casefold()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._needle = text.strip().casefold()
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._needle:
            return True
        model = self.sourceModel()
        assert isinstance(model, AttendeeTableModel)
        return self._needle in model.search_text(source_row)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorted by the model itself (see AttendeeTableModel); the header shows it."""
        model = self.sourceModel()
        if model is not None:
            model.sort(column, order)
