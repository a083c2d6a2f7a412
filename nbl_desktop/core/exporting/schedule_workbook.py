"""The schedule workbook handed to planners: one row per meeting, every request's status,
and the views a planner prints or forwards unchanged.

Sheet `Meetings` and sheet `Requests` keep the column names below; other
tools (and the independent referee) read them. `Grid`, `Agendas`, `Tables`,
`Unmet` and `Summary` follow (see `paper_sheets`, `figures_sheets`).
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from nbl_desktop.core.clock import format_clock
from nbl_desktop.core.errors import UserError
from nbl_desktop.core.event import EventData
from nbl_desktop.core.exporting.figures_sheets import write_summary_sheet, write_unmet_sheet
from nbl_desktop.core.exporting.paper_sheets import (
    write_agendas_sheet,
    write_grid_sheet,
    write_tables_sheet,
)
from nbl_desktop.core.exporting.sheet_style import append_row, save_workbook, write_table
from nbl_desktop.core.i18n import _, current_language
from nbl_desktop.core.printouts.pages import agenda_pages, master_grid, table_cards
from nbl_desktop.core.schedule_figures import schedule_figures
from nbl_desktop.core.slot_grid import slot_times

# The `Meetings` and `Requests` sheets are a contract: their titles, column names and
# words ("yes", "Scheduled") stay English in every language.
MEETINGS_COLUMNS = (
    "Slot", "Start", "End", "Table",
    "Attendee A ID", "Attendee A", "Organization A",
    "Attendee B ID", "Attendee B", "Organization B",
    "Locked",
)
REQUESTS_COLUMNS = ("Requester ID", "Requested ID", "Priority", "Status")
SCHEDULED, NOT_SCHEDULED = "Scheduled", "Not scheduled"


def write_schedule_workbook(event: EventData, path: Path,
                            not_held: set[tuple[int, str, str]] | None = None) -> None:
    """The workbook; `not_held` (slot, a, b) are the meetings the desk recorded as not held
    (`EventStore.not_held`), counted in the Summary."""
    workbook = Workbook()
    meetings_sheet = workbook.active
    assert meetings_sheet is not None
    meetings_sheet.title = "Meetings"
    slots = slot_times(event.settings)
    labels = event.settings.table_labels
    rows = []
    for m in sorted(event.meetings, key=lambda m: (m.slot, m.table)):
        a, b = event.attendee(m.a), event.attendee(m.b)
        rows.append((
            m.slot + 1, format_clock(slots[m.slot].start), format_clock(slots[m.slot].end),
            labels[m.table], a.id, a.name, a.organization, b.id, b.name, b.organization,
            "yes" if m.locked else "",
        ))
    write_table(meetings_sheet, MEETINGS_COLUMNS, rows)

    met = {frozenset((m.a, m.b)) for m in event.meetings}
    write_table(
        workbook.create_sheet("Requests"),
        REQUESTS_COLUMNS,
        (
            (r.requester, r.requested, r.priority,
             SCHEDULED if frozenset((r.requester, r.requested)) in met else NOT_SCHEDULED)
            for r in event.requests
        ),
    )
    _write_views(workbook, event, not_held or set())
    save_workbook(workbook, Path(path))


def _write_views(workbook: Workbook, event: EventData,
                 not_held: set[tuple[int, str, str]]) -> None:
    """The planner's views, in the window's language (each agenda in its reader's)."""
    # Translators: a sheet's name in the workbook: at most 31 characters, none of : \ / ? * [ ]
    grid = workbook.create_sheet(_("Grid"))
    # Translators: a sheet's name in the workbook: at most 31 characters, none of : \ / ? * [ ]
    agendas = workbook.create_sheet(_("Agendas"))
    # Translators: a sheet's name in the workbook: at most 31 characters, none of : \ / ? * [ ]
    tables = workbook.create_sheet(_("Tables"))
    # Translators: a sheet's name in the workbook: at most 31 characters, none of : \ / ? * [ ]
    unmet = workbook.create_sheet(_("Unmet"))
    # Translators: a sheet's name in the workbook: at most 31 characters, none of : \ / ? * [ ]
    summary = workbook.create_sheet(_("Summary"))
    write_grid_sheet(grid, master_grid(event), slot_times(event.settings))
    write_agendas_sheet(agendas, agenda_pages(event))
    write_tables_sheet(tables, table_cards(event, current_language()))
    try:
        figures = schedule_figures(event)
    except UserError as exc:  # say why in the sheets rather than write no workbook at all
        for sheet in (unmet, summary):
            append_row(sheet, [_("No figures: {reason}").format(reason=exc)])
        return
    write_unmet_sheet(unmet, event, figures)
    write_summary_sheet(summary, event, figures, not_held)
