"""Nothing assumes Linux: organizers run Windows and macOS (issue 36).

What can be checked on any system: file names Windows accepts, names that
differ only in case (one file on Windows and macOS), the windowed program
with no stdout, the data folder against Qt's QStandardPaths, helper
processes spawned in the frozen app, and no POSIX-only module or shell call
outside a platform check. None of these tests needs ../shared, so
.github/workflows/bundle.yml runs them on Windows, macOS and Linux.
"""

from __future__ import annotations

import ast
import io
import logging
import os
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from nbl_desktop.cli import main
from nbl_desktop.core.errors import EventFileError
from nbl_desktop.core.event import EventSettings
from nbl_desktop.core.store import EventStore, backups
from nbl_desktop.core.store.backups import backups_of, keep_backup
from nbl_desktop.log_setup import SharedLogFile, configure_logging
from nbl_desktop.paths import APP_FOLDER, platform_data_dir
from solver.bench.memory import megabytes, peak_memory_text
from solver.helper_processes import helper_context
from tests.conftest import ROOT

WINDOWS_FORBIDS = set('<>:"/\\|?*') | {chr(c) for c in range(32)}
# Every reason a backup is kept, as the app and the command line say it.
BACKUP_REASONS = ("before schedule", "before re-plan", "before import", "before replace",
                  "by hand", "before restoring a backup", "damaged")


def new_event(path: Path) -> EventStore:
    return EventStore.create(path, EventSettings(name="Day", table_labels=("1", "2")))


def test_backup_names_are_file_names_windows_accepts(tmp_path: Path) -> None:
    store = new_event(tmp_path / "day.nblevent")
    try:
        names = [keep_backup(store, why).name for why in BACKUP_REASONS]
    finally:
        store.close()
    for name in names:
        assert not set(name) & WINDOWS_FORBIDS, name  # the time is 101500, never 10:15:00
        assert not name.endswith((" ", ".")), name
    assert len(backups_of(tmp_path / "day.nblevent")) == len(BACKUP_REASONS)


@pytest.mark.parametrize("ignore_case, found", [(True, 1), (False, 0)])
def test_an_events_backups_are_found_however_its_name_is_typed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ignore_case: bool, found: int) -> None:
    # Windows and macOS: "DAY.nblevent" is the file "Day.nblevent"; Linux: another one.
    monkeypatch.setattr(backups, "NAMES_IGNORE_CASE", ignore_case)
    store = new_event(tmp_path / "Day.nblevent")
    try:
        keep_backup(store, "by hand")
    finally:
        store.close()
    assert len(backups_of(tmp_path / "DAY.nblevent")) == found
    assert len(backups_of(tmp_path / "Day.nblevent")) == 1


def test_save_copy_refuses_another_name_of_the_event_file_itself(tmp_path: Path) -> None:
    # macOS: "DAY.nblevent" is "day.nblevent", and resolve() keeps the case as typed. A
    # hard link is the same case anywhere: one file, two names. Replacing it with the copy
    # would leave the program that has it open writing to a file that is gone.
    path = tmp_path / "day.nblevent"
    new_event(path).close()
    other_name = tmp_path / "same file.nblevent"
    os.link(path, other_name)
    store = EventStore.open(path)
    try:
        with pytest.raises(EventFileError, match="the event file itself"):
            store.save_copy(other_name)
        store.save_copy(tmp_path / "copy.nblevent")  # another file is fine
    finally:
        store.close()
    assert os.path.samefile(path, other_name)
    assert (tmp_path / "copy.nblevent").is_file()


@pytest.mark.usefixtures("qapp")  # pytest-qt's QApplication, as every test that paints
def test_one_pdf_each_never_gives_two_pages_one_file_name(tmp_path: Path) -> None:
    from nbl_desktop.core.demo import open_demo_event
    from nbl_desktop.core.printouts.pages import pages_of_kind
    from nbl_desktop.core.printouts.print_log import AGENDA
    from nbl_desktop.printing.documents import PrintJob, write_pdf_per_page

    store = open_demo_event()
    try:
        pages = pages_of_kind(store.load(), AGENDA)[:4]
    finally:
        store.close()
    # One file on Windows and macOS ("a1", "A1": case), and anywhere ("A/1", "A:1": "A_1").
    pages = [replace(page, attendee_id=key, name="Kari")
             for page, key in zip(pages, ("a1", "A1", "A/1", "A:1"), strict=True)]
    files = write_pdf_per_page(tmp_path / "agendas", PrintJob(AGENDA, pages))
    assert files is not None
    assert len({f.name.casefold() for f in files}) == 4
    assert len(list((tmp_path / "agendas").glob("*.pdf"))) == 4


def test_a_command_runs_in_a_windowed_program(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    # As in "NBL Desktop.exe": no stdout, no stderr. Set here, not in a fixture: pytest's
    # capturing puts its own streams back between a fixture and the test.
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    assert main(["template", "-o", str(tmp_path / "blank.xlsx")]) == 0
    assert (tmp_path / "blank.xlsx").is_file()
    assert main(["restore", str(tmp_path / "none.nblevent")]) == 2  # said on no stderr


def test_a_command_prints_any_name_through_a_windows_code_page(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Windows writes a pipe or a file (`nbl-desktop restore … > list.txt`) in cp1252,
    # strictly, where Linux and macOS write UTF-8; "Ł" and "ź" are not in cp1252.
    event_file = tmp_path / "Łódź.nblevent"
    store = new_event(event_file)
    try:
        keep_backup(store, "by hand")
    finally:
        store.close()
    piped = io.TextIOWrapper(io.BytesIO(), encoding="cp1252", errors="strict")
    monkeypatch.setattr(sys, "stdout", piped)
    assert main(["restore", str(event_file)]) == 0
    piped.flush()
    listed = piped.buffer.getvalue().decode("cp1252")
    assert "— by hand  (\\u0141ód\\u017a 20" in listed  # the backup, by its file name
    assert "\\u0141ód\\u017a.nblevent NUMBER" in listed


def test_logging_in_a_windowed_program_goes_to_the_file_only(
        monkeypatch: pytest.MonkeyPatch) -> None:
    root = logging.getLogger()
    ours = [h for h in root.handlers if getattr(h, "nbl_desktop", False)]
    for handler in ours:
        root.removeHandler(handler)
    monkeypatch.setattr(sys, "stderr", None)
    try:
        configure_logging()
        added = [h for h in root.handlers if getattr(h, "nbl_desktop", False)]
        assert added and all(isinstance(h, logging.FileHandler | logging.NullHandler)
                             for h in added)
        logging.getLogger("nbl_desktop.test").warning("said to the log file only")
    finally:
        for handler in [h for h in root.handlers if getattr(h, "nbl_desktop", False)]:
            root.removeHandler(handler)
            handler.close()
        for handler in ours:
            root.addHandler(handler)


def test_the_log_goes_on_when_another_program_keeps_it_from_rotating(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    handler = SharedLogFile(tmp_path / "nbl-desktop.log", maxBytes=60, backupCount=2,
                            encoding="utf-8")

    def open_elsewhere(source: str, dest: str) -> None:
        raise PermissionError(32, "The process cannot access the file because it is being "
                                  "used by another process", source)

    monkeypatch.setattr(handler, "rotate", open_elsewhere)  # as on Windows, file in use
    log = logging.getLogger("nbl_desktop.test.rotation")
    log.propagate = False
    log.addHandler(handler)
    try:
        for number in range(10):
            log.warning("record number %d of a long day", number)
    finally:
        log.removeHandler(handler)
        handler.close()
    assert capsys.readouterr().err == ""  # a plain RotatingFileHandler: an error a record
    text = (tmp_path / "nbl-desktop.log").read_text(encoding="utf-8")
    assert all(f"record number {n} " in text for n in range(10))


def test_the_data_folder_is_where_qt_would_put_it() -> None:
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    kept = QCoreApplication.organizationName(), QCoreApplication.applicationName()
    QCoreApplication.setOrganizationName("")
    QCoreApplication.setApplicationName(APP_FOLDER)
    try:
        if sys.platform in ("win32", "darwin"):
            qt = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        else:
            generic = QStandardPaths.StandardLocation.GenericDataLocation
            qt = str(Path(QStandardPaths.writableLocation(generic)) / "nbl-desktop")
    finally:
        QCoreApplication.setOrganizationName(kept[0])
        QCoreApplication.setApplicationName(kept[1])
    assert platform_data_dir() == Path(qt)


def test_helper_processes_are_spawned_in_the_frozen_app(monkeypatch: pytest.MonkeyPatch) -> None:
    # A frozen program has no interpreter to start a fork server with; PyInstaller's
    # multiprocessing hook and freeze_support() in __main__ run the spawned children.
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert helper_context("solver.compaction.sat_process").get_start_method() == "spawn"
    main_module = (ROOT / "nbl_desktop" / "__main__.py").read_text(encoding="utf-8")
    assert "multiprocessing.freeze_support()" in main_module


def test_peak_memory_is_in_megabytes_on_every_system() -> None:
    assert megabytes(2048, "linux") == 2.0  # kilobytes
    assert megabytes(2 * 1024 * 1024, "darwin") == 2.0  # bytes
    text = peak_memory_text()
    assert text == "n/a" if sys.platform == "win32" else text.isdigit()


POSIX_ONLY = {"fcntl", "resource", "pwd", "grp", "termios", "tty", "pty", "posix", "syslog"}
NOT_ON_WINDOWS = {"fork", "forkpty", "killpg", "setsid", "getuid", "geteuid", "getpgid",
                  "SIGKILL", "SIGHUP", "SIGUSR1", "SIGUSR2", "SIGALRM", "SIGCHLD", "alarm"}


def _platform_guarded(node: ast.AST) -> bool:
    """An `if` on sys.platform / os.name, or a `try` that catches ImportError."""
    if isinstance(node, ast.If):
        test = ast.unparse(node.test)
        return "sys.platform" in test or "os.name" in test
    if isinstance(node, ast.Try):
        return any(h.type is not None and "ImportError" in ast.unparse(h.type)
                   for h in node.handlers)
    return False


def _unguarded_posix_uses(path: Path) -> list[str]:
    found: list[str] = []

    def visit(node: ast.AST, guarded: bool) -> None:
        if not guarded:
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name.split(".")[0] for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module.split(".")[0]]
            where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}"
            found.extend(f"{where} imports {n}" for n in names
                         if n in POSIX_ONLY or n == "subprocess")
            if isinstance(node, ast.Attribute) and node.attr in NOT_ON_WINDOWS:
                found.append(f"{where} uses {ast.unparse(node)}")
            if isinstance(node, ast.keyword) and node.arg == "shell":
                found.append(f"{where} calls a shell")
        for child in ast.iter_child_nodes(node):
            visit(child, guarded or _platform_guarded(node))

    visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)), False)
    return found


def test_no_posix_only_call_or_shell_outside_a_platform_check() -> None:
    # The engine and everything but the window (nbl_desktop/ui, whose developer benchmark
    # ui/bench.py still imports resource as it stands: ui/ is to join this check once not).
    uses = [use for folder in ("nbl_desktop", "solver")
            for path in sorted((ROOT / folder).rglob("*.py"))
            if not path.is_relative_to(ROOT / "nbl_desktop" / "ui")
            for use in _unguarded_posix_uses(path)]
    assert uses == []
