"""Property: every schedule the engine returns obeys every hard rule.

Random small events, checked by `schedule_rules.violations`, which does not
use the solver's model; the value is recomputed independently too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from solver import (
    Attendee,
    CancelToken,
    Exclusion,
    LockedMeeting,
    Meeting,
    Problem,
    Request,
    Slot,
    SolveOptions,
    Table,
    solve,
)
from solver.options import Compactness
from tests.solver.conftest import make_problem
from tests.solver.schedule_rules import break_counts, value_of, violations


@st.composite
def small_events(draw: st.DrawFn) -> Problem:
    slot_count = draw(st.integers(1, 5))
    table_count = draw(st.integers(1, 4))
    people = [f"P{i}" for i in range(draw(st.integers(2, 9)))]
    slot_sets = st.frozensets(st.integers(0, slot_count - 1))
    tables = []
    for t in range(table_count):
        owner = draw(st.one_of(st.none(), st.sampled_from(people))) if t > 0 else None
        tables.append(Table(str(t + 1), draw(st.integers(2, 4)), owner,
                            draw(st.one_of(st.none(), slot_sets))))
    attendees = []
    for person in people:
        available = draw(st.one_of(st.none(), slot_sets))
        cap = draw(st.one_of(st.none(), st.integers(0, 3)))
        party = draw(st.sampled_from([1, 1, 1, 2]))
        fixed = draw(st.one_of(st.none(), st.none(), st.integers(0, table_count - 1)))
        attendees.append(Attendee(person, available, cap, party, fixed))
    person = st.sampled_from(people)
    requests = draw(st.lists(
        st.tuples(person, person, st.integers(1, 3), st.one_of(st.none(), slot_sets)),
        max_size=20))
    exclusions = draw(st.lists(st.tuples(person, person), max_size=3))
    problem = Problem(
        slots=tuple(Slot(540 + 20 * i, 560 + 20 * i) for i in range(slot_count)),
        tables=tuple(tables),
        attendees=tuple(attendees),
        requests=tuple(Request(a, b, p, w) for a, b, p, w in requests if a != b),
        exclusions=tuple(Exclusion(a, b) for a, b in exclusions if a != b),
        frozen_slots=draw(st.frozensets(st.integers(0, slot_count - 1), max_size=1)),
    )
    # One locked meeting when it is valid on its own.
    a, b = draw(person), draw(person)
    lock = LockedMeeting(draw(st.integers(0, slot_count - 1)),
                         draw(st.integers(0, table_count - 1)), a, b)
    with_lock = replace(problem, locked=(lock,))
    return with_lock if draw(st.booleans()) and not with_lock.validate() else problem


@st.composite
def events_with_forced_breaks(draw: st.DrawFn, most_people: int = 6,
                              most_pairs: int = 8) -> Problem:
    """Few tables and patchy availability, so that breaks are often forced ("no" answers)."""
    slot_count = draw(st.integers(3, 5))
    people = "ABCDEF"[:draw(st.integers(3, most_people))]
    gapped = [frozenset({0, 2}), frozenset({0, 2, 3}), frozenset({1, 3}), frozenset({0, 3, 4})]
    available = st.one_of(st.none(), st.sampled_from(gapped),
                          st.frozensets(st.integers(0, slot_count - 1), min_size=1))
    attendees = tuple(Attendee(p, draw(available)) for p in people)
    pairs = draw(st.lists(st.tuples(st.sampled_from(people), st.sampled_from(people)),
                          min_size=2, max_size=most_pairs))
    return make_problem(people, [(a, b, 3) for a, b in pairs if a != b], slots=slot_count,
                        tables=draw(st.integers(1, 2)), attendees=attendees)


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


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_events(), st.floats(0.0, 0.3))
def test_cancelled_or_cut_short_solves_still_return_valid_schedules(
        problem: Problem, seconds: float) -> None:
    token = CancelToken()
    if seconds < 0.05:
        token.cancel()
    result = solve(problem, SolveOptions(time_limit_seconds=seconds, workers=1), cancel=token)
    assert violations(problem, result.meetings) == []


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_events())
def test_break_spread_rule_holds_when_asked_for(problem: Problem) -> None:
    options = SolveOptions(time_limit_seconds=5, workers=1, compactness=Compactness.BREAKS,
                           max_break_spread=1)
    result = solve(problem, options)
    assert violations(problem, result.meetings) == []
    assert spread(problem, result.meetings) <= 1 or spread(problem, [
        m for m in result.meetings if m.locked]) > 1  # only the organizer's locks can break it


def spread(problem: Problem, meetings: Sequence[Meeting]) -> int:
    breaks = break_counts(meetings)
    everyone = [breaks.get(a.id, 0) for a in problem.attendees]
    return max(everyone) - min(everyone)
