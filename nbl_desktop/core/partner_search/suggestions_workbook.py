"""The suggestions as a workbook other tools read, and accepted suggestions as wishes.

The `Suggestions` sheet's columns are a contract (`Attendee ID`, `Suggested ID`,
`Rank` 1 = best, `Score`, `Why`): their names stay English whatever the window's
language; the reasons are in the language the command runs in.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from nbl_desktop.core import edits
from nbl_desktop.core.event import EventData, RequestRecord
from nbl_desktop.core.exporting.sheet_style import save_workbook, write_table
from nbl_desktop.core.i18n import counted
from nbl_desktop.core.partner_search.event_search import profile_of
from nbl_desktop.core.partner_search.suggestions import Suggestion, why

SHEET = "Suggestions"
COLUMNS = ("Attendee ID", "Suggested ID", "Rank", "Score", "Why")


def write_suggestions_workbook(event: EventData, found: dict[str, list[Suggestion]],
                               path: Path) -> int:
    """One row per suggestion, each attendee's best first; the number of rows."""
    profiles = {a.id: profile_of(a) for a in event.attendees}
    rows = [(s.attendee_id, s.suggested_id, s.rank, round(s.score, 2),
             why(s, profiles[s.attendee_id], profiles[s.suggested_id]))
            for attendee in event.attendees for s in found.get(attendee.id, [])]
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = SHEET
    write_table(sheet, COLUMNS, rows)
    save_workbook(workbook, path)
    return len(rows)


def accept_top(event: EventData, found: dict[str, list[Suggestion]], top: int,
               priority: int = 2) -> edits.Edit:
    """The `top` best suggestions of every attendee as wishes of `priority`, one edit
    (nothing for a pair that already has a wish, either way round)."""
    wished = {frozenset((r.requester, r.requested)) for r in event.requests}
    changes: list[edits.RowChange] = []
    for attendee in event.attendees:
        for suggestion in found.get(attendee.id, [])[:top]:
            pair = frozenset((suggestion.attendee_id, suggestion.suggested_id))
            if pair in wished:
                continue
            wished.add(pair)
            changes.append(edits.RowChange(None, RequestRecord(
                suggestion.attendee_id, suggestion.suggested_id, priority)))
    count = len(changes)
    return edits.Edit(f"accept {count} suggestions", tuple(changes),
                      counted(count, "accept {count} suggestion", "accept {count} suggestions"))
