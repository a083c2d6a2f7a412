"""What the engine returns: the schedule, its figures per level, bounds and reasons."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

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
    NO_GAPS_LEFT = "no idle time left to remove (value not proven optimal)"
    CANCELLED = "cancelled"
    NOTHING_MORE_FOUND = "local search found nothing more to improve (not proven optimal)"


class UnmetReason(enum.Enum):
    """Why a request has no meeting."""

    EXCLUDED = "the pair must never meet"
    NO_COMMON_SLOT = "no slot where both are available (and the request's window allows)"
    REQUESTER_FULL = "the requester has reached their maximum number of meetings"
    REQUESTED_FULL = "the requested person has reached their maximum number of meetings"
    CAPACITY_OR_PRIORITIES = "lost to table capacity or to more important meetings"
    # The value tolerance lets compactness cost a little value (see drop_outlying_meetings).
    LONGER_WAITS = ("a place is still free for it, but only where someone would wait longer "
                    "between meetings: left out for fewer idle gaps")


@dataclass(frozen=True)
class UnmetRequest:
    """A request without a meeting, and why."""

    request: Request
    reason: UnmetReason


@dataclass(frozen=True)
class LevelResult:
    """One level of the objective: what was reached, and a proven bound on it."""

    name: str
    reached: int
    bound: int
    bound_source: str
    minimize: bool = False

    @property
    def proven(self) -> bool:
        return self.reached == self.bound


@dataclass(frozen=True)
class AttendeeFigures:
    """One attendee's share of the schedule."""

    meetings: int
    requests_made: int
    requests_received: int
    requests_met: int
    idle_slots: int
    breaks: int


@dataclass(frozen=True)
class Progress:
    """One step of a running solve, published at every improvement.

    `level` names the objective level being worked on; `value` and `bound` are
    always the value level (request weights) and its proven bound.
    """

    elapsed_seconds: float
    level: str
    value: int
    bound: int
    must_met: int = 0
    coverage: int = 0
    compactness: int = 0


@dataclass(frozen=True)
class SolveResult:
    """A valid schedule, its figures per level with proven bounds, and what is unmet."""

    meetings: tuple[Meeting, ...]
    value: int
    bound: int
    stop_reason: StopReason
    wall_seconds: float
    unmet: tuple[UnmetRequest, ...] = ()
    levels: tuple[LevelResult, ...] = ()
    attendees: dict[str, AttendeeFigures] = field(default_factory=dict)
    first_schedule_seconds: float = 0.0
    # With the fewest breaks and a limit on their spread: proven that no timing of every
    # requested meeting keeps the spread within the limit (the schedule then breaks it).
    break_spread_impossible: bool = False

    @property
    def unmet_requests(self) -> tuple[Request, ...]:
        return tuple(u.request for u in self.unmet)

    @property
    def proven_optimal(self) -> bool:
        return self.stop_reason is StopReason.OPTIMAL

    @property
    def gap(self) -> float:
        """Relative distance of value to its bound: 0.0 means proven optimal value."""
        return 0.0 if self.bound <= 0 else max(0.0, (self.bound - self.value) / self.bound)

    def level(self, name: str) -> LevelResult:
        return next(level for level in self.levels if level.name == name)
