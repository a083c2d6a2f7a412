"""Which trades a free text names, in Norwegian, Swedish, Finnish or English.

Matching across languages needs a shared meaning, not shared words: "sveising
og stålkonstruksjoner" and "hitsaus ja teräsrakenteet" have no word in common.
The shipped vocabulary (`resources/partner_search/trades.json`) names about
seventy trades, each with its NACE classes and the stems companies write for it
in the four languages. A one-stem term matches a word that starts with the stem,
or, for stems of five letters or more, holds it anywhere (compounds:
"fiskeoppdrettsutstyr" holds "oppdrett"); a term of several stems matches
consecutive words. NACE codes ("25.11", "03") name trades too, read only where a
code is expected (the sector or NACE column: "25 employees" in an offer is no code).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from nbl_desktop.paths import resources_dir

_WORD = re.compile(r"[^\W_]+")
_NACE = re.compile(r"(?<![\d.])(\d{2}(?:\.\d{1,3})?|\d{5})(?![\d.])")
INSIDE_A_WORD = 5  # a stem this long may match inside a compound


@dataclass(frozen=True)
class Trade:
    """One trade: its key, NACE classes, name in each language and stems per language."""

    id: str
    nace: tuple[str, ...]
    labels: dict[str, str]
    terms: tuple[tuple[str, ...], ...]  # each term: its stems, every language together

    def label(self, language: str) -> str:
        return self.labels.get(language) or self.labels["en"]


def words_of(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


class TradeVocabulary:
    """The trades of the vocabulary file, and which of them a text names."""

    def __init__(self, trades: list[Trade]) -> None:
        self.trades = {trade.id: trade for trade in trades}
        # Looking up by first letters keeps a 3,000-company search at a few hundred
        # thousand stem comparisons instead of millions.
        self._prefix_terms: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self._inside_stems: list[tuple[str, str]] = []
        for trade in trades:
            for term in trade.terms:
                self._prefix_terms.setdefault(term[0][:2], []).append((term, trade.id))
                if len(term) == 1 and len(term[0]) >= INSIDE_A_WORD:
                    self._inside_stems.append((term[0], trade.id))
        self._nace: list[tuple[str, str]] = [(code, trade.id) for trade in trades
                                             for code in trade.nace]

    @classmethod
    def from_file(cls, path: Path) -> TradeVocabulary:
        document = json.loads(path.read_text(encoding="utf-8"))
        trades = []
        for entry in document["trades"]:
            terms = {tuple(words_of(term)) for language_terms in entry["terms"].values()
                     for term in language_terms}
            trades.append(Trade(entry["id"], tuple(entry.get("nace", ())), entry["label"],
                                tuple(sorted(t for t in terms if t))))
        return cls(trades)

    def trades_in(self, text: str) -> frozenset[str]:
        """The trades `text` names by its words.

        Within one word the longest stem wins: "fiskeoppdrettsutstyr" is fish farming
        equipment, though it also holds "oppdrett" (fish farming itself).
        """
        words = words_of(text)
        found: set[str] = set()
        for index, word in enumerate(words):
            in_word: list[tuple[str, str]] = []  # (stem, trade) of one-word matches
            for term, trade in self._prefix_terms.get(word[:2], ()):
                if len(term) > len(words) - index:
                    continue
                if all(words[index + k].startswith(stem) for k, stem in enumerate(term)):
                    if len(term) == 1:
                        in_word.append((term[0], trade))
                    else:
                        found.add(trade)
            in_word += [(stem, trade) for stem, trade in self._inside_stems if stem in word]
            found.update(trade for stem, trade in in_word
                         if not any(stem in longer and stem != longer and trade != other
                                    for longer, other in in_word))
        return frozenset(found)

    def trades_of_codes(self, text: str) -> frozenset[str]:
        """The trades of the NACE codes in `text` ("25.11", "03.21; 49", and the national
        five-digit forms "25.110" and "25110"): a code names the trades of its class, and
        a group or division every trade within it."""
        found: set[str] = set()
        for written in _NACE.findall(text):
            code = written.replace(".", "")[:4]
            found.update(trade for nace, trade in self._nace
                         if nace.replace(".", "").startswith(code)
                         or code.startswith(nace.replace(".", "")))
        return frozenset(found)


@cache
def shipped_vocabulary() -> TradeVocabulary:
    """The vocabulary that ships with the app."""
    return TradeVocabulary.from_file(resources_dir() / "partner_search" / "trades.json")
