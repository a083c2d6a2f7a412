"""The Schedule page: the grid of slots and tables beside the schedule's figures.

Drag a meeting to move or swap it (a move that breaks a rule is refused
with the reason), lock or delete the selected one, and meet an unmet wish
in the first free place. The figures of the schedule as it stands are
worked out in another process and shown when ready. Edits go to the event
session; the page is shown again from what it holds.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QSplitter, QTableView, QWidget

from nbl_desktop.core import edits
from nbl_desktop.core.errors import UserError
from nbl_desktop.core.event import EventData, MeetingRecord
from nbl_desktop.core.i18n import _
from nbl_desktop.core.meeting_checks import why_not_another
from nbl_desktop.core.schedule_figures import ScheduleFigures, free_places, schedule_figures
from nbl_desktop.ui import messages
from nbl_desktop.ui.event_session import EventSession
from nbl_desktop.ui.helper_process import HelperProcess
from nbl_desktop.ui.models.schedule_grid_model import ScheduleGridModel
from nbl_desktop.ui.tasks import Job, TaskRunner
from nbl_desktop.ui.widgets.figures_panel import FiguresPanel

log = logging.getLogger(__name__)


class SchedulePage(QSplitter):
    """The grid and the figures panel; `said` carries a refused move for the status bar."""

    said = Signal(str)

    def __init__(self, session: EventSession, runner: TaskRunner, helper: HelperProcess,
                 try_edit: Callable[[Any], bool], actions: list[QAction],
                 parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.session = session
        self._runner = runner
        self._try_edit = try_edit
        self._helper = helper
        self._stale = False  # the event changed while the page was hidden
        self._build(actions)
        self._connect()

    def _build(self, actions: list[QAction]) -> None:
        self.grid_model = ScheduleGridModel(self)
        self.grid_view = QTableView()
        self.grid_view.setModel(self.grid_model)
        # One line per person; long names are elided, the tooltip has them in full.
        self.grid_view.setWordWrap(False)
        self.grid_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.grid_view.horizontalHeader().setDefaultSectionSize(210)
        self.grid_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        line = self.grid_view.fontMetrics().lineSpacing()
        self.grid_view.verticalHeader().setDefaultSectionSize(2 * line + 10)
        self.grid_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid_view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.grid_view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.grid_view.setDragDropOverwriteMode(True)
        self.grid_view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.grid_view.addActions(actions)
        self.figures_panel = FiguresPanel()
        self.addWidget(self.grid_view)
        self.addWidget(self.figures_panel)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 2)
        self.setSizes([840, 560])

    def _connect(self) -> None:
        self.grid_model.move_requested.connect(self.move_meeting)
        self.figures_panel.meet_requested.connect(self.meet_by_hand)

    # -- showing -----------------------------------------------------------------------

    def show_event(self) -> None:
        """The grid and the figures from the session's event; the current cell kept.
        While the page is hidden, only when it is next shown (filling the grid of a
        3,000-person event takes the GUI thread 80 ms, opening it sooner would add that)."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        event = self.session.current_event
        self._work_out_figures(event)
        cell = self.grid_view.currentIndex()
        if event is not None and self.grid_model.rowCount():
            self.grid_model.update_event(event, None)  # no reset: the view keeps its state
        else:
            self.grid_model.set_event(event)
        if cell.isValid() and cell.row() < self.grid_model.rowCount() \
                and cell.column() < self.grid_model.columnCount():
            self.grid_view.setCurrentIndex(self.grid_model.index(cell.row(), cell.column()))
        self.grid_view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop
                                       if self.session.writable
                                       else QAbstractItemView.DragDropMode.NoDragDrop)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.show_event()

    def show_changes(self, touched: edits.Touched) -> None:
        """After an edit: the cells it changed, and new figures (when shown)."""
        event = self.session.current_event
        if event is None or self._stale:
            return
        if not self.isVisible():
            self._stale = True
            return
        self._work_out_figures(event)
        self.grid_model.update_event(event, touched.meeting_cells
                                     if touched.only_meetings else None)

    def _work_out_figures(self, event: EventData | None) -> None:
        """The figures panel for the current schedule, worked out in another process."""
        if event is None:
            self.figures_panel.show_figures(None, {})
            return
        self.figures_panel.show_working()
        self._runner.start(Job(
            # Translators: what the app was doing: "Problem while working out the figures"
            _("working out the figures"), self._helper.work_for(schedule_figures, event),
            on_result=self._show_figures, on_error=self._no_figures, exclusive=False,
            latest="figures"))

    def _show_figures(self, figures: ScheduleFigures | None) -> None:
        if figures is not None:  # None: cancelled, a newer request is on its way
            self.figures_panel.show_figures(figures, self.session.labels)

    def _no_figures(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            problem = _("No figures: {problem}").format(problem=error)
        else:
            log.error("working out the figures failed", exc_info=error)
            problem = _("No figures (an error; the details are in the log file).")
        self.figures_panel.show_figures(None, self.session.labels, problem)

    def show_meeting(self, slot: int, table: int) -> None:
        cell = self.grid_model.index(slot, table)
        self.grid_view.setCurrentIndex(cell)
        self.grid_view.scrollTo(cell)

    def stop(self) -> None:
        self._helper.stop()

    # -- editing -------------------------------------------------------------------------

    def selected_meeting(self) -> MeetingRecord | None:
        index = self.grid_view.currentIndex()
        return self.grid_model.meeting_at(index.row(), index.column()) if index.isValid() \
            else None

    def move_meeting(self, from_slot: int, from_table: int, to_slot: int, to_table: int) -> None:
        """A dragged meeting: moved, or swapped with the one it was dropped on, or refused
        with the reason."""
        meeting = self.grid_model.meeting_at(from_slot, from_table)
        event = self.session.current_event
        if meeting is None or event is None:
            return
        try:
            edit = edits.move_meeting(event, meeting, to_slot, to_table)
        except UserError as exc:
            self.said.emit(str(exc))
            messages.show_error(self, _("Cannot move the meeting"), str(exc))
            return
        self.session.perform(edit)
        self.grid_view.setCurrentIndex(self.grid_model.index(to_slot, to_table))

    def toggle_lock_selected(self) -> None:
        meeting = self.selected_meeting()
        if meeting is not None:
            self._try_edit(lambda event: edits.set_locked(event, meeting, not meeting.locked))

    def delete_selected_meeting(self) -> None:
        meeting = self.selected_meeting()
        if meeting is not None:
            self._try_edit(lambda event: edits.delete_meeting(event, meeting))

    def meet_by_hand(self, requester: str, requested: str) -> None:
        """An unmet wish met in the first place where it breaks no rule, or why it cannot be."""
        event = self.session.current_event
        if event is None:
            return
        places = free_places(event, requester, requested)
        if not places:
            reason = why_not_another(event, requester, requested) or _(
                "there is no free table in any slot where both are free and available")
            messages.show_error(self, _("No place for this meeting"), f"{reason}.")
            return
        slot, table = places[0]
        self._try_edit(lambda current: edits.create_meeting(current, requester, requested,
                                                             slot, table))
        self.grid_view.setCurrentIndex(self.grid_model.index(slot, table))
