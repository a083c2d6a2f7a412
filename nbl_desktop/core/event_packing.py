"""An event as a few small pickles, for sending it to a helper process from a worker thread.

Pickling a whole 3,000-person event (28,000 wishes) is one 80 ms call that
holds the interpreter lock throughout, so the GUI thread cannot paint while a
worker sends it. Packed a thousand records at a time, the worker lets go of the
lock between pieces and the GUI thread gets its turns.
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass

from nbl_desktop.core.event import EventData

CHUNK = 1_000  # records per pickle: a millisecond or two each


@dataclass(frozen=True)
class PackedEvent:
    """The event's settings and each table's records, as pickled pieces."""

    settings: bytes
    tables: tuple[tuple[bytes, ...], ...]  # attendees, requests, exclusions, meetings


def pack_event(event: EventData) -> PackedEvent:
    tables = (event.attendees, event.requests, event.exclusions, event.meetings)
    return PackedEvent(pickle.dumps(event.settings),
                       tuple(tuple(pickle.dumps(rows[start:start + CHUNK])
                                   for start in range(0, len(rows), CHUNK))
                             for rows in tables))


def unpack_event(packed: PackedEvent) -> EventData:
    attendees, requests, exclusions, meetings = (
        tuple(record for piece in pieces for record in pickle.loads(piece))
        for pieces in packed.tables)
    return EventData(pickle.loads(packed.settings), attendees, requests,
                     exclusions, meetings)
