"""File → Restore backup: the kept copies of the open event, newest first; choose one."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QVBoxLayout

from nbl_desktop.core.i18n import _


class RestoreBackupDialog(QDialog):
    """Pick a backup, shown by its time and why; `chosen` is its place in `backups`."""

    def __init__(self, event_name: str, backups: list[str], parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Restore a backup of {event}").format(event=event_name))
        self.backups = backups
        self.list = QListWidget()
        for backup in backups:
            self.list.addItem(backup)
        self.list.setCurrentRow(0)
        note = QLabel(_("The app keeps a copy of the event before each schedule, re-plan and "
                        "import. The one you choose takes the event's place; what the event "
                        "holds now is kept as the newest backup, so this can be undone the "
                        "same way.") if backups else _("There is no backup of this event yet."))
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(
            _("Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(bool(backups))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.list)
        layout.addWidget(self.buttons)
        self.resize(520, 360)

    @property
    def chosen(self) -> int | None:
        row = self.list.currentRow()
        return row if 0 <= row < len(self.backups) else None
