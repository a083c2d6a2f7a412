"""The attendee list: sorting by a column, searching, and an edit shown in its own row."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from nbl_desktop.ui.models.attendee_table_model import Column
from tests.ui.driving import App, window_with_sample

pytestmark = pytest.mark.gui

ORGANIZATION = list(Column).index(Column.ORGANIZATION)
NAME = list(Column).index(Column.NAME)


@pytest.fixture
def app(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> App:
    return window_with_sample(qtbot, monkeypatch, tmp_path)


def shown(app: App, column: int) -> list[str]:
    view = app.attendees.view
    return [str(view.model().index(row, column).data()) for row in range(app.attendees.rows())]


def test_sorting_by_a_column_keeps_the_selected_person(qtbot: QtBot, app: App) -> None:
    assert app.event is not None
    person = app.event.attendees[7]
    app.attendees.select(person.id)
    header = app.attendees.view.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=_centre_of(header, ORGANIZATION))  # as the organizer sorts
    organizations = shown(app, ORGANIZATION)
    assert organizations == sorted(organizations, key=str.casefold) or \
        organizations == sorted(organizations, key=str.casefold, reverse=True)
    assert len(organizations) == len(app.event.attendees)
    assert app.attendees.selected() == person
    app.attendees.view.sortByColumn(NAME, Qt.SortOrder.DescendingOrder)
    names = shown(app, NAME)
    assert names == sorted(names, key=str.casefold, reverse=True)
    assert app.attendees.selected() == person


def _centre_of(header, section: int):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPoint

    return QPoint(header.sectionViewportPosition(section) + header.sectionSize(section) // 2,
                  header.height() // 2)


def test_the_search_shows_matching_people_and_clearing_it_shows_everyone(
        qtbot: QtBot, app: App) -> None:
    assert app.event is not None
    qtbot.keyClicks(app.attendees.search, "ARCTIC")
    matching = [a for a in app.event.attendees
                if "arctic" in f"{a.name} {a.organization} {a.country} {a.sector} {a.id}".lower()]
    assert 0 < app.attendees.rows() == len(matching) < len(app.event.attendees)
    app.attendees.search.clear()
    assert app.attendees.rows() == len(app.event.attendees)


def test_an_edit_changes_the_persons_row_in_the_sorted_list(qtbot: QtBot, app: App) -> None:
    assert app.event is not None
    app.attendees.view.sortByColumn(ORGANIZATION, Qt.SortOrder.AscendingOrder)
    person = app.event.attendees[3]
    app.attendees.select(person.id)
    row = app.attendees.view.currentIndex().row()
    organization = app.attendees.editor.text_edits["organization"]
    organization.selectAll()
    qtbot.keyClicks(organization, "Zzz Nordlys AS")
    qtbot.keyClick(organization, Qt.Key.Key_Return)
    assert shown(app, ORGANIZATION)[row] == "Zzz Nordlys AS"
    assert app.attendees.selected() is not None
    assert app.attendees.selected().organization == "Zzz Nordlys AS"  # type: ignore[union-attr]
    app.trigger("undo")
    assert shown(app, ORGANIZATION)[row] == person.organization
