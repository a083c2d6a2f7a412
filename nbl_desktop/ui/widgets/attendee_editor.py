"""The selected person's details as a form; each field is written as soon as it is left.

The form only announces `edited(AttendeeRecord)` with the new values; the
main window turns that into an undoable edit (`core.edits.change_attendee`)
and shows the reason when the edit is refused (the form then shows the
stored values again).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from nbl_desktop.core.clock import parse_clock
from nbl_desktop.core.event import AttendeeRecord
from nbl_desktop.core.i18n import N_, _
from nbl_desktop.core.locale_formats import clock_text

LANGUAGES = (("", "—"), ("en", "English"), ("nb", "Norsk"), ("sv", "Svenska"), ("fi", "Suomi"))
TEXT_FIELDS = (("name", N_("Name")), ("organization", N_("Organization")),
               ("country", N_("Country")), ("email", N_("Email")), ("sector", N_("Sector")),
               ("offers", N_("Offers")), ("seeks", N_("Seeks")),
               ("delegation", N_("Delegation")))
NO_LIMIT = N_("no limit")


class _NotesEdit(QPlainTextEdit):
    """A plain text box that reports when it is left, like a line edit."""

    left = Signal()

    def focusOutEvent(self, event: Any) -> None:
        super().focusOutEvent(event)
        self.left.emit()


class AttendeeEditor(QWidget):
    """Fields of one attendee; disabled while nobody is selected."""

    edited = Signal(object)  # AttendeeRecord
    invalid = Signal(str)  # why the form's values cannot be an attendee

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.attendee: AttendeeRecord | None = None
        layout = QFormLayout(self)
        self.text_edits: dict[str, QLineEdit] = {}
        for name, label in TEXT_FIELDS:
            edit = QLineEdit()
            edit.editingFinished.connect(self._commit)
            self.text_edits[name] = edit
            layout.addRow(_("{field}:").format(field=_(label)), edit)
        self.language_box = QComboBox()
        for code, label in LANGUAGES:
            self.language_box.addItem(label, code)
        self.language_box.activated.connect(self._commit)
        layout.insertRow(4, _("Agenda language:"), self.language_box)
        self.from_edit, self.until_edit = QLineEdit(), QLineEdit()
        for edit in (self.from_edit, self.until_edit):
            edit.setPlaceholderText(_("HH:MM (empty: all day)"))
            edit.editingFinished.connect(self._commit)
        layout.addRow(_("Available from:"), self.from_edit)
        layout.addRow(_("Available until:"), self.until_edit)
        self.max_box = QSpinBox()
        self.max_box.setRange(0, 99)
        self.max_box.setSpecialValueText(_(NO_LIMIT))
        self.party_box = QSpinBox()
        self.party_box.setRange(1, 20)
        for box in (self.max_box, self.party_box):
            box.editingFinished.connect(self._commit)
        layout.addRow(_("Max meetings:"), self.max_box)
        layout.addRow(_("Party size:"), self.party_box)
        self.table_box = QComboBox()
        self.table_box.activated.connect(self._commit)
        layout.addRow(_("Fixed table:"), self.table_box)
        self.notes_edit = _NotesEdit()
        self.notes_edit.setMaximumHeight(70)
        self.notes_edit.left.connect(self._commit)
        layout.addRow(_("Notes:"), self.notes_edit)
        self.show_attendee(None, ())

    def show_attendee(self, attendee: AttendeeRecord | None, tables: tuple[str, ...]) -> None:
        """Fill the form (None: empty and disabled); nothing is announced."""
        self.attendee = None  # no commits while filling
        self.setEnabled(attendee is not None)
        record = attendee or AttendeeRecord("", "")
        for name, edit in self.text_edits.items():
            edit.setText(getattr(record, name))
        self.language_box.setCurrentIndex(max(self.language_box.findData(record.language), 0))
        self.from_edit.setText(_clock(record.available_from))
        self.until_edit.setText(_clock(record.available_until))
        self.max_box.setValue(record.max_meetings or 0)
        self.party_box.setValue(record.party_size)
        self.table_box.clear()
        self.table_box.addItem("—", "")
        for label in tables:
            self.table_box.addItem(label, label)
        self.table_box.setCurrentIndex(max(self.table_box.findData(record.fixed_table), 0))
        self.notes_edit.setPlainText(record.notes)
        self.attendee = attendee

    def values(self) -> AttendeeRecord | None:
        """The attendee with the form's values; ValueError for a time that is not one."""
        if self.attendee is None:
            return None
        texts = {name: edit.text().strip() for name, edit in self.text_edits.items()}
        return replace(
            self.attendee, **texts,
            language=self.language_box.currentData(),
            available_from=_minutes(self.from_edit.text(), _("Available from")),
            available_until=_minutes(self.until_edit.text(), _("Available until")),
            max_meetings=self.max_box.value() or None, party_size=self.party_box.value(),
            fixed_table=self.table_box.currentData(), notes=self.notes_edit.toPlainText())

    def _commit(self) -> None:
        if self.attendee is None:
            return
        try:
            changed = self.values()
        except ValueError as exc:
            self.invalid.emit(str(exc))
            return
        if changed is not None and changed != self.attendee:
            self.edited.emit(changed)


def _clock(minutes: int | None) -> str:
    return "" if minutes is None else clock_text(minutes)


def _minutes(text: str, label: str) -> int | None:
    if not text.strip():
        return None
    try:
        return parse_clock(text.strip())
    except ValueError as exc:
        # Translators: {field} is "Available from" or "Available until"
        raise ValueError(_("{field}: '{text}' is not a time; write it as HH:MM.").format(
            field=label, text=text)) from exc
