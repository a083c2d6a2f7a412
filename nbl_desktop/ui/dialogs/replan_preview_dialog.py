"""Before a re-plan is applied: whose agenda changes and how, whom to tell, their next
meeting. Apply makes it one undoable step; Discard leaves the schedule as it is."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from nbl_desktop.core.event import EventData
from nbl_desktop.core.event_day.now import slot_label
from nbl_desktop.core.event_day.replanning import DayReplan, notify_list
from nbl_desktop.core.i18n import N_, _, counted

COLUMNS = (N_("Name"), N_("Organization"), N_("What changes"), N_("Next meeting"))


class ReplanPreviewDialog(QDialog):
    """The changes of a re-plan, per attendee, with Apply and Discard."""

    def __init__(self, event: EventData, day: DayReplan, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Re-plan: what changes"))
        self.resize(1000, 520)
        self.day = day
        rows = notify_list(event, day)
        kinds = [c.kind for changes in day.changes.values() for c in changes]
        added, moved, cancelled = (kinds.count(k) for k in ("added", "moved", "cancelled"))
        # Translators: {slot} is where the re-plan starts; the others are counted phrases,
        # e.g. {agendas} "3 agendas change", {kept} "5 later meetings keep their slot and table"
        self.summary_label = QLabel(_(
            "Re-plan from {slot}: {agendas} ({added}, {moved}, {cancelled}, counted per "
            "person); {kept}.").format(
            slot=slot_label(event.settings, day.from_slot),
            agendas=counted(len(rows), "{count} agenda changes", "{count} agendas change"),
            added=counted(added, "{count} meeting added", "{count} meetings added"),
            moved=counted(moved, "{count} moved", "{count} moved"),
            cancelled=counted(cancelled, "{count} cancelled", "{count} cancelled"),
            kept=counted(day.kept, "{count} later meeting keeps its slot and table",
                         "{count} later meetings keep their slot and table"))
            if rows else _("Nothing better was found: the schedule stays as it is."))
        self.summary_label.setWordWrap(True)
        self.table = QTableWidget(len(rows), len(COLUMNS))
        self.table.setHorizontalHeaderLabels([_(column) for column in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for r, row in enumerate(rows):
            for c, text in enumerate((row.name, row.organization, row.changes,
                                      row.next_meeting)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(2, min(self.table.columnWidth(2), 520))
        self.buttons = QDialogButtonBox()
        self.apply_button = self.buttons.addButton(_("Apply"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(_("Discard"), QDialogButtonBox.ButtonRole.RejectRole)
        self.apply_button.setEnabled(bool(rows))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table)
        layout.addWidget(self.buttons)
