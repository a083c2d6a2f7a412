"""Event settings: name, date, the day's slot grid (previewed live as times), breaks, tables.

The slot count can be given directly or as the time the last meeting ends.
Tables are a count (labelled 1…N) or a list of labels ("1-20, B1, B2").
The dialog only reads the values; the main window checks them
(`core.edits.change_settings`), warns about meetings that no longer fit,
and applies them as one undoable edit.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
)

from nbl_desktop.core.clock import format_clock, parse_clock
from nbl_desktop.core.event import EventSettings
from nbl_desktop.core.slot_grid import slot_times

_RANGE = re.compile(r"^(\d+)\s*-\s*(\d+)$")


def parse_breaks(text: str) -> tuple[tuple[int, int], ...]:
    """'12:00-13:00, 15:00-15:15' → minute pairs; ValueError naming the bad part."""
    breaks = []
    for part in (p.strip() for p in re.split(r"[,;]", text) if p.strip()):
        start, dash, end = part.partition("-")
        if not dash:
            raise ValueError(f"Break '{part}': write it as HH:MM-HH:MM.")
        try:
            breaks.append((parse_clock(start.strip()), parse_clock(end.strip())))
        except ValueError as exc:
            raise ValueError(f"Break '{part}': write it as HH:MM-HH:MM.") from exc
    return tuple(sorted(breaks))


def parse_table_labels(text: str) -> tuple[str, ...]:
    """'1-20, B1, B2' → ('1', …, '20', 'B1', 'B2')."""
    labels: list[str] = []
    for part in (p.strip() for p in text.split(",") if p.strip()):
        numbers = _RANGE.match(part)
        if numbers and int(numbers[1]) <= int(numbers[2]):
            labels += [str(n) for n in range(int(numbers[1]), int(numbers[2]) + 1)]
        else:
            labels.append(part)
    return tuple(labels)


def _time(minutes: int) -> QTime:
    return QTime(minutes // 60, minutes % 60)


def _minutes(value: QTime) -> int:
    return value.hour() * 60 + value.minute()


class EventSettingsDialog(QDialog):
    """Edit a copy of the settings; `settings()` reads them back (ValueError if malformed)."""

    def __init__(self, settings: EventSettings, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Event settings")
        self.resize(760, 440)
        self._original = settings
        self.name_edit = QLineEdit(settings.name)
        self.date_edit = QLineEdit(settings.date)
        self.date_edit.setPlaceholderText("YYYY-MM-DD")
        self.start_edit = QTimeEdit(_time(settings.start_minute))
        self.start_edit.setDisplayFormat("HH:mm")
        self.slot_minutes_box = QSpinBox()
        self.slot_minutes_box.setRange(5, 240)
        self.slot_minutes_box.setSuffix(" min")
        self.slot_minutes_box.setValue(settings.slot_minutes)
        self.slots_box = QSpinBox()
        self.slots_box.setRange(1, 200)
        self.slots_box.setValue(settings.slot_count)
        self.end_edit = QTimeEdit()
        self.end_edit.setDisplayFormat("HH:mm")
        self.breaks_edit = QLineEdit(", ".join(f"{format_clock(a)}-{format_clock(b)}"
                                               for a, b in settings.breaks))
        self.breaks_edit.setPlaceholderText("e.g. 12:00-13:00, 15:00-15:15")
        self.tables_box = QSpinBox()
        self.tables_box.setRange(1, 2000)
        self.tables_box.setValue(max(1, len(settings.table_labels)))
        numbered = tuple(str(i) for i in range(1, len(settings.table_labels) + 1))
        self.labels_edit = QLineEdit("" if settings.table_labels == numbered
                                     else ", ".join(settings.table_labels))
        self.labels_edit.setPlaceholderText("empty: 1, 2, 3 …; or e.g. 1-20, B1, B2")
        self.seats_box = QSpinBox()
        self.seats_box.setRange(2, 20)
        self.seats_box.setValue(settings.table_seats)
        self.preview = QListWidget()
        self.capacity_label = QLabel()
        self.problem_label = QLabel()
        self.problem_label.setStyleSheet("color: #a00")
        self.problem_label.setWordWrap(True)

        form = QFormLayout()
        form.addRow("Event name:", self.name_edit)
        form.addRow("Date:", self.date_edit)
        form.addRow("First slot starts:", self.start_edit)
        form.addRow("Slot length:", self.slot_minutes_box)
        slots_row = QHBoxLayout()
        slots_row.addWidget(self.slots_box)
        slots_row.addWidget(QLabel("or the last one ends at"))
        slots_row.addWidget(self.end_edit)
        form.addRow("Slots:", slots_row)
        form.addRow("Breaks:", self.breaks_edit)
        form.addRow("Tables:", self.tables_box)
        form.addRow("Table labels:", self.labels_edit)
        form.addRow("Seats per table:", self.seats_box)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        side = QVBoxLayout()
        side.addWidget(QLabel("The day's slots:"))
        side.addWidget(self.preview)
        side.addWidget(self.capacity_label)
        columns = QHBoxLayout()
        columns.addLayout(form, 3)
        columns.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)

        for edit in (self.name_edit, self.date_edit, self.breaks_edit, self.labels_edit):
            edit.textChanged.connect(self.update_preview)
        for box in (self.slot_minutes_box, self.slots_box, self.tables_box, self.seats_box):
            box.valueChanged.connect(self.update_preview)
        self.start_edit.timeChanged.connect(self.update_preview)
        self.end_edit.editingFinished.connect(self._end_chosen)
        self.update_preview()

    def settings(self) -> EventSettings:
        labels = parse_table_labels(self.labels_edit.text()) or tuple(
            str(i) for i in range(1, self.tables_box.value() + 1))
        return replace(
            self._original, name=self.name_edit.text().strip(),
            date=self.date_edit.text().strip(), start_minute=_minutes(self.start_edit.time()),
            slot_minutes=self.slot_minutes_box.value(), slot_count=self.slots_box.value(),
            breaks=parse_breaks(self.breaks_edit.text()), table_labels=labels,
            table_seats=self.seats_box.value())

    def update_preview(self) -> None:
        """Show the slot times as they would be; a malformed break is named, OK disabled."""
        self.preview.clear()
        try:
            settings = self.settings()
        except ValueError as exc:
            self.problem_label.setText(str(exc))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            return
        self.problem_label.clear()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        self.tables_box.setEnabled(not self.labels_edit.text().strip())
        previous_end = None
        for number, slot in enumerate(slot_times(settings), start=1):
            if previous_end is not None and slot.start > previous_end:
                self.preview.addItem(f"      break {format_clock(previous_end)}–"
                                     f"{format_clock(slot.start)}")
            self.preview.addItem(f"{number:>3}   {slot.label()}")
            previous_end = slot.end
        if previous_end is not None:
            self.end_edit.blockSignals(True)
            self.end_edit.setTime(_time(previous_end % (24 * 60)))
            self.end_edit.blockSignals(False)
        self.capacity_label.setText(
            f"{len(settings.table_labels)} tables × {settings.slot_count} slots = "
            f"{len(settings.table_labels) * settings.slot_count} meeting places")

    def _end_chosen(self) -> None:
        """As many slots as fit before the chosen end (at least one)."""
        try:
            settings = self.settings()
        except ValueError:
            return
        end = _minutes(self.end_edit.time())
        count = 1
        while count < self.slots_box.maximum():
            longer = slot_times(replace(settings, slot_count=count + 1))
            if longer[-1].end > end:
                break
            count += 1
        self.slots_box.setValue(count)
