"""Compaction and value swaps: every hard rule kept, must-meets and coverage never lower."""

from __future__ import annotations

import random
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from solver import Attendee, LockedMeeting, Problem, SolveOptions
from solver.cancel import CancelToken
from solver.candidates import Candidate, candidate_pairs
from solver.capacity import slot_capacities
from solver.compaction import (
    add_meetings_without_gaps,
    anneal_slot_pairs,
    compact_by_exchanges,
    compact_by_moves,
    drop_outlying_meetings,
    exchange_slot_pairs,
    retime_by_sweep,
)
from solver.compaction.exact import retime_exactly
from solver.figures import Figures, figures_of, requesters_and_requested
from solver.greedy import first_come_first_served, value_sorted
from solver.options import Compactness
from solver.plan import Plan, assign_tables
from solver.swaps import cover_by_swaps, improve_value_by_swaps
from tests.solver.conftest import four_cycle, make_problem
from tests.solver.schedule_rules import violations
from tests.solver.test_properties import small_events

WEIGHTS = {1: 1, 2: 2, 3: 5}


def _plan(candidates: list[Candidate], *meetings: tuple[str, str, int]) -> Plan:
    index = {(c.a, c.b): i for i, c in enumerate(candidates)}
    return [(index[(a, b)], slot) for a, b, slot in meetings]


def _figures(problem: Problem, candidates: list[Candidate], plan: Plan) -> Figures:
    return figures_of(problem, candidates, plan, 2)


def test_a_kempe_chain_closes_a_gap_no_single_move_can() -> None:
    problem = make_problem("ABCDE", [("A", "B", 2), ("A", "C", 2), ("C", "D", 2),
                                     ("B", "E", 2)], slots=4, tables=2)
    candidates = candidate_pairs(problem, WEIGHTS)
    # A meets B at 0 and C at 2; C's meeting with D at 1 is in the way of A–C at 1.
    plan = _plan(candidates, ("A", "B", 0), ("B", "E", 1), ("C", "D", 1), ("A", "C", 2))
    assert _figures(problem, candidates, plan).idle_slots == 1

    moved = compact_by_moves(problem, candidates, plan, time.monotonic() + 5)
    chained = exchange_slot_pairs(candidates, plan, slot_capacities(problem),
                                  Compactness.IDLE_SLOTS, time.monotonic() + 5)

    assert _figures(problem, candidates, moved).idle_slots == 1
    assert _figures(problem, candidates, chained).idle_slots == 0
    assert sorted(c for c, _ in chained) == sorted(c for c, _ in plan)
    assert violations(problem, assign_tables(problem, candidates, chained)) == []


def test_a_hole_is_filled_with_an_unscheduled_request() -> None:
    problem = make_problem("ABCD", [("A", "B", 1), ("A", "C", 1), ("A", "D", 1)],
                           slots=3, tables=1)
    candidates = candidate_pairs(problem, WEIGHTS)
    # With one table per slot, A–D can only go in A's hole at slot 1.
    plan = _plan(candidates, ("A", "B", 0), ("A", "C", 2))
    filled = compact_by_exchanges(problem, candidates, plan, time.monotonic() + 5,
                                  min_meetings=2, value_floor=2)
    assert sorted(filled) == sorted(plan + _plan(candidates, ("A", "D", 1)))
    assert _figures(problem, candidates, filled).idle_slots == 0


def test_a_full_slot_gives_up_a_meeting_nobody_needs_within_the_value_floor() -> None:
    # One table. A: meetings at 0 and 2, hole at 1 where E–F meet; E and F have
    # three meetings each, so losing E–F keeps both at min_meetings; but E–F is
    # worth 2 and A–D only 1, so the trade needs one point of value to spare.
    people = "ABCDEFGHIJ"
    requests = [("A", "B", 1), ("A", "C", 1), ("A", "D", 1), ("E", "F", 2),
                ("E", "G", 1), ("E", "H", 1), ("F", "I", 1), ("F", "J", 1)]
    problem = make_problem(people, requests, slots=7, tables=1)
    candidates = candidate_pairs(problem, WEIGHTS)
    plan = _plan(candidates, ("A", "B", 0), ("E", "F", 1), ("A", "C", 2), ("E", "G", 3),
                 ("E", "H", 4), ("F", "I", 5), ("F", "J", 6))
    before = _figures(problem, candidates, plan)

    strict = compact_by_exchanges(problem, candidates, plan, time.monotonic() + 5, 2,
                                  value_floor=before.value)
    traded = compact_by_exchanges(problem, candidates, plan, time.monotonic() + 5, 2,
                                  value_floor=before.value - 1)

    assert _figures(problem, candidates, strict) == before
    after = _figures(problem, candidates, traded)
    assert after.idle_slots < before.idle_slots
    assert after.value >= before.value - 1
    assert after.coverage >= before.coverage  # D now meets A
    assert violations(problem, assign_tables(problem, candidates, traded)) == []


def test_a_must_meet_is_never_given_up_for_a_hole() -> None:
    people = "ABCDEFGHIJ"
    requests = [("A", "B", 1), ("A", "C", 1), ("A", "D", 1), ("E", "F", 3),
                ("E", "G", 1), ("E", "H", 1), ("F", "I", 1), ("F", "J", 1)]
    problem = make_problem(people, requests, slots=7, tables=1)
    candidates = candidate_pairs(problem, WEIGHTS)
    plan = _plan(candidates, ("A", "B", 0), ("E", "F", 1), ("A", "C", 2), ("E", "G", 3),
                 ("E", "H", 4), ("F", "I", 5), ("F", "J", 6))
    traded = compact_by_exchanges(problem, candidates, plan, time.monotonic() + 5, 2,
                                  value_floor=0)
    assert _figures(problem, candidates, traded).must_met == 1


def test_the_sweep_puts_each_persons_meetings_back_to_back() -> None:
    # A hub meets five people; value-sorted earliest-slot scheduling spreads them.
    requests = [("H", p, 1) for p in "ABCDE"] + [("A", "B", 1), ("C", "D", 1)]
    problem = make_problem("HABCDE", requests, slots=8, tables=2)
    candidates = candidate_pairs(problem, WEIGHTS)
    spread = [(c, 7 - slot) for c, slot in value_sorted(problem, candidates)]
    retimed = retime_by_sweep(problem, candidates, spread, 2)
    assert sorted(c for c, _ in retimed) == sorted(c for c, _ in spread)
    assert (_figures(problem, candidates, retimed).idle_slots
            < _figures(problem, candidates, spread).idle_slots)
    assert violations(problem, assign_tables(problem, candidates, retimed)) == []


def test_a_must_meet_takes_the_place_of_a_cheaper_meeting() -> None:
    problem = make_problem("ABCD", [("A", "B", 1), ("C", "D", 3)], slots=1, tables=1)
    candidates = candidate_pairs(problem, WEIGHTS)
    swapped = improve_value_by_swaps(problem, candidates, _plan(candidates, ("A", "B", 0)), 2,
                                     time.monotonic() + 5)
    assert swapped == _plan(candidates, ("C", "D", 0))


def test_a_swap_never_costs_anyone_their_second_meeting() -> None:
    # A–B (worth 1) is the only meeting of A and B; C–D (worth 2) may not take its place.
    problem = make_problem("ABCD", [("A", "B", 1), ("C", "D", 2)], slots=1, tables=1)
    candidates = candidate_pairs(problem, WEIGHTS)
    plan = _plan(candidates, ("A", "B", 0))
    assert improve_value_by_swaps(problem, candidates, plan, 2, time.monotonic() + 5) == plan


def _retime(problem: Problem, plan: Plan, options: SolveOptions | None = None):  # type: ignore[no-untyped-def]
    options = options or SolveOptions(workers=1)
    candidates = candidate_pairs(problem, options.priority_weights)
    return candidates, retime_exactly(problem, candidates, [c for c, _ in plan], options,
                                      slot_capacities(problem), time.monotonic() + 10,
                                      CancelToken(), hint=plan)


def test_windows_put_everyone_back_to_back_and_prove_it() -> None:
    # A star with a tail: A waits between meetings, and so does D.
    problem = make_problem("ABCDE", [("A", "B", 1), ("A", "C", 1), ("A", "D", 1),
                                     ("D", "E", 1)], slots=5, tables=2)
    candidates = candidate_pairs(problem, WEIGHTS)
    plan = _plan(candidates, ("A", "B", 0), ("D", "E", 1), ("A", "C", 2), ("A", "D", 4))
    assert _figures(problem, candidates, plan).idle_slots == 4

    candidates, retimed = _retime(problem, plan)

    assert retimed is not None and retimed.proven_optimal
    assert retimed.gaps == 0 == _figures(problem, candidates, retimed.plan).idle_slots
    assert sorted(c for c, _ in retimed.plan) == sorted(c for c, _ in plan)
    assert violations(problem, assign_tables(problem, candidates, retimed.plan)) == []


def test_windows_prove_a_forced_gap_is_the_fewest() -> None:
    # A cannot meet in slot 1, so A's two meetings at 0 and 2 leave one idle slot at best.
    attendees = (Attendee("A", frozenset({0, 2, 3})), Attendee("B"), Attendee("C"))
    problem = make_problem("ABC", [("A", "B", 1), ("A", "C", 1)], slots=4, tables=1,
                           attendees=attendees)
    candidates = candidate_pairs(problem, WEIGHTS)
    plan = _plan(candidates, ("A", "B", 0), ("A", "C", 3))

    for measure, fewest in ((Compactness.IDLE_SLOTS, 0), (Compactness.BREAKS, 0)):
        _, retimed = _retime(problem, plan, SolveOptions(workers=1, compactness=measure))
        assert retimed is not None and retimed.proven_optimal
        assert retimed.gaps == fewest  # slots 2 and 3 are free for A

    squeezed = make_problem("ABC", [("A", "B", 1), ("A", "C", 1)], slots=3, tables=1,
                            attendees=(Attendee("A", frozenset({0, 2})), Attendee("B"),
                                       Attendee("C")))
    candidates = candidate_pairs(squeezed, WEIGHTS)
    _, retimed = _retime(squeezed, _plan(candidates, ("A", "B", 0), ("A", "C", 2)))
    assert retimed is not None and retimed.proven_optimal and retimed.gaps == 1
    assert retimed.fewest_possible == 1


def test_out_of_time_the_retiming_still_proves_each_attendees_own_fewest_gaps() -> None:
    # A is free only in slots 0 and 2: whatever the others do, A waits one slot. C waits
    # too in the hint (C–D could move next to A–C). With no time to ask CP-SAT anything,
    # A's floor is still proven and returned with the hint.
    problem = make_problem("ABCD", [("A", "B", 1), ("A", "C", 1), ("C", "D", 1)], slots=4,
                           tables=2, attendees=(Attendee("A", frozenset({0, 2})),
                                                Attendee("B"), Attendee("C"), Attendee("D")))
    candidates = candidate_pairs(problem, WEIGHTS)
    plan = _plan(candidates, ("A", "B", 0), ("A", "C", 2), ("C", "D", 0))
    retimed = retime_exactly(problem, candidates, [c for c, _ in plan], SolveOptions(workers=1),
                             slot_capacities(problem), time.monotonic(), CancelToken(),
                             hint=plan)
    assert retimed is not None and not retimed.proven_optimal
    assert retimed.plan == plan and retimed.gaps == 2
    assert retimed.fewest_possible == 1


def test_windows_keep_the_break_spread() -> None:
    # A 4-cycle in four single-table slots: someone must wait; with spread 0 everyone
    # would have to, and no order of the four meetings allows that.
    problem = four_cycle(priority=1)
    candidates = candidate_pairs(problem, WEIGHTS)
    plan = _plan(candidates, ("A", "B", 0), ("C", "D", 1), ("A", "C", 2), ("B", "D", 3))
    assert figures_of(problem, candidates, plan, 2).break_spread == 1

    def retimed_with(spread: int):  # type: ignore[no-untyped-def]
        options = SolveOptions(workers=1, compactness=Compactness.BREAKS,
                               max_break_spread=spread)
        return _retime(problem, plan, options)[1]

    unfair = retimed_with(0)  # the hint comes back, not passed off as fair or optimal
    assert unfair is not None and unfair.spread_impossible and not unfair.proven_optimal
    assert unfair.plan == plan
    fair = retimed_with(1)
    assert fair is not None and fair.proven_optimal
    assert fair.gaps == 1 == figures_of(problem, candidates, fair.plan, 2).breaks
    assert violations(problem, assign_tables(problem, candidates, fair.plan)) == []


def test_windows_keep_locked_meetings_and_count_breaks_around_them() -> None:
    # A–B is locked at slot 2; A's other meetings go right before or after it.
    problem = make_problem("ABCD", [("A", "C", 1), ("A", "D", 1)], slots=5, tables=2,
                           locked=(LockedMeeting(2, 0, "A", "B"),))
    candidates = candidate_pairs(problem, WEIGHTS)
    plan = _plan(candidates, ("A", "B", 2), ("A", "C", 0), ("A", "D", 4))
    for measure in Compactness:
        options = SolveOptions(workers=1, compactness=measure, max_break_spread=2)
        _, retimed = _retime(problem, plan, options)
        assert retimed is not None and retimed.proven_optimal and retimed.gaps == 0
        assert ((candidates.index(next(c for c in candidates if c.locked)), 2)
                in retimed.plan)
        assert violations(problem, assign_tables(problem, candidates, retimed.plan)) == []


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_events(), st.integers(0, 6))
def test_every_step_keeps_the_rules_and_the_levels_above(problem: Problem, slack: int) -> None:
    options = SolveOptions()
    candidates = candidate_pairs(problem, options.priority_weights)
    start = first_come_first_served(problem, candidates)
    before = _figures(problem, candidates, start)
    floor = before.value - slack
    deadline = time.monotonic() + 5
    steps = {
        "sweep": retime_by_sweep(problem, candidates, start, 2),
        "exchanges": compact_by_exchanges(problem, candidates, start, deadline, 2, floor),
        "moves": compact_by_moves(problem, candidates, start, deadline),
        "slot pairs": exchange_slot_pairs(candidates, start, slot_capacities(problem),
                                          Compactness.IDLE_SLOTS, deadline),
        "annealed slot pairs": anneal_slot_pairs(candidates, start, slot_capacities(problem),
                                                 Compactness.IDLE_SLOTS,
                                                 time.monotonic() + 0.05, random.Random(slack)),
        "swaps": improve_value_by_swaps(problem, candidates, start, 2, deadline),
        "drops": drop_outlying_meetings(candidates, start, 2, slack,
                                        requesters_and_requested(problem)),
        "cover": cover_by_swaps(problem, candidates, start, 2),
        "compact swaps": improve_value_by_swaps(problem, candidates, start, 2, deadline,
                                                keep_compact=True),
    }
    _, retimed = _retime(problem, start)
    if retimed is not None:
        steps["windows"] = retimed.plan
        assert sorted(c for c, _ in retimed.plan) == sorted(c for c, _ in start)
    for name in ("moves", "slot pairs", "annealed slot pairs"):
        assert sorted(c for c, _ in steps[name]) == sorted(c for c, _ in start), name
    for name, plan in steps.items():
        assert violations(problem, assign_tables(problem, candidates, plan)) == [], name
        after = _figures(problem, candidates, plan)
        if name == "sweep":
            continue  # a re-timing from scratch may seat fewer; solve() keeps the better
        if name == "swaps":
            assert after.value >= before.value
        elif name == "cover":
            assert after.coverage >= before.coverage and after.must_met == before.must_met
            continue  # a first meeting for someone may cost value and idle slots
        else:
            assert after.idle_slots <= before.idle_slots, name
        assert after.must_met >= before.must_met, name
        if after.must_met == before.must_met:  # a must-meet gained may cost coverage (level 1
            assert after.coverage >= before.coverage, name  # comes before level 2)
            assert after.with_a_meeting >= before.with_a_meeting, name
        assert after.value >= min(floor, before.value), name


def test_someone_without_a_meeting_takes_the_place_of_a_meeting_of_someone_with_plenty() -> None:
    # Q may meet twice and meets R1 and R2; Z asked only for Q. R1 has two more
    # meetings, so Q–R1 gives way to Z–Q: Z gets a first meeting, nobody drops below two.
    attendees = (Attendee("Q", max_meetings=2), *(Attendee(p) for p in ["R1", "R2", "A", "B",
                                                                         "Z"]))
    problem = make_problem("", [("Q", "R1", 2), ("Q", "R2", 2), ("R1", "A", 1),
                                ("R1", "B", 1), ("Z", "Q", 1)], slots=4, tables=3,
                           attendees=attendees)
    candidates = candidate_pairs(problem, WEIGHTS)
    plan = _plan(candidates, ("Q", "R1", 0), ("Q", "R2", 1), ("A", "R1", 1), ("B", "R1", 2))
    before = _figures(problem, candidates, plan)

    covered = cover_by_swaps(problem, candidates, plan, 2)

    assert _figures(problem, candidates, covered).coverage == before.coverage + 1
    assert sorted(covered) == sorted(_plan(candidates, ("Q", "Z", 0), ("Q", "R2", 1),
                                           ("A", "R1", 1), ("B", "R1", 2)))
    assert violations(problem, assign_tables(problem, candidates, covered)) == []


def test_a_free_place_next_to_both_peoples_meetings_gets_their_meeting() -> None:
    # A and B both meet someone in slots 0-1; a table is free for them in slot 2 (no gap
    # for either) and in slot 3 (a gap for both): A-B goes to slot 2. C meets E in slot 2
    # and D can only come in slot 0: C-D stays unmet, as it would leave C a gap.
    attendees = (Attendee("A"), Attendee("B"), Attendee("C"), Attendee("D", frozenset({0})),
                 Attendee("E"), Attendee("F"))
    problem = make_problem("", [("A", "E", 2), ("A", "F", 2), ("B", "F", 2), ("B", "E", 2),
                                ("C", "E", 2), ("A", "B", 1), ("C", "D", 1)],
                           slots=4, tables=3, attendees=attendees)
    candidates = candidate_pairs(problem, WEIGHTS)
    plan = _plan(candidates, ("A", "E", 0), ("B", "F", 0), ("A", "F", 1), ("B", "E", 1),
                 ("C", "E", 2))

    added = add_meetings_without_gaps(problem, candidates, plan, Compactness.IDLE_SLOTS)

    assert set(added) - set(plan) == set(_plan(candidates, ("A", "B", 2)))
    before, after = _figures(problem, candidates, plan), _figures(problem, candidates, added)
    assert (after.idle_slots, after.value) == (before.idle_slots, before.value + 1)
    assert violations(problem, assign_tables(problem, candidates, added)) == []
