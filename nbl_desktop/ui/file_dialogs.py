"""Asking the organizer for file names; one function per question.

Returning None means the organizer cancelled. Tests replace these functions.
Each dialog starts in the folder used last, and remembers the one chosen.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from nbl_desktop.core.i18n import N_, _
from nbl_desktop.ui import app_settings

# The file types offered, each translated where a dialog shows it (`_filter`); the patterns
# in brackets stay as they are.
EVENT_FILTER = N_("NBL events (*.nblevent)")
WORKBOOK_FILTER = N_("Excel workbooks (*.xlsx)")
REGISTRATION_FILTER = N_("Registration files (*.xlsx *.csv)")
IMAGE_FILTER = N_("Pictures (*.png *.jpg *.jpeg)")
PDF_FILTER = N_("PDF files (*.pdf)")
ALL_FILES = N_("All files (*)")


def _filter(*names: str) -> str:
    """Qt's filter string of these file types, in the window's language."""
    return ";;".join(_(name) for name in names)


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
    name, _chosen_filter = QFileDialog.getSaveFileName(parent, _("New event file"),
                                                       _in_last_folder(), _filter(EVENT_FILTER))
    return _chosen(name, ".nblevent")


def ask_event_to_open(parent: QWidget) -> Path | None:
    name, _chosen_filter = QFileDialog.getOpenFileName(parent, _("Open event file"),
                                                       _in_last_folder(), _filter(EVENT_FILTER))
    return _chosen(name)


def ask_registration_files(parent: QWidget) -> list[Path] | None:
    """One file, or several (say, the people and a separate file of wishes)."""
    names, _chosen_filter = QFileDialog.getOpenFileNames(
        parent, _("Import registrations"), _in_last_folder(),
        _filter(REGISTRATION_FILTER, ALL_FILES))
    if names:
        app_settings.remember_folder(Path(names[0]))
    return [Path(n) for n in names] or None


def ask_report_path(parent: QWidget) -> Path | None:
    name, _chosen_filter = QFileDialog.getSaveFileName(
        parent, _("Save the import report"), _in_last_folder("import-report.xlsx"),
        _filter(WORKBOOK_FILTER))
    return _chosen(name, ".xlsx")


def ask_schedule_export_path(parent: QWidget) -> Path | None:
    name, _chosen_filter = QFileDialog.getSaveFileName(
        parent, _("Export schedule"), _in_last_folder("schedule.xlsx"), _filter(WORKBOOK_FILTER))
    return _chosen(name, ".xlsx")


def ask_copy_path(parent: QWidget, current: Path) -> Path | None:
    # Translators: the suggested file name of a copy: "{name} copy.nblevent"
    copy = _("{name} copy").format(name=current.stem)
    name, _chosen_filter = QFileDialog.getSaveFileName(
        parent, _("Save the event as"), _in_last_folder(f"{copy}.nblevent"),
        _filter(EVENT_FILTER))
    return _chosen(name, ".nblevent")


def ask_logo_path(parent: QWidget) -> Path | None:
    name, _chosen_filter = QFileDialog.getOpenFileName(
        parent, _("Choose the logo for agendas"), _in_last_folder(),
        _filter(IMAGE_FILTER, ALL_FILES))
    return _chosen(name)


def ask_pdf_path(parent: QWidget, suggested: str) -> Path | None:
    name, _chosen_filter = QFileDialog.getSaveFileName(
        parent, _("Export PDF"), _in_last_folder(suggested), _filter(PDF_FILTER))
    return _chosen(name, ".pdf")


def ask_pdf_folder(parent: QWidget) -> Path | None:
    """A folder for one PDF per attendee (or table)."""
    name = QFileDialog.getExistingDirectory(parent, _("Export one PDF each into"),
                                            _in_last_folder())
    return _chosen(name)
