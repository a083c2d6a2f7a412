"""The day's slots: fixed length from the start time, never overlapping a break.

A slot that would overlap a break starts at the break's end instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from nbl_desktop.core.clock import format_clock
from nbl_desktop.core.event import AttendeeRecord, EventSettings


@dataclass(frozen=True)
class SlotTime:
    """Start and end of one slot, minutes after midnight."""

    start: int
    end: int

    def label(self) -> str:
        return f"{format_clock(self.start)}–{format_clock(self.end)}"


def slot_times(settings: EventSettings) -> list[SlotTime]:
    slots: list[SlotTime] = []
    start = settings.start_minute
    breaks = sorted(settings.breaks)
    while len(slots) < settings.slot_count:
        moved = True
        while moved:  # moving past one break may land inside a later one
            moved = False
            for break_start, break_end in breaks:
                if break_start < start + settings.slot_minutes and start < break_end:
                    start, moved = break_end, True
        slots.append(SlotTime(start, start + settings.slot_minutes))
        start += settings.slot_minutes
    return slots


def available_slots(attendee: AttendeeRecord, slots: list[SlotTime]) -> frozenset[int]:
    """Slots that start at or after `available_from` and end at or before `available_until`."""
    earliest = attendee.available_from if attendee.available_from is not None else 0
    latest = attendee.available_until if attendee.available_until is not None else 24 * 60
    return frozenset(i for i, s in enumerate(slots) if s.start >= earliest and s.end <= latest)
