"""Read a sample's JSON twin (../shared/samples/*.json) into a Problem."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from solver.problem import Attendee, Exclusion, Problem, Request, Slot, Table


def _minutes(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def slot_grid(event: dict[str, Any]) -> tuple[Slot, ...]:
    """Slots from the start time, each moved past any break it would overlap."""
    start, length = _minutes(event["start"]), int(event["slot_minutes"])
    breaks = [(_minutes(a), _minutes(b)) for a, b in event.get("breaks", [])]
    slots: list[Slot] = []
    while len(slots) < event["slots"]:
        for a, b in breaks:
            if a < start + length and start < b:
                start = b
        slots.append(Slot(start, start + length))
        start += length
    return tuple(slots)


def load_sample(path: Path) -> Problem:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    event = data["event"]
    return Problem(
        slots=slot_grid(event),
        tables=tuple(Table(str(i + 1)) for i in range(event["tables"])),
        attendees=tuple(
            Attendee(a["id"], frozenset(range(*a["available"])), a["max_meetings"])
            for a in data["attendees"]
        ),
        requests=tuple(Request(a, b, p) for a, b, p in data["requests"]),
        exclusions=tuple(Exclusion(a, b) for a, b in data["exclusions"]),
    )
