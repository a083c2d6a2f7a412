"""One entry point for registration files, whatever their layout, for the command line.

Every file goes through the one reader (`reader`): the app's own workbook
and any form tool's export alike, with one report. Event settings given on
the command line override an Event sheet, and fill in for files that
cannot carry one (csv). The command line cannot ask, so an import with an
error in a file, or a column it must ask about, stops here (after writing
the report workbook when one was asked for) with every finding listed and,
for each question, the `--column` that settles it.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from nbl_desktop.core.clock import parse_clock, parse_clock_range
from nbl_desktop.core.errors import UserError
from nbl_desktop.core.event import AttendeeRecord, EventData, EventSettings
from nbl_desktop.core.i18n import _, n_
from nbl_desktop.core.importing.choices import ImportChoices, header_key
from nbl_desktop.core.importing.event_sheet import MAX_SLOTS, MAX_TABLES
from nbl_desktop.core.importing.fields import FIELDS, field_named
from nbl_desktop.core.importing.import_report import ImportReport, write_report_workbook
from nbl_desktop.core.importing.layout import wrong_sheet
from nbl_desktop.core.importing.reader import import_registrations


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
        except ValueError as exc:
            raise UserError(f"--start: {exc}") from exc
        breaks = []
        for text in self.breaks:
            found = parse_clock_range(text)
            if found is None or found[1] <= found[0]:
                # Translators: --break is the command line's option: keep it as it is
                raise UserError(_("--break {text}: write a break as HH:MM-HH:MM, e.g. "
                                  "12:00-13:00").format(text=text))
            breaks.append(found)
        if self.breaks:
            changes["breaks"] = tuple(sorted(breaks))
        for name, value, most in (("slot_minutes", self.slot_minutes, 24 * 60),
                                  ("slot_count", self.slots, MAX_SLOTS)):
            if value is not None:
                if not 1 <= value <= most:
                    flag = "--slots" if name == "slot_count" else "--slot-minutes"
                    # Translators: {flag} is a command line option, "--slots"
                    raise UserError(_("{flag} must be from 1 to {most}").format(flag=flag,
                                                                              most=most))
                changes[name] = value
        if self.tables is not None:
            if not 1 <= self.tables <= MAX_TABLES:
                raise UserError(_("{flag} must be from 1 to {most}").format(
                    flag="--tables", most=f"{MAX_TABLES:,}"))
            changes["table_labels"] = tuple(str(i) for i in range(1, self.tables + 1))
        return replace(settings, **changes)  # type: ignore[arg-type]


def column_choices(texts: Sequence[str], choices: ImportChoices | None = None
                   ) -> ImportChoices:
    """`choices` with each --column "HEADER=FIELD" in place; UserError for a bad one."""
    chosen = choices.copy() if choices else ImportChoices()
    for text in texts:
        header, equals, name = text.rpartition("=")
        field = field_named(name) if equals else None
        if not header.strip() or field is None:
            known = ", ".join(sorted(f.key for f in FIELDS.values()))
            # Translators: --column, HEADER=FIELD, the fields ({known}) and "ignore" are what
            # the organizer types on the command line: keep them as they are
            raise UserError(_("--column {text!r}: write --column \"HEADER=FIELD\", where FIELD "
                              "is one of {known}, or ignore").format(text=text, known=known))
        chosen.header_fields[header_key(header)] = field
        chosen.given_now.add(header_key(header))
    return chosen


class ImportStopped(UserError):
    """The files hold errors, or columns to ask about: nothing is written."""


@dataclass(frozen=True)
class FilesRead:
    """What the files hold, the report, and whether they set the event's settings."""

    event: EventData
    report: ImportReport
    settings_given: bool


def read_files(paths: Sequence[Path], settings: EventSettings,
               known: Sequence[AttendeeRecord] = (),
               choices: ImportChoices | None = None) -> FilesRead:
    """The files' event (with their own settings, else `settings`) and the report.

    Wish lists may also name `known` people (the event's, on a re-import);
    `choices` are the organizer's corrections remembered from earlier imports.
    """
    imported = import_registrations(paths, settings, known, choices)
    return FilesRead(imported.event, imported.report, imported.settings_given)


def read_registrations(paths: Sequence[Path], flags: EventFlags, say: Callable[[str], None],
                       report_path: Path | None = None,
                       known: Sequence[AttendeeRecord] = (),
                       choices: ImportChoices | None = None) -> EventData:
    """The event in the files, with the flags applied; warnings go to `say`, and an import
    that cannot go on unasked raises ImportStopped."""
    read = read_files(paths, EventSettings(name=Path(paths[0]).stem), known, choices)
    report = read.report
    _check_columns_named(choices, report)
    if report_path is not None:
        write_report_workbook(report, report_path)
        say(_("Wrote the import report to {path}").format(path=report_path))
    for line in report.warnings():
        say(line)
    _stop_if_unsure(report)
    event = read.event
    settings = flags.apply(event.settings)
    if not read.settings_given:
        if not flags.tables:
            settings = replace(settings, table_labels=tuple(
                str(i) for i in range(1, max(1, len(event.attendees) // 2) + 1)))
        if not flags.given() and not known:  # a re-import keeps the event's settings
            # Translators: --start, --slots … are command line options: keep them as they are
            say(_("note: the files carry no event settings; using a start at 09:00, {slots} "
                  "slots of {minutes} minutes and {tables} tables (set --start, --slots, "
                  "--slot-minutes, --tables, --break)").format(
                slots=settings.slot_count, minutes=settings.slot_minutes,
                tables=len(settings.table_labels)))
    if not event.attendees and not known:
        raise ImportStopped(_("{files}: the files hold a header row but no people; add one "
                              "row per person under it").format(
            files=", ".join(Path(p).name for p in paths)))
    return replace(event, settings=settings)


def _check_columns_named(choices: ImportChoices | None, report: ImportReport) -> None:
    """A --column whose header no sheet has is a typo to say, not a choice to keep."""
    if choices is None or not choices.given_now:
        return
    headers = {header_key(h): h for h in report.headers()}
    missing = [key for key in choices.given_now if key not in headers]
    if missing:
        # Translators: {missing} and {headers} are column headers, "'Kontor', 'Ankomst'"
        raise ImportStopped(_("--column: no column of the files is headed {missing}; the "
                              "headers are: {headers}").format(
            missing=", ".join(repr(m) for m in missing),
            headers=", ".join(repr(h) for h in sorted(headers.values()))))
    misplaced = []
    for _sheet, column in report.not_used_columns():
        key = header_key(column.header)
        choice = choices.header_fields.get(key, "")
        if key in choices.given_now and choice in FIELDS and \
                wrong_sheet(choice) in column.text:
            misplaced.append(f"{column.header!r}: {wrong_sheet(choice)}")
    if misplaced:
        raise ImportStopped("--column: " + "; ".join(misplaced))


def _stop_if_unsure(report: ImportReport) -> None:
    errors, questions = report.errors, report.questions
    if not errors and not questions:
        return
    lines = []
    if errors:
        lines.append(n_("{count} value in the files cannot be read as written; fix them in "
                        "the file and import again:",
                        "{count} values in the files cannot be read as written; fix them in "
                        "the file and import again:", len(errors)).format(count=len(errors)))
        lines += [f"  {e}" for e in errors]
    if questions:
        lines.append(n_("{count} column with an unknown header looks like data the app uses; say "
                        "what each holds (or import in the app, which asks):",
                        "{count} columns of unknown headers look like data the app uses; say "
                        "what each holds (or import in the app, which asks):",
                        len(questions)).format(count=len(questions)))
        lines += [f"  {q}" for q in questions]
    raise ImportStopped("\n".join(lines))


def read_clean_files(paths: Sequence[Path]) -> EventData:
    """The event in files that must read without a question (the bundled demo event):
    ImportStopped otherwise."""
    read = read_files(paths, EventSettings(name=Path(paths[0]).stem))
    _stop_if_unsure(read.report)
    return read.event
