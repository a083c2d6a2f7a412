"""Render the first page of each print kind for the README, from the demo event.

    QT_QPA_PLATFORM=offscreen python scripts/print_samples.py [FOLDER]

Writes agenda-nb.png (a Norwegian attendee's agenda), agenda-fi.png,
table-card.png and master-grid.png into FOLDER (default docs/printouts).
The demo event is scheduled for a few seconds first; a venue is set so the
heading shows one.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOLVE_SECONDS = 5
DPI = 100


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else ROOT / "docs" / "printouts"
    target.mkdir(parents=True, exist_ok=True)
    from nbl_desktop.core.importing.registrations import read_clean_files
    from nbl_desktop.core.planning import meetings_from_result, problem_from_event
    from nbl_desktop.core.printouts.pages import agenda_pages, master_grid, table_cards
    from nbl_desktop.paths import demo_workbook
    from nbl_desktop.printing.documents import PrintJob, first_sheet_image
    from nbl_desktop.printing.offscreen import ensure_gui_application
    from solver import SolveOptions, solve

    ensure_gui_application()
    event = read_clean_files([demo_workbook()])
    result = solve(problem_from_event(event), SolveOptions(time_limit_seconds=SOLVE_SECONDS))
    event = replace(event, meetings=tuple(meetings_from_result(result)),
                    settings=replace(event.settings, venue="Kulturhuset, Tromsø"))
    busiest = sorted(event.attendees, key=lambda a: -sum(a.id in (m.a, m.b)
                                                         for m in event.meetings))
    pictures = {
        "agenda-nb": PrintJob("agenda", agenda_pages(event, [
            next(a.id for a in busiest if a.language == "nb")])),
        "agenda-fi": PrintJob("agenda", agenda_pages(event, [
            next(a.id for a in busiest if a.language == "fi")])),
        "table-card": PrintJob("table", table_cards(event)[:1]),
        "master-grid": PrintJob("grid", [master_grid(event)]),
    }
    for name, job in pictures.items():
        first_sheet_image(job, DPI).save(str(target / f"{name}.png"))
    sys.stdout.write(f"Wrote {', '.join(pictures)} to {target}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
