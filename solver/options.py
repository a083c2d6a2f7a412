"""How hard and how the engine searches, and what it optimizes; every default is an option."""

from __future__ import annotations

import enum
import os
from dataclasses import dataclass, field

DEFAULT_WEIGHTS: dict[int, int] = {1: 1, 2: 2, 3: 5}


class Compactness(enum.Enum):
    """Level 4 of the objective: what 'few idle gaps' means."""

    IDLE_SLOTS = "idle slots"  # empty slots between an attendee's first and last meeting
    BREAKS = "breaks"  # maximal runs of such slots (the research measure)


@dataclass(frozen=True)
class SolveOptions:
    """Search settings and objective. `workers=0` uses every core of the machine.

    The objective is lexicographic: must-meets, then coverage (everyone up to
    `min_meetings`), then value (request weights), then compactness; value may
    give up at most `value_tolerance` (a fraction) to improve compactness, and
    not below `value_share_of_bound` of its proven bound (unless already lower).
    """

    time_limit_seconds: float = 60.0
    workers: int = 0
    random_seed: int = 0
    priority_weights: dict[int, int] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    min_meetings: int = 2
    value_tolerance: float = 0.01
    value_share_of_bound: float = 0.985  # compactness never takes value below this of the bound
    compactness: Compactness = Compactness.IDLE_SLOTS
    max_break_spread: int | None = None  # with BREAKS: max - min breaks per attendee
    full_model_limit: int = 8_000  # above this many (pair, slot) choices, search neighbourhoods
    log_search: bool = False

    def worker_count(self) -> int:
        return self.workers if self.workers > 0 else max(1, os.cpu_count() or 1)
