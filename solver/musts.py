"""Small events: meet as many must-meets as the rules allow, and prove how many that is.

The full model (`model.build_model`) carries every level and every gap, and
on events where not every must-meet fits it climbs slowly: on the research
benchmark's tic-14crafd.forb0003 it had 225 must-meets after 17 s. A model
of the meeting rules alone finds and proves the most (235) in 2 to 5 s;
the levels below keep them and improve the rest.
"""

from __future__ import annotations

import math
import time

from ortools.sat.python import cp_model

from solver.cancel import solve_unless_cancelled
from solver.compaction import retime_exactly
from solver.model import build_meetings_model, must_meets
from solver.plan import Plan
from solver.search import MUST, SearchContext, SearchState, accept_if_better, locked_plan


def meet_most_musts(context: SearchContext, state: SearchState, seconds: float) -> None:
    """Raise the plan's must-meets to the most that fit; record the bound proven on them.

    A timing that breaks the spread of breaks is taken all the same: must-meets
    count first (`Figures.key`), and the re-timing that follows restores it.
    """
    candidates = context.candidates
    musts = {c for c, cand in enumerate(candidates) if cand.must}
    met = {c for c, _ in state.plan}
    if musts <= met:
        return
    deadline = min(context.deadline, time.monotonic() + seconds)
    if context.lp.must() < len(musts):
        most = _most_musts(context, state, deadline)
        if most is not None:
            accept_if_better(context, state, most, MUST)
        return
    # Every must-meet fits by the LP: time them all with the plan's other meetings.
    retimed = retime_exactly(context.problem, candidates, sorted(met | musts), context.options,
                             context.capacities, deadline, context.cancel,
                             any_timing_first=True)
    if retimed is not None:
        accept_if_better(context, state, retimed.plan, MUST)


def _most_musts(context: SearchContext, state: SearchState, deadline: float) -> Plan | None:
    """The plan with the most must-meets by the meeting rules alone; None if none was found.

    Its bound on must-meets holds for the full rules too (they only add to these).
    """
    candidates = context.candidates
    fixed = locked_plan(candidates)
    model, variables = build_meetings_model(context.problem, candidates, context.capacities,
                                            fixed)
    model.maximize(must_meets(variables, candidates))
    # No hint from the plan in hand: on tic-14crafd.forb0003 the optimum (235) was proven
    # in 1.5 to 1.8 s without it, and with it the search was still at 227 after 3 s.
    solver = context.new_solver(deadline - time.monotonic())
    if solver.parameters.num_workers == 2:
        # Core-guided search beside the LP one: on tic-14crafd, forumt-14crafd,
        # forumt-14crafe and tic-13crafc (forb0003) it proved the optimum in 0.6 to 2.7 s
        # with each of six seeds; the default pair of workers missed it within 3 s in 3 of
        # those 24 runs.
        solver.parameters.subsolvers.extend(["default_lp", "core"])
        solver.parameters.num_full_subsolvers = 2
    status = solve_unless_cancelled(solver, model, context.cancel)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    locked_musts = sum(1 for c, _ in fixed if candidates[c].must)
    bound = math.floor(solver.best_objective_bound + 1e-6) + locked_musts
    state.bounds[MUST] = min(state.bounds.get(MUST, bound), bound)
    return fixed + variables.extract(solver)
