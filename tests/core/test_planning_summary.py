"""The organizer's summary of a solve names the gaps it counted and what was proven."""

from __future__ import annotations

from nbl_desktop.core.planning import summary_line
from solver import SolveOptions, solve
from solver.options import Compactness
from tests.solver.conftest import four_cycle, make_problem


def test_a_solve_counting_breaks_says_breaks_and_when_their_spread_cannot_hold() -> None:
    # A 4-cycle in four single-table slots: someone waits and someone does not, so a
    # spread of 0 breaks cannot hold; all four pairs meet.
    problem = four_cycle(priority=1)
    options = SolveOptions(time_limit_seconds=5, workers=1, compactness=Compactness.BREAKS,
                           max_break_spread=0, value_tolerance=0.0)
    result = solve(problem, options)
    assert len(result.meetings) == 4 and result.break_spread_impossible

    text = summary_line(result, problem, options.compactness)
    breaks = result.level("compactness").reached
    assert (f"{breaks} break (a run of idle slots) between meetings" if breaks == 1 else
            f"{breaks} breaks (runs of idle slots) between meetings") in text
    assert "keeps the spread of breaks within its limit (proven)" in text


def test_a_solve_counting_idle_slots_says_idle_slots() -> None:
    problem = make_problem("ABC", [("A", "B", 2), ("A", "C", 2)], slots=3, tables=1)
    result = solve(problem, SolveOptions(time_limit_seconds=5, workers=1))
    text = summary_line(result, problem)
    assert "0 idle slots between meetings" in text and "spread" not in text


def test_must_meets_say_of_how_many_asked_and_how_many_were_possible() -> None:
    """One slot, one table: of two must-meets asked, one can be met at most."""
    problem = make_problem("ABC", [("A", "B", 3), ("A", "C", 3)], slots=1, tables=1)
    result = solve(problem, SolveOptions(time_limit_seconds=5, workers=1))
    text = summary_line(result, problem)
    assert "must-meets met: 1 of 2 asked (at most 1 possible)" in text
