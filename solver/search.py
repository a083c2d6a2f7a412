"""Improve a valid plan with CP-SAT: level by level on the whole event, or by neighbourhoods.

`staged_search` solves the whole model once per objective level (must-meets,
coverage, value, compactness), fixing each level before the next; it proves
optima on small events. `neighbourhood_search` re-decides the meetings among
a cluster of attendees, or every meeting in a few slots, while all others
stay fixed, again and again; it scales to thousands of attendees. Both only
ever accept a plan that is at least as good, so the plan in hand is always
valid and never gets worse.
"""

from __future__ import annotations

import math
import random
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from solver.bound import LevelBounds
from solver.cancel import CancelToken, solve_unless_cancelled
from solver.candidates import Candidate
from solver.capacity import SlotCapacity
from solver.figures import Figures, figures_of, idle_slots_and_breaks, requesters_and_requested
from solver.model import ScheduleModel, build_meetings_model, build_model
from solver.options import SolveOptions
from solver.plan import Plan
from solver.problem import Problem

MUST, COVERAGE, VALUE, COMPACTNESS = "must-meets", "coverage", "value", "compactness"


@dataclass
class SearchState:
    """The best plan so far and what is known about each level."""

    plan: Plan
    figures: Figures
    value_floor: int | None = None
    bounds: dict[str, int] = field(default_factory=dict)
    proven: set[str] = field(default_factory=set)
    # Proven: no schedule as good on the levels above has fewer gaps (0: nothing known).
    fewest_gaps: int = 0
    # Proven: every pair meets, and no timing of them keeps the spread of breaks in bounds.
    spread_impossible: bool = False


Publish = Callable[[str, SearchState], None]


@dataclass(frozen=True)
class SearchContext:
    """Everything a search step needs, passed as one value."""

    problem: Problem
    candidates: list[Candidate]
    options: SolveOptions
    capacities: list[SlotCapacity]
    lp: LevelBounds
    deadline: float
    cancel: CancelToken
    publish: Publish

    def remaining(self) -> float:
        return self.deadline - time.monotonic()

    def figures(self, plan: Plan) -> Figures:
        return figures_of(self.problem, self.candidates, plan, self.options.min_meetings)

    def new_solver(self, seconds: float) -> cp_model.CpSolver:
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = max(0.01, seconds)
        solver.parameters.num_workers = self.options.worker_count()
        solver.parameters.random_seed = self.options.random_seed
        solver.parameters.log_search_progress = self.options.log_search
        solver.parameters.log_to_stdout = False
        return solver

    def run(self, solver: cp_model.CpSolver, model: ScheduleModel,
            stop_at: int | None = None) -> int:
        """Solve; with `stop_at`, the search also ends at a solution whose objective (to
        maximize) reaches it: a bound proven elsewhere, which CP-SAT does not know."""
        callback = None if stop_at is None else _StopAt(stop_at)
        return solve_unless_cancelled(solver, model.cp, self.cancel, callback)


class _StopAt(cp_model.CpSolverSolutionCallback):
    def __init__(self, target: int) -> None:
        super().__init__()
        self._target = target

    def on_solution_callback(self) -> None:
        if self.objective_value >= self._target:
            self.stop_search()


def locked_plan(candidates: list[Candidate]) -> Plan:
    return [(i, c.locked.slot) for i, c in enumerate(candidates) if c.locked is not None]


def variable_count(candidates: list[Candidate]) -> int:
    return sum(len(c.slots) for c in candidates if c.locked is None)


# -- the whole event, level by level ------------------------------------------------


def staged_search(context: SearchContext, state: SearchState,
                  compactness_share: float = 0.9,
                  before_compactness: Callable[[], bool] | None = None,
                  found_elsewhere: Plan | None = None) -> bool:
    """Returns True when every level was proven optimal.

    A level already at its LP bound is not searched (it is proven), and a
    stage ends as soon as it reaches that bound. The compactness stage gets
    `compactness_share` of the time left, so that a neighbourhood search can
    take over when it does not finish. `before_compactness` runs first and
    returns True when it proved compactness. `found_elsewhere` (a plan found
    by other means, e.g. with the levels above compactness at their LP
    bounds but timed with no regard to gaps) replaces the stages' plan before
    compactness only where it is better: the stages start from the plan in
    hand, so their meetings are likelier to time with few gaps.
    """
    fixed = locked_plan(context.candidates)
    model = build_model(context.problem, context.candidates, context.options,
                        context.capacities, fixed)
    levels = model.levels
    # Coverage, then (at equal coverage) attendees with a meeting: one objective.
    met_upper = len(requesters_and_requested(context.problem)) + 1
    stages = [(MUST, levels.must, 0.15),
              (COVERAGE, levels.coverage * met_upper + levels.with_a_meeting, 0.25),
              (VALUE, levels.value, 0.45), (COMPACTNESS, levels.compactness, compactness_share)]
    for name, expression, share in stages:
        if context.cancel.cancelled or context.remaining() <= 0:
            return False
        if name != COMPACTNESS and _at_lp_bound(context, state, name):
            state.proven.add(name)
            state.bounds[name] = _level_of(state.figures, name, context)
            if name == COVERAGE:
                model.cp.add(levels.coverage >= state.bounds[name])
            elif name != VALUE:
                model.cp.add(expression >= state.bounds[name])
            if name == MUST:
                _require_every_must_meet_if_all_met(context, state, model)
            continue
        if name == COMPACTNESS and found_elsewhere is not None:
            _take_if_better(context, state, model, found_elsewhere)
        if name == COMPACTNESS and before_compactness is not None and before_compactness():
            state.proven.add(COMPACTNESS)
            continue
        if name == COMPACTNESS and _no_gaps_at_best_value(context, state):
            state.proven.add(COMPACTNESS)  # nothing at any level is left to gain
            continue
        if name == COMPACTNESS:
            state.value_floor = value_floor(context, state.figures)
            model.cp.add(levels.value >= state.value_floor)
            if VALUE in state.proven:
                # The value reached is the most there is at these levels; said to
                # CP-SAT, a timing without gaps at that value ends the stage as proven.
                model.cp.add(levels.with_a_meeting >= state.figures.with_a_meeting)
                model.cp.add(levels.value <= state.figures.value)
            model.cp.minimize(expression * (levels.value_upper + 1) - levels.value)
        else:
            model.cp.maximize(expression)
        model.hint([(c, s) for c, s in state.plan if context.candidates[c].locked is None])
        solver = context.new_solver(share * context.remaining())
        status = context.run(solver, model, _lp_target(context, state, name, met_upper))
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            accept_if_better(context, state, fixed + model.variables.extract(solver), name)
        reached = _level_of(state.figures, name, context)
        if status == cp_model.OPTIMAL:
            state.proven.add(name)
        if name != COMPACTNESS and status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            bound = math.floor(solver.best_objective_bound)
            if name == COVERAGE:
                bound //= met_upper
            state.bounds[name] = min(state.bounds.get(name, reached + (1 << 40)),
                                     max(reached, bound))
        if name == MUST:  # never traded for a lower level
            model.cp.add(expression >= reached)
            _require_every_must_meet_if_all_met(context, state, model)
        elif name == COVERAGE:
            model.cp.add(levels.coverage >= reached)
            model.cp.add(levels.with_a_meeting >= state.figures.with_a_meeting)
    _mark_levels_at_lp_bounds(context, state)  # a later stage may have reached an earlier one
    return state.proven >= {MUST, COVERAGE, VALUE, COMPACTNESS}


def _lp_target(context: SearchContext, state: SearchState, name: str,
               met_upper: int) -> int | None:
    """A stage's objective at the LP's bound, given the levels above as reached."""
    if name == COMPACTNESS:
        return None
    bound = _lp_bound(context, state, name)
    if name == COVERAGE:
        return bound * met_upper + context.lp.with_a_meeting(state.figures.must_met, bound)
    return bound


def _take_if_better(context: SearchContext, state: SearchState, model: ScheduleModel,
                    plan: Plan) -> None:
    """Take `plan` where it is better above compactness, and hold the levels it reached.

    Fewer gaps alone do not count: both plans are timed with no regard to them,
    and on the demo event the stages' meetings (143 idle slots then) timed to
    1 idle slot where the LP's (105 then) ended at 11 to 14.
    """
    def above_compactness(f: Figures) -> tuple[int, int, int, int]:
        return f.must_met, f.coverage, f.with_a_meeting, f.value

    if above_compactness(context.figures(plan)) <= above_compactness(state.figures):
        return
    accept_if_better(context, state, plan, VALUE)
    f, levels = state.figures, model.levels
    model.cp.add(levels.must >= f.must_met)
    model.cp.add(levels.coverage >= f.coverage)
    model.cp.add(levels.with_a_meeting >= f.with_a_meeting)
    _mark_levels_at_lp_bounds(context, state)


def _no_gaps_at_best_value(context: SearchContext, state: SearchState) -> bool:
    """Nobody has a gap and the value is proven the most there is: no better schedule."""
    f = state.figures
    return (VALUE in state.proven and f.compactness(context.options) == 0
            and not f.spread_excess(context.options))


def _require_every_must_meet_if_all_met(context: SearchContext, state: SearchState,
                                        model: ScheduleModel) -> None:
    """When every must-meet is met, say so pair by pair: it propagates far better than a sum."""
    musts = [c for c, cand in enumerate(context.candidates) if cand.must and cand.locked is None]
    met = {c for c, _ in state.plan}
    if all(c in met for c in musts):
        for c in musts:
            model.cp.add_exactly_one(model.variables.by_candidate[c])


def levels_at_lp_bounds(context: SearchContext, state: SearchState) -> bool:
    """Must-meets, coverage and value are each at the LP's bound given the levels above:
    only compactness is left to improve."""
    return all(_at_lp_bound(context, state, name) for name in (MUST, COVERAGE, VALUE))


def _mark_levels_at_lp_bounds(context: SearchContext, state: SearchState) -> None:
    for name in (MUST, COVERAGE, VALUE):
        if _at_lp_bound(context, state, name):
            state.proven.add(name)


def _at_lp_bound(context: SearchContext, state: SearchState, name: str) -> bool:
    f = state.figures
    if f.spread_excess(context.options):
        return False
    reached = _level_of(f, name, context) >= _lp_bound(context, state, name)
    if name == COVERAGE:  # with its tie-break: who asked and has a meeting
        return reached and f.with_a_meeting >= context.lp.with_a_meeting(f.must_met,
                                                                          f.coverage)
    return reached


def _lp_bound(context: SearchContext, state: SearchState, name: str) -> int:
    """The LP's bound on must-meets, coverage or value, given the levels above as reached."""
    f, lp = state.figures, context.lp
    if name == MUST:  # the LP's bound, or the meeting rules' alone (`musts`)
        most = lp.must()
        return min(most, state.bounds.get(MUST, most))
    if name == COVERAGE:
        return lp.coverage(f.must_met)
    return lp.value(f.must_met, f.coverage, f.with_a_meeting)


def _level_of(figures: Figures, name: str, context: SearchContext) -> int:
    return {
        MUST: figures.must_met,
        COVERAGE: figures.coverage,
        VALUE: figures.value,
        COMPACTNESS: figures.compactness(context.options),
    }[name]


def value_floor(context: SearchContext, f: Figures) -> int:
    """The value that compactness may not take a schedule with figures `f` below.

    Compactness may cost at most `value_tolerance` of the value reached, and
    never take it below `value_share_of_bound` of the proven bound (given the
    must-meets and coverage reached), unless it was lower already.
    """
    options = context.options
    given_up = math.ceil((1 - options.value_tolerance) * f.value)
    near_bound = math.ceil(options.value_share_of_bound
                           * context.lp.value(f.must_met, f.coverage, f.with_a_meeting))
    return max(given_up, min(f.value, near_bound))


def accept_if_better(context: SearchContext, state: SearchState, plan: Plan,
                      level: str) -> bool:
    figures = context.figures(plan)
    options = context.options
    if figures.key(options, state.value_floor) >= state.figures.key(options, state.value_floor):
        improved = figures != state.figures
        state.plan, state.figures = plan, figures
        if improved:
            context.publish(level, state)
        return improved
    return False


# -- neighbourhoods of attendees or slots ------------------------------------------------


# Of the value phase's neighbourhoods, the share that re-decides every meeting in a few
# slots: which meetings take a slot's free tables is where coverage is won on events with
# scarce tables. On generated-500, twelve such neighbourhoods of three slots took a
# finished 60 s schedule from coverage 591 to 600 (its bound) and gave six more of those
# who asked a meeting; clusters of attendees had found nothing more there. The coverage
# extension uses slot neighbourhoods only.
_SLOT_NEIGHBOURHOOD_SHARE = 0.5
# Giving up takes this many fruitless neighbourhoods in a row as well as the seconds: one
# slot neighbourhood can take all of them.
_FRUITLESS_NEIGHBOURHOODS = 4


@dataclass
class _Adjacency:
    partners: dict[str, list[tuple[str, int]]]  # person -> (partner, candidate index)


def neighbourhood_search(context: SearchContext, state: SearchState, rng: random.Random,
                         value_share: float = 0.4, give_up_after: float | None = None,
                         coverage_only: bool = False) -> None:
    """Re-decide clusters of attendees, or in the value phase also a few whole slots
    (with `coverage_only`, slots only), until the deadline.

    The first `value_share` of the time improves must-meets, coverage and value;
    the rest improves compactness above the value floor. With `give_up_after`,
    the search also ends when it found nothing in that many seconds and in
    `_FRUITLESS_NEIGHBOURHOODS` neighbourhoods in a row (in the value phase,
    nothing means no level above compactness grew; with `coverage_only`, no
    level above value).
    """
    candidates = context.candidates
    adjacency = _Adjacency(defaultdict(list))
    for index, cand in enumerate(candidates):
        if cand.locked is None:
            adjacency.partners[cand.a].append((cand.b, index))
            adjacency.partners[cand.b].append((cand.a, index))
    options_per_slot = Counter(s for cand in candidates if cand.locked is None
                               for s in cand.slots)
    start = time.monotonic()
    value_phase_ends = start + value_share * (context.deadline - start)
    target = 6000
    last_found = start
    fruitless = 0  # neighbourhoods in a row that found nothing
    while context.remaining() > 0.2 and not context.cancel.cancelled:
        if (give_up_after is not None and fruitless >= _FRUITLESS_NEIGHBOURHOODS
                and time.monotonic() - last_found > give_up_after):
            return
        compact_phase = time.monotonic() >= value_phase_ends
        if compact_phase and state.value_floor is None:
            state.value_floor = value_floor(context, state.figures)
        scope: frozenset[str] | None = None
        slots: frozenset[int] | None = None
        if not compact_phase and (coverage_only or rng.random() < _SLOT_NEIGHBOURHOOD_SHARE):
            slots = _pick_slots(options_per_slot, len(context.problem.slots), rng, target)
        else:
            scope = _pick_neighbourhood(context, state, adjacency, rng, target, compact_phase)
        seconds = min(context.remaining(), 4.0, give_up_after or 4.0)
        before = state.figures
        solved_optimally = _improve_neighbourhood(context, state, scope, seconds, compact_phase,
                                                  slots)
        if _found(before, state.figures, compact_phase, coverage_only):
            last_found = time.monotonic()
            fruitless = 0
        else:
            fruitless += 1
        target = int(target * 1.15) if solved_optimally else max(1500, int(target * 0.8))
        target = min(target, 40_000)


_LARGEST_WEIGHTED_SUM = 1 << 62  # CP-SAT's objective is 64-bit


def lexicographic_weights(uppers: list[int]) -> list[int]:
    """Weights that rank levels (most important first, each between 0 and its upper
    bound) lexicographically in one sum. Where that sum could overflow, the least
    important levels get weight 0 instead: a tie-break lost, never a wrong order."""
    weights = [0] * len(uppers)
    weight = 1
    for level in range(len(uppers) - 1, -1, -1):
        weights[level] = weight
        weight *= uppers[level] + 1
    while weight > _LARGEST_WEIGHTED_SUM:
        lowest = max(i for i, w in enumerate(weights) if w)
        weights[lowest] = 0
        weight //= uppers[lowest] + 1
        weights = [w // (uppers[lowest] + 1) if w else 0 for w in weights]
    return weights


def _found(before: Figures, after: Figures, compact_phase: bool,
           coverage_only: bool = False) -> bool:
    """Whether a neighbourhood found what its phase is for. In the value phase, fewer idle
    slots alone is nothing: the phase would otherwise run on trimming them one by one."""
    if compact_phase:
        return after != before

    def levels(f: Figures) -> tuple[int, ...]:
        covered = (f.must_met, f.coverage, f.with_a_meeting)
        return covered if coverage_only else (*covered, f.value)

    return levels(after) != levels(before)


def _pick_neighbourhood(context: SearchContext, state: SearchState, adjacency: _Adjacency,
                        rng: random.Random, target: int, compact_phase: bool) -> frozenset[str]:
    candidates = context.candidates
    met = {c for c, _ in state.plan}
    seeds: list[str] = []
    if not compact_phase:
        seeds += [p for c, cand in enumerate(candidates) if cand.must and c not in met
                  for p in (cand.a, cand.b)]
        busy_count: dict[str, int] = defaultdict(int)
        for c, _ in state.plan:
            busy_count[candidates[c].a] += 1
            busy_count[candidates[c].b] += 1
        seeds += [p for p in requesters_and_requested(context.problem)
                  if busy_count[p] < context.options.min_meetings and adjacency.partners.get(p)]
    else:
        slots: dict[str, list[int]] = defaultdict(list)
        for c, s in state.plan:
            slots[candidates[c].a].append(s)
            slots[candidates[c].b].append(s)
        idle = {p: idle_slots_and_breaks(ss)[0] for p, ss in slots.items()}
        seeds += [p for p, n in idle.items() if n > 0 and rng.random() < 0.5]
    everyone = list(adjacency.partners)
    seed = rng.choice(seeds) if seeds and rng.random() < 0.7 else rng.choice(everyone)
    scope = {seed}
    frontier = [seed]
    size = 0
    while frontier and size < target:
        person = frontier.pop(rng.randrange(len(frontier)))
        partners = adjacency.partners.get(person, [])
        for partner, index in rng.sample(partners, len(partners)):
            if partner in scope:
                continue
            scope.add(partner)
            frontier.append(partner)
            size += len(candidates[index].slots) + sum(
                len(candidates[i].slots) for q, i in adjacency.partners[partner] if q in scope)
            if size >= target:
                break
        if not frontier and size < target:
            outside = [p for p in everyone if p not in scope]
            if not outside:
                break
            frontier.append(rng.choice(outside))
            scope.add(frontier[-1])
    return frozenset(scope)


def _pick_slots(options_per_slot: Counter[int], slot_count: int, rng: random.Random,
                target: int) -> frozenset[int]:
    """Random slots holding about `target` (pair, slot) choices; never every slot."""
    chosen: set[int] = set()
    size = 0
    for slot in rng.sample(range(slot_count), slot_count):
        if size >= target or len(chosen) >= max(1, slot_count - 1):
            break
        chosen.add(slot)
        size += options_per_slot[slot]
    return frozenset(chosen)


def reach_pairs_exactly(context: SearchContext, state: SearchState, target: set[int],
                        seconds: float) -> bool:
    """Time every `target` pair at once (`time_pairs_at_once`), and keep that schedule if
    better than the plan; True when such a timing was found."""
    plan = time_pairs_at_once(context, target, state.plan, seconds)
    if plan is None:
        return False
    accept_if_better(context, state, plan, VALUE)
    return True


def time_pairs_at_once(context: SearchContext, target: set[int], hint: Plan,
                       seconds: float) -> Plan | None:
    """A schedule of exactly the `target` pairs (and the locked meetings), timed over every
    slot at once; None when none was found in `seconds`.

    Only the meeting rules: no gap variables and no levels, which keeps the
    model small; compaction comes later. The `hint` plan's meetings of
    target pairs are where the search starts.
    """
    candidates = context.candidates
    fixed = locked_plan(candidates)
    among = {c for c in target if candidates[c].locked is None}
    model, variables = build_meetings_model(context.problem, candidates, context.capacities,
                                            fixed, among)
    for c in among:
        model.add_exactly_one(variables.by_candidate[c])
    for c, slot in hint:
        if (c, slot) in variables.x:
            model.add_hint(variables.x[(c, slot)], True)
    solver = context.new_solver(seconds)
    # Presolve took 4 of the 4.5 s generated-1500's timing needed; without it, 0.9 s. A
    # feasibility model gains nothing from the LP: on arctic-3000 it cost 400 MB.
    solver.parameters.cp_model_presolve = False
    solver.parameters.linearization_level = 0
    if solve_unless_cancelled(solver, model, context.cancel) not in (cp_model.OPTIMAL,
                                                                       cp_model.FEASIBLE):
        return None
    return fixed + variables.extract(solver)


def _improve_neighbourhood(context: SearchContext, state: SearchState,
                           scope: frozenset[str] | None, seconds: float, compact_phase: bool,
                           slots: frozenset[int] | None = None) -> bool:
    """Re-decide the meetings between people of `scope` in `slots` (None: everyone, every
    slot); True when CP-SAT proved the neighbourhood's best."""
    candidates = context.candidates
    inside = [(c, s) for c, s in state.plan
              if candidates[c].locked is None
              and (scope is None or (candidates[c].a in scope and candidates[c].b in scope))
              and (slots is None or s in slots)]
    inside_set = set(inside)
    fixed = [m for m in state.plan if m not in inside_set]
    model = build_model(context.problem, candidates, context.options, context.capacities,
                        fixed, scope, slots)
    levels = model.levels
    current = state.figures
    model.cp.add(levels.must >= current.must_met)
    model.cp.add(levels.coverage >= current.coverage)
    model.cp.add(levels.with_a_meeting >= current.with_a_meeting)
    if compact_phase:
        assert state.value_floor is not None
        model.cp.add(levels.value >= state.value_floor)
        model.cp.minimize(levels.compactness * (levels.value_upper + 1) - levels.value)
    else:
        # Lexicographic by weights: must-meets, coverage, attendees with a meeting, value,
        # then fewer idle slots. Each level changes by at most its upper bound in the scope.
        people = max(1, len(model.variables.by_attendee))
        must_weight, cover_weight, met_weight, value_weight, compact_weight = \
            lexicographic_weights([
                people * len(context.problem.slots) // 2, context.options.min_meetings * people,
                people, levels.value_upper, levels.compactness_upper])
        model.cp.maximize(levels.must * must_weight + levels.coverage * cover_weight
                          + levels.with_a_meeting * met_weight
                          + levels.value * value_weight - levels.compactness * compact_weight)
    model.hint(inside)
    solver = context.new_solver(seconds)
    status = context.run(solver, model)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        plan = fixed + model.variables.extract(solver)
        accept_if_better(context, state, plan, COMPACTNESS if compact_phase else VALUE)
    return status == cp_model.OPTIMAL
