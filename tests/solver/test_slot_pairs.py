"""Chain exchanges between pairs of slots: fewer gaps, the same meetings, every rule kept."""

from __future__ import annotations

import random
import time

from solver import Attendee, LockedMeeting, SolveOptions
from solver.cancel import CancelToken
from solver.candidates import Candidate, candidate_pairs
from solver.capacity import slot_capacities
from solver.compaction import (
    anneal_slot_pairs,
    compact_by_moves,
    exchange_slot_pairs,
)
from solver.figures import figures_of
from solver.greedy import value_sorted
from solver.options import Compactness
from solver.plan import Plan, assign_tables
from solver.problem import Problem
from tests.solver.conftest import make_problem
from tests.solver.schedule_rules import violations

WEIGHTS = SolveOptions().priority_weights


def _plan(candidates: list[Candidate], *meetings: tuple[str, str, int]) -> Plan:
    index = {(c.a, c.b): i for i, c in enumerate(candidates)}
    return [(index[(a, b)], slot) for a, b, slot in meetings]


def _idle(problem: Problem, candidates: list[Candidate], plan: Plan) -> int:
    return figures_of(problem, candidates, plan, 2).idle_slots


def _exchanged(problem: Problem, candidates: list[Candidate], plan: Plan,
               measure: Compactness = Compactness.IDLE_SLOTS) -> Plan:
    return exchange_slot_pairs(candidates, plan, slot_capacities(problem), measure,
                               time.monotonic() + 5)


def test_two_chains_trade_slots_where_every_table_is_taken() -> None:
    # One table: A meets B at 0 and C at 2, D meets E at 1. A–C alone cannot move
    # to slot 1 (its table is taken) and D–E alone cannot move to 2; together they can.
    # (Single chain moves, the step this one replaced, found nothing here.)
    problem = make_problem("ABCDE", [("A", "B", 1), ("A", "C", 1), ("D", "E", 1)],
                           slots=3, tables=1)
    candidates = candidate_pairs(problem, WEIGHTS)
    plan = _plan(candidates, ("A", "B", 0), ("D", "E", 1), ("A", "C", 2))
    assert _idle(problem, candidates, plan) == 1
    assert _idle(problem, candidates,
                 compact_by_moves(problem, candidates, plan, time.monotonic() + 5)) == 1

    exchanged = _exchanged(problem, candidates, plan)

    assert _idle(problem, candidates, exchanged) == 0
    assert sorted(c for c, _ in exchanged) == sorted(c for c, _ in plan)
    assert violations(problem, assign_tables(problem, candidates, exchanged)) == []


def test_a_fixed_table_moves_its_meetings_together() -> None:
    # A has a fixed table and meets B at 0, C at 2: a hole at 1. D meets E at A's
    # table at 1 (D's own table). Moving A–C to 1 must move D–E to 2, at the same table.
    attendees = (Attendee("A", fixed_table=0), Attendee("B"), Attendee("C"),
                 Attendee("D", fixed_table=0), Attendee("E"))
    problem = make_problem("ABCDE", [("A", "B", 1), ("A", "C", 1), ("D", "E", 1)],
                           slots=3, tables=2, attendees=attendees)
    candidates = candidate_pairs(problem, WEIGHTS)
    plan = _plan(candidates, ("A", "B", 0), ("D", "E", 1), ("A", "C", 2))

    exchanged = _exchanged(problem, candidates, plan)

    assert _idle(problem, candidates, exchanged) == 0
    assert violations(problem, assign_tables(problem, candidates, exchanged)) == []


def test_a_locked_meeting_holds_its_chain() -> None:
    # As in the first test, but D–E is locked at slot 1: the only fix would move it.
    problem = make_problem("ABCDE", [("A", "B", 1), ("A", "C", 1)], slots=3, tables=1,
                           locked=(LockedMeeting(1, 0, "D", "E"),))
    candidates = candidate_pairs(problem, WEIGHTS)
    plan = _plan(candidates, ("A", "B", 0), ("D", "E", 1), ("A", "C", 2))

    assert sorted(_exchanged(problem, candidates, plan)) == sorted(plan)


def test_breaks_count_runs_not_slots() -> None:
    # One table. A meets at 0, 2 and 4: two breaks. Under the breaks measure,
    # trading A–D (4) with the meeting at 1 leaves one break.
    problem = make_problem("ABCDEFG", [("A", "B", 1), ("A", "C", 1), ("A", "D", 1),
                                       ("E", "F", 1), ("F", "G", 1)], slots=5, tables=1)
    candidates = candidate_pairs(problem, WEIGHTS)
    plan = _plan(candidates, ("A", "B", 0), ("E", "F", 1), ("A", "C", 2), ("F", "G", 3),
                 ("A", "D", 4))
    assert figures_of(problem, candidates, plan, 2).breaks == 3

    exchanged = _exchanged(problem, candidates, plan, Compactness.BREAKS)

    assert figures_of(problem, candidates, exchanged, 2).breaks < 3
    assert violations(problem, assign_tables(problem, candidates, exchanged)) == []


def test_annealing_keeps_the_meetings_and_returns_the_best_timing_seen() -> None:
    rng = random.Random(5)
    people = [f"P{i:02}" for i in range(40)]
    pairs = {tuple(sorted(rng.sample(people, 2))) for _ in range(120)}
    problem = make_problem(people, [(a, b, 1) for a, b in sorted(pairs)], slots=10, tables=8)
    candidates = candidate_pairs(problem, WEIGHTS)
    plan = value_sorted(problem, candidates)  # earliest slots: many gaps
    before = _idle(problem, candidates, plan)

    annealed = anneal_slot_pairs(candidates, plan, slot_capacities(problem),
                                 Compactness.IDLE_SLOTS, time.monotonic() + 1.5,
                                 random.Random(1))

    assert sorted(c for c, _ in annealed) == sorted(c for c, _ in plan)
    assert violations(problem, assign_tables(problem, candidates, annealed)) == []
    assert _idle(problem, candidates, annealed) < before


def test_a_cancelled_annealing_returns_at_once_with_the_timing_it_was_given() -> None:
    problem = make_problem("ABCDE", [("A", "B", 1), ("A", "C", 1), ("D", "E", 1)],
                           slots=3, tables=1)
    candidates = candidate_pairs(problem, WEIGHTS)
    plan = _plan(candidates, ("A", "B", 0), ("D", "E", 1), ("A", "C", 2))
    token = CancelToken()
    token.cancel()
    started = time.monotonic()

    annealed = anneal_slot_pairs(candidates, plan, slot_capacities(problem),
                                 Compactness.IDLE_SLOTS, started + 60, random.Random(1),
                                 cancel=token)

    assert annealed == plan
    assert time.monotonic() - started < 5  # not the 60 s it was given
