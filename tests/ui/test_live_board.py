"""The live board: this round's tables and pairs, the countdown, the next round, paging
through long lists, and an update as soon as the schedule changes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from nbl_desktop.core import edits
from nbl_desktop.ui.live_board import ROWS_PER_PAGE
from tests.ui.driving import schedule, window_with_sample

pytestmark = pytest.mark.gui


def shown_pairs(board: object) -> list[str]:
    return [pair.text() for _, pair in board.rows if pair.text()]  # type: ignore[attr-defined]


def test_the_board_shows_the_round_in_progress_and_follows_the_schedule(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    app = window_with_sample(qtbot, monkeypatch, tmp_path)
    schedule(qtbot, app)
    app.trigger("live_board")
    board = app.live_board
    assert board is not None
    qtbot.addWidget(board)
    board.clock = lambda: dt.datetime(2027, 3, 10, 9, 25)  # slot 2 runs 09:20-09:40
    board.refresh()
    event = app.event
    assert event is not None
    in_slot = [m for m in event.meetings if m.slot == 1]
    assert board.round_label.text().startswith("Round 2  ·  09:20–09:40  ·  ends in 15 min")
    assert len(shown_pairs(board)) == min(ROWS_PER_PAGE, len(in_slot))
    if len(in_slot) > ROWS_PER_PAGE:
        first_page = shown_pairs(board)
        board.next_page()
        assert shown_pairs(board) != first_page and "page 2 of" in board.round_label.text()
    assert board.next_label.text().startswith("Next, 09:40:")

    gone = in_slot[0]
    app.edit(lambda current: edits.delete_meeting(current, gone))
    names = f"{event.attendee(gone.a).name}  –  {event.attendee(gone.b).name}"
    for _ in range(3):  # whichever page it was on, it is on none now
        assert names not in shown_pairs(board)
        board.next_page()
    app.close()  # the board goes with the main app
    assert not board.isVisible()
