"""GUI benchmark: the real window, offscreen, through what an organizer does at a big event.

    QT_QPA_PLATFORM=offscreen python -m nbl_desktop.ui.bench [arctic-3000]

The sample is imported and scheduled once (cached in the temporary folder).
Then the window opens the event and goes through each action as a user does
it. A 5 ms timer on the GUI thread notes when it gets to run: the longest
gap while an action and what it set off run is how long the window was
frozen. Memory is the process's resident size (child processes, such as the
solve's, are not in it). Prints one row per action. The goal: no action
blocks the GUI thread over 100 ms at 3,000 people, and memory after an
export within 10 % of before.
"""

from __future__ import annotations

import itertools
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples"
SOLVE_SECONDS = 30.0  # for the cached event
SCHEDULE_SECONDS = 20.0  # the schedule made in the window
TICK_MS = 5
QUIET_SECONDS = 0.3  # an action has settled when nothing ran for this long after it


def resident_megabytes() -> float:
    """The process's resident memory now (Linux: /proc); elsewhere the peak so far, or 0
    where the system does not say (Windows)."""
    try:
        with open("/proc/self/statm") as statm:
            pages = int(statm.read().split()[1])
    except OSError:
        from solver.bench.memory import peak_megabytes

        return peak_megabytes() or 0.0
    import os

    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def scheduled_event(name: str) -> Path:
    """The sample, imported and scheduled, in an event file kept between runs."""
    from nbl_desktop.core.importing.registrations import EventFlags, read_registrations
    from nbl_desktop.core.planning import meetings_from_result, problem_from_event
    from nbl_desktop.core.store import EventStore
    from solver import SolveOptions, solve

    cached = Path(tempfile.gettempdir()) / f"nbl-gui-bench-{name}.nblevent"
    if not cached.exists():
        event = read_registrations([SAMPLES / f"{name}.xlsx"], EventFlags(), lambda _: None,
                                   None)
        result = solve(problem_from_event(event), SolveOptions(time_limit_seconds=SOLVE_SECONDS))
        store = EventStore.create(cached, event.settings)
        store.replace_event(replace(event, meetings=tuple(meetings_from_result(result))))
        store.close()
    return cached


class Probe:
    """Notes each turn of the GUI thread's event loop, and the memory as it goes."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.ticks: list[float] = []
        self.peak = 0.0
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        self.ticks.append(time.perf_counter())
        if len(self.ticks) % 20 == 0:
            self.peak = max(self.peak, resident_megabytes())

    def measure(self, action: Callable[[], None], settled: Callable[[], bool]) -> tuple[float,
                                                                                          float]:
        """(longest GUI-thread block in seconds, peak resident MB) while `action` runs and
        until `settled()` holds and the loop has been quiet a moment."""
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        assert app is not None
        self.ticks, self.peak = [], resident_megabytes()
        started = time.perf_counter()
        self.timer.start()
        QTimer.singleShot(0, action)
        quiet_since = None
        while True:
            app.processEvents()
            time.sleep(0.001)
            if settled():
                quiet_since = quiet_since or time.perf_counter()
                if time.perf_counter() - quiet_since > QUIET_SECONDS:
                    break
            else:
                quiet_since = None
        self.timer.stop()
        marks = [started, *self.ticks]
        longest = max(b - a for a, b in itertools.pairwise(marks))
        return longest, max(self.peak, resident_megabytes())


def run(name: str) -> list[list[str]]:
    from PySide6.QtWidgets import QApplication

    from nbl_desktop.core import edits
    from nbl_desktop.ui import messages
    from nbl_desktop.ui.app import set_aside_long_lived_objects
    from nbl_desktop.ui.main_window import MainWindow

    path = scheduled_event(name)
    app = QApplication.instance() or QApplication(sys.argv)
    messages.answer_without_boxes()
    window = MainWindow()
    window.resize(1400, 900)
    window.show()
    set_aside_long_lived_objects()
    probe = Probe()
    rows: list[list[str]] = []
    session, runner = window.session, window.runner

    def idle() -> bool:
        return not runner.running()

    import gc

    pauses: list[float] = []
    started: list[float] = []

    def collection(phase: str, info: dict[str, int]) -> None:
        if info["generation"] == 2:
            if phase == "start":
                started[:] = [time.perf_counter()]
            elif started:
                pauses.append(time.perf_counter() - started[0])

    gc.callbacks.append(collection)

    def step(label: str, action: Callable[[], None]) -> None:
        pauses.clear()
        longest, peak = probe.measure(action, idle)
        rows.append([label, f"{longest * 1000:.0f}", f"{max(pauses, default=0) * 1000:.0f}",
                     f"{peak:.0f}"])
        sys.stderr.write(f"  {label}: {longest * 1000:.0f} ms\n")

    step("open the event", lambda: window.files.open_event(path))
    event = session.current_event
    assert event is not None
    person = event.attendees[len(event.attendees) // 2]
    page = window.attendees_page
    page.select_attendee(person.id)
    step("edit a person", lambda: page.try_edit(lambda current: edits.change_attendee(
        current, replace(current.attendee(person.id), organization="Renamed AS"))))
    step("undo the edit", session.undo_stack.undo)
    meeting = event.meetings[0]
    grid = window.schedule_page
    step("show the Schedule tab", lambda: window.tabs.setCurrentWidget(grid))
    free_table = next(t for t in range(len(event.settings.table_labels))
                      if grid.grid_model.meeting_at(meeting.slot, t) is None) \
        if any(grid.grid_model.meeting_at(meeting.slot, t) is None
               for t in range(len(event.settings.table_labels))) else meeting.table
    step("move a meeting", lambda: grid.move_meeting(meeting.slot, meeting.table,
                                                     meeting.slot, free_table))
    step("undo the move", session.undo_stack.undo)
    step("redo the move", session.undo_stack.redo)
    window.tabs.setCurrentWidget(page)
    app.processEvents()
    step("sort by organization", lambda: page.view.sortByColumn(1, page.view.horizontalHeader()
                                                                .sortIndicatorOrder()))
    step("search 'arctic'", lambda: page.search.setText("arctic"))
    step("clear the search", page.search.clear)
    step("show the Overview", lambda: window.tabs.setCurrentWidget(window.overview_page))
    window.scheduling.time_limit_box.setValue(SCHEDULE_SECONDS)
    step(f"schedule ({SCHEDULE_SECONDS:.0f} s) and store it", window.scheduling.start_scheduling)
    before = resident_megabytes()
    target = Path(tempfile.mkdtemp()) / f"{name}.xlsx"
    step("export the workbook", lambda: window.output.export_schedule(target))
    after = resident_megabytes()
    rows.append(["memory before / after export", f"{before:.0f} MB", "", f"{after:.0f} MB"])
    window.close()
    while not idle():
        app.processEvents()
    return rows


def main(argv: list[str]) -> int:
    names = argv or ["arctic-3000"]
    for name in names:
        rows = run(name)
        sys.stdout.write(f"\n{name}: longest GUI-thread block per action (goal ≤ 100 ms)\n\n"
                         "| action | longest block (ms) | longest full GC (ms) | peak resident "
                         "(MB) |\n|---|---:|---:|---:|\n")
        for row in rows:
            sys.stdout.write("| " + " | ".join(row) + " |\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
