"""The Partner search page: each company with its wishes and suggestions, and a company's
suggestions with their reasons, to accept as wishes.

The search runs off the GUI thread (3,000 companies take a few seconds) and again
after every edit, the newest search replacing an older one still running.
Accepting is an ordinary undoable edit (`core.edits.set_wish`), saved at once.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nbl_desktop.core import edits
from nbl_desktop.core.event import EventData
from nbl_desktop.core.i18n import _, counted
from nbl_desktop.core.partner_search.event_search import profile_of, suggest_for_event
from nbl_desktop.core.partner_search.suggestions import Suggestion, why
from nbl_desktop.ui.event_session import EventSession
from nbl_desktop.ui.tasks import Job, TaskRunner

ID_ROLE = Qt.ItemDataRole.UserRole


class PartnerSearchPage(QWidget):
    """Companies on the left (filter: fewer than N wishes), suggestions on the right."""

    def __init__(self, session: EventSession, runner: TaskRunner, parent: Any = None) -> None:
        super().__init__(parent)
        self.session = session
        self.runner = runner
        self.found: dict[str, list[Suggestion]] = {}
        self._event: EventData | None = None
        self.fewer_than_box = QSpinBox()
        self.fewer_than_box.setRange(0, 99)
        self.fewer_than_box.setSpecialValueText(_("everyone"))
        self.companies = QTableWidget(0, 3)
        self.companies.setHorizontalHeaderLabels([_("Company"), _("Wishes"), _("Suggestions")])
        self.suggestions = QTableWidget(0, 3)
        self.suggestions.setHorizontalHeaderLabels([_("Rank"), _("Suggested"), _("Why")])
        for table in (self.companies, self.suggestions):
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.verticalHeader().hide()
        self.companies.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch)
        self.companies.horizontalHeader().setStretchLastSection(False)
        self.suggestions.horizontalHeader().setStretchLastSection(True)
        self.suggestions.setWordWrap(True)
        self.priority_box = QComboBox()
        for priority, name in ((2, _("important")), (1, _("nice")), (3, _("must"))):
            self.priority_box.addItem(name, priority)
        self.accept_button = QPushButton(_("Accept as wish"))
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self._build_layout()
        self.fewer_than_box.valueChanged.connect(self._fill_companies)
        self.companies.itemSelectionChanged.connect(self._fill_suggestions)
        self.accept_button.clicked.connect(self.accept_selected)
        session.replaced.connect(self.search)
        session.edited.connect(lambda _touched: self.search())

    def _build_layout(self) -> None:
        filter_row = QHBoxLayout()
        filter_row.addWidget(QLabel(_("Show companies with fewer wishes than:")))
        filter_row.addWidget(self.fewer_than_box)
        filter_row.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(filter_row)
        left_layout.addWidget(self.companies)
        accept_row = QHBoxLayout()
        accept_row.addStretch(1)
        accept_row.addWidget(QLabel(_("Priority:")))
        accept_row.addWidget(self.priority_box)
        accept_row.addWidget(self.accept_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.suggestions)
        right_layout.addLayout(accept_row)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([460, 800])  # the company names readable, the reasons wide
        self.companies.setColumnWidth(1, 70)
        self.companies.setColumnWidth(2, 90)
        self.suggestions.setColumnWidth(0, 80)
        self.suggestions.setColumnWidth(1, 260)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addWidget(splitter, 1)

    # -- searching ---------------------------------------------------------------------

    def search(self) -> None:
        """Suggestions for the event as it is now, worked out off the GUI thread."""
        event = self.session.current_event
        self._event = event
        if event is None:
            self.found = {}
            self._fill_companies()
            return
        self.status_label.setText(_("Looking for partners…"))
        self.runner.start(Job(_("searching for partners"),
                              lambda _report, _cancel: suggest_for_event(event),
                              on_result=self._searched, exclusive=False,
                              latest="partner-search"))

    def _searched(self, found: dict[str, list[Suggestion]]) -> None:
        self.found = found
        total = sum(len(s) for s in found.values())
        self.status_label.setText(_("{suggestions} for {companies}, from what they offer "
                                    "and seek.").format(
            suggestions=counted(total, "{count} suggestion", "{count} suggestions"),
            companies=counted(len(found), "{count} company", "{count} companies")))
        self._fill_companies()

    # -- showing -----------------------------------------------------------------------

    def _fill_companies(self) -> None:
        event = self._event
        chosen = self.selected_company()
        self.companies.setRowCount(0)
        if event is None:
            return
        wishes: dict[str, int] = {}
        for request in event.requests:
            wishes[request.requester] = wishes.get(request.requester, 0) + 1
        limit = self.fewer_than_box.value()
        shown = [a for a in event.attendees if not limit or wishes.get(a.id, 0) < limit]
        self.companies.setRowCount(len(shown))
        for row, person in enumerate(shown):
            name = QTableWidgetItem(f"{person.organization} ({person.name})")
            name.setData(ID_ROLE, person.id)
            self.companies.setItem(row, 0, name)
            self.companies.setItem(row, 1, QTableWidgetItem(str(wishes.get(person.id, 0))))
            self.companies.setItem(row, 2, QTableWidgetItem(
                str(len(self.found.get(person.id, [])))))
            if person.id == chosen:
                self.companies.selectRow(row)
        self._fill_suggestions()

    def selected_company(self) -> str | None:
        rows = self.companies.selectionModel().selectedRows() if \
            self.companies.selectionModel() else []
        if not rows:
            return None
        item = self.companies.item(rows[0].row(), 0)
        return str(item.data(ID_ROLE)) if item is not None else None

    def select_company(self, attendee_id: str) -> bool:
        for row in range(self.companies.rowCount()):
            if self.companies.item(row, 0).data(ID_ROLE) == attendee_id:
                self.companies.selectRow(row)
                return True
        return False

    def _fill_suggestions(self) -> None:
        event, company = self._event, self.selected_company()
        self.suggestions.setRowCount(0)
        if event is None or company is None:
            self.accept_button.setEnabled(False)
            return
        profiles = {a.id: profile_of(a) for a in event.attendees}
        shown = self.found.get(company, [])
        self.suggestions.setRowCount(len(shown))
        for row, suggestion in enumerate(shown):
            other = event.attendee(suggestion.suggested_id)
            rank = QTableWidgetItem(str(suggestion.rank))
            rank.setData(ID_ROLE, suggestion.suggested_id)
            self.suggestions.setItem(row, 0, rank)
            self.suggestions.setItem(row, 1, QTableWidgetItem(
                f"{other.organization} ({other.name}, {other.country})"))
            self.suggestions.setItem(row, 2, QTableWidgetItem(why(
                suggestion, profiles[company], profiles[suggestion.suggested_id])))
        self.suggestions.resizeRowsToContents()
        if shown:
            self.suggestions.selectRow(0)
        self.accept_button.setEnabled(bool(shown))

    # -- accepting ---------------------------------------------------------------------

    def accept_selected(self) -> bool:
        """The selected suggestion as a wish of the chosen priority: one undoable edit."""
        event, company = self.session.current_event, self.selected_company()
        rows = self.suggestions.selectionModel().selectedRows()
        if event is None or company is None or not rows:
            return False
        suggested = str(self.suggestions.item(rows[0].row(), 0).data(ID_ROLE))
        return self.session.perform(edits.set_wish(event, company, suggested,
                                                   int(self.priority_box.currentData())))
