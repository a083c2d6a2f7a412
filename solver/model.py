"""The CP-SAT model: one boolean per (candidate pair, slot), built in named steps.

A model covers a scope: either every attendee, or a neighbourhood of
attendees whose meetings among themselves are re-decided while every other
meeting stays fixed (large-neighbourhood search). Availability, windows,
frozen slots and exclusions are applied when the variables are made (see
`candidates`); every other hard rule is one function below, named after the
rule. Each objective level is one linear expression (`Levels`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Protocol

from ortools.sat.python import cp_model

from solver.candidates import Candidate
from solver.capacity import SlotCapacity, size_thresholds
from solver.figures import (
    Figures,
    busy_slots,
    idle_slots_and_breaks,
    requesters,
    requesters_and_requested,
)
from solver.options import Compactness, SolveOptions
from solver.plan import Plan
from solver.problem import Problem

LinearExpr = cp_model.LinearExpr


class _ValueReader(Protocol):
    def boolean_value(self, literal: cp_model.IntVar) -> bool: ...


@dataclass
class Fixed:
    """What the model must respect from meetings outside its scope."""

    busy: set[tuple[str, int]] = field(default_factory=set)
    count: Counter[str] = field(default_factory=Counter)
    sizes: list[Counter[int]] = field(default_factory=list)
    tables: set[tuple[int, int]] = field(default_factory=set)

    @classmethod
    def of(cls, plan: Plan, candidates: list[Candidate], slot_count: int) -> Fixed:
        fixed = cls(sizes=[Counter() for _ in range(slot_count)])
        for c, slot in plan:
            cand = candidates[c]
            for person in (cand.a, cand.b):
                fixed.busy.add((person, slot))
                fixed.count[person] += 1
            if cand.locked is not None:
                continue
            if cand.table is not None:
                fixed.tables.add((cand.table, slot))
            else:
                fixed.sizes[slot][cand.size] += 1
        return fixed


@dataclass
class MeetingVariables:
    """x[(candidate, slot)] is true when the candidate pair meets in that slot."""

    x: dict[tuple[int, int], cp_model.IntVar] = field(default_factory=dict)
    by_candidate: dict[int, list[cp_model.IntVar]] = field(
        default_factory=lambda: defaultdict(list))
    by_attendee_slot: dict[tuple[str, int], list[cp_model.IntVar]] = field(
        default_factory=lambda: defaultdict(list))
    by_attendee: dict[str, list[cp_model.IntVar]] = field(
        default_factory=lambda: defaultdict(list))

    def extract(self, reader: _ValueReader) -> Plan:
        """The plan in a solution; works on the solver and inside a solution callback."""
        return [key for key, var in self.x.items() if reader.boolean_value(var)]


@dataclass
class Levels:
    """The objective's levels as expressions over the scope, with upper bounds."""

    must: LinearExpr
    coverage: LinearExpr
    with_a_meeting: LinearExpr  # at equal coverage, the more the better
    value: LinearExpr
    compactness: LinearExpr
    value_upper: int
    compactness_upper: int


def create_variables(model: cp_model.CpModel, candidates: list[Candidate],
                     in_scope: Iterable[int], fixed: Fixed,
                     slots: frozenset[int] | None = None) -> MeetingVariables:
    """One boolean per (candidate in scope, slot it may meet in); only `slots` if given."""
    variables = MeetingVariables()
    for c in in_scope:
        cand = candidates[c]
        for slot in cand.slots:
            if slots is not None and slot not in slots:
                continue
            if (cand.a, slot) in fixed.busy or (cand.b, slot) in fixed.busy:
                continue
            if cand.table is not None and (cand.table, slot) in fixed.tables:
                continue
            var = model.new_bool_var(f"meet_{cand.a}_{cand.b}_s{slot}")
            variables.x[(c, slot)] = var
            variables.by_candidate[c].append(var)
            for person in (cand.a, cand.b):
                variables.by_attendee_slot[(person, slot)].append(var)
                variables.by_attendee[person].append(var)
    return variables


def add_pair_meets_at_most_once(model: cp_model.CpModel, v: MeetingVariables) -> None:
    for literals in v.by_candidate.values():
        if len(literals) > 1:
            model.add_at_most_one(literals)


def add_attendee_in_one_meeting_per_slot(model: cp_model.CpModel, v: MeetingVariables) -> None:
    for literals in v.by_attendee_slot.values():
        if len(literals) > 1:
            model.add_at_most_one(literals)


def add_free_tables_per_slot(model: cp_model.CpModel, v: MeetingVariables,
                             candidates: list[Candidate], capacities: list[SlotCapacity],
                             fixed: Fixed) -> None:
    """For every seat size k: meetings needing k or more seats ≤ tables with k or more."""
    by_slot: dict[int, list[tuple[int, cp_model.IntVar]]] = defaultdict(list)
    for (c, slot), var in v.x.items():
        if candidates[c].table is None:
            by_slot[slot].append((candidates[c].size, var))
    thresholds = size_thresholds(candidates)
    for slot, sized in by_slot.items():
        for k in thresholds:
            literals = [var for size, var in sized if size >= k]
            room = capacities[slot].at_least(k) - sum(
                n for size, n in fixed.sizes[slot].items() if size >= k)
            if len(literals) > room:
                model.add(sum(literals) <= max(0, room))


def add_fixed_table_once_per_slot(model: cp_model.CpModel, v: MeetingVariables,
                                  candidates: list[Candidate]) -> None:
    at_table: dict[tuple[int, int], list[cp_model.IntVar]] = defaultdict(list)
    for (c, slot), var in v.x.items():
        table = candidates[c].table
        if table is not None:
            at_table[(table, slot)].append(var)
    for literals in at_table.values():
        if len(literals) > 1:
            model.add_at_most_one(literals)


def add_max_meetings(model: cp_model.CpModel, v: MeetingVariables, problem: Problem,
                     fixed: Fixed) -> None:
    for person, literals in v.by_attendee.items():
        cap = problem.attendee(person).max_meetings
        if cap is not None and len(literals) + fixed.count[person] > cap:
            model.add(sum(literals) <= cap - fixed.count[person])


def must_meets(v: MeetingVariables, candidates: list[Candidate]) -> LinearExpr:
    return LinearExpr.sum([var for (c, _), var in v.x.items() if candidates[c].must])


def coverage(model: cp_model.CpModel, v: MeetingVariables, problem: Problem, fixed: Fixed,
             min_meetings: int) -> tuple[LinearExpr, LinearExpr]:
    """Over the scope's attendees who asked or were asked: Σ min(meetings, min_meetings);
    and how many of those who asked have a meeting at all (coverage's tie-break). Both 0
    when coverage is off.
    """
    counted = requesters_and_requested(problem) if min_meetings else set()
    asked = requesters(problem)
    covered_terms, met_terms = [], []
    for person, literals in v.by_attendee.items():
        already = fixed.count[person]
        if person not in counted or already >= min_meetings:
            continue
        covered = model.new_int_var(0, min_meetings, f"covered_{person}")
        model.add(covered <= already + sum(literals))
        covered_terms.append(covered)
        if already == 0 and person in asked:
            met = model.new_bool_var(f"met_{person}")
            model.add(met <= sum(literals))
            met_terms.append(met)
    return LinearExpr.sum(covered_terms), LinearExpr.sum(met_terms)


def value_of_meetings(v: MeetingVariables, candidates: list[Candidate]) -> LinearExpr:
    return LinearExpr.weighted_sum(list(v.x.values()),
                                            [candidates[c].value for c, _ in v.x])


def idle_time(model: cp_model.CpModel, v: MeetingVariables, fixed: Fixed, slot_count: int,
              measure: Compactness, max_break_spread: int | None,
              outside_breaks: list[int]) -> tuple[LinearExpr, int]:
    """Idle slots (or breaks) of the scope's attendees, and an upper bound on it.

    started[s]: a meeting at or before s; pending[s]: one at or after s;
    inside[s] = both. Idle slots = Σ inside − meetings; a break ends where an
    idle inside slot is followed by a meeting. These are bounded from below
    only (minimizing pushes them down to the truth): this measured faster
    than exact definitions. So the break-spread rule is checked again on
    every schedule the search returns (`figures.Figures.spread_excess`).
    """
    per_person: list[LinearExpr] = []
    for person, literals in v.by_attendee.items():
        busy = [LinearExpr.sum(v.by_attendee_slot.get((person, s), []))
                + int((person, s) in fixed.busy) for s in range(slot_count)]
        started = [model.new_bool_var(f"started_{person}_{s}") for s in range(slot_count)]
        pending = [model.new_bool_var(f"pending_{person}_{s}") for s in range(slot_count)]
        inside = [model.new_bool_var(f"inside_{person}_{s}") for s in range(slot_count)]
        for s in range(slot_count):
            model.add(started[s] >= busy[s])
            model.add(pending[s] >= busy[s])
            if s > 0:
                model.add(started[s] >= started[s - 1])
            if s + 1 < slot_count:
                model.add(pending[s] >= pending[s + 1])
            model.add(inside[s] >= started[s] + pending[s] - 1)
        if measure is Compactness.IDLE_SLOTS:
            meetings = LinearExpr.sum(literals) + fixed.count[person]
            per_person.append(LinearExpr.sum(inside) - meetings)
        else:
            break_ends = []
            for s in range(slot_count - 1):
                ends = model.new_bool_var(f"break_end_{person}_{s}")
                model.add(ends >= inside[s] - busy[s] + busy[s + 1] - 1)
                break_ends.append(ends)
            per_person.append(LinearExpr.sum(break_ends))
    if measure is Compactness.BREAKS and max_break_spread is not None and per_person:
        _limit_break_spread(model, per_person, outside_breaks, max_break_spread, slot_count)
    return LinearExpr.sum(per_person), len(per_person) * slot_count


def _limit_break_spread(model: cp_model.CpModel, amounts: list[LinearExpr],
                        outside_breaks: list[int], spread: int, slot_count: int) -> None:
    """max − min breaks over every attendee ≤ spread; `outside_breaks` are the fixed ones."""
    lowest = model.new_int_var(0, slot_count, "fewest_breaks")
    for amount in amounts:
        model.add(amount >= lowest)
        model.add(amount <= lowest + spread)
    if outside_breaks:
        model.add(lowest <= min(outside_breaks))
        model.add(lowest >= max(outside_breaks) - spread)


@dataclass
class ScheduleModel:
    """The CP-SAT model of one scope, its variables and its objective levels."""

    cp: cp_model.CpModel
    variables: MeetingVariables
    levels: Levels

    def hint(self, plan: Plan) -> None:
        self.cp.clear_hints()  # type: ignore[no-untyped-call]
        chosen = set(plan)
        for key, var in self.variables.x.items():
            self.cp.add_hint(var, key in chosen)


def build_model(problem: Problem, candidates: list[Candidate], options: SolveOptions,
                capacities: list[SlotCapacity], fixed_plan: Plan,
                scope: frozenset[str] | None = None,
                slots: frozenset[int] | None = None) -> ScheduleModel:
    """The model of every candidate in scope (both people in `scope`; None: everyone),
    meeting in one of `slots` (None: any slot).

    Each level expression includes the fixed meetings as constants, so its value
    is the whole event's figure (see `figures.figures_of`).
    """
    model = cp_model.CpModel()
    fixed = Fixed.of(fixed_plan, candidates, len(problem.slots))
    decided = {c for c, _ in fixed_plan}
    in_scope = [
        c for c, cand in enumerate(candidates)
        if cand.locked is None and c not in decided
        and (scope is None or (cand.a in scope and cand.b in scope))
    ]
    variables = _meetings_by_the_rules(model, problem, candidates, capacities, fixed, in_scope,
                                       slots)
    fixed_busy = busy_slots(fixed_plan, candidates)
    outside_breaks = [idle_slots_and_breaks(fixed_busy.get(a.id, []))[1]
                      for a in problem.attendees if a.id not in variables.by_attendee]
    if _someone_meets_at_most_once(problem, candidates):
        outside_breaks.append(0)  # the fewest breaks is 0: the spread rule needs no minimum
    compact, compact_upper = idle_time(model, variables, fixed, len(problem.slots),
                                       options.compactness, options.max_break_spread,
                                       outside_breaks)
    constants = _fixed_part(problem, candidates, fixed_plan, variables, options)
    covered, met = coverage(model, variables, problem, fixed, options.min_meetings)
    levels = Levels(
        must=must_meets(variables, candidates) + constants.must_met,
        coverage=covered + constants.coverage,
        with_a_meeting=met + constants.with_a_meeting,
        value=value_of_meetings(variables, candidates) + constants.value,
        compactness=compact + constants.compactness(options),
        value_upper=sum(candidates[c].value for c in in_scope),
        compactness_upper=compact_upper,
    )
    return ScheduleModel(model, variables, levels)


def build_meetings_model(problem: Problem, candidates: list[Candidate],
                         capacities: list[SlotCapacity], fixed_plan: Plan,
                         among: Collection[int] | None = None,
                         ) -> tuple[cp_model.CpModel, MeetingVariables]:
    """Every free candidate (of `among`, if given) with the rules each meeting obeys, and
    nothing of gaps or levels.

    A relaxation of `build_model` (it lacks only the spread rule on breaks),
    small enough to find and bound the most must-meets in seconds where the
    full model takes minutes.
    """
    model = cp_model.CpModel()
    fixed = Fixed.of(fixed_plan, candidates, len(problem.slots))
    decided = {c for c, _ in fixed_plan}
    free = [c for c, cand in enumerate(candidates) if cand.locked is None and c not in decided
            and (among is None or c in among)]
    return model, _meetings_by_the_rules(model, problem, candidates, capacities, fixed, free,
                                         None)


def _meetings_by_the_rules(model: cp_model.CpModel, problem: Problem,
                           candidates: list[Candidate], capacities: list[SlotCapacity],
                           fixed: Fixed, in_scope: list[int],
                           slots: frozenset[int] | None) -> MeetingVariables:
    variables = create_variables(model, candidates, in_scope, fixed, slots)
    add_pair_meets_at_most_once(model, variables)
    add_attendee_in_one_meeting_per_slot(model, variables)
    add_free_tables_per_slot(model, variables, candidates, capacities, fixed)
    add_fixed_table_once_per_slot(model, variables, candidates)
    add_max_meetings(model, variables, problem, fixed)
    return variables


def _someone_meets_at_most_once(problem: Problem, candidates: list[Candidate]) -> bool:
    pairs: Counter[str] = Counter()
    for cand in candidates:
        pairs.update((cand.a, cand.b))
    return any(pairs[a.id] <= 1 for a in problem.attendees)


def _fixed_part(problem: Problem, candidates: list[Candidate], fixed_plan: Plan,
                variables: MeetingVariables, options: SolveOptions) -> Figures:
    """The figures contributed by people and meetings the model does not decide."""
    k = options.min_meetings
    in_model = set(variables.by_attendee)
    busy = busy_slots(fixed_plan, candidates)
    idle = runs = 0
    for person, slots in busy.items():
        if person not in in_model:
            i, r = idle_slots_and_breaks(slots)
            idle, runs = idle + i, runs + r
    counted = requesters_and_requested(problem)
    cover = sum(
        min(len(busy.get(p, ())), k) if p not in in_model else k
        for p in counted if p not in in_model or len(busy.get(p, ())) >= k
    )
    # Who asked and has a fixed meeting (in the model or not; the model counts the others).
    met = sum(1 for p in requesters(problem) if busy.get(p)) if k else 0
    return Figures(
        must_met=sum(1 for c, _ in fixed_plan if candidates[c].must),
        coverage=cover,
        with_a_meeting=met,
        value=sum(candidates[c].value for c, _ in fixed_plan),
        idle_slots=idle,
        breaks=runs,
        meetings=len(fixed_plan),
    )
