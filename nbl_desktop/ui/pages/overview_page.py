"""The Overview page, first of all: the event's way from registrations to results as steps.

Each step (`core.overview`) shows its state in numbers and a button for the
action that moves it on; `action_requested` carries the action's name for
the window to carry out. The numbers take a second at 3,000 people, so they
are worked out in the helper process, and only while the page is shown.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from nbl_desktop.core.i18n import N_, _, current_language
from nbl_desktop.core.overview import DeskRecord, State, Step, overview_steps
from nbl_desktop.core.printouts.print_log import AGENDA, TABLE
from nbl_desktop.ui.event_session import EventSession
from nbl_desktop.ui.helper_process import HelperProcess
from nbl_desktop.ui.tasks import Job, TaskRunner

STATE_MARKS = {State.DONE: ("✔", "#2e7d32", N_("Done")),
               State.ATTENTION: ("!", "#b26a00", N_("Wants a look")),
               State.NEXT: ("➜", "#1565c0", N_("Next")),
               State.LATER: ("…", "#757575", N_("Later"))}


class StepRow(QFrame):
    """One step: mark, title and figures, and its action's button."""

    def __init__(self, step: Step, on_action: Signal) -> None:
        super().__init__()
        self.step = step
        self.setFrameShape(QFrame.Shape.StyledPanel)
        mark, colour, state = STATE_MARKS[step.state]
        meaning = _(state)
        layout = QGridLayout(self)
        self.mark_label = QLabel(f"<span style='font-size:18pt; color:{colour}'>{mark}</span>")
        self.mark_label.setToolTip(meaning)
        self.mark_label.setFixedWidth(32)
        self.title_label = QLabel(f"<b>{step.title}</b> — {meaning.lower()}")
        self.figures_label = QLabel("<br>".join(step.figures))
        self.figures_label.setWordWrap(True)
        self.figures_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.mark_label, 0, 0, 2, 1, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.title_label, 0, 1)
        layout.addWidget(self.figures_label, 1, 1)
        self.button = QPushButton(step.action_text)
        self.button.setVisible(bool(step.action))
        self.button.setEnabled(step.state is not State.LATER)
        self.button.clicked.connect(lambda: on_action.emit(step.action))
        layout.addWidget(self.button, 0, 2, 2, 1, Qt.AlignmentFlag.AlignVCenter)
        layout.setColumnStretch(1, 1)


class OverviewPage(QScrollArea):
    """The steps of the open event, newest numbers first worked out, then shown."""

    action_requested = Signal(str)

    def __init__(self, session: EventSession, runner: TaskRunner, helper: HelperProcess,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._runner = runner
        self._helper = helper
        self._stale = True
        self.rows: list[StepRow] = []
        self.setWidgetResizable(True)
        inner = QWidget()
        self._layout = QVBoxLayout(inner)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self._layout.addWidget(self.heading)
        self._layout.addStretch(1)
        self.setWidget(inner)
        session.replaced.connect(self.event_changed)
        session.edited.connect(lambda _touched: self.event_changed())
        session.recorded.connect(self.event_changed)  # check-ins, what was printed
        self._show_heading()

    def event_changed(self) -> None:
        """New numbers now if the page is shown, else when it is next shown."""
        self._stale = True
        if self.isVisible():
            self.work_out()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.work_out()

    def work_out(self) -> None:
        self._stale = False
        self._show_heading()
        event = self.session.current_event
        if event is None:
            self.show_steps([])
            return
        desk = DeskRecord(printed={kind: self.session.printed(kind) for kind in (AGENDA, TABLE)},
                          arrivals=frozenset(self.session.arrivals()))
        self.heading.setText(self.heading.text() + " <i>"
                             + _("(working out the numbers…)") + "</i>")
        # Translators: what the app was doing: "Problem while working out the overview"
        self._runner.start(Job(_("working out the overview"),
                               self._helper.work_for(overview_steps, event, desk,
                                                     current_language()),
                               on_result=self._show_answer, exclusive=False,
                               latest="overview"))

    def _show_answer(self, steps: list[Step] | None) -> None:
        if steps is not None:  # None: cancelled for newer numbers
            self._show_heading()
            self.show_steps(steps)

    def _show_heading(self) -> None:
        event = self.session.current_event
        self.heading.setText(
            f"<h2>{event.settings.name}</h2>" + _("From registrations to results, step by step.")
            if event is not None else
            "<h2>" + _("No event open") + "</h2>"
            + _("Create an event (File → New event) or open one (File → Open event) to begin."))

    def show_steps(self, steps: list[Step]) -> None:
        for row in self.rows:
            self._layout.removeWidget(row)
            row.deleteLater()
        self.rows = [StepRow(step, self.action_requested) for step in steps]
        for position, row in enumerate(self.rows, start=1):
            self._layout.insertWidget(position, row)
