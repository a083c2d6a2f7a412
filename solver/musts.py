"""Meet as many must-meets as the rules allow, and prove how many that is.

Small events: the full model (`model.build_model`) carries every level and
every gap, and on events where not every must-meet fits it climbs slowly: on
the research benchmark's tic-14crafd.forb0003 it had 225 must-meets after
17 s. A model of the meeting rules alone finds and proves the most (235) in
2 to 5 s; the levels below keep them and improve the rest. Where the LP fits
every must-meet, they are first timed with the plan's other meetings; when
that fails, the same model proves how many fit (forumt-14.fixed040-Forb:
236 of 237, in 0.1 s; the full model had proven nothing in 10 s).

Large events: the starting plan and chain insertion reach the LP's must-meets
almost always, but not on generated-500 (261 of 262). There a model of the
must-meets alone proves 262 in 0.7 s, and the plan is built again around its
timing: the old plan's other meetings where they still fit, then the greedy's.
"""

from __future__ import annotations

import math
import time

from ortools.sat.python import cp_model

from solver.cancel import solve_unless_cancelled
from solver.compaction import retime_exactly
from solver.greedy import PlanBuilder, complete_fairly
from solver.model import build_meetings_model, must_meets
from solver.plan import Plan
from solver.search import (
    MUST,
    SearchContext,
    SearchState,
    accept_if_better,
    locked_plan,
    variable_count,
)

# (must-meet, slot) choices above which the must-meets alone are not solved on large events:
# generated-500 has 5,000 (proven in 0.7 s), arctic-1000 18,000 (11.6 s), arctic-3000
# 74,000 (nothing found in 20 s).
_MUSTS_ALONE_MAX_VARIABLES = 20_000


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
    if context.lp.must() == len(musts):
        # Every must-meet fits by the LP: time them all with the plan's other meetings.
        retimed = retime_exactly(context.problem, candidates, sorted(met | musts),
                                 context.options, context.capacities, deadline, context.cancel,
                                 any_timing_first=True)
        if retimed is not None:
            accept_if_better(context, state, retimed.plan, MUST)
        if state.figures.must_met == len(musts):
            return
    # Below the LP's bound: on the research benchmark's fixed040 variants, fixed meetings
    # and forbidden slots leave one or two must-meets out that the LP fits.
    most = _most_musts(context, state, deadline)
    if most is not None:
        accept_if_better(context, state, most, MUST)


def rebuild_around_most_musts(context: SearchContext, state: SearchState,
                              seconds: float) -> None:
    """Large events: when the plan has fewer must-meets than the LP allows, time the most
    must-meets first, then the plan's other meetings where they fit, then the rest."""
    candidates = context.candidates
    musts = [c for c, cand in enumerate(candidates) if cand.must]
    if (state.figures.must_met >= context.lp.must()
            or variable_count([candidates[c] for c in musts]) > _MUSTS_ALONE_MAX_VARIABLES):
        return
    most = _most_musts(context, state, time.monotonic() + seconds, among=set(musts))
    if most is None or sum(candidates[c].must for c, _ in most) <= state.figures.must_met:
        return
    builder = PlanBuilder.of_plan(context.problem, candidates, most)
    for c, slot in sorted(state.plan, key=lambda meeting: -candidates[meeting[0]].value):
        if builder.can_place(c, slot):
            builder.place(c, slot)
    accept_if_better(context, state, complete_fairly(builder, context.options.min_meetings),
                     MUST)


def _most_musts(context: SearchContext, state: SearchState, deadline: float,
                among: set[int] | None = None) -> Plan | None:
    """The plan with the most must-meets by the meeting rules alone (of the candidates
    `among`, if given); None if none was found.

    Its bound on must-meets holds for the full rules too (they only add to these).
    """
    candidates = context.candidates
    fixed = locked_plan(candidates)
    model, variables = build_meetings_model(context.problem, candidates, context.capacities,
                                            fixed, among)
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
