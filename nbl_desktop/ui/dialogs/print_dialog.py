"""File > Print: agendas, table cards or the master grid; for everyone, the agendas that
changed since they were last printed, or the attendees ticked; preview, print or PDF.

Printing and PDF export run on a worker thread with progress and Cancel; the
event file's print log is written here, on the GUI thread, once a job is done.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

from nbl_desktop.core import meeting_checks
from nbl_desktop.core.clock import now_stamp
from nbl_desktop.core.errors import UserError
from nbl_desktop.core.event import EventData
from nbl_desktop.core.i18n import _, counted, current_language
from nbl_desktop.core.printouts.pages import Page, pages_of_kind
from nbl_desktop.core.printouts.print_log import (
    AGENDA,
    GRID,
    KIND_TITLES,
    TABLE,
    by_print_kind,
    changed_since_printed,
    fingerprints_of,
)
from nbl_desktop.core.printouts.words import AGENDA_LANGUAGES
from nbl_desktop.printing.documents import (
    PrintJob,
    paint_job,
    write_pdf,
    write_pdf_per_page,
)
from nbl_desktop.printing.pictures import decode_pictures
from nbl_desktop.ui import file_dialogs, messages
from nbl_desktop.ui.event_session import EventSession
from nbl_desktop.ui.tasks import Job, Task, TaskRunner
from nbl_desktop.ui.widgets.list_search import show_matching

ALL, CHANGED, TICKED = "all", "changed", "ticked"


def printed_pages(kind: str, count: int) -> str:
    """"3 personal agendas", "1 master grid": what a print job of `kind` made."""
    if kind == AGENDA:
        return counted(count, "{count} personal agenda", "{count} personal agendas")
    if kind == TABLE:
        return counted(count, "{count} table card", "{count} table cards")
    if kind == GRID:
        return counted(count, "{count} master grid", "{count} master grids")
    return counted(count, "{count} agenda or table card", "{count} agendas and table cards")


def ask_printer(parent: Any, printer: QPrinter) -> bool:
    """The system's print dialog (a separate function so tests can print to a file)."""
    return QPrintDialog(printer, parent).exec() == QDialog.DialogCode.Accepted


class PrintDialog(QDialog):
    """Choose what to print and for whom, then preview, print or export PDF."""

    def __init__(self, session: EventSession, runner: TaskRunner, event: EventData,
                 selected: list[str], parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Print"))
        self.resize(560, 560)
        self.session = session
        self.shown_event = event
        self._runner = runner
        self.task: Task | None = None
        self._closing = False  # Cancel pressed while a job ran: closes once it has stopped
        self.progress: QProgressDialog | None = None
        self.preview_dialog: QPrintPreviewDialog | None = None
        self.outcome = ""  # what the last job did, shown until the next one
        self._cache: dict[tuple[str, str], tuple[list[Page], set[tuple[str, str]], str]] = {}
        self.kind_box = QComboBox()
        for kind, name in KIND_TITLES.items():
            self.kind_box.addItem(_(name), kind)
        self.all_button = QRadioButton(_("Everyone"))
        self.changed_button = QRadioButton()
        self.ticked_button = QRadioButton(_("Only those ticked below"))
        self.who = QButtonGroup(self)
        for button, key in ((self.all_button, ALL), (self.changed_button, CHANGED),
                            (self.ticked_button, TICKED)):
            self.who.addButton(button)
            button.setProperty("who", key)
        self.all_button.setChecked(True)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(_("Find a name or organization…"))
        self.search_edit.setClearButtonEnabled(True)
        self.people_list = QListWidget()
        for person in sorted(event.attendees, key=lambda a: a.name.casefold()):
            item = QListWidgetItem(meeting_checks.who(person))
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if person.id in selected
                               else Qt.CheckState.Unchecked)
            self.people_list.addItem(item)
        if selected:
            self.ticked_button.setChecked(True)
        self.paper_box = QComboBox()
        self.paper_box.addItem("A4", "a4")
        self.paper_box.addItem("Letter", "letter")
        self.language_box = QComboBox()
        for code, name in zip(AGENDA_LANGUAGES, ("English", "Norsk", "Svenska", "Suomi"),
                              strict=True):
            self.language_box.addItem(name, code)
        # The organizer's own language first: the cards and grid are read at the venue.
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(
            current_language())))
        self.one_file_each_box = QCheckBox(_("One PDF file each, into a folder"))
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.preview_button = QPushButton(_("Preview…"))
        self.print_button = QPushButton(_("Print…"))
        self.pdf_button = QPushButton(_("Export PDF…"))
        self.close_button = QPushButton(_("Close"))

        form = QFormLayout()
        form.addRow(_("Print:"), self.kind_box)
        form.addRow(_("Paper:"), self.paper_box)
        form.addRow(_("Language of cards and grid:"), self.language_box)
        who = QVBoxLayout()
        for button in (self.all_button, self.changed_button, self.ticked_button):
            who.addWidget(button)
        buttons = QHBoxLayout()
        for button in (self.preview_button, self.print_button, self.pdf_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(_("For whom:")))
        layout.addLayout(who)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.people_list, 1)
        layout.addWidget(self.one_file_each_box)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)

        self.kind_box.currentIndexChanged.connect(self._refresh)
        self.who.buttonClicked.connect(self._refresh)
        self.people_list.itemChanged.connect(self._refresh)
        self.search_edit.textChanged.connect(
            lambda text: show_matching(self.people_list, text))
        self.language_box.currentIndexChanged.connect(self._refresh)
        self.preview_button.clicked.connect(self.show_preview)
        self.print_button.clicked.connect(self.ask_print)
        self.pdf_button.clicked.connect(self.ask_export_pdf)
        self.close_button.clicked.connect(self.reject)
        self._refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        ticked = [self.people_list.item(i) for i in range(self.people_list.count())
                  if self.people_list.item(i).checkState() == Qt.CheckState.Checked]
        if ticked:
            self.people_list.scrollToItem(ticked[0], QListWidget.ScrollHint.PositionAtCenter)

    # -- what is chosen --------------------------------------------------------------

    def kind(self) -> str:
        return str(self.kind_box.currentData())

    def choose(self, kind: str, who: str) -> None:
        """Pick the kind and the people, as the organizer would with the mouse."""
        self.kind_box.setCurrentIndex(self.kind_box.findData(kind))
        {ALL: self.all_button, CHANGED: self.changed_button,
         TICKED: self.ticked_button}[who].setChecked(True)
        self._refresh()

    def ticked(self) -> list[str]:
        items = (self.people_list.item(i) for i in range(self.people_list.count()))
        return [str(item.data(Qt.ItemDataRole.UserRole)) for item in items
                if item.checkState() == Qt.CheckState.Checked]

    def job(self) -> PrintJob:
        """The pages chosen now, as a print job."""
        kind = self.kind()
        who = self.who.checkedButton().property("who")
        every, changed, _last = self._pages()
        if who == TICKED and kind == AGENDA:
            ticked = set(self.ticked())
            pages = [p for p in every if p.key in ticked]
        elif who == CHANGED:
            pages = [p for p in every if (p.print_kind, p.key) in changed]
        else:
            pages = list(every)
        return PrintJob(kind, pages, str(self.paper_box.currentData()))

    def _pages(self) -> tuple[list[Page], set[tuple[str, str]], str]:
        """Every page of the chosen kind and language, (kind, key) of those changed since
        last printed, and when they were last printed; worked out once per kind and
        language (and again after a print), not at every tick of a box."""
        key = (self.kind(), str(self.language_box.currentData()))
        if key not in self._cache:
            every = pages_of_kind(self.shown_event, key[0], None, key[1])
            changed, last = set(), ""
            for kind, pages in by_print_kind(every).items():
                printed = self.session.printed(kind)
                changed |= {(kind, p.key) for p in changed_since_printed(pages, printed)}
                last = max([last, *(when for _, when in printed.values())])
            self._cache[key] = (every, changed, last)
        return self._cache[key]

    def _refresh(self) -> None:
        kind = self.kind()
        agendas = kind == AGENDA
        self.ticked_button.setEnabled(agendas)
        self.people_list.setEnabled(agendas)
        self.search_edit.setEnabled(agendas)
        if not agendas and self.ticked_button.isChecked():
            self.all_button.setChecked(True)
        self.one_file_each_box.setEnabled(kind != GRID)
        every, changed, last = self._pages()
        self.changed_button.setText(_("Only what changed since last printed ({changed} of "
                                      "{every})").format(changed=len(changed), every=len(every)))
        job = self.job()
        count = len(job.pages)
        what = _("The grid to print.") if kind == GRID and count else counted(
            count, "{count} page to print.", "{count} pages to print.")
        self.status_label.setText(f"{self.outcome}{what} "
                                  + (_("Last printed {when}.").format(when=last) if last
                                     else _("Not printed yet.")))
        for button in (self.preview_button, self.print_button, self.pdf_button):
            button.setEnabled(bool(job.pages) and self.task is None)

    # -- doing it ---------------------------------------------------------------------

    def show_preview(self) -> None:
        job = self.job()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        preview = QPrintPreviewDialog(printer, self)
        # Translators: {what} is "Personal agendas", "Table cards", "Master grid", …
        preview.setWindowTitle(_("Preview: {what}").format(what=_(KIND_TITLES[job.kind])))
        preview.paintRequested.connect(lambda device: paint_job(device, job))
        preview.finished.connect(preview.deleteLater)
        self._preview_printer = printer  # the preview paints on it until it closes
        self.preview_dialog = preview
        preview.open()

    def ask_print(self) -> None:
        job = self.job()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(_(KIND_TITLES[job.kind]))
        if not ask_printer(self, printer):
            return
        self._run(job, lambda report, cancel: paint_job(printer, job, report, cancel),
                  _("Printing…"),
                  # Translators: what the app was doing: "Problem while printing"
                  _("printing"))

    def ask_export_pdf(self) -> None:
        job = self.job()
        if self.one_file_each_box.isChecked() and job.kind != GRID:
            folder = file_dialogs.ask_pdf_folder(self)
            if folder is not None:
                self._run(job, lambda report, cancel: write_pdf_per_page(
                    folder, job, report, cancel), _("Writing PDF files…"),
                    # Translators: what the app was doing: "Problem while writing PDF files"
                    _("writing PDF files"), folder)
            return
        path = file_dialogs.ask_pdf_path(self, f"{_(KIND_TITLES[job.kind]).lower()}.pdf")
        if path is not None:
            self._run(job, lambda report, cancel: write_pdf(path, job, report, cancel),
                      _("Writing the PDF…"),
                      # Translators: what the app was doing: "Problem while writing the PDF"
                      _("writing the PDF"), path)

    def _run(self, job: PrintJob, work: Any, label: str, what: str,
             target: Path | None = None) -> None:
        """Run `work` with a progress dialog saying `label`; `what` names the job ("printing")
        when it fails."""
        decode_pictures(job.pages)  # here, not in the printing thread (see printing.pictures)
        progress = QProgressDialog(label, _("Cancel"), 0, len(job.pages), self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        self.progress = progress
        self.task = self._runner.start(Job(
            what, lambda report, cancel: work(lambda done, total: report(done), cancel),
            on_result=lambda result: self._done(job, result, target),
            on_progress=progress.setValue, on_error=self._failed, exclusive=False))
        progress.canceled.connect(self.task.cancel)
        self.task.ended.connect(self._finished)
        self._refresh()

    def _done(self, job: PrintJob, result: Any, target: Path | None) -> None:
        if result is None:
            self.outcome = _("Cancelled: nothing was printed or written.") + " "
            return
        for kind, pages in by_print_kind(job.pages).items():
            self.session.remember_printed(kind, fingerprints_of(pages), now_stamp())
        self._cache.clear()
        pages = printed_pages(job.kind, len(job.pages))
        # Translators: {pages} is "3 personal agendas", "1 master grid", …
        self.outcome = (_("Printed {pages} to {target}.").format(pages=pages, target=target)
                        if target is not None else _("Printed {pages}.").format(pages=pages)) + " "

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            messages.show_error(self, _("Cannot print"), str(exc))
        else:
            messages.show_bug(self, _("printing"), exc)

    def _finished(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None
        self.task = None
        if self._closing:
            super().reject()
            return
        self._refresh()

    def reject(self) -> None:
        if self.task is not None:  # cancel first; the dialog closes once the worker stops
            self._closing = True
            self.task.cancel()
            return
        super().reject()
