"""The SAT climber in a process of its own, sharing the ladder through a pipe.

The SAT solver holds Python's interpreter lock while it searches, so in a
thread it would stall the CP-SAT questions asked beside it (their models are
built in Python). A process runs it on its own core. Forking the engine's
process beside running threads (Qt's, CP-SAT's) is unsafe, so the climber
is forked from a fork server (`solver.helper_processes`; started by
`warm_up`, at the start of a solve). Forking from it takes 0.01 s where
"spawn" takes 0.7 s of a research instance's 10 s, re-importing the engine
every time.

Messages, both ways: ("lowest", extra) when every extra below it is proven
impossible. Parent to child: ("best", gaps) when CP-SAT finds a timing;
child to parent: ("yes", plan, gaps) with the timing the SAT solver found.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from solver.cancel import CancelToken
from solver.candidates import Candidate
from solver.capacity import SlotCapacity
from solver.compaction.ladder import Ladder, Timing, climb_by_sat
from solver.compaction.sat_breaks import BreakBudgetQuestions
from solver.figures import figures_of
from solver.helper_processes import helper_context
from solver.helper_processes import warm_up as warm_up_helpers
from solver.options import SolveOptions
from solver.plan import Plan
from solver.problem import Problem

_LOOK_SECONDS = 0.05  # how often the parent passes messages on


@dataclass(frozen=True)
class _Job:
    problem: Problem
    candidates: list[Candidate]
    meetings: tuple[int, ...]
    capacities: list[SlotCapacity]
    options: SolveOptions
    largest_budget: int
    floor: int
    lowest: int
    best_gaps: int | None
    seconds: float
    in_candidates_order: bool


class SatClimber:
    """Runs the SAT climber in a child process until `stop()`; keeps `ladder` up to date.

    `in_candidates_order`: the clauses follow the candidates' order rather
    than `meetings`' (a second climber searches differently).
    """

    def __init__(self, problem: Problem, candidates: list[Candidate], meetings: Sequence[int],
                 capacities: list[SlotCapacity], options: SolveOptions, largest_budget: int,
                 ladder: Ladder, deadline: float, in_candidates_order: bool = False) -> None:
        self._ladder = ladder
        best = ladder.best
        job = _Job(problem, candidates, tuple(meetings), capacities, options, largest_budget,
                   ladder.floor, ladder.lowest, best.gaps if best else None,
                   deadline - time.monotonic(), in_candidates_order)
        context = helper_context(__name__)
        self._connection, child_end = context.Pipe()
        self._process = context.Process(target=_climb_in_child, args=(job, child_end),
                                        name="sat-climber", daemon=True)
        self._process.start()
        child_end.close()
        self._stopping = threading.Event()
        self._listener = threading.Thread(target=self._listen, name="sat-climber-listener",
                                          daemon=True)
        self._listener.start()

    def stop(self) -> None:
        """End the child at once and take in what it sent before."""
        self._stopping.set()
        self._listener.join()
        self._process.kill()
        self._process.join()
        self._connection.close()

    def _listen(self) -> None:
        sent_lowest, sent_best = self._ladder.lowest, self._best_gaps()
        while not self._stopping.is_set():
            try:
                while self._connection.poll(_LOOK_SECONDS):
                    self._take(self._connection.recv())
                lowest, best = self._ladder.lowest, self._best_gaps()
                if lowest > sent_lowest:
                    self._connection.send(("lowest", lowest))
                    sent_lowest = lowest
                if best is not None and (sent_best is None or best < sent_best):
                    self._connection.send(("best", best))
                    sent_best = best
            except (EOFError, OSError):
                return  # the child ended

    def _take(self, message: tuple[Any, ...]) -> None:
        if message[0] == "lowest":
            self._ladder.rule_out_below(message[1])
        elif message[0] == "yes":
            self._ladder.offer(Timing(message[1], message[2]))

    def _best_gaps(self) -> int | None:
        best = self._ladder.best
        return best.gaps if best else None


def warm_up() -> None:
    """Start the fork server in the background, so that it is ready when a climber starts."""
    warm_up_helpers(__name__)


class _ChildLadder(Ladder):
    """The child's copy of the ladder: tells the parent what it proves and finds."""

    def __init__(self, floor: int, connection: Connection) -> None:
        super().__init__(floor)
        self._connection = connection

    def offer(self, timing: Timing) -> None:
        super().offer(timing)
        self._connection.send(("yes", timing.plan, timing.gaps))

    def rule_out_below(self, extra: int) -> None:
        super().rule_out_below(extra)
        self._connection.send(("lowest", extra))

    def pointless(self, extra: int | None) -> bool:
        while self._connection.poll():
            kind, amount = self._connection.recv()
            if kind == "lowest":
                super().rule_out_below(amount)
            else:
                super().offer(Timing([], amount))
        return super().pointless(extra)


def _climb_in_child(job: _Job, connection: Connection) -> None:
    deadline = time.monotonic() + job.seconds
    ladder = _ChildLadder(job.floor, connection)
    Ladder.rule_out_below(ladder, job.lowest)
    if job.best_gaps is not None:
        Ladder.offer(ladder, Timing([], job.best_gaps))
    meetings = sorted(job.meetings) if job.in_candidates_order else job.meetings
    questions = BreakBudgetQuestions(job.problem, job.candidates, meetings, job.capacities,
                                     job.options.max_break_spread, job.largest_budget,
                                     job.options.compactness)
    with contextlib.suppress(EOFError, OSError):  # the parent stopped listening
        climb_by_sat(questions, ladder, deadline, CancelToken(), _gaps_of(job))


def _gaps_of(job: _Job) -> Callable[[Plan], int | None]:
    def gaps_of(plan: Plan) -> int | None:
        figures = figures_of(job.problem, job.candidates, plan, job.options.min_meetings)
        return None if figures.spread_excess(job.options) else figures.compactness(job.options)

    return gaps_of
