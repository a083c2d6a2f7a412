"""Event settings…: the dialog, and the meetings new settings would cost, asked first."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from nbl_desktop.core import edits
from nbl_desktop.core.errors import UserError
from nbl_desktop.core.event import EventSettings
from nbl_desktop.core.i18n import _, counted, n_
from nbl_desktop.core.meeting_checks import who
from nbl_desktop.ui import messages
from nbl_desktop.ui.dialogs.event_settings_dialog import EventSettingsDialog
from nbl_desktop.ui.event_session import EventSession

_SHOWN = 15  # meetings listed by name in the question; the rest are counted


class EventSettingsEditing(QObject):
    """Opens the dialog and applies what it returns as one undoable edit."""

    def __init__(self, session: EventSession, window: QWidget) -> None:
        super().__init__(window)
        self.session = session
        self._window = window
        self.dialog: EventSettingsDialog | None = None

    def open_dialog(self) -> None:
        event = self.session.current_event
        if event is None:
            return
        owners: dict[str, list[str]] = {}
        for person in event.attendees:
            if person.fixed_table:
                owners.setdefault(person.fixed_table, []).append(who(person))
        dialog = EventSettingsDialog(event.settings, self._window,
                                     {label: ", ".join(names) for label, names in owners.items()})
        self.dialog = dialog
        dialog.accepted.connect(lambda: self.change_settings(dialog.settings()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def change_settings(self, settings: EventSettings) -> None:
        """Apply new settings as one undoable edit, after saying which meetings they cost."""
        event = self.session.current_event
        if event is None:
            return
        try:
            change = edits.change_settings(event, settings)
        except UserError as exc:
            messages.show_error(self._window, _("Cannot use these settings"), str(exc))
            return
        warnings = list(change.dropped)
        if change.unknown_fixed_tables:
            warnings.append(_("These people's fixed table no longer exists (choose another "
                              "before scheduling): {people}").format(
                people=", ".join(change.unknown_fixed_tables)))
        if warnings:
            shown = "\n".join(warnings[:_SHOWN])
            more = "\n" + counted(len(warnings) - _SHOWN, "… and {count} more",
                                  "… and {count} more") if len(warnings) > _SHOWN else ""
            dropped = len(change.dropped)
            # Translators: {meetings} lists the meetings, one a line
            question = n_(
                "With these settings {count} scheduled meeting becomes unscheduled:\n"
                "{meetings}\n\nApply the settings? (Undo brings the meetings back.)",
                "With these settings {count} scheduled meetings become unscheduled:\n"
                "{meetings}\n\nApply the settings? (Undo brings the meetings back.)",
                dropped).format(count=dropped, meetings=shown + more)
            if not messages.ask(self._window, _("Meetings no longer fit"), question):
                return
        self.session.perform(change.edit)
