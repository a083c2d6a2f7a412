"""Edit → Preferences: the window's language (the computer's, or one of the four)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel

from nbl_desktop.core.i18n import LANGUAGES, _


class PreferencesDialog(QDialog):
    """`language()` is the chosen code, or "" to follow the computer."""

    def __init__(self, language: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Preferences"))
        self.language_box = QComboBox()
        self.language_box.addItem(_("The computer's language"), "")
        for code, name in LANGUAGES.items():  # each named in itself, as a menu of languages is
            self.language_box.addItem(name, code)
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(language)))
        note = QLabel(_("The new language is used the next time NBL Desktop starts. Printed "
                        "agendas are in each attendee's own language, whatever this says."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        layout.addRow(_("Language:"), self.language_box)
        layout.addRow(note)
        layout.addRow(buttons)

    def language(self) -> str:
        return str(self.language_box.currentData())
