"""Partner search benchmark: precision and cross-border share of the top 5, and time.

    python -m nbl_desktop.core.partner_search.bench [../shared/samples/partners/partners-300.xlsx]

The sample's 300 companies describe what they offer and seek in free text in
four languages; its `.truth.json` twin (read here only, never by the app) says
which trade each text names. A suggestion of B for A is *good* when B offers a
trade A seeks or seeks the trade A offers, and is another organization. Per
method: precision of the top 5 (good / suggested), the share of top-5 places
that are good and cross-border, places filled (suggested / 5 per company), and
seconds. Then the search on 3,000 companies: the sample ten times over, each copy
its own organizations. Speed goals live here, not in timed tests.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from nbl_desktop.core.importing.registrations import read_clean_files
from nbl_desktop.core.partner_search.event_search import profile_of
from nbl_desktop.core.partner_search.suggestions import (
    CrossBorder,
    Profile,
    SearchSettings,
    suggest,
)
from solver.bench.memory import peak_memory_text

DEFAULT_SAMPLE = Path(__file__).resolve().parents[3].parent / "shared" / "samples" / \
    "partners" / "partners-300.xlsx"
TOP = 5
Method = Callable[[list[Profile]], dict[str, list[str]]]


def word_overlap(profiles: list[Profile]) -> dict[str, list[str]]:
    """The baseline: words A seeks that B offers, and the other way, counted (no stems,
    no languages): finds partners who write the same words."""
    def words(text: str) -> set[str]:
        return {w for w in re.findall(r"[^\W\d_]{4,}", text.casefold())}

    offers = {p.id: words(p.offers) for p in profiles}
    seeks = {p.id: words(p.seeks) for p in profiles}
    found = {}
    for a in profiles:
        scored = []
        for b in profiles:
            if b.id == a.id or a.organization == b.organization:
                continue
            score = len(seeks[a.id] & offers[b.id]) + len(offers[a.id] & seeks[b.id])
            if score:
                scored.append((-score, b.id))
        found[a.id] = [b for _score, b in sorted(scored)[:TOP]]
    return found


def vocabulary_search(cross_border: CrossBorder) -> Method:
    def method(profiles: list[Profile]) -> dict[str, list[str]]:
        found = suggest(profiles, SearchSettings(TOP, cross_border))
        return {a: [s.suggested_id for s in suggestions] for a, suggestions in found.items()}
    return method


def measure(found: dict[str, list[str]], truth: dict[str, dict[str, object]],
            profiles: dict[str, Profile]) -> tuple[float, float, float]:
    """Precision of the top 5, share good and cross-border, places filled."""
    suggested = good = good_across = 0
    for a, partners in found.items():
        for b in partners[:TOP]:
            suggested += 1
            mine, theirs = truth[a], truth[b]
            fits = theirs["offer_trade"] in mine["seek_trades"] or \
                mine["offer_trade"] in theirs["seek_trades"]  # type: ignore[operator]
            if fits and profiles[a].organization != profiles[b].organization:
                good += 1
                good_across += profiles[a].country != profiles[b].country
    places = TOP * len(truth)
    return good / max(1, suggested), good_across / max(1, suggested), suggested / places


def ten_times(profiles: list[Profile]) -> list[Profile]:
    return [replace(p, id=f"{p.id}-{copy}", organization=f"{p.organization} {copy}")
            for copy in range(10) for p in profiles]


def main(argv: list[str]) -> int:
    sample = Path(argv[0]) if argv else DEFAULT_SAMPLE
    truth_list = json.loads(sample.with_suffix(".truth.json").read_text(encoding="utf-8"))
    truth = {entry["id"]: entry for entry in truth_list}
    event = read_clean_files([sample])
    profiles = [profile_of(a) for a in event.attendees]
    by_id = {p.id: p for p in profiles}
    out = sys.stdout
    out.write(f"{sample.name}: {len(profiles)} companies, top {TOP} per company\n\n")
    out.write("| method | precision top 5 | good and cross-border | places filled | seconds |\n"
              "|---|---|---|---|---|\n")
    methods: dict[str, Method] = {
        "word overlap (baseline)": word_overlap,
        "trade vocabulary, no border preference": vocabulary_search(CrossBorder.ANY),
        "trade vocabulary, cross-border preferred (default)":
            vocabulary_search(CrossBorder.PREFER),
        "trade vocabulary, cross-border only": vocabulary_search(CrossBorder.ONLY),
    }
    for name, method in methods.items():
        started = time.perf_counter()
        found = method(profiles)
        seconds = time.perf_counter() - started
        precision, across, filled = measure(found, truth, by_id)
        out.write(f"| {name} | {precision:.3f} | {across:.3f} | {filled:.3f} | "
                  f"{seconds:.2f} |\n")
    many = ten_times(profiles)
    many_truth = {p.id: truth[p.id.split("-")[0]] for p in many}
    started = time.perf_counter()
    found = vocabulary_search(CrossBorder.PREFER)(many)
    seconds = time.perf_counter() - started
    precision, across, filled = measure(found, many_truth, {p.id: p for p in many})
    out.write(f"| 3,000 companies (the sample ten times), cross-border preferred | "
              f"{precision:.3f} | {across:.3f} | {filled:.3f} | {seconds:.2f} |\n")
    out.write(f"\npeak memory: {peak_memory_text()} MB\n")
    misses: dict[str, int] = defaultdict(int)
    for entry in truth_list:
        if not by_id[entry["id"]].seeks:
            misses["no seeks text"] += 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
