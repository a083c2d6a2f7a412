"""What the engine returns: the schedule and how good it is."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from solver.problem import Request


@dataclass(frozen=True)
class Meeting:
    """Attendees `a` and `b` meet in slot `slot` (index) at table `table` (index)."""

    slot: int
    table: int
    a: str
    b: str
    locked: bool = False


class StopReason(enum.Enum):
    """Why the search ended. Every reason comes with a valid schedule."""

    OPTIMAL = "optimal"
    TIME_LIMIT = "time limit"
    CANCELLED = "cancelled"
    NO_IMPROVEMENT_FOUND = "search ended without improving the starting schedule"


@dataclass(frozen=True)
class Progress:
    """One step of a running solve, published at every improvement."""

    elapsed_seconds: float
    value: int
    bound: int


@dataclass(frozen=True)
class SolveResult:
    """A valid schedule, its value, the proven bound on value, and what is unmet."""

    meetings: tuple[Meeting, ...]
    value: int
    bound: int
    stop_reason: StopReason
    wall_seconds: float
    unmet_requests: tuple[Request, ...]

    @property
    def proven_optimal(self) -> bool:
        return self.stop_reason is StopReason.OPTIMAL

    @property
    def gap(self) -> float:
        """Relative distance to the bound: 0.0 means proven optimal."""
        return 0.0 if self.bound <= 0 else max(0.0, (self.bound - self.value) / self.bound)
