"""A personal agenda on paper: the event's heading, the attendee, a row per slot.

Every row fits on one page: when an event has many slots, the type shrinks
(down to 80 %), then the partners' offers/seeks lines are left out and the
type shrinks again (down to 65 %); beyond that the agenda continues on a
second page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from nbl_desktop import APP_NAME
from nbl_desktop.core.printouts.pages import AgendaPage, AgendaRow
from nbl_desktop.printing.canvas import GREY, LIGHT, Canvas
from nbl_desktop.printing.page_heading import paint_footer, paint_heading

MAIN_POINTS, ABOUT_POINTS, HEADER_POINTS = 10.5, 8.0, 9.0
SMALLEST_SCALE_WITH_ABOUT, SMALLEST_SCALE = 0.8, 0.65
FOOTER_MM = 7.0
PAD_MM = 1.4


def paint_agenda(canvas: Canvas, page: AgendaPage, printed_at: str,
                 new_page: Callable[[], object]) -> int:
    """Paint `page`; the number of sheets it took (1 unless it has very many rows)."""
    words = page.words
    top = _paint_person(canvas, page)
    room = canvas.height - FOOTER_MM - top
    scale = _fitting_scale(canvas, page.rows, room)
    if scale < SMALLEST_SCALE_WITH_ABOUT:
        page = replace(page, rows=tuple(replace(r, about="") for r in page.rows))
        scale = max(SMALLEST_SCALE, _fitting_scale(canvas, page.rows, room))
    columns = _columns(canvas.width)
    footer_left = f"{words.printed} {printed_at}  ·  {APP_NAME}"
    footer_right = words.meetings(page.meeting_count)
    sheets = 1
    y = _paint_header(canvas, top, columns, page, scale)
    for row in page.rows:
        height = _row_height(canvas, row, scale)
        if y + height > canvas.height - FOOTER_MM:
            paint_footer(canvas, footer_left, footer_right)
            new_page()
            sheets += 1
            y = _paint_header(canvas, _paint_person(canvas, page), columns, page, scale)
        _paint_row(canvas, row, y, height, columns, page, scale)
        y += height
    paint_footer(canvas, footer_left, footer_right)
    return sheets


def _fitting_scale(canvas: Canvas, rows: tuple[AgendaRow, ...], room: float) -> float:
    """The largest type scale (at most 1, at least SMALLEST_SCALE) at which the rows fit in
    `room` mm. Heights are nearly proportional to the type size; the loop settles the
    rounding of font sizes to whole pixels."""
    def needed(scale: float) -> float:
        return sum(_row_height(canvas, r, scale) for r in rows) + _header_height(canvas, scale)

    scale = min(1.0, room / needed(1.0))
    while scale > SMALLEST_SCALE and needed(scale) > room:
        scale -= 0.01
    return scale


def _paint_person(canvas: Canvas, page: AgendaPage) -> float:
    y = paint_heading(canvas, page.heading)
    canvas.text(0, y, canvas.width, canvas.line_mm(8.5), page.words.agenda.upper(), 8.5,
                color=GREY)
    y += canvas.line_mm(8.5)
    canvas.text(0, y, canvas.width, canvas.line_mm(18, True), page.name, 18, bold=True)
    y += canvas.line_mm(18, True)
    if page.organization:
        canvas.text(0, y, canvas.width, canvas.line_mm(12), page.organization, 12)
        y += canvas.line_mm(12)
    return y + 3


def _columns(width: float) -> list[tuple[float, float]]:
    """(x, width) in mm of: time, table, partner, organization, country."""
    time, table = 27.0, 15.0
    rest = width - time - table
    partner, organization = rest * 0.36, rest * 0.42
    country = rest - partner - organization
    xs = [0.0, time, time + table, time + table + partner, time + table + partner + organization]
    return list(zip(xs, (time, table, partner, organization, country), strict=True))


def _header_height(canvas: Canvas, scale: float) -> float:
    """The column titles' line and the rule under it."""
    return canvas.line_mm(HEADER_POINTS * scale, True) + PAD_MM + 0.6


def _paint_header(canvas: Canvas, y: float, columns: list[tuple[float, float]],
                  page: AgendaPage, scale: float) -> float:
    words = page.words
    height = _header_height(canvas, scale) - 0.6
    titles = (words.time, words.table, words.meeting_with, words.organization, words.country)
    for (x, width), title in zip(columns, titles, strict=True):
        canvas.text(x, y, width - 1, height, title, HEADER_POINTS * scale, bold=True)
    canvas.rule(0, y + height, canvas.width, 0.4)
    return y + height + 0.6


def _row_height(canvas: Canvas, row: AgendaRow, scale: float) -> float:
    main = canvas.line_mm(MAIN_POINTS * scale, row.kind == "day")
    if row.kind == "meeting" and row.about:
        return main + canvas.line_mm(ABOUT_POINTS * scale) + PAD_MM * scale
    if row.kind == "day":
        return main + 2.5 * scale
    return main + PAD_MM * scale


def _paint_row(canvas: Canvas, row: AgendaRow, y: float, height: float,
               columns: list[tuple[float, float]], page: AgendaPage, scale: float) -> None:
    points = MAIN_POINTS * scale
    words = page.words
    line = canvas.line_mm(points)
    if row.kind == "day":
        canvas.text(0, y + 2 * scale, canvas.width, height - 2 * scale, row.time, points,
                    bold=True)
        canvas.rule(0, y + height, canvas.width, 0.3)
        return
    if row.kind == "break":
        canvas.box(0, y + 0.3, canvas.width, height - 0.6, LIGHT)
        canvas.text(columns[0][0] + 1, y, columns[0][1] + columns[1][1], height,
                    row.time, points * 0.9, color=GREY)
        canvas.text(columns[2][0], y, columns[2][1], height, words.break_, points * 0.9,
                    italic=True, color=GREY)
        return
    canvas.text(columns[0][0] + 1, y, columns[0][1] - 1, line + PAD_MM * scale, row.time,
                points)
    if row.kind != "meeting":
        text = words.free if row.kind == "free" else words.away
        canvas.text(columns[2][0], y, columns[2][1] * 2, line + PAD_MM * scale, text, points,
                    italic=True, color=GREY)
    else:
        cells = (row.table, row.partner, row.organization, row.country)
        for (x, width), text, bold in zip(columns[1:], cells, (True, True, False, False),
                                          strict=True):
            canvas.text(x, y, width - 1.5, line + PAD_MM * scale, text, points, bold=bold)
        if row.about:
            x = columns[2][0]
            canvas.text(x, y + line + PAD_MM * scale * 0.4, canvas.width - x,
                        canvas.line_mm(ABOUT_POINTS * scale), row.about, ABOUT_POINTS * scale,
                        color=GREY)
    canvas.rule(0, y + height, canvas.width, 0.1, LIGHT)
