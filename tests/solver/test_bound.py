"""The LP bounds: tight where booths and seats limit the event, never below a real schedule."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from solver import Attendee, Problem, SolveOptions, Table, solve
from solver.bound import LevelBounds
from solver.candidates import candidate_pairs
from solver.figures import figures_of
from solver.plan import Plan
from tests.solver.conftest import make_problem
from tests.solver.test_properties import small_events


def _bounds(problem: Problem) -> LevelBounds:
    return LevelBounds(problem, candidate_pairs(problem, SolveOptions().priority_weights), 2)


def test_a_booth_open_one_slot_bounds_its_owner_to_one_meeting() -> None:
    # A is free all day, but meets only at A's booth, which is open in slot 0 only.
    tables = (Table("Booth A", owner="A", available_slots=frozenset({0})), Table("1"),
              Table("2"))
    problem = make_problem("ABCD", [("B", "A", 1), ("C", "A", 1), ("D", "A", 1)], slots=3,
                           tables=3)
    problem = Problem(problem.slots, tables, problem.attendees, problem.requests)

    assert _bounds(problem).value() == 1


def test_delegations_share_the_few_tables_big_enough_for_them() -> None:
    # One slot; one table of four seats and three of two. X, Y and Z come as
    # two people each, so only one of their meetings fits.
    attendees = tuple(Attendee(p, party_size=2 if p in "XYZ" else 1) for p in "ABCXYZ")
    problem = make_problem("ABCXYZ", [("X", "A", 1), ("Y", "B", 1), ("Z", "C", 1)], slots=1,
                           tables=3, attendees=attendees)
    tables = (Table("1", seats=4), Table("2"), Table("3"), Table("4"))
    problem = Problem(problem.slots, tables, problem.attendees, problem.requests)

    assert _bounds(problem).value() == 1


def test_must_meets_confined_to_the_morning_share_its_slots() -> None:
    # P is free all four slots, but B, C and D are there in the morning only (slots 0-1):
    # two of P's three must-meets fit. By P's four slots alone the LP would fit all three.
    attendees = (Attendee("P"), *(Attendee(p, frozenset({0, 1})) for p in "BCD"))
    problem = make_problem("PBCD", [(p, "P", 3) for p in "BCD"], slots=4, tables=3,
                           attendees=attendees)

    assert _bounds(problem).must() == 2
    result = solve(problem, SolveOptions(time_limit_seconds=5, workers=1))
    must = result.level("must-meets")
    assert (must.reached, must.bound) == (2, 2)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_events())
def test_no_schedule_beats_the_bounds(problem: Problem) -> None:
    options = SolveOptions(time_limit_seconds=2, workers=1)
    candidates = candidate_pairs(problem, options.priority_weights)
    result = solve(problem, options)
    index = {(c.a, c.b): i for i, c in enumerate(candidates)}
    plan: Plan = [(index[(min(m.a, m.b), max(m.a, m.b))], m.slot) for m in result.meetings]
    reached = figures_of(problem, candidates, plan, 2)
    bounds = LevelBounds(problem, candidates, 2)

    assert bounds.must() >= reached.must_met
    assert bounds.coverage(reached.must_met) >= reached.coverage
    assert bounds.value(reached.must_met, reached.coverage) >= reached.value
    assert bounds.with_a_meeting(reached.must_met, reached.coverage) >= reached.with_a_meeting
    assert bounds.value(reached.must_met, reached.coverage,
                        reached.with_a_meeting) >= reached.value


def test_giving_everyone_a_meeting_lowers_the_value_bound() -> None:
    # Two meetings fit. A-B and A-C are worth 4 and reach coverage 4, but leave Z out;
    # with both who asked (A and Z) met, the LP must take A-B and Z-C: 3.
    problem = make_problem("ABCZ", [("A", "B", 2), ("A", "C", 2), ("Z", "C", 1)],
                           slots=2, tables=1)
    bounds = _bounds(problem)

    assert bounds.value(0, 4) == 4
    assert bounds.with_a_meeting(0, 4) == 2
    assert bounds.value(0, 4, 1) == 4
    assert bounds.value(0, 4, 2) == 3
