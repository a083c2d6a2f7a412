"""The SAT questions "at most B breaks?" and the SAT climber racing CP-SAT in its own process."""

from __future__ import annotations

import multiprocessing
import sys
import time
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from ortools.sat.python import cp_model

import solver.compaction.exact as exact
from solver import Attendee, Problem, SolveOptions, solve
from solver.bench.jair import read_dzn
from solver.bench.jair_bench import jair_options
from solver.bench.samples import load_sample
from solver.cancel import CancelToken
from solver.candidates import candidate_pairs
from solver.capacity import slot_capacities
from solver.compaction import climb_ahead, retime_exactly
from solver.compaction.ladder import Ladder
from solver.compaction.sat_breaks import Answer, BreakBudgetQuestions, groups_sharing_a_person
from solver.compaction.sat_process import SatClimber, warm_up
from solver.compaction.segments import SegmentAnswer
from solver.figures import figures_of
from solver.greedy import fair_compact
from solver.options import Compactness
from solver.plan import assign_tables
from solver.result import StopReason
from tests.conftest import SAMPLES
from tests.solver.conftest import make_problem
from tests.solver.schedule_rules import (
    break_counts,
    fewest_breaks_by_trying_all,
    fewest_idle_slots_by_trying_all,
    idle_slot_counts,
    violations,
)
from tests.solver.test_properties import events_with_forced_breaks, small_events
from tests.solver.test_research_benchmark import JAIR, needs_jair

_BREAKS = SolveOptions(workers=1, compactness=Compactness.BREAKS, max_break_spread=2)


def _questions(problem: Problem, largest_budget: int = 5,
               options: SolveOptions = _BREAKS) -> tuple[list, BreakBudgetQuestions]:  # type: ignore[type-arg]
    candidates = candidate_pairs(problem, options.priority_weights)
    meetings = [c for c, _ in fair_compact(problem, candidates, 2)]
    return candidates, BreakBudgetQuestions(problem, candidates, meetings,
                                            slot_capacities(problem),
                                            options.max_break_spread, largest_budget)


def _ask(questions: BreakBudgetQuestions, budget: int, seconds: float = 10.0):  # type: ignore[no-untyped-def]
    return questions.ask(budget, time.monotonic() + seconds, CancelToken())


def test_a_break_forced_by_availability_is_proven_and_then_met() -> None:
    # A cannot meet in slot 1 and must meet B at 0 (B leaves) and C (C comes at 2).
    attendees = (Attendee("A", frozenset({0, 2})), Attendee("B", frozenset({0})),
                 Attendee("C", frozenset({2})))
    problem = make_problem("ABC", [("A", "B", 3), ("A", "C", 3)], slots=3, tables=1,
                           attendees=attendees)
    candidates, questions = _questions(problem)
    assert _ask(questions, 0).answer is Answer.NO
    one = _ask(questions, 1)
    questions.close()
    assert one.answer is Answer.YES and one.plan is not None
    assert violations(problem, assign_tables(problem, candidates, one.plan)) == []
    assert figures_of(problem, candidates, one.plan, 2).breaks == 1


def test_a_break_forced_by_the_only_table_is_proven() -> None:
    # One table; D and E can meet only in slot 1, so A's two meetings take slots 0 and 2.
    attendees = (Attendee("A"), Attendee("B"), Attendee("C"),
                 Attendee("D", frozenset({1})), Attendee("E", frozenset({1})))
    problem = make_problem("ABCDE", [("A", "B", 3), ("A", "C", 3), ("D", "E", 3)],
                           slots=3, tables=1, attendees=attendees)
    candidates, questions = _questions(problem)
    assert len(candidates) == 3
    assert _ask(questions, 0).answer is Answer.NO
    one = _ask(questions, 1)
    questions.close()
    assert one.answer is Answer.YES and one.plan is not None
    assert sorted(s for _, s in one.plan) == [0, 1, 2]
    assert violations(problem, assign_tables(problem, candidates, one.plan)) == []


def test_no_breaks_is_answered_when_it_is_the_largest_budget_asked() -> None:
    # The climber asks only below the best timing in hand; with one break in hand the
    # largest budget is 0, and the budget once counted a constant "true" in place of
    # the (then absent) break flags: "no" to a gap-free timing, reported as proven.
    problem = make_problem("ABC", [("A", "B", 3), ("A", "C", 3)], slots=3, tables=1)
    candidates, questions = _questions(problem, largest_budget=0)
    answer = _ask(questions, 0)
    questions.close()
    assert answer.answer is Answer.YES and answer.plan is not None
    assert figures_of(problem, candidates, answer.plan, 2).breaks == 0


def test_a_question_gives_up_when_no_longer_wanted() -> None:
    problem = make_problem("ABCD", [("A", "B", 3), ("C", "D", 3)], slots=3, tables=2)
    _, questions = _questions(problem)
    answer = questions.ask(0, time.monotonic() + 10, CancelToken(), still_wanted=lambda: False)
    questions.close()
    assert answer.answer is Answer.UNKNOWN


@pytest.mark.parametrize(("fork_server", "in_candidates_order"),
                         [(True, False), (False, False), (True, True)],
                         ids=["fork server", "spawn", "candidates' order"])
def test_the_climber_proves_a_forced_break_from_its_own_process(
        fork_server: bool, in_candidates_order: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    # As in test_a_break_forced_by_availability_is_proven_and_then_met: 1 break is the least.
    # Without a fork server (Windows; the frozen app), the climber is spawned.
    if not fork_server:
        monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    warm_up()
    attendees = (Attendee("A", frozenset({0, 2})), Attendee("B", frozenset({0})),
                 Attendee("C", frozenset({2})))
    problem = make_problem("ABC", [("A", "B", 3), ("A", "C", 3)], slots=3, tables=1,
                           attendees=attendees)
    candidates = candidate_pairs(problem, _BREAKS.priority_weights)
    ladder = Ladder(floor=0)
    climber = SatClimber(problem, candidates, range(len(candidates))[::-1],
                         slot_capacities(problem), _BREAKS, 3, ladder, time.monotonic() + 30,
                         in_candidates_order)
    try:
        give_up = time.monotonic() + 30
        while not ladder.proven() and time.monotonic() < give_up:
            time.sleep(0.05)
    finally:
        climber.stop()
    assert ladder.proven() and ladder.best is not None and ladder.best.gaps == 1
    timed = assign_tables(problem, candidates, ladder.best.plan)
    assert violations(problem, timed) == [] and sum(break_counts(timed).values()) == 1


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problem=st.one_of(small_events(), events_with_forced_breaks()),
       largest=st.sampled_from([0, 0, 1, 2, 4]), budget=st.sampled_from([0, 0, 1, 2, 4]))
def test_every_answer_agrees_with_trying_every_timing(problem: Problem, largest: int,
                                                      budget: int) -> None:
    budget = min(budget, largest)
    candidates, questions = _questions(problem, largest_budget=largest)
    meetings = sorted(c for c, _ in fair_compact(problem, candidates, 2))
    answer = _ask(questions, budget, 5.0)
    questions.close()
    event(f"answer {answer.answer.value}")
    each_at_most = min(2, largest)
    if answer.answer is Answer.YES:
        assert answer.plan is not None
        assert sorted(c for c, _ in answer.plan) == meetings
        assert violations(problem, assign_tables(problem, candidates, answer.plan)) == []
        breaks = break_counts(assign_tables(problem, candidates, answer.plan))
        assert sum(breaks.values()) <= budget and max(breaks.values(), default=0) <= each_at_most
    elif answer.answer is Answer.NO:
        fewest = fewest_breaks_by_trying_all(
            problem, candidates, meetings,
            lambda breaks: max(breaks.values(), default=0) <= each_at_most)
        assert fewest is None or fewest > budget


_IDLE = SolveOptions(workers=1)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problem=st.one_of(small_events(), events_with_forced_breaks()),
       budget=st.sampled_from([0, 0, 1, 2, 3]))
def test_every_idle_slot_answer_agrees_with_trying_every_timing(problem: Problem,
                                                                budget: int) -> None:
    candidates = candidate_pairs(problem, _IDLE.priority_weights)
    meetings = sorted(c for c, _ in fair_compact(problem, candidates, 2))
    questions = BreakBudgetQuestions(problem, candidates, meetings, slot_capacities(problem),
                                     None, 3, Compactness.IDLE_SLOTS)
    answer = _ask(questions, budget, 5.0)
    questions.close()
    event(f"answer {answer.answer.value}")
    if answer.answer is Answer.YES:
        assert answer.plan is not None
        assert sorted(c for c, _ in answer.plan) == meetings
        timed = assign_tables(problem, candidates, answer.plan)
        assert violations(problem, timed) == []
        assert sum(idle_slot_counts(timed).values()) <= budget
    elif answer.answer is Answer.NO:
        fewest = fewest_idle_slots_by_trying_all(problem, candidates, meetings)
        assert fewest is None or fewest > budget


def test_idle_slots_count_each_empty_slot_where_breaks_count_each_run() -> None:
    # A meets B in slot 0 and C in slot 3 (B leaves early, C comes late): one break, two
    # idle slots. The idle questions say "no" to one and "yes" to two.
    attendees = (Attendee("A"), Attendee("B", frozenset({0})), Attendee("C", frozenset({3})))
    problem = make_problem("ABC", [("A", "B", 3), ("A", "C", 3)], slots=4, tables=1,
                           attendees=attendees)
    candidates = candidate_pairs(problem, _IDLE.priority_weights)
    meetings = list(range(len(candidates)))
    questions = BreakBudgetQuestions(problem, candidates, meetings, slot_capacities(problem),
                                     None, 3, Compactness.IDLE_SLOTS)
    assert _ask(questions, 1).answer is Answer.NO
    two = _ask(questions, 2)
    questions.close()
    assert two.answer is Answer.YES and two.plan is not None
    assert idle_slot_counts(assign_tables(problem, candidates, two.plan)) == {
        "A": 2, "B": 0, "C": 0}


# tic-13crafc: 180 meetings, 10 slots, 19 tables. forum-13crafc is forum-13 with 12 tables
# instead of 14: counting meetings per slot against the tables, "1 break?" was still unknown
# after 60 s; counting groups of meetings that share a person, it is "yes" in about 2 s.
@needs_jair
@pytest.mark.parametrize(("instance", "optimum"),
                         [("tic-13crafc", 4), ("forum-13crafc", 1)])
def test_the_sat_questions_prove_a_research_optimum_that_has_breaks(instance: str,
                                                                    optimum: int) -> None:
    problem = read_dzn(JAIR / f"{instance}.original.dzn")
    candidates = candidate_pairs(problem, jair_options(60, 1).priority_weights)
    questions = BreakBudgetQuestions(problem, candidates, list(range(len(candidates))),
                                     slot_capacities(problem), 2, 10)
    assert _ask(questions, optimum - 1, 120).answer is Answer.NO
    found = _ask(questions, optimum, 120)
    questions.close()
    assert found.answer is Answer.YES and found.plan is not None
    meetings = assign_tables(problem, candidates, found.plan)
    assert violations(problem, meetings) == []
    breaks = break_counts(meetings)
    assert sum(breaks.values()) == optimum and max(breaks.values()) <= 2


def test_meetings_are_grouped_by_a_person_they_share_largest_group_first() -> None:
    problem = make_problem("ABCDE", [("A", "B", 3), ("A", "C", 3), ("A", "D", 3),
                                     ("B", "C", 3), ("D", "E", 3)], slots=4, tables=2)
    candidates = candidate_pairs(problem, _BREAKS.priority_weights)
    groups = groups_sharing_a_person(candidates, list(range(len(candidates))))
    named = [sorted("".join(sorted((candidates[c].a, candidates[c].b))) for c in group)
             for group in groups]
    assert named[0] == ["AB", "AC", "AD"]
    assert sorted(pair for group in named for pair in group) == ["AB", "AC", "AD", "BC", "DE"]
    for group in groups:  # each group shares a person, so it holds one meeting per slot
        assert set.intersection(*({candidates[c].a, candidates[c].b} for c in group))


def _research_instance(name: str, seconds: float):  # type: ignore[no-untyped-def]
    """A research instance with its options, candidates and every candidate as a meeting."""
    problem = read_dzn(JAIR / f"{name}.original.dzn")
    options = jair_options(seconds, 2)
    candidates = candidate_pairs(problem, options.priority_weights)
    return problem, options, candidates, list(range(len(candidates)))


@needs_jair
def test_re_timing_with_the_sat_climber_proves_what_cp_sat_alone_did_not() -> None:
    # tic-13crafc from scratch: CP-SAT's window and segment models alone end at 29 breaks
    # after 20 s (bound 2); with the climber in its own process, JAIR's optimum of 4 is
    # proven in about 6 s.
    problem, options, candidates, meetings = _research_instance("tic-13crafc", 20)
    retimed = retime_exactly(problem, candidates, meetings, options, slot_capacities(problem),
                             time.monotonic() + 20, CancelToken())
    assert retimed is not None and retimed.proven_optimal
    assert retimed.gaps == 4 == retimed.fewest_possible
    assert violations(problem, assign_tables(problem, candidates, retimed.plan)) == []


def _climbers() -> list[multiprocessing.Process]:
    return [p for p in multiprocessing.active_children() if p.name == "sat-climber"]


def _until(done, seconds: float) -> None:  # type: ignore[no-untyped-def]
    give_up = time.monotonic() + seconds
    while not done() and time.monotonic() < give_up:
        time.sleep(0.05)


@needs_jair
def test_a_climber_started_ahead_searches_and_is_taken_over_by_the_re_timing(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # tic-12 (125 meetings) has a timing without breaks: the climber finds and proves it
    # on its own, before any re-timing; the re-timing then uses it and starts no other.
    problem, options, candidates, meetings = _research_instance("tic-12", 30)
    monkeypatch.setattr(exact, "_cores", lambda: 2)
    ahead = climb_ahead(problem, candidates, meetings, options, slot_capacities(problem),
                        time.monotonic() + 30)
    assert ahead is not None and len(ahead.climbers) == 1 == len(_climbers())
    _until(ahead.ladder.proven, 30)
    assert ahead.ladder.proven()
    monkeypatch.setattr(exact, "_start_climbers", lambda *args: pytest.fail("new climber"))
    retimed = retime_exactly(problem, candidates, meetings[::-1], options,
                             slot_capacities(problem), time.monotonic() + 30, CancelToken(),
                             ahead=ahead)
    assert retimed is not None and retimed.proven_optimal and retimed.gaps == 0
    assert violations(problem, assign_tables(problem, candidates, retimed.plan)) == []
    assert not _climbers()


@needs_jair
def test_with_cores_to_spare_two_climbers_in_two_orders_share_the_ladder(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(exact, "_cores", lambda: 4)
    problem, options, candidates, meetings = _research_instance("tic-12", 30)
    ahead = climb_ahead(problem, candidates, meetings[::-1], options,
                        slot_capacities(problem), time.monotonic() + 30)
    assert ahead is not None and len(ahead.climbers) == 2 == len(_climbers())
    _until(ahead.ladder.proven, 30)
    retimed = retime_exactly(problem, candidates, meetings, options, slot_capacities(problem),
                             time.monotonic() + 30, CancelToken(), ahead=ahead)
    assert retimed is not None and retimed.proven_optimal and retimed.gaps == 0
    assert violations(problem, assign_tables(problem, candidates, retimed.plan)) == []
    assert not _climbers()


@needs_jair
def test_a_climber_started_on_other_meetings_is_stopped_and_not_used() -> None:
    problem, options, candidates, meetings = _research_instance("tic-12", 30)
    ahead = climb_ahead(problem, candidates, meetings, options, slot_capacities(problem),
                        time.monotonic() + 30)
    assert ahead is not None
    fewer = meetings[1:]
    retimed = retime_exactly(problem, candidates, fewer, options, slot_capacities(problem),
                             time.monotonic() + 30, CancelToken(), ahead=ahead)
    assert retimed is not None and sorted(c for c, _ in retimed.plan) == fewer
    assert violations(problem, assign_tables(problem, candidates, retimed.plan)) == []
    assert not _climbers()


@needs_jair
def test_a_solve_starts_the_climber_before_annealing_and_keeps_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Only the timing of tic-12's meetings can improve: the climber searches while the
    # annealing runs, and the exact re-timing takes it over instead of starting another.
    solve_module = sys.modules["solver.solve"]
    steps: list[str] = []
    started = SatClimber.__init__
    anneal = solve_module._anneal

    def start(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        steps.append("climber")
        started(self, *args, **kwargs)

    def annealing(*args, **kwargs):  # type: ignore[no-untyped-def]
        steps.append("anneal")
        anneal(*args, **kwargs)

    monkeypatch.setattr(SatClimber, "__init__", start)
    monkeypatch.setattr(solve_module, "_anneal", annealing)
    problem = read_dzn(JAIR / "tic-12.original.dzn")
    result = solve(problem, jair_options(20, 2))
    assert steps[:2] == ["climber", "anneal"] and steps.count("climber") == 1
    assert result.levels[-1].reached == 0 == result.levels[-1].bound
    assert violations(problem, result.meetings) == []
    assert not _climbers()


@needs_jair
def test_the_annealing_stops_once_the_climber_ahead_has_found_the_optimum(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # ticf-14crafa: the annealing ends about 30 breaks above the optimum of 0, which the
    # climber finds in seconds; of 120 s, the annealing would have 18.
    solve_module = sys.modules["solver.solve"]
    anneal = solve_module.anneal_slot_pairs
    stopped: list[bool] = []

    def annealing(*args, **kwargs):  # type: ignore[no-untyped-def]
        plan = anneal(*args, **kwargs)
        stopped.append(args[-1].cancelled)
        return plan

    monkeypatch.setattr(solve_module, "anneal_slot_pairs", annealing)
    problem = read_dzn(JAIR / "ticf-14crafa.original.dzn")
    result = solve(problem, jair_options(120, 2))
    assert stopped[:1] == [True]
    assert result.stop_reason is StopReason.OPTIMAL and result.levels[-1].reached == 0
    assert violations(problem, result.meetings) == []
    assert not _climbers()


# -- with idle slots as the measure: "can nobody have an idle slot?" -------------------


def _cp_sat_finding_nothing(question, extra, seconds, cancel, hint, workers=None):  # type: ignore[no-untyped-def]
    """Stands in for a CP-SAT question that runs out of time or is cancelled."""
    _until(lambda: cancel.cancelled, seconds)
    return cp_model.UNKNOWN, None


def _segments_finding_nothing(problem, candidates, meetings, options, capacities, budget,  # type: ignore[no-untyped-def]
                              seconds, cancel, workers=None):
    _until(lambda: cancel.cancelled, seconds)
    return SegmentAnswer(None, False)


@needs_jair
def test_with_idle_slots_the_climber_finds_and_proves_a_timing_without_any(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # tic-12's meetings can be timed without a break, so without an idle slot. With
    # CP-SAT's questions (window and segment models) left unanswered, only the SAT
    # climber can find that timing.
    problem, options, candidates, meetings = _research_instance("tic-12", 30)
    idle = replace(options, compactness=Compactness.IDLE_SLOTS, max_break_spread=None)
    monkeypatch.setattr(exact, "_ask", _cp_sat_finding_nothing)
    monkeypatch.setattr(exact, "time_within_budget", _segments_finding_nothing)
    retimed = retime_exactly(problem, candidates, meetings, idle, slot_capacities(problem),
                             time.monotonic() + 30, CancelToken())
    assert retimed is not None and retimed.proven_optimal and retimed.gaps == 0
    assert figures_of(problem, candidates, retimed.plan, 2).idle_slots == 0
    assert violations(problem, assign_tables(problem, candidates, retimed.plan)) == []
    assert not _climbers()


def test_with_idle_slots_the_climber_proves_the_fewest_where_some_are_needed() -> None:
    # Twenty triangles in three slots: of each triangle's three meetings, the first and
    # the last share someone, who waits a slot between them. Alone, everyone could meet
    # back to back (the ladder's floor is 0); the climber proves the 20 needed in all.
    people = [f"{t}{corner}" for t in range(20) for corner in "abc"]
    requests = [(f"{t}{x}", f"{t}{y}", 1) for t in range(20) for x, y in ("ab", "bc", "ac")]
    problem = make_problem(people, requests, slots=3, tables=20)
    options = SolveOptions(workers=1)
    candidates = candidate_pairs(problem, options.priority_weights)
    ahead = climb_ahead(problem, candidates, list(range(len(candidates))), options,
                        slot_capacities(problem), time.monotonic() + 30)
    assert ahead is not None and ahead.ladder.floor == 0
    _until(ahead.ladder.proven, 30)
    ahead.stop()
    assert ahead.ladder.proven() and ahead.ladder.lowest == 20
    assert ahead.ladder.best is not None and ahead.ladder.best.gaps == 20
    timed = assign_tables(problem, candidates, ahead.ladder.best.plan)
    assert violations(problem, timed) == [] and sum(idle_slot_counts(timed).values()) == 20
    assert not _climbers()


def test_a_small_event_without_gaps_at_its_best_value_ends_proven_before_the_limit() -> None:
    # arctic-60: the value level is proven at 480 and a timing without idle slots exists.
    # Then no schedule is better at any level, and the solve says so and ends, where it
    # used to search on until the time limit.
    problem = load_sample(SAMPLES / "arctic-60.json")
    result = solve(problem, SolveOptions(time_limit_seconds=120))
    assert result.stop_reason is StopReason.OPTIMAL
    assert all(level.reached == level.bound for level in result.levels)
    assert result.levels[-1].reached == 0
    assert violations(problem, result.meetings) == []
    assert not _climbers()


@needs_jair
def test_a_timing_proven_fair_and_optimal_is_not_proven_again(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # ticf-14crafa.fixed020-Forb: the first timing breaks the spread rule, so it is re-timed
    # first, and that proves the optimum of 21 breaks. The levels above keep the meetings,
    # so the compactness level has nothing to re-time (a second proof took 5 s more).
    solve_module = sys.modules["solver.solve"]
    retime = solve_module.retime_exactly
    calls: list[tuple[frozenset[int], bool]] = []

    def retiming(problem, candidates, meetings, *args, **kwargs):  # type: ignore[no-untyped-def]
        retimed = retime(problem, candidates, meetings, *args, **kwargs)
        calls.append((frozenset(meetings), retimed is not None and retimed.proven_optimal))
        return retimed

    monkeypatch.setattr(solve_module, "retime_exactly", retiming)
    monkeypatch.setattr(solve_module, "_anneal", lambda *args, **kwargs: None)
    problem = read_dzn(JAIR / "ticf-14crafa.fixed020-Forb.dzn")
    result = solve(problem, jair_options(60, 2))
    assert len(calls) == 1 and calls[0][1]
    assert result.stop_reason is StopReason.OPTIMAL and result.levels[-1].reached == 21
    assert violations(problem, result.meetings) == []
    assert not _climbers()
