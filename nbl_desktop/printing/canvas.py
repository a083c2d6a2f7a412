"""A page to paint on, in millimetres and points: fonts, elided text, lines and shading.

Wraps a QPainter that is already painting on a paged device (PDF writer,
printer, image); (0, 0) is the top left of the printable area.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from nbl_desktop.printing import pictures

GREY = QColor(95, 95, 95)
LIGHT = QColor(232, 232, 232)
INK = QColor(0, 0, 0)

Align = Qt.AlignmentFlag


class Canvas:
    """Painting helpers in millimetres on the painter's device."""

    def __init__(self, painter: QPainter, width_px: int, height_px: int, dpi: float) -> None:
        self.painter = painter
        self.dpi = dpi
        self.width = width_px * 25.4 / dpi
        self.height = height_px * 25.4 / dpi
        self._fonts: dict[tuple[float, bool, bool], tuple[QFont, QFontMetricsF]] = {}

    def px(self, mm: float) -> float:
        return mm * self.dpi / 25.4

    def font(self, points: float, bold: bool = False, italic: bool = False) -> QFont:
        return self._font_and_metrics(points, bold, italic)[0]

    def line_mm(self, points: float, bold: bool = False) -> float:
        """The height of one line of text at `points`, in millimetres."""
        return self._font_and_metrics(points, bold, False)[1].lineSpacing() * 25.4 / self.dpi

    def text(self, x: float, y: float, width: float, height: float, text: str, points: float,
             *, bold: bool = False, italic: bool = False, color: QColor = INK,
             align: Qt.AlignmentFlag = Align.AlignLeft | Align.AlignVCenter) -> None:
        """`text` in the box (mm), shortened with "…" when it does not fit on one line."""
        font, metrics = self._font_and_metrics(points, bold, italic)
        box = QRectF(self.px(x), self.px(y), self.px(width), self.px(height))
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, box.width())
        self.painter.setFont(font)
        self.painter.setPen(color)
        self.painter.drawText(box, int(align), shown)

    def fits(self, text: str, points: float, width: float, bold: bool = False) -> bool:
        return self._font_and_metrics(points, bold, False)[1].horizontalAdvance(text) \
            <= self.px(width)

    def rule(self, x: float, y: float, width: float, thickness: float = 0.3,
             color: QColor = INK) -> None:
        pen = QPen(color)
        pen.setWidthF(self.px(thickness))
        self.painter.setPen(pen)
        self.painter.drawLine(int(self.px(x)), int(self.px(y)), int(self.px(x + width)),
                              int(self.px(y)))

    def box(self, x: float, y: float, width: float, height: float, fill: QColor | None = None,
            border: float = 0.0) -> None:
        pen = QPen(INK)
        pen.setWidthF(self.px(border))
        self.painter.setPen(pen if border else Qt.PenStyle.NoPen)
        self.painter.setBrush(fill if fill is not None else Qt.BrushStyle.NoBrush)
        self.painter.drawRect(QRectF(self.px(x), self.px(y), self.px(width), self.px(height)))
        self.painter.setBrush(Qt.BrushStyle.NoBrush)

    def image(self, data: bytes, right: float, y: float, height: float,
              max_width: float) -> float:
        """The image (file bytes) `height` mm tall with its right edge at `right`; its
        width in mm, 0 when the bytes are no image Qt can read."""
        picture = pictures.picture(data)
        if picture.isNull() or picture.height() == 0:
            return 0.0
        width = min(max_width, height * picture.width() / picture.height())
        height = width * picture.height() / picture.width()
        target = QRectF(self.px(right - width), self.px(y), self.px(width), self.px(height))
        self.painter.drawImage(target, picture)
        return width

    def _font_and_metrics(self, points: float, bold: bool,
                          italic: bool) -> tuple[QFont, QFontMetricsF]:
        key = (points, bold, italic)
        if key not in self._fonts:
            font = QFont()
            # Sizes in device pixels: the same on a 300 dpi PDF, a printer and an image.
            font.setPixelSize(max(1, round(points * self.dpi / 72)))
            font.setBold(bold)
            font.setItalic(italic)
            # No "ﬁ" ligatures: the PDF's text must say "Sofia" for search and copy.
            font.setFeature(QFont.Tag("liga"), 0)
            self._fonts[key] = (font, QFontMetricsF(font))
        return self._fonts[key]
