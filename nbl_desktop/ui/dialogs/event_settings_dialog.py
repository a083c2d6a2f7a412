"""Event settings: name, one or more days each with its slot grid (previewed live), tables.

Each day has its date, start, slot length, breaks, and a slot count that can
be given directly or as the time the last meeting ends. Tables are a count
(labelled 1…N) or a list of labels ("1-20, B1, B2"); each table may name its
room and have its own number of seats, and shows whose fixed table it is.
The dialog only reads the values; the main window checks them
(`core.edits.change_settings`), warns about meetings that no longer fit,
and applies them as one undoable edit.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, QTime
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
)

from nbl_desktop.core.clock import format_clock, parse_clock
from nbl_desktop.core.event import EventDay, EventSettings
from nbl_desktop.core.i18n import _, counted
from nbl_desktop.core.locale_formats import date_text
from nbl_desktop.core.slot_grid import day_slot_times, slot_listing, slot_times
from nbl_desktop.ui import file_dialogs, messages

_RANGE = re.compile(r"^(\d+)\s*-\s*(\d+)$")


def parse_breaks(text: str) -> tuple[tuple[int, int], ...]:
    """'12:00-13:00, 15:00-15:15' → minute pairs; ValueError naming the bad part."""
    breaks = []
    for part in (p.strip() for p in re.split(r"[,;]", text) if p.strip()):
        start, dash, end = part.partition("-")
        if not dash:
            raise ValueError(_("Break '{part}': write it as HH:MM-HH:MM.").format(part=part))
        try:
            breaks.append((parse_clock(start.strip()), parse_clock(end.strip())))
        except ValueError as exc:
            raise ValueError(_("Break '{part}': write it as HH:MM-HH:MM.").format(
                part=part)) from exc
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
    """Edit a copy of the settings; `settings()` reads them back (ValueError if malformed).

    `owners` maps a table label to the people who have it as their fixed table.
    """

    def __init__(self, settings: EventSettings, parent: Any = None,
                 owners: dict[str, str] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Event settings"))
        self.resize(900, 600)
        self._original = settings
        self._owners = owners or {}
        self._days: list[EventDay] = list(settings.days())
        self._shown_day = 0
        self._loading = False
        self.name_edit = QLineEdit(settings.name)
        self.venue_edit = QLineEdit(settings.venue)
        self.venue_edit.setPlaceholderText(_("printed on agendas, e.g. Scandic Luleå, hall B"))
        self._logo = settings.logo
        self.logo_label = QLabel()
        self.choose_logo_button = QPushButton(_("Choose…"))
        self.remove_logo_button = QPushButton(_("Remove"))
        self.day_box = QComboBox()
        self.add_day_button = QPushButton(_("Add day"))
        self.remove_day_button = QPushButton(_("Remove day"))
        self.date_edit = QLineEdit()
        self.date_edit.setPlaceholderText(_("YYYY-MM-DD"))
        self.start_edit = QTimeEdit()
        self.start_edit.setDisplayFormat("HH:mm")
        self.slot_minutes_box = QSpinBox()
        self.slot_minutes_box.setRange(5, 240)
        self.slot_minutes_box.setSuffix(_(" min"))
        self.slots_box = QSpinBox()
        self.slots_box.setRange(1, 200)
        self.end_edit = QTimeEdit()
        self.end_edit.setDisplayFormat("HH:mm")
        self.breaks_edit = QLineEdit()
        self.breaks_edit.setPlaceholderText(_("e.g. 12:00-13:00, 15:00-15:15"))
        self.tables_box = QSpinBox()
        self.tables_box.setRange(1, 2000)
        self.tables_box.setValue(max(1, len(settings.table_labels)))
        numbered = tuple(str(i) for i in range(1, len(settings.table_labels) + 1))
        self.labels_edit = QLineEdit("" if settings.table_labels == numbered
                                     else ", ".join(settings.table_labels))
        self.labels_edit.setPlaceholderText(_("empty: 1, 2, 3 …; or e.g. 1-20, B1, B2"))
        self.seats_box = QSpinBox()
        self.seats_box.setRange(2, 20)
        self.seats_box.setValue(settings.table_seats)
        self.tables_table = QTableWidget(0, 4)
        self.tables_table.setHorizontalHeaderLabels(
            [_("Table"), _("Room"), _("Seats"), _("Fixed table of")])
        self.tables_table.horizontalHeader().setStretchLastSection(True)
        self.tables_table.verticalHeader().setVisible(False)
        self.tables_table.verticalHeader().setDefaultSectionSize(24)
        self.tables_table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self._details = {label: (settings.room_of(t), settings.seats_of(t))
                         for t, label in enumerate(settings.table_labels)}
        self.preview = QListWidget()
        self.capacity_label = QLabel()
        self.problem_label = QLabel()
        self.problem_label.setStyleSheet("color: #a00")
        self.problem_label.setWordWrap(True)

        form = QFormLayout()
        form.addRow(_("Event name:"), self.name_edit)
        form.addRow(_("Venue:"), self.venue_edit)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_label, 1)
        logo_row.addWidget(self.choose_logo_button)
        logo_row.addWidget(self.remove_logo_button)
        form.addRow(_("Logo on agendas:"), logo_row)
        day_row = QHBoxLayout()
        day_row.addWidget(self.day_box, 1)
        day_row.addWidget(self.add_day_button)
        day_row.addWidget(self.remove_day_button)
        form.addRow(_("Day:"), day_row)
        form.addRow(_("Date:"), self.date_edit)
        form.addRow(_("First slot starts:"), self.start_edit)
        form.addRow(_("Slot length:"), self.slot_minutes_box)
        slots_row = QHBoxLayout()
        slots_row.addWidget(self.slots_box)
        slots_row.addWidget(QLabel(_("or the last one ends at")))
        slots_row.addWidget(self.end_edit)
        form.addRow(_("Slots:"), slots_row)
        form.addRow(_("Breaks:"), self.breaks_edit)
        form.addRow(_("Tables:"), self.tables_box)
        form.addRow(_("Table labels:"), self.labels_edit)
        form.addRow(_("Seats per table:"), self.seats_box)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(QLabel(_("Rooms, seats and booths (type a room or other seats per table):")))
        left.addWidget(self.tables_table)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        side = QVBoxLayout()
        side.addWidget(QLabel(_("The event's slots:")))
        side.addWidget(self.preview)
        side.addWidget(self.capacity_label)
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)

        self._list_days()
        self._show_day(0)
        self._fill_tables_table()
        for edit in (self.name_edit, self.date_edit, self.breaks_edit):
            edit.textChanged.connect(self.update_preview)
        self.labels_edit.textChanged.connect(self._tables_changed)
        self.tables_box.valueChanged.connect(self._tables_changed)
        self.seats_box.valueChanged.connect(self._tables_changed)
        for box in (self.slot_minutes_box, self.slots_box):
            box.valueChanged.connect(self.update_preview)
        self.start_edit.timeChanged.connect(self.update_preview)
        self.end_edit.editingFinished.connect(self._end_chosen)
        self.tables_table.itemChanged.connect(self._table_detail_edited)
        self.day_box.currentIndexChanged.connect(self._day_chosen)
        self.add_day_button.clicked.connect(self.add_day)
        self.choose_logo_button.clicked.connect(self.ask_logo)
        self.remove_logo_button.clicked.connect(lambda: self.set_logo(b""))
        self._show_logo()
        self.remove_day_button.clicked.connect(self.remove_day)
        self.update_preview()

    # -- the logo ------------------------------------------------------------------

    def ask_logo(self) -> None:
        path = file_dialogs.ask_logo_path(self)
        if path is None:
            return
        try:
            data = path.read_bytes()
        except OSError as exc:
            messages.show_error(self, _("Cannot read the logo"),
                                f"{path}: {exc.strerror or exc}.")
            return
        if QImage.fromData(data).isNull():
            messages.show_error(self, _("Not a picture"), _(
                "{path} is not a picture NBL Desktop can read. Choose a PNG or JPEG "
                "file.").format(path=path))
            return
        self.set_logo(data)

    def set_logo(self, data: bytes) -> None:
        self._logo = data
        self._show_logo()

    def _show_logo(self) -> None:
        picture = QImage.fromData(self._logo) if self._logo else QImage()
        if picture.isNull():
            self.logo_label.setPixmap(QPixmap())
            self.logo_label.setText(_("(none)"))
        else:
            self.logo_label.setPixmap(QPixmap.fromImage(picture).scaledToHeight(
                32, Qt.TransformationMode.SmoothTransformation))
        self.remove_logo_button.setEnabled(bool(self._logo))

    # -- reading the fields back ---------------------------------------------------

    def settings(self) -> EventSettings:
        self._days[self._shown_day] = self._day_in_fields()
        labels = self._labels()
        rooms = tuple(self._detail(label)[0] for label in labels)
        seats = tuple(self._own_seats(label) for label in labels)
        return replace(self._original, name=self.name_edit.text().strip(),
                       venue=self.venue_edit.text().strip(), logo=self._logo,
                       table_labels=labels,
                       table_seats=self.seats_box.value(), table_rooms=rooms,
                       table_seat_counts=seats).with_days(tuple(self._days))

    def _day_in_fields(self) -> EventDay:
        return EventDay(date=self.date_edit.text().strip(),
                        start_minute=_minutes(self.start_edit.time()),
                        slot_minutes=self.slot_minutes_box.value(),
                        slot_count=self.slots_box.value(),
                        breaks=parse_breaks(self.breaks_edit.text()))

    def _labels(self) -> tuple[str, ...]:
        return parse_table_labels(self.labels_edit.text()) or tuple(
            str(i) for i in range(1, self.tables_box.value() + 1))

    def _detail(self, label: str) -> tuple[str, int]:
        """The table's room and seats as typed (0: not typed)."""
        return self._details.get(label, ("", 0))

    def _own_seats(self, label: str) -> int:
        seats = self._detail(label)[1]
        return 0 if seats in (0, self.seats_box.value()) else seats

    # -- days ------------------------------------------------------------------------

    def add_day(self) -> None:
        """A new day like the last one, the date one day later when it is a date."""
        try:
            self._days[self._shown_day] = self._day_in_fields()
        except ValueError:
            return
        last = self._days[-1]
        self._days.append(replace(last, date=_next_date(last.date)))
        self._list_days()
        self.day_box.setCurrentIndex(len(self._days) - 1)

    def remove_day(self) -> None:
        if len(self._days) < 2:
            return
        del self._days[self._shown_day]
        self._shown_day = min(self._shown_day, len(self._days) - 1)
        self._list_days()
        self._show_day(self._shown_day)
        self.update_preview()

    def _day_chosen(self, index: int) -> None:
        if self._loading or index < 0 or index == self._shown_day:
            return
        try:
            self._days[self._shown_day] = self._day_in_fields()
        except ValueError:
            self._loading = True
            self.day_box.setCurrentIndex(self._shown_day)  # fix the malformed break first
            self._loading = False
            return
        self._show_day(index)
        self.update_preview()

    def _list_days(self) -> None:
        self._loading = True
        self.day_box.clear()
        for number, day in enumerate(self._days):
            self.day_box.addItem(_day_title(number, day))
        self.day_box.setCurrentIndex(self._shown_day)
        self.remove_day_button.setEnabled(len(self._days) > 1)
        self._loading = False

    def _show_day(self, index: int) -> None:
        self._loading = True
        self._shown_day = index
        day = self._days[index]
        self.day_box.setCurrentIndex(index)
        self.date_edit.setText(day.date)
        self.start_edit.setTime(_time(day.start_minute))
        self.slot_minutes_box.setValue(day.slot_minutes)
        self.slots_box.setValue(day.slot_count)
        self.breaks_edit.setText(", ".join(f"{format_clock(a)}-{format_clock(b)}"
                                           for a, b in day.breaks))
        self._loading = False

    # -- tables ----------------------------------------------------------------------

    def _tables_changed(self) -> None:
        self._fill_tables_table()
        self.update_preview()

    def _fill_tables_table(self) -> None:
        self._loading = True
        labels = self._labels()
        self.tables_table.setRowCount(len(labels))
        for row, label in enumerate(labels):
            room, seats = self._detail(label)
            cells = [label, room, str(seats or self.seats_box.value()),
                     self._owners.get(label, "")]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (0, 3):
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.tables_table.setItem(row, column, item)
        self._loading = False

    def _table_detail_edited(self, item: QTableWidgetItem) -> None:
        if self._loading or item.column() not in (1, 2):
            return
        label = self.tables_table.item(item.row(), 0).text()
        room, seats = self._detail(label)
        if item.column() == 1:
            room = item.text().strip()
        else:
            try:
                seats = int(item.text())
            except ValueError:
                seats = -1
        self._details[label] = (room, seats)
        self.update_preview()

    # -- the preview -----------------------------------------------------------------

    def update_preview(self) -> None:
        """Show the slot times as they would be; a malformed value is named, OK disabled."""
        if self._loading:
            return
        self.preview.clear()
        try:
            settings = self.settings()
            bad = [label for label in settings.table_labels
                   if self._detail(label)[1] != 0 and not 2 <= self._detail(label)[1] <= 99]
            if bad:
                raise ValueError(_("Table {table}: seats must be a number from 2 to 99.").format(
                    table=bad[0]))
        except ValueError as exc:
            self.problem_label.setText(str(exc))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            return
        self.problem_label.clear()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        self.tables_box.setEnabled(not self.labels_edit.text().strip())
        self._list_days_names()
        slots = slot_times(settings)
        for line in slot_listing(slots):
            if line.kind == "slot":
                self.preview.addItem(f"{line.slot + 1:>3}   {line.text}")
            else:
                shown = (f"— {line.text} —" if line.kind == "day"
                         else _("break {times}").format(times=line.text))
                self.preview.addItem(f"      {shown}")
        shown_day_ends = max(s.end for s in slots if s.day == self._shown_day)
        self.end_edit.blockSignals(True)
        self.end_edit.setTime(_time(shown_day_ends % (24 * 60)))
        self.end_edit.blockSignals(False)
        days = len(settings.days())
        places = len(settings.table_labels) * settings.total_slots
        self.capacity_label.setText(
            counted(len(settings.table_labels), "{count} table", "{count} tables") + " × "
            + counted(settings.total_slots, "{count} slot", "{count} slots")
            + (" " + counted(days, "over {count} day", "over {count} days") if days > 1 else "")
            + " = " + counted(places, "{count} meeting place", "{count} meeting places"))

    def _list_days_names(self) -> None:
        for number, day in enumerate(self._days):
            self.day_box.setItemText(number, _day_title(number, day))

    def _end_chosen(self) -> None:
        """As many slots on the shown day as fit before the chosen end (at least one)."""
        try:
            day = self._day_in_fields()
        except ValueError:
            return
        end = _minutes(self.end_edit.time())
        count = 1
        while count < self.slots_box.maximum():
            longer = day_slot_times(replace(day, slot_count=count + 1))
            if longer[-1].end > end:
                break
            count += 1
        self.slots_box.setValue(count)


def _day_title(number: int, day: EventDay) -> str:
    """'Day 2 — 2027-03-11' for the day at 0-based `number`."""
    title = _("Day {number}").format(number=number + 1)
    return f"{title} — {date_text(day.date)}" if day.date else title


def _next_date(text: str) -> str:
    try:
        return (dt.date.fromisoformat(text) + dt.timedelta(days=1)).isoformat()
    except ValueError:
        return ""
