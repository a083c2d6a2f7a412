"""The status bar's right-hand counts: attendees, wishes, meetings of the open event."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from nbl_desktop.core.event import EventData


def count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


class StatusCounts(QLabel):
    """Kept apart from the message beside it by a margin, so the two never run together."""

    def __init__(self) -> None:
        super().__init__()
        self.setContentsMargins(16, 0, 6, 0)

    def show_event(self, event: EventData | None) -> None:
        self.setText("Create or open an event (File menu)." if event is None else
                     f"{count(len(event.attendees), 'attendee', 'attendees')} · "
                     f"{count(len(event.requests), 'wish', 'wishes')} · "
                     f"{count(len(event.meetings), 'meeting', 'meetings')}")
