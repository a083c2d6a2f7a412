"""The grid's rule check: a person (or a delegation) booked twice in one slot is named."""

from __future__ import annotations

from nbl_desktop.core.event import AttendeeRecord, EventData, EventSettings, MeetingRecord
from nbl_desktop.core.meeting_checks import ConflictChecker

SETTINGS = EventSettings(name="Day", slot_count=2, table_labels=("1", "2", "3"))


def test_someone_with_two_meetings_at_once_is_named() -> None:
    event = EventData(SETTINGS, (AttendeeRecord("A", "Anna"), AttendeeRecord("B", "Bo"),
                                 AttendeeRecord("C", "Cai"), AttendeeRecord("D", "Dan")),
                      meetings=(MeetingRecord(0, 0, "A", "B"), MeetingRecord(0, 1, "A", "C"),
                                MeetingRecord(1, 0, "C", "D")))
    checker = ConflictChecker(event)
    assert checker.reason(event.meetings[0]) == "Anna has two meetings at 09:00"
    assert checker.reason(event.meetings[1]) == "Anna has two meetings at 09:00"
    assert checker.reason(event.meetings[2]) is None


def test_a_delegation_is_booked_as_one_party() -> None:
    """Anna and Ada come as one delegation: a meeting of each at once is two at once."""
    event = EventData(SETTINGS, (AttendeeRecord("A", "Anna", delegation="Fisk"),
                                 AttendeeRecord("E", "Ada", delegation="fisk"),
                                 AttendeeRecord("B", "Bo"), AttendeeRecord("C", "Cai")),
                      meetings=(MeetingRecord(0, 0, "A", "B"), MeetingRecord(0, 1, "E", "C")))
    checker = ConflictChecker(event)
    assert "has two meetings at 09:00" in (checker.reason(event.meetings[1]) or "")
