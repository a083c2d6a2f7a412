"""A long-lived child process for the window's pure-Python sums (the schedule's figures,
the overview's numbers), so they never hold the GUI thread.

The figures take 0.4 s at 1,000 attendees and 1 s at 3,000, all Python. In a
thread they would hold the interpreter lock while the GUI repaints (the
freeze `core.solve_process` explains); in one child process kept for the
session they cost the GUI nothing, and only the first request pays for
starting it (forked from the fork server, as the solve process is:
`solver.helper_processes`). A task runner's worker thread waits for the
answer; the GUI thread never does.
"""

from __future__ import annotations

import concurrent.futures
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

from nbl_desktop.core.event import EventData
from nbl_desktop.core.event_packing import PackedEvent, pack_event, unpack_event
from nbl_desktop.core.parent_watch import exit_with_the_app
from solver import CancelToken
from solver.helper_processes import helper_context

_POLL_SECONDS = 0.05
Answer = TypeVar("Answer")


def _unpacked_call(function: Callable[..., Answer], *arguments: Any) -> Answer:
    """In the helper process: `function` of the arguments, events unpacked."""
    return function(*(unpack_event(a) if isinstance(a, PackedEvent) else a for a in arguments))


class HelperProcess:
    """`work_for(function, *arguments)`: a task's work that returns the function's answer
    from the helper process (None when cancelled before it came)."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._starting = threading.Lock()  # two tasks' threads may ask at once

    def work_for(self, function: Callable[..., Answer],
                 *arguments: Any) -> Callable[[Any, CancelToken], Answer | None]:
        """`function` is a module-level one, and its arguments and answer plain values.
        The process is started and the arguments sent from the task's thread: both took
        the GUI thread a quarter of a second at 3,000 people."""

        def wait_for_answer(_report: Any, cancel: CancelToken) -> Answer | None:
            with self._starting:
                if self._pool is None:
                    self._pool = ProcessPoolExecutor(
                        max_workers=1,
                        mp_context=helper_context("nbl_desktop.core.schedule_figures"),
                        initializer=exit_with_the_app)
                # An event goes in small pickles (see core.event_packing).
                future = self._pool.submit(_unpacked_call, function,
                                           *(pack_event(a) if isinstance(a, EventData) else a
                                             for a in arguments))
            while True:
                try:
                    return future.result(timeout=_POLL_SECONDS)
                except concurrent.futures.TimeoutError:
                    if cancel.cancelled:
                        future.cancel()  # not started yet: never runs; else its answer is dropped
                        return None

        return wait_for_answer

    def stop(self) -> None:
        """Let the process go, without waiting for it (it ends after its last answer)."""
        with self._starting:
            if self._pool is not None:
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = None
