"""The schedule's figures as workbook sheets: `Unmet` (each unmet wish and why) and `Summary`
(meetings, must-meets, people left out, idle slots, value against its proven bound, and
meetings per country pair for funders)."""

from __future__ import annotations

from collections import Counter

from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from nbl_desktop.core.edits import priority_name
from nbl_desktop.core.event import EventData
from nbl_desktop.core.exporting.sheet_style import RowWriter, write_table
from nbl_desktop.core.i18n import N_, _
from nbl_desktop.core.parties import parties_of
from nbl_desktop.core.planning import problem_from_event
from nbl_desktop.core.schedule_figures import ScheduleFigures
from solver import Meeting, schedule_value, value_bound

UNMET_COLUMNS = (N_("Requester ID"), N_("Requester"), N_("Requested ID"), N_("Requested"),
                 N_("Priority"), N_("Reason"))
BOLD = Font(bold=True)


def write_unmet_sheet(sheet: Worksheet, event: EventData, figures: ScheduleFigures) -> None:
    write_table(sheet, [_(column) for column in UNMET_COLUMNS], (
        (w.requester, event.attendee(w.requester).name, w.requested,
         event.attendee(w.requested).name, priority_name(w.priority), w.reason)
        for w in figures.unmet))
    sheet.auto_filter.ref = sheet.dimensions


def country_pairs(event: EventData) -> Counter[tuple[str, str]]:
    """Meetings per pair of countries (each pair in alphabetical order; "?" for none given)."""
    lead = parties_of(event.attendees).lead_of
    pairs: Counter[tuple[str, str]] = Counter()
    for m in event.meetings:
        first, second = (event.attendee(lead[m.a]).country or "?",
                         event.attendee(lead[m.b]).country or "?")
        pairs[(min(first, second), max(first, second))] += 1
    return pairs


def write_summary_sheet(sheet: Worksheet, event: EventData, figures: ScheduleFigures,
                        not_held: set[tuple[int, str, str]] | None = None) -> None:
    problem = problem_from_event(event)
    lead = parties_of(event.attendees).lead_of
    value = schedule_value(problem, [Meeting(m.slot, m.table, lead[m.a], lead[m.b])
                                     for m in event.meetings])
    bound = max(value_bound(problem), value)
    pairs = country_pairs(event)
    known = sum(n for (a, b), n in pairs.items() if "?" not in (a, b))
    cross = sum(n for (a, b), n in pairs.items() if "?" not in (a, b) and a != b)
    rows: list[tuple[str, object]] = [
        (_("Event"), event.settings.name),
        (_("Attendees"), len(event.attendees)),
        (_("Meetings"), figures.meetings),
        (_("Meetings recorded as not held"), sum(
            (m.slot, m.a, m.b) in (not_held or set()) for m in event.meetings)),
        (_("Must-meets met"), figures.must_met),
        (_("Must-meets asked for"), figures.must_total),
        (_("People with wishes but no meeting"), figures.left_out),
        (_("Idle slots between meetings"), figures.idle_slots),
        (_("Unmet wishes"), len(figures.unmet)),
        (_("Value (wish weights met)"), value),
        (_("Proven bound on value (LP relaxation)"), bound),
        (_("Share of the bound reached (%)"), round(100 * value / bound, 1) if bound else 100.0),
        (_("Cross-border meetings"), cross),
        (_("Cross-border share, %"), round(100 * cross / known, 1) if known else 0.0),
    ]
    write_table(sheet, (_("Figure"), _("Value")), rows)
    writer = RowWriter(sheet, rows_written=1 + len(rows))
    writer.append([])
    writer.append([_("Meetings per country pair")], font=BOLD)
    writer.append([_("Countries"), _("Meetings")], font=BOLD)
    for (a, b), count in sorted(pairs.items(), key=lambda item: (-item[1], item[0])):
        writer.append([f"{a}–{b}", count])
    sheet.page_setup.fitToWidth = 1
    sheet.print_area = f"A1:B{writer.row}"
