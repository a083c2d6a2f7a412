"""The master grid on paper: slots down, tables across, landscape, split over as many pages
as it needs, each repeating the slot times and the table labels.

Cells hold both parties' names at a size readable on a wall (9 pt at
least); the columns and rows that fit decide the split.
"""

from __future__ import annotations

from dataclasses import dataclass

from nbl_desktop import APP_NAME
from nbl_desktop.core.printouts.pages import MasterGrid
from nbl_desktop.core.printouts.words import table_title
from nbl_desktop.printing.canvas import GREY, LIGHT, Align, Canvas
from nbl_desktop.printing.page_heading import paint_footer

NAME_POINTS, ORGANIZATION_POINTS = 9.5, 7.5
TIME_COLUMN_MM = 30.0
MIN_CELL_MM = 42.0
FOOTER_MM = 7.0


@dataclass(frozen=True)
class GridSheet:
    """One page of the grid: a run of slots and a run of tables (first, past the last)."""

    slots: tuple[int, int]
    tables: tuple[int, int]


def _title_height(canvas: Canvas) -> float:
    return canvas.line_mm(13, True) + 2


def _header_height(canvas: Canvas) -> float:
    return canvas.line_mm(10, True) + 2


def _row_height(canvas: Canvas) -> float:
    return 2 * canvas.line_mm(NAME_POINTS) + canvas.line_mm(ORGANIZATION_POINTS) + 1.5


def grid_sheets(canvas: Canvas, grid: MasterGrid) -> list[GridSheet]:
    """How the grid splits into pages on this paper: row bands first, then column bands."""
    per_page_tables = max(1, int((canvas.width - TIME_COLUMN_MM) // MIN_CELL_MM))
    room = canvas.height - FOOTER_MM - _title_height(canvas) - _header_height(canvas)
    per_page_slots = max(1, int(room // _row_height(canvas)))
    slots, tables = len(grid.slot_labels), len(grid.table_labels)
    return [GridSheet((s, min(slots, s + per_page_slots)), (t, min(tables, t + per_page_tables)))
            for s in range(0, max(slots, 1), per_page_slots)
            for t in range(0, max(tables, 1), per_page_tables)]


def paint_grid_sheet(canvas: Canvas, grid: MasterGrid, sheet: GridSheet, number: int,
                     count: int, printed_at: str) -> None:
    words = grid.words
    first_slot, past_slot = sheet.slots
    first_table, past_table = sheet.tables
    title = f"{grid.heading.name}  ·  {words.master_grid}"
    canvas.text(0, 0, canvas.width * 0.7, _title_height(canvas), title, 13, bold=True)
    canvas.text(canvas.width * 0.7, 0, canvas.width * 0.3, _title_height(canvas),
                words.page.format(page=number, pages=count), 10, color=GREY,
                align=Align.AlignRight | Align.AlignVCenter)
    y = _title_height(canvas)
    columns = past_table - first_table
    cell = (canvas.width - TIME_COLUMN_MM) / max(columns, 1)
    header = _header_height(canvas)
    canvas.box(0, y, canvas.width, header, LIGHT)
    canvas.text(1, y, TIME_COLUMN_MM - 1, header, words.time, 10, bold=True)
    for i, table in enumerate(range(first_table, past_table)):
        canvas.text(TIME_COLUMN_MM + i * cell + 1, y, cell - 2, header,
                    table_title(grid.table_labels[table], words), 10, bold=True)
    y += header
    row_height = _row_height(canvas)
    name_line = canvas.line_mm(NAME_POINTS)
    for slot in range(first_slot, past_slot):
        canvas.text(1, y, TIME_COLUMN_MM - 2, row_height, grid.slot_labels[slot], 9.5,
                    bold=True, align=Align.AlignLeft | Align.AlignTop)
        for i, table in enumerate(range(first_table, past_table)):
            meeting = grid.cells.get((slot, table))
            if meeting is None:
                continue
            x = TIME_COLUMN_MM + i * cell + 1
            canvas.text(x, y + 0.5, cell - 2, name_line, meeting.first, NAME_POINTS, bold=True)
            canvas.text(x, y + 0.5 + name_line, cell - 2, name_line, meeting.second,
                        NAME_POINTS, bold=True)
            organizations = " / ".join(o for o in (meeting.first_organization,
                                                   meeting.second_organization) if o)
            canvas.text(x, y + 0.5 + 2 * name_line, cell - 2,
                        canvas.line_mm(ORGANIZATION_POINTS), organizations,
                        ORGANIZATION_POINTS, color=GREY)
        y += row_height
        canvas.rule(0, y, canvas.width, 0.15, GREY)
    for i in range(columns + 1):  # column lines
        x = TIME_COLUMN_MM + i * cell
        canvas.painter.drawLine(int(canvas.px(x)), int(canvas.px(_title_height(canvas))),
                                int(canvas.px(x)), int(canvas.px(y)))
    paint_footer(canvas, f"{words.printed} {printed_at}  ·  {APP_NAME}",
                 f"{grid.slot_labels[first_slot] if grid.slot_labels else ''}")
