"""Fewest breaks by SAT: "can these meetings be timed with at most B breaks in all?".

Which meetings take place is decided; only their slots change. The question
is written as plain clauses (one boolean per meeting and slot, one per
attendee and slot) and handed to CaDiCaL, a clause-learning SAT solver.
On the research benchmark's hardest questions this answers in seconds where
CP-SAT's own search runs out of time: CP-SAT spends its effort on
propagators and portfolios, while these questions reward nothing but
learning clauses fast.

Two redundant rules make the solver fast (they are the "implied
constraints" of the benchmark's paper): every attendee is busy in exactly
as many slots as they have meetings, and no slot holds more busy attendees
than twice its tables.

One solver answers every budget: a budget is an assumption, so what it
learned proving "not with B" stays for "with B + 1".

With idle slots as the measure the budget counts idle slots instead: a slot
is idle for someone who is free then but busy before and after it.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from itertools import combinations
from typing import NamedTuple

from pysat.card import CardEnc, EncType, ITotalizer
from pysat.formula import IDPool
from pysat.solvers import Solver

from solver.cancel import CancelToken
from solver.candidates import Candidate
from solver.capacity import SlotCapacity, size_thresholds
from solver.model import Fixed
from solver.options import Compactness
from solver.plan import Plan
from solver.problem import Problem

_SAT_SOLVER = "cadical195"
_CONFLICTS_PER_LOOK = 5_000  # between looks at the clock and at Cancel; about 0.1 s
# "At most one" over this many literals or fewer is written as one clause per two of them,
# without the counter's helper variables: on forum-14.fixed020-Forb (10 clause orders)
# "20 breaks?" is answered in 5.8 s at the median instead of 9.9 s.
_PAIRWISE_AT_MOST = 32
# CaDiCaL searches in its "stable" mode only (no "focused" phases between) and tries
# "false" first: in a timing nearly every variable is false (a meeting is in one slot of
# twenty). On the research benchmark (10 s, 2 cores) this reaches the published best on
# 90 of the 90 comparable rows instead of 89: tic-13crafc.fixed040-Forb's 16 breaks in
# 2.7 s, where the default found it in 1 of 3 runs. Either change alone loses elsewhere:
# stable mode alone misses forum-13crafc.forb0003 and ticf-13crafc.forb0003 (1 break) in
# 3 runs of 3; "false" first alone makes tic-13crafc.fixed040-Forb a lottery again.
# Options can be set only before the clauses are added.
_SAT_OPTIONS = {"stabilizeonly": 1, "phase": 0}


class Answer(Enum):
    """What a SAT question came back with."""

    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class BudgetAnswer:
    """The answer, and with "yes" the timing found."""

    answer: Answer
    plan: Plan | None = None


def groups_sharing_a_person(candidates: list[Candidate], meetings: list[int]) -> list[list[int]]:
    """The free-table meetings in groups that each share one person, largest first.

    Such a group holds at most one meeting per slot, so a slot's tables
    bound how many groups are in use. Counting groups instead of meetings is
    the research benchmark paper's capacity constraint (JAIR 74, §4.6): the
    count runs over a few dozen literals instead of a few hundred, and on the
    benchmark's table-bound instances (forum-13crafc: 12 tables) the SAT
    solver finds a timing with 1 break in about 2 s instead of not in 30 s.
    """
    left = {c for c in meetings if candidates[c].table is None}
    groups = []
    while left:
        of_person: dict[str, list[int]] = defaultdict(list)
        for c in sorted(left):
            of_person[candidates[c].a].append(c)
            of_person[candidates[c].b].append(c)
        person = max(sorted(of_person), key=lambda p: len(of_person[p]))
        groups.append(of_person[person])
        left.difference_update(of_person[person])
    return groups


class _OneRun(NamedTuple):
    """A person's busy slots as one run: where it may start, unless `may_break` is set."""

    starts: list[int]
    may_break: int


class BreakBudgetQuestions:
    """The clauses of one set of meetings, asked under one budget of breaks after another.

    `largest_budget`: the questions may ask any budget up to this. Each
    attendee keeps at most `max_spread` breaks, which is the spread rule
    whenever someone has none (true whenever the budget is below the number
    of attendees, or someone has no meeting). With `measure` idle slots, the
    budget counts idle slots and `max_spread` is not used.
    """

    def __init__(self, problem: Problem, candidates: list[Candidate], meetings: Sequence[int],
                 capacities: list[SlotCapacity], max_spread: int | None,
                 largest_budget: int, measure: Compactness = Compactness.BREAKS) -> None:
        self._candidates = candidates
        self._pool = IDPool()
        self._clauses: list[list[int]] = []
        self._slot_count = len(problem.slots)
        self.locked: Plan = [(c, candidates[c].locked.slot)  # type: ignore[union-attr]
                             for c in meetings if candidates[c].locked is not None]
        self._free = [c for c in meetings if candidates[c].locked is None]
        self.possible = self._add_meetings(problem, capacities)
        people = self._busy_people()
        per_person = largest_budget if max_spread is None else min(max_spread, largest_budget)
        break_flags = []
        runs: dict[str, _OneRun] = {}
        for person in people:
            flags = (self._add_breaks(person, per_person) if measure is Compactness.BREAKS
                     else self._add_idle_slots(person))
            if flags:
                runs[person] = self._add_one_run(person)
                self._clauses += [[-flag, runs[person].may_break] for flag in flags]
                break_flags += flags
        self._add_run_supports(runs)
        # No flags (nobody may take a break, or nobody has two meetings): no budget to count.
        self._budget = self._totalizer(break_flags, largest_budget)
        # Who may have a break: at most `budget` people.
        self._apart = self._totalizer([run.may_break for run in runs.values()], largest_budget)
        self.largest_budget = largest_budget
        self._solver = Solver(name=_SAT_SOLVER)
        self._solver.configure(_SAT_OPTIONS)
        self._solver.append_formula(self._clauses)
        self._clauses = []

    def _totalizer(self, literals: list[int], largest: int) -> ITotalizer | None:
        """Outputs to assume false: `rhs[k]` true means more than k of `literals` are."""
        if not literals:
            return None
        total = ITotalizer(lits=literals, ubound=largest + 1, top_id=self._pool.top)
        self._pool.top = max(self._pool.top, total.top_id)
        self._clauses += total.cnf.clauses
        return total

    def close(self) -> None:
        self._solver.delete()

    def ask(self, budget: int, deadline: float, cancel: CancelToken,
            still_wanted: Callable[[], bool] = lambda: True) -> BudgetAnswer:
        """A timing with at most `budget` breaks in all, "no" (proven), or unknown.

        Unknown when the deadline passes, on cancel, or as soon as
        `still_wanted()` turns false (it is asked about ten times a second).
        """
        if not self.possible:
            return BudgetAnswer(Answer.NO)
        assumptions = [-total.rhs[budget] for total in (self._budget, self._apart)
                       if total is not None and budget < len(total.rhs)]
        found = None
        while (found is None and not cancel.cancelled and time.monotonic() < deadline
               and still_wanted()):
            self._solver.conf_budget(_CONFLICTS_PER_LOOK)
            found = self._solver.solve_limited(assumptions=assumptions)
        if found is None:
            return BudgetAnswer(Answer.UNKNOWN)
        if not found:
            return BudgetAnswer(Answer.NO)
        return BudgetAnswer(Answer.YES, self.locked + self._read_plan())

    def _x(self, c: int, slot: int) -> int:
        return int(self._pool.id(("x", c, slot)))

    def _y(self, person: str, slot: int) -> int:
        return int(self._pool.id(("y", person, slot)))

    def _card(self, literals: list[int], bound: int, equal: bool = False) -> None:
        if not equal and len(literals) <= bound:
            return
        if not equal and bound == 1 and len(literals) <= _PAIRWISE_AT_MOST:
            self._clauses += [[-a, -b] for a, b in combinations(literals, 2)]
            return
        encode = CardEnc.equals if equal else CardEnc.atmost
        self._clauses += encode(lits=literals, bound=bound, vpool=self._pool,
                                encoding=EncType.seqcounter).clauses

    def _add_meetings(self, problem: Problem, capacities: list[SlotCapacity]) -> bool:
        """Every meeting in one allowed slot; tables, seats and people hold. False: impossible."""
        candidates, slot_count = self._candidates, self._slot_count
        fixed = Fixed.of(self.locked, candidates, slot_count)
        self._slots: dict[int, list[int]] = {}
        literals_at: dict[tuple[str, int], list[int]] = defaultdict(list)
        for c in self._free:
            cand = candidates[c]
            slots = [s for s in cand.slots
                     if (cand.a, s) not in fixed.busy and (cand.b, s) not in fixed.busy
                     and (cand.table is None or (cand.table, s) not in fixed.tables)]
            if not slots:
                return False
            self._slots[c] = slots
            self._clauses.append([self._x(c, s) for s in slots])
            self._card([self._x(c, s) for s in slots], 1)
            for s in slots:
                literals_at[(cand.a, s)].append(self._x(c, s))
                literals_at[(cand.b, s)].append(self._x(c, s))
        for literals in literals_at.values():
            self._card(literals, 1)
        thresholds = size_thresholds(candidates)
        at_table: dict[tuple[int, int], list[int]] = defaultdict(list)
        free_table_slots: set[int] = set()
        for c, slots in self._slots.items():
            cand = candidates[c]
            for s in slots:
                if cand.table is not None:
                    at_table[(cand.table, s)].append(self._x(c, s))
                else:
                    free_table_slots.add(s)
        for literals in at_table.values():
            self._card(literals, 1)
        groups = groups_sharing_a_person(candidates, list(self._slots))
        for s in sorted(free_table_slots):
            for k in thresholds:
                room = capacities[s].at_least(k) - sum(
                    n for size, n in fixed.sizes[s].items() if size >= k)
                if room < 0:
                    return False
                self._card(self._groups_in_use(groups, s, k), room)
        self._literals_at = literals_at
        self._fixed_busy = fixed.busy
        self._tables_open = [sum(1 for t in problem.tables if t.is_available(s))
                             for s in range(slot_count)]
        return True

    def _groups_in_use(self, groups: list[list[int]], slot: int, size: int) -> list[int]:
        """One literal per group with a meeting of at least `size` seats in `slot`:
        true whenever one of them takes place there."""
        in_use = []
        for g, group in enumerate(groups):
            meetings = [self._x(c, slot) for c in group
                        if self._candidates[c].size >= size and slot in self._slots[c]]
            if len(meetings) == 1:
                in_use.append(meetings[0])
            elif meetings:
                used = int(self._pool.id(("group", g, slot, size)))
                self._clauses += [[-x, used] for x in meetings]
                in_use.append(used)
        return in_use

    def _busy_people(self) -> list[str]:
        """Link each attendee's busy flags to their meetings; add the two implied rules."""
        count: dict[str, int] = defaultdict(int)
        for c in self._free + [c for c, _ in self.locked]:
            count[self._candidates[c].a] += 1
            count[self._candidates[c].b] += 1
        if not self.possible:
            return []
        for person, n in count.items():
            row = []
            for s in range(self._slot_count):
                y = self._y(person, s)
                row.append(y)
                if (person, s) in self._fixed_busy:
                    self._clauses.append([y])
                    continue
                literals = self._literals_at.get((person, s), [])
                self._clauses.append([-y, *literals])
                self._clauses += [[-x, y] for x in literals]
            self._card(row, n, equal=True)
        self._count = count
        for s in range(self._slot_count):
            self._card([self._y(p, s) for p in count], 2 * self._tables_open[s])
        return [person for person, n in count.items() if n > 1]

    def _add_breaks(self, person: str, most: int) -> list[int]:
        """Flags of the person's first `most` breaks; more than `most` breaks is ruled out.

        A run of busy slots starts wherever the person is busy and was not
        busy just before; breaks are runs less one. Only "at least" is
        encoded: every flag that must be true is, which is all a budget needs.
        """
        starts = []
        for s in range(self._slot_count):
            start = self._pool.id(("run", person, s))
            before = [self._y(person, s - 1)] if s else []
            self._clauses.append([-self._y(person, s), start, *before])
            starts.append(start)
        runs = ITotalizer(lits=starts, ubound=most + 1, top_id=self._pool.top)
        self._pool.top = max(self._pool.top, runs.top_id)
        self._clauses += runs.cnf.clauses
        if most + 1 < len(runs.rhs):
            self._clauses.append([-runs.rhs[most + 1]])
        return [int(flag) for flag in runs.rhs[1:most + 1]]

    def _add_idle_slots(self, person: str) -> list[int]:
        """Flags of the person's idle slots: free, but busy before and after.

        As with breaks, only "at least" is encoded: a slot that is idle has its
        flag set.
        """
        slot_count = self._slot_count
        before = [int(self._pool.id(("busy_before", person, s))) for s in range(slot_count)]
        after = [int(self._pool.id(("busy_after", person, s))) for s in range(slot_count)]
        flags = []
        for s in range(1, slot_count):
            self._clauses.append([-self._y(person, s - 1), before[s]])
            self._clauses.append([-before[s - 1], before[s]])
        for s in range(slot_count - 1):
            self._clauses.append([-self._y(person, s + 1), after[s]])
            self._clauses.append([-after[s + 1], after[s]])
        for s in range(1, slot_count - 1):
            idle = int(self._pool.id(("idle", person, s)))
            self._clauses.append([self._y(person, s), -before[s], -after[s], idle])
            flags.append(idle)
        return flags

    def _add_one_run(self, person: str) -> _OneRun:
        """Unless the person may break, their busy slots are one run: from one of the
        starts on, as many slots as they have meetings."""
        count, slot_count = self._count[person], self._slot_count
        may_break = int(self._pool.id(("apart", person)))
        starts = [int(self._pool.id(("one_run", person, a)))
                  for a in range(slot_count - count + 1)]
        for a, start in enumerate(starts):
            for s in range(slot_count):
                inside = a <= s < a + count
                self._clauses.append([-start, may_break,
                                      self._y(person, s) if inside else -self._y(person, s)])
        self._clauses.append([may_break, *starts])
        self._card(starts, 1)
        for s in range(slot_count):
            covering = [start for a, start in enumerate(starts) if a <= s < a + count]
            self._clauses.append([-self._y(person, s), may_break, *covering])
        return _OneRun(starts, may_break)

    def _add_run_supports(self, runs: dict[str, _OneRun]) -> None:
        """Where a person's one run starts, each partner's run must meet it in a slot
        their meeting may take (or one of them has a break).

        Implied by the rest, but stated directly it lets the SAT solver reason about
        runs instead of slots: on the research benchmark's instances without breaks it
        answers two to three times as fast.
        """
        if not runs:
            return
        count, candidates = self._count, self._candidates
        for c in self._free:
            cand = candidates[c]
            allowed = set(self._slots[c])
            for person, partner in ((cand.a, cand.b), (cand.b, cand.a)):
                if person not in runs:
                    continue  # the person's meetings may fall anywhere they can
                other = runs.get(partner)
                apart = [runs[person].may_break] + ([other.may_break] if other else [])
                for a, start in enumerate(runs[person].starts):
                    mine = allowed.intersection(range(a, a + count[person]))
                    if other is None and mine:
                        continue  # the partner's slots are not runs: any allowed slot
                    meeting = [] if other is None else [
                        their for b, their in enumerate(other.starts)
                        if mine.intersection(range(b, b + count[partner]))]
                    self._clauses.append([-start, *apart, *meeting])

    def _read_plan(self) -> Plan:
        model = self._solver.get_model()
        true = {lit for lit in model if lit > 0}
        return [(c, next(s for s in slots if self._x(c, s) in true))
                for c, slots in self._slots.items()]
