"""The band at the top of every page (event name, dates, venue, logo) and the footer."""

from __future__ import annotations

from nbl_desktop.core.printouts.pages import EventHeading
from nbl_desktop.printing.canvas import GREY, Align, Canvas

LOGO_HEIGHT_MM = 16.0


def paint_heading(canvas: Canvas, heading: EventHeading) -> float:
    """Paint the event's heading; the y (mm) below it."""
    logo_width = canvas.image(heading.logo, canvas.width, 0, LOGO_HEIGHT_MM, 60) \
        if heading.logo else 0.0
    width = canvas.width - logo_width - (4 if logo_width else 0)
    canvas.text(0, 0, width, canvas.line_mm(15, True), heading.name, 15, bold=True)
    y = canvas.line_mm(15, True)
    details = "  ·  ".join(t for t in (heading.dates, heading.venue) if t)
    if details:
        canvas.text(0, y, width, canvas.line_mm(10), details, 10, color=GREY)
        y += canvas.line_mm(10)
    return max(y, LOGO_HEIGHT_MM if logo_width else 0.0) + 3


def paint_footer(canvas: Canvas, left: str, right: str) -> None:
    height = canvas.line_mm(7.5)
    y = canvas.height - height
    canvas.rule(0, y - 1, canvas.width, 0.2, GREY)
    canvas.text(0, y, canvas.width / 2, height, left, 7.5, color=GREY)
    canvas.text(canvas.width / 2, y, canvas.width / 2, height, right, 7.5, color=GREY,
                align=Align.AlignRight | Align.AlignVCenter)
