"""Fewer idle slots: give meetings new slots so that each person's meetings run back to back.

Every step keeps every hard rule and never lowers must-meets or coverage:
- `sweep.retime_by_sweep`: the same meetings, re-timed from scratch;
- `local_search.compact_by_chains`: exchange the slots of Kempe chains;
- `local_search.compact_by_exchanges`: fill holes with unscheduled pairs, above a value floor;
- `local_search.compact_by_moves`: move single meetings;
- `exact.retime_exactly`: the same meetings with the fewest gaps, by CP-SAT over per-person
  windows, with a proof when it can (small events and the research benchmark);
- `neighbourhoods.retime_cluster`: the same by windows for the meetings inside a cluster of
  attendees, all others staying (large events).
"""

from solver.compaction.exact import Retimed, retime_exactly
from solver.compaction.local_search import (
    compact_by_chains,
    compact_by_exchanges,
    compact_by_moves,
)
from solver.compaction.sweep import retime_by_sweep

__all__ = [
    "Retimed",
    "compact_by_chains",
    "compact_by_exchanges",
    "compact_by_moves",
    "retime_by_sweep",
    "retime_exactly",
]
