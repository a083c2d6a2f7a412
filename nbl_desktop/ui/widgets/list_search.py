"""Type-to-filter for plain lists of people: show only the rows containing what was typed."""

from __future__ import annotations

from PySide6.QtWidgets import QListWidget


def show_matching(view: QListWidget, text: str) -> None:
    """Hide the rows that do not contain `text` (any case); an empty `text` shows them all."""
    needle = text.strip().casefold()
    for i in range(view.count()):
        item = view.item(i)
        item.setHidden(bool(needle) and needle not in item.text().casefold())
