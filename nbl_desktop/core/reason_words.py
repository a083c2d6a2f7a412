"""The engine's words in the organizer's language: why a wish is unmet, why a solve stopped,
what level of the objective it works on.

`solver` is pure (it never imports the app), so its `UnmetReason` and
`StopReason` carry their English text as their value. This table marks the
same texts for the catalogs, member by member, and the functions below give
them in the current language. The enum values themselves stay English: they
are the engine's, and the workbook's contract sheets may carry them.
"""

from __future__ import annotations

from nbl_desktop.core.i18n import N_, _
from solver import StopReason, UnmetReason
from solver.search import COMPACTNESS, COVERAGE, MUST, VALUE

UNMET_REASONS: dict[UnmetReason, str] = {
    UnmetReason.EXCLUDED: N_("the pair must never meet"),
    UnmetReason.NO_COMMON_SLOT: N_("no slot where both are available (and the request's "
                                   "window allows)"),
    UnmetReason.REQUESTER_FULL: N_("the requester has reached their maximum number of "
                                   "meetings"),
    UnmetReason.REQUESTED_FULL: N_("the requested person has reached their maximum number of "
                                   "meetings"),
    UnmetReason.CAPACITY_OR_PRIORITIES: N_("lost to table capacity or to more important "
                                           "meetings"),
    UnmetReason.LONGER_WAITS: N_("a place is still free for it, but only where someone would "
                                 "wait longer between meetings: left out for fewer idle gaps"),
}

STOP_REASONS: dict[StopReason, str] = {
    StopReason.OPTIMAL: N_("optimal"),
    StopReason.TIME_LIMIT: N_("time limit"),
    StopReason.NO_GAPS_LEFT: N_("no idle time left to remove (value not proven optimal)"),
    StopReason.CANCELLED: N_("cancelled"),
    StopReason.NOTHING_MORE_FOUND: N_("local search found nothing more to improve (not proven "
                                      "optimal)"),
}


# What `solver.Progress.level` names while a solve runs (solver/search.py's levels).
LEVELS: dict[str, str] = {
    "starting schedule": N_("starting schedule"),
    MUST: N_("must-meets"),
    COVERAGE: N_("coverage"),
    VALUE: N_("value"),
    COMPACTNESS: N_("compactness"),
}


def level_text(level: str) -> str:
    """The objective level a running solve works on, in the current language."""
    return _(LEVELS[level]) if level in LEVELS else level


def unmet_reason_text(reason: UnmetReason) -> str:
    """Why a wish is unmet, in the current language (the engine's English for a reason this
    table does not know yet)."""
    return _(UNMET_REASONS.get(reason, reason.value))


def stop_reason_text(reason: StopReason) -> str:
    """Why a solve stopped, in the current language (the engine's English for a reason this
    table does not know yet)."""
    return _(STOP_REASONS.get(reason, reason.value))
