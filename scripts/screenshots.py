"""Pictures of every page and dialog in one language at 1280×800, for translators and the README.

    python scripts/screenshots.py fi            # into docs/screenshots/fi/
    python scripts/screenshots.py nb --into /tmp/nb

The demo event is imported and scheduled (a few seconds), then each page of
the main window and each dialog is shown and saved as a PNG. Runs without a
screen (Qt's offscreen platform), so it also works on a build machine.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from nbl_desktop.core.demo import open_demo_event
from nbl_desktop.core.i18n import LANGUAGES
from nbl_desktop.ui import messages
from nbl_desktop.ui.app import speak
from nbl_desktop.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent
SCREEN = (1280, 800)
SCHEDULE_SECONDS = 5.0


def settle(milliseconds: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def save(widget: QWidget, path: Path) -> None:
    settle()
    widget.grab().save(str(path))
    print(path)


def take(language: str, into: Path) -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    speak(language, app)
    messages.answer_without_boxes()
    into.mkdir(parents=True, exist_ok=True)
    window = MainWindow()
    window.resize(*SCREEN)
    window.session.use(open_demo_event())
    window.show()
    window.scheduling.time_limit_box.setValue(SCHEDULE_SECONDS)
    window.scheduling.start_scheduling()
    while window.runner.running():
        settle(100)
    settle(1000)  # the schedule is stored, and its page shown, after the solve ends
    pages = {"overview": window.overview_page, "attendees": window.attendees_page,
             "partner-search": window.partner_search_page,
             "schedule": window.schedule_page, "event-day": window.event_day_page}
    window.partner_search_page.select_company(
        window.session.current_event.attendees[0].id)  # type: ignore[union-attr]
    for name, page in pages.items():
        window.tabs.setCurrentWidget(page)
        save(window, into / f"{name}-{language}.png")
    dialogs = {"settings": lambda: window.event_settings.dialog,
               "options": lambda: window.scheduling.options_dialog,
               "preferences": lambda: window.preferences.dialog,
               "print": lambda: window.output.print_dialog}
    for action, dialog_of in dialogs.items():
        window.menu_actions[action].trigger()
        dialog = dialog_of()
        if dialog is not None:
            save(dialog, into / f"{action}-{language}.png")
            dialog.reject()
    window.close()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("language", choices=sorted(LANGUAGES))
    parser.add_argument("--into", type=Path, help="folder (default docs/screenshots/LANG)")
    args = parser.parse_args(argv)
    take(args.language, args.into or ROOT / "docs" / "screenshots" / args.language)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
