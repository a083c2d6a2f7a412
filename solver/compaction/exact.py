"""Re-time a given set of meetings with the fewest idle slots (or breaks), proven where it can.

Which meetings take place is decided; only their slots change. Each
attendee gets a *window*: a first slot and a number of idle slots g, so the
window is the attendee's meetings plus g gaps. Choosing one window per
attendee propagates far better than counting gaps slot by slot (a
one-window-per-attendee model finds the research benchmark's gap-free
schedules in about a second where the slot-by-slot model is still at 20
breaks after ten).

The search asks a series of yes/no questions: "can every attendee stay
within their own fewest gaps, plus `extra` more in total?". An attendee's
fewest gaps come from a tiny model of that attendee alone. A "no" is
usually proven at once, so climbing `extra` from 0 proves the optimum; when
a question takes too long, the search asks instead for one gap fewer than
the best schedule in hand.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ortools.sat.python import cp_model

from solver.cancel import CancelToken, passed_on, solve_unless_cancelled
from solver.candidates import Candidate
from solver.capacity import SlotCapacity
from solver.compaction.ladder import Ladder, Timing
from solver.compaction.sat_process import SatClimber, warm_up
from solver.compaction.segments import SegmentAnswer, time_within_budget
from solver.compaction.windows import (
    add_meetings_to_time,
    add_window,
    limit_break_spread,
    literals_of,
)
from solver.figures import figures_of
from solver.model import Fixed
from solver.options import Compactness, SolveOptions
from solver.plan import Plan
from solver.problem import Problem

LinearExpr = cp_model.LinearExpr
_MAX_WINDOW_TERMS = 400_000  # above this the model is too big to pay off; callers fall back
_WINDOW_HEAD_START = 2.5  # seconds
# Fewer meetings than this, CP-SAT answers at once, before the climber's process is up
# and its clauses built (the research benchmark's instances have 125 to 302 meetings).
_SAT_CLIMBER_MIN_MEETINGS = 60
# One for the CP-SAT questions asked beside the climbers, one each, one to spare.
_CORES_FOR_TWO_CLIMBERS = 4
_SPREAD_QUESTION_SHARE = 0.2  # of the time left, at most, for "can the spread rule hold?"


@dataclass(frozen=True)
class Retimed:
    """The same meetings in new slots; `gaps` is the total idle slots or breaks.

    `fewest_possible`: proven, no timing of these meetings has fewer gaps
    (each attendee's fewest on their own, plus every "no" answered).
    """

    plan: Plan
    gaps: int
    proven_optimal: bool
    fewest_possible: int = 0
    # Proven: no timing of these meetings keeps the spread of breaks within its limit
    # (`plan` is then the hint, which breaks it).
    spread_impossible: bool = False


@dataclass(frozen=True)
class _Question:
    """Everything that stays the same from one yes/no question to the next."""

    problem: Problem
    candidates: list[Candidate]
    meetings: tuple[int, ...]
    options: SolveOptions
    capacities: list[SlotCapacity]
    fewest: dict[str, int]  # each attendee's fewest gaps on their own


@dataclass(frozen=True)
class ClimbAhead:
    """The SAT climber, started on a set of meetings before their exact re-timing.

    It searches while the caller still improves the timing by other means
    (the annealing takes 15 % of a research instance's time); the
    `retime_exactly` of the same meetings then takes it over.
    """

    question: _Question
    ladder: Ladder
    climbers: tuple[SatClimber, ...]

    def stop(self) -> None:
        for climber in self.climbers:
            climber.stop()


def climb_ahead(problem: Problem, candidates: list[Candidate], meetings: Sequence[int],
                options: SolveOptions, capacities: list[SlotCapacity],
                deadline: float) -> ClimbAhead | None:
    """Start the SAT climber on `meetings` now; None where it would not run (few
    meetings, a model too big). The caller stops it unless handed over."""
    prepared = _prepare(problem, candidates, meetings, options, capacities)
    if prepared is None:
        return None
    question, ladder = prepared
    climbers = _start_climbers(question, ladder, deadline)
    return ClimbAhead(question, ladder, tuple(climbers)) if climbers else None


def retime_exactly(problem: Problem, candidates: list[Candidate], meetings: Sequence[int],
                   options: SolveOptions, capacities: list[SlotCapacity], deadline: float,
                   cancel: CancelToken, hint: Plan | None = None,
                   any_timing_first: bool = False,
                   ahead: ClimbAhead | None = None) -> Retimed | None:
    """The fewest-gap timing of `meetings` (candidate indices) found before the deadline.

    With `any_timing_first` (and no hint) the first timing found is returned
    at once: for when the meetings have no timing yet and gaps come later.

    `hint` is a valid plan of exactly these meetings, if one is known; it is
    returned (proven optimal or not) when nothing better is found. Returns
    None when no timing was found (or the model would be too big).

    `ahead`, a climber started on the same meetings, is taken over (and
    stopped at the end); on other meetings it is stopped at once.
    """
    if ahead is not None and set(ahead.question.meetings) != set(meetings):
        ahead.stop()
        ahead = None
    if ahead is not None:
        question, ladder = ahead.question, ahead.ladder
    else:
        prepared = _prepare(problem, candidates, meetings, options, capacities)
        if prepared is None:
            return None
        question, ladder = prepared
    hinted = figures_of(problem, candidates, hint, options.min_meetings) if hint else None
    if hint and hinted and not hinted.spread_excess(options):
        ladder.offer(Timing(hint, hinted.compactness(options)))
    climbers = list(ahead.climbers) if ahead is not None else []
    if not climbers and not any_timing_first:
        climbers = _start_climbers(question, ladder, deadline)
    try:
        if hint and hinted and hinted.spread_excess(options) and not any_timing_first:
            # First, is there a timing that keeps the spread rule at all? On the research
            # benchmark's forum-14.fixed040-Forb "no" is proven in 0.2 s, where climbing
            # the ladder would ask for ever fewer breaks, each a "no". The SAT climber,
            # already started, may answer it first (forum-14.forb0003: a timing without
            # breaks, 10 s of SAT search).
            status, plan = _ask_watched(
                question, ladder, None, _SPREAD_QUESTION_SHARE * (deadline - time.monotonic()),
                cancel, None, 1 if climbers else options.worker_count())
            if status == cp_model.INFEASIBLE:
                return Retimed(hint, hinted.compactness(options), False, spread_impossible=True)
            if plan is not None:
                ladder.offer(Timing(plan, _gaps(plan, problem, candidates, options)))
        _climb_by_cp_sat(question, ladder, deadline, cancel, any_timing_first,
                         solo=not climbers)
    finally:
        for climber in climbers:
            climber.stop()
    if ladder.best is None:
        return None
    floor, best = ladder.floor, ladder.best
    return Retimed(best.plan, best.gaps, ladder.proven(),
                   best.gaps if ladder.proven() else floor + ladder.lowest)


def _prepare(problem: Problem, candidates: list[Candidate], meetings: Sequence[int],
             options: SolveOptions, capacities: list[SlotCapacity]
             ) -> tuple[_Question, Ladder] | None:
    """The question and an empty ladder; None if the model is too big or someone cannot fit."""
    if _window_terms(problem, candidates, meetings) > _MAX_WINDOW_TERMS:
        return None
    fewest = _fewest_gaps_each(problem, candidates, meetings, options.compactness)
    if fewest is None:
        return None
    question = _Question(problem, candidates, tuple(meetings), options, capacities, fewest)
    return question, Ladder(sum(fewest.values()))


def _climb_by_cp_sat(question: _Question, ladder: Ladder, deadline: float, cancel: CancelToken,
                     any_timing_first: bool, solo: bool) -> None:
    """Ask CP-SAT yes/no questions until the best timing is proven or time runs out.

    It first climbs from the lowest extra not ruled out (each "no" a proof);
    after a "yes" or a question out of time it halves the distance between
    what timed out and the best in hand. Not `solo`: the SAT climber asks
    the lowest budgets beside it, on one of the cores.
    """
    problem, candidates, options = question.problem, question.candidates, question.options
    most_extra = len(problem.attendees) * len(problem.slots)
    timed_out: int | None = None  # the highest `extra` whose question ran out of time
    climbing = ladder.best is not None or not any_timing_first
    first = True
    while not cancel.cancelled and not ladder.proven():
        best, lowest = ladder.best, ladder.lowest
        ceiling = best.gaps - ladder.floor if best else None  # a timing with this extra exists
        if any_timing_first and best is not None and not climbing:
            return
        left = deadline - time.monotonic()
        if left < 0.05 or lowest > most_extra:
            return
        target: int | None
        if climbing:
            target = lowest
        elif ceiling is None:
            target = None  # any timing at all
        else:  # halve the distance between what timed out and what is in hand
            low = max(lowest, (timed_out if timed_out is not None else -1) + 1)
            if low > ceiling - 1:
                if solo:
                    return
                time.sleep(min(0.05, left))  # nothing to ask; the SAT climber may still prove
                continue
            target = (low + ceiling - 1) // 2
        seconds = max(min(left, 1.0), 0.7 * left)
        hint = best.plan if best else None
        if solo:
            status, plan = _ask_both(question, target, seconds, cancel, hint)
        else:  # the first question on every core, as the SAT climber takes a while to start
            status, plan = _ask_watched(question, ladder, target, seconds, cancel, hint,
                                        options.worker_count() if first else 1)
        first = False
        if plan is not None:
            ladder.offer(Timing(plan, _gaps(plan, problem, candidates, options)))
            climbing = False
        elif status == cp_model.INFEASIBLE and target is not None:
            ladder.rule_out_below(target + 1)
        elif target is None:
            return  # no timing at all (proven, or not found in time)
        elif not ladder.pointless(target):
            timed_out = target if timed_out is None else max(timed_out, target)
            climbing = False


def warm_up_sat_climber(candidate_count: int) -> None:
    """Get the SAT climber's process ready in the background, unless an event with
    `candidate_count` pairs has too few meetings for a climber ever to start."""
    if (candidate_count >= _SAT_CLIMBER_MIN_MEETINGS
            and not multiprocessing.current_process().daemon):
        warm_up()


def _start_climbers(question: _Question, ladder: Ladder,
                    deadline: float) -> list[SatClimber]:
    """The SAT climber in its own process, on budgets of breaks or of idle slots (the
    question's measure); with breaks, where the cores allow, a second one with its
    clauses in another order. None on few meetings, or when the spread rule cannot hold.

    How long CaDiCaL takes depends mostly on the order of the clauses, and no
    order is best everywhere. Each alone on a core, on the research benchmark:
    forum-14.forb0003 and ticf-14crafa.forb0003 take about 2.3 s in the plan's
    order and 6 s in the candidates'; forum-13crafc.forb0007 and
    ticf-13crafc.forb0007 take 7.2 s and 4.3 s. Restarting with the other order
    every few seconds was slower still: it throws away what a "no" had learned.
    Beside a CP-SAT question on two cores, a second climber only slowed the first.
    With idle slots: on arctic-60's 205 meetings it proves "nobody needs an idle
    slot" in about 1 s where CP-SAT's question took 10 s; on the demo event's
    chosen meetings it proves the fewest (3) at 4 s into the solve, where
    CP-SAT's question "at most one?" ran out of its 24 s.
    """
    problem, candidates = question.problem, question.candidates
    breaks = question.options.compactness is Compactness.BREAKS
    people = {p for c in question.meetings for p in (candidates[c].a, candidates[c].b)}
    largest = ladder.best.gaps - 1 if ladder.best else ladder.floor + len(people)
    if breaks and len(people) == len(problem.attendees):
        # The climber's rule "at most max_spread breaks each" is the spread rule only
        # while someone has no break: surely so below one break per attendee.
        largest = min(largest, len(people) - 1)
    if len(question.meetings) < _SAT_CLIMBER_MIN_MEETINGS or largest < ladder.floor:
        return []
    if multiprocessing.current_process().daemon:
        return []  # a daemonic process may not start one of its own
    two_orders = breaks and _cores() >= _CORES_FOR_TWO_CLIMBERS
    orders = (False, True) if two_orders else (False,)
    return [SatClimber(problem, candidates, question.meetings, question.capacities,
                       question.options, largest, ladder, deadline,
                       in_candidates_order=in_candidates_order)
            for in_candidates_order in orders]


def _cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _gaps(plan: Plan, problem: Problem, candidates: list[Candidate],
          options: SolveOptions) -> int:
    return figures_of(problem, candidates, plan, options.min_meetings).compactness(options)


def _window_terms(problem: Problem, candidates: list[Candidate],
                  meetings: Sequence[int]) -> int:
    """About how many window variables the model needs (slots² per attendee)."""
    people = {p for c in meetings for p in (candidates[c].a, candidates[c].b)}
    return len(people) * len(problem.slots) ** 2 // 2


def _fewest_gaps_each(problem: Problem, candidates: list[Candidate], meetings: Sequence[int],
                      measure: Compactness) -> dict[str, int] | None:
    """Each attendee's fewest gaps if the others did not matter; None if one cannot fit."""
    by_person: dict[str, list[int]] = defaultdict(list)
    for c in meetings:
        by_person[candidates[c].a].append(c)
        by_person[candidates[c].b].append(c)
    fewest: dict[str, int] = {}
    for person, mine in by_person.items():
        if _fits_back_to_back(candidates, mine, len(problem.slots)):
            fewest[person] = 0
            continue
        model = cp_model.CpModel()
        literals: dict[int, list[cp_model.IntVar]] = defaultdict(list)
        for c in mine:
            slots = candidates[c].slots
            choice = [model.new_bool_var(f"m{c}_s{s}") for s in slots]
            model.add_exactly_one(choice)
            for s, var in zip(slots, choice, strict=True):
                literals[s].append(var)
        for same_slot in literals.values():
            model.add_at_most_one(same_slot)
        gaps = add_window(model, person, literals, set(), len(mine), len(problem.slots),
                           measure)
        model.minimize(gaps)
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = 1
        solver.parameters.max_time_in_seconds = 2.0
        status = solver.solve(model)
        if status == cp_model.INFEASIBLE:
            return None
        fewest[person] = int(solver.best_objective_bound) if status != cp_model.OPTIMAL \
            else int(solver.objective_value)
    return fewest


def _fits_back_to_back(candidates: list[Candidate], mine: list[int], slot_count: int) -> bool:
    """Can these meetings take consecutive slots (one attendee alone)? Bipartite matching."""
    count = len(mine)
    for first in range(slot_count - count + 1):
        window = range(first, first + count)
        allowed = [[s for s in candidates[c].slots if s in window] for c in mine]
        if all(allowed) and _perfect_matching(allowed):
            return True
    return count <= 1


def _perfect_matching(allowed: list[list[int]]) -> bool:
    """Kuhn's augmenting paths: can every meeting get its own slot?"""
    owner: dict[int, int] = {}

    def place(meeting: int, seen: set[int]) -> bool:
        for slot in allowed[meeting]:
            if slot in seen:
                continue
            seen.add(slot)
            if slot not in owner or place(owner[slot], seen):
                owner[slot] = meeting
                return True
        return False

    return all(place(m, set()) for m in range(len(allowed)))


def _ask_both(question: _Question, extra: int | None, seconds: float, cancel: CancelToken,
              hint: Plan | None) -> tuple[int, Plan | None]:
    """The window model and the segments model race on the same question; the first answer wins.

    Each finds timings the other misses: windows where tables are plenty
    (forum-14), segments where they are scarce (tic-14crafc). The window
    model also proves "no" at once when it can, so it runs alone (on every
    core) for a head start before the segments model joins.
    """
    if extra is None:
        return _ask(question, extra, seconds, cancel, hint)
    window_token, segments_token = CancelToken(), CancelToken()
    answers: list[SegmentAnswer] = []
    window_done = threading.Event()
    head_start = min(_WINDOW_HEAD_START, 0.4 * seconds)

    def run_segments() -> None:
        if window_done.wait(head_start):
            return
        answer = time_within_budget(question.problem, question.candidates, question.meetings,
                                    question.options, question.capacities,
                                    sum(question.fewest.values()) + extra,
                                    seconds - head_start, segments_token, workers=1)
        answers.append(answer)
        if answer.plan is not None or answer.proven_none:
            window_token.cancel()

    with passed_on(cancel, window_token, segments_token):
        racer = threading.Thread(target=run_segments, name="segments-question", daemon=True)
        racer.start()
        status, plan = _ask(question, extra, seconds, window_token, hint)
        window_done.set()
        if status != cp_model.UNKNOWN or plan is not None:
            segments_token.cancel()
        racer.join()
    if plan is not None or status == cp_model.INFEASIBLE or not answers:
        return status, plan
    if answers[0].plan is not None:
        return int(cp_model.FEASIBLE), answers[0].plan
    return int(cp_model.INFEASIBLE if answers[0].proven_none else cp_model.UNKNOWN), None


def _ask_watched(question: _Question, ladder: Ladder, extra: int | None, seconds: float,
                 cancel: CancelToken, hint: Plan | None, workers: int) -> tuple[int, Plan | None]:
    """A question asked beside the SAT climber, dropped as soon as the ladder makes it pointless.

    On all cores (`workers` 2 or more) it is the race of `_ask_both`; on one,
    the window model alone.
    """
    token = CancelToken()
    with passed_on(cancel, token), ladder.watching(token, extra):
        if workers > 1:
            return _ask_both(question, extra, seconds, token, hint)
        return _ask(question, extra, seconds, token, hint, workers=1)


def _ask(question: _Question, extra: int | None, seconds: float, cancel: CancelToken,
         hint: Plan | None, workers: int | None = None) -> tuple[int, Plan | None]:
    """Is there a timing with at most `extra` gaps beyond everyone's fewest (None: any)?"""
    problem, candidates, options = question.problem, question.candidates, question.options
    slot_count = len(problem.slots)
    model = cp_model.CpModel()
    locked = [(c, candidates[c].locked.slot) for c in question.meetings  # type: ignore[union-attr]
              if candidates[c].locked is not None]
    free = [c for c in question.meetings if candidates[c].locked is None]
    variables = add_meetings_to_time(model, candidates, free,
                                     Fixed.of(locked, candidates, slot_count),
                                     question.capacities)
    if variables is None:
        return int(cp_model.INFEASIBLE), None

    meeting_count: dict[str, int] = defaultdict(int)
    for c in question.meetings:
        meeting_count[candidates[c].a] += 1
        meeting_count[candidates[c].b] += 1
    locked_busy: dict[str, set[int]] = defaultdict(set)
    for c, slot in locked:
        locked_busy[candidates[c].a].add(slot)
        locked_busy[candidates[c].b].add(slot)
    per_person: list[LinearExpr] = []
    slack: list[cp_model.IntVar] = []
    for person, count in meeting_count.items():
        gaps = add_window(model, person, literals_of(variables, person, slot_count),
                          locked_busy[person], count, slot_count, options.compactness)
        per_person.append(gaps)
        if extra is not None:
            over = model.new_int_var(0, extra, f"over_{person}")
            model.add(gaps <= question.fewest[person] + over)
            slack.append(over)
    if extra is not None:
        model.add(LinearExpr.sum(slack) <= extra)
    if options.compactness is Compactness.BREAKS and options.max_break_spread is not None:
        limit_break_spread(model, per_person, options.max_break_spread, slot_count,
                      someone_without_gaps=len(meeting_count) < len(problem.attendees))
    if hint:
        chosen = set(hint)
        for key, var in variables.x.items():
            model.add_hint(var, key in chosen)
    solver = _question_solver(options, seconds, workers or options.worker_count())
    status = solve_unless_cancelled(solver, model, cancel)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return int(status), locked + variables.extract(solver)
    return int(status), None


def _question_solver(options: SolveOptions, seconds: float, workers: int) -> cp_model.CpSolver:
    """A solver tuned for yes/no questions: search without the LP relaxation.

    The window model's LP says little. On the benchmark's hard questions
    LP-free search finds a gap-free timing in seconds where the default
    portfolio (LP search plus neighbourhoods, idle before a first solution)
    runs out of time: forum-14's optimum is found in 2.4 s instead of not at
    all in 10 s.
    """
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.05, seconds)
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = options.random_seed
    solver.parameters.linearization_level = 0
    if workers == 2:
        solver.parameters.subsolvers.extend(["no_lp", "quick_restart_no_lp"])
        solver.parameters.num_full_subsolvers = 2
        solver.parameters.use_lns = False
    return solver
