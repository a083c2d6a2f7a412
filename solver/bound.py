"""Proven upper bounds on each objective level, from one LP relaxation (GLOP).

The LP chooses pairs fractionally: each attendee meets at most
min(max meetings, available slots) times, and no more often than there are
slots in any window their meetings are confined to (the morning, say), at
most tables × slots meetings happen in all, a fixed table (booth) holds at
most one meeting per slot it is open, and meetings needing k seats or more
fit the table-slots with k seats or more. Slots themselves are left out:
on the samples this aggregated LP gives the same value bound as the
time-indexed LP in a fraction of a second instead of ten. The same LP
bounds must-meets, coverage (given the must-meets reached) and value (given
both levels above as reached: the bound the lexicographic objective is
measured against). Its optimum also says which meetings to aim for
(`best_pairs`, see `chain_insertion`).
"""

from __future__ import annotations

from collections import defaultdict

from ortools.linear_solver import pywraplp

from solver.candidates import Candidate, candidate_pairs
from solver.capacity import size_thresholds, slot_capacities
from solver.figures import requesters, requesters_and_requested
from solver.options import SolveOptions
from solver.problem import Problem

_INFINITY = float("inf")


def meeting_capacity(problem: Problem, person: str) -> int:
    attendee = problem.attendee(person)
    slots = len(problem.slots) if attendee.available_slots is None else len(
        attendee.available_slots)
    return slots if attendee.max_meetings is None else min(slots, attendee.max_meetings)


class LevelBounds:
    """The pair-selection LP, built once; each level is one objective over it."""

    def __init__(self, problem: Problem, candidates: list[Candidate], min_meetings: int,
                 counted: set[str] | None = None) -> None:
        """`counted`: whose meetings coverage counts (default: who asked or was asked)."""
        self.candidates = candidates
        self.must_total = sum(1 for c in candidates if c.must)
        self.value_total = sum(c.value for c in candidates)
        options: dict[str, int] = defaultdict(int)
        for c in candidates:
            options[c.a] += 1
            options[c.b] += 1
        people = [p for p in (requesters_and_requested(problem) if counted is None else counted)
                  if p in options]
        self.coverage_total = sum(
            min(min_meetings, options[p], meeting_capacity(problem, p)) for p in people)
        solver = pywraplp.Solver.CreateSolver("GLOP")
        self.solver = solver
        if solver is None:
            return
        self.chosen = [solver.NumVar(1 if c.locked else 0, 1, "") for c in candidates]
        per_person: dict[str, pywraplp.Constraint] = {}
        for person in options:
            per_person[person] = solver.Constraint(0, meeting_capacity(problem, person))
        everyone = solver.Constraint(0, len(problem.slots) * len(problem.tables))
        for var, cand in zip(self.chosen, candidates, strict=True):
            per_person[cand.a].SetCoefficient(var, 1)
            per_person[cand.b].SetCoefficient(var, 1)
            everyone.SetCoefficient(var, 1)
        self._add_table_room(problem, candidates)
        self._add_window_room(problem, candidates)
        self.covered = []
        links: dict[str, pywraplp.Constraint] = {}
        for person in people:
            y = solver.NumVar(0, min_meetings, "")
            links[person] = solver.Constraint(0, _INFINITY)  # Σ pairs of person − y ≥ 0
            links[person].SetCoefficient(y, -1)
            self.covered.append(y)
        for var, cand in zip(self.chosen, candidates, strict=True):
            for person in (cand.a, cand.b):
                if person in links:
                    links[person].SetCoefficient(var, 1)
        self.must_floor = solver.Constraint(0, _INFINITY)
        for var, cand in zip(self.chosen, candidates, strict=True):
            if cand.must:
                self.must_floor.SetCoefficient(var, 1)
        self.coverage_floor = solver.Constraint(0, _INFINITY)
        for y in self.covered:
            self.coverage_floor.SetCoefficient(y, 1)
        # Who of those who asked has a meeting at all (coverage's tie-break; none counted
        # when coverage is off).
        asked = requesters(problem)
        self.met = []
        self.met_floor = solver.Constraint(0, _INFINITY)
        met_links: dict[str, pywraplp.Constraint] = {}
        for person in [p for p in people if p in asked] if min_meetings else ():
            z = solver.NumVar(0, 1, "")
            met_links[person] = solver.Constraint(0, _INFINITY)  # Σ pairs of person − z ≥ 0
            met_links[person].SetCoefficient(z, -1)
            self.met.append(z)
            self.met_floor.SetCoefficient(z, 1)
        for var, cand in zip(self.chosen, candidates, strict=True):
            for person in (cand.a, cand.b):
                if person in met_links:
                    met_links[person].SetCoefficient(var, 1)

    def _add_table_room(self, problem: Problem, candidates: list[Candidate]) -> None:
        """Each fixed table holds one meeting per open slot; free tables, by seats.

        Locked meetings are left out: their tables are already out of the room.
        """
        solver = self.solver
        taken = {(m.table, m.slot) for m in problem.locked}
        at_table: dict[int, pywraplp.Constraint] = {}
        capacities = slot_capacities(problem)
        by_seats = {k: solver.Constraint(0, sum(c.at_least(k) for c in capacities))
                    for k in size_thresholds(candidates)}
        for var, cand in zip(self.chosen, candidates, strict=True):
            if cand.locked is not None:
                continue
            if cand.table is not None:
                if cand.table not in at_table:
                    table = problem.tables[cand.table]
                    at_table[cand.table] = solver.Constraint(0, sum(
                        1 for s in range(len(problem.slots))
                        if table.is_available(s) and (cand.table, s) not in taken))
                at_table[cand.table].SetCoefficient(var, 1)
                continue
            for k, room in by_seats.items():
                if cand.size >= k:
                    room.SetCoefficient(var, 1)

    def _add_window_room(self, problem: Problem, candidates: list[Candidate]) -> None:
        """An attendee meets once a slot, so their meetings that can only fall within a set
        of slots number at most its slots (arctic-3000: a popular attendee's afternoon-only
        must-meets; the must-meets' bound falls from 2140 to 2139, which is met)."""
        by_person: dict[str, list[int]] = defaultdict(list)
        for i, cand in enumerate(candidates):
            by_person[cand.a].append(i)
            by_person[cand.b].append(i)
        for person, mine in by_person.items():
            slots_of = {i: frozenset(candidates[i].slots) for i in mine}
            capacity = meeting_capacity(problem, person)
            for window in set(slots_of.values()):
                if len(window) >= capacity:
                    continue  # the attendee's own room holds these already
                inside = [i for i in mine if slots_of[i] <= window]
                if len(inside) > len(window):
                    room = self.solver.Constraint(0, len(window))
                    for i in inside:
                        room.SetCoefficient(self.chosen[i], 1)

    def _maximize(self, coefficients: list[tuple[pywraplp.Variable, float]], fallback: int,
                  must: int | None, coverage: int | None, met: int | None = None) -> int:
        optimum = self._solve(coefficients, must, coverage, met)
        return fallback if optimum is None else min(fallback, int(optimum + 1e-6))

    def _solve(self, coefficients: list[tuple[pywraplp.Variable, float]], must: int | None,
               coverage: int | None, met: int | None = None) -> float | None:
        """The LP's optimum for this objective and these floors; None when it has none."""
        if self.solver is None or not self.candidates:
            return None
        self.must_floor.SetLb(must or 0)
        self.coverage_floor.SetLb(coverage or 0)
        self.met_floor.SetLb(met or 0)
        objective = self.solver.Objective()
        objective.Clear()
        for var, coefficient in coefficients:
            objective.SetCoefficient(var, coefficient)
        objective.SetMaximization()
        if self.solver.Solve() != pywraplp.Solver.OPTIMAL:
            return None
        return float(objective.Value())

    def must(self) -> int:
        pairs = [(v, 1.0) for v, c in zip(self.chosen, self.candidates, strict=True) if c.must]
        return self._maximize(pairs, self.must_total, None, None) if pairs else 0

    def coverage(self, must_reached: int | None = None) -> int:
        """Σ min(meetings, min_meetings) at best, given `must_reached` must-meets."""
        return self._maximize([(y, 1.0) for y in self.covered], self.coverage_total,
                              must_reached, None)

    def with_a_meeting(self, must_reached: int, coverage_reached: int) -> int:
        """How many of those coverage counts who made a request can have a meeting at best,
        given the levels above as reached (0 when coverage is off)."""
        return self._maximize([(z, 1.0) for z in self.met], len(self.met), must_reached,
                              coverage_reached) if self.met else 0

    def value(self, must_reached: int | None = None, coverage_reached: int | None = None,
              met_reached: int | None = None) -> int:
        """Value at best, given the must-meets, coverage and attendees with a meeting
        reached."""
        pairs = [(v, float(c.value)) for v, c in zip(self.chosen, self.candidates, strict=True)]
        return self._maximize(pairs, self.value_total, must_reached, coverage_reached,
                              met_reached)

    def best_pairs(self, must_reached: int, coverage_reached: int, held: set[int],
                   avoided: set[int] | None = None, met_reached: int | None = None) -> set[int]:
        """The pairs (candidate indexes) of the value LP's optimum, nearest to `held`.

        Among optima of equal value, the LP keeps as many `held` pairs as it
        can and takes as few `avoided` ones (pairs that could not be timed
        before), so the set differs little from the schedule that holds them.
        On these LPs the optimum found is integral as a rule; a fractional
        pair counts as chosen from one half up. Empty when the LP fails.
        """
        avoided = avoided or set()
        tie = float(len(held) + len(avoided) + 1)  # all ties are worth less than one value point
        pairs = [(v, c.value * tie + (i in held) - (i in avoided))
                 for i, (v, c) in enumerate(zip(self.chosen, self.candidates, strict=True))]
        if self._solve(pairs, must_reached, coverage_reached, met_reached) is None:
            return set()
        return {i for i, v in enumerate(self.chosen) if v.solution_value() >= 0.5}


def value_bound(problem: Problem, options: SolveOptions | None = None) -> int:
    """A proven upper bound on the value of any schedule of `problem` (the LP relaxation,
    no level held fixed): what a schedule's value is measured against in reports."""
    options = options or SolveOptions()
    candidates = candidate_pairs(problem, options.priority_weights)
    return LevelBounds(problem, candidates, options.min_meetings).value()
