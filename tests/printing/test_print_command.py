"""`nbl-desktop print`: PDFs from an event file, and "only what changed since last printed"."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from nbl_desktop.cli import main
from nbl_desktop.core.parties import parties_of
from nbl_desktop.core.store import EventStore
from tests.printing.conftest import page_texts


def test_only_the_agendas_a_change_touched_are_printed_again(
        event_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = tmp_path / "all.pdf"
    assert main(["print", str(event_file), "--what", "agendas", "-o", str(first)]) == 0
    store = EventStore.open(event_file)
    event = store.load()
    assert len(page_texts(first)) == len(event.attendees)

    again = tmp_path / "again.pdf"
    assert main(["print", str(event_file), "--what", "agendas", "--only-changed",
                 "-o", str(again)]) == 0
    assert "Nothing to print" in capsys.readouterr().out
    assert not again.exists()

    # One meeting moves to a table that is free in its slot.
    meeting = event.meetings[0]
    taken = {m.table for m in event.meetings if m.slot == meeting.slot}
    free = next(t for t in range(len(event.settings.table_labels)) if t not in taken)
    store.replace_meetings([replace(meeting, table=free), *event.meetings[1:]])
    store.close()
    assert main(["print", str(event_file), "--what", "agendas", "--only-changed",
                 "-o", str(again)]) == 0
    members = parties_of(event.attendees).members
    touched = [event.attendee(i).name for lead in (meeting.a, meeting.b)
               for i in members.get(lead, (lead,))]
    texts = page_texts(again)
    assert len(texts) == len(touched)
    assert all(any(name in text for text in texts) for name in touched)


def test_table_cards_one_file_each(event_file: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cards"
    assert main(["print", str(event_file), "--what", "tables", "--one-file-each",
                 "-o", str(folder)]) == 0
    files = sorted(folder.glob("*.pdf"))
    tables = EventStore.open(event_file).settings().table_labels
    assert len(files) == len(tables)
    assert page_texts(folder / "Table 3.pdf")[0].count("Table 3") >= 1


def test_an_unknown_attendee_is_named_with_exit_status_2(
        event_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["print", str(event_file), "--what", "agendas", "--attendee", "NOPE",
                 "-o", str(tmp_path / "x.pdf")])
    assert code == 2
    assert "no attendee with ID NOPE" in capsys.readouterr().err
