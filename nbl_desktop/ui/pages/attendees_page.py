"""The Attendees page: everyone in a searchable list, one person's details, wishes and agenda.

Built from its own parts (the list and its filter, the details editor, the
wishes panel, the agenda) and the event session: an edit made here is handed
to the session, and the page is shown again from what the session holds.
Double-clicking a meeting of the agenda asks the window to show it in the
grid (`meeting_chosen`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nbl_desktop.core import edits
from nbl_desktop.core.agenda import agenda_of
from nbl_desktop.core.demand import demand_of
from nbl_desktop.core.errors import UserError
from nbl_desktop.core.event import AttendeeRecord, EventData
from nbl_desktop.core.i18n import _
from nbl_desktop.ui import messages
from nbl_desktop.ui.event_session import EventSession
from nbl_desktop.ui.models.agenda_model import AgendaModel
from nbl_desktop.ui.models.attendee_table_model import AttendeeFilter, AttendeeTableModel
from nbl_desktop.ui.widgets.attendee_editor import AttendeeEditor
from nbl_desktop.ui.widgets.wishes_panel import WishesPanel

SIZING_ROWS = 50  # rows whose contents set the column widths (all 3,000: 0.3 s)


class AttendeesPage(QSplitter):
    """The list of people beside the selected person's details, wishes and agenda."""

    meeting_chosen = Signal(int, str)  # slot (0-based) and table label of an agenda line
    person_selected = Signal(bool)  # a person is selected who may be deleted

    def __init__(self, session: EventSession, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.session = session
        self._build()
        self._connect()

    # -- construction ------------------------------------------------------------------

    def _build(self) -> None:
        self.model = AttendeeTableModel(self)
        self.filter = AttendeeFilter(self)
        self.filter.setSourceModel(self.model)
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search name, organization, country, sector…"))
        self.search.setClearButtonEnabled(True)
        self.view = QTableView()
        self.view.setModel(self.filter)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        # Column widths from the first rows, not from all 3,000 (a third of a second).
        self.view.horizontalHeader().setResizeContentsPrecision(SIZING_ROWS)
        self.add_button = QPushButton(_("Add person"))
        self.delete_button = QPushButton(_("Delete person…"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        table_side = QWidget()
        table_layout = QVBoxLayout(table_side)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.search)
        table_layout.addWidget(self.view)
        table_layout.addLayout(buttons)
        self.editor = AttendeeEditor()
        editor_scroll = QScrollArea()
        editor_scroll.setWidget(self.editor)
        editor_scroll.setWidgetResizable(True)
        self.wishes_panel = WishesPanel()
        self.agenda_model = AgendaModel(self)
        self.agenda_view = QTableView()
        self.agenda_view.setModel(self.agenda_model)
        self.agenda_view.verticalHeader().hide()
        self.agenda_view.horizontalHeader().setStretchLastSection(True)
        self.agenda_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.person_tabs = QTabWidget()
        self.person_tabs.addTab(self.wishes_panel, _("Wishes"))
        self.person_tabs.addTab(self.agenda_view, _("Agenda"))
        details = QSplitter(Qt.Orientation.Vertical)
        details.addWidget(editor_scroll)
        details.addWidget(self.person_tabs)
        self.addWidget(table_side)
        self.addWidget(details)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 2)

    def _connect(self) -> None:
        self.search.textChanged.connect(self.filter.set_search)
        self.view.selectionModel().currentRowChanged.connect(
            lambda _current, _previous: self.show_selected())
        self.editor.edited.connect(
            lambda changed: self.try_edit(lambda event: edits.change_attendee(event, changed)))
        self.editor.invalid.connect(self._invalid)
        self.wishes_panel.wish_set.connect(
            lambda requester, requested, priority: self.try_edit(
                lambda event: edits.set_wish(event, requester, requested, priority)))
        self.wishes_panel.apart_set.connect(
            lambda a, b, apart: self.try_edit(lambda event: edits.set_do_not_meet(event, a, b,
                                                                                   apart)))
        self.agenda_view.doubleClicked.connect(self._agenda_line_chosen)
        self.add_button.clicked.connect(self.add_person)
        self.delete_button.clicked.connect(self.delete_selected_person)

    # -- showing -----------------------------------------------------------------------

    def show_event(self) -> None:
        """Everyone, from the session's event; the selected person stays selected."""
        event = self.session.current_event
        selected = self.selected_attendee()
        fresh = self.model.rowCount() == 0
        self.model.set_attendees(list(event.attendees) if event else [],
                                 demand_of(event) if event else None)
        if fresh and event is not None and event.attendees:
            # In the next turn of the event loop: opening a big event is already this
            # turn's work, and the two together held the window 0.15 s.
            QTimer.singleShot(0, self.view.resizeColumnsToContents)
        if selected is None or not self.select_attendee(selected.id):
            self.show_selected()
        self.add_button.setEnabled(event is not None and self.session.writable)
        for widget in (self.editor, self.wishes_panel):
            widget.setEnabled(self.session.writable or not self.session.is_open)

    def show_people(self, changed: frozenset[str]) -> None:
        """Only these people's records changed: their rows and, if selected, the details."""
        event = self.session.current_event
        if event is None:
            return
        self.model.update_attendees([event.attendee(i) for i in changed],
                                   demand_of(event, changed))
        selected = self.selected_attendee()
        if selected is not None and selected.id in changed:
            self.show_selected()

    def selected_attendee(self) -> AttendeeRecord | None:
        index = self.view.selectionModel().currentIndex()
        if not index.isValid():
            return None
        return self.model.attendee_at(self.filter.mapToSource(index).row())

    def select_attendee(self, attendee_id: str) -> bool:
        """Make the person the current row; True when that changed the current row (the
        selection signal then shows them in the details)."""
        row = self.model.row_of(attendee_id)
        if row is None:
            return False
        index = self.filter.mapFromSource(self.model.index(row, 0))
        if not index.isValid():  # filtered out: show everyone
            self.search.clear()
            index = self.filter.mapFromSource(self.model.index(row, 0))
        selection = self.view.selectionModel()
        changed = selection.currentIndex() != index
        selection.setCurrentIndex(index, selection.SelectionFlag.ClearAndSelect
                                  | selection.SelectionFlag.Rows)
        self.view.scrollTo(index)
        return changed

    def show_selected(self) -> None:
        attendee = self.selected_attendee()
        event = self.session.current_event
        tables = event.settings.table_labels if event else ()
        self.editor.show_attendee(attendee, tables)
        self.wishes_panel.show_person(event, attendee.id if attendee else None,
                                      self.session.labels)
        self.show_agenda()
        deletable = attendee is not None and self.session.writable
        self.delete_button.setEnabled(deletable)
        self.person_selected.emit(deletable)  # the window's Delete person action follows

    def show_agenda(self) -> None:
        attendee = self.selected_attendee()
        event = self.session.current_event
        self.agenda_model.set_lines(agenda_of(event, attendee.id)
                                    if event is not None and attendee is not None else [])
        self.agenda_view.resizeColumnsToContents()

    def _agenda_line_chosen(self, index: Any) -> None:
        line = self.agenda_model.line(index.row())
        if line.kind == "meeting":
            self.meeting_chosen.emit(line.slot, line.table)

    # -- editing -------------------------------------------------------------------------

    def try_edit(self, make_edit: Callable[[EventData], edits.Edit]) -> bool:
        """Build an edit and perform it; a refused edit says why and changes nothing."""
        event = self.session.current_event
        if event is None:
            return False
        try:
            edit = make_edit(event)
        except UserError as exc:
            messages.show_error(self, _("Cannot make that change"), str(exc))
            self.show_selected()
            return False
        return self.session.perform(edit)

    def _invalid(self, reason: str) -> None:
        messages.show_error(self, _("Cannot make that change"), reason)
        self.show_selected()

    def add_person(self) -> None:
        event = self.session.current_event
        if event is None:
            return
        person = AttendeeRecord(edits.new_attendee_id(event), _("New person"))
        self.try_edit(lambda current: edits.add_attendee(current, person))
        self.select_attendee(person.id)
        self.editor.text_edits["name"].setFocus()
        self.editor.text_edits["name"].selectAll()

    def delete_selected_person(self) -> None:
        attendee = self.selected_attendee()
        event = self.session.current_event
        if attendee is None or event is None:
            return
        takes = edits.what_deleting_takes(event, attendee.id)
        question = _("Delete {person}?").format(
            person=self.session.labels.get(attendee.id, attendee.name))
        if takes:
            question += " " + _("This also removes their {what}.").format(what=takes)
        if messages.ask(self, _("Delete person"), question + " " + _("(Undo brings it all back.)")):
            self.try_edit(lambda current: edits.delete_attendee(current, attendee.id))
