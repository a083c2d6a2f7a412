"""Printing and export benchmark: PDFs of every kind and the schedule workbook, per sample.

    python -m nbl_desktop.printing.bench [arctic-1000 arctic-3000 …]

Each sample registration workbook is imported and scheduled for a few
seconds (the schedule's quality does not matter here, only its size), then
the pages are built and written: agendas, table cards and the master grid to
PDF, and the full schedule workbook. Prints one table row per sample. Speed
goals live here, not in timed tests: 1,000 agendas to PDF ≤ 30 s, the
workbook for 1,000 attendees ≤ 10 s.
"""

from __future__ import annotations

import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from solver.bench.memory import peak_memory_text

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples"
SOLVE_SECONDS = 3.0


def _timed(work):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = work()
    return result, time.perf_counter() - started


def megabytes(path: Path) -> str:
    return f"{path.stat().st_size / 1e6:.1f}"


def bench(name: str, folder: Path) -> list[str]:
    from nbl_desktop.core.exporting.schedule_workbook import write_schedule_workbook
    from nbl_desktop.core.importing.registrations import EventFlags, read_registrations
    from nbl_desktop.core.planning import meetings_from_result, problem_from_event
    from nbl_desktop.core.printouts.pages import agenda_pages, master_grid, table_cards
    from nbl_desktop.printing.documents import PrintJob, write_pdf
    from solver import SolveOptions, solve

    event = read_registrations([SAMPLES / f"{name}.xlsx"], EventFlags(), lambda _: None, None)
    result = solve(problem_from_event(event), SolveOptions(time_limit_seconds=SOLVE_SECONDS))
    event = replace(event, meetings=tuple(meetings_from_result(result)))
    pages, build_seconds = _timed(lambda: agenda_pages(event))
    agendas = folder / f"{name}-agendas.pdf"
    sheets, agenda_seconds = _timed(lambda: write_pdf(agendas, PrintJob("agenda", pages)))
    tables = folder / f"{name}-tables.pdf"
    _, table_seconds = _timed(lambda: write_pdf(tables, PrintJob("table", table_cards(event))))
    grid = folder / f"{name}-grid.pdf"
    grid_pages, grid_seconds = _timed(lambda: write_pdf(grid, PrintJob("grid",
                                                                       [master_grid(event)])))
    workbook = folder / f"{name}.xlsx"
    _, workbook_seconds = _timed(lambda: write_schedule_workbook(event, workbook))
    return [name, str(len(event.attendees)), str(len(event.meetings)),
            f"{build_seconds:.2f}", f"{agenda_seconds:.1f}", str(sheets), megabytes(agendas),
            f"{table_seconds:.1f}", f"{grid_seconds:.1f}", str(grid_pages),
            f"{workbook_seconds:.1f}", megabytes(workbook)]


def main(argv: list[str]) -> int:
    from nbl_desktop.printing.offscreen import ensure_gui_application

    ensure_gui_application()
    names = argv or ["arctic-300", "arctic-1000", "arctic-3000"]
    header = ["event", "attendees", "meetings", "agenda pages built s", "agendas PDF s",
              "pages", "MB", "table cards PDF s", "grid PDF s", "grid pages", "workbook s",
              "workbook MB"]
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for name in names:
            rows.append(bench(name, Path(folder)))
    sys.stdout.write("| " + " | ".join(header) + " |\n")
    sys.stdout.write("|" + "---|" * len(header) + "\n")
    for row in rows:
        sys.stdout.write("| " + " | ".join(row) + " |\n")
    sys.stdout.write(f"peak memory {peak_memory_text()} MB\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
