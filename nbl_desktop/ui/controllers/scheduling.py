"""Making the schedule and re-planning the rest of the day, as tasks of the runner.

The engine runs in a child process (`core.solve_process`); the solve panel
shows its progress, Cancel keeps the best schedule found so far. A new
schedule is one undoable edit; a re-plan is shown in a preview first.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QDoubleSpinBox, QWidget

from nbl_desktop.core import edits
from nbl_desktop.core.errors import UserError
from nbl_desktop.core.event import EventData
from nbl_desktop.core.event_day.replanning import DayReplan
from nbl_desktop.core.i18n import _, counted
from nbl_desktop.core.planning import meetings_from_result, problem_from_event, summary_line
from nbl_desktop.core.solve_process import replan_in_process, solve_in_process, warm_up
from nbl_desktop.core.store.prepared_edit import PreparedEdit, prepare_edit
from nbl_desktop.ui import app_settings, messages
from nbl_desktop.ui.controllers.controller import Controller
from nbl_desktop.ui.controllers.event_files import EventFiles
from nbl_desktop.ui.dialogs.replan_preview_dialog import ReplanPreviewDialog
from nbl_desktop.ui.dialogs.schedule_options_dialog import ScheduleOptionsDialog
from nbl_desktop.ui.event_session import EventSession
from nbl_desktop.ui.tasks import Job, Task, TaskRunner
from nbl_desktop.ui.widgets.solve_panel import SolvePanel
from solver import CancelToken, Problem, Progress, SolveOptions, SolveResult

REPLAN_SECONDS = 10.0  # at the desk, with a queue: seconds, not minutes
_BREATH_MS = 50  # between storing a new schedule and turning to it


def time_limit_box() -> QDoubleSpinBox:
    """The toolbar's time limit, as it was last set."""
    box = QDoubleSpinBox()
    box.setRange(1, 3600)
    box.setValue(app_settings.time_limit())
    box.setSuffix(" s")
    box.setDecimals(0)
    box.setToolTip(_("How long Make schedule may search for a better schedule (Cancel keeps the "
                     "best found so far)"))
    box.valueChanged.connect(app_settings.remember_time_limit)
    return box


class Scheduling(Controller):
    """Schedule, re-plan and their options; `schedule_made` once a new one is stored."""

    schedule_made = Signal()

    def __init__(self, session: EventSession, runner: TaskRunner, files: EventFiles,
                 window: QWidget) -> None:
        super().__init__(session, runner, window)
        self._files = files
        self.solve_panel = SolvePanel()
        self.time_limit_box = time_limit_box()
        self.task: Task | None = None
        self.last_result: SolveResult | None = None
        self.options_dialog: ScheduleOptionsDialog | None = None
        self.replan_dialog: ReplanPreviewDialog | None = None
        self.solve_panel.cancel_requested.connect(self.cancel)
        session.replaced.connect(self._forget_result)
        warm_up()  # the first solve or re-plan starts at once

    def solve_options(self) -> SolveOptions:
        """The options chosen in Schedule options, with the toolbar's time limit."""
        return replace(app_settings.solve_options(),
                       time_limit_seconds=self.time_limit_box.value())

    def open_options_dialog(self) -> None:
        dialog = ScheduleOptionsDialog(app_settings.solve_options(), self._window)
        self.options_dialog = dialog
        dialog.accepted.connect(lambda: app_settings.remember_solve_options(dialog.options()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def start_scheduling(self) -> None:
        event = self.session.current_event
        if event is None or self._runner.busy:
            return
        options = self.solve_options()
        self._files.keep_backup("before schedule")

        def work(report: object, cancel: CancelToken) -> tuple[SolveResult, PreparedEdit,
                                                                Problem]:
            # All but the solve is Python work of a tenth of a second each at 3,000 people:
            # the problem read from the event, and the new schedule's edit worked out (it is
            # worked out again on the GUI thread if the event changed in the meantime).
            problem = problem_from_event(event)
            result = solve_in_process(problem, options, on_progress=report,  # type: ignore[arg-type]
                                      cancel=cancel)
            edit = edits.replace_meetings(event, meetings_from_result(result), "schedule",
                                          _("schedule"))
            return result, prepare_edit(event, edit), problem

        self.solve_panel.start(options.time_limit_seconds, options.compactness)
        # Translators: what the app was doing: "Problem while scheduling"
        self._start(Job(_("scheduling"), work,
                        on_result=lambda done: self._store_schedule(event, *done, options),
                        on_progress=self._show_progress,
                        on_error=self._not_scheduled))

    def _not_scheduled(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            messages.show_error(self._window, _("Cannot schedule"), str(error))
        else:
            messages.show_bug(self._window, _("scheduling"), error)

    def start_replan(self, from_slot: int) -> None:
        """Re-plan from `from_slot` on a worker; the preview then asks before applying."""
        event = self.session.current_event
        if event is None or self._runner.busy:
            return
        options = replace(self.solve_options(),
                          time_limit_seconds=min(self.time_limit_box.value(), REPLAN_SECONDS))
        self._files.keep_backup("before re-plan")

        def work(report: object, cancel: CancelToken) -> tuple[DayReplan, PreparedEdit]:
            day = replan_in_process(event, from_slot, options, report,  # type: ignore[arg-type]
                                    cancel)
            return day, prepare_edit(event, edits.replace_meetings(
                event, day.meetings, f"re-plan from slot {day.from_slot + 1}",
                _("re-plan from slot {number}").format(number=day.from_slot + 1)))

        self.solve_panel.start(options.time_limit_seconds, options.compactness)
        # Translators: what the app was doing: "Problem while re-planning"
        self._start(Job(_("re-planning"), work, on_result=lambda done: self._preview_replan(
            event, *done), on_progress=self._show_progress))

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _start(self, job: Job) -> None:
        self.task = self._runner.start(job)
        self.task.ended.connect(self._ended)

    def _ended(self) -> None:
        self.task = None
        self.solve_panel.finish()

    def _show_progress(self, progress: Progress) -> None:
        self.solve_panel.show_progress(progress)

    def _store_schedule(self, solved: EventData, result: SolveResult, prepared: PreparedEdit,
                        problem: Problem, options: SolveOptions) -> None:
        event = self.session.current_event
        if event is None:
            return
        edit: edits.Edit | PreparedEdit = prepared
        if event is not solved:
            edit = edits.replace_meetings(event, meetings_from_result(result), "schedule",
                                          _("schedule"))
        if not self.session.perform(edit):
            return
        self.last_result = result
        self.solve_panel.finish()
        # Turning to the grid (its layout and first paint) comes a moment later: storing and
        # showing at once held a big event's window in one go; with the pause, the window
        # answers clicks and keys in between.
        line = summary_line(result, problem, options.compactness)
        QTimer.singleShot(_BREATH_MS, lambda: self._announce(result, line))

    def _announce(self, result: SolveResult, line: str) -> None:
        if self.last_result is result:  # not when another event was opened in the meantime
            self.schedule_made.emit()
            self.said.emit(line)

    def _forget_result(self) -> None:
        self.last_result = None

    def _preview_replan(self, event: EventData, day: DayReplan, prepared: PreparedEdit) -> None:
        dialog = ReplanPreviewDialog(event, day, self._window)
        self.replan_dialog = dialog
        dialog.accepted.connect(lambda: self._apply_replan(day, prepared))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _apply_replan(self, day: DayReplan, prepared: PreparedEdit) -> None:
        """The re-plan as previewed; worked out again if the event changed meanwhile (a
        check-in at the desk while the preview was open)."""
        event = self.session.current_event
        if event is None:
            return
        edit: edits.Edit | PreparedEdit = prepared if event is prepared.before else \
            edits.replace_meetings(event, day.meetings, prepared.edit.description,
                                   prepared.edit.title)
        if self.session.perform(edit):
            self.said.emit(counted(
                len(day.changes),
                "Re-planned: {count} agenda changed. Reprint it from the Event day tab.",
                "Re-planned: {count} agendas changed. Reprint them from the Event day tab."))
