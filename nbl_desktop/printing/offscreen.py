"""Painting from the command line: a windowless Qt application for fonts and images."""

from __future__ import annotations

import os

from PySide6.QtGui import QGuiApplication

_application: QGuiApplication | None = None


def ensure_gui_application() -> None:
    """Qt needs an application object to lay out text; the command line makes one that never
    opens a window, so printing works over SSH and on machines without a screen."""
    global _application
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _application = QGuiApplication(["nbl-desktop"])
