"""The engine in a child process: forked from the fork server where there is one (spawned
where there is none), with the same result and progress as a solve run here. (Cancel through
the child: test_main_window.)"""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from nbl_desktop.core.solve_process import run_in_process, solve_in_process, warm_up
from solver import CancelToken, Progress, solve
from tests.process_tree import HAS_PROC, descendants, running
from tests.solver.conftest import FAST, make_problem
from tests.solver.schedule_rules import violations
from tests.solver.test_research_benchmark import JAIR, needs_jair


def parent_and_engine(*, on_progress: object, cancel: CancelToken) -> tuple[int, bool]:
    """Run in the child: who started it, and was the engine imported before it ran."""
    return os.getppid(), "ortools.sat.python.cp_model" in sys.modules


@pytest.mark.skipif("forkserver" not in multiprocessing.get_all_start_methods(),
                    reason="no fork server here")
def test_a_solve_starts_from_the_fork_server_with_the_engine_loaded() -> None:
    warm_up()
    parent, engine_loaded = run_in_process(parent_and_engine, ())
    assert parent != os.getpid()  # the fork server's child, not ours
    assert engine_loaded


def test_without_a_fork_server_the_child_is_spawned(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    parent, _ = run_in_process(parent_and_engine, ())
    assert parent == os.getpid()


def test_the_child_solves_as_a_solve_here_does() -> None:
    problem = make_problem("ABCD", [("A", "B", 3), ("A", "C", 2), ("B", "D", 1),
                                    ("C", "D", 2), ("A", "D", 1)], slots=3, tables=1)
    reports: list[Progress] = []
    there = solve_in_process(problem, FAST, on_progress=reports.append)
    here = solve(problem, FAST)
    assert violations(problem, there.meetings) == []
    assert [(lv.name, lv.reached) for lv in there.levels] == \
        [(lv.name, lv.reached) for lv in here.levels]
    assert there.level("must-meets").reached == 1
    assert reports, "no progress came back from the child"


SOLVING_APP = textwrap.dedent("""
    import sys
    from pathlib import Path
    from nbl_desktop.core.solve_process import solve_in_process, warm_up
    from solver.bench.jair import read_dzn
    from solver.bench.jair_bench import jair_options

    warm_up()
    problem = read_dzn(Path(sys.argv[1]))
    solve_in_process(problem, jair_options(time_limit=120, workers=2),
                     on_progress=lambda progress: print("progress", flush=True))
""")


@needs_jair
@pytest.mark.skipif(not HAS_PROC, reason="reads /proc")
def test_an_app_killed_mid_solve_leaves_no_process_behind() -> None:
    # forum-13crafc: within a few seconds the solve process runs CP-SAT beside the SAT
    # climber, a process of its own forked from a fork server of its own.
    app = subprocess.Popen([sys.executable, "-c", SOLVING_APP,
                            str(JAIR / "forum-13crafc.original.dzn")],
                           stdout=subprocess.PIPE, text=True)
    assert app.stdout is not None
    assert app.stdout.readline() == "progress\n"
    helpers: set[int] = set()
    give_up = time.monotonic() + 30
    while len(helpers) < 4 and time.monotonic() < give_up:  # the climber is the fourth
        helpers |= descendants(app.pid)
        time.sleep(0.1)
    app.send_signal(signal.SIGKILL)
    app.wait(timeout=10)
    app.stdout.close()
    assert len(helpers) >= 4, "the solve did not get as far as the SAT climber"
    give_up = time.monotonic() + 10
    while any(running(pid) for pid in helpers) and time.monotonic() < give_up:
        time.sleep(0.1)
    assert not any(running(pid) for pid in helpers), "a helper outlived the killed app"
