"""The one way to run long work off the GUI thread: a BackgroundTask.

The work is a plain function `work(report_progress, cancel_token) -> result`.
It runs on a worker QThread; progress and the result reach the GUI thread as
signals carrying plain values. Only the GUI thread writes the event file, so
a worker gets inputs (a solver problem, a file path) and returns outputs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QThread, Signal

from solver import CancelToken

log = logging.getLogger(__name__)

Work = Callable[[Callable[[Any], None], CancelToken], Any]


class BackgroundTask(QThread):
    """Runs `work` once on its own thread; cancel() asks it to stop early."""

    progressed = Signal(object)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception

    def __init__(self, work: Work, parent: Any = None) -> None:
        super().__init__(parent)
        self._work = work
        self.cancel_token = CancelToken()

    def run(self) -> None:
        try:
            result = self._work(self.progressed.emit, self.cancel_token)
        except Exception as exc:  # handed to the GUI thread, which shows or logs it
            log.debug("background task failed", exc_info=True)
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)

    def cancel(self) -> None:
        self.cancel_token.cancel()
