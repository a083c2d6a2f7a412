"""The engine's entry point: data → candidates → starting plan → search → result.

The fair, compact greedy gives a valid schedule at once (the first progress
report); CP-SAT then improves it level by level on the whole model when it
is small. When it is large, the value LP's best pairs are reached by timing
them all at once (CP-SAT with no gap variables) or by re-timing
(`chain_insertion`), then local search makes it compact. A non-optimal end
(time limit, cancel) is a normal result with the best valid schedule found.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace

from solver.bound import LevelBounds
from solver.cancel import CancelToken, passed_on
from solver.candidates import candidate_pairs
from solver.capacity import slot_capacities
from solver.chain_insertion import apply_selection
from solver.compaction import (
    ClimbAhead,
    add_meetings_without_gaps,
    anneal_slot_pairs,
    climb_ahead,
    compact_by_exchanges,
    compact_by_moves,
    drop_outlying_meetings,
    exchange_slot_pairs,
    retime_by_sweep,
    retime_exactly,
    warm_up_sat_climber,
)
from solver.explain import attendee_figures, unmet_requests
from solver.figures import Figures, figures_of, requesters_and_requested
from solver.greedy import fair_compact
from solver.musts import meet_most_musts, rebuild_around_most_musts
from solver.options import SolveOptions
from solver.plan import Plan, assign_tables
from solver.problem import Problem, ProblemError
from solver.result import LevelResult, Progress, SolveResult, StopReason
from solver.search import (
    COMPACTNESS,
    COVERAGE,
    MUST,
    VALUE,
    SearchContext,
    SearchState,
    accept_if_better,
    levels_at_lp_bounds,
    neighbourhood_search,
    reach_pairs_exactly,
    staged_search,
    time_pairs_at_once,
    value_floor,
    variable_count,
)
from solver.swaps import cover_by_swaps, improve_value_by_swaps

log = logging.getLogger(__name__)

ProgressCallback = Callable[[Progress], None]
_MOVES_SECONDS = 1.0  # single-meeting moves at the start; all compaction steps at the end
# Large events, shares of the time limit: reach the value LP's pairs by re-timing, then
# neighbourhoods for value, until _VALUE_SHARE; re-time the schedule (same value), then
# compaction above the value floor.
_SWAP_SECONDS = 2.0  # one-for-one value swaps on the starting schedule
_RETIME_SHARE, _VALUE_SHARE = 0.1, 0.25
_MUSTS_SHARE = 0.05  # at most, for the must-meets alone when the plan lacks some (`musts`)
# Rounds of reaching the value LP's pairs end after two in a row that gained less than
# 1/_WORTHWHILE_GAIN of the value (compactness may give up 100 times as much).
_FRUITLESS_ROUNDS, _WORTHWHILE_GAIN = 2, 10_000
# The first round times every pair the LP chose at once (CP-SAT, `reach_pairs_exactly`), with
# at most this share of the value phase, when there are at most so many (pair, slot)
# choices. Measured: generated-500 (5,600 choices) reached the coverage and value bounds in
# 0.1 to 0.6 s, where chain insertion missed 28 of 458 pairs and 60 s of neighbourhoods ended
# 1 to 5 coverage short; arctic-3000 (244,000) took 8 to 15 s; generated-3000 (353,000) found
# nothing in 18 s, so larger models are not tried.
_EXACT_SELECTION_SHARE, _EXACT_SELECTION_CHOICES = 0.5, 300_000
_FRUITLESS_VALUE_SECONDS = 3.0  # then neighbourhoods for value, until they find nothing so long
# Coverage still rising when the value phase ends and below its bound: neighbourhoods go on,
# until _COVERAGE_SHARE, while they raise coverage or who has a meeting (levels compactness
# never trades) now and then. On generated-500 coverage still rose at half time (587 of
# 600 at 30 s); compaction there needs a few seconds for idle slots far under the target.
_COVERAGE_SHARE, _FRUITLESS_COVERAGE_SECONDS = 0.75, 6.0
# After the value search, cycles of: leaving out outlying meetings above the value floor,
# annealed re-timing, then local search (filling holes with unmet pairs above the floor
# opens new ways to re-time); each cycle anneals cooler.
_COMPACTION_CYCLES, _ANNEAL_SHARE = 3, 0.75
# Ending this long before the time limit means local search found nothing more to do.
_EARLY_END_SECONDS = 0.5
# Small events: time for meeting the most must-meets (`musts`), and for re-timing by windows.
_MUST_SHARE, _RETIME_EXACT_SHARE = 0.3, 0.7
_SMALL_ANNEAL_SHARE = 0.15  # annealing first finds timings the exact models then improve
# At most, for timing the value LP's pairs at once (arctic-60: 0.06 s).
_SMALL_EXACT_SHARE = 0.1


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
    plan = fair_compact(problem, candidates, options.min_meetings)
    plan = compact_by_moves(problem, candidates, plan, time.monotonic() + _MOVES_SECONDS)
    state = SearchState(plan, figures_of(problem, candidates, plan, options.min_meetings))
    first_schedule_seconds = time.monotonic() - started
    lp = LevelBounds(problem, candidates, options.min_meetings)
    bounds = {MUST: lp.must(), VALUE: lp.value()}

    def publish(level: str, current: SearchState) -> None:
        if on_progress is not None:
            f = current.figures
            on_progress(Progress(time.monotonic() - started, level, f.value,
                                 min(bounds[VALUE], current.bounds.get(VALUE, bounds[VALUE])),
                                 f.must_met, f.coverage, f.compactness(options)))

    publish("starting schedule", state)
    context = SearchContext(problem, candidates, options, slot_capacities(problem), lp,
                            started + options.time_limit_seconds, cancel, publish)
    swapped = improve_value_by_swaps(problem, candidates, state.plan, options.min_meetings,
                                     min(context.deadline, time.monotonic() + _SWAP_SECONDS))
    accept_if_better(context, state, swapped, VALUE)
    accept_if_better(context, state,
                     cover_by_swaps(problem, candidates, state.plan, options.min_meetings),
                     COVERAGE)
    proven_all = False
    rng = random.Random(options.random_seed)
    if variable_count(candidates) <= options.full_model_limit:
        warm_up_sat_climber(len(candidates))
        best_pairs_timed = _best_pairs_timed(context, state,
                                             _SMALL_EXACT_SHARE * context.remaining())
        meet_most_musts(context, state, _MUST_SHARE * context.remaining())
        handover = _ClimbHandover(_climb_ahead(context, state))
        try:
            timed_meetings: set[int] = set()
            if state.figures.compactness(options) and _timing_first(context, state):
                with handover.until_found(context.cancel) as stop:
                    _anneal(context, state, rng, _SMALL_ANNEAL_SHARE * context.remaining(),
                            temperature=1.0, cancel=stop)
                timed_meetings = {c for c, _ in state.plan}
            timing_proven = False
            if state.figures.spread_excess(options):  # the same meetings, fairly timed
                timing_proven = _retime_exactly(context, state, handover.take())

            def retime_chosen_meetings() -> bool:
                chosen_again = {c for c, _ in state.plan} != timed_meetings
                if timing_proven and not chosen_again:
                    return True  # proven above; asking again would prove it all over
                if chosen_again and state.figures.compactness(options):
                    # The levels above chose other meetings, timed with no regard to gaps.
                    handover.replace(_start_climbing(context, state))
                    with handover.until_found(context.cancel) as stop:
                        _anneal(context, state, rng, _SMALL_ANNEAL_SHARE * context.remaining(),
                                temperature=1.0, cancel=stop)
                return _retime_exactly(context, state, handover.take())

            proven_all = staged_search(context, state,
                                       before_compactness=retime_chosen_meetings,
                                       found_elsewhere=best_pairs_timed)
        finally:
            handover.close()
        if not proven_all:
            neighbourhood_search(context, state, rng, value_share=0.0)
    else:
        value_phase = started + _VALUE_SHARE * options.time_limit_seconds
        rebuild_around_most_musts(context, state, _MUSTS_SHARE * options.time_limit_seconds)
        _reach_best_pairs(context, state, value_phase)
        covered_before = _covered(state.figures)
        if not levels_at_lp_bounds(context, state):
            neighbourhood_search(replace(context, deadline=value_phase), state, rng,
                                 value_share=1.0, give_up_after=_FRUITLESS_VALUE_SECONDS)
        if (_covered(state.figures) > covered_before
                and state.figures.coverage < lp.coverage(state.figures.must_met)):
            neighbourhood_search(
                replace(context, deadline=started + _COVERAGE_SHARE * options.time_limit_seconds),
                state, rng, value_share=1.0, give_up_after=_FRUITLESS_COVERAGE_SECONDS,
                coverage_only=True)
        _anneal(context, state, rng, _RETIME_SHARE * options.time_limit_seconds, temperature=1.0)
        state.value_floor = value_floor(context, state.figures)
        for cycle in range(_COMPACTION_CYCLES):
            share = (context.remaining() - _MOVES_SECONDS) / (_COMPACTION_CYCLES - cycle)
            _drop_outliers(context, state)
            _anneal(context, state, rng, _ANNEAL_SHARE * share, temperature=1.0 / (1 + cycle))
            _compact(context, state, (1 - _ANNEAL_SHARE) * share)
    if not cancel.cancelled and not proven_all:
        _compact(context, state, _MOVES_SECONDS)
    _final_bounds(lp, state, bounds)
    if cancel.cancelled:
        reason = StopReason.CANCELLED
    elif proven_all:
        reason = StopReason.OPTIMAL
    elif state.figures.compactness(options) == 0 and time.monotonic() < context.deadline:
        reason = StopReason.NO_GAPS_LEFT
    elif context.remaining() > _EARLY_END_SECONDS:
        reason = StopReason.NOTHING_MORE_FOUND
    else:
        reason = StopReason.TIME_LIMIT
    log.info("solve ended (%s) after %.1fs: %s", reason.value, time.monotonic() - started,
             state.figures)
    return SolveResult(
        meetings=tuple(assign_tables(problem, candidates, state.plan)),
        value=state.figures.value,
        bound=max(bounds[VALUE], state.figures.value),
        stop_reason=reason,
        wall_seconds=time.monotonic() - started,
        unmet=unmet_requests(problem, candidates, state.plan),
        levels=_level_results(state, bounds, options),
        attendees=attendee_figures(problem, candidates, state.plan),
        first_schedule_seconds=first_schedule_seconds,
        break_spread_impossible=_spread_proven_impossible(state, options),
    )


def _covered(f: Figures) -> tuple[int, int]:
    return f.coverage, f.with_a_meeting


def _compact(context: SearchContext, state: SearchState, seconds: float) -> None:
    """Local search on idle slots (see `solver.compaction`), each result kept only if better.

    Value stays at or above the state's value floor (none yet: value stays).
    """
    deadline = min(context.deadline, time.monotonic() + seconds)
    problem, candidates, k = context.problem, context.candidates, context.options.min_meetings
    floor = state.value_floor if state.value_floor is not None else state.figures.value
    accept_if_better(context, state, retime_by_sweep(problem, candidates, state.plan, k),
                     COMPACTNESS)
    while time.monotonic() < deadline and not context.cancel.cancelled:
        before = state.figures
        accept_if_better(context, state,
                         compact_by_exchanges(problem, candidates, state.plan, deadline, k, floor,
                                              context.cancel),
                         COMPACTNESS)
        accept_if_better(context, state,
                         exchange_slot_pairs(candidates, state.plan, context.capacities,
                                             context.options.compactness, deadline,
                                             context.cancel),
                         COMPACTNESS)
        accept_if_better(context, state,
                         compact_by_moves(problem, candidates, state.plan, deadline), COMPACTNESS)
        accept_if_better(context, state,
                         add_meetings_without_gaps(problem, candidates, state.plan,
                                                   context.options.compactness), COMPACTNESS)
        if state.figures == before:
            break


def _drop_outliers(context: SearchContext, state: SearchState) -> None:
    """Spend the value above the floor on leaving out the meetings that cost the most
    idle slots; the re-timing after it closes the holes they leave."""
    assert state.value_floor is not None
    spare = state.figures.value - state.value_floor
    if spare > 0:
        accept_if_better(context, state, drop_outlying_meetings(
            context.candidates, state.plan, context.options.min_meetings, spare,
            requesters_and_requested(context.problem)), COMPACTNESS)


def _reach_best_pairs(context: SearchContext, state: SearchState, deadline: float) -> None:
    """Rounds of: the value LP's best pairs, then insert them by moving chains (the
    first round times them all at once first, where that model is small enough).

    A round ends what the LP chose that could not be timed as avoided, so the
    next round's optimum takes other pairs of the same value where it can.
    """
    avoided: set[int] = set()
    fruitless = 0
    best = _best_levels(context)  # bounds: no round reaches more, so solved once
    while (fruitless < _FRUITLESS_ROUNDS and time.monotonic() < deadline
           and not context.cancel.cancelled):
        f = state.figures
        held = {c for c, _ in state.plan}
        target = _best_pairs(context, state, best, avoided)
        if not target or target <= held:
            return
        choices = variable_count([context.candidates[c] for c in target])
        if not avoided and choices <= _EXACT_SELECTION_CHOICES:
            # All at once first; the chains then insert what it could not.
            reach_pairs_exactly(context, state, target,
                                _EXACT_SELECTION_SHARE * (deadline - time.monotonic()))
        plan, missed = apply_selection(context.problem, context.candidates, state.plan, target,
                                       context.capacities, context.options.min_meetings,
                                       deadline, context.cancel)
        avoided |= missed
        accept_if_better(context, state, plan, VALUE)
        grown = state.figures
        worth_another = ((grown.must_met, grown.coverage, grown.with_a_meeting)
                         > (f.must_met, f.coverage, f.with_a_meeting)
                         or (grown.value - f.value) * _WORTHWHILE_GAIN >= f.value)
        fruitless = 0 if worth_another else fruitless + 1


def _best_levels(context: SearchContext) -> tuple[int, int, int]:
    """The LP's most must-meets, then coverage, then requesters with a meeting."""
    must = context.lp.must()
    coverage = context.lp.coverage(must)
    return must, coverage, context.lp.with_a_meeting(must, coverage)


def _best_pairs(context: SearchContext, state: SearchState, best: tuple[int, int, int],
                avoided: set[int]) -> set[int]:
    """The value LP's pairs at the best levels above value (or the plan's, where higher),
    nearest to the plan's and away from `avoided`."""
    must, best_coverage, best_met = best
    f = state.figures
    coverage = max(f.coverage, best_coverage)
    met = max(f.with_a_meeting, best_met if coverage == best_coverage else 0)
    return context.lp.best_pairs(must, coverage, {c for c, _ in state.plan}, avoided, met)


def _best_pairs_timed(context: SearchContext, state: SearchState,
                      seconds: float) -> Plan | None:
    """The value LP's pairs timed at once (not taken: see `staged_search`); None when
    they are the plan's already or do not fit."""
    target = _best_pairs(context, state, _best_levels(context), set())
    if not target or target <= {c for c, _ in state.plan}:
        return None
    return time_pairs_at_once(context, target, state.plan, seconds)


def _anneal(context: SearchContext, state: SearchState, rng: random.Random, seconds: float,
            temperature: float, cancel: CancelToken | None = None) -> None:
    """Re-time the same meetings by annealed chain exchanges between pairs of slots.

    `cancel`, if given, stops it instead of the context's (and must follow it).
    """
    cancel = cancel or context.cancel
    if seconds <= 0 or cancel.cancelled:
        return
    deadline = min(context.deadline, time.monotonic() + seconds)
    accept_if_better(context, state,
                     anneal_slot_pairs(context.candidates, state.plan, context.capacities,
                                       context.options.compactness, deadline, rng, temperature,
                                       cancel),
                     COMPACTNESS)


def _climb_ahead(context: SearchContext, state: SearchState) -> ClimbAhead | None:
    """When only the timing is left to improve: the SAT climber starts on the plan's
    meetings now, to search while the annealing runs.

    Not when the meetings may still change: the levels above would run CP-SAT
    beside it on the same cores, and then likely choose other meetings.
    """
    if not state.figures.compactness(context.options) or not _meetings_cannot_change(
            context, state):
        return None
    return _start_climbing(context, state)


def _start_climbing(context: SearchContext, state: SearchState) -> ClimbAhead | None:
    """The SAT climber on the plan's meetings, started now (None where it would not run)."""
    return climb_ahead(context.problem, context.candidates, [c for c, _ in state.plan],
                       context.options, context.capacities, context.deadline)


class _ClimbHandover:
    """A climber started ahead, until the first exact re-timing takes it over."""

    def __init__(self, ahead: ClimbAhead | None) -> None:
        self._ahead = ahead

    def take(self) -> ClimbAhead | None:
        ahead, self._ahead = self._ahead, None
        return ahead

    def replace(self, ahead: ClimbAhead | None) -> None:
        """Hold `ahead` instead (started on other meetings); the one held is stopped."""
        self.close()
        self._ahead = ahead

    @contextmanager
    def until_found(self, cancel: CancelToken) -> Iterator[CancelToken]:
        """A token cancelled with `cancel`, or when the climber finds its timing (the
        optimum, as it climbs from the lowest budget): no use annealing on after that.
        With no climber ahead, `cancel` itself."""
        if self._ahead is None:
            yield cancel
            return
        stop = CancelToken()
        with passed_on(cancel, stop), self._ahead.ladder.watching(stop, None):
            yield stop

    def close(self) -> None:
        """Stop the climber if nobody took it (cancelled, or no re-timing was needed)."""
        ahead = self.take()
        if ahead is not None:
            ahead.stop()


def _retime_exactly(context: SearchContext, state: SearchState,
                    ahead: ClimbAhead | None = None) -> bool:
    """Re-time the plan's meetings by windows; True when that proves compactness optimal.

    It is a proof only when the meetings themselves cannot change: every
    candidate pair meets and no value may be given up for compactness. Then
    it has all the time left, as nothing else can improve the schedule.
    `ahead`: a climber started on the plan's meetings, to take over.
    """
    share = 1.0 if _meetings_cannot_change(context, state) else _RETIME_EXACT_SHARE
    seconds = share * context.remaining()
    retimed = retime_exactly(context.problem, context.candidates, [c for c, _ in state.plan],
                             context.options, context.capacities,
                             min(context.deadline, time.monotonic() + seconds), context.cancel,
                             hint=state.plan, ahead=ahead)
    if retimed is None:
        return False
    accept_if_better(context, state, retimed.plan, COMPACTNESS)
    meetings_cannot_change = _meetings_cannot_change(context, state)
    if retimed.spread_impossible and meetings_cannot_change:
        state.spread_impossible = True
    if meetings_cannot_change and not state.figures.spread_excess(context.options):
        state.fewest_gaps = max(state.fewest_gaps, retimed.fewest_possible)
    return (retimed.proven_optimal and meetings_cannot_change
            and state.figures.compactness(context.options) == retimed.gaps)


def _timing_first(context: SearchContext, state: SearchState) -> bool:
    """Anneal the timing before the levels above are searched: when they cannot change
    the meetings, or when the spread rule needs a fair timing first. Otherwise the
    annealing waits for the meetings those levels choose (on arctic-60 the first
    timing's 9 s of annealing went to meetings the value level then replaced)."""
    return (_meetings_cannot_change(context, state)
            or state.figures.spread_excess(context.options) > 0)


def _meetings_cannot_change(context: SearchContext, state: SearchState) -> bool:
    """Every pair meets and no value may be given up: only the timing is left to improve."""
    every_pair_meets = len(state.plan) == len(context.candidates)
    return every_pair_meets and context.options.value_tolerance == 0


def _final_bounds(lp: LevelBounds, state: SearchState, bounds: dict[str, int]) -> None:
    """Tighten each level's bound given the levels above as reached (LP and CP-SAT)."""
    f = state.figures
    bounds[COVERAGE] = lp.coverage(f.must_met)
    bounds[VALUE] = lp.value(f.must_met, f.coverage, f.with_a_meeting)
    for name, bound in state.bounds.items():
        bounds[name] = min(bounds[name], bound)


def _level_results(state: SearchState, bounds: dict[str, int],
                   options: SolveOptions) -> tuple[LevelResult, ...]:
    f: Figures = state.figures
    solver_bound = "CP-SAT bound, given the levels above as reached"
    lp_bound = "LP relaxation, given the levels above as reached"

    def source(name: str) -> str:
        return solver_bound if state.bounds.get(name, 1 << 62) <= bounds[name] else lp_bound

    compact_reached = f.compactness(options)
    return (
        LevelResult(MUST, f.must_met, max(f.must_met, bounds[MUST]),
                    source(MUST).replace(", given the levels above as reached", "")),
        LevelResult(COVERAGE, f.coverage, max(f.coverage, bounds[COVERAGE]),
                    source(COVERAGE)),
        LevelResult(VALUE, f.value, max(f.value, bounds[VALUE]), source(VALUE)),
        LevelResult(COMPACTNESS, compact_reached,
                    *_compactness_bound(state, compact_reached,
                                        _spread_proven_impossible(state, options)),
                    minimize=True),
    )


def _spread_proven_impossible(state: SearchState, options: SolveOptions) -> bool:
    """The schedule is over the spread limit of breaks, and no timing of every requested
    meeting keeps it."""
    return state.spread_impossible and state.figures.spread_excess(options) > 0


def _compactness_bound(state: SearchState, reached: int,
                       spread_impossible: bool) -> tuple[int, str]:
    if spread_impossible:
        return 0, ("none; proven: no timing of every requested meeting keeps the spread of "
                   "breaks within its limit")
    if COMPACTNESS in state.proven:
        return reached, "proven optimal (CP-SAT, or with breaks the SAT solver)"
    if state.fewest_gaps:
        return (min(reached, state.fewest_gaps),
                "each attendee's fewest on their own, plus what the solvers proved impossible")
    return 0, "none (0 is the trivial bound)"
