"""The Partner search page: companies with their suggestions and reasons; accepting one is
an undoable wish saved at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.driving import window_with_sample

pytestmark = pytest.mark.gui


def test_a_suggestion_accepted_on_the_page_is_a_wish_until_undone(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    app = window_with_sample(qtbot, monkeypatch, tmp_path, "partners/partners-300")
    page = app.window.partner_search_page
    app.show_tab(page)
    qtbot.waitUntil(lambda: bool(page.found), timeout=30_000)
    assert page.companies.rowCount() == 300
    assert page.select_company("C0001")
    assert page.suggestions.rowCount() == 5
    reason = page.suggestions.item(0, 2).text()
    assert "which Aurora Group 1 Oy seeks" in reason or "which Aurora Group 1 Oy offers" \
        in reason
    suggested = page.suggestions.item(0, 0).data(256)  # Qt.UserRole
    assert page.accept_selected()
    assert app.event is not None
    wish = next(r for r in app.event.requests if (r.requester, r.requested)
                == ("C0001", suggested))
    assert wish.priority == 2  # important, unless chosen
    # The pair is a wish now: searched again, it is no longer suggested.
    qtbot.waitUntil(lambda: suggested not in
                    [s.suggested_id for s in page.found.get("C0001", [])], timeout=30_000)
    page.fewer_than_box.setValue(1)
    assert page.companies.rowCount() == 299  # C0001 has a wish now
    app.trigger("undo")
    assert not [r for r in app.event.requests if r.requester == "C0001"]
