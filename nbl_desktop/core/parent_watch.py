"""Child processes end with the app: an app that is killed leaves no process behind.

A worker of a process pool holds both ends of its own task queue, so it never
sees the app go and waits for ever (about 100 MB each). Each child watches
its parent's sentinel instead, which becomes ready the moment the parent ends,
killed or not.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import threading


def exit_with_the_app() -> None:
    """Ends this process as soon as its parent (the app) has ended.

    For a child started by multiprocessing (also as a pool's initializer); elsewhere a no-op.
    """
    parent = multiprocessing.parent_process()
    if parent is None:
        return
    sentinel = parent.sentinel

    def watch() -> None:
        multiprocessing.connection.wait([sentinel])
        os._exit(0)  # nothing here is worth saving: the app that asked is gone

    threading.Thread(target=watch, name="exit-with-the-app", daemon=True).start()
