"""What leaves the app: the schedule workbook (written on a worker) and the print dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from nbl_desktop.core.i18n import _
from nbl_desktop.core.printouts.print_log import DESK
from nbl_desktop.core.solve_process import export_in_process
from nbl_desktop.ui import file_dialogs
from nbl_desktop.ui.controllers.controller import Controller
from nbl_desktop.ui.dialogs.print_dialog import CHANGED, PrintDialog
from nbl_desktop.ui.event_session import EventSession
from nbl_desktop.ui.tasks import Job, TaskRunner
from solver import CancelToken


class Output(Controller):
    """Export schedule… and Print…; `said` for the status bar."""

    def __init__(self, session: EventSession, runner: TaskRunner, window: QWidget) -> None:
        super().__init__(session, runner, window)
        self.print_dialog: PrintDialog | None = None

    def ask_export_schedule(self) -> None:
        if self.session.current_event is None:
            return
        path = file_dialogs.ask_schedule_export_path(self._window)
        if path is not None:
            self.export_schedule(path)

    def export_schedule(self, path: Path) -> None:
        """Write the workbook on a worker (seconds at 1,000 attendees)."""
        event = self.session.current_event
        if event is None or self._runner.busy:
            return
        not_held = self.session.not_held()

        def work(_report: object, cancel: CancelToken) -> Path:
            return export_in_process(event, path, not_held, cancel)

        self.said.emit(_("Exporting the schedule to {file}…").format(file=path))
        # Translators: what the app was doing: "Problem while exporting the schedule"
        self._runner.start(Job(_("exporting the schedule"), work, on_result=lambda written:
                               self.said.emit(_("Exported the schedule to {file}.")
                                              .format(file=written))))

    def open_print_dialog(self, selected: list[str]) -> None:
        """The print dialog, with `selected` people ticked."""
        event = self.session.current_event
        if event is None:
            return
        dialog = PrintDialog(self.session, self._runner, event, selected, self._window)
        self.print_dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(lambda: self._forget(dialog))
        dialog.open()

    def open_reprint_dialog(self) -> None:
        """The print dialog set to the agendas and table cards that changed since they were
        last printed: one print run for the desk after a re-plan."""
        self.open_print_dialog([])
        if self.print_dialog is not None:
            self.print_dialog.choose(DESK, CHANGED)

    def _forget(self, dialog: PrintDialog) -> None:
        if self.print_dialog is dialog:
            self.print_dialog = None
