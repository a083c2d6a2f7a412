"""View → Live board: the board window on a second screen, following the event and "now"."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from nbl_desktop.ui.event_session import EventSession
from nbl_desktop.ui.live_board import LiveBoard


class LiveBoardControl(QObject):
    """Opens the board once asked for, and shows it anew when the event or the day
    changes; it closes with the window."""

    def __init__(self, session: EventSession, window: QWidget) -> None:
        super().__init__(window)
        self.session = session
        self.board: LiveBoard | None = None

    def open(self) -> None:
        if self.board is None:
            self.board = LiveBoard()
        self.refresh()
        self.board.show_on_second_screen()

    def refresh(self) -> None:
        if self.board is not None and self.session.is_open:
            self.board.show_event(self.session.current_event, self.session.now_slot())

    def close(self) -> None:
        if self.board is not None:  # a window of its own: it goes with the app
            self.board.close()
