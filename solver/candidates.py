"""The meetings worth considering: requested pairs, their value and common slots.

Only requested (or locked) pairs may meet. A pair's value adds the weights of
the requests in both directions; when one person asked twice for the same
person, the higher priority counts once.
"""

from __future__ import annotations

from dataclasses import dataclass

from solver.problem import LockedMeeting, Problem, pair_key


@dataclass(frozen=True)
class Candidate:
    """An unordered pair a < b that may meet in any of `slots`."""

    a: str
    b: str
    value: int
    slots: tuple[int, ...]
    locked: LockedMeeting | None = None


def candidate_pairs(problem: Problem, weights: dict[int, int]) -> list[Candidate]:
    """Every pair the schedule may contain, in a stable order."""
    excluded = problem.excluded_pairs()
    priority_by_direction: dict[tuple[str, str], int] = {}
    for r in problem.requests:
        if r.requester == r.requested:
            continue
        direction = (r.requester, r.requested)
        priority_by_direction[direction] = max(priority_by_direction.get(direction, 0), r.priority)
    value: dict[tuple[str, str], int] = {}
    for (requester, requested), priority in priority_by_direction.items():
        key = pair_key(requester, requested)
        value[key] = value.get(key, 0) + weights[priority]
    locked_by_pair = {pair_key(m.a, m.b): m for m in problem.locked}

    candidates: list[Candidate] = []
    for key in sorted(set(value) | set(locked_by_pair)):
        locked = locked_by_pair.get(key)
        if locked is not None:
            slots: tuple[int, ...] = (locked.slot,)
        elif key in excluded or not _both_can_meet_at_all(problem, *key):
            continue
        else:
            slots = _common_slots(problem, *key)
            if not slots:
                continue
        candidates.append(Candidate(key[0], key[1], value.get(key, 0), slots, locked))
    return candidates


def _both_can_meet_at_all(problem: Problem, a: str, b: str) -> bool:
    return all(problem.attendee(p).max_meetings != 0 for p in (a, b))


def _common_slots(problem: Problem, a: str, b: str) -> tuple[int, ...]:
    first, second = problem.attendee(a), problem.attendee(b)
    return tuple(
        s for s in range(len(problem.slots)) if first.is_available(s) and second.is_available(s)
    )
