"""The schedule as a grid: a row per slot (with its times), a column per table.

Locked meetings are tinted, must-meets in bold, and meetings that break a hard
rule (left behind by an edit of a person) red, with the rule in the tooltip.
A meeting can be dragged to another cell: the model only announces
`move_requested(from, to)`; the main window checks the hard rules and makes
the undoable edit, or says why not.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from nbl_desktop.core.event import EventData, MeetingRecord
from nbl_desktop.core.i18n import _
from nbl_desktop.core.meeting_checks import ConflictChecker
from nbl_desktop.core.slot_grid import SlotTime, slot_times

Index = QModelIndex | QPersistentModelIndex
LOCKED_BACKGROUND = QColor("#fff2cc")
CONFLICT_BACKGROUND = QColor("#f4c7c3")
MEETING_MIME = "application/x-nbl-meeting"
_FEW_CELLS = 200  # more changed cells than this: one signal for the whole grid
_BOLD = QFont()
_BOLD.setBold(True)


class ScheduleGridModel(QAbstractTableModel):
    """Cells show both parties of the meeting at that slot and table."""

    move_requested = Signal(int, int, int, int)  # from slot, from table, to slot, to table

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._must: set[frozenset[str]] = set()
        self._slots: list[SlotTime] = []
        self._tables: tuple[str, ...] = ()
        self._cells: dict[tuple[int, int], MeetingRecord] = {}
        self._names: dict[str, str] = {}
        self._checker: ConflictChecker | None = None
        self._conflicts: dict[MeetingRecord, str | None] = {}  # checked so far

    def set_event(self, event: EventData | None) -> None:
        self.beginResetModel()
        self._conflicts = {}
        if event is None:
            self._slots, self._tables, self._cells, self._names = [], (), {}, {}
            self._must, self._checker = set(), None
        else:
            self._checker = ConflictChecker(event)
            self._slots = slot_times(event.settings)
            self._tables = event.settings.table_labels
            self._cells = {(m.slot, m.table): m for m in event.meetings}
            self._must = {frozenset((r.requester, r.requested)) for r in event.requests
                          if r.priority == 3}
            self._names = {
                a.id: f"{a.name} ({a.organization})" if a.organization else a.name
                for a in event.attendees
            }
        self.endResetModel()

    def update_event(self, event: EventData, cells: frozenset[tuple[int, int]] | None) -> None:
        """The same slots and tables, with meetings or people changed: only meetings in
        `cells` (None: people too, so any cell may show different names). Those cells are
        repainted and the rest of the view (selection, scrolling) stays as it is; a reset
        of the whole grid held the window a fifth of a second at 3,000 people."""
        if slot_times(event.settings) != self._slots or event.settings.table_labels != \
                self._tables:
            self.set_event(event)
            return
        self._checker = ConflictChecker(event)
        self._conflicts = {}
        if cells is None:
            self._cells = {(m.slot, m.table): m for m in event.meetings}
            self._must = {frozenset((r.requester, r.requested)) for r in event.requests
                          if r.priority == 3}
            self._names = {a.id: f"{a.name} ({a.organization})" if a.organization else a.name
                           for a in event.attendees}
        else:  # only these cells' meetings changed: people and wishes are as they were
            now = {(m.slot, m.table): m for m in event.meetings if (m.slot, m.table) in cells}
            for cell in cells:
                if cell in now:
                    self._cells[cell] = now[cell]
                else:
                    self._cells.pop(cell, None)
        if not self._slots or not self._tables:
            return
        if cells is None or len(cells) > _FEW_CELLS:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._slots) - 1, len(self._tables) - 1))
            return
        for slot, table in cells:
            if slot < len(self._slots) and table < len(self._tables):
                cell = self.index(slot, table)
                self.dataChanged.emit(cell, cell)

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
        must = frozenset((meeting.a, meeting.b)) in self._must
        broken = self._broken_rule(meeting)
        if role == Qt.ItemDataRole.ToolTipRole:
            return text + ("\n" + _("Must meet") if must else "") + (
                "\n" + _("Locked: the next schedule keeps it here") if meeting.locked else "") + (
                # Translators: {rule} is the rule the meeting breaks, e.g. "Kari is away then"
                "\n" + _("Breaks a rule: {rule}; move it, delete it or schedule again").format(
                    rule=broken) if broken else "")
        if role == Qt.ItemDataRole.BackgroundRole and broken:
            return QBrush(CONFLICT_BACKGROUND)
        if role == Qt.ItemDataRole.BackgroundRole and meeting.locked:
            return QBrush(LOCKED_BACKGROUND)
        if role == Qt.ItemDataRole.FontRole and must:
            return _BOLD
        return None

    def _broken_rule(self, meeting: MeetingRecord) -> str | None:
        if meeting not in self._conflicts and self._checker is not None:
            self._conflicts[meeting] = self._checker.reason(meeting)
        return self._conflicts.get(meeting)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid():
            return base
        base |= Qt.ItemFlag.ItemIsDropEnabled
        if (index.row(), index.column()) in self._cells:
            base |= Qt.ItemFlag.ItemIsDragEnabled
        return base

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MEETING_MIME]

    def mimeData(self, indexes: Any) -> QMimeData:
        data = QMimeData()
        cells = [f"{i.row()},{i.column()}" for i in indexes if i.isValid()][:1]
        data.setData(MEETING_MIME, QByteArray(";".join(cells).encode()))
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: Index) -> bool:
        return data.hasFormat(MEETING_MIME) and parent.isValid()

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: Index) -> bool:
        """Announce the move; the grid changes only when the edit is made (and reloaded)."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        text = bytes(data.data(MEETING_MIME).data()).decode()
        if not text:
            return False
        from_slot, from_table = (int(v) for v in text.split(","))
        self.move_requested.emit(from_slot, from_table, parent.row(), parent.column())
        return False  # the view must not remove the dragged cell itself

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            # Translators: a column of the schedule grid; {label} is the table's number or name
            return _("Table {label}").format(label=self._tables[section])
        return self._slots[section].label()
