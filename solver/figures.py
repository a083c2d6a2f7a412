"""The figures of a schedule, level by level, computed in plain Python.

Used to compare schedules (lexicographic key), to report progress and to
fill the result; independent of the CP-SAT model.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from solver.candidates import Candidate
from solver.options import Compactness, SolveOptions
from solver.plan import Plan
from solver.problem import Problem


@dataclass(frozen=True)
class Figures:
    """Level values of one schedule."""

    must_met: int
    coverage: int
    value: int
    idle_slots: int
    breaks: int
    meetings: int
    break_spread: int = 0  # max − min breaks per attendee
    # How many of the attendees who made a request have a meeting: at equal coverage,
    # fewer who asked left with none is better (coverage alone ranks someone's first
    # meeting with another's second). 0 when coverage is off (min_meetings 0).
    with_a_meeting: int = 0

    def spread_excess(self, options: SolveOptions) -> int:
        limit = options.max_break_spread
        if limit is None or options.compactness is not Compactness.BREAKS:
            return 0
        return max(0, self.break_spread - limit)

    def compactness(self, options: SolveOptions) -> int:
        return self.breaks if options.compactness is Compactness.BREAKS else self.idle_slots

    def key(self, options: SolveOptions, value_floor: int | None = None) -> tuple[int, ...]:
        """Bigger is better. Above `value_floor`, compactness counts before value.

        A break spread over its limit belongs to compactness (level 4): it
        counts first there, and like the rest of that level it never costs a
        must-meet or coverage, nor value beyond the floor.
        """
        excess = -self.spread_excess(options)
        covered = (self.coverage, self.with_a_meeting)
        if value_floor is None:
            return (self.must_met, *covered, self.value, excess, -self.compactness(options))
        return (self.must_met, *covered, int(self.value >= value_floor), excess,
                -self.compactness(options), self.value)


def busy_slots(plan: Plan, candidates: list[Candidate]) -> dict[str, list[int]]:
    busy: dict[str, list[int]] = defaultdict(list)
    for c, slot in plan:
        busy[candidates[c].a].append(slot)
        busy[candidates[c].b].append(slot)
    return busy


def idle_slots(slots: set[int]) -> int:
    """Empty slots between first and last meeting (no sorting: the hot loops call it)."""
    return max(slots) - min(slots) + 1 - len(slots) if slots else 0


def idle_slots_and_breaks(slots: list[int]) -> tuple[int, int]:
    """Empty slots between first and last meeting, and how many runs they form."""
    if not slots:
        return 0, 0
    ordered = sorted(slots)
    idle = ordered[-1] - ordered[0] + 1 - len(ordered)
    runs = sum(1 for before, after in itertools.pairwise(ordered) if after > before + 1)
    return idle, runs


def breaks(slots: set[int]) -> int:
    """Runs of empty slots between first and last meeting."""
    return idle_slots_and_breaks(list(slots))[1]


def gaps_measure(measure: Compactness) -> Callable[[set[int]], int]:
    """One person's gaps as `measure` counts them."""
    return breaks if measure is Compactness.BREAKS else idle_slots


def requesters_and_requested(problem: Problem) -> frozenset[str]:
    """Attendees who made or received a request: coverage counts for them."""
    return problem.requesters_and_requested()


def requesters(problem: Problem) -> frozenset[str]:
    """Attendees who made a request: "who has a meeting" counts them."""
    return problem.requesters()


def figures_of(problem: Problem, candidates: list[Candidate], plan: Plan,
               min_meetings: int) -> Figures:
    busy = busy_slots(plan, candidates)
    idle = runs = 0
    per_person = []
    for slots in busy.values():
        i, r = idle_slots_and_breaks(slots)
        idle += i
        runs += r
        per_person.append(r)
    if len(busy) < len(problem.attendees):
        per_person.append(0)  # someone without meetings has no breaks
    counted = requesters_and_requested(problem)
    return Figures(
        must_met=sum(1 for c, _ in plan if candidates[c].must),
        coverage=sum(min(len(busy.get(p, ())), min_meetings) for p in counted),
        value=sum(candidates[c].value for c, _ in plan),
        idle_slots=idle,
        breaks=runs,
        meetings=len(plan),
        break_spread=max(per_person, default=0) - min(per_person, default=0),
        with_a_meeting=sum(1 for p in requesters(problem) if p in busy) if min_meetings else 0,
    )
