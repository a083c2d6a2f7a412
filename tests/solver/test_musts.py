"""The most must-meets that fit, found and proven by the meeting rules alone (`solver.musts`)."""

from __future__ import annotations

from itertools import combinations

from solver import SolveOptions, solve
from solver.bench.jair import read_dzn
from solver.bench.jair_bench import jair_options
from tests.solver.conftest import make_problem
from tests.solver.schedule_rules import violations
from tests.solver.test_research_benchmark import JAIR, needs_jair


def test_the_most_must_meets_are_proven_where_the_lp_bound_is_loose() -> None:
    # Five people who must all meet each other, two slots: a slot holds two meetings
    # (five people, one left over), so 4 of the 10 must-meets fit. The LP, which may
    # split a person between meetings, says 5.
    problem = make_problem("ABCDE", [(a, b, 3) for a, b in combinations("ABCDE", 2)],
                           slots=2, tables=5)
    result = solve(problem, SolveOptions(time_limit_seconds=10, workers=1))
    must = result.level("must-meets")
    assert (must.reached, must.bound) == (4, 4)
    assert must.bound_source == "CP-SAT bound"
    assert violations(problem, result.meetings) == []


@needs_jair
def test_a_research_instance_where_not_every_meeting_fits_gets_the_most() -> None:
    # tic-14crafd.forb0003: 236 meetings, at most 235 fit (JAIR: no schedule meets all).
    # Through the full model alone, 222 to 227 were met within 10 s.
    problem = read_dzn(JAIR / "tic-14crafd.forb0003.dzn")
    result = solve(problem, jair_options(10, 2))
    must = result.level("must-meets")
    assert (must.reached, must.bound) == (235, 235)
    assert violations(problem, result.meetings) == []
