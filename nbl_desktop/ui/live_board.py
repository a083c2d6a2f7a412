"""The live board for a projector or second screen: this round's tables and pairs in large
type, the clock and a countdown to the next round, the next round below. Long lists page
by themselves. It reads the event the main window shows, so a re-plan appears at once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from nbl_desktop.core.event import EventData
from nbl_desktop.core.event_day.now import slot_now
from nbl_desktop.core.i18n import _, counted
from nbl_desktop.core.locale_formats import clock_text
from nbl_desktop.core.slot_grid import slot_times

ROWS_PER_PAGE = 12
PAGE_SECONDS = 8


def _font(points: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSize(points)
    font.setBold(bold)
    return font


def _board_table(label: str) -> str:
    """As `printouts.words.table_title` names a table, in the window's language: "Table 12"
    for a numbered table, its own label otherwise ("Booth B7"); "" for none."""
    # Translators: a table on the live board and in the schedule grid: "Table 12"
    return _("Table {label}").format(label=label) if label.isdigit() else label


class LiveBoard(QWidget):
    """A window of its own; `show_event` whenever the event or 'now' changes."""

    def __init__(self, clock: Callable[[], dt.datetime] = dt.datetime.now,
                 parent: Any = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(_("Live board"))
        self.setStyleSheet("background: #0b1f33; color: white;")
        self.clock = clock
        self.shown: EventData | None = None
        self.manual_now: int | None = None
        self.page = 0
        self.title_label = QLabel()
        self.title_label.setFont(_font(28, True))
        self.clock_label = QLabel()
        self.clock_label.setFont(_font(28, True))
        self.clock_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.round_label = QLabel()
        self.round_label.setFont(_font(22))
        self.pairs = QGridLayout()
        self.rows: list[tuple[QLabel, QLabel]] = []
        for row in range(ROWS_PER_PAGE):  # made once; a page change only sets their text
            table_label, pair_label = QLabel(), QLabel()
            table_label.setFont(_font(24, True))
            pair_label.setFont(_font(24))
            self.pairs.addWidget(table_label, row, 0)
            self.pairs.addWidget(pair_label, row, 1)
            self.rows.append((table_label, pair_label))
        self.next_label = QLabel()
        self.next_label.setFont(_font(16))
        self.next_label.setWordWrap(True)
        top = QGridLayout()
        top.addWidget(self.title_label, 0, 0)
        top.addWidget(self.clock_label, 0, 1)
        top.addWidget(self.round_label, 1, 0, 1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.pairs)
        layout.addStretch(1)
        layout.addWidget(self.next_label)
        self.tick_timer = QTimer(self)
        self.tick_timer.timeout.connect(self.refresh)
        self.tick_timer.start(1000)
        self.page_timer = QTimer(self)
        self.page_timer.timeout.connect(self.next_page)
        self.page_timer.start(PAGE_SECONDS * 1000)

    def show_on_second_screen(self) -> None:
        """Full screen on a second screen when there is one; a big window otherwise."""
        screens = QGuiApplication.screens()
        if len(screens) > 1:
            self.setScreen(screens[1])
            self.setGeometry(screens[1].geometry())
            self.showFullScreen()
        else:
            self.resize(1280, 800)
            self.show()

    def show_event(self, event: EventData | None, manual_now: int | None) -> None:
        self.shown, self.manual_now = event, manual_now
        self.refresh()

    def current_round(self) -> int:
        """The slot in progress (or the next one before it starts)."""
        if self.shown is None:
            return 0
        if self.manual_now is not None:
            return max(0, self.manual_now - 1) if self.manual_now else 0
        now = self.clock()
        slots = slot_times(self.shown.settings)
        after = slot_now(self.shown.settings, now)
        minute = now.hour * 60 + now.minute
        if after > 0 and slots[after - 1].end > minute:
            return after - 1  # in progress
        return min(after, len(slots) - 1)

    def pairs_in(self, slot: int) -> list[tuple[str, str]]:
        """(table label, "Name A – Name B") of the slot's meetings, by table."""
        assert self.shown is not None
        labels = self.shown.settings.table_labels
        return [(labels[m.table], f"{self.shown.attendee(m.a).name}  –  "
                                  f"{self.shown.attendee(m.b).name}")
                for m in sorted((m for m in self.shown.meetings if m.slot == slot),
                                key=lambda m: m.table)]

    def next_page(self) -> None:
        self.page += 1
        self.refresh()

    def refresh(self) -> None:
        now = self.clock()
        self.clock_label.setText(now.strftime("%H:%M:%S"))
        if self.shown is None:
            return
        slots = slot_times(self.shown.settings)
        if not slots:
            return
        current = self.current_round()
        slot = slots[current]
        minute = now.hour * 60 + now.minute
        left = slot.end - minute if slot.start <= minute < slot.end else slot.start - minute
        self.title_label.setText(self.shown.settings.name)
        number, times, minutes = current + 1, slot.times(), max(0, left)
        if not 0 <= left < 24 * 60:
            # Translators: the live board's round: "Round 2  ·  09:20–09:40"
            round_text = _("Round {number}  ·  {times}").format(number=number, times=times)
        elif slot.start <= minute < slot.end:
            round_text = _("Round {number}  ·  {times}  ·  ends in {minutes} min").format(
                number=number, times=times, minutes=minutes)
        else:
            round_text = _("Round {number}  ·  {times}  ·  starts in {minutes} min").format(
                number=number, times=times, minutes=minutes)
        self.round_label.setText(round_text)
        pairs = self.pairs_in(current)
        pages = max(1, -(-len(pairs) // ROWS_PER_PAGE))
        self.page %= pages
        shown = pairs[self.page * ROWS_PER_PAGE:(self.page + 1) * ROWS_PER_PAGE]
        for row, (table_label, pair_label) in enumerate(self.rows):
            table, pair = shown[row] if row < len(shown) else ("", "")
            table_label.setText(_board_table(table))
            pair_label.setText(pair)
        if pages > 1:
            self.round_label.setText(self.round_label.text() + "  ·  " + _(
                "page {page} of {pages}").format(page=self.page + 1, pages=pages))
        if current + 1 < len(slots):
            upcoming = self.pairs_in(current + 1)
            listed = ";  ".join(f"{t}: {p}" for t, p in upcoming[:8]) + (
                ";  " + counted(len(upcoming) - 8, "… and {count} more", "… and {count} more")
                if len(upcoming) > 8 else "")
            # Translators: the next round on the live board: its start, then its meetings
            self.next_label.setText(_("Next, {time}: {meetings}").format(
                time=clock_text(slots[current + 1].start), meetings=listed))
        else:
            self.next_label.setText(_("Last round."))
