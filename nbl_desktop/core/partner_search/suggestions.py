"""Ranked partner suggestions for each company, each with its reason in the organizer's words.

A pair is worth suggesting when one side offers a trade the other seeks
(`vocabulary.TradeVocabulary` reads the trades from free text in any of the four
languages). Mutual fit ranks first: B offers what A seeks *and* seeks what A
offers. Across a border ranks above at home when the programme prefers it (the
default: these events exist to build Norwegian–Swedish–Finnish partnerships), or
is the only kind suggested. Never suggested: the same organization, a
do-not-meet pair, a pair declined before, a wish that already exists.

Only companies that share a trade are ever compared: an index from trade to
who offers and who seeks it keeps 3,000 companies to a few hundred candidates
each rather than 3,000.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from nbl_desktop.core.i18n import _, current_language
from nbl_desktop.core.partner_search.vocabulary import TradeVocabulary, shipped_vocabulary

# How much each kind of fit weighs. What the company seeks counts more than what it can
# offer (it came to find something); both at once is the pair organizers look for first.
THEY_OFFER_WEIGHT = 2.0
THEY_SEEK_WEIGHT = 1.5
MUTUAL_BONUS = 1.5
CROSS_BORDER_BONUS = 2.5


class CrossBorder(enum.Enum):
    """Whether pairs across a border are preferred, the only ones, or no different."""

    PREFER = "prefer"
    ONLY = "only"
    ANY = "any"


@dataclass(frozen=True)
class Profile:
    """A company as the search sees it: a registered attendee, or a directory entry that
    could be invited (`invite_via`: the partner organization that knows it)."""

    id: str
    organization: str
    country: str
    offers: str
    seeks: str
    codes: str = ""  # the sector or NACE column: "25.11", "03.21; 49.41"
    registered: bool = True
    invite_via: str = ""


@dataclass(frozen=True)
class SearchSettings:
    """How many suggestions each company gets, and how borders count."""

    per_attendee: int = 5
    cross_border: CrossBorder = CrossBorder.PREFER


@dataclass(frozen=True)
class Suggestion:
    """B suggested for A: the trades that fit each way, and the score that ranks it."""

    attendee_id: str
    suggested_id: str
    rank: int
    score: float
    they_offer: tuple[str, ...]  # trades A seeks and B offers
    they_seek: tuple[str, ...]  # trades A offers and B seeks
    cross_border: bool


@dataclass(frozen=True)
class _Needs:
    offers: frozenset[str]
    seeks: frozenset[str]


def _same_organization(a: Profile, b: Profile) -> bool:
    return bool(a.organization.strip()) and \
        a.organization.strip().casefold() == b.organization.strip().casefold()


def _countries_differ(a: Profile, b: Profile) -> bool:
    return bool(a.country and b.country) and a.country.upper() != b.country.upper()


def suggest(profiles: Sequence[Profile], settings: SearchSettings | None = None, *,
            never: Iterable[frozenset[str]] = (),
            already: Iterable[tuple[str, str]] = (),
            vocabulary: TradeVocabulary | None = None,
            only_for: Iterable[str] | None = None) -> dict[str, list[Suggestion]]:
    """The best `per_attendee` partners for each registered company (or those in
    `only_for`), best first. `never`: pairs never to suggest (do-not-meet, declined);
    `already`: (requester, requested) wishes that exist, not suggested again."""
    settings = settings or SearchSettings()
    vocabulary = vocabulary or shipped_vocabulary()
    never_pairs = set(never)
    wished = set(already)
    needs = {p.id: _Needs(vocabulary.trades_in(p.offers) | vocabulary.trades_of_codes(p.codes),
                          vocabulary.trades_in(p.seeks)) for p in profiles}
    offered_by: dict[str, list[Profile]] = defaultdict(list)
    sought_by: dict[str, list[Profile]] = defaultdict(list)
    for profile in profiles:
        for trade in needs[profile.id].offers:
            offered_by[trade].append(profile)
        for trade in needs[profile.id].seeks:
            sought_by[trade].append(profile)
    wanted = set(only_for) if only_for is not None else None
    found: dict[str, list[Suggestion]] = {}
    for a in profiles:
        if not a.registered or (wanted is not None and a.id not in wanted):
            continue
        mine = needs[a.id]
        candidates: dict[str, Profile] = {}
        for trade in mine.seeks:
            candidates.update((b.id, b) for b in offered_by[trade])
        for trade in mine.offers:
            candidates.update((b.id, b) for b in sought_by[trade])
        scored = []
        for b in candidates.values():
            if b.id == a.id or _same_organization(a, b) or (a.id, b.id) in wished \
                    or frozenset((a.id, b.id)) in never_pairs:
                continue
            across = _countries_differ(a, b)
            if settings.cross_border is CrossBorder.ONLY and not across:
                continue
            theirs = needs[b.id]
            they_offer = tuple(sorted(mine.seeks & theirs.offers))
            they_seek = tuple(sorted(mine.offers & theirs.seeks))
            score = THEY_OFFER_WEIGHT * len(they_offer) + THEY_SEEK_WEIGHT * len(they_seek)
            if they_offer and they_seek:
                score += MUTUAL_BONUS
            if across and settings.cross_border is CrossBorder.PREFER:
                score += CROSS_BORDER_BONUS
            scored.append((-score, not b.registered, b.organization.casefold(), b.id,
                           they_offer, they_seek, across))
        scored.sort()
        found[a.id] = [Suggestion(a.id, b_id, rank, -negative, they_offer, they_seek, across)
                       for rank, (negative, _unregistered, _name, b_id, they_offer, they_seek,
                                  across) in enumerate(scored[:settings.per_attendee], start=1)]
    return found


def why(suggestion: Suggestion, a: Profile, b: Profile,
        vocabulary: TradeVocabulary | None = None) -> str:
    """The reason in the organizer's words and language: "Nord Sveis AS offers welding
    and steel structures, which Polar Steel Oy seeks · cross-border (FI–NO)"."""
    vocabulary = vocabulary or shipped_vocabulary()
    language = current_language()

    def named(trades: tuple[str, ...]) -> str:
        return ", ".join(vocabulary.trades[t].label(language) for t in trades)

    parts = []
    if suggestion.they_offer:
        # Translators: {b} and {a} are organizations, {trades} trades ("welding and steel
        # structures, software development")
        parts.append(_("{b} offers {trades}, which {a} seeks").format(
            a=a.organization, b=b.organization, trades=named(suggestion.they_offer)))
    if suggestion.they_seek:
        parts.append(_("{b} seeks {trades}, which {a} offers").format(
            a=a.organization, b=b.organization, trades=named(suggestion.they_seek)))
    if suggestion.cross_border:
        # Translators: {countries} is "FI–NO"
        parts.append(_("cross-border ({countries})").format(
            countries=f"{a.country.upper()}–{b.country.upper()}"))
    if not b.registered:
        parts.append(_("not registered — invite via {partner}").format(
            partner=b.invite_via or _("a partner organization")))
    return " · ".join(parts)
