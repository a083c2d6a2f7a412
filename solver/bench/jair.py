"""The research benchmark (Bofill et al., JAIR 74, 2022) read into the engine's dataclasses.

Each `.dzn` file lists meetings that must all take place (priority 3),
some only in the morning or the afternoon session, forbidden slots per
participant, and meetings fixed to a slot. The objective there is the
fewest breaks (runs of idle slots) with at most 2 between the participant
with the most and the one with the fewest. Precedences (the `prec*`
variants) are not read: the engine has no such rule.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from solver.problem import MUST_MEET, Attendee, LockedMeeting, Problem, Request, Slot, Table

MORNING, AFTERNOON = 1, 2
DAY_START_MINUTE = 9 * 60
SLOT_MINUTES = 20


class DznError(ValueError):
    """A benchmark file this reader does not understand."""


def _field(text: str, name: str) -> str:
    match = re.search(rf"\b{name}\s*=\s*(.*?);", text, re.S)
    if match is None:
        raise DznError(f"field {name!r} is missing")
    return match.group(1)


def _integers(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"-?\d+", text)]


def _sets(text: str) -> list[set[int]]:
    return [set(_integers(body)) for body in re.findall(r"\{([^}]*)\}", text)]


def read_dzn(path: Path) -> Problem:
    text = Path(path).read_text(encoding="utf-8")
    people = int(_field(text, "nBusiness"))
    meeting_count = int(_field(text, "nMeetings"))
    table_count = int(_field(text, "nTables"))
    slot_count = int(_field(text, "nTotalSlots"))
    morning = int(_field(text, "nMorningSlots"))
    rows = _integers(_field(text, "requested"))
    if len(rows) != 3 * meeting_count:
        raise DznError(f"{path.name}: {len(rows) // 3} requested rows, nMeetings={meeting_count}")
    forbidden = _sets(_field(text, "forbidden")) if "forbidden" in text else []
    fixed = _integers(_field(text, "fixed")) if re.search(r"\bfixed\s*=", text) else []

    slots = tuple(
        Slot(DAY_START_MINUTE + SLOT_MINUTES * s, DAY_START_MINUTE + SLOT_MINUTES * (s + 1),
             "morning" if s < morning else "afternoon")
        for s in range(slot_count)
    )
    every_slot = frozenset(range(slot_count))
    attendees = []
    for p in range(people):
        banned = {s - 1 for s in (forbidden[p] if p < len(forbidden) else set()) if s >= 1}
        attendees.append(Attendee(str(p + 1), every_slot - banned if banned else None))
    windows = {MORNING: frozenset(range(morning)),
               AFTERNOON: frozenset(range(morning, slot_count))}
    requests = []
    locked = []
    tables_used: dict[int, int] = defaultdict(int)
    for m in range(meeting_count):
        a, b, session = rows[3 * m: 3 * m + 3]
        requests.append(Request(str(a), str(b), MUST_MEET, windows.get(session)))
        if m < len(fixed) and fixed[m] > 0:
            slot = fixed[m] - 1
            locked.append(LockedMeeting(slot, tables_used[slot], str(a), str(b)))
            tables_used[slot] += 1
    return Problem(
        slots=slots,
        tables=tuple(Table(str(t + 1)) for t in range(table_count)),
        attendees=tuple(attendees),
        requests=tuple(requests),
        locked=tuple(locked),
    )


@dataclass(frozen=True)
class Published:
    """The best published number of breaks (fairness 2) and whether any method proved it.

    `breaks` is None where the paper proves that no schedule meets every
    meeting ("UNSAT"; some forbidden-slot variants).
    """

    breaks: int | None
    proven: bool
    seconds: float | None  # the fastest proof


def published_results(csv_path: Path) -> dict[tuple[str, str], Published]:
    """(instance, variant) → best result over the JAIR tables' methods, fairness d = 2."""
    found: dict[tuple[str, str], list[tuple[int | None, float | None]]] = defaultdict(list)
    with open(csv_path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            best_text = row["best_breaks"]
            if row["fairness_d"] != "2" or not (best_text.isdigit() or best_text == "UNSAT"):
                continue
            time_text = row["time_s"]
            seconds = None if time_text.startswith("TO") else float(time_text)
            breaks = int(best_text) if best_text.isdigit() else None
            found[(row["instance"], row["variant"])].append((breaks, seconds))
    results = {}
    for key, runs in found.items():
        if any(b is None for b, _ in runs):
            proofs = [s for b, s in runs if b is None and s is not None]
            results[key] = Published(None, True, min(proofs, default=None))
            continue
        best = min(b for b, _ in runs if b is not None)
        proofs = [s for b, s in runs if b == best and s is not None]
        results[key] = Published(best, bool(proofs), min(proofs) if proofs else None)
    return results
