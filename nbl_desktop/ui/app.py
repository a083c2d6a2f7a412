"""Start the desktop application: QApplication, main window, the event to open."""

from __future__ import annotations

import gc
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from nbl_desktop import APP_NAME, __version__
from nbl_desktop.core.demo import open_demo_event
from nbl_desktop.core.errors import UserError
from nbl_desktop.core.i18n import ENGLISH, _, system_language, use_language
from nbl_desktop.ui import app_settings, messages
from nbl_desktop.ui.crash import install_crash_handlers
from nbl_desktop.ui.main_window import MainWindow
from nbl_desktop.ui.qt_texts import QtTextTranslator

log = logging.getLogger(__name__)
SCREENSHOT_DELAY_MS = 1000
QT_LOCALES = {"nb": "nb_NO", "sv": "sv_SE", "fi": "fi_FI", "en": "en_GB"}


def speak(language: str, app: QApplication) -> list[QTranslator]:
    """The window's texts, and Qt's own (OK, Cancel, the file and print dialogs), in
    `language`; the translators installed. Qt ships its own catalogs for Swedish and
    Finnish, not for Norwegian: the texts of Qt's that the app shows come from our
    catalogs (`ui.qt_texts`)."""
    code = use_language(language)
    # Qt's own numbers and dates (spin boxes, the print dialog) as the language writes them:
    # 2,5 s in Norwegian; English is the Nordic offices' 24-hour English.
    QLocale.setDefault(QLocale(QT_LOCALES.get(code, QT_LOCALES[ENGLISH])))
    if code == ENGLISH:
        return []
    installed: list[QTranslator] = []
    qt_catalog = QTranslator(app)
    if qt_catalog.load(f"qtbase_{code}",
                       QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        installed.append(qt_catalog)
    # Installed last, so asked first: Qt's texts the app shows, Norwegian included.
    installed.append(QtTextTranslator(code, app))
    for translator in installed:
        app.installTranslator(translator)
    return installed


def set_aside_long_lived_objects() -> None:
    """Keep Python's garbage collector from walking what lives as long as the app.

    A full collection walks every tracked object with the interpreter lock held, so
    it stops the GUI thread whichever thread runs it. Nine in ten objects at start-up
    are the libraries' functions, classes and constants (about 93,000 of 103,000);
    walking them took 0.1–0.3 s, a freeze felt when a schedule arrives and its
    unpickling set off a collection. `gc.freeze` moves them to a generation no
    collection visits; garbage is still freed by reference counting.
    """
    gc.collect()
    gc.freeze()


def run_app(event_file: Path | None, demo: bool = False, screenshot: Path | None = None,
            language: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    speak(language or app_settings.language() or system_language(), app)
    install_crash_handlers()
    if screenshot is not None:  # a run without anyone to answer: no box may wait for one
        messages.answer_without_boxes()
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("NBL")
    app.setApplicationVersion(__version__)
    window = MainWindow()
    set_aside_long_lived_objects()
    try:
        if demo:
            window.session.use(open_demo_event())
        elif event_file is not None:
            window.files.open_event(event_file)
    except UserError as exc:
        messages.show_error(window, _("Cannot open the event"), str(exc))
    window.show()
    if screenshot is not None:
        def save_and_quit() -> None:
            window.grab().save(str(screenshot))
            log.info("saved a picture of the window to %s", screenshot)
            window.close()

        QTimer.singleShot(SCREENSHOT_DELAY_MS, save_and_quit)
    return app.exec()
