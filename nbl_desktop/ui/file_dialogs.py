"""Asking the organizer for file names; one function per question.

Returning None means the organizer cancelled. Tests replace these functions.
Each dialog starts in the folder used last, and remembers the one chosen.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from nbl_desktop.ui import app_settings

EVENT_FILTER = "NBL events (*.nblevent)"
WORKBOOK_FILTER = "Excel workbooks (*.xlsx)"
REGISTRATION_FILTER = "Registration files (*.xlsx *.csv);;All files (*)"
IMAGE_FILTER = "Pictures (*.png *.jpg *.jpeg);;All files (*)"
PDF_FILTER = "PDF files (*.pdf)"


def _chosen(name: str, suffix: str = "") -> Path | None:
    """The chosen file (with `suffix` added when typed without it), or None."""
    if not name:
        return None
    if suffix and not name.casefold().endswith(suffix.casefold()):  # "Day.NBLEVENT" as typed
        name += suffix
    app_settings.remember_folder(Path(name))
    return Path(name)


def _in_last_folder(name: str = "") -> str:
    folder = app_settings.last_folder()
    return str(Path(folder) / name) if folder else name


def ask_new_event_path(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, "New event file", _in_last_folder(),
                                          EVENT_FILTER)
    return _chosen(name, ".nblevent")


def ask_event_to_open(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, "Open event file", _in_last_folder(),
                                          EVENT_FILTER)
    return _chosen(name)


def ask_registration_files(parent: QWidget) -> list[Path] | None:
    """One file, or several (say, the people and a separate file of wishes)."""
    names, _ = QFileDialog.getOpenFileNames(parent, "Import registrations", _in_last_folder(),
                                            REGISTRATION_FILTER)
    if names:
        app_settings.remember_folder(Path(names[0]))
    return [Path(n) for n in names] or None


def ask_report_path(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, "Save the import report",
                                          _in_last_folder("import-report.xlsx"), WORKBOOK_FILTER)
    return _chosen(name, ".xlsx")


def ask_schedule_export_path(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, "Export schedule",
                                          _in_last_folder("schedule.xlsx"), WORKBOOK_FILTER)
    return _chosen(name, ".xlsx")


def ask_copy_path(parent: QWidget, current: Path) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, "Save the event as",
                                          _in_last_folder(f"{current.stem} copy.nblevent"),
                                          EVENT_FILTER)
    return _chosen(name, ".nblevent")


def ask_logo_path(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, "Choose the logo for agendas",
                                          _in_last_folder(), IMAGE_FILTER)
    return _chosen(name)


def ask_pdf_path(parent: QWidget, suggested: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, "Export PDF", _in_last_folder(suggested),
                                          PDF_FILTER)
    return _chosen(name, ".pdf")


def ask_pdf_folder(parent: QWidget) -> Path | None:
    """A folder for one PDF per attendee (or table)."""
    name = QFileDialog.getExistingDirectory(parent, "Export one PDF each into",
                                            _in_last_folder())
    return _chosen(name)
