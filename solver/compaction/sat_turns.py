"""One budget question in two clause orders, taking turns on one core.

How long CaDiCaL takes on a question depends mostly on the order of its
clauses, and no order is best everywhere: on the research benchmark,
forum-14.forb0003's "no breaks at all?" takes 33,146 conflicts (22 s) in the
plan's order and 1,905 (0.7 s) in the candidates', where ticf-14crafa is
the other way round (1,779 and 7,459). With a core for each order, two
climbers race (`exact._start_climbers`). With one core, the orders take
turns here. Stopping a search to switch costs much (each call of the solver
starts its search over), so every look is twice as long as the copy's last,
and the other order takes only a short first look before the plan's order
gets the long one it needs where it is the lucky one.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from solver.cancel import CancelToken
from solver.compaction.sat_breaks import Answer, BreakBudgetQuestions, BudgetAnswer


class QuestionsInTurns:
    """The same questions as `BreakBudgetQuestions`, asked of several copies in turn.

    `copies`: how to build each copy (the same clauses in another order) and
    the conflicts of its first look, in the order of their turns. Every copy
    keeps what it learned from one budget to the next.
    """

    def __init__(self, copies: Sequence[tuple[Callable[[], BreakBudgetQuestions], int]]) -> None:
        self._copies = [build() for build, _ in copies]
        self._first_looks = [first_look for _, first_look in copies]
        self.largest_budget = self._copies[0].largest_budget

    def ask(self, budget: int, deadline: float, cancel: CancelToken,
            still_wanted: Callable[[], bool] = lambda: True) -> BudgetAnswer:
        """As `BreakBudgetQuestions.ask`: the first copy to decide answers for all."""
        looks = [0] * len(self._copies)
        turn = 0
        while not cancel.cancelled and time.monotonic() < deadline and still_wanted():
            found = self._copies[turn].look(budget, self._first_looks[turn] << looks[turn])
            if found is not None:
                return found
            looks[turn] += 1
            turn = (turn + 1) % len(self._copies)
        return BudgetAnswer(Answer.UNKNOWN)

    def close(self) -> None:
        for copy in self._copies:
            copy.close()
