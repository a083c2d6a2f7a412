"""`nbl-desktop suggest`: the Suggestions sheet's contract read back, accepted suggestions
written as wishes that the scheduler then meets."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from nbl_desktop.cli import main
from nbl_desktop.core.planning import meetings_from_result, problem_from_event
from nbl_desktop.core.store import EventStore
from solver import SolveOptions, solve

# Our own wordings in four languages, none from the benchmark's sample.
PEOPLE = [
    ("FI1", "Aino Laine", "Pohjolan Konepaja Oy", "FI", "fi",
     "Tarjoamme CNC-koneistusta", "Tarvitsemme hitsauspalveluja terästöihin"),
    ("NO1", "Ola Berg", "Nord Sveis AS", "NO", "nb",
     "Sveiseverksted, vi lager stålkonstruksjoner", "Vi trenger maskinering av deler"),
    ("SE1", "Eva Lind", "Fjällvind AB", "SE", "sv",
     "Vi bygger och underhåller vindkraftverk", "Söker lager och godstransport"),
    ("FI2", "Mikko Aho", "Tunturienergia Oy", "FI", "fi",
     "Kuljetus- ja varastopalvelut", "tuulivoimaloiden huolto"),
    ("GB1", "Sam Reed", "Arctic Lodges Ltd", "GB", "en",
     "Hotel rooms for business groups", "Recruitment agency for seasonal staff"),
    ("NO2", "Kari Dahl", "Bemanning Nord AS", "NO", "nb",
     "Bemanningsbyrå som leier ut personell", "Overnatting til ansatte på oppdrag"),
]


@pytest.fixture
def registrations(tmp_path: Path) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Attendees"
    sheet.append(["ID", "Name", "Organization", "Country", "Language", "Offers", "Seeks"])
    for row in PEOPLE:
        sheet.append(list(row))
    path = tmp_path / "partners.xlsx"
    workbook.save(path)
    return path


def read_suggestions(path: Path) -> list[tuple[object, ...]]:
    sheet = load_workbook(path)["Suggestions"]
    return list(sheet.iter_rows(values_only=True))


def test_the_suggestions_sheet_keeps_its_contract(registrations: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "suggestions.xlsx"
    assert main(["suggest", str(registrations), "-o", str(out), "--per-attendee", "2"]) == 0
    rows = read_suggestions(out)
    assert rows[0] == ("Attendee ID", "Suggested ID", "Rank", "Score", "Why")
    best = {(a, b) for a, b, rank, _score, _why in rows[1:] if rank == 1}
    assert {("FI1", "NO1"), ("NO1", "FI1"), ("SE1", "FI2"), ("FI2", "SE1"), ("GB1", "NO2"),
            ("NO2", "GB1")} <= best
    for attendee in {row[0] for row in rows[1:]}:
        ranks = [row[2] for row in rows[1:] if row[0] == attendee]
        assert ranks == list(range(1, len(ranks) + 1))
    why = next(row[4] for row in rows[1:] if row[:2] == ("FI1", "NO1"))
    assert "Nord Sveis AS offers welding" in str(why) and "cross-border (FI–NO)" in str(why)
    assert "Wrote" in capsys.readouterr().out


def test_accepted_suggestions_become_wishes_the_scheduler_meets(
        registrations: Path, tmp_path: Path) -> None:
    event_file = tmp_path / "partners.nblevent"
    assert main(["import", str(registrations), "--event-file", str(event_file)]) == 0
    out = tmp_path / "suggestions.xlsx"
    assert main(["suggest", str(event_file), "-o", str(out), "--accept-top", "1",
                 "--event-file", str(event_file)]) == 0
    store = EventStore.open(event_file, read_only=True)
    event = store.load()
    store.close()
    pairs = {frozenset((r.requester, r.requested)) for r in event.requests}
    assert {frozenset(("FI1", "NO1")), frozenset(("SE1", "FI2")),
            frozenset(("GB1", "NO2"))} <= pairs
    assert all(r.priority == 2 for r in event.requests)
    result = solve(problem_from_event(event), SolveOptions(time_limit_seconds=5, workers=1))
    met = {frozenset((m.a, m.b)) for m in meetings_from_result(result)}
    assert pairs <= met
    # Suggested again from the event file: the accepted pairs are wishes now, not suggestions.
    again = tmp_path / "again.xlsx"
    assert main(["suggest", str(event_file), "-o", str(again), "--per-attendee", "1"]) == 0
    assert not {frozenset(row[:2]) for row in read_suggestions(again)[1:]} & pairs


def test_accept_needs_an_event_file(registrations: Path, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["suggest", str(registrations), "-o", str(tmp_path / "s.xlsx"),
                 "--accept-top", "1"]) == 2
    assert "--event-file" in capsys.readouterr().err
