"""Re-plan the rest of the day after a change, moving as few printed meetings as possible.

The caller passes the event as it is now (the change already applied: an
absence as shrunk availability, a closed table as table availability, a new
attendee, a new must-meet request) and the schedule as it was. Slots before
`from_slot` have happened and are kept. Later meetings that are still valid
keep their slot and table; those the change broke are dropped and their
pairs compete again with the unmet requests for the freed places. The
result says, per attendee, which meetings were added, removed or moved.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from solver.cancel import CancelToken
from solver.candidates import reserved_tables
from solver.options import SolveOptions
from solver.problem import LockedMeeting, Problem, pair_key
from solver.result import Meeting, Progress, SolveResult
from solver.solve import solve


@dataclass(frozen=True)
class AttendeeChanges:
    """What changed in one attendee's agenda: their agenda needs reprinting when any is set."""

    added: tuple[Meeting, ...] = ()
    removed: tuple[Meeting, ...] = ()
    moved: tuple[tuple[Meeting, Meeting], ...] = ()  # (before, after) of the same pair

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.moved)


@dataclass(frozen=True)
class ReplanResult:
    """The new schedule and, per attendee whose agenda changed, what changed."""

    result: SolveResult
    changes: dict[str, AttendeeChanges]
    kept: int  # meetings from `from_slot` on that kept their slot and table
    dropped: tuple[Meeting, ...]  # meetings the change made impossible


def replan(problem: Problem, previous: Sequence[Meeting], from_slot: int,
           options: SolveOptions | None = None,
           on_progress: Callable[[Progress], None] | None = None,
           cancel: CancelToken | None = None, keep_untouched: bool = True) -> ReplanResult:
    """Re-solve slots ≥ `from_slot` of `problem`, starting from the `previous` schedule.

    With `keep_untouched=False` every meeting from `from_slot` on may move
    (the past is still kept).
    """
    past = [m for m in previous if m.slot < from_slot]
    future = [m for m in previous if m.slot >= from_slot]
    kept_future = still_valid(problem, past, future) if keep_untouched else []
    kept_keys = {_identity(m) for m in kept_future}
    dropped = tuple(m for m in future if _identity(m) not in kept_keys) if keep_untouched else ()
    replanned = replace(
        problem,
        locked=tuple(LockedMeeting(m.slot, m.table, m.a, m.b) for m in past + kept_future),
        frozen_slots=problem.frozen_slots | frozenset(range(from_slot)),
    )
    result = solve(replanned, options, on_progress, cancel)
    organizer_locked = {_identity(m) for m in previous if m.locked}
    meetings = tuple(replace(m, locked=_identity(m) in organizer_locked) for m in result.meetings)
    result = replace(result, meetings=meetings)
    return ReplanResult(result, agenda_changes(previous, meetings), len(kept_future), dropped)


def still_valid(problem: Problem, past: Iterable[Meeting], future: Iterable[Meeting]
                ) -> list[Meeting]:
    """The future meetings that the changed event still allows, in slot order.

    A meeting stays when both people exist and are available, its table
    exists, is open, seats both and is theirs to use, the pair may meet
    (requested, or locked by the organizer; not excluded; inside every
    request's window), and nobody goes over their maximum (earlier meetings
    count first).
    """
    people = {a.id for a in problem.attendees}
    windows: dict[tuple[str, str], list[frozenset[int] | None]] = defaultdict(list)
    for r in problem.requests:
        windows[pair_key(r.requester, r.requested)].append(r.allowed_slots)
    excluded = problem.excluded_pairs()
    reserved = reserved_tables(problem)
    count: Counter[str] = Counter(p for m in past for p in (m.a, m.b))
    taken: set[tuple[int, int]] = set()
    busy: set[tuple[str, int]] = set()
    kept = []
    for m in sorted(future, key=lambda m: (m.slot, m.table)):
        key = pair_key(m.a, m.b)
        if m.a not in people or m.b not in people or key in excluded:
            continue
        if (key not in windows and not m.locked) or any(
                w is not None and m.slot not in w for w in windows.get(key, [])):
            continue
        if not _table_still_usable(problem, m, key, reserved) or (m.slot, m.table) in taken:
            continue
        if any(not problem.attendee(p).is_available(m.slot) or (p, m.slot) in busy
               or _full(problem, p, count) for p in key):
            continue
        kept.append(m)
        taken.add((m.slot, m.table))
        for p in key:
            busy.add((p, m.slot))
            count[p] += 1
    return kept


def _table_still_usable(problem: Problem, m: Meeting, key: tuple[str, str],
                        reserved: frozenset[int]) -> bool:
    if not 0 <= m.table < len(problem.tables):
        return False
    table = problem.tables[m.table]
    if not table.is_available(m.slot):
        return False
    if table.seats < sum(problem.attendee(p).party_size for p in key):
        return False
    fixed = {problem.fixed_table_of(p) for p in key} - {None}
    return m.table in fixed if fixed else m.table not in reserved


def _full(problem: Problem, person: str, count: Counter[str]) -> bool:
    cap = problem.attendee(person).max_meetings
    return cap is not None and count[person] >= cap


def _identity(m: Meeting) -> tuple[int, int, tuple[str, str]]:
    return (m.slot, m.table, pair_key(m.a, m.b))


def agenda_changes(before: Iterable[Meeting],
                   after: Iterable[Meeting]) -> dict[str, AttendeeChanges]:
    """Per attendee: meetings added, removed, and moved (same partner, other slot or table)."""
    old = {pair_key(m.a, m.b): m for m in before}
    new = {pair_key(m.a, m.b): m for m in after}
    added: dict[str, list[Meeting]] = defaultdict(list)
    removed: dict[str, list[Meeting]] = defaultdict(list)
    moved: dict[str, list[tuple[Meeting, Meeting]]] = defaultdict(list)
    for key in old.keys() | new.keys():
        was, now = old.get(key), new.get(key)
        for person in key:
            if was is None and now is not None:
                added[person].append(now)
            elif now is None and was is not None:
                removed[person].append(was)
            elif was is not None and now is not None and (was.slot, was.table) != (
                    now.slot, now.table):
                moved[person].append((was, now))
    people = set(added) | set(removed) | set(moved)
    return {
        p: AttendeeChanges(
            tuple(sorted(added[p], key=lambda m: m.slot)),
            tuple(sorted(removed[p], key=lambda m: m.slot)),
            tuple(sorted(moved[p], key=lambda pair: pair[1].slot)),
        )
        for p in sorted(people)
    }
