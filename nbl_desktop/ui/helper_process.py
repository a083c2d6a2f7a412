"""Works out the schedule's figures in a separate process, kept for the whole session.

The figures take 0.4 s at 1,000 attendees and 1 s at 3,000, all Python. In a
thread they would hold the interpreter lock while the GUI repaints (the
freeze `core.solve_process` explains); in one long-lived child process they
cost the GUI nothing, and only the first request pays for starting it (forked
from the fork server, as the solve process is: `solver.helper_processes`).
Only the newest request's answer is announced.
"""

from __future__ import annotations

import logging
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal

from nbl_desktop.core.errors import UserError
from nbl_desktop.core.event import EventData
from nbl_desktop.core.parent_watch import exit_with_the_app
from nbl_desktop.core.schedule_figures import schedule_figures
from solver.helper_processes import helper_context

log = logging.getLogger(__name__)


class FiguresWorker(QObject):
    """`ready(figures)` or `failed(message)` for the newest `request(event)`."""

    ready = Signal(object)  # ScheduleFigures
    failed = Signal(str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._pool: ProcessPoolExecutor | None = None
        self._newest: Future[Any] | None = None

    def request(self, event: EventData) -> None:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=1, mp_context=helper_context(schedule_figures.__module__),
                initializer=exit_with_the_app)
        future = self._pool.submit(schedule_figures, event)
        self._newest = future
        future.add_done_callback(self._done)  # runs on the pool's thread: signals are queued

    def _done(self, future: Future[Any]) -> None:
        if future is not self._newest or future.cancelled():
            return
        error = future.exception()
        if error is None:
            self.ready.emit(future.result())
        elif isinstance(error, UserError):
            self.failed.emit(f"No figures: {error}")
        else:
            log.error("working out the figures failed", exc_info=error)
            self.failed.emit("No figures (an error; the details are in the log file).")

    def is_working(self) -> bool:
        return self._newest is not None and not self._newest.done()

    def stop(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
