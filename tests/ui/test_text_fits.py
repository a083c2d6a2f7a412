"""Translated texts fit a 1280×800 laptop screen: no clipped label or button, in Finnish
(the longest words of the four languages) and the others.

A window whose layout needs more than the screen cannot be made to fit it, and
a label or button narrower than its text cuts the text off; both are read from
Qt's own size hints, as laid out on the screen the organizer has.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabBar,
    QToolBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from nbl_desktop.core.i18n import use_language
from tests.conftest import sample
from tests.ui.driving import (
    answer_dialogs,
    open_import_dialog,
    opened_dialogs,
    pages_of,
    schedule,
    window_with_sample,
)

pytestmark = pytest.mark.gui

SCREEN = (1280, 800)


def clipped(root: QWidget) -> list[str]:
    """Labels, buttons, tool bars and tab bars shown narrower than their text needs."""
    found = []
    minimum = root.minimumSizeHint()
    if minimum.width() > SCREEN[0] or minimum.height() > SCREEN[1]:
        found.append(f"{type(root).__name__} needs {minimum.width()}×{minimum.height()}")
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or widget.width() == 0:
            continue
        if isinstance(widget, QLabel) and (widget.wordWrap() or not widget.text()
                                           or (widget.pixmap() and not widget.pixmap().isNull())):
            continue
        if isinstance(widget, (QLabel, QAbstractButton)):
            needs = widget.minimumSizeHint().width() if isinstance(widget, QAbstractButton) \
                else widget.sizeHint().width()
            text = widget.text()
        elif isinstance(widget, (QToolBar, QTabBar)):
            needs, text = widget.sizeHint().width(), type(widget).__name__
        else:
            continue
        if needs > widget.width():
            found.append(f"{type(widget).__name__} {text!r}: {widget.width()} px of {needs}")
    return found


@pytest.mark.parametrize("language", ["fi", "nb", "sv", "en"])
def test_nothing_is_clipped_on_a_laptop_screen(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, language: str) -> None:
    use_language(language)
    app = window_with_sample(qtbot, monkeypatch, tmp_path)
    app.window.resize(*SCREEN)
    schedule(qtbot, app)
    found: dict[str, list[str]] = {}
    # The solve strip's figures, longest while the engine works, did widen it once.
    assert app.window.width() <= SCREEN[0], "the window grew wider than the screen"
    for page in pages_of(app):
        app.show_tab(page)
        qtbot.wait(50)
        found[type(page).__name__] = clipped(app.window)
    for action, dialog in opened_dialogs(app):
        qtbot.wait(50)
        found[action] = clipped(dialog)
    answer_dialogs(monkeypatch, ask_registration_files=[sample("arctic-60.xlsx")])
    importing = open_import_dialog(qtbot, app)
    qtbot.waitUntil(lambda: not importing.is_reading(), timeout=30_000)
    found["import"] = clipped(importing)
    importing.reject()
    left = {name: texts for name, texts in found.items() if texts}
    assert not left, "\n".join(f"{name}:\n  " + "\n  ".join(texts)
                               for name, texts in left.items())


def test_a_clipped_button_and_a_too_wide_window_are_found(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    row = QHBoxLayout(window)
    button = QPushButton("Tapaamisten aikataulu")
    button.setFixedWidth(40)
    row.addWidget(button)
    wide = QWidget()
    wide.setMinimumWidth(SCREEN[0] + 1)
    row.addWidget(wide)
    window.show()
    found = clipped(window)
    assert found[0].startswith("QWidget needs 13")
    assert found[1].startswith("QPushButton 'Tapaamisten aikataulu': 40 px of")
