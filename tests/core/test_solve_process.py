"""The engine in a child process: forked from the fork server where there is one (spawned
where there is none), with the same result and progress as a solve run here. (Cancel through
the child: test_main_window.)"""

from __future__ import annotations

import multiprocessing
import os

import pytest

from nbl_desktop.core.solve_process import run_in_process, solve_in_process, warm_up
from solver import CancelToken, Progress, solve
from tests.solver.conftest import FAST, make_problem
from tests.solver.schedule_rules import violations


def parent_and_engine(*, on_progress: object, cancel: CancelToken) -> tuple[int, bool]:
    """Run in the child: who started it, and was the engine imported before it ran."""
    import sys

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

