"""The CP-SAT model: one boolean per (candidate pair, slot), built in named steps.

Availability and exclusions are handled when the variables are made (a pair
gets a variable only for slots where both are free, excluded pairs get none);
every other hard rule is one function below, named after the rule. Tables are
interchangeable here: the model only bounds how many meetings share a slot.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Protocol

from ortools.sat.python import cp_model

from solver.candidates import Candidate
from solver.plan import Plan
from solver.problem import Problem


class _ValueReader(Protocol):
    def boolean_value(self, literal: cp_model.IntVar) -> bool: ...


@dataclass
class MeetingVariables:
    """x[(candidate, slot)] is true when the candidate pair meets in that slot."""

    x: dict[tuple[int, int], cp_model.IntVar] = field(default_factory=dict)
    by_candidate: dict[int, list[cp_model.IntVar]] = field(
        default_factory=lambda: defaultdict(list)
    )
    by_attendee_slot: dict[tuple[str, int], list[cp_model.IntVar]] = field(
        default_factory=lambda: defaultdict(list)
    )
    by_slot: dict[int, list[cp_model.IntVar]] = field(default_factory=lambda: defaultdict(list))
    by_attendee: dict[str, list[cp_model.IntVar]] = field(
        default_factory=lambda: defaultdict(list)
    )

    def extract(self, reader: _ValueReader) -> Plan:
        """The plan in a solution; works on the solver and inside a solution callback."""
        return [key for key, var in self.x.items() if reader.boolean_value(var)]


def create_variables(model: cp_model.CpModel, candidates: list[Candidate]) -> MeetingVariables:
    variables = MeetingVariables()
    for c, cand in enumerate(candidates):
        for slot in cand.slots:
            var = model.new_bool_var(f"meet_{cand.a}_{cand.b}_s{slot}")
            variables.x[(c, slot)] = var
            variables.by_candidate[c].append(var)
            variables.by_slot[slot].append(var)
            for person in (cand.a, cand.b):
                variables.by_attendee_slot[(person, slot)].append(var)
                variables.by_attendee[person].append(var)
    return variables


def add_pair_meets_at_most_once(model: cp_model.CpModel, v: MeetingVariables) -> None:
    for literals in v.by_candidate.values():
        model.add_at_most_one(literals)


def add_attendee_in_one_meeting_per_slot(model: cp_model.CpModel, v: MeetingVariables) -> None:
    for literals in v.by_attendee_slot.values():
        model.add_at_most_one(literals)


def add_table_count_per_slot(
    model: cp_model.CpModel, v: MeetingVariables, table_count: int
) -> None:
    for literals in v.by_slot.values():
        if len(literals) > table_count:
            model.add(sum(literals) <= table_count)


def add_max_meetings(model: cp_model.CpModel, v: MeetingVariables, problem: Problem) -> None:
    for person, literals in v.by_attendee.items():
        cap = problem.attendee(person).max_meetings
        if cap is not None and len(literals) > cap:
            model.add(sum(literals) <= cap)


def add_locked_meetings(
    model: cp_model.CpModel, v: MeetingVariables, candidates: list[Candidate]
) -> None:
    for c, cand in enumerate(candidates):
        if cand.locked is not None:
            model.add(v.x[(c, cand.locked.slot)] == 1)


def value_of_meetings(v: MeetingVariables, candidates: list[Candidate]) -> cp_model.LinearExpr:
    """Sum of request weights over the pairs that meet."""
    return cp_model.LinearExpr.weighted_sum(
        [var for var in v.x.values()], [candidates[c].value for c, _ in v.x]
    )


@dataclass
class ScheduleModel:
    """The CP-SAT model with its variables, ready to solve."""

    cp: cp_model.CpModel
    variables: MeetingVariables

    def hint(self, plan: Plan) -> None:
        chosen = set(plan)
        for key, var in self.variables.x.items():
            self.cp.add_hint(var, key in chosen)


def build_model(problem: Problem, candidates: list[Candidate]) -> ScheduleModel:
    model = cp_model.CpModel()
    variables = create_variables(model, candidates)
    add_pair_meets_at_most_once(model, variables)
    add_attendee_in_one_meeting_per_slot(model, variables)
    add_table_count_per_slot(model, variables, len(problem.tables))
    add_max_meetings(model, variables, problem)
    add_locked_meetings(model, variables, candidates)
    model.maximize(value_of_meetings(variables, candidates))
    return ScheduleModel(model, variables)
