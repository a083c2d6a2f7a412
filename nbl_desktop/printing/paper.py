"""Paper sizes and page layouts: A4 or Letter, portrait or landscape, with printable margins."""

from __future__ import annotations

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize

PAPER_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
MARGIN_MM = 12.0


def page_layout(paper: str, landscape: bool = False) -> QPageLayout:
    """`paper` is "a4" or "letter"; margins that any office printer can print inside."""
    orientation = (QPageLayout.Orientation.Landscape if landscape
                   else QPageLayout.Orientation.Portrait)
    return QPageLayout(QPageSize(PAPER_SIZES[paper]), orientation,
                       QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                       QPageLayout.Unit.Millimeter)
