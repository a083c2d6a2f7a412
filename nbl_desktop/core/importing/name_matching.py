"""Match a wished-for name to the people and organizations of the event.

Exact first (ID, email, name or organization as written), then ignoring
case, accents, spacing and legal forms (AS, AB, Oy …), then fuzzy (rapidfuzz,
for typos). "Name (Organization)" and "Name – Organization", the labels form
tools put in their pick lists, pick the person of that name in that
organization (the name fuzzily among its people), so namesakes are told
apart. A name is never guessed: no match, or several equally good, comes
back with its best candidates for the organizer to choose from.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process

from nbl_desktop.core.event import AttendeeRecord
from nbl_desktop.core.importing.vocabulary import LEGAL_SUFFIXES, normalize

FUZZY_CUTOFF = 88  # rapidfuzz WRatio, 0..100
_CLEAR_LEAD = 4  # a fuzzy best must beat the runner-up by this much
_QUALIFIED = (re.compile(r"^(?P<name>[^()]+?)\s*\((?P<organization>[^()]+)\)\s*$"),
              re.compile(r"^(?P<name>.+?)\s+[–—-]\s+(?P<organization>.+)$"))


def comparable(name: str) -> str:
    """Normalized, without legal forms: 'Barents Marine AS' → 'barents marine'."""
    words = normalize(name).split()
    while words and words[-1] in LEGAL_SUFFIXES:
        words.pop()
    while words and words[0] in LEGAL_SUFFIXES:
        words.pop(0)
    return " ".join(words)


def labels_of(attendees: Sequence[AttendeeRecord]) -> dict[str, str]:
    """'Name (Organization)' per attendee ID; namesakes in one organization get their email."""
    label = {a.id: f"{a.name} ({a.organization})" if a.organization else a.name
             for a in attendees}
    same_label: dict[str, list[AttendeeRecord]] = defaultdict(list)
    for a in attendees:
        same_label[label[a.id]].append(a)
    for namesakes in (group for group in same_label.values() if len(group) > 1):
        for a in namesakes:  # only the email (or ID) tells them apart
            label[a.id] = f"{a.name} ({a.organization}, {a.email or a.id})" \
                if a.organization else f"{a.name} ({a.email or a.id})"
    return label


def _clear_winner(best: Sequence[tuple[Any, ...]]) -> bool:
    """rapidfuzz's (choice, score, key) results, best first: is the first good and clearly first?"""
    return bool(best) and best[0][1] >= FUZZY_CUTOFF and (
        len(best) == 1 or best[0][1] - best[1][1] >= _CLEAR_LEAD)


@dataclass(frozen=True)
class Match:
    """What a name resolved to: one attendee, or why not.

    When the name was an organization, `members` are its registered people
    and `attendee` is the first of them; with several, the importer makes
    them one delegation, so the wish is one meeting, not one per colleague.
    """

    attendee: str | None
    how: str  # "exact", "normalized", "fuzzy"; "" when unresolved
    candidates: tuple[str, ...] = ()  # IDs of the best candidates when unresolved
    members: tuple[str, ...] = ()

    @property
    def resolved(self) -> bool:
        return self.attendee is not None


class NameIndex:
    """People and organizations of one event, for matching names from wish lists.

    Built at the first question: a workbook whose wishes all name IDs as written
    never needs it.
    """

    def __init__(self, attendees: list[AttendeeRecord] | tuple[AttendeeRecord, ...]) -> None:
        self._attendees = tuple(attendees)
        self._built = False

    def _build(self) -> None:
        self._built = True
        attendees = self._attendees
        self._people: dict[str, list[str]] = defaultdict(list)  # key -> attendee IDs
        self._organizations: dict[str, list[str]] = defaultdict(list)
        self._label: dict[str, str] = {}
        self._name_of: dict[str, str] = {}
        loose: set[str] = set()  # every key as `comparable` writes it: what fuzzy matching sees
        for a in attendees:
            self._name_of[a.id] = comparable(a.name)
            for key in {a.id, a.name, a.email.casefold()} - {""}:
                plain = self._name_of[a.id] if key == a.name else comparable(key)
                loose.add(plain)
                for form in {key.strip(), key.strip().casefold(), plain} - {""}:
                    self._people[form].append(a.id)
            if a.organization:
                plain = comparable(a.organization)
                loose.add(plain)
                for form in {a.organization.strip(), a.organization.strip().casefold(),
                             plain} - {""}:
                    self._organizations[form].append(a.id)
        self._label = labels_of(attendees)
        self._choices = sorted(loose - {""})

    def label(self, attendee_id: str) -> str:
        """'Name (Organization)', with the email where namesakes share both."""
        if not self._built:
            self._build()
        return self._label[attendee_id]

    def _resolve(self, key: str, how: str) -> Match | None:
        people = sorted(set(self._people.get(key, ())))
        if len(people) == 1:
            return Match(people[0], how)
        if len(people) > 1:
            return Match(None, "", tuple(people[:5]))
        members = tuple(dict.fromkeys(self._organizations.get(key, [])))
        if members:
            return Match(members[0], how, members=members)
        return None

    def match(self, text: str) -> Match:
        if not self._built:
            self._build()
        key = text.strip()
        for form, how in ((key, "exact"), (key.casefold(), "exact"),
                          (comparable(key), "normalized")):
            found = self._resolve(form, how)
            if found is not None:
                return found
        for pattern in _QUALIFIED:
            parts = pattern.match(key)
            found = parts and self._in_organization(parts["name"], parts["organization"])
            if found:
                return found  # resolved, or namesakes in that organization
        loose = comparable(key)
        if not loose:
            return Match(None, "")
        best = process.extract(loose, self._choices, scorer=fuzz.WRatio, limit=3, score_cutoff=60)
        if _clear_winner(best):
            found = self._resolve(best[0][0], "fuzzy")
            if found is not None:
                return found
        candidates: list[str] = []
        for choice, score, _ in best:
            if score >= 60:
                ids = self._people.get(choice) or self._organizations.get(choice, [])
                candidates += list(dict.fromkeys(ids))[:3]
        return Match(None, "", tuple(dict.fromkeys(candidates)))

    def _in_organization(self, name: str, organization: str) -> Match | None:
        """The one person called `name` (or nearly) among `organization`'s people."""
        # As written first: "Polar Data AB" and "Polar Data Oy" are two companies.
        members = set(self._organizations.get(organization.strip().casefold(), ())
                      or self._organizations.get(comparable(organization), ()))
        if not members:
            return None
        wanted = comparable(name)
        exact = sorted(m for m in members if self._name_of[m] == wanted)
        if len(exact) == 1:
            return Match(exact[0], "normalized")
        if exact:
            return Match(None, "", tuple(exact[:5]))
        names = {m: self._name_of[m] for m in sorted(members)}
        best = process.extract(wanted, names, scorer=fuzz.WRatio, limit=3, score_cutoff=60)
        if _clear_winner(best):
            return Match(best[0][2], "fuzzy")
        if best:  # near names in that organization, none clearly the one
            return Match(None, "", tuple(m for _, _, m in best))
        return None
