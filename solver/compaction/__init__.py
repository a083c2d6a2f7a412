"""Fewer idle slots: give meetings new slots so that each person's meetings run back to back.

Every step keeps every hard rule and never lowers must-meets or coverage:
- `sweep.retime_by_sweep`: the same meetings, re-timed from scratch;
- `local_search.compact_by_chains`: exchange the slots of Kempe chains;
- `local_search.compact_by_exchanges`: fill holes with unscheduled pairs, above a value floor;
- `local_search.compact_by_moves`: move single meetings.
"""

from solver.compaction.local_search import (
    compact_by_chains,
    compact_by_exchanges,
    compact_by_moves,
)
from solver.compaction.sweep import retime_by_sweep

__all__ = [
    "compact_by_chains",
    "compact_by_exchanges",
    "compact_by_moves",
    "retime_by_sweep",
]
