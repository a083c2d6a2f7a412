"""`nbl-desktop replan`: no-shows and a late arrival recorded, the rest of the day re-planned,
the event file updated, the workbook judged by the independent referee."""

from __future__ import annotations

from pathlib import Path

import pytest

from nbl_desktop.cli import main
from nbl_desktop.core.store import EventStore
from tests.conftest import run_referee, sample


def test_replan_records_the_changes_and_keeps_the_past(
        event_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = EventStore.open(event_file, read_only=True).load()
    absent = [before.meetings[0].a, before.meetings[1].a]
    late = next(a.id for a in before.attendees if a.id not in absent)
    out = tmp_path / "after.xlsx"
    code = main(["replan", str(event_file), "--from-slot", "3", "--absent", absent[0],
                 "--absent", absent[1], "--late", f"{late}=11:00", "--time-limit", "5",
                 "-o", str(out)])
    assert code == 0
    said = capsys.readouterr().out
    assert "agendas changed" in said and "Next:" in said
    assert run_referee(sample("arctic-60.json"), out)["violations"] == "0"
    store = EventStore.open(event_file, read_only=True)
    after = store.load()
    assert {m for m in after.meetings if m.slot < 2} == {m for m in before.meetings
                                                          if m.slot < 2}
    assert not any(set(absent) & {m.a, m.b} for m in after.meetings if m.slot >= 2)
    assert after.attendee(late).available_from == 11 * 60
    log = [what for _, _, what in store.change_log()]
    assert log[-1] == "re-plan from slot 3" and any("arrives at 11:00" in w for w in log)


def test_a_bad_late_time_is_named_with_exit_status_2(
        event_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    person = EventStore.open(event_file, read_only=True).load().attendees[0].id
    assert main(["replan", str(event_file), "--from-slot", "2",
                 "--late", f"{person}=quarter past"]) == 2
    assert f"--late {person}=quarter past" in capsys.readouterr().err
