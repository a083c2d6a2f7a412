"""The bench's floor on requesters no schedule can give a meeting."""

from __future__ import annotations

from solver import Attendee, SolveOptions
from solver.bench.generated import SHAPES, generated_event
from solver.bench.zero_bound import unavoidable_at_coverage, unavoidable_zero_requesters
from solver.bound import LevelBounds
from solver.candidates import candidate_pairs
from tests.solver.conftest import make_problem

WEIGHTS = SolveOptions().priority_weights


def test_requesters_of_one_busy_person_beyond_their_meetings_are_unavoidable() -> None:
    # A, B and C asked only for P, who meets twice: one of them is left out.
    attendees = (Attendee("P", max_meetings=2), *(Attendee(p) for p in "ABC"))
    problem = make_problem("", [("A", "P", 1), ("B", "P", 1), ("C", "P", 1)], slots=4,
                           attendees=attendees)
    candidates = candidate_pairs(problem, WEIGHTS)

    assert unavoidable_zero_requesters(problem, candidates, 0) == 1


def test_a_must_meet_reached_first_can_leave_a_requester_out() -> None:
    # P meets once. A asked only for P; D asked P (must) and E. Without the must-meet,
    # A meets P and D meets E; with it held, P's one meeting is D's and A is out.
    attendees = (Attendee("P", max_meetings=1), *(Attendee(p) for p in "ADE"))
    problem = make_problem("", [("A", "P", 1), ("D", "P", 3), ("D", "E", 1)], slots=4,
                           attendees=attendees)
    candidates = candidate_pairs(problem, WEIGHTS)

    assert unavoidable_zero_requesters(problem, candidates, 0) == 0
    assert unavoidable_zero_requesters(problem, candidates, 1) == 1


def test_the_most_coverage_can_leave_out_a_requester_who_could_otherwise_meet() -> None:
    # generated-500: coverage comes first, and at its most (598, the LP's bound) one
    # requester more is left without a meeting than the floor without coverage says.
    problem = generated_event(SHAPES[0])
    candidates = candidate_pairs(problem, WEIGHTS)
    lp = LevelBounds(problem, candidates, 2)
    must = lp.must()
    most_coverage = lp.coverage(must)

    without_coverage = unavoidable_zero_requesters(problem, candidates, must)
    assert unavoidable_at_coverage(problem, lp, must, 0) == without_coverage
    assert unavoidable_at_coverage(problem, lp, must, most_coverage) == without_coverage + 1
