"""Test set-up shared by every test: offscreen Qt, a private data folder, sample paths."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLES = SHARED / "samples"
REFEREE = SHARED / "tools" / "check_schedule.py"


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path_factory: pytest.TempPathFactory,
                     monkeypatch: pytest.MonkeyPatch) -> Path:
    """Logs and demo files go to a temporary folder, never the developer's home."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("NBL_DESKTOP_DATA_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def no_message_boxes() -> Iterator[None]:
    """No test waits on a box: messages are logged and kept, questions answered "Yes"
    (a test that wants "No" says so with `messages.answer_without_boxes(False)`)."""
    from nbl_desktop.ui import messages

    messages.answer_without_boxes(True)
    yield
    messages.answer_without_boxes(True)


@pytest.fixture(autouse=True)
def english_unless_asked() -> Iterator[None]:
    """Each test starts in English; one that chooses a language leaves none behind."""
    from nbl_desktop.core.i18n import use_language

    use_language("en")
    yield
    use_language("en")


def sample(name: str) -> Path:
    path = SAMPLES / name
    if not path.exists():
        pytest.fail(f"{path} is missing: the tests need ../shared beside the project")
    return path


def run_referee(event_json: Path, schedule: Path) -> dict[str, str]:
    """Run the independent referee (outside the project) and parse its figures line."""
    done = subprocess.run([sys.executable, str(REFEREE), str(event_json), str(schedule)],
                          capture_output=True, text=True, check=False)
    figures_line = done.stdout.strip().splitlines()[-1]
    figures = dict(item.split("=", 1) for item in figures_line.split())
    figures["exit_code"] = str(done.returncode)
    figures["output"] = done.stdout
    return figures


@pytest.fixture(scope="session")
def scheduled_event_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """arctic-60, scheduled by the engine (3 s), in an event file nobody changes."""
    from nbl_desktop.core.importing.registrations import EventFlags, read_registrations
    from nbl_desktop.core.planning import meetings_from_result, problem_from_event
    from nbl_desktop.core.store import EventStore
    from solver import SolveOptions, solve

    event = read_registrations([sample("arctic-60.xlsx")], EventFlags(), lambda _: None, None)
    result = solve(problem_from_event(event), SolveOptions(time_limit_seconds=3))
    path = tmp_path_factory.mktemp("printing") / "arctic-60.nblevent"
    store = EventStore.create(path, event.settings)
    store.replace_event(event)
    store.replace_meetings(meetings_from_result(result))
    store.close()
    return path


@pytest.fixture
def event_file(scheduled_event_file: Path, tmp_path: Path) -> Path:
    """A private copy the test may change."""
    return Path(shutil.copy(scheduled_event_file, tmp_path / "event.nblevent"))
