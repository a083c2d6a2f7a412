"""The import dialog: what the files hold and how they will be read, before anything is written.

Three tabs: Columns (per sheet: the header row, what each column is read
as and how that was told, a few values; every choice can be corrected),
Names to check (wished-for names the importer would not guess; pick whom
each means) and Report (every row not used as it stood, and what the import
changes). A column the app does not know whose values look like a field it
has is a question: its row is marked, its best guess pre-selected, and
Import waits until it is answered (or every guess is taken at once). Each
correction re-reads the files off the GUI thread. Import accepts the
dialog; the main window then writes the event and keeps the choices for the
next import.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nbl_desktop.core.errors import UserError
from nbl_desktop.core.i18n import N_, _, counted
from nbl_desktop.core.importing.choices import NOT_USED, SKIP_SHEET, header_key
from nbl_desktop.core.importing.fields import FIELDS, SheetKind
from nbl_desktop.core.importing.import_report import write_report_workbook
from nbl_desktop.core.importing.into_event import EventImport, ImportSession, SheetPreview
from nbl_desktop.ui import file_dialogs, messages
from nbl_desktop.ui.dialogs.person_choice_delegate import PersonChoiceDelegate
from nbl_desktop.ui.models.unresolved_names_model import Column, UnresolvedNamesModel
from nbl_desktop.ui.tasks import Job, Task, TaskRunner

KIND_TEXT = {SheetKind.ATTENDEES: N_("attendees"), SheetKind.REQUESTS: N_("wishes (pairs)"),
             SheetKind.EXCLUSIONS: N_("do-not-meet pairs"),
             SheetKind.EVENT: N_("event settings"), SheetKind.UNKNOWN: N_("not read")}
NOT_READ_TEXT = N_("(not read)")
QUESTION_SHADE = QColor("#fff3b0")


class ImportDialog(QDialog):
    """Preview and correct an import; `outcome` is what Import will write."""

    def __init__(self, session: ImportSession, outcome: EventImport, runner: TaskRunner,
                 parent: Any = None) -> None:
        super().__init__(parent)
        self.session = session
        self.outcome = outcome
        self._runner = runner
        self.task: Task | None = None
        self._closing_with: int | None = None  # closed while reading: closes once read
        self._again = False  # a correction came in while the files were being read
        self._sheet_keys: list[str] = []
        self.setWindowTitle(_("Import registrations — {files}").format(
            files=", ".join(p.name for p in session.paths)))
        self.resize(960, 640)
        self._build()
        self.show_outcome(outcome)

    # -- construction ---------------------------------------------------------------

    def _build(self) -> None:
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_columns_tab(), _("Columns"))
        self.names_model = UnresolvedNamesModel(self)
        self.names_model.chosen.connect(self._name_chosen)
        self.names_view = QTableView()
        self.names_view.setModel(self.names_model)
        self.names_view.setItemDelegateForColumn(Column.MEANS, PersonChoiceDelegate(self))
        self.names_view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.names_view.horizontalHeader().setStretchLastSection(True)
        names_page = QWidget()
        names_layout = QVBoxLayout(names_page)
        names_help = QLabel(_(
            "These names in the wish lists match nobody, or several people equally well. "
            "Choose whom each means (type a few letters to search); your choice is "
            "remembered for the next import of these files. Unresolved names are left out."))
        names_help.setWordWrap(True)
        names_layout.addWidget(names_help)
        names_layout.addWidget(self.names_view)
        self.tabs.addTab(names_page, _("Names to check"))
        self.report_text = QPlainTextEdit()
        self.report_text.setReadOnly(True)
        self.report_text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.save_report_button = QPushButton(_("Save report as workbook…"))
        self.save_report_button.clicked.connect(self.ask_save_report)
        report_page = QWidget()
        report_layout = QVBoxLayout(report_page)
        report_layout.addWidget(self.report_text)
        report_layout.addWidget(self.save_report_button, 0, Qt.AlignmentFlag.AlignRight)
        self.tabs.addTab(report_page, _("Report"))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            _("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)

    def _build_columns_tab(self) -> QWidget:
        self.sheet_box = QComboBox()
        self.sheet_box.currentIndexChanged.connect(self._show_sheet)
        self.read_sheet_box = QCheckBox(_("Read this sheet"))
        self.read_sheet_box.toggled.connect(self._read_sheet_toggled)
        self.header_row_box = QSpinBox()
        self.header_row_box.setRange(1, 1_000_000)
        # Translators: before the row number in a box: "header in row 3"
        self.header_row_box.setPrefix(_("header in row "))
        self.header_row_box.editingFinished.connect(self._header_row_chosen)
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Sheet:")))
        top.addWidget(self.sheet_box, 1)
        top.addWidget(self.read_sheet_box)
        top.addWidget(self.header_row_box)
        self.columns_table = QTableWidget(0, 4)
        self.columns_table.setHorizontalHeaderLabels(
            [_("Column header"), _("Read as"), _("Why"), _("First values")])
        self.columns_table.horizontalHeader().setStretchLastSection(True)
        self.columns_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents)
        self.columns_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.columns_table.verticalHeader().hide()
        self.first_rows_text = QPlainTextEdit()
        self.first_rows_text.setReadOnly(True)
        self.first_rows_text.setMaximumHeight(110)
        self.questions_label = QLabel()
        self.questions_label.setWordWrap(True)
        self.accept_guesses_button = QPushButton(_("Use the suggestions"))
        self.accept_guesses_button.setToolTip(
            _("Read every marked column as the app suggests; you can still change any of them"))
        self.accept_guesses_button.clicked.connect(self.accept_guesses)
        questions = QHBoxLayout()
        questions.addWidget(self.questions_label, 1)
        questions.addWidget(self.accept_guesses_button)
        self.event_sheet_label = QLabel(_("This sheet holds the event's settings (one key "
                                          "and value per row); there is nothing to choose."))
        # Long sentences and file names must not make the dialog wider than a laptop screen.
        self.event_sheet_label.setWordWrap(True)
        self.sheet_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.sheet_box.setMinimumContentsLength(24)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(questions)
        layout.addLayout(top)
        layout.addWidget(self.event_sheet_label)
        layout.addWidget(self.columns_table, 1)
        layout.addWidget(QLabel(_("The sheet's first rows:")))
        layout.addWidget(self.first_rows_text)
        return page

    # -- showing an outcome ---------------------------------------------------------------

    def show_outcome(self, outcome: EventImport) -> None:
        self.outcome = outcome
        event = outcome.event
        report = outcome.report
        self.names_model.set_names(report.unresolved if report is not None else [],
                                   outcome.labels)
        self.names_view.resizeColumnsToContents()
        unclear = self.names_model.rowCount()
        asked = len(outcome.questions)
        self.tabs.setTabText(0, _("Columns ({count} to confirm)").format(count=asked)
                             if asked else _("Columns"))
        self.tabs.setTabText(1, _("Names to check ({count})").format(count=unclear))
        self.questions_label.setText(
            "<b>" + counted(asked, "{count} column to confirm", "{count} columns to confirm")
            + "</b> " + _("(marked): the app does not know the header, but the values look "
                          "like something it uses. Its guess is chosen; change it, or take "
                          "every guess.") if asked else "")
        self.questions_label.setVisible(bool(asked))
        self.accept_guesses_button.setVisible(bool(asked))
        if outcome.blocked:
            self.summary_label.setText(
                "<b style='color:#a00'>" + _("Nothing can be imported yet.") + "</b> "
                f"{outcome.blocked} "
                + _("Choose the header row or what a column holds under Columns."))
        else:
            skipped = len(report.skipped) if report is not None else 0
            waiting = _("<b>{columns}</b> under Columns before Import.").format(
                columns=counted(asked, "{count} column to confirm", "{count} columns to confirm")
            ) + " " if asked else ""
            self.summary_label.setText(waiting + _(
                "After the import the event has <b>{attendees}</b>, <b>{wishes}</b> and "
                "<b>{pairs}</b>. {changes} to the event; {skipped} not imported; {names} to "
                "check. Nothing is written until you press Import.").format(
                attendees=counted(len(event.attendees), "{count} attendee", "{count} attendees"),
                wishes=counted(len(event.requests), "{count} wish", "{count} wishes"),
                pairs=counted(len(event.exclusions), "{count} do-not-meet pair",
                            "{count} do-not-meet pairs"),
                changes=counted(len(outcome.changes), "{count} change", "{count} changes"),
                skipped=counted(skipped, "{count} row or name", "{count} rows or names"),
                names=counted(unclear, "{count} name", "{count} names")))
        lines = [*(_("change: {change}").format(change=c) for c in outcome.changes),
                 *outcome.findings]
        self.report_text.setPlainText("\n".join(lines) or _(
            "Nothing to report: every row was read as it stood, and the event would not "
            "change."))
        self.save_report_button.setEnabled(report is not None)
        self._show_sheets(outcome.sheets)
        self._set_busy(False)

    def _show_sheets(self, sheets: tuple[SheetPreview, ...]) -> None:
        keys = [s.key for s in sheets]
        current = self.sheet_box.currentIndex()
        self.sheet_box.blockSignals(True)
        self.sheet_box.clear()
        for sheet in sheets:
            asked = sum(1 for c in sheet.columns if c.question is not None)
            # Translators: {sheet} is "people.xlsx: Ark1", {kind} what it holds ("attendees")
            self.sheet_box.addItem(
                _("{sheet} — {kind}").format(sheet=sheet.key, kind=_(KIND_TEXT[sheet.kind]))
                + (" " + counted(asked, "({count} to confirm)",
                                 "({count} to confirm)") if asked else ""))
        self._sheet_keys = keys
        asking = next((i for i, s in enumerate(sheets)
                       if any(c.question is not None for c in s.columns)), None)
        if not 0 <= current < len(keys):
            current = asking if asking is not None else 0
        self.sheet_box.setCurrentIndex(current)
        self.sheet_box.blockSignals(False)
        self._show_sheet(self.sheet_box.currentIndex())

    def _sheet(self, position: int) -> SheetPreview | None:
        sheets = self.outcome.sheets
        return sheets[position] if 0 <= position < len(sheets) else None

    def _show_sheet(self, position: int) -> None:
        sheet = self._sheet(position)
        settings_sheet = sheet is not None and sheet.kind is SheetKind.EVENT
        self.event_sheet_label.setVisible(settings_sheet)
        for widget in (self.read_sheet_box, self.header_row_box, self.columns_table):
            widget.setEnabled(sheet is not None and not settings_sheet)
        self.columns_table.setRowCount(0)
        if sheet is None:
            self.first_rows_text.clear()
            return
        skipped = self.session.choices.header_rows.get(sheet.key) == SKIP_SHEET
        self.read_sheet_box.blockSignals(True)
        self.read_sheet_box.setChecked(not skipped)
        self.read_sheet_box.blockSignals(False)
        self.header_row_box.setEnabled(not skipped and not settings_sheet)
        self.header_row_box.blockSignals(True)
        self.header_row_box.setValue(max(sheet.header_row, 1))
        self.header_row_box.blockSignals(False)
        self.first_rows_text.setPlainText(
            "\n".join(f"{number:>4}: {text}" for number, text in sheet.first_rows))
        fields = sheet.fields or tuple(FIELDS)
        self.columns_table.setRowCount(len(sheet.columns))
        for row, column in enumerate(sheet.columns):
            question = column.question
            # Translators: {what} is what the values look like, e.g. "email addresses"
            why = _("Looks like {what}: please confirm").format(what=question.looks_like) \
                if question else _("its header") if column.how == "header" else column.how
            items = [QTableWidgetItem(column.header), QTableWidgetItem(why),
                     QTableWidgetItem("  ·  ".join(column.examples))]
            box = QComboBox()
            box.addItem(_(NOT_READ_TEXT), NOT_USED)
            offered = (*question.fields, *(f for f in fields if f not in question.fields)) \
                if question else fields
            for name in offered:
                box.addItem(_(FIELDS[name].label), name)
            chosen = question.guess if question else column.field or NOT_USED
            box.setCurrentIndex(max(box.findData(chosen), 0))
            box.setEnabled(not skipped)
            # `activated`: choosing the guess already shown confirms it, too
            box.activated.connect(
                lambda _i, b=box, h=column.header: self._field_chosen(h, b.currentData()))
            if question is not None:
                for item in items:
                    item.setBackground(QBrush(QUESTION_SHADE))
                box.setToolTip(_("The app's guess; choose what this column holds"))
            self.columns_table.setItem(row, 0, items[0])
            self.columns_table.setCellWidget(row, 1, box)
            self.columns_table.setItem(row, 2, items[1])
            self.columns_table.setItem(row, 3, items[2])
        self.columns_table.resizeColumnToContents(1)
        self.columns_table.resizeColumnToContents(2)

    def _set_busy(self, busy: bool) -> None:
        self.import_button.setEnabled(not busy and not self.outcome.blocked
                                      and not self.outcome.questions)
        self.import_button.setText(_("Reading…") if busy else _("Import"))

    # -- corrections ---------------------------------------------------------------------

    def field_box(self, header: str) -> QComboBox:
        """The 'Read as' box of the shown sheet's column `header` (for tests and shortcuts)."""
        for row in range(self.columns_table.rowCount()):
            item = self.columns_table.item(row, 0)
            if item is not None and item.text() == header:
                box = self.columns_table.cellWidget(row, 1)
                assert isinstance(box, QComboBox)
                return box
        raise KeyError(header)

    def _field_chosen(self, header: str, field: str) -> None:
        self.session.choices.header_fields[header_key(header)] = field
        self.reread()

    def accept_guesses(self) -> None:
        """Read every column the app asks about as it guessed."""
        for question in self.outcome.questions:
            self.session.choices.header_fields[header_key(question.header)] = question.guess
        self.reread()

    def _current_key(self) -> str | None:
        position = self.sheet_box.currentIndex()
        return self._sheet_keys[position] if 0 <= position < len(self._sheet_keys) else None

    def _read_sheet_toggled(self, read: bool) -> None:
        key = self._current_key()
        if key is None:
            return
        if read:
            self.session.choices.header_rows.pop(key, None)
        else:
            self.session.choices.header_rows[key] = SKIP_SHEET
        self.reread()

    def _header_row_chosen(self) -> None:
        key = self._current_key()
        sheet = self._sheet(self.sheet_box.currentIndex())
        if key is None or sheet is None or self.header_row_box.value() == sheet.header_row:
            return
        self.session.choices.header_rows[key] = self.header_row_box.value()
        self.reread()

    def _name_chosen(self, key: str, attendee_id: str) -> None:
        self.session.choices.names[key] = attendee_id
        self.reread()

    def reread(self) -> None:
        """Import again with the choices as they are now, off the GUI thread."""
        if self.task is not None:
            self._again = True
            return
        choices = self.session.choices.copy()
        session = self.session
        self.task = self._runner.start(Job(
            # Translators: what the app was doing: "Problem while reading the files"
            _("reading the files"), lambda _progress, _cancel: session.run(choices),
            on_result=self.show_outcome, exclusive=False))
        self.task.ended.connect(self._reread_finished)
        self._set_busy(True)

    def _reread_finished(self) -> None:
        self.task = None
        if self._closing_with is not None:
            super().done(self._closing_with)
            return
        self._set_busy(False)
        if self._again:
            self._again = False
            self.reread()

    def is_reading(self) -> bool:
        return self.task is not None

    # -- report and closing -----------------------------------------------------------------

    def ask_save_report(self) -> None:
        path = file_dialogs.ask_report_path(self)
        if path is None or self.outcome.report is None:
            return
        try:
            write_report_workbook(self.outcome.report, path)
        except UserError as exc:
            messages.show_error(self, _("Cannot save the report"), str(exc))

    def accept(self) -> None:
        if self.task is not None or self.outcome.blocked or self.outcome.questions:
            return  # Import waits for the last correction to be read, and every answer
        super().accept()

    def done(self, result: int) -> None:
        if self.task is not None:  # closes once the re-read has ended (it cannot be cut short)
            self._closing_with = result
            self._again = False
            return
        super().done(result)
