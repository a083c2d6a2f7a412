from __future__ import annotations

import time

from solver import Attendee, Problem, Request, Slot, SolveOptions, Table
from solver.bound import LevelBounds
from solver.cancel import CancelToken
from solver.candidates import candidate_pairs
from solver.capacity import slot_capacities
from solver.plan import Plan
from solver.search import SearchContext, SearchState

FAST = SolveOptions(time_limit_seconds=10, workers=1, random_seed=1)


def make_problem(
    people: str | list[str],
    requests: list[tuple[str, str, int]],
    slots: int = 3,
    tables: int = 5,
    **extra: object,
) -> Problem:
    """A tiny problem: people by one-letter ids, every slot 20 minutes from 09:00."""
    attendees = extra.pop("attendees", None) or tuple(Attendee(p) for p in people)
    return Problem(
        slots=tuple(Slot(540 + 20 * i, 560 + 20 * i) for i in range(slots)),
        tables=tuple(Table(str(i + 1)) for i in range(tables)),
        attendees=attendees,  # type: ignore[arg-type]
        requests=tuple(Request(*r) for r in requests),
        **extra,  # type: ignore[arg-type]
    )


def four_cycle(priority: int) -> Problem:
    """A meets B and C, D meets B and C, in four slots with one table: whatever the order,
    someone waits and someone does not, so a spread of 0 breaks cannot hold."""
    return make_problem("ABCD", [("A", "B", priority), ("A", "C", priority),
                                 ("B", "D", priority), ("C", "D", priority)],
                        slots=4, tables=1)


def context_and_state(problem: Problem, plan: Plan) -> tuple[SearchContext, SearchState]:
    """A search context on `problem` (one worker, 20 s) and a state holding `plan`."""
    options = SolveOptions(workers=1)
    candidates = candidate_pairs(problem, options.priority_weights)
    context = SearchContext(problem, candidates, options, slot_capacities(problem),
                            LevelBounds(problem, candidates, 2), time.monotonic() + 20,
                            CancelToken(), lambda *_: None)
    return context, SearchState(plan, context.figures(plan))
