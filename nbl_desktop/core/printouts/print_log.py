"""Which pages changed since they were last printed: the event file remembers a fingerprint
of each printed page (`EventStore.printed`), so "reprint what changed" compares the two."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol, TypeVar

from nbl_desktop.core.i18n import N_

AGENDA, TABLE, GRID = "agenda", "table", "grid"
PRINT_KINDS = (AGENDA, TABLE, GRID)
DESK = "desk"  # agendas and table cards together: what the desk reprints after a re-plan
# What each kind is called in the window (translated where shown, with `_`).
KIND_TITLES = {AGENDA: N_("Personal agendas"), TABLE: N_("Table cards"), GRID: N_("Master grid"),
               DESK: N_("Agendas and table cards")}


class Printable(Protocol):
    """A page (or document) with its kind in the print log, a key and a fingerprint."""

    @property
    def print_kind(self) -> str: ...

    @property
    def key(self) -> str: ...

    def fingerprint(self) -> str: ...


PageT = TypeVar("PageT", bound=Printable)


def changed_since_printed(pages: Sequence[PageT],
                          printed: dict[str, tuple[str, str]]) -> list[PageT]:
    """The pages never printed, or whose content differs from what was printed."""
    return [p for p in pages if printed.get(p.key, ("", ""))[0] != p.fingerprint()]


def by_print_kind(pages: Iterable[PageT]) -> dict[str, list[PageT]]:
    """The pages grouped by their kind in the print log (a desk reprint mixes two kinds)."""
    kinds: dict[str, list[PageT]] = {}
    for page in pages:
        kinds.setdefault(page.print_kind, []).append(page)
    return kinds


def fingerprints_of(pages: Sequence[Printable]) -> dict[str, str]:
    return {p.key: p.fingerprint() for p in pages}
