"""Run the engine (a solve, a re-plan) and the schedule workbook's export in a child
process, so the app's own threads never wait for them.

The engine is Python, and a Python worker thread shares the interpreter lock
with the GUI thread: while it runs, each repaint of a Python table model
waits for the lock again and again (measured: freezes of 0.1–0.4 s on a
1,000-attendee event). In its own process the engine competes for nothing.
Progress and the result come back through a pipe as plain values; cancel
asks the child to stop, and it still sends the best schedule found so far.

The child is forked from a fork server that has imported the engine and
this module once (`solver.helper_processes`; the window starts it with
`warm_up`), so a solve or a re-plan starts in about 0.01 s instead of the
0.8 s a spawned child takes to import them.
"""

from __future__ import annotations

import multiprocessing
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.synchronize import Event
from pathlib import Path
from typing import Any

from nbl_desktop.core.event import EventData
from nbl_desktop.core.event_day.replanning import DayReplan, replan_event
from nbl_desktop.core.event_packing import PackedEvent, pack_event, unpack_event
from nbl_desktop.core.exporting.schedule_workbook import write_schedule_workbook
from nbl_desktop.core.i18n import current_language, use_language
from nbl_desktop.core.parent_watch import exit_with_the_app
from solver import CancelToken, Problem, Progress, SolveOptions, SolveResult, solve
from solver.helper_processes import helper_context
from solver.helper_processes import warm_up as warm_up_helpers

_POLL_SECONDS = 0.05
_PROGRESS_INTERVAL_SECONDS = 0.25  # at most four progress reports a second


def warm_up() -> None:
    """Get the process that solves are started from ready, in the background."""
    warm_up_helpers(__name__)


class SolveProcessError(RuntimeError):
    """The child process ended without a result (killed, out of memory)."""


def solve_in_process(problem: Problem, options: SolveOptions,
                     on_progress: Callable[[Progress], None] | None = None,
                     cancel: CancelToken | None = None) -> SolveResult:
    """`solver.solve` in a child process; the same result, progress and cancel."""
    return run_in_process(solve, (problem, options), on_progress,  # type: ignore[no-any-return]
                          cancel)


def replan_in_process(event: EventData, from_slot: int, options: SolveOptions,
                      on_progress: Callable[[Progress], None] | None = None,
                      cancel: CancelToken | None = None) -> DayReplan:
    """`event_day.replanning.replan_event` in a child process."""
    return run_in_process(replan_event, (event, from_slot, options),  # type: ignore[no-any-return]
                          on_progress, cancel)


def export_in_process(event: EventData, path: Path, not_held: set[tuple[int, str, str]],
                      cancel: CancelToken | None = None) -> Path:
    """The schedule workbook written in a child process: openpyxl is Python, and in a
    thread it held the GUI half a second at a time at 3,000 people; the memory it takes
    (300 MB there) goes back to the system with the process. Its headings are in the
    window's language, which the child does not share: it is handed over."""
    return run_in_process(_write_workbook,  # type: ignore[no-any-return]
                          (pack_event(event), path, not_held, current_language()), None, cancel)


def _write_workbook(packed: PackedEvent, path: Path, not_held: set[tuple[int, str, str]],
                    language: str, on_progress: object = None, cancel: object = None) -> Path:
    use_language(language)  # this child's own, for the one workbook it writes
    write_schedule_workbook(unpack_event(packed), path, not_held)
    return path


def run_in_process(work: Callable[..., Any], arguments: tuple[Any, ...],
                   on_progress: Callable[[Progress], None] | None = None,
                   cancel: CancelToken | None = None) -> Any:
    """`work(*arguments, on_progress=…, cancel=…)` (a module-level function) in a child
    process; its result, progress reports and cancel as if it ran here."""
    context = helper_context(__name__)  # no plain fork: unsafe beside Qt's threads
    receiver, sender = context.Pipe(duplex=False)
    stop = context.Event()
    child = context.Process(target=_work_and_send, args=(work, arguments, sender, stop),
                            name="nbl-solve", daemon=True)
    child.start()
    sender.close()  # the child holds the only sending end: EOF when it dies
    try:
        while True:
            if cancel is not None and cancel.cancelled:
                stop.set()
            if not receiver.poll(_POLL_SECONDS):
                continue
            try:
                kind, payload = receiver.recv()
            except EOFError as exc:
                raise SolveProcessError(
                    f"the scheduling process ended without a result (exit code "
                    f"{child.exitcode})") from exc
            if kind == "progress" and on_progress is not None:
                on_progress(payload)
            elif kind == "result":
                return payload  # type: ignore[no-any-return]
            elif kind == "error":
                raise payload
    finally:
        stop.set()
        child.join(timeout=5)
        if child.is_alive():
            child.kill()
        receiver.close()


def _work_and_send(work: Callable[..., Any], arguments: tuple[Any, ...], sender: Connection,
                   stop: Event) -> None:
    # The engine starts a helper process of its own (the SAT climber), which a daemonic
    # process may not. The flag only ever mattered to the parent, which kills this process
    # itself whatever happens (see run_in_process).
    multiprocessing.current_process().daemon = False
    exit_with_the_app()  # the app may be killed mid-solve
    token = CancelToken()

    def watch() -> None:
        # Polled, not stop.wait(): a process that ends while waiting on a multiprocessing
        # Event leaves the parent's set() waiting forever for its wake-up.
        while not stop.is_set():
            time.sleep(_POLL_SECONDS)
        token.cancel()

    threading.Thread(target=watch, daemon=True).start()

    def send(kind: str, payload: Any) -> None:
        sender.send((kind, payload))

    last_sent = [0.0]

    def report(progress: Progress) -> None:
        # The engine may improve many times a second; the window needs a few reports a
        # second, and each one costs it a repaint (the result itself always arrives).
        now = time.monotonic()
        if now - last_sent[0] >= _PROGRESS_INTERVAL_SECONDS:
            last_sent[0] = now
            send("progress", progress)

    try:
        result = work(*arguments, on_progress=report, cancel=token)
    except Exception as exc:  # ProblemError and bugs alike: the parent raises it
        send("error", exc)
    else:
        send("result", result)
    finally:
        sender.close()
