"""build.spec builds a one-folder app whose binary schedules a sample correctly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_referee, sample


@pytest.mark.slow
def test_the_built_binary_schedules_a_sample(tmp_path: Path) -> None:
    build = subprocess.run(
        [sys.executable, "-m", "PyInstaller", str(ROOT / "build.spec"), "--noconfirm",
         "--distpath", str(tmp_path / "dist"), "--workpath", str(tmp_path / "work"),
         "--log-level", "ERROR"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert build.returncode == 0, build.stderr[-3000:]
    binary = tmp_path / "dist" / "nbl-desktop" / ("nbl-desktop.exe" if os.name == "nt"
                                                  else "nbl-desktop")
    out = tmp_path / "schedule.xlsx"
    done = subprocess.run(
        [str(binary), "schedule", str(sample("arctic-60.xlsx")), "-o", str(out),
         "--time-limit", "10"],
        capture_output=True, text=True, check=False, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "meetings" in done.stdout
    assert run_referee(sample("arctic-60.json"), out)["violations"] == "0"
    # The demo workbook is bundled: the frozen app finds its resources.
    assert (tmp_path / "dist" / "nbl-desktop" / "_internal" / "resources" / "demo"
            / "arctic-demo.xlsx").exists()
    # And the translation catalogs, from the same data list.
    for language in ("nb", "sv", "fi"):
        assert (tmp_path / "dist" / "nbl-desktop" / "_internal" / "resources" / "translations"
                / language / "LC_MESSAGES" / "nbl.mo").exists(), language
