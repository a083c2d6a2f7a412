"""Find a timing within a gap budget by giving each attendee a few runs of busy slots.

The window model of `exact` proves well ("no timing has fewer gaps") but on
events where tables are scarce it often fails to *find* a tight timing.
This model finds them: each attendee's meetings fill at most a few
*segments* (intervals of consecutive busy slots), and two global
constraints reason over those intervals directly:

- per attendee, the meetings' slots are all different and lie in the
  segments, whose lengths add up to the meetings (so they fill them);
- at every slot, the attendees busy there are at most twice the tables
  open (every meeting has two parties and one table): a cumulative over
  every attendee's segments.

On the research benchmark this finds the gap-free timing of tic-14crafc in
0.5 s, where the window model needs 2 to 10 s, or none at all.

The model is a heuristic for finding: attendees get at most
`_MOST_SEGMENTS` segments, so "no timing" is a proof only when the budget
could not have used more.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ortools.sat.python import cp_model

from solver.cancel import CancelToken, solve_unless_cancelled
from solver.candidates import Candidate
from solver.capacity import SlotCapacity, size_thresholds
from solver.compaction.windows import limit_break_spread
from solver.options import Compactness, SolveOptions
from solver.plan import Plan
from solver.problem import Problem

LinearExpr = cp_model.LinearExpr
_MOST_SEGMENTS = 3  # two breaks per attendee; the benchmark's optima never need more


@dataclass(frozen=True)
class SegmentAnswer:
    """A timing within the budget, or None; `proven_none` when none exists at all."""

    plan: Plan | None
    proven_none: bool


def time_within_budget(problem: Problem, candidates: list[Candidate], meetings: Sequence[int],
                       options: SolveOptions, capacities: list[SlotCapacity], budget: int,
                       seconds: float, cancel: CancelToken,
                       workers: int | None = None) -> SegmentAnswer:
    """A timing of `meetings` (every meeting of the event) with at most `budget` gaps in all.

    Gaps are idle slots or breaks, as the options say; with breaks, the
    options' limit on the spread of breaks between attendees holds too.
    """
    model = cp_model.CpModel()
    slot_count = len(problem.slots)
    locked = [(c, candidates[c].locked.slot) for c in meetings  # type: ignore[union-attr]
              if candidates[c].locked is not None]
    free = [c for c in meetings if candidates[c].locked is None]
    slot_of: dict[int, cp_model.IntVar | int] = dict(locked)
    busy_locked = {(candidates[c].a, s) for c, s in locked} | {(candidates[c].b, s)
                                                               for c, s in locked}
    for c in free:
        cand = candidates[c]
        allowed = [s for s in cand.slots
                   if (cand.a, s) not in busy_locked and (cand.b, s) not in busy_locked]
        if not allowed:
            return SegmentAnswer(None, True)
        slot_of[c] = model.new_int_var_from_domain(cp_model.Domain.from_values(allowed),
                                                   f"slot_{c}")
    _add_tables(model, candidates, free, slot_of, capacities)
    by_person: dict[str, list[int]] = defaultdict(list)
    for c in meetings:
        by_person[candidates[c].a].append(c)
        by_person[candidates[c].b].append(c)
    most = min(_MOST_SEGMENTS, budget + 1)
    busy_runs: list[cp_model.IntervalVar] = []
    gaps_each: list[LinearExpr] = []
    for person, mine in by_person.items():
        slots = [slot_of[c] for c in mine]
        if len(mine) > 1:
            model.add_all_different(slots)
        runs, gaps = _segments(model, person, slots, most, slot_count, options.compactness)
        busy_runs += runs
        gaps_each.append(gaps)
    busy_runs += _closed_tables(model, problem)
    model.add_cumulative(busy_runs, [1] * len(busy_runs), 2 * _most_tables(problem))
    model.add(LinearExpr.sum(gaps_each) <= budget)
    if options.compactness is Compactness.BREAKS and options.max_break_spread is not None:
        limit_break_spread(model, gaps_each, options.max_break_spread, slot_count,
                           someone_without_gaps=len(by_person) < len(problem.attendees))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.05, seconds)
    solver.parameters.num_workers = workers or options.worker_count()
    solver.parameters.random_seed = options.random_seed
    status = solve_unless_cancelled(solver, model, cancel)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return SegmentAnswer(locked + [(c, solver.value(slot_of[c])) for c in free], False)
    return SegmentAnswer(None, status == cp_model.INFEASIBLE and most > budget)


def _add_tables(model: cp_model.CpModel, candidates: list[Candidate], free: list[int],
                slot_of: dict[int, cp_model.IntVar | int],
                capacities: list[SlotCapacity]) -> None:
    """Meetings at free tables fit the tables by seats; a fixed table holds one at a time."""
    at_table: dict[int, list[cp_model.IntVar | int]] = defaultdict(list)
    for c in free:
        table = candidates[c].table
        if table is not None:
            at_table[table].append(slot_of[c])
    for slots in at_table.values():
        if len(slots) > 1:
            model.add_all_different(slots)
    at_free = [c for c in free if candidates[c].table is None]
    for k in size_thresholds(candidates):
        needing = [c for c in at_free if candidates[c].size >= k]
        room = [capacity.at_least(k) for capacity in capacities]
        most = max(room, default=0)
        runs = [model.new_fixed_size_interval_var(slot_of[c], 1, f"meeting_{c}_{k}")
                for c in needing]
        runs += [model.new_fixed_size_interval_var(s, 1, f"no_table_{s}_{k}_{n}")
                 for s, tables in enumerate(room) for n in range(most - tables)]
        model.add_cumulative(runs, [1] * len(runs), most)


def _segments(model: cp_model.CpModel, person: str, slots: list[cp_model.IntVar | int],
              most: int, slot_count: int,
              measure: Compactness) -> tuple[list[cp_model.IntervalVar], LinearExpr]:
    """The person's busy segments (as intervals) holding `slots`, and the person's gaps."""
    count = len(slots)
    if count == 1:
        return [model.new_fixed_size_interval_var(slots[0], 1, f"alone_{person}")], \
            LinearExpr.constant(0)
    starts: list[cp_model.IntVar] = []
    ends: list[cp_model.IntVar] = []
    sizes: list[cp_model.IntVar] = []
    used: list[cp_model.IntVar] = []
    runs: list[cp_model.IntervalVar] = []
    for k in range(min(most, count)):
        start = model.new_int_var(0, slot_count - (0 if k else 1), f"seg_start_{person}_{k}")
        size = model.new_int_var(0 if k else 1, count, f"seg_size_{person}_{k}")
        end = model.new_int_var(0, slot_count, f"seg_end_{person}_{k}")
        model.add(end == start + size)  # an absent optional interval would not say so
        if k == 0:
            runs.append(model.new_interval_var(start, size, end, f"seg_{person}_{k}"))
        else:
            present = model.new_bool_var(f"seg_used_{person}_{k}")
            model.add(size >= 1).only_enforce_if(present)
            model.add(size == 0).only_enforce_if(~present)
            model.add(start >= ends[-1] + 1).only_enforce_if(present)
            model.add(start == ends[-1]).only_enforce_if(~present)
            if used:
                model.add_implication(present, used[-1])
            runs.append(model.new_optional_interval_var(start, size, end, present,
                                                        f"seg_{person}_{k}"))
            used.append(present)
        starts.append(start)
        ends.append(end)
        sizes.append(size)
    model.add(LinearExpr.sum(sizes) == count)
    for slot in slots:
        inside = [model.new_bool_var(f"in_seg_{person}_{k}") for k in range(len(starts))]
        for k, flag in enumerate(inside):
            model.add(slot >= starts[k]).only_enforce_if(flag)
            model.add(slot < ends[k]).only_enforce_if(flag)
        model.add_exactly_one(inside)
    if measure is Compactness.BREAKS:
        return runs, LinearExpr.sum(used)
    return runs, ends[-1] - starts[0] - count


def _most_tables(problem: Problem) -> int:
    return max((_open_tables(problem, s) for s in range(len(problem.slots))), default=0)


def _open_tables(problem: Problem, slot: int) -> int:
    return sum(1 for table in problem.tables if table.is_available(slot))


def _closed_tables(model: cp_model.CpModel, problem: Problem) -> list[cp_model.IntervalVar]:
    """Fixed busy runs that lower the attendee capacity where fewer tables are open."""
    most = _most_tables(problem)
    blocks = []
    for s in range(len(problem.slots)):
        for n in range(2 * (most - _open_tables(problem, s))):
            blocks.append(model.new_fixed_size_interval_var(s, 1, f"closed_{s}_{n}"))
    return blocks
