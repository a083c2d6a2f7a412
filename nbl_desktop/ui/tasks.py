"""The one way to run long work off the GUI thread: a `TaskRunner` starts `Job`s.

A job's work is a plain function `work(report_progress, cancel_token) -> result`.
It runs on a worker QThread (a solve or a re-plan runs in a child process
from there: `core.solve_process`; the figures in a long-lived one:
`figures_process`). Progress and the result reach the GUI thread as queued
signals of that QThread, so no signal is ever emitted from a thread Qt does
not know. Only the GUI thread writes the event file: a worker gets inputs
(a solver problem, a file path) and returns outputs, which `on_result` applies.

Every job has the same life cycle: started, progress, cancel, then exactly
one of result / error, then `ended`. An error is handled in one place: a
`UserError` is said to the organizer in a message box; anything else is a
bug, logged and shown as such. Nothing here waits for a thread on the GUI
thread: closing while work runs cancels it and closes once it has ended.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QWidget

from nbl_desktop.core.errors import UserError
from nbl_desktop.core.i18n import _
from nbl_desktop.ui import messages
from solver import CancelToken

log = logging.getLogger(__name__)

Work = Callable[[Callable[[Any], None], CancelToken], Any]


@dataclass(frozen=True)
class Job:
    """What to run and what to do with what comes back (on the GUI thread)."""

    what: str  # "scheduling", "reading day.xlsx" (translated): said when it fails
    work: Work
    on_result: Callable[[Any], None] = lambda _result: None
    on_progress: Callable[[Any], None] | None = None
    # None: the runner says a UserError in a message box and reports a bug.
    on_error: Callable[[BaseException], None] | None = None
    # An exclusive job (a solve, an import, an export) makes the runner busy: the
    # window turns off what would change the event underneath it.
    exclusive: bool = True
    # Jobs of one `latest` name replace each other: a newer one cancels the older,
    # whose result is then dropped (the figures of a schedule edited since).
    latest: str | None = None


class _Worker(QThread):
    """Runs one job's work; its signals are emitted from this QThread and queued."""

    progressed = Signal(object)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception

    def __init__(self, work: Work, parent: QObject) -> None:
        super().__init__(parent)
        self._work = work
        self.cancel_token = CancelToken()

    def run(self) -> None:
        try:
            result = self._work(self.progressed.emit, self.cancel_token)
        except Exception as exc:  # handed to the GUI thread, which says or reports it
            log.debug("background work failed", exc_info=True)
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)


class Task(QObject):
    """One started job: `cancel()`, and `ended` once its thread has returned."""

    ended = Signal()

    def __init__(self, job: Job, runner: TaskRunner) -> None:
        super().__init__(runner)
        self.job = job
        self.outcome_delivered = False
        self.dropped = False  # replaced by a newer job of the same `latest` name
        self._worker = _Worker(job.work, self)
        self._worker.progressed.connect(self._progressed)
        self._worker.succeeded.connect(self._succeeded)
        self._worker.failed.connect(self._failed)
        self._worker.finished.connect(self._finished)
        self._runner = runner

    def start(self) -> None:
        self._worker.start()

    def cancel(self) -> None:
        self._worker.cancel_token.cancel()

    @property
    def running(self) -> bool:
        return not self.outcome_delivered

    def _progressed(self, progress: Any) -> None:
        if not self.dropped and self.job.on_progress is not None:
            self.job.on_progress(progress)

    def _succeeded(self, result: Any) -> None:
        self._deliver(lambda: self.job.on_result(result))

    def _failed(self, error: BaseException) -> None:
        self._deliver(lambda: self._runner.handle_error(self.job, error))

    def _deliver(self, apply: Callable[[], None]) -> None:
        # The runner is free again as soon as the outcome is in: waiting for the thread's
        # `finished` as well left a moment (long under load) in which Schedule was still
        # off right after an import.
        self.outcome_delivered = True
        self._runner.outcome_in(self)
        if not self.dropped:
            apply()

    def _finished(self) -> None:
        if not self.outcome_delivered:  # ended without an outcome: never leave the app busy
            self.outcome_delivered = True
            self._runner.outcome_in(self)
        self._runner.thread_ended(self)
        self.ended.emit()


class TaskRunner(QObject):
    """Starts jobs and knows which still run; `busy_changed` when an exclusive one starts
    or its outcome is in, `all_ended` when the last thread has returned."""

    busy_changed = Signal(bool)
    all_ended = Signal()

    def __init__(self, owner: QWidget) -> None:
        super().__init__(owner)
        self._owner = owner  # the parent of the message boxes
        self._tasks: list[Task] = []

    def start(self, job: Job) -> Task:
        if job.latest is not None:
            for older in self._tasks:
                if older.job.latest == job.latest and older.running:
                    older.dropped = True
                    older.cancel()
        was_busy = self.busy
        task = Task(job, self)
        self._tasks.append(task)
        task.start()
        if self.busy != was_busy:
            self.busy_changed.emit(True)
        return task

    @property
    def busy(self) -> bool:
        """An exclusive job has not delivered its outcome yet."""
        return any(task.job.exclusive and task.running for task in self._tasks)

    def running(self) -> list[Task]:
        """The tasks whose threads have not returned yet."""
        return list(self._tasks)

    def cancel_all(self) -> None:
        for task in self._tasks:
            task.cancel()

    def handle_error(self, job: Job, error: BaseException) -> None:
        """A failed job: said if the organizer can do something about it, else a bug."""
        if job.on_error is not None:
            job.on_error(error)
        elif isinstance(error, UserError):
            # Translators: {what} is what the app was doing ("reading day.xlsx", "scheduling")
            messages.show_error(self._owner, _("Problem while {what}").format(what=job.what),
                                str(error))
        else:
            messages.show_bug(self._owner, job.what, error)

    # -- called by the tasks ------------------------------------------------------------

    def outcome_in(self, task: Task) -> None:
        if task.job.exclusive and not self.busy:
            self.busy_changed.emit(False)

    def thread_ended(self, task: Task) -> None:
        if task in self._tasks:
            self._tasks.remove(task)
        task.deleteLater()
        if not self._tasks:
            self.all_ended.emit()
