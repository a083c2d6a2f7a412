"""Every message box goes through here.

User errors say what and where in plain words; bugs add the log file's path.
Every message is logged and kept in `history`. Whoever starts the app says
how it answers: with real boxes (the default), or without a screen
(`answer_without_boxes`, which a headless run and the tests choose), where
nothing blocks and each question gets the answer given, "Yes" or "No".
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QMessageBox, QWidget

from nbl_desktop.core.i18n import _
from nbl_desktop.paths import log_file

log = logging.getLogger(__name__)

history: list[tuple[str, str]] = []
_boxes = True  # False: nothing is shown, questions get `_answer`
_answer = True


def answer_without_boxes(answer: bool = True) -> None:
    """Show no boxes from now on: log them, and answer every question with `answer`."""
    global _boxes, _answer
    _boxes, _answer = False, answer


def answer_with_boxes() -> None:
    global _boxes
    _boxes = True


def show_error(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    history.append((title, text))
    log.warning("%s: %s", title, text)
    if not _boxes:
        return
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setDetailedText(details)
    box.exec()


def show_bug(parent: QWidget | None, what: str, exc: BaseException) -> None:
    """An unexpected error while `what` ("reading day.xlsx", already translated)."""
    log.error("unexpected error while %s", what, exc_info=exc)
    show_error(
        parent,
        _("Something went wrong"),
        # Translators: {what} is what the app was doing ("reading day.xlsx"); {log} a file
        _("Something went wrong while {what}. Your event file is safe: every change was "
          "saved as it was made.\n\nThe details are in {log}.").format(what=what,
                                                                        log=log_file()),
        details=f"{type(exc).__name__}: {exc}",
    )


def ask(parent: QWidget | None, title: str, question: str) -> bool:
    history.append((title, question))
    if not _boxes:
        log.info("%s: %s -> %s (no boxes shown)", title, question, _answer)
        return _answer
    answer = QMessageBox.question(parent, title, question)
    return answer == QMessageBox.StandardButton.Yes


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    history.append((title, text))
    log.info("%s: %s", title, text)
    if _boxes:
        QMessageBox.information(parent, title, text)
