"""The benchmark's generated events: valid, reproducible, and with what the samples lack."""

from __future__ import annotations

from solver.bench.generated import EventShape, generated_event


def test_a_generated_event_is_valid_reproducible_and_varied() -> None:
    shape = EventShape("small", 200, 1_500, 12, 30, seed=7)
    event = generated_event(shape)

    assert event.validate() == []
    assert event == generated_event(shape)
    assert len(event.attendees) == 200 and len(event.requests) == 1_500
    assert any(t.owner is not None for t in event.tables)  # booths
    assert any(a.party_size > 1 for a in event.attendees)  # delegations
    assert any(t.seats > 2 for t in event.tables)
    assert any(r.allowed_slots is not None for r in event.requests)  # morning / afternoon
    assert any(a.available_slots is not None and max(a.available_slots) - min(a.available_slots)
               + 1 > len(a.available_slots) for a in event.attendees)  # away mid-day
    assert any(r.priority == 3 for r in event.requests)

