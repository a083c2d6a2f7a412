"""Edit → Preferences: the dialog, and the choice remembered for the next start."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from nbl_desktop.ui import app_settings
from nbl_desktop.ui.dialogs.preferences_dialog import PreferencesDialog


class PreferencesEditing(QObject):
    """Opens the dialog; what is chosen is stored at once."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.dialog: PreferencesDialog | None = None

    def open_dialog(self) -> None:
        dialog = PreferencesDialog(app_settings.language(), self._window)
        self.dialog = dialog
        dialog.accepted.connect(lambda: app_settings.remember_language(dialog.language()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
