"""Take the README's pictures from the running app on the demo event (offscreen is fine).

    QT_QPA_PLATFORM=offscreen python scripts/screenshots.py [FOLDER]

Writes overview.png, attendees.png, schedule.png, settings.png, print.png, event-day.png,
replan.png, live-board.png, import.png and import-names.png into FOLDER
(default docs/screenshots). The schedule is solved for a few seconds first,
so the grid shows a real schedule; the pictures differ a little run to run.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOLVE_SECONDS = 5
# A form tool's export as Nordic Excel saves it: ';' and Windows-1252, the tool's own
# timestamp, a header the importer does not know ("Kontakt", chosen as the name), a
# column of times it asks about ("Når passer det?") and a wish naming two people
# ("Sofia Öberg").
FORM_EXPORT = "\n".join(";".join(row) for row in (
    ("Tidsmerke", "Kontakt", "Bedrift", "E-post", "Land", "Når passer det?", "Må møte",
     "Ønsker å møte", "Telefon"),
    ("03.02.2027 10:15", "Nina Ny", "Ny Bedrift AS", "nina@ny.no", "Norge", "10.20",
     "Sofia Öberg", "Marte Hansen, Kemi Space", "+47 901 23 456"),
    ("04.02.2027 08:02", "Pekka Uusi", "Uusi Oy", "pekka@uusi.fi", "Suomi", "09.40",
     "Laura Mäkinen (Rovaniemi Energy Oy)", "Johan Öberg", "+358 40 123 4567"))) + "\n"


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else ROOT / "docs" / "screenshots"
    target.mkdir(parents=True, exist_ok=True)
    # A private data folder: no recent-files entry or geometry leaks into the user's settings.
    os.environ["NBL_DESKTOP_DATA_DIR"] = tempfile.mkdtemp(prefix="nbl-shots-")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from nbl_desktop.core.demo import open_demo_event
    from nbl_desktop.core.event_day import day_edits
    from nbl_desktop.core.importing.into_event import ImportSession
    from nbl_desktop.ui import messages
    from nbl_desktop.ui.dialogs.import_dialog import ImportDialog
    from nbl_desktop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    messages.answer_without_boxes()  # nobody at this desk answers boxes
    window = MainWindow()
    window.resize(1400, 820)
    window.show()
    window.session.use(open_demo_event())
    event = window.session.current_event
    assert event is not None

    def settle(milliseconds: int = 200) -> None:
        loop = QEventLoop()
        QTimer.singleShot(milliseconds, loop.quit)
        loop.exec()

    def work_done() -> None:
        settle()
        while window.runner.running():
            settle(100)
        settle()

    window.tabs.setCurrentWidget(window.attendees_page)
    window.attendees_page.select_attendee(event.attendees[3].id)
    settle()
    window.grab().save(str(target / "attendees.png"))

    window.scheduling.time_limit_box.setValue(SOLVE_SECONDS)
    window.menu_actions["schedule"].trigger()
    work_done()
    grid = window.schedule_page.grid_view
    grid.setCurrentIndex(window.schedule_page.grid_model.index(1, 1))
    window.menu_actions["lock"].trigger()
    work_done()
    window.grab().save(str(target / "schedule.png"))

    window.event_settings.open_dialog()
    settle()
    assert window.event_settings.dialog is not None
    window.event_settings.dialog.grab().save(str(target / "settings.png"))
    window.event_settings.dialog.reject()

    window.open_print_dialog()
    settle()
    assert window.output.print_dialog is not None
    window.output.print_dialog.grab().save(str(target / "print.png"))
    window.output.print_dialog.reject()

    # The day: a few people checked in, 'now' at slot 4, one no-show, a re-plan previewed.
    panel = window.event_day_page
    window.tabs.setCurrentWidget(panel)
    for person in event.attendees[:9]:
        panel.check_in(person.id)
    panel.set_now_by_hand(3)
    absent = event.attendees[12].id
    window.attendees_page.try_edit(lambda current: day_edits.no_show(current, absent, 3))
    panel.held_slot_box.setValue(2)
    settle()
    window.grab().save(str(target / "event-day.png"))
    panel.replan_button.click()
    while window.scheduling.replan_dialog is None:
        settle(100)
    settle()
    window.scheduling.replan_dialog.grab().save(str(target / "replan.png"))
    window.scheduling.replan_dialog.apply_button.click()
    window.menu_actions["live_board"].trigger()
    board = window.live_board.board
    assert board is not None
    board.resize(1280, 720)
    board.clock = lambda: dt.datetime(2027, 3, 10, 10, 7)
    board.refresh()
    settle()
    board.grab().save(str(target / "live-board.png"))
    board.close()

    window.tabs.setCurrentWidget(window.overview_page)
    work_done()
    window.grab().save(str(target / "overview.png"))

    export = Path(os.environ["NBL_DESKTOP_DATA_DIR"]) / "skjema-svar.csv"
    export.write_text(FORM_EXPORT, encoding="cp1252")
    session = ImportSession([export], window.session.current_event)
    session.choices.header_fields["kontakt"] = "name"  # as if the organizer had chosen it
    dialog = ImportDialog(session, session.run(), window.runner, window)
    dialog.show()
    settle()
    dialog.grab().save(str(target / "import.png"))
    dialog.tabs.setCurrentIndex(1)
    settle()
    dialog.grab().save(str(target / "import-names.png"))
    dialog.reject()
    window.close()
    while window.runner.running():
        settle(50)
    app.quit()
    sys.stdout.write(f"Wrote the pictures to {target}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
