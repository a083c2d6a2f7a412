"""Print jobs: which pages of which kind, on what paper; painted onto a printer or a PDF.

A PDF is written beside its final name and renamed when complete, so a
cancelled or failed export never leaves half a file under the name asked for.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPagedPaintDevice, QPainter, QPdfWriter

from nbl_desktop import APP_NAME
from nbl_desktop.core.clock import now_stamp
from nbl_desktop.core.errors import UserError
from nbl_desktop.core.i18n import _
from nbl_desktop.core.printouts.pages import AgendaPage, Page, TableCard
from nbl_desktop.core.printouts.print_log import GRID, KIND_TITLES
from nbl_desktop.core.printouts.words import table_title
from nbl_desktop.printing.agenda_painter import paint_agenda
from nbl_desktop.printing.canvas import Canvas
from nbl_desktop.printing.grid_painter import grid_sheets, paint_grid_sheet
from nbl_desktop.printing.paper import page_layout
from nbl_desktop.printing.table_card_painter import paint_table_card
from solver import CancelToken

PDF_DPI = 300
ReportProgress = Callable[[int, int], None]  # pages done, pages in all


@dataclass(frozen=True)
class PrintJob:
    """`pages` of one `kind` (print_log.AGENDA, TABLE, GRID or DESK) on `paper` ("a4",
    "letter")."""

    kind: str
    pages: Sequence[Page]
    paper: str = "a4"
    printed_at: str = ""

    @property
    def landscape(self) -> bool:
        return self.kind == GRID

    @property
    def title(self) -> str:
        """What the job is called (a PDF's title), in the window's language."""
        return _(KIND_TITLES[self.kind])


def paint_job(device: QPagedPaintDevice, job: PrintJob, report: ReportProgress | None = None,
              cancel: CancelToken | None = None) -> int | None:
    """Paint the job's pages on `device`; the number of sheets, None when cancelled."""
    device.setPageLayout(page_layout(job.paper, job.landscape))
    painter = QPainter()
    if not painter.begin(device):
        raise UserError(_("Cannot start printing: the printer or file refused to open."))
    printed_at = job.printed_at or now_stamp()[:16]
    canvas = Canvas(painter, device.width(), device.height(), device.logicalDpiY())
    sheets = 0
    try:
        for done, page in enumerate(job.pages, start=1):
            if cancel is not None and cancel.cancelled:
                return None
            if sheets:
                device.newPage()
            sheets += _paint_page(canvas, page, printed_at, device.newPage)
            if report is not None:
                report(done, len(job.pages))
    finally:
        painter.end()
    return sheets


def _paint_page(canvas: Canvas, page: Page, printed_at: str,
                new_page: Callable[[], object]) -> int:
    """Paint one page (a grid or a long agenda: several sheets, `new_page` between them);
    the number of sheets."""
    if isinstance(page, AgendaPage):
        return paint_agenda(canvas, page, printed_at, new_page)
    if isinstance(page, TableCard):
        paint_table_card(canvas, page, printed_at)
        return 1
    sheets = grid_sheets(canvas, page)
    for number, sheet in enumerate(sheets, start=1):
        if number > 1:
            new_page()
        paint_grid_sheet(canvas, page, sheet, number, len(sheets), printed_at)
    return len(sheets)


class _FirstSheetDone(Exception):
    """Stops painting when a picture of the first sheet is all that is wanted."""


def _stop_at_next_sheet() -> None:
    raise _FirstSheetDone


def first_sheet_image(job: PrintJob, dpi: int = 110) -> QImage:
    """The first sheet of the job's first page as a picture (for previews and the README)."""
    layout = page_layout(job.paper, job.landscape)
    full = layout.fullRectPixels(dpi)
    paint_rect = layout.paintRectPixels(dpi)
    image = QImage(full.width(), full.height(), QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(paint_rect.topLeft())
    canvas = Canvas(painter, paint_rect.width(), paint_rect.height(), dpi)
    try:
        _paint_page(canvas, job.pages[0], job.printed_at or now_stamp()[:16],
                    _stop_at_next_sheet)
    except _FirstSheetDone:
        pass
    finally:
        painter.end()
    return image


def write_pdf(path: Path, job: PrintJob, report: ReportProgress | None = None,
              cancel: CancelToken | None = None) -> int | None:
    """Write the job to one PDF; its number of pages, None (and no file) when cancelled."""
    path = Path(path)
    partial = path.with_name(path.name + ".partial")
    writer = QPdfWriter(str(partial))
    writer.setResolution(PDF_DPI)
    writer.setCreator(APP_NAME)
    writer.setTitle(job.title)
    try:
        sheets = paint_job(writer, job, report, cancel)
    except UserError as exc:
        partial.unlink(missing_ok=True)
        raise UserError(_("Cannot write {path}: {reason}").format(path=path, reason=exc)) \
            from exc
    del writer  # the file is complete once the writer is gone
    if sheets is None:
        partial.unlink(missing_ok=True)
        return None
    try:
        partial.replace(path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise UserError(_("Cannot write {path}: it is open in another program or the folder "
                          "is read-only. Close it and try again.").format(path=path)) from exc
    return sheets


def write_pdf_per_page(folder: Path, job: PrintJob, report: ReportProgress | None = None,
                       cancel: CancelToken | None = None) -> list[Path] | None:
    """One PDF per page (per attendee, per table) in `folder`; the files, None if cancelled."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    taken: set[str] = set()
    for done, page in enumerate(job.pages, start=1):
        if cancel is not None and cancel.cancelled:
            return None
        target = folder / f"{_distinct(file_name_of(page), taken)}.pdf"
        write_pdf(target, PrintJob(job.kind, [page], job.paper, job.printed_at))
        written.append(target)
        if report is not None:
            report(done, len(job.pages))
    return written


def _distinct(name: str, taken: set[str]) -> str:
    """`name`, or "name (2)", … when an earlier page of the job has it, ignoring case as
    Windows and macOS do ("a1 Kari" and "A1 Kari" would be one file there); "A/1" and
    "A:1" are one name anywhere ("A_1")."""
    chosen, number = name, 1
    while chosen.casefold() in taken:
        number += 1
        chosen = f"{name} ({number})"
    taken.add(chosen.casefold())
    return chosen


def file_name_of(page: Page) -> str:
    """A file name safe on every system: "A017 Kari Nordmann", "Table 12", "grid"."""
    if isinstance(page, AgendaPage):
        text = f"{page.attendee_id} {page.name}"
    elif isinstance(page, TableCard):
        text = table_title(page.label)
    else:
        text = "grid"
    return re.sub(r'[<>:"/\\|?*\x00-\x1f]+', "_", text).strip(" .") or "page"
