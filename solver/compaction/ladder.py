"""The bounds two racing searches share while re-timing the same meetings, and the SAT climber.

`exact.retime_exactly` asks CP-SAT yes/no questions about a budget of gaps.
With breaks as the measure, a SAT solver (`sat_breaks`) climbs the same
ladder beside it, in a process of its own (`sat_process`, which keeps a
copy of the ladder there): it asks the lowest budget not yet ruled out, so
each "no" raises the floor for both and its first "yes" is optimal. Each
search drops a question the other has made pointless.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial

from solver.cancel import CancelToken
from solver.compaction.sat_breaks import Answer, BreakBudgetQuestions
from solver.plan import Plan


@dataclass(frozen=True)
class Timing:
    """A timing of the meetings and its gaps (idle slots or breaks)."""

    plan: Plan
    gaps: int


@dataclass
class Ladder:
    """The best timing in hand and the gaps proven necessary; safe to share between threads.

    Gaps are counted as `extra` above `floor`, the sum of each attendee's
    fewest on their own; every extra below `lowest` is proven impossible.
    """

    floor: int
    best: Timing | None = None
    lowest: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _watched: list[tuple[CancelToken, int | None]] = field(default_factory=list)

    def offer(self, timing: Timing) -> None:
        with self._lock:
            if self.best is None or timing.gaps < self.best.gaps:
                self.best = timing
        self._stop_pointless()

    def rule_out_below(self, extra: int) -> None:
        with self._lock:
            self.lowest = max(self.lowest, extra)
        self._stop_pointless()

    def proven(self) -> bool:
        with self._lock:
            return self.best is not None and self.floor + self.lowest >= self.best.gaps

    def pointless(self, extra: int | None) -> bool:
        """Is a question about `extra` (None: any timing) answered already?"""
        with self._lock:
            if self.best is not None and self.floor + self.lowest >= self.best.gaps:
                return True
            if extra is None:
                return self.best is not None
            return extra < self.lowest or (self.best is not None
                                           and self.floor + extra >= self.best.gaps)

    def watch(self, token: CancelToken, extra: int | None) -> None:
        """Cancel `token` as soon as its question about `extra` becomes pointless."""
        with self._lock:
            self._watched.append((token, extra))
        self._stop_pointless()

    def unwatch(self, token: CancelToken) -> None:
        with self._lock:
            self._watched = [(t, e) for t, e in self._watched if t is not token]

    @contextmanager
    def watching(self, token: CancelToken, extra: int | None) -> Iterator[None]:
        """`watch` inside, `unwatch` on the way out."""
        self.watch(token, extra)
        try:
            yield
        finally:
            self.unwatch(token)

    def _stop_pointless(self) -> None:
        with self._lock:
            watched = list(self._watched)
        for token, extra in watched:
            if self.pointless(extra):
                token.cancel()


def climb_by_sat(questions: BreakBudgetQuestions, ladder: Ladder, deadline: float,
                 cancel: CancelToken, gaps_of: Callable[[Plan], int | None]) -> None:
    """Ask the lowest budget not ruled out until one is met, time runs out or `cancel`.

    `gaps_of` gives a plan's breaks, or None when the plan breaks the
    spread rule (then it is not offered).
    """
    try:
        while not cancel.cancelled and time.monotonic() < deadline and not ladder.proven():
            extra = ladder.lowest
            budget = ladder.floor + extra
            if budget > questions.largest_budget:
                return
            answer = questions.ask(budget, deadline, cancel,
                                   still_wanted=partial(_wanted, ladder, extra))
            if answer.answer is Answer.NO:
                ladder.rule_out_below(extra + 1)
            elif answer.answer is Answer.YES and answer.plan is not None:
                gaps = gaps_of(answer.plan)
                if gaps is None:
                    return
                ladder.offer(Timing(answer.plan, gaps))
    finally:
        questions.close()


def _wanted(ladder: Ladder, extra: int) -> bool:
    return not ladder.pointless(extra)
