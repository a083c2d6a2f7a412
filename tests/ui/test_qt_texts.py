"""Qt's own buttons and dialogs speak the window's language, Norwegian included (Qt ships
no Norwegian catalog: ours serves the texts the app shows)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QLabel,
    QMessageBox,
)
from pytestqt.qtbot import QtBot

from nbl_desktop.core.i18n import catalog
from nbl_desktop.ui.app import speak
from nbl_desktop.ui.qt_texts import QtTextTranslator

pytestmark = pytest.mark.gui

EXPECTED_CANCEL = {"nb": "Avbryt", "sv": "Avbryt", "fi": "Peruuta"}


@pytest.fixture
def speaking(request: pytest.FixtureRequest) -> Iterator[str]:
    """Qt answered by our translator for the language, removed after the test."""
    language = request.param
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translator = QtTextTranslator(language)
    app.installTranslator(translator)
    yield language
    app.removeTranslator(translator)


@pytest.mark.parametrize("speaking", ["nb", "sv", "fi"], indirect=True)
def test_standard_buttons_and_the_file_dialog_are_translated(qtbot: QtBot,
                                                             speaking: str) -> None:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel).text()
    assert cancel == EXPECTED_CANCEL[speaking]
    # "OK" is "OK" in all three: still a translation, never a blank button.
    assert buttons.button(QDialogButtonBox.StandardButton.Ok).text() == "OK"
    box = QMessageBox(QMessageBox.Icon.Question, "?", "?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(box)
    yes = box.button(QMessageBox.StandardButton.Yes).text().replace("&", "")
    assert yes == {"nb": "Ja", "sv": "Ja", "fi": "Kyllä"}[speaking]
    dialog = QFileDialog(None, "?")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert "File &name:" not in labels and "&Look in:" not in labels
    assert catalog(speaking).pgettext("QFileDialog", "File &name:") in labels


def test_english_asks_qt_for_nothing() -> None:
    translator = QtTextTranslator("en")
    assert translator.isEmpty()
    assert translator.translate("QPlatformTheme", "Cancel") is None



def test_speaking_norwegian_sets_qt_buttons_and_numbers(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    installed = speak("nb", app)
    try:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        qtbot.addWidget(buttons)
        assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Avbryt"
        seconds = QDoubleSpinBox()
        qtbot.addWidget(seconds)
        seconds.setValue(2.5)
        assert seconds.text() == "2,50"
    finally:
        for translator in installed:
            app.removeTranslator(translator)
        speak("en", app)
    assert QLocale().decimalPoint() == "."


def test_a_text_not_listed_is_left_to_qt() -> None:
    assert QtTextTranslator("nb").translate("QColorDialog", "Hu&e:") is None
    assert QtTextTranslator("nb").translate("QPlatformTheme", "Cancel") == "Avbryt"
