"""One entry point for registration files: the template workbook, or any layout.

A single workbook with the template's Event and Attendees sheets is read
strictly by `registration_workbook`; anything else by `any_layout`.
Event settings given on the command line override an Event sheet, and fill
in for files that cannot carry one (csv).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from openpyxl import load_workbook

from nbl_desktop.core import registration_form as form
from nbl_desktop.core.clock import parse_clock
from nbl_desktop.core.errors import UserError
from nbl_desktop.core.event import AttendeeRecord, EventData, EventSettings
from nbl_desktop.core.importing.any_layout import import_registrations
from nbl_desktop.core.importing.choices import ImportChoices
from nbl_desktop.core.importing.import_report import ImportReport, write_report_workbook
from nbl_desktop.core.importing.registration_workbook import read_registration_workbook


@dataclass(frozen=True)
class EventFlags:
    """Event settings from the command line; None: not given."""

    start: str | None = None
    slot_minutes: int | None = None
    slots: int | None = None
    tables: int | None = None
    breaks: tuple[str, ...] = ()

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> EventFlags:
        return cls(args.start, args.slot_minutes, args.slots, args.tables, tuple(args.breaks))

    def given(self) -> bool:
        return any(v not in (None, ()) for v in (self.start, self.slot_minutes, self.slots,
                                                  self.tables, self.breaks))

    def apply(self, settings: EventSettings) -> EventSettings:
        """`settings` with every given flag in place; UserError for a malformed one."""
        changes: dict[str, object] = {}
        try:
            if self.start is not None:
                changes["start_minute"] = parse_clock(self.start)
            breaks = []
            for text in self.breaks:
                start, _, end = text.partition("-")
                breaks.append((parse_clock(start), parse_clock(end)))
        except ValueError as exc:
            raise UserError(f"--start/--break: {exc}") from exc
        if self.breaks:
            changes["breaks"] = tuple(sorted(breaks))
        for name, value in (("slot_minutes", self.slot_minutes), ("slot_count", self.slots)):
            if value is not None:
                if value < 1:
                    raise UserError(f"--{name.replace('_', '-')} must be at least 1")
                changes[name] = value
        if self.tables is not None:
            if self.tables < 1:
                raise UserError("--tables must be at least 1")
            changes["table_labels"] = tuple(str(i) for i in range(1, self.tables + 1))
        return replace(settings, **changes)  # type: ignore[arg-type]


def is_template(paths: Sequence[Path]) -> bool:
    """One workbook with the template's Event and Attendees sheets: read strictly."""
    return len(paths) == 1 and is_template_workbook(Path(paths[0]))


def is_template_workbook(path: Path) -> bool:
    if path.suffix.lower() != ".xlsx":
        return False
    try:
        workbook = load_workbook(path, read_only=True)
    except Exception:
        return False
    names = set(workbook.sheetnames)
    workbook.close()
    # An Event sheet marks the template: read strictly, so its settings are never ignored.
    return {form.EVENT_SHEET, form.ATTENDEES_SHEET} <= names


@dataclass(frozen=True)
class FilesRead:
    """What the files hold, and findings as printable lines."""

    event: EventData
    findings: tuple[str, ...]
    report: ImportReport | None  # None: the template workbook, read strictly


def read_files(paths: Sequence[Path], settings: EventSettings,
               known: Sequence[AttendeeRecord] = (),
               choices: ImportChoices | None = None) -> FilesRead:
    """The template workbook (with its own settings), or any layout (with `settings`).

    Wish lists may also name `known` people (the event's, on a re-import);
    `choices` are the organizer's corrections remembered from earlier imports.
    """
    if is_template(paths):
        outcome = read_registration_workbook(Path(paths[0]))
        return FilesRead(outcome.event, tuple(f"note: {n}" for n in outcome.notes), None)
    imported = import_registrations(paths, settings, known, choices)
    return FilesRead(imported.event, tuple(imported.report.lines()), imported.report)


def read_registrations(paths: Sequence[Path], flags: EventFlags, say: Callable[[str], None],
                       report_path: Path | None = None,
                       known: Sequence[AttendeeRecord] = (),
                       choices: ImportChoices | None = None) -> EventData:
    """The event in the files, with the flags applied; findings go to `say` (and the report)."""
    read = read_files(paths, EventSettings(name=Path(paths[0]).stem), known, choices)
    event = read.event
    if read.report is None:
        for line in read.findings:
            say(line)
        return replace(event, settings=flags.apply(event.settings))
    settings = flags.apply(event.settings)
    if not flags.tables:
        settings = replace(settings, table_labels=tuple(
            str(i) for i in range(1, max(1, len(event.attendees) // 2) + 1)))
    if not flags.given() and not known:  # a re-import keeps the event's settings
        say("note: the files carry no event settings; using a start at 09:00, "
            f"{settings.slot_count} slots of {settings.slot_minutes} minutes and "
            f"{len(settings.table_labels)} tables (set --start, --slots, --slot-minutes, "
            "--tables, --break)")
    for line in read.findings:
        say(line)
    if report_path is not None:
        write_report_workbook(read.report, report_path)
        say(f"Wrote the import report to {report_path}")
    return replace(event, settings=settings)
