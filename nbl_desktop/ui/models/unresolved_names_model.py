"""Wished-for names the importer would not guess, one row per name as written.

Columns: the name, where it was written, and whom the organizer says it
means (editable: an attendee ID, shown as its label). A name written in
several rows is one row here, so one answer resolves every row.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from nbl_desktop.core.i18n import N_, _, n_
from nbl_desktop.core.importing.choices import name_key
from nbl_desktop.core.importing.import_report import UnresolvedName

Index = QModelIndex | QPersistentModelIndex
CANDIDATES_ROLE = Qt.ItemDataRole.UserRole + 1  # (attendee ID, label) pairs, best first
NOT_CHOSEN = N_("— click to choose —")


class Column(enum.IntEnum):
    """The columns, in order."""

    WRITTEN = 0
    WHERE = 1
    MEANS = 2


HEADERS = {Column.WRITTEN: N_("Name as written"), Column.WHERE: N_("Where"),
           Column.MEANS: N_("Means")}


@dataclass
class _Row:
    key: str
    written: str
    places: list[str]
    candidates: tuple[tuple[str, str], ...]
    chosen: str = ""  # attendee ID


class UnresolvedNamesModel(QAbstractTableModel):
    """Edits of the MEANS column are announced by `chosen(name_key, attendee_id)`."""

    chosen = Signal(str, str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []
        self._labels: dict[str, str] = {}

    def set_names(self, names: list[UnresolvedName], labels: dict[str, str]) -> None:
        """The names still unclear; `labels` names every attendee for display."""
        rows: dict[str, _Row] = {}
        for name in names:
            key = name_key(name.written)
            # Translators: where a name was written: "day.xlsx row 4"
            place = _("{file} row {row}").format(file=name.entry.file.name, row=name.entry.row)
            if key in rows:
                rows[key].places.append(place)
            else:
                rows[key] = _Row(key, name.written, [place], name.candidates)
        self.beginResetModel()
        self._rows = list(rows.values())
        self._labels = dict(labels)
        for row in self._rows:
            self._labels.update(row.candidates)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == Column.MEANS:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        if role == CANDIDATES_ROLE:
            return row.candidates
        if role == Qt.ItemDataRole.EditRole and column == Column.MEANS:
            return row.chosen
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.WHERE:
            return "\n".join(row.places)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == Column.WRITTEN:
            return row.written
        if column == Column.WHERE:
            if len(row.places) == 1:
                return row.places[0]
            more = len(row.places) - 1
            # Translators: {place} is where the name was first written: "day.xlsx row 4"
            return n_("{place} and {count} more", "{place} and {count} more", more).format(
                place=row.places[0], count=more)
        return self._labels.get(row.chosen, _(NOT_CHOSEN)) if row.chosen else _(NOT_CHOSEN)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (not index.isValid() or index.column() != Column.MEANS
                or role != Qt.ItemDataRole.EditRole or value not in self._labels):
            return False
        row = self._rows[index.row()]
        row.chosen = str(value)
        self.dataChanged.emit(index, index)
        self.chosen.emit(row.key, row.chosen)
        return True

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return _(HEADERS[Column(section)])
        return section + 1

    def labels(self) -> dict[str, str]:
        """Every attendee the names may mean: ID -> label."""
        return self._labels
