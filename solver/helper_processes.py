"""Where helper processes come from: a fork server that has imported the engine once.

Forking a process that runs threads (Qt's, CP-SAT's) is unsafe, and "spawn"
re-imports the engine in every child: 0.7 s each time. A fork server is a
single-threaded process started fresh; it imports the modules it is told to
preload once, and each child forked from it starts in about 0.01 s. Where
there is no fork server (Windows) or the program is frozen (PyInstaller),
children are spawned.

There is one fork server per process; the first caller's preload list is
the one read when it starts. Every list names a module that imports the
engine, so any child finds the engine loaded.
"""

from __future__ import annotations

import multiprocessing
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # no fork server on Windows
    from multiprocessing.context import ForkServerContext, SpawnContext


def helper_context(preload: str) -> SpawnContext | ForkServerContext:
    """The context to start helper processes with; `preload` is a module to import once."""
    if ("forkserver" in multiprocessing.get_all_start_methods()
            and not getattr(sys, "frozen", False)):
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([preload])  # read only when the server starts
        return context
    return multiprocessing.get_context("spawn")


def warm_up(preload: str) -> None:
    """Start the fork server in the background, so that it is ready when a child is asked for.

    Returns at once: the server imports `preload` while the caller goes on.
    """
    if helper_context(preload).get_start_method() == "forkserver":
        from multiprocessing import forkserver  # POSIX only

        forkserver.ensure_running()
