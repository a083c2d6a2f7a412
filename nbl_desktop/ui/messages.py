"""Every message box goes through here.

User errors say what and where in plain words; bugs add the log file's path.
On the offscreen platform (tests, headless runs) nothing blocks: the message
is logged and kept in `history`, and questions get `HEADLESS_ANSWER`.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from nbl_desktop.paths import log_file

log = logging.getLogger(__name__)

history: list[tuple[str, str]] = []
HEADLESS_ANSWER = True


def _headless() -> bool:
    return QGuiApplication.platformName() in ("offscreen", "minimal")


def show_error(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    history.append((title, text))
    log.warning("%s: %s", title, text)
    if _headless():
        return
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setDetailedText(details)
    box.exec()


def show_bug(parent: QWidget | None, what: str, exc: BaseException) -> None:
    log.error("unexpected error while %s", what, exc_info=exc)
    show_error(
        parent,
        "Something went wrong",
        f"Something went wrong while {what}. Your event file is safe: every change "
        f"was saved as it was made.\n\nThe details are in {log_file()}.",
        details=f"{type(exc).__name__}: {exc}",
    )


def ask(parent: QWidget | None, title: str, question: str) -> bool:
    history.append((title, question))
    if _headless():
        log.info("%s: %s -> %s (headless)", title, question, HEADLESS_ANSWER)
        return HEADLESS_ANSWER
    answer = QMessageBox.question(parent, title, question)
    return answer == QMessageBox.StandardButton.Yes


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    history.append((title, text))
    log.info("%s: %s", title, text)
    if not _headless():
        QMessageBox.information(parent, title, text)
