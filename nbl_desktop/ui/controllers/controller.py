"""What every controller has: the event session, the task runner, the window as the parent
of its dialogs, and `said` for the status bar."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from nbl_desktop.ui.event_session import EventSession
from nbl_desktop.ui.tasks import TaskRunner


class Controller(QObject):
    """One area of what the menus do (a subclass per module of `ui.controllers`)."""

    said = Signal(str)  # a message for the status bar ("" clears it)

    def __init__(self, session: EventSession, runner: TaskRunner, window: QWidget) -> None:
        super().__init__(window)
        self.session = session
        self._runner = runner
        self._window = window
