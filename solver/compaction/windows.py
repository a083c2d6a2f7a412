"""One window per attendee: the model of compactness that propagates.

An attendee's window is a first slot and a last slot holding all their
meetings; its idle slots are its length less the meetings. Choosing one
window per attendee propagates far better than counting gaps slot by slot
(see `exact`); the exact re-timing of small events is built on it.
"""

from __future__ import annotations

from collections import defaultdict

from ortools.sat.python import cp_model

from solver.candidates import Candidate
from solver.capacity import SlotCapacity
from solver.model import (
    Fixed,
    MeetingVariables,
    add_attendee_in_one_meeting_per_slot,
    add_fixed_table_once_per_slot,
    add_free_tables_per_slot,
    create_variables,
)
from solver.options import Compactness

LinearExpr = cp_model.LinearExpr


def add_meetings_to_time(model: cp_model.CpModel, candidates: list[Candidate],
                         meetings: list[int], fixed: Fixed,
                         capacities: list[SlotCapacity]) -> MeetingVariables | None:
    """Each of `meetings` (candidate indices) in exactly one slot, beside `fixed`, keeping
    every hard rule; None when one of them has no slot left."""
    variables = create_variables(model, candidates, meetings, fixed)
    for c in meetings:
        if c not in variables.by_candidate:
            return None
        model.add_exactly_one(variables.by_candidate[c])
    add_attendee_in_one_meeting_per_slot(model, variables)
    add_free_tables_per_slot(model, variables, candidates, capacities, fixed)
    add_fixed_table_once_per_slot(model, variables, candidates)
    return variables


def literals_of(variables: MeetingVariables, person: str,
                slot_count: int) -> dict[int, list[cp_model.IntVar]]:
    """The person's meeting variables slot by slot, as `add_window` takes them."""
    return {s: variables.by_attendee_slot.get((person, s), []) for s in range(slot_count)}


def add_window(model: cp_model.CpModel, person: str,
                literals: dict[int, list[cp_model.IntVar]], locked_busy: set[int],
                count: int, slot_count: int, measure: Compactness) -> LinearExpr:
    """One window per attendee holding all `count` meetings; returns the attendee's gaps.

    started[s] / ended[s]: the window starts at or before s / ended before s,
    so slot s is inside it when started − ended = 1. A window is tight (a
    meeting in its first and last slot), so its idle slots are exactly g.
    """
    busy: list[cp_model.IntVar | int] = []
    for s in range(slot_count):
        if s in locked_busy:
            busy.append(1)
        elif literals.get(s):
            var = model.new_bool_var(f"busy_{person}_{s}")
            model.add(var == LinearExpr.sum(literals[s]))
            busy.append(var)
        else:
            busy.append(0)
    usable = [not isinstance(b, int) or b == 1 for b in busy]
    model.add(LinearExpr.sum(busy) == count)
    first_locked = min(locked_busy, default=slot_count)
    last_locked = max(locked_busy, default=-1)
    windows: dict[tuple[int, int], cp_model.IntVar] = {}
    usable_before = [0]
    for s in range(slot_count):
        usable_before.append(usable_before[-1] + int(usable[s]))
    for first in range(min(slot_count, first_locked + 1)):
        if not usable[first]:
            continue
        for last in range(max(first + count - 1, last_locked), slot_count):
            if usable[last] and usable_before[last + 1] - usable_before[first] >= count:
                windows[(first, last)] = model.new_bool_var(f"window_{person}_{first}_{last}")
    model.add_exactly_one(windows.values())
    starting: dict[int, list[cp_model.IntVar]] = defaultdict(list)
    ending: dict[int, list[cp_model.IntVar]] = defaultdict(list)
    for (first, last), var in windows.items():
        for edge in (first, last):
            if not isinstance(busy[edge], int):
                model.add_implication(var, busy[edge])
        starting[first].append(var)
        ending[last].append(var)
    started: cp_model.IntVar | int = 0
    ended: cp_model.IntVar | int = 0
    for s in range(slot_count):
        if starting.get(s):
            now_started = model.new_bool_var(f"started_{person}_{s}")
            model.add(now_started == started + LinearExpr.sum(starting[s]))
            started = now_started
        if not isinstance(busy[s], int):
            model.add(busy[s] <= started - ended)
        if ending.get(s):
            now_ended = model.new_bool_var(f"ended_{person}_{s}")
            model.add(now_ended == ended + LinearExpr.sum(ending[s]))
            ended = now_ended
    idle = {key: key[1] - key[0] + 1 - count for key in windows}
    if measure is Compactness.IDLE_SLOTS:
        return LinearExpr.weighted_sum(list(windows.values()), list(idle.values()))
    run_starts: list[LinearExpr | int] = []
    for s in range(slot_count):
        before = busy[s - 1] if s > 0 else 0
        if isinstance(busy[s], int):  # a locked meeting (1) or no meeting possible (0)
            if busy[s] == 1:
                run_starts.append(1 - before)
            continue
        starts = model.new_bool_var(f"run_start_{person}_{s}")
        model.add(starts >= busy[s] - before)
        model.add(starts <= busy[s])
        if not isinstance(before, int):
            model.add(starts <= 1 - before)
        elif before == 1:
            model.add(starts == 0)
        run_starts.append(starts)
    breaks = LinearExpr.sum(run_starts) - 1
    model.add(breaks >= LinearExpr.sum([var for key, var in windows.items() if idle[key] > 0]))
    return breaks


def limit_break_spread(model: cp_model.CpModel, per_person: list[LinearExpr], spread: int,
                       slot_count: int, someone_without_gaps: bool) -> None:
    """max − min breaks over the attendees ≤ spread; the minimum is 0 when someone has none."""
    lowest = model.new_int_var(0, 0 if someone_without_gaps else slot_count, "fewest_breaks")
    for amount in per_person:
        model.add(amount >= lowest)
        model.add(amount <= lowest + spread)
