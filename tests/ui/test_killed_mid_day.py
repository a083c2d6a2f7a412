"""The desk's work survives a killed application: the app runs in its own process, checks
people in and records late arrivals, and is killed (SIGKILL, no clean close) mid-way. The
reopened event file holds every change the app had reported as done, and the same 'now'."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from nbl_desktop.core.store import EventStore
from tests.process_tree import HAS_PROC, descendants, running
from tests.ui.driving import new_window

pytestmark = [pytest.mark.gui,
              pytest.mark.skipif(not HAS_PROC, reason="reads /proc")]

DESK = textwrap.dedent("""
    import sys, time
    from PySide6.QtWidgets import QApplication
    from nbl_desktop.core.event_day import day_edits
    from nbl_desktop.core.store import EventStore
    from nbl_desktop.ui import messages
    from nbl_desktop.ui.main_window import MainWindow

    messages.answer_without_boxes()  # nobody at this desk answers boxes
    app = QApplication([])
    window = MainWindow()
    window.show()
    window.session.use(EventStore.open(sys.argv[1]))
    panel = window.event_day_page
    window.tabs.setCurrentWidget(panel)
    panel.set_now_by_hand(4)
    print("now 4", flush=True)
    for i, person in enumerate(window.session.current_event.attendees):
        panel.search_edit.setText(f"{person.name} ({person.organization})")
        panel.check_in_first_match()
        print("arrived", person.id, flush=True)
        if i % 3 == 0:
            minute = 600 + i
            window.attendees_page.try_edit(
                lambda e, p=person.id, m=minute: day_edits.late_arrival(e, p, m))
            print("late", person.id, minute, flush=True)
        app.processEvents()
        time.sleep(0.02)
    time.sleep(60)  # still "running" when the test kills it
""")


def test_killing_the_app_mid_day_loses_no_committed_change(
        qtbot: QtBot, event_file: Path, tmp_path: Path) -> None:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
                   "NBL_DESKTOP_DATA_DIR": str(tmp_path / "data")}
    desk = subprocess.Popen([sys.executable, "-c", DESK, str(event_file)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=environment)
    reported: list[list[str]] = []
    assert desk.stdout is not None
    while sum(line[0] == "arrived" for line in reported) < 25:
        line = desk.stdout.readline()
        if not line:
            assert desk.stderr is not None
            pytest.fail(f"the desk process ended before it was killed: {desk.stderr.read()}")
        reported.append(line.split())
    helpers = descendants(desk.pid)  # the figures worker, at least
    desk.send_signal(signal.SIGKILL)
    desk.wait(timeout=10)
    desk.stdout.close()
    assert desk.stderr is not None
    desk.stderr.close()
    assert desk.returncode == -signal.SIGKILL
    assert helpers, "the desk process started no helper process"
    give_up = time.monotonic() + 10
    while any(running(pid) for pid in helpers) and time.monotonic() < give_up:
        time.sleep(0.1)
    assert not any(running(pid) for pid in helpers), "a helper outlived the killed app"

    store = EventStore.open(event_file, read_only=True)
    event = store.load()
    arrived = {words[1] for words in reported if words[0] == "arrived"}
    assert arrived <= set(store.arrivals())
    for words in reported:
        if words[0] == "late":
            assert event.attendee(words[1]).available_from == int(words[2])
    assert store.now_slot() == 4
    store.close()

    app = new_window(qtbot)  # and the app resumes at the same "now"
    app.use(EventStore.open(event_file))
    assert app.event_day.now() == 4

