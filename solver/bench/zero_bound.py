"""How many requesters no schedule can give a meeting: proven floors for the bench.

The coverage LP of `solver.bound` with one meeting as the line and only
requesters counted gives the most requesters any schedule with the
must-meets reached (they come first) can give a meeting. Requesters minus
that is a floor on those left with none: a schedule that reaches it leaves
out nobody who could have been met. Coverage comes before who has a
meeting, so the second floor holds the coverage reached as well: at the
most coverage there is, it can be higher (generated-500: 111, not 110).
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


def unavoidable_at_coverage(problem: Problem, lp: LevelBounds, must_reached: int,
                            coverage_reached: int) -> int:
    """Requesters that no schedule with these must-meets and this coverage (levels that
    come first) gives a meeting (a floor); `lp`: the event's, coverage counted as usual."""
    requesters = {r.requester for r in problem.requests}
    return len(requesters) - lp.with_a_meeting(must_reached, coverage_reached)
