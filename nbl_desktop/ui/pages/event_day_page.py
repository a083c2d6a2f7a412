"""The "Event day" tab: the desk's view. Check-in by typing a few letters and Enter, who is
still expected (by first meeting), no-shows, late arrivals, early leaves and walk-ins, "now",
the re-plan of the rest of the day, reprinting what changed, meetings held, the change log.

The page shows and asks; the event session writes. Edits go out as `edit_made`
(functions event -> Edit, performed as undoable steps); desk records
(check-in, held, now) go to the session, which commits each at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nbl_desktop.core import edits, meeting_checks
from nbl_desktop.core.clock import now_stamp, parse_clock
from nbl_desktop.core.edits import new_attendee_id
from nbl_desktop.core.event import AttendeeRecord, EventData
from nbl_desktop.core.event_day import day_edits
from nbl_desktop.core.event_day.now import slot_label, slot_now
from nbl_desktop.core.i18n import _
from nbl_desktop.core.locale_formats import clock_text, date_text
from nbl_desktop.core.parties import parties_of
from nbl_desktop.core.slot_grid import slot_times
from nbl_desktop.ui.event_session import EventSession
from nbl_desktop.ui.widgets.list_search import show_matching

ID_ROLE = Qt.ItemDataRole.UserRole
MUST_MEET = 3
CLOCK_REFRESH_MS = 30_000


def ask_time(parent: QWidget, title: str, label: str) -> int | None:
    """A clock time typed by the organizer (minutes), None when cancelled or unreadable."""
    text, ok = QInputDialog.getText(parent, title, label, text="")
    if not ok:
        return None
    try:
        return parse_clock(text)
    except ValueError:
        return None


def ask_table(parent: QWidget, labels: tuple[str, ...]) -> int | None:
    """Which table is out of use (its index), None when cancelled."""
    label, ok = QInputDialog.getItem(parent, _("Table out of use"),
                                     _("Which table is out of use from now on?"), list(labels),
                                     0, False)
    return labels.index(label) if ok and label in labels else None


class WalkInDialog(QDialog):
    """A new attendee at the desk: name, organization, country, and whom they must meet."""

    def __init__(self, event: EventData, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Walk-in"))
        self.name_edit = QLineEdit()
        self.organization_edit = QLineEdit()
        self.country_edit = QLineEdit()
        self.must_meet_box = QComboBox()
        self.must_meet_box.setEditable(True)
        self.must_meet_box.addItem(_("(nobody)"), "")
        _add_people(self.must_meet_box, event)
        form = QFormLayout(self)
        form.addRow(_("Name:"), self.name_edit)
        form.addRow(_("Organization:"), self.organization_edit)
        form.addRow(_("Country:"), self.country_edit)
        form.addRow(_("Must meet:"), self.must_meet_box)
        form.addRow(_ok_cancel(self))

    def walk_in(self, event: EventData) -> tuple[AttendeeRecord, list[tuple[str, int]]]:
        person = AttendeeRecord(new_attendee_id(event), self.name_edit.text().strip(),
                                self.organization_edit.text().strip(),
                                self.country_edit.text().strip().upper())
        must = str(self.must_meet_box.currentData() or "")
        return person, ([(must, 3)] if must else [])


def _add_people(box: QComboBox, event: EventData) -> None:
    """Every attendee by name, as 'Name (Organization)', with the id as item data."""
    for person in sorted(event.attendees, key=lambda a: a.name.casefold()):
        box.addItem(meeting_checks.who(person), person.id)


def _ok_cancel(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class MustMeetDialog(QDialog):
    """Two people agree at the desk that they must meet today."""

    def __init__(self, event: EventData, first: str | None, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("New must-meet"))
        self.first_box, self.second_box = QComboBox(), QComboBox()
        for box in (self.first_box, self.second_box):
            _add_people(box, event)
        if first is not None:
            self.first_box.setCurrentIndex(self.first_box.findData(first))
        form = QFormLayout(self)
        form.addRow(_("Who:"), self.first_box)
        form.addRow(_("must meet:"), self.second_box)
        form.addRow(_ok_cancel(self))


def ask_must_meet(parent: QWidget, event: EventData, first: str | None
                  ) -> tuple[str, str] | None:
    """(requester, requested) of a must-meet agreed at the desk, None when cancelled."""
    dialog = MustMeetDialog(event, first, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return str(dialog.first_box.currentData()), str(dialog.second_box.currentData())


def ask_walk_in(parent: QWidget, event: EventData
                ) -> tuple[AttendeeRecord, list[tuple[str, int]]] | None:
    dialog = WalkInDialog(event, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.walk_in(event)


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class EventDayPage(QWidget):
    """The desk. `edit_made` carries a function event -> Edit for the window to perform."""

    edit_made = Signal(object)
    replan_requested = Signal(int)  # from this slot
    reprint_requested = Signal()
    day_recorded = Signal()  # a check-in, held mark or "now" was written

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.shown: EventData | None = None
        self.session: EventSession | None = None
        self.clock: Callable[[], dt.datetime] = dt.datetime.now
        self.now_box = QSpinBox()
        self.now_box.setMinimum(1)
        self.follow_clock_box = QCheckBox(_("Follow the clock"))
        self.now_label = QLabel()
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(_("Check in: type a few letters of a name or "
                                              "organization, then Enter"))
        self.search_edit.setClearButtonEnabled(True)
        self.arrived_label = QLabel()
        self.expected_list = QListWidget()
        self.arrived_list = QListWidget()
        self.no_show_button = QPushButton(_("No-show from now"))
        self.late_button = QPushButton(_("Arrives late…"))
        self.leave_button = QPushButton(_("Leaves early…"))
        self.walk_in_button = QPushButton(_("Walk-in…"))
        self.close_table_button = QPushButton(_("Table out of use…"))
        self.must_meet_button = QPushButton(_("New must-meet…"))
        self.replan_button = QPushButton(_("Re-plan from now…"))
        self.reprint_button = QPushButton(_("Reprint what changed…"))
        self.reprint_button.setToolTip(_("The agendas and table cards that differ from what "
                                         "was last printed, in one print run"))
        self.held_slot_box = QSpinBox()
        self.held_slot_box.setMinimum(1)
        self.held_list = QListWidget()
        self.log_list = QListWidget()
        self._filling = False

        self.now_label.setWordWrap(True)
        now_row = QHBoxLayout()
        now_row.addWidget(QLabel(_("Now:")))
        now_row.addWidget(self.now_box)
        now_row.addWidget(self.follow_clock_box)
        now_row.addWidget(self.now_label, 1)
        now_row.addWidget(self.replan_button)
        now_row.addWidget(self.reprint_button)
        people_buttons = QGridLayout()
        for i, button in enumerate((self.no_show_button, self.late_button, self.leave_button,
                                    self.walk_in_button, self.must_meet_button,
                                    self.close_table_button)):
            people_buttons.addWidget(button, i // 3, i % 3)
        check_in = QGroupBox(_("Check-in"))
        check_in_layout = QVBoxLayout(check_in)
        check_in_layout.addWidget(self.search_edit)
        check_in_layout.addWidget(self.arrived_label)
        lists = QHBoxLayout()
        expected = QVBoxLayout()
        expected.addWidget(_wrapped(_("Expected, not arrived yet (by first meeting):")))
        expected.addWidget(self.expected_list)
        arrived = QVBoxLayout()
        arrived.addWidget(_wrapped(_("Arrived (double-click to undo):")))
        arrived.addWidget(self.arrived_list)
        lists.addLayout(expected, 3)
        lists.addLayout(arrived, 2)
        check_in_layout.addLayout(lists)
        check_in_layout.addLayout(people_buttons)
        held = QGroupBox(_("Meetings held"))
        held.setToolTip(_("Every meeting is held unless you untick it."))
        held_layout = QVBoxLayout(held)
        held_row = QHBoxLayout()
        held_row.addWidget(QLabel(_("Slot:")))
        held_row.addWidget(self.held_slot_box)
        held_row.addStretch(1)
        held_layout.addLayout(held_row)
        held_layout.addWidget(self.held_list)
        log = QGroupBox(_("Change log"))
        log_layout = QVBoxLayout(log)
        log_layout.addWidget(self.log_list)
        side = QVBoxLayout()
        side.addWidget(held, 3)
        side.addWidget(log, 2)
        columns = QHBoxLayout()
        columns.addWidget(check_in, 3)
        columns.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(now_row)
        layout.addLayout(columns)

        self.search_edit.textChanged.connect(
            lambda text: show_matching(self.expected_list, text))
        self.search_edit.returnPressed.connect(self.check_in_first_match)
        self.expected_list.itemActivated.connect(lambda item: self.check_in(item.data(ID_ROLE)))
        self.arrived_list.itemDoubleClicked.connect(
            lambda item: self.check_in(item.data(ID_ROLE), arrived=False))
        self.follow_clock_box.toggled.connect(self._follow_clock_toggled)
        self.now_box.valueChanged.connect(self._now_typed)
        self.held_slot_box.valueChanged.connect(self._fill_held)
        self.held_list.itemChanged.connect(self._held_changed)
        self.no_show_button.clicked.connect(self.mark_no_show)
        self.late_button.clicked.connect(self.ask_late_arrival)
        self.leave_button.clicked.connect(self.ask_early_leave)
        self.walk_in_button.clicked.connect(self.ask_walk_in)
        self.close_table_button.clicked.connect(self.ask_close_table)
        self.must_meet_button.clicked.connect(self.ask_new_must_meet)
        self.replan_button.clicked.connect(lambda: self.replan_requested.emit(self.now()))
        self.reprint_button.clicked.connect(self.reprint_requested.emit)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._clock_ticked)
        self.timer.start(CLOCK_REFRESH_MS)

    # -- showing ----------------------------------------------------------------------

    def show_event(self, event: EventData | None, session: EventSession | None) -> None:
        """Show this event; while the tab is hidden, only remember it (filling the lists
        of 1,000 people after every edit would cost the window its smoothness)."""
        self.shown, self.session = event, session
        self.setEnabled(event is not None)
        self._stale = not self.isVisible()
        if event is None or session is None or not session.is_open or self._stale:
            return
        self._fill()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and self.shown is not None and self.session is not None:
            self._stale = False
            self._fill()

    def _fill(self) -> None:
        assert self.shown is not None and self.session is not None
        event, session = self.shown, self.session
        self._filling = True
        total = event.settings.total_slots
        self.now_box.setMaximum(total + 1)
        self.held_slot_box.setMaximum(max(1, total))
        manual = session.now_slot()
        self.follow_clock_box.setChecked(manual is None)
        self.now_box.setEnabled(manual is not None)
        self.now_box.setValue(self.now() + 1)
        self._filling = False
        self._show_now()
        self._fill_people()
        self._fill_held()
        self._fill_log()

    def now(self) -> int:
        """The first slot not yet happened (0-based): set by hand, or from the clock."""
        if self.shown is None or self.session is None:
            return 0
        manual = self.session.now_slot()
        return manual if manual is not None else slot_now(self.shown.settings, self.clock())

    def _show_now(self) -> None:
        assert self.shown is not None
        now = self.now()
        self.now_label.setText(_("Slots before {slot} have happened and stay as they are.")
                               .format(slot=slot_label(self.shown.settings, now)))
        self.replan_button.setEnabled(now < self.shown.settings.total_slots)

    def _fill_people(self) -> None:
        assert self.shown is not None and self.session is not None
        event = self.shown
        arrivals = self.session.arrivals()
        lead = parties_of(event.attendees).lead_of
        slots = slot_times(event.settings)
        first_meeting: dict[str, int] = {}
        for m in event.meetings:
            for party in (m.a, m.b):
                first_meeting[party] = min(m.slot, first_meeting.get(party, m.slot))
        expected = sorted((a for a in event.attendees if a.id not in arrivals),
                          key=lambda a: (first_meeting.get(lead[a.id], 10**6),
                                         a.name.casefold()))
        self.expected_list.clear()
        for person in expected:
            first = first_meeting.get(lead[person.id])
            when = slots[first].label() if first is not None else _("no meeting")
            item = QListWidgetItem(f"{when}  ·  {meeting_checks.who(person)}")
            item.setData(ID_ROLE, person.id)
            self.expected_list.addItem(item)
        self.arrived_list.clear()
        known = {a.id for a in event.attendees}
        for person_id, at in sorted(arrivals.items(), key=lambda kv: kv[1], reverse=True):
            if person_id not in known:  # checked in, then deleted
                continue
            person = event.attendee(person_id)
            item = QListWidgetItem(f"{at[11:16]}  {meeting_checks.who(person)}")
            item.setData(ID_ROLE, person_id)
            self.arrived_list.addItem(item)
        self.arrived_label.setText(_("Arrived: {arrived} of {expected} expected").format(
            arrived=self.arrived_list.count(), expected=len(event.attendees)))
        show_matching(self.expected_list, self.search_edit.text())

    def _fill_held(self) -> None:
        if self.shown is None or self.session is None:
            return
        self._filling = True
        slot = self.held_slot_box.value() - 1
        not_held = self.session.not_held()
        labels = self.shown.settings.table_labels
        self.held_list.clear()
        for m in sorted((m for m in self.shown.meetings if m.slot == slot),
                        key=lambda m: m.table):
            item = QListWidgetItem(_("Table {table}: {a} – {b}").format(
                table=labels[m.table], a=self.shown.attendee(m.a).name,
                b=self.shown.attendee(m.b).name))
            item.setData(ID_ROLE, (m.slot, m.a, m.b))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked if (m.slot, m.a, m.b) in not_held
                               else Qt.CheckState.Checked)
            self.held_list.addItem(item)
        self._filling = False

    def _fill_log(self) -> None:
        assert self.session is not None
        self.log_list.clear()
        for at, who, what in reversed(self.session.change_log()[-200:]):
            when = _stamp_text(at)
            self.log_list.addItem(f"{when}  {who}: {what}" if who else f"{when}  {what}")

    # -- the desk's actions -------------------------------------------------------------

    def selected_person(self) -> str | None:
        item = self.expected_list.currentItem() or self.arrived_list.currentItem()
        return str(item.data(ID_ROLE)) if item is not None else None

    def check_in_first_match(self) -> None:
        for i in range(self.expected_list.count()):
            item = self.expected_list.item(i)
            if not item.isHidden():
                self.check_in(str(item.data(ID_ROLE)))
                self.search_edit.clear()
                return

    def check_in(self, attendee_id: str, arrived: bool = True) -> None:
        if self.shown is None or self.session is None:
            return
        name = self.shown.attendee(attendee_id).name
        if not self.session.check_in(attendee_id, arrived, now_stamp(),
                                     (_("arrived: {name}") if arrived
                                      else _("check-in undone: {name}")).format(name=name)):
            return
        self._fill_people()
        self._fill_log()
        self.day_recorded.emit()

    def mark_no_show(self) -> None:
        person = self.selected_person()
        if person is not None:
            now = self.now()
            self.edit_made.emit(lambda event: day_edits.no_show(event, person, now))

    def ask_late_arrival(self) -> None:
        person = self.selected_person()
        minute = ask_time(self, _("Arrives late"), _("Arrives at (HH:MM):")) if person else None
        if person is not None and minute is not None:
            self.edit_made.emit(lambda event: day_edits.late_arrival(event, person, minute))

    def ask_early_leave(self) -> None:
        person = self.selected_person()
        minute = ask_time(self, _("Leaves early"), _("Leaves at (HH:MM):")) if person else None
        if person is not None and minute is not None:
            self.edit_made.emit(lambda event: day_edits.early_leave(event, person, minute))

    def ask_walk_in(self) -> None:
        if self.shown is None:
            return
        answer = ask_walk_in(self, self.shown)
        if answer is not None:
            person, wishes = answer
            self.edit_made.emit(lambda event: day_edits.walk_in(event, person, wishes))

    def ask_new_must_meet(self) -> None:
        if self.shown is None:
            return
        pair = ask_must_meet(self, self.shown, self.selected_person())
        if pair is not None:
            requester, requested = pair
            self.edit_made.emit(lambda event: edits.set_wish(event, requester, requested,
                                                              MUST_MEET))

    def ask_close_table(self) -> None:
        if self.shown is None:
            return
        table = ask_table(self, self.shown.settings.table_labels)
        if table is not None:
            now = self.now()
            self.edit_made.emit(lambda event: day_edits.close_table(event, table, now))

    def _held_changed(self, item: QListWidgetItem) -> None:
        if self._filling or self.session is None or self.shown is None:
            return
        slot, a, b = item.data(ID_ROLE)
        held = item.checkState() == Qt.CheckState.Checked
        pair = f"{self.shown.attendee(a).name} and {self.shown.attendee(b).name}"
        if not self.session.set_held(slot, a, b, held, f"{'held' if held else 'not held'}: "
                                     f"{pair}, slot {slot + 1}"):
            return
        self._fill_log()
        self.day_recorded.emit()

    def _follow_clock_toggled(self, follow: bool) -> None:
        if self._filling or self.session is None:
            return
        self.now_box.setEnabled(not follow)
        value = self.now_box.value()
        if follow:
            self.session.set_now_slot(None, _("now follows the clock"))
        else:
            self.session.set_now_slot(
                value - 1, _("now set by hand: slot {number}").format(number=value))
        self._after_now_change()

    def _now_typed(self, value: int) -> None:
        if self._filling or self.session is None or self.follow_clock_box.isChecked():
            return
        self.session.set_now_slot(
            value - 1, _("now set by hand: slot {number}").format(number=value))
        self._after_now_change()

    def set_now_by_hand(self, slot: int) -> None:
        """What the organizer does when the day runs late: 'now' is this slot (0-based)."""
        self._filling = True
        self.now_box.setValue(slot + 1)
        self._filling = False
        if self.follow_clock_box.isChecked():
            self.follow_clock_box.setChecked(False)  # writes the box's value, once
        else:
            self._now_typed(slot + 1)

    def _after_now_change(self) -> None:
        self._filling = True
        self.now_box.setValue(self.now() + 1)
        self._filling = False
        self._show_now()
        self._fill_log()
        self.day_recorded.emit()

    def _clock_ticked(self) -> None:
        if self.shown is not None and self.follow_clock_box.isChecked():
            self._filling = True
            self.now_box.setValue(self.now() + 1)
            self._filling = False
            self._show_now()


def _stamp_text(stamp: str) -> str:
    """A change log's ISO stamp ("2027-03-10T09:41:07") as the window's language writes a
    date and a time; as stored when it is no such stamp."""
    try:
        moment = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    return f"{date_text(moment.date())} {clock_text(moment.hour * 60 + moment.minute)}"
