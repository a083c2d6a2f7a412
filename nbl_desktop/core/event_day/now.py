"""'Now' in the schedule: the first slot that has not started yet. Slots before it are frozen:
they have happened, and a re-plan never changes them."""

from __future__ import annotations

import datetime as dt

from nbl_desktop.core.event import EventSettings
from nbl_desktop.core.i18n import _
from nbl_desktop.core.slot_grid import slot_times


def slot_now(settings: EventSettings, when: dt.datetime) -> int:
    """The index of the first slot that starts after `when` (len(slots) when all have).

    A day without a date counts as today. On a dated event, a day before
    `when`'s date has passed and a later day has not begun.
    """
    slots = slot_times(settings)
    dates = [day.date for day in settings.days()]
    today = when.date().isoformat()
    minute = when.hour * 60 + when.minute
    for index, slot in enumerate(slots):
        date = dates[slot.day] or today
        if date > today or (date == today and slot.start >= minute):
            return index
    return len(slots)


def slot_label(settings: EventSettings, index: int) -> str:
    """"slot 4 (10:00–10:20)", or "the end of the day" past the last slot."""
    slots = slot_times(settings)
    if index >= len(slots):
        return _("the end of the day")
    # Translators: {time} is the slot's time, "10:00–10:20"
    return _("slot {number} ({time})").format(number=index + 1, time=slots[index].label())
