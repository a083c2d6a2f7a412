"""Every menu and action of the main window, declared in one table with its shortcut.

`MENUS` lists the menus in order, each with its entries: an action's name
(the window's attribute is `NAME_action`), `SEPARATOR`, or `RECENT` for the
File menu's list of recent events. `ACTIONS` gives each action its text and
shortcut. Undo and Redo come from the undo stack and are placed by name.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

SEPARATOR = "-"
RECENT = "recent"
Key = QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    """One action: what it says, its shortcut (a platform's standard one, with the key
    used where the platform has none), and whether the shortcut works only where its
    widget has the focus (Delete in the grid, not in a text field)."""

    text: str
    shortcut: QKeySequence.StandardKey | str | None = None
    widget_only: bool = False
    fallback: str = ""  # where the platform binds no key to a standard shortcut


ACTIONS: dict[str, ActionSpec] = {
    "new": ActionSpec("&New event…", Key.New, fallback="Ctrl+N"),
    "open": ActionSpec("&Open event…", Key.Open, fallback="Ctrl+O"),
    "save_as": ActionSpec("Save event &as…", Key.SaveAs, fallback="Ctrl+Shift+S"),
    "restore": ActionSpec("&Restore backup…"),
    "import": ActionSpec("&Import registrations…", "Ctrl+I"),
    "export": ActionSpec("&Export schedule…", "Ctrl+E"),
    "print": ActionSpec("&Print…", Key.Print, fallback="Ctrl+P"),
    "quit": ActionSpec("&Quit", Key.Quit, fallback="Ctrl+Q"),
    "settings": ActionSpec("Event &settings…", "Ctrl+,"),
    "add_person": ActionSpec("&Add person", "Ctrl+Shift+N"),
    "delete_person": ActionSpec("&Delete person…"),
    "schedule": ActionSpec("&Schedule", "F5"),
    "options": ActionSpec("Schedule &options…"),
    "lock": ActionSpec("&Lock / unlock meeting", "Ctrl+L"),
    "delete_meeting": ActionSpec("Delete &meeting", Key.Delete, widget_only=True,
                                 fallback="Del"),
    "cancel": ActionSpec("&Cancel scheduling", "Esc"),
    "live_board": ActionSpec("&Live board", "F11"),
    "about": ActionSpec("&About"),
}

MENUS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("&File", ("new", "open", RECENT, "save_as", "restore", SEPARATOR, "import", "export",
               "print", SEPARATOR, "quit")),
    ("&Edit", ("undo", "redo", SEPARATOR, "settings", SEPARATOR, "add_person",
               "delete_person")),
    ("&Schedule", ("schedule", "options", "lock", "delete_meeting", "cancel")),
    ("&View", ("live_board",)),
    ("&Help", ("about",)),
)


def make_actions(owner: QObject) -> dict[str, QAction]:
    """An action per entry of ACTIONS, owned by `owner`."""
    made = {}
    for name, spec in ACTIONS.items():
        action = QAction(spec.text, owner)
        if spec.shortcut is not None:
            action.setShortcut(spec.shortcut)
            if action.shortcut().isEmpty() and spec.fallback:
                action.setShortcut(spec.fallback)
        if spec.widget_only:
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        made[name] = action
    return made


def fill_menu_bar(bar: QMenuBar, actions: dict[str, QAction]) -> QMenu:
    """The menus of MENUS in `bar`; the Open recent menu, for the window to fill."""
    recent: QMenu | None = None
    for title, entries in MENUS:
        menu = bar.addMenu(title)
        for entry in entries:
            if entry == SEPARATOR:
                menu.addSeparator()
            elif entry == RECENT:
                recent = menu.addMenu("Open &recent")
            else:
                menu.addAction(actions[entry])
    assert recent is not None, "the File menu lists the recent events"
    return recent
