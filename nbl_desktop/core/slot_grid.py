"""The event's slots, day by day: fixed length from each day's start, never overlapping a break.

A slot that would overlap a break starts at the break's end instead.
Availability times (from, until) apply on every day.
"""

from __future__ import annotations

from dataclasses import dataclass

from nbl_desktop.core.event import AttendeeRecord, EventDay, EventSettings
from nbl_desktop.core.i18n import catalog, current_language
from nbl_desktop.core.locale_formats import date_text, span_text


@dataclass(frozen=True)
class SlotTime:
    """Start and end of one slot, minutes after midnight, on the event's `day` (0-based).

    `day_name` is the day's date (or "Day N") on events of several days, "" on one-day events.
    What they show is written in a language (None: the window's), as `core.locale_formats`
    writes times and dates.
    """

    start: int
    end: int
    day: int = 0
    day_name: str = ""

    def times(self, language: str | None = None) -> str:
        return span_text(self.start, self.end, language)

    def day_title(self, language: str | None = None) -> str:
        """The day's date, or "Day 2" when it has none; "" on a one-day event."""
        if not self.day_name:
            return ""
        if self.day_name == _unnamed_day(self.day):
            return catalog(language or current_language()).gettext("Day {number}").format(
                number=self.day + 1)
        return date_text(self.day_name, language)

    def label(self, language: str | None = None) -> str:
        times = self.times(language)
        return f"{self.day_title(language)} {times}" if self.day_name else times


def _unnamed_day(number: int) -> str:
    """The name of a day without a date, 0-based `number` (shown translated by `day_title`)."""
    return f"Day {number + 1}"


def slot_times(settings: EventSettings) -> list[SlotTime]:
    """Every slot of every day, in order."""
    days = settings.days()
    slots: list[SlotTime] = []
    for number, day in enumerate(days):
        name = (day.date or _unnamed_day(number)) if len(days) > 1 else ""
        slots += day_slot_times(day, number, name)
    return slots


def day_slot_times(day: EventDay, number: int = 0, name: str = "") -> list[SlotTime]:
    """One day's slots; `number` and `name` say which day of the event it is."""
    slots: list[SlotTime] = []
    start = day.start_minute
    breaks = sorted(day.breaks)
    while len(slots) < day.slot_count:
        moved = True
        while moved:  # moving past one break may land inside a later one
            moved = False
            for break_start, break_end in breaks:
                if break_start < start + day.slot_minutes and start < break_end:
                    start, moved = break_end, True
        slots.append(SlotTime(start, start + day.slot_minutes, number, name))
        start += day.slot_minutes
    return slots


@dataclass(frozen=True)
class ListingLine:
    """A line of a listing of the slots: "slot" (its times), "break" (its span) or "day" (a day
    of an event of several days begins: its date or "Day N"). `slot` is the slot's index, or
    for a day or break the slot that follows; `span` is start and end in minutes (None for a
    day)."""

    kind: str
    text: str
    slot: int
    span: tuple[int, int] | None


def slot_listing(slots: list[SlotTime], language: str | None = None) -> list[ListingLine]:
    """Every slot in order, each day headed by its date and the breaks between slots named:
    what agendas, table cards and the settings preview list, in `language` (None: the
    window's)."""
    lines = []
    for index, slot in enumerate(slots):
        previous = slots[index - 1] if index > 0 else None
        if slot.day_name and (previous is None or previous.day != slot.day):
            lines.append(ListingLine("day", slot.day_title(language), index, None))
        elif previous is not None and previous.end < slot.start:
            lines.append(ListingLine(
                "break", span_text(previous.end, slot.start, language), index,
                (previous.end, slot.start)))
        lines.append(ListingLine("slot", slot.times(language), index, (slot.start, slot.end)))
    return lines


def available_slots(attendee: AttendeeRecord, slots: list[SlotTime]) -> frozenset[int]:
    """Slots that start at or after `available_from` and end at or before `available_until`."""
    earliest = attendee.available_from if attendee.available_from is not None else 0
    latest = attendee.available_until if attendee.available_until is not None else 24 * 60
    return frozenset(i for i, s in enumerate(slots) if s.start >= earliest and s.end <= latest)
