"""ruff over the project and mypy (strict) over the solver run with the tests."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def run_tool(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True,
                          text=True, check=False)


def test_ruff_finds_nothing() -> None:
    done = run_tool("ruff", "check", ".")
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_strict_passes_on_the_solver() -> None:
    done = run_tool("mypy")
    assert done.returncode == 0, done.stdout + done.stderr
