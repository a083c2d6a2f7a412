"""Why each unmet request is unmet, and each attendee's figures."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from solver.candidates import Candidate, candidate_pairs, usable_slots
from solver.figures import busy_slots, idle_slots_and_breaks
from solver.greedy import PlanBuilder
from solver.options import SolveOptions
from solver.plan import Plan
from solver.problem import LockedMeeting, Problem, pair_key
from solver.result import AttendeeFigures, Meeting, UnmetReason, UnmetRequest


def unmet_requests(problem: Problem, candidates: list[Candidate],
                   plan: Plan) -> tuple[UnmetRequest, ...]:
    met = {pair_key(candidates[c].a, candidates[c].b) for c, _ in plan}
    index = {pair_key(c.a, c.b): i for i, c in enumerate(candidates)}
    excluded = problem.excluded_pairs()
    builder = PlanBuilder.of_plan(problem, candidates, plan)
    room: dict[tuple[int, int, int | None], bool] = {}  # (slot, seats, fixed table): fits?

    def fits_now(i: int) -> bool:
        """Whether pair `i`, both of whom have room, could join the schedule as it is."""
        cand = candidates[i]
        for slot in set(cand.slots).difference(builder.busy.get(cand.a, ()),
                                               builder.busy.get(cand.b, ())):
            place = (slot, cand.size, cand.table)
            if place not in room:  # with both free, only the tables decide
                room[place] = builder.can_place(i, slot)
            if room[place]:
                return True
        return False

    unmet = []
    for r in problem.requests:
        key = pair_key(r.requester, r.requested)
        if key in met or r.requester == r.requested:
            continue
        if key in excluded:
            reason = UnmetReason.EXCLUDED
        elif key not in index or not usable_slots(problem, key, r.allowed_slots):
            reason = UnmetReason.NO_COMMON_SLOT
        elif not builder.has_room(r.requester):
            reason = UnmetReason.REQUESTER_FULL
        elif not builder.has_room(r.requested):
            reason = UnmetReason.REQUESTED_FULL
        elif fits_now(index[key]):
            reason = UnmetReason.LONGER_WAITS
        else:
            reason = UnmetReason.CAPACITY_OR_PRIORITIES
        unmet.append(UnmetRequest(r, reason))
    return tuple(unmet)


def attendee_figures(problem: Problem, candidates: list[Candidate],
                     plan: Plan) -> dict[str, AttendeeFigures]:
    busy = busy_slots(plan, candidates)
    met = {pair_key(candidates[c].a, candidates[c].b) for c, _ in plan}
    made: Counter[str] = Counter()
    received: Counter[str] = Counter()
    fulfilled: Counter[str] = Counter()
    for r in problem.requests:
        made[r.requester] += 1
        received[r.requested] += 1
        if pair_key(r.requester, r.requested) in met:
            fulfilled[r.requester] += 1
            fulfilled[r.requested] += 1
    result = {}
    for a in problem.attendees:
        idle, breaks = idle_slots_and_breaks(busy.get(a.id, []))
        result[a.id] = AttendeeFigures(len(busy.get(a.id, [])), made[a.id], received[a.id],
                                       fulfilled[a.id], idle, breaks)
    return result


def explain_schedule(problem: Problem, meetings: Sequence[Meeting],
                     options: SolveOptions | None = None,
                     ) -> tuple[tuple[UnmetRequest, ...], dict[str, AttendeeFigures]]:
    """Unmet requests with their reasons, and each attendee's figures, for any valid
    schedule of `problem`: one the engine made, or one edited by hand since."""
    weights = (options or SolveOptions()).priority_weights
    as_given = replace(problem, locked=tuple(LockedMeeting(m.slot, m.table, m.a, m.b)
                                             for m in meetings))
    candidates = candidate_pairs(as_given, weights)
    index = {pair_key(c.a, c.b): i for i, c in enumerate(candidates)}
    plan = [(index[pair_key(m.a, m.b)], m.slot) for m in meetings
            if pair_key(m.a, m.b) in index]
    return (unmet_requests(as_given, candidates, plan),
            attendee_figures(as_given, candidates, plan))


def schedule_value(problem: Problem, meetings: Sequence[Meeting],
                   options: SolveOptions | None = None) -> int:
    """The value of a schedule: the weights of the requests its meetings meet, both ways."""
    weights = (options or SolveOptions()).priority_weights
    met = {pair_key(m.a, m.b) for m in meetings}
    return sum(weights.get(r.priority, 0) for r in problem.requests
               if pair_key(r.requester, r.requested) in met)
