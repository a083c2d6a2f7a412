"""Asking the organizer for file names; one function per question.

Returning None means the organizer cancelled. Tests replace these functions.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

EVENT_FILTER = "NBL events (*.nblevent)"
WORKBOOK_FILTER = "Excel workbooks (*.xlsx)"
REGISTRATION_FILTER = "Registration files (*.xlsx *.csv);;All files (*)"


def _chosen(name: str) -> Path | None:
    return Path(name) if name else None


def ask_new_event_path(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, "New event file", "", EVENT_FILTER)
    if name and not name.endswith(".nblevent"):
        name += ".nblevent"
    return _chosen(name)


def ask_event_to_open(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, "Open event file", "", EVENT_FILTER)
    return _chosen(name)


def ask_registration_files(parent: QWidget) -> list[Path] | None:
    """One file, or several (say, the people and a separate file of wishes)."""
    names, _ = QFileDialog.getOpenFileNames(parent, "Import registrations", "",
                                            REGISTRATION_FILTER)
    return [Path(n) for n in names] or None


def ask_report_path(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, "Save the import report", "import-report.xlsx",
                                          WORKBOOK_FILTER)
    if name and not name.endswith(".xlsx"):
        name += ".xlsx"
    return _chosen(name)


def ask_schedule_export_path(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, "Export schedule", "schedule.xlsx",
                                          WORKBOOK_FILTER)
    if name and not name.endswith(".xlsx"):
        name += ".xlsx"
    return _chosen(name)
