"""Data → model → solve → read the solution: the engine's one entry point.

A non-optimal end (time limit, cancel) is a normal result with a valid
schedule: the value-sorted greedy plan is the floor, and CP-SAT starts from
it as a hint.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from ortools.sat.python import cp_model

from solver.cancel import CancelToken
from solver.candidates import Candidate, candidate_pairs
from solver.greedy import value_sorted_greedy
from solver.model import ScheduleModel, build_model
from solver.options import SolveOptions
from solver.plan import Plan, assign_tables, plan_value
from solver.problem import Problem, ProblemError, Request, pair_key
from solver.result import Progress, SolveResult, StopReason

log = logging.getLogger(__name__)

ProgressCallback = Callable[[Progress], None]


class _ProgressPublisher(cp_model.CpSolverSolutionCallback):
    """Publishes a Progress record at every improving solution."""

    def __init__(
        self, on_progress: ProgressCallback | None, started: float, upper_bound: int
    ) -> None:
        super().__init__()
        self._on_progress = on_progress
        self._started = started
        self._upper_bound = upper_bound

    def on_solution_callback(self) -> None:
        if self._on_progress is not None:
            self._on_progress(
                Progress(
                    elapsed_seconds=time.monotonic() - self._started,
                    value=round(self.objective_value),
                    bound=min(self._upper_bound, round(self.best_objective_bound)),
                )
            )


def solve(
    problem: Problem,
    options: SolveOptions | None = None,
    on_progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> SolveResult:
    """Build the best schedule found within the options' time limit.

    Raises ProblemError (listing every problem) when the input is invalid.
    """
    options = options or SolveOptions()
    cancel = cancel or CancelToken()
    problems = problem.validate()
    if problems:
        raise ProblemError(problems)
    started = time.monotonic()

    candidates = candidate_pairs(problem, options.priority_weights)
    start_plan = value_sorted_greedy(problem, candidates)
    upper_bound = sum(c.value for c in candidates)
    if on_progress is not None:
        on_progress(Progress(time.monotonic() - started, plan_value(start_plan, candidates),
                             upper_bound))

    model = build_model(problem, candidates)
    model.hint(start_plan)
    publisher = _ProgressPublisher(on_progress, started, upper_bound)
    plan, bound, reason = _search(model, options, publisher, cancel, started)
    if plan is None or plan_value(plan, candidates) < plan_value(start_plan, candidates):
        plan = start_plan
        if reason is not StopReason.CANCELLED:
            reason = StopReason.NO_IMPROVEMENT_FOUND
    bound = min(bound if bound is not None else upper_bound, upper_bound)
    value = plan_value(plan, candidates)
    return SolveResult(
        meetings=tuple(assign_tables(problem, candidates, plan)),
        value=value,
        bound=max(bound, value),
        stop_reason=reason,
        wall_seconds=time.monotonic() - started,
        unmet_requests=_unmet_requests(problem, candidates, plan),
    )


def _search(
    model: ScheduleModel,
    options: SolveOptions,
    publisher: _ProgressPublisher,
    cancel: CancelToken,
    started: float,
) -> tuple[Plan | None, int | None, StopReason]:
    solver = cp_model.CpSolver()
    params = solver.parameters
    params.max_time_in_seconds = max(0.0, options.time_limit_seconds - (time.monotonic() - started))
    params.num_workers = options.worker_count()
    params.random_seed = options.random_seed
    params.log_search_progress = options.log_search
    params.log_to_stdout = False
    solver.log_callback = log.debug

    cancel.attach(solver)
    try:
        if cancel.cancelled:
            return None, None, StopReason.CANCELLED
        status = solver.solve(model.cp, publisher)
    finally:
        cancel.attach(None)

    if cancel.cancelled:
        reason = StopReason.CANCELLED
    elif status == cp_model.OPTIMAL:
        reason = StopReason.OPTIMAL
    else:
        reason = StopReason.TIME_LIMIT
    log.info("CP-SAT ended: %s after %.1fs", solver.status_name(status), solver.wall_time)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return model.variables.extract(solver), round(solver.best_objective_bound), reason
    return None, None, reason


def _unmet_requests(
    problem: Problem, candidates: list[Candidate], plan: Plan
) -> tuple[Request, ...]:
    met = {pair_key(candidates[c].a, candidates[c].b) for c, _ in plan}
    return tuple(r for r in problem.requests if pair_key(r.requester, r.requested) not in met)
