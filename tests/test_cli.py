"""The command line, end to end: real workbooks in, schedule workbooks out, the referee judges."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from nbl_desktop.cli import main
from nbl_desktop.core.store import EventStore
from tests.conftest import run_referee, sample
from tests.workbooks import edited_sample


@pytest.mark.parametrize("name, time_limit", [("arctic-60", 20), ("arctic-300", 20)])
def test_schedule_passes_the_independent_referee(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, time_limit: int
) -> None:
    out = tmp_path / "out.xlsx"
    code = main(["schedule", str(sample(f"{name}.xlsx")), "-o", str(out),
                 "--time-limit", str(time_limit)])
    assert code == 0
    summary = capsys.readouterr().out
    assert "meetings" in summary and "proven bound" in summary
    figures = run_referee(sample(f"{name}.json"), out)
    assert figures["violations"] == "0", figures["output"]
    assert figures["exit_code"] == "0"
    assert int(figures["meetings"]) > 0
    assert f"value {figures['value']}," in summary  # our figure agrees with the referee's


def test_schedule_can_keep_the_event_file(tmp_path: Path) -> None:
    out, event_file = tmp_path / "out.xlsx", tmp_path / "day.nblevent"
    assert main(["schedule", str(sample("arctic-60.xlsx")), "-o", str(out), "--time-limit", "5",
                 "--event-file", str(event_file)]) == 0
    store = EventStore.open(event_file, read_only=True)
    stored = store.load()
    store.close()
    rows = list(load_workbook(out)["Meetings"].iter_rows(min_row=2, values_only=True))
    assert len(stored.attendees) == 60 and len(stored.meetings) == len(rows) > 0


def test_template_writes_a_blank_form(tmp_path: Path) -> None:
    assert main(["template", "-o", str(tmp_path / "blank.xlsx")]) == 0
    assert "Instructions" in load_workbook(tmp_path / "blank.xlsx").sheetnames


def _not_a_workbook(tmp_path: Path) -> Path:
    path = tmp_path / "registrations.xlsx"
    path.write_bytes(bytes(range(256)) * 4)
    return path


def _without(sheet: str) -> Callable[[Workbook], None]:
    return lambda workbook: workbook.remove(workbook[sheet])


def _rename_header(sheet: str, column: str) -> Callable[[Workbook], None]:
    def edit(workbook: Workbook) -> None:
        for cell in workbook[sheet][1]:
            if cell.value == column:
                cell.value = "Weight"
    return edit


def _set(sheet: str, cell: str, value: object) -> Callable[[Workbook], None]:
    def edit(workbook: Workbook) -> None:
        workbook[sheet][cell] = value
    return edit


BAD_INPUTS = {
    "missing file": (lambda tmp: tmp / "nowhere.xlsx",
                     ["nowhere.xlsx", "does not exist"]),
    "not a workbook": (_not_a_workbook,
                       ["registrations.xlsx", "not an Excel workbook"]),
    "no wishes": (lambda tmp: edited_sample(tmp, _without("Requests")),
                  ["Nothing to schedule", "no wishes"]),
    "unknown column": (lambda tmp: edited_sample(tmp, _rename_header("Requests", "Priority")),
                       ["sheet 'Requests', column C 'Weight'", "looks like priorities",
                        '--column "Weight=priority"']),
    "unknown attendee": (lambda tmp: edited_sample(tmp, _set("Requests", "A7", "P0999")),
                         ["sheet 'Requests', row 7, column 'Requester ID'", "'P0999'"]),
    "priority out of range": (lambda tmp: edited_sample(tmp, _set("Requests", "C12", 4)),
                              ["sheet 'Requests', row 12, column 'Priority'", "1 (nice)"]),
    "not a time": (lambda tmp: edited_sample(tmp, _set("Attendees", "K5", "half past")),
                   ["sheet 'Attendees', row 5, column 'Available until'", "HH:MM"]),
    "event time not a time": (lambda tmp: edited_sample(tmp, _set("Event", "B4", "nine")),
                              ["sheet 'Event', row 4, column 'Value'", "HH:MM"]),
}


@pytest.mark.parametrize("kind", list(BAD_INPUTS))
def test_bad_input_is_named_precisely_with_exit_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    make_input, expected = BAD_INPUTS[kind]
    code = main(["schedule", str(make_input(tmp_path)), "-o", str(tmp_path / "out.xlsx")])
    err = capsys.readouterr().err
    assert code == 2
    for fragment in expected:
        assert fragment in err
    assert "Traceback" not in err
    assert not (tmp_path / "out.xlsx").exists()


def test_the_installed_command_exits_2_on_bad_input(tmp_path: Path) -> None:
    workbook = edited_sample(tmp_path, _set("Requests", "C3", "urgent"))
    done = subprocess.run(
        [sys.executable, "-m", "nbl_desktop", "schedule", str(workbook), "-o",
         str(tmp_path / "o.xlsx")],
        capture_output=True, text=True, env={**os.environ}, check=False,
    )
    assert done.returncode == 2
    assert "sheet 'Requests', row 3, column 'Priority': 'urgent' is not a priority" in done.stderr
    assert done.stderr.count("'urgent'") == 1  # said once, not once as a warning too
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(("language", "wrote"), [("nb", "Lagret"), ("sv", "Skrev"),
                                                  ("fi", "Tallennettu:")])
def test_messages_come_in_the_language_asked_for(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], language: str, wrote: str) -> None:
    out = tmp_path / "out.xlsx"
    assert main(["--language", language, "schedule", str(sample("arctic-60.xlsx")), "-o",
                 str(out), "--time-limit", "2"]) == 0
    said = capsys.readouterr()
    assert f"{wrote} {out}" in said.out and "attendees" not in said.err
    assert main(["schedule", str(sample("arctic-60.xlsx")), "-o", str(out),
                 "--time-limit", "2"]) == 0
    assert f"Wrote {out}" in capsys.readouterr().out  # English again unless asked
