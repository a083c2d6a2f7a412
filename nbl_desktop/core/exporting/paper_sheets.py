"""The printed views as workbook sheets: `Grid` (slots × tables), `Agendas` (a block per
attendee, a page each when printed from Excel) and `Tables` (a block per table).

The blocks hold the same content as the printed pages (`core.printouts`),
so paper and workbook never disagree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from nbl_desktop.core.exporting.sheet_style import RowWriter
from nbl_desktop.core.i18n import N_, _, catalog
from nbl_desktop.core.printouts.pages import (
    AgendaPage,
    EventHeading,
    MasterGrid,
    TableCard,
)
from nbl_desktop.core.printouts.words import Words, table_title
from nbl_desktop.core.slot_grid import SlotTime

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
GREY = Font(italic=True, color="606060")
SHADE = PatternFill("solid", fgColor="E8E8E8")
WRAP = Alignment(wrap_text=True, vertical="top")
TIME_FORMAT = "HH:MM"
TIMES = {1: TIME_FORMAT, 2: TIME_FORMAT}
AGENDA_WIDTHS = (8, 8, 8, 28, 30, 14, 60)
TABLE_WIDTHS = (8, 8, 28, 30, 28, 30)
# Column headings: the Grid's in the window's language, a block's in its reader's.
DAY, START, END = N_("Day"), N_("Start"), N_("End")


def _said_in(words: Words, message: str) -> str:
    """`message` in the language of a printed block (its reader's, as on paper)."""
    return catalog(words.language).gettext(message)


def clock(minutes: int) -> dt.time:
    return dt.time(minutes // 60, minutes % 60)


def _times(span: tuple[int, int] | None, text: str) -> list[object]:
    """Start and end as time cells; a row without times (a day's heading) shows its text."""
    return [clock(span[0]), clock(span[1])] if span else [text, None]


def write_grid_sheet(sheet: Worksheet, grid: MasterGrid, slots: Sequence[SlotTime]) -> None:
    """Row 1 names the tables; a row per slot with its start, end and both parties."""
    writer = RowWriter(sheet)
    several_days = any(s.day_name for s in slots)
    lead = [_(DAY)] if several_days else []
    writer.append([*lead, _(START), _(END), *grid.table_labels], font=BOLD, fill=SHADE)
    first_table = len(lead) + 3
    tables = range(first_table, first_table + len(grid.table_labels))
    wrapped = dict.fromkeys(tables, WRAP)
    formats = {len(lead) + 1: TIME_FORMAT, len(lead) + 2: TIME_FORMAT}
    for index, slot in enumerate(slots):
        row: list[object] = [*([slot.day_name] if several_days else []), clock(slot.start),
                             clock(slot.end)]
        for table in range(len(grid.table_labels)):
            cell = grid.cells.get((index, table))
            row.append(f"{cell.first}\n{cell.second}" if cell else None)
        writer.append(row, formats=formats, alignments=wrapped)
    for column in range(1, first_table):
        sheet.column_dimensions[get_column_letter(column)].width = 11 if several_days else 8
    for column in tables:
        sheet.column_dimensions[get_column_letter(column)].width = 26
    sheet.freeze_panes = sheet.cell(2, first_table).coordinate
    _print_setup(writer, landscape=True, title_rows="1:1",
                 title_columns=f"A:{get_column_letter(first_table - 1)}")


def write_agendas_sheet(sheet: Worksheet, pages: Sequence[AgendaPage]) -> None:
    """A block per attendee in their language, a page break after each."""
    writer = _titled(sheet, pages[0].heading if pages else None)
    for page in pages:
        words = page.words
        writer.append([])
        writer.append([page.name], font=TITLE)
        writer.append([page.organization])
        writer.append([_said_in(words, START), _said_in(words, END), words.table,
                       words.meeting_with, words.organization, words.country,
                       f"{words.offers} / {words.seeks}"], font=BOLD, fill=SHADE)
        for row in page.rows:
            times = _times(row.span, row.time)
            if row.kind == "meeting":
                writer.append([*times, row.table, row.partner, row.organization, row.country,
                               row.about], formats=TIMES)
            elif row.kind == "day":
                writer.append([row.time], font=BOLD)
            else:
                text = {"free": words.free, "away": words.away, "break": words.break_}[row.kind]
                writer.append([*times, None, text], formats=TIMES, fonts={4: GREY})
        sheet.row_breaks.append(Break(id=writer.row))
    _widths(sheet, AGENDA_WIDTHS)
    _print_setup(writer, landscape=False, title_rows="1:1")


def write_tables_sheet(sheet: Worksheet, cards: Sequence[TableCard]) -> None:
    """A block per table: its label and room, then its meetings by time."""
    writer = _titled(sheet, cards[0].heading if cards else None)
    for card in cards:
        words = card.words
        writer.append([])
        writer.append([table_title(card.label, words), None, card.room], font=TITLE)
        writer.append([_said_in(words, START), _said_in(words, END), "A", words.organization,
                       "B", words.organization], font=BOLD, fill=SHADE)
        for row in card.rows:
            times = _times(row.span, row.time)
            if row.kind == "meeting":
                writer.append([*times, row.first, row.first_organization, row.second,
                               row.second_organization], formats=TIMES)
            elif row.kind == "day":
                writer.append([row.time], font=BOLD)
            else:
                writer.append([*times, words.break_ if row.kind == "break" else "—"],
                              formats=TIMES, fonts={3: GREY})
        sheet.row_breaks.append(Break(id=writer.row))
    _widths(sheet, TABLE_WIDTHS)
    _print_setup(writer, landscape=False, title_rows="1:1")


def _titled(sheet: Worksheet, heading: EventHeading | None) -> RowWriter:
    """Row 1: the event's name, dates and venue (repeated on every printed page)."""
    writer = RowWriter(sheet)
    parts = (heading.name, heading.dates, heading.venue) if heading else ()
    writer.append(["  ·  ".join(t for t in parts if t)], font=BOLD)
    sheet.freeze_panes = "A2"
    return writer


def _widths(sheet: Worksheet, widths: Sequence[int]) -> None:
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width


def _print_setup(writer: RowWriter, landscape: bool, title_rows: str,
                 title_columns: str | None = None) -> None:
    """Orientation, A4, fit to one page wide, titles repeated, the print area."""
    sheet = writer.sheet
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = title_rows
    if title_columns:
        sheet.print_title_cols = title_columns
    sheet.print_area = f"A1:{get_column_letter(sheet.max_column)}{writer.row}"
