"""Fewer idle slots: give meetings new slots so that each person's meetings run back to back.

Every step keeps every hard rule and never lowers must-meets or coverage:
- `sweep.retime_by_sweep`: the same meetings, re-timed from scratch;
- `local_search.compact_by_exchanges`: fill holes with unscheduled pairs, above a value floor;
- `local_search.compact_by_moves`: move single meetings;
- `local_search.add_meetings_without_gaps`: unscheduled pairs where they add no gap;
- `drops.drop_outlying_meetings`: leave out meetings far from someone's others, while the
  value tolerance allows;
- `slot_pairs.exchange_slot_pairs`: for every two slots, move the best set of Kempe chains
  between them (pairs of chains where the slots are full); `anneal_slot_pairs` the same
  under simulated annealing;
- `exact.retime_exactly`: the same meetings with the fewest gaps, by CP-SAT over per-person
  windows, with a proof when it can (small events and the research benchmark); with breaks
  as the measure, `sat_breaks` asks a SAT solver the same questions, in a process of its
  own (`sat_process`), the two sharing what they prove through a `ladder.Ladder`.
"""

from solver.compaction.drops import drop_outlying_meetings
from solver.compaction.exact import (
    ClimbAhead,
    Retimed,
    climb_ahead,
    retime_exactly,
    warm_up_sat_climber,
)
from solver.compaction.local_search import (
    add_meetings_without_gaps,
    compact_by_exchanges,
    compact_by_moves,
)
from solver.compaction.slot_pairs import anneal_slot_pairs, exchange_slot_pairs
from solver.compaction.sweep import retime_by_sweep

__all__ = [
    "ClimbAhead",
    "Retimed",
    "add_meetings_without_gaps",
    "anneal_slot_pairs",
    "climb_ahead",
    "compact_by_exchanges",
    "compact_by_moves",
    "drop_outlying_meetings",
    "exchange_slot_pairs",
    "retime_by_sweep",
    "retime_exactly",
    "warm_up_sat_climber",
]
