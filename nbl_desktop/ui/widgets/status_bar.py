"""The window's status bar and read-only banner: messages on the left, the open event's
counts on the right, the two kept apart."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStatusBar

from nbl_desktop.core.event import EventData
from nbl_desktop.core.i18n import _, counted

MESSAGE_MS = 15_000


class StatusBar(QStatusBar):
    """`say(text)` on the left; attendees, wishes and meetings on the right."""

    def __init__(self) -> None:
        super().__init__()
        self.counts = QLabel()
        self.counts.setContentsMargins(16, 0, 6, 0)  # a gap, so the two never run together
        self.addPermanentWidget(self.counts)

    def say(self, text: str) -> None:
        """A message (cleared by an empty one): on one line, cut to the room beside the
        counts with "…", and whole in the tooltip."""
        line = " · ".join(part.strip() for part in text.splitlines() if part.strip())
        room = self.width() - self.counts.sizeHint().width() - 40
        self.setToolTip(line)
        if line:
            self.showMessage(self.fontMetrics().elidedText(line, Qt.TextElideMode.ElideRight,
                                                           max(room, 200)), MESSAGE_MS)
        else:
            self.clearMessage()

    def show_event(self, event: EventData | None) -> None:
        if event is None:
            self.counts.setText(_("Create or open an event (File menu)."))
            return
        people, wishes, meetings = (len(event.attendees), len(event.requests),
                                    len(event.meetings))
        self.counts.setText(" · ".join((
            counted(people, "{count} attendee", "{count} attendees"),
            counted(wishes, "{count} wish", "{count} wishes"),
            counted(meetings, "{count} meeting", "{count} meetings"))))


class ReadOnlyBanner(QLabel):
    """A yellow line above the tabs while the open file is read-only, saying why."""

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setStyleSheet("background: #fff3b0; padding: 6px;")
        self.hide()

    def show_reason(self, read_only: str) -> None:
        """Why the file is read-only ("" when it is not)."""
        self.setText(_("<b>Read-only:</b> {why}. You can look, print and export, but not "
                       "change it; <i>File → Save event as</i> makes a copy to work in.")
                     .format(why=read_only) if read_only else "")
        self.setVisible(bool(read_only))
