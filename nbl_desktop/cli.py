"""The command line: schedule, import, template, print, replan; with no command, the app.

User errors print a message naming file, sheet, row and column and exit with
status 2; they never show a traceback.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from nbl_desktop import APP_NAME, __version__
from nbl_desktop.core import edits
from nbl_desktop.core.clock import now_stamp, parse_clock
from nbl_desktop.core.errors import UserError
from nbl_desktop.core.event import EventData
from nbl_desktop.core.event_day import day_edits
from nbl_desktop.core.event_day.replanning import DayReplan, notify_list, replan_event
from nbl_desktop.core.exporting.schedule_workbook import write_schedule_workbook
from nbl_desktop.core.exporting.template_workbook import write_template_workbook
from nbl_desktop.core.i18n import ENGLISH, LANGUAGES, N_, _, counted, n_, use_language
from nbl_desktop.core.importing.registrations import (
    EventFlags,
    column_choices,
    read_registrations,
)
from nbl_desktop.core.importing.reimport import merge_import
from nbl_desktop.core.partner_search.event_search import suggest_for_event
from nbl_desktop.core.partner_search.suggestions import CrossBorder, SearchSettings
from nbl_desktop.core.partner_search.suggestions_workbook import (
    accept_top,
    write_suggestions_workbook,
)
from nbl_desktop.core.planning import meetings_from_result, problem_from_event, summary_line
from nbl_desktop.core.printouts.pages import pages_of_kind
from nbl_desktop.core.printouts.print_log import (
    AGENDA,
    GRID,
    TABLE,
    changed_since_printed,
    fingerprints_of,
)
from nbl_desktop.core.printouts.words import AGENDA_LANGUAGES
from nbl_desktop.core.store import EVENT_FILE_SUFFIX, EventStore
from nbl_desktop.core.store.backups import backup_folder, backups_of, keep_backup, restore_backup
from nbl_desktop.core.store.writer_lock import EventFileLocked
from nbl_desktop.log_setup import configure_logging
from nbl_desktop.paths import log_file
from solver import ProblemError, SolveOptions, solve

log = logging.getLogger(__name__)

EXIT_OK, EXIT_BUG, EXIT_USER_ERROR = 0, 1, 2
PRINT_WHAT = {"agendas": AGENDA, "tables": TABLE, "grid": GRID}
COMMANDS = ("schedule", "import", "template", "print", "replan", "backup", "restore",
            "suggest")
# What `print --only-changed` says when none of a kind's pages changed.
NOTHING_CHANGED = {
    AGENDA: N_("Nothing to print: no agendas changed since they were last printed."),
    TABLE: N_("Nothing to print: no tables changed since they were last printed."),
    GRID: N_("Nothing to print: the grid has not changed since it was last printed."),
}


def _say(text: str) -> None:
    _write(sys.stdout, text)


def _complain(text: str) -> None:
    _write(sys.stderr, text)


def _write(stream: TextIO | None, text: str) -> None:
    # A windowed program has no stdout or stderr (None): "NBL Desktop.exe" on Windows,
    # started with a command. The command still runs; its exit status says how it went.
    if stream is None:
        return
    try:
        stream.write(text + "\n")
    except UnicodeEncodeError:
        # Windows writes a pipe or a file in its ANSI code page (cp1252), strictly: a name
        # such as "Łukasz" would end the command with an error. It is written "\u0141ukasz".
        encoding = stream.encoding or "ascii"
        stream.write(text.encode(encoding, "backslashreplace").decode(encoding) + "\n")


def _language_option(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("--language", choices=sorted(LANGUAGES), metavar="nb|sv|fi|en",
                        help=what)


def command_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="nbl-desktop", description=f"{APP_NAME} {__version__}")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--verbose", action="store_true", help="log the solver's progress")
    _language_option(parser, "messages in this language (default: English)")
    commands = parser.add_subparsers(dest="command", required=True)

    schedule = commands.add_parser(
        "schedule", help="import a registration workbook, schedule it, write the schedule"
    )
    schedule.add_argument("registration", type=Path, nargs="+",
                          help="registration files (.xlsx or .csv; any layout, or the template)")
    schedule.add_argument("-o", "--output", type=Path, required=True,
                          help="schedule workbook to write (.xlsx)")
    schedule.add_argument("--time-limit", type=float, default=60.0, metavar="SECONDS",
                          help="longest search time (default 60)")
    schedule.add_argument("--event-file", type=Path, metavar="EVENT.nblevent",
                          help="also keep the event and its schedule in this event file")
    schedule.add_argument("--replace", action="store_true",
                          help="overwrite --event-file if it exists")
    _add_import_flags(schedule)
    _add_event_flags(schedule)
    schedule.set_defaults(run=run_schedule)

    importing = commands.add_parser(
        "import", help="import registration files into an event file: a new one, or merged "
        "into an existing one (re-import of an updated file)")
    importing.add_argument("registration", type=Path, nargs="+",
                           help="registration files (.xlsx or .csv; any layout, or the template)")
    importing.add_argument("--event-file", type=Path, required=True, metavar="EVENT.nblevent",
                           help="the event file to create or update")
    _add_import_flags(importing)
    _add_event_flags(importing)
    importing.set_defaults(run=run_import)

    backup = commands.add_parser(
        "backup", help="copy an event file consistently, even while it is in use: to -o, or "
        "to the backups in the user data folder")
    backup.add_argument("event_file", type=Path, metavar="EVENT.nblevent")
    backup.add_argument("-o", "--output", type=Path, metavar="COPY.nblevent")
    backup.set_defaults(run=run_backup)

    restore = commands.add_parser(
        "restore", help="list an event file's backups, or put one of them in its place")
    restore.add_argument("event_file", type=Path, metavar="EVENT.nblevent")
    restore.add_argument("which", type=int, nargs="?", metavar="NUMBER",
                         help="the backup to restore, as the list numbers them (1: newest)")
    restore.set_defaults(run=run_restore)

    template = commands.add_parser("template", help="write a blank registration workbook")
    template.add_argument("-o", "--output", type=Path, required=True, help="file to write (.xlsx)")
    template.set_defaults(run=run_template)

    printing = commands.add_parser(
        "print", help="write agendas, table cards or the master grid of an event file to PDF")
    printing.add_argument("event_file", type=Path, metavar="EVENT.nblevent")
    printing.add_argument("--what", choices=tuple(PRINT_WHAT), required=True,
                          help="agendas (one page per attendee), tables (a card per table) "
                          "or grid (the master grid)")
    printing.add_argument("--only-changed", action="store_true",
                          help="only the pages that changed since they were last printed")
    printing.add_argument("--attendee", action="append", default=[], metavar="ID",
                          help="only this attendee's agenda (repeatable)")
    printing.add_argument("--paper", choices=("a4", "letter"), default="a4")
    printing.add_argument("--language", choices=AGENDA_LANGUAGES, default="en",
                          help="language of table cards and the grid (agendas use each "
                          "attendee's own)")
    printing.add_argument("--one-file-each", action="store_true",
                          help="write one PDF per attendee (or table) into the folder -o")
    printing.add_argument("-o", "--output", type=Path, required=True,
                          help="PDF file to write (a folder with --one-file-each)")
    printing.set_defaults(run=run_print)

    replanning = commands.add_parser(
        "replan", help="on the day: record no-shows and late arrivals, re-plan the rest of the "
        "day, keep it in the event file and list what changed for whom")
    replanning.add_argument("event_file", type=Path, metavar="EVENT.nblevent")
    replanning.add_argument("--from-slot", type=int, required=True, metavar="N",
                            help="the first slot to re-plan (1-based); earlier slots stay")
    replanning.add_argument("--absent", action="append", default=[], metavar="ID",
                            help="a no-show from slot N on (repeatable)")
    replanning.add_argument("--late", action="append", default=[], metavar="ID=HH:MM",
                            help="arrives at HH:MM (repeatable)")
    replanning.add_argument("--leave", action="append", default=[], metavar="ID=HH:MM",
                            help="leaves at HH:MM (repeatable)")
    replanning.add_argument("--time-limit", type=float, default=10.0, metavar="SECONDS",
                            help="longest search time (default 10)")
    replanning.add_argument("-o", "--output", type=Path, metavar="SCHEDULE.xlsx",
                            help="also write the schedule workbook")
    replanning.set_defaults(run=run_replan)

    suggesting = commands.add_parser(
        "suggest", help="partner search: whom each company should meet, and why, from what "
        "they offer and seek (in any of the four languages)")
    suggesting.add_argument("source", type=Path, nargs="+",
                            metavar="REGISTRATION.xlsx|EVENT.nblevent",
                            help="registration files, or an event file")
    suggesting.add_argument("-o", "--output", type=Path, required=True,
                            metavar="SUGGESTIONS.xlsx",
                            help="workbook to write: sheet Suggestions, one row per suggestion")
    suggesting.add_argument("--per-attendee", type=int, default=5, metavar="N",
                            help="suggestions per company (default 5)")
    suggesting.add_argument("--cross-border", choices=[c.value for c in CrossBorder],
                            default=CrossBorder.PREFER.value,
                            help="pairs across a border first (prefer, the default), only "
                            "those (only), or no different (any)")
    suggesting.add_argument("--accept-top", type=int, metavar="K",
                            help="make each company's K best suggestions wishes in "
                            "--event-file")
    suggesting.add_argument("--priority", type=int, choices=(1, 2, 3), default=2,
                            help="priority of the accepted wishes: 1 nice, 2 important "
                            "(default), 3 must")
    suggesting.add_argument("--event-file", type=Path, metavar="EVENT.nblevent",
                            help="the event file the accepted wishes are written to")
    _add_import_flags(suggesting)
    suggesting.set_defaults(run=run_suggest)
    return parser


def _add_import_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--report", type=Path, metavar="FILE.xlsx",
                        help="also write the import report to this workbook")
    parser.add_argument("--column", action="append", default=[], metavar="HEADER=FIELD",
                        help="what a column holds, where the import asks (e.g. "
                        "\"Oppmøte=available_from\", or \"Kommentar=ignore\"); repeatable")


def _add_event_flags(parser: argparse.ArgumentParser) -> None:
    frame = parser.add_argument_group(
        "event settings", "for files without an Event sheet; they override one when both given")
    frame.add_argument("--start", metavar="HH:MM", help="when the first slot starts")
    frame.add_argument("--slot-minutes", type=int, metavar="N", help="minutes per meeting")
    frame.add_argument("--slots", type=int, metavar="N", help="number of meeting slots")
    frame.add_argument("--tables", type=int, metavar="N", help="number of tables")
    frame.add_argument("--break", dest="breaks", action="append", default=[],
                       metavar="HH:MM-HH:MM", help="a break (repeatable)")


def gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nbl-desktop",
        description=f"{APP_NAME} {__version__}. Commands: {', '.join(COMMANDS)} "
        "(nbl-desktop COMMAND --help).",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("event_file", nargs="?", type=Path, help="event file to open")
    parser.add_argument("--demo", action="store_true", help="open the bundled demo event")
    _language_option(parser, "the window's language this time (default: as chosen in "
                     "Edit → Preferences, else the computer's)")
    parser.add_argument("--screenshot", type=Path, metavar="PNG",
                        help="save a picture of the window and quit (for headless machines)")
    parser.add_argument("--verbose", action="store_true")
    return parser


def run_schedule(args: argparse.Namespace) -> int:
    choices = column_choices(args.column)
    event = read_registrations(args.registration, EventFlags.from_args(args), _complain,
                               args.report, choices=choices)
    if not event.requests:
        raise UserError(_("Nothing to schedule: the files hold no wishes (no sheet of "
                          "requests and no wish-list column such as 'Must meet' or 'Want to "
                          "meet'). Add the wishes, or import the people with `import` and add "
                          "them in the app."))
    # The event file is built beside its name and moved into place once the schedule is in
    # it: killed at any moment, the old file (or none) is there whole, never half of each.
    if args.event_file is not None and args.replace and args.event_file.is_file():
        try:
            old = EventStore.open(args.event_file, read_only=True)
        except UserError:
            pass  # not an event file: the build below refuses it and says why
        else:
            _keep_backup(old, "before replace")
            old.close()
    building = EventStore.build(args.event_file, replace=args.replace) \
        if args.event_file is not None else nullcontext(None)
    with building as store:
        _complain(_("Scheduling {attendees}, {wishes} (up to {seconds:g} s)…").format(
            attendees=counted(len(event.attendees), "{count} attendee", "{count} attendees"),
            wishes=counted(len(event.requests), "{count} wish", "{count} wishes"),
            seconds=args.time_limit))
        problem = problem_from_event(event)
        result = solve(problem, SolveOptions(time_limit_seconds=args.time_limit))
        event = replace(event, meetings=tuple(meetings_from_result(result)))
        if store is not None:
            with store.transaction():
                store.replace_event(event)
                store.remember_import_choices(choices)
    write_schedule_workbook(event, args.output)
    _say(summary_line(result, problem))
    _say(_("Wrote {path}").format(path=args.output))
    return EXIT_OK


def run_import(args: argparse.Namespace) -> int:
    flags = EventFlags.from_args(args)
    if not args.event_file.exists():
        choices = column_choices(args.column)
        event = read_registrations(args.registration, flags, _complain, args.report,
                                   choices=choices)
        with EventStore.build(args.event_file) as new:  # whole, or not there at all
            new.replace_event(event)
            new.remember_import_choices(choices)
        # Translators: {attendees} is "40 attendees"; {wishes} is "120 wishes"
        _say(_("Created {file} with {attendees}, {wishes}").format(
            file=args.event_file,
            attendees=counted(len(event.attendees), "{count} attendee", "{count} attendees"),
            wishes=counted(len(event.requests), "{count} wish", "{count} wishes")))
        return EXIT_OK
    store = _open_for_writing(args.event_file)
    try:
        _keep_backup(store, "before import")
        current = store.load()
        choices = column_choices(args.column, store.import_choices())
        event = read_registrations(args.registration, flags, _complain, args.report,
                                   known=current.attendees, choices=choices)
        if flags.given():
            current = replace(current, settings=flags.apply(current.settings))
        outcome = merge_import(current, event)
        with store.transaction():
            store.replace_event(outcome.event)
            store.remember_import_choices(choices)
    finally:
        store.close()
    for line in outcome.changes:
        _say(line)
    # Translators: {changes} is "3 changes"; {kept} is "12 of 14 meetings kept"
    _say(_("Updated {file}: {changes}, {kept}").format(
        file=args.event_file,
        changes=counted(len(outcome.changes), "{count} change", "{count} changes"),
        # Translators: {kept} of the {count} meetings the event had stay as they were
        kept=n_("{kept} of {count} meeting kept", "{kept} of {count} meetings kept",
                len(current.meetings)).format(kept=len(outcome.event.meetings),
                                              count=len(current.meetings))))
    return EXIT_OK


def _open_for_writing(path: Path) -> EventStore:
    """The event file, open for this command to write; UserError when it may not be."""
    store = EventStore.open(path)
    if store.read_only:
        store.close()
        # Translators: {why} says why, e.g. "the file is read-only"
        raise UserError(_("{file} is read-only ({why}); nothing was changed. Copy it somewhere "
                          "it can be written, or make it writable.").format(
                              file=path, why=store.read_only))
    if store.took_over_from:
        # Translators: {session} is who wrote it, "kari on desk-pc (process 4120, since
        # 2027-03-10 08:12:03)"
        _complain(_("note: the last program to write {file} ({session}) ended without "
                    "closing it; its last saved change is in the file.").format(
                        file=path.name, session=store.took_over_from))
    return store


def _keep_backup(store: EventStore, why: str) -> None:
    try:
        keep_backup(store, why)
    except UserError as exc:  # the change may still be made; say that there is no copy
        _complain(_("warning: no backup was kept ({problem})").format(problem=exc))


def run_backup(args: argparse.Namespace) -> int:
    store = EventStore.open(args.event_file, read_only=True)
    try:
        if args.output is not None:
            store.save_copy(args.output)
            written = args.output
        else:
            written = keep_backup(store, "by hand")
    finally:
        store.close()
    _say(_("Wrote {path}").format(path=written))
    return EXIT_OK


def run_restore(args: argparse.Namespace) -> int:
    found = backups_of(args.event_file)
    if not found:
        raise UserError(_("There is no backup of {file} in {folder}.").format(
            file=args.event_file.name, folder=backup_folder()))
    if args.which is None:
        for number, backup in enumerate(found, start=1):
            _say(f"{number}: {backup}  ({backup.path.name})")
        # Translators: {command} is a command line to type, as it is
        _say(_("Restore one with: {command}").format(
            command=f"nbl-desktop restore {args.event_file} NUMBER"))
        return EXIT_OK
    if not 1 <= args.which <= len(found):
        # Translators: {last} is the number of the oldest backup in the list
        raise UserError(_("Choose a backup from 1 to {last} (see the list without a "
                          "number).").format(last=len(found)))
    restore_backup(found[args.which - 1], args.event_file)
    # Translators: {backup} is when the backup was made and why, "2027-03-10 08:12:03 —
    # before import"
    _say(_("Restored {file} from {backup}; what it held before is the newest backup "
           "now.").format(file=args.event_file, backup=found[args.which - 1]))
    return EXIT_OK


def run_template(args: argparse.Namespace) -> int:
    write_template_workbook(args.output)
    _say(_("Wrote {path}").format(path=args.output))
    return EXIT_OK


def run_print(args: argparse.Namespace) -> int:
    from nbl_desktop.printing.documents import PrintJob, write_pdf, write_pdf_per_page
    from nbl_desktop.printing.offscreen import ensure_gui_application

    kind = PRINT_WHAT[args.what]
    try:
        store = EventStore.open(args.event_file)
    except EventFileLocked as exc:  # printing reads: the app at the desk may have it open
        if exc.owner:
            # Translators: {owner} is who holds the file, "kari on desk-pc (process 4120,
            # since 2027-03-10 08:12:03)"
            _complain(_("note: {file} is open for writing by {owner}; printing from it "
                        "read-only").format(file=exc.path.name, owner=exc.owner))
        else:
            _complain(_("note: {file} is open for writing by another program; printing from "
                        "it read-only").format(file=exc.path.name))
        store = EventStore.open(args.event_file, read_only=True)
    try:
        event = store.load()
        unknown = [i for i in args.attendee if i not in {a.id for a in event.attendees}]
        if unknown:
            # Translators: {ids} is one ID or several, "P0001, P0002"
            raise UserError(_("{file} has no attendee with ID {ids}.").format(
                file=args.event_file, ids=", ".join(unknown)))
        if args.attendee and kind != AGENDA:
            # Translators: {option} and {what} are typed as they are
            raise UserError(_("{option} chooses agendas; use it with {what}.").format(
                option="--attendee", what="--what agendas"))
        pages = pages_of_kind(event, kind, args.attendee or None, args.language)
        if args.only_changed:
            pages = changed_since_printed(pages, store.printed(kind))
        if not pages:
            _say(_(NOTHING_CHANGED[kind]))
            return EXIT_OK
        ensure_gui_application()
        job = PrintJob(kind, pages, args.paper)
        if args.one_file_each:
            files = write_pdf_per_page(args.output, job) or []
            _say(n_("Wrote {count} PDF file into {folder}", "Wrote {count} PDF files into "
                    "{folder}", len(files)).format(count=len(files), folder=args.output))
        else:
            sheets = write_pdf(args.output, job) or 0  # None only when cancelled
            # Translators: {printouts} is "40 agendas", "12 tables" or "1 grid"; {sheets} is
            # "42 pages"
            _say(_("Wrote {path}: {printouts}, {sheets}").format(
                path=args.output, printouts=_printouts(kind, len(pages)),
                sheets=counted(sheets, "{count} page", "{count} pages")))
        if store.read_only:
            # Translators: {why} says why, e.g. "the file is read-only"; {option} is typed
            # as it is
            _complain(_("note: {file} is read-only ({why}), so this print is not recorded "
                        "for {option}.").format(file=args.event_file, why=store.read_only,
                                                option="--only-changed"))
        else:
            store.remember_printed(kind, fingerprints_of(pages), now_stamp())
    finally:
        store.close()
    return EXIT_OK


def _printouts(kind: str, count: int) -> str:
    """"3 agendas", "1 grid": what a print of `kind` wrote."""
    if kind == AGENDA:
        return counted(count, "{count} agenda", "{count} agendas")
    if kind == TABLE:
        return counted(count, "{count} table", "{count} tables")
    return counted(count, "{count} grid", "{count} grids")


def _person_and_time(text: str, flag: str, event: EventData) -> tuple[str, int]:
    person, _equals, clock = text.partition("=")
    if person not in {a.id for a in event.attendees}:
        # Translators: {option} {value} is what was typed, "--late P0007=10:30"
        raise UserError(_("{option} {value}: there is no attendee with ID {id!r}.").format(
            option=flag, value=text, id=person))
    try:
        return person, parse_clock(clock)
    except ValueError as exc:
        raise UserError(f"{flag} {text}: {exc}.") from exc


def run_suggest(args: argparse.Namespace) -> int:
    if args.per_attendee < 1:
        raise UserError(_("--per-attendee {count}: give 1 or more.").format(
            count=args.per_attendee))
    if args.accept_top is not None and args.event_file is None:
        raise UserError(_("--accept-top writes wishes into an event file: give it with "
                          "--event-file EVENT.nblevent."))
    sources = args.source
    if len(sources) == 1 and sources[0].suffix == EVENT_FILE_SUFFIX:
        source = EventStore.open(sources[0], read_only=True)
        try:
            event = source.load()
        finally:
            source.close()
    else:
        event = read_registrations(sources, EventFlags(), _complain, args.report,
                                   choices=column_choices(args.column))
    settings = SearchSettings(args.per_attendee, CrossBorder(args.cross_border))
    found = suggest_for_event(event, settings)
    rows = write_suggestions_workbook(event, found, args.output)
    _say(_("Wrote {path}: {suggestions} for {attendees}").format(
        path=args.output,
        suggestions=counted(rows, "{count} suggestion", "{count} suggestions"),
        attendees=counted(len(event.attendees), "{count} attendee", "{count} attendees")))
    if args.accept_top is None:
        return EXIT_OK
    store = _open_for_writing(args.event_file)
    try:
        target = store.load()
        if {a.id for a in target.attendees} != {a.id for a in event.attendees}:
            raise UserError(_("{file} holds other people than the suggestions were made for: "
                              "import the registrations into it first, or suggest from the "
                              "event file itself.").format(file=args.event_file))
        _keep_backup(store, "before accepting suggestions")
        edit = accept_top(target, found, args.accept_top, args.priority)
        store.apply(edit)
    finally:
        store.close()
    _say(_("{wishes} added to {file}").format(
        wishes=counted(len(edit.changes), "{count} wish", "{count} wishes"),
        file=args.event_file))
    return EXIT_OK


def run_replan(args: argparse.Namespace) -> int:
    store = _open_for_writing(args.event_file)
    try:
        _keep_backup(store, "before re-plan")
        with store.transaction():  # the desk's changes and the new plan, all or nothing
            event, day = _replan(store, args)
        if args.output is not None:
            write_schedule_workbook(event, args.output, store.not_held())
    finally:
        store.close()
    for row in notify_list(event, day):
        # Translators: {changes} is what changed for the person; {next} their next meeting
        _say(_("{name} ({organization}): {changes}. Next: {next}").format(
            name=row.name, organization=row.organization, changes=row.changes,
            next=row.next_meeting))
    # Translators: {kept} is "30 later meetings kept their place"
    _say(n_("{count} agenda changed; {kept}.", "{count} agendas changed; {kept}.",
            len(day.changes)).format(
                count=len(day.changes),
                kept=counted(day.kept, "{count} later meeting kept its place",
                             "{count} later meetings kept their place")))
    if args.output is not None:
        _say(_("Wrote {path}").format(path=args.output))
    return EXIT_OK


def _replan(store: EventStore, args: argparse.Namespace) -> tuple[EventData, DayReplan]:
    """Record the day's changes, re-plan from the slot given, keep the new plan; the event
    and the re-plan."""
    event = store.load()
    slots = event.settings.total_slots
    if not 1 <= args.from_slot <= slots:
        # Translators: {option} {value} is what was typed, "--from-slot 14"
        raise UserError(n_("{option} {value}: the event has only slot 1.",
                           "{option} {value}: the event has slots 1 to {count}.", slots).format(
                               option="--from-slot", value=args.from_slot, count=slots))
    from_slot = args.from_slot - 1
    known = {a.id for a in event.attendees}
    for person in args.absent:
        if person not in known:
            # Translators: {option} {value} is what was typed, "--absent P0007"
            raise UserError(_("{option} {value}: there is no attendee with that ID.").format(
                option="--absent", value=person))
        store.apply(day_edits.no_show(event, person, from_slot))
        event = store.load()
    for flag, values, make in (("--late", args.late, day_edits.late_arrival),
                               ("--leave", args.leave, day_edits.early_leave)):
        for text in values:
            person, minute = _person_and_time(text, flag, event)
            store.apply(make(event, person, minute))
            event = store.load()
    _complain(_("Re-planning from slot {number} (up to {seconds:g} s)…").format(
        number=args.from_slot, seconds=args.time_limit))
    day = replan_event(event, from_slot, SolveOptions(time_limit_seconds=args.time_limit))
    store.apply(edits.replace_meetings(event, day.meetings,
                                       f"re-plan from slot {args.from_slot}"))
    return store.load(), day


def run_command(run: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    try:
        return run(args)
    except UserError as exc:
        _complain(_("error: {problem}").format(problem=exc))
        return EXIT_USER_ERROR
    except ProblemError as exc:
        _complain(_("error: the event cannot be scheduled as it is:"))
        for problem in exc.problems:
            _complain(f"  {problem}")
        return EXIT_USER_ERROR
    except Exception:
        log.exception("unexpected error")
        _complain(_("error: something went wrong inside {app}. The details are in {path}; "
                    "please send that file to support.").format(app=APP_NAME, path=log_file()))
        return EXIT_BUG


def _first_word(argv: list[str]) -> str | None:
    """The first word that is not an option or an option's value ("--language nb")."""
    words = iter(argv)
    for word in words:
        if word == "--language":
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    first_word = _first_word(argv)
    if first_word in COMMANDS:
        args = command_parser().parse_args(argv)
        configure_logging(args.verbose)
        use_language(args.language or ENGLISH)  # a script's output stays English unless asked
        return run_command(args.run, args)
    args = gui_parser().parse_args(argv)
    configure_logging(args.verbose)
    from nbl_desktop.ui.app import run_app  # Qt is loaded only for the desktop app

    return run_app(args.event_file, demo=args.demo, screenshot=args.screenshot,
                   language=args.language)
