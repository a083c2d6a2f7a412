"""Import benchmark: a sample event in the app's own workbook and as a form-tool export.

    python -m nbl_desktop.core.importing.bench [../shared/samples/arctic-3000.json]

Prints one table row per file. The sample's own workbook (its .xlsx twin) is
read first; then the sample's people are written as a Norwegian form export (title row, wish
lists naming people as "Name (Organization)", as pick-list form tools do,
or by email for one wish in ten; one name in a hundred with a typo), once
as .xlsx and once as a Windows-1252 csv with `;`, then imported as the
organizer would, and as the import dialog does it (the xlsx read again after a
correction; read into the event it made, as a re-import). The sample has
namesakes in the same organization (two Erik Dahls at Luleå Engineering Oy);
wishes for them are rightly not guessed.
Speed goals live here, not in timed tests.
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from nbl_desktop.core.event import EventData, EventSettings
from nbl_desktop.core.importing.into_event import ImportSession
from nbl_desktop.core.importing.reader import import_registrations
from solver.bench.memory import peak_memory_text

DEFAULT_SAMPLE = Path(__file__).resolve().parents[3].parent / "shared" / "samples" / \
    "arctic-3000.json"
HEADER = ["Navn", "Bedrift", "E-postadresse", "Land", "Tilgjengelig fra", "Tilgjengelig til",
          "Maks møter", "Må møte", "Ønsker å møte", "Kan møte", "Vil ikke møte"]
WISH_COLUMN = {3: 7, 2: 8, 1: 9}


def form_rows(sample: dict[str, Any], rng: random.Random) -> tuple[list[list[Any]], int]:
    """The sample as rows of a form export, and how many wishes the rows name."""
    people = {a["id"]: a for a in sample["attendees"]}
    wishes: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    named = 0
    for requester, requested, priority in sample["requests"]:
        other = people[requested]
        name = other["name"]
        if rng.random() < 0.01:
            cut = rng.randrange(1, len(name) - 1)
            name = name[:cut] + name[cut + 1:]  # a letter missing
        name = f"{other['id'].lower()}@example.org" if rng.random() < 0.1 \
            else f"{name} ({other['organization']})"
        wishes[requester][priority].append(name)
        named += 1
    avoid: dict[str, list[str]] = defaultdict(list)
    for a, b in sample["exclusions"]:
        avoid[a].append(f"{people[b]['name']} ({people[b]['organization']})")
    start = sample["event"]["start"]
    rows: list[list[Any]] = [["Påmelding " + sample["event"]["name"]], []]
    rows.append(HEADER)
    for a in sample["attendees"]:
        row: list[Any] = [a["name"], a["organization"], f"{a['id'].lower()}@example.org",
                          a["country"], start, "", a.get("max_meetings") or "", "", "", "",
                          "; ".join(avoid[a["id"]])]
        for priority, column in WISH_COLUMN.items():
            row[column] = "; ".join(wishes[a["id"]][priority])
        rows.append(row)
    return rows, named


def write_files(rows: list[list[Any]], folder: Path) -> list[Path]:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    xlsx = folder / "påmelding.xlsx"
    workbook.save(xlsx)
    csv = folder / "påmelding.csv"
    text = "\r\n".join(";".join(str(v).replace(";", ",") if "; " not in str(v) else
                                f'"{v}"' for v in row) for row in rows)
    csv.write_bytes(text.encode("cp1252", errors="replace"))
    return [xlsx, csv]


def main(argv: list[str]) -> int:
    sample_path = Path(argv[0]) if argv else DEFAULT_SAMPLE
    sample = json.loads(sample_path.read_text(encoding="utf-8"))
    rows, named = form_rows(sample, random.Random(7))
    out = sys.stdout
    out.write(f"{sample_path.name}: {len(sample['attendees'])} attendees, {named} wishes named "
              f"in wish-list cells\n\n")
    out.write("| file | size KB | attendees | requests resolved | do-not-meet | report entries "
              "| not imported | seconds | peak RSS MB |\n|---|---|---|---|---|---|---|---|---|\n")
    with tempfile.TemporaryDirectory() as folder:
        own = sample_path.with_suffix(".xlsx")  # the sample in the app's own workbook
        for path in [own, *write_files(rows, Path(folder))] if own.exists() else \
                write_files(rows, Path(folder)):
            started = time.perf_counter()
            imported = import_registrations([path], EventSettings(name="bench"))
            seconds = time.perf_counter() - started
            peak = peak_memory_text()
            event, report = imported.event, imported.report
            what = f"own workbook ({path.name})" if path == own else path.suffix
            out.write(f"| {what} | {path.stat().st_size // 1024} | "
                      f"{len(event.attendees)} | {len(event.requests)} | "
                      f"{len(event.exclusions)} | {len(report.entries)} | "
                      f"{len(report.skipped)} | {seconds:.2f} | {peak} |\n")
            reasons = Counter(e.message for e in report.skipped)
        # The import dialog: files read once, then read again after each correction.
        session = ImportSession([write_files(rows, Path(folder))[0]],
                                EventData(EventSettings(name="bench")))
        for what, current in (("dialog re-read", session.current),
                              ("re-import (merge)", event)):
            session.current = current
            started = time.perf_counter()
            outcome = session.run()
            seconds = time.perf_counter() - started
            peak = peak_memory_text()
            assert outcome.report is not None
            out.write(f"| {what} | | {len(outcome.event.attendees)} | "
                      f"{len(outcome.event.requests)} | {len(outcome.event.exclusions)} | "
                      f"{len(outcome.report.entries)} | {len(outcome.report.skipped)} | "
                      f"{seconds:.2f} | {peak} |\n")
    out.write("\nnot imported, by reason (the last file): " + "; ".join(
        f"{n} {message}" for message, n in reasons.most_common()) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
