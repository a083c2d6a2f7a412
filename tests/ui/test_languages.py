"""The window in each language: menus, tabs, the Overview and the status bar read back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from nbl_desktop.core import edits
from nbl_desktop.core.i18n import use_language
from tests.ui.driving import window_with_sample

pytestmark = pytest.mark.gui

@pytest.mark.parametrize("language", ["nb", "sv", "fi", "en"])
def test_the_window_speaks_the_chosen_language(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, language: str) -> None:
    use_language(language)
    app = window_with_sample(qtbot, monkeypatch, tmp_path)
    english_menus = ["&File", "&Edit", "&Schedule", "&View", "&Help"]
    english_tabs = ["Overview", "Attendees", "Partner search", "Schedule", "Event day"]
    menus = app.menu_titles()
    tabs = [app.tabs.tabText(i) for i in range(app.tabs.count())]
    if language == "en":
        assert (menus, tabs) == (english_menus, english_tabs)
        assert app.counts().startswith("60 attendees")
        return
    assert not set(menus) & set(english_menus), menus
    assert not set(tabs) & set(english_tabs), tabs
    assert all(menu.count("&") == 1 for menu in menus)
    assert "attendees" not in app.counts() and app.counts().startswith("60 ")
    page = app.attendees
    headers = [page.model.headerData(i, Qt.Orientation.Horizontal)
               for i in range(page.model.columnCount())]
    english_headers = {"Name", "Organization", "Sector", "Asked by", "Can meet", "Fixed table"}
    assert not set(headers) & english_headers, headers
    assert page.add_button.text() != "Add person" and page.search.placeholderText() != ""
    assert "Search" not in page.search.placeholderText()
    day = app.event_day
    day_texts = [button.text() for button in (day.no_show_button, day.late_button,
                                              day.walk_in_button, day.replan_button,
                                              day.reprint_button)]
    assert not set(day_texts) & {"No-show from now", "Arrives late…", "Walk-in…",
                                 "Re-plan from now…", "Reprint what changed…"}, day_texts
    app.show_tab(app.overview.page)
    qtbot.waitUntil(lambda: bool(app.overview.steps()), timeout=30_000)
    shown = " ".join(text for _state, text in app.overview.steps().values())
    assert "people from" not in shown and "wishes" not in shown, shown


def test_undo_and_the_change_log_name_an_edit_in_the_window_language(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    use_language("nb")
    app = window_with_sample(qtbot, monkeypatch, tmp_path)
    assert app.event is not None
    person = app.event.attendees[0]
    assert app.edit(lambda event: edits.delete_attendee(event, person.id))
    undo = app.action("undo").text()
    assert undo == f"&Angre sletting av {person.name}", undo
    app.trigger("undo")
    assert app.store is not None
    lines = [what for _at, _who, what in app.store.change_log()[-2:]]
    assert lines == [f"sletting av {person.name}", f"angret: sletting av {person.name}"], lines
    assert app.action("redo").text() == f"&Gjør om sletting av {person.name}"
    app.show_tab(app.event_day)
    newest = app.event_day.log_list.item(0).text()
    # "08.12.2026 09:41  kari: angret: sletting av …", as Norway writes a date and a time
    assert re.match(r"\d\d\.\d\d\.\d{4} \d\d:\d\d  ", newest), newest
    assert newest.endswith(f"angret: sletting av {person.name}"), newest


def test_table_cards_are_printed_in_the_window_language_unless_chosen(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    use_language("fi")
    app = window_with_sample(qtbot, monkeypatch, tmp_path)
    app.trigger("print")
    assert app.print_dialog is not None
    assert app.print_dialog.language_box.currentData() == "fi"
