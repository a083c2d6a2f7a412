"""Property: every schedule the engine returns obeys every hard rule.

Random small events, checked by `schedule_rules.violations`, which does not
use the solver's model; the value is recomputed independently too.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from solver import (
    Attendee,
    Exclusion,
    LockedMeeting,
    Problem,
    Request,
    Slot,
    SolveOptions,
    Table,
    solve,
)
from tests.solver.schedule_rules import value_of, violations


@st.composite
def small_events(draw: st.DrawFn) -> Problem:
    slot_count = draw(st.integers(1, 5))
    table_count = draw(st.integers(1, 4))
    people = [f"P{i}" for i in range(draw(st.integers(2, 9)))]
    attendees = []
    for person in people:
        available = draw(st.one_of(st.none(), st.frozensets(st.integers(0, slot_count - 1))))
        cap = draw(st.one_of(st.none(), st.integers(0, 3)))
        attendees.append(Attendee(person, available, cap))
    person = st.sampled_from(people)
    requests = draw(st.lists(st.tuples(person, person, st.integers(1, 3)), max_size=20))
    exclusions = draw(st.lists(st.tuples(person, person), max_size=3))
    problem = Problem(
        slots=tuple(Slot(540 + 20 * i, 560 + 20 * i) for i in range(slot_count)),
        tables=tuple(Table(str(t + 1)) for t in range(table_count)),
        attendees=tuple(attendees),
        requests=tuple(Request(a, b, p) for a, b, p in requests if a != b),
        exclusions=tuple(Exclusion(a, b) for a, b in exclusions if a != b),
    )
    # One locked meeting when it is valid on its own.
    a, b = draw(person), draw(person)
    lock = LockedMeeting(draw(st.integers(0, slot_count - 1)),
                         draw(st.integers(0, table_count - 1)), a, b)
    with_lock = Problem(problem.slots, problem.tables, problem.attendees, problem.requests,
                        problem.exclusions, (lock,))
    return with_lock if draw(st.booleans()) and not with_lock.validate() else problem


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_events())
def test_every_schedule_obeys_every_hard_rule(problem: Problem) -> None:
    result = solve(problem, SolveOptions(time_limit_seconds=5, workers=1, random_seed=3))
    assert violations(problem, result.meetings) == []
    assert result.value == value_of(problem, result.meetings)
    assert result.value <= result.bound


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_events())
def test_a_tiny_time_limit_still_gives_a_valid_schedule(problem: Problem) -> None:
    result = solve(problem, SolveOptions(time_limit_seconds=0.001, workers=1))
    assert violations(problem, result.meetings) == []
