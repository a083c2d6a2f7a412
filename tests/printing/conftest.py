"""A scheduled sample event in a real event file, shared by the printing tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from nbl_desktop.core.importing.registrations import EventFlags, read_registrations
from nbl_desktop.core.planning import meetings_from_result, problem_from_event
from nbl_desktop.core.store import EventStore
from solver import SolveOptions, solve
from tests.conftest import sample


@pytest.fixture(scope="session")
def scheduled_event_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """arctic-60, scheduled by the engine (3 s), in an event file nobody changes."""
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


def page_texts(pdf: Path) -> list[str]:
    """Each page's text with runs of white space made single spaces."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages]
