"""A table card on paper: the table's label in large type, its room, its meetings by time."""

from __future__ import annotations

from nbl_desktop import APP_NAME
from nbl_desktop.core.printouts.pages import TableCard, TableCardRow
from nbl_desktop.core.printouts.words import table_title
from nbl_desktop.printing.canvas import GREY, LIGHT, Align, Canvas
from nbl_desktop.printing.page_heading import paint_footer, paint_heading

LABEL_POINTS, ROW_POINTS = 64.0, 12.0
FOOTER_MM = 7.0


def _height(canvas: Canvas, row: TableCardRow, points: float) -> float:
    if row.kind == "meeting":
        return canvas.line_mm(points) + canvas.line_mm(points * 0.75) + 1.6
    return canvas.line_mm(points) + 1.2


def paint_table_card(canvas: Canvas, card: TableCard, printed_at: str) -> None:
    y = paint_heading(canvas, card.heading)
    label = table_title(card.label, card.words)
    points = LABEL_POINTS
    while points > 24 and not canvas.fits(label, points, canvas.width, bold=True):
        points -= 4
    canvas.text(0, y, canvas.width, canvas.line_mm(points, True), label, points, bold=True,
                align=Align.AlignHCenter | Align.AlignVCenter)
    y += canvas.line_mm(points, True)
    if card.room:
        canvas.text(0, y, canvas.width, canvas.line_mm(16), card.room, 16, color=GREY,
                    align=Align.AlignHCenter | Align.AlignVCenter)
        y += canvas.line_mm(16)
    y += 4
    canvas.text(0, y, canvas.width, canvas.line_mm(10, True), card.words.table_meetings, 10,
                bold=True)
    y += canvas.line_mm(10, True) + 1
    canvas.rule(0, y, canvas.width, 0.4)
    rows = card.rows
    room = canvas.height - FOOTER_MM - y
    points = ROW_POINTS
    while points > 7 and sum(_height(canvas, r, points) for r in rows) > room:
        points -= 0.5
    time_width = 31.0
    half = (canvas.width - time_width) / 2
    for row in rows:
        height = _height(canvas, row, points)
        line = canvas.line_mm(points)
        if row.kind in ("break", "day"):
            canvas.box(0, y + 0.3, canvas.width, height - 0.6, LIGHT)
            text = f"{row.time}  {card.words.break_}" if row.kind == "break" else row.time
            canvas.text(1, y, canvas.width, height, text, points * 0.9, bold=row.kind == "day",
                        color=GREY)
        elif row.kind == "free":
            canvas.text(1, y, time_width, height, row.time, points, color=GREY)
            canvas.text(time_width, y, half, height, "—", points, color=GREY)
        else:
            canvas.text(1, y + 0.6, time_width, line, row.time, points)
            for x, name, organization in (
                    (time_width, row.first, row.first_organization),
                    (time_width + half, row.second, row.second_organization)):
                canvas.text(x, y + 0.6, half - 2, line, name, points, bold=True)
                canvas.text(x, y + 0.6 + line, half - 2, canvas.line_mm(points * 0.75),
                            organization, points * 0.75, color=GREY)
        y += height
        canvas.rule(0, y, canvas.width, 0.1, LIGHT)
    paint_footer(canvas, f"{card.words.printed} {printed_at}  ·  {APP_NAME}", card.label)
