"""Nothing vanishes on stderr: uncaught exceptions and Qt's own messages go to the log.

An exception that escapes a slot on the GUI thread (Qt calls Python, nobody
catches) shows the crash dialog: what happened, where the log is, and that
the event file is safe, which it is, since every edit is committed when it
is made. One raised on another thread is logged; the task that ran there
reports it itself. Qt's warnings go to the log at their own level.
"""

from __future__ import annotations

import logging
import sys
import threading
from types import TracebackType

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from nbl_desktop.core.i18n import _
from nbl_desktop.ui import messages

log = logging.getLogger(__name__)
qt_log = logging.getLogger("qt")

_QT_LEVELS = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
              QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
              QtMsgType.QtFatalMsg: logging.CRITICAL}


def install_crash_handlers() -> None:
    """Route uncaught exceptions (any thread) and Qt's messages to the log and, on the GUI
    thread, to the crash dialog."""
    sys.excepthook = _uncaught
    threading.excepthook = _uncaught_in_thread
    qInstallMessageHandler(_qt_message)


def _uncaught(kind: type[BaseException], exc: BaseException,
              trace: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, trace)
        return
    log.critical("uncaught exception", exc_info=(kind, exc, trace))
    app = QApplication.instance()
    if app is not None and threading.current_thread() is threading.main_thread():
        window = QApplication.activeWindow()
        # Translators: said as "Something went wrong while doing that"
        messages.show_bug(window, _("doing that"), exc)


def _uncaught_in_thread(args: threading.ExceptHookArgs) -> None:
    log.critical("uncaught exception in thread %s", args.thread.name if args.thread else "?",
                 exc_info=(args.exc_type, args.exc_value, args.exc_traceback))


def _qt_message(kind: QtMsgType, context: QMessageLogContext, text: str) -> None:
    where = f" ({context.file}:{context.line})" if context.file else ""
    qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "%s%s", text, where)
