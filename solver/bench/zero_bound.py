"""How many requesters no schedule can give a meeting: a proven floor for the bench.

The coverage LP of `solver.bound` with one meeting as the line and only
requesters counted gives the most requesters any schedule with the
must-meets reached (they come first) can give a meeting. Requesters minus
that is a floor on those left with none: a schedule that reaches it leaves
out nobody who could have been met.
"""

from __future__ import annotations

from solver.bound import LevelBounds
from solver.candidates import Candidate
from solver.problem import Problem


def unavoidable_zero_requesters(problem: Problem, candidates: list[Candidate],
                                must_reached: int) -> int:
    """Requesters that no schedule with `must_reached` must-meets gives a meeting (a floor)."""
    requesters = {r.requester for r in problem.requests}
    lp = LevelBounds(problem, candidates, 1, counted=requesters)
    return len(requesters) - lp.coverage(must_reached)
