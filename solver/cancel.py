"""Cancel a running solve from another thread.

A token may be cancelled before the solve starts (it then stops at once) or
while it runs (the CP-SAT search is asked to stop; the best schedule found so
far is returned as a normal result).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol

from ortools.sat.python import cp_model


class _Stoppable(Protocol):
    def stop_search(self) -> None: ...


class CancelToken:
    """Thread-safe stop request shared by the caller and the running solve."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cancelled = False
        self._search: _Stoppable | None = None

    @property
    def cancelled(self) -> bool:
        with self._lock:
            return self._cancelled

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
            search = self._search
        if search is not None:
            search.stop_search()

    def attach(self, search: _Stoppable | None) -> None:
        """Called by the engine: the search that `cancel()` must stop (None when done)."""
        with self._lock:
            self._search = search
            stop_now = self._cancelled and search is not None
        if stop_now and search is not None:
            search.stop_search()


@contextmanager
def passed_on(cancel: CancelToken, *tokens: CancelToken) -> Iterator[None]:
    """Inside, cancelling `cancel` cancels `tokens` too (at once if it already is): for
    searches that also stop on their own account, each with a token of its own."""
    cancel.attach(_CancelAll(tokens))
    try:
        yield
    finally:
        cancel.attach(None)


class _CancelAll:
    def __init__(self, tokens: tuple[CancelToken, ...]) -> None:
        self._tokens = tokens

    def stop_search(self) -> None:
        for token in self._tokens:
            token.cancel()


def solve_unless_cancelled(solver: cp_model.CpSolver, model: cp_model.CpModel,
                           cancel: CancelToken,
                           callback: cp_model.CpSolverSolutionCallback | None = None) -> int:
    """Solve so that `cancel.cancel()` stops the search; UNKNOWN at once if already cancelled.
    `callback` sees every solution found."""
    cancel.attach(solver)
    try:
        if cancel.cancelled:
            return int(cp_model.UNKNOWN)
        return int(solver.solve(model, callback))
    finally:
        cancel.attach(None)
