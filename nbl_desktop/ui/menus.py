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

from nbl_desktop.core.i18n import N_, _

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
    "new": ActionSpec(N_("&New event…"), Key.New, fallback="Ctrl+N"),
    "open": ActionSpec(N_("&Open event…"), Key.Open, fallback="Ctrl+O"),
    "save_as": ActionSpec(N_("Save event &as…"), Key.SaveAs, fallback="Ctrl+Shift+S"),
    "restore": ActionSpec(N_("&Restore backup…")),
    "import": ActionSpec(N_("&Import registrations…"), "Ctrl+I"),
    "export": ActionSpec(N_("&Export schedule…"), "Ctrl+E"),
    "print": ActionSpec(N_("&Print…"), Key.Print, fallback="Ctrl+P"),
    "quit": ActionSpec(N_("&Quit"), Key.Quit, fallback="Ctrl+Q"),
    "settings": ActionSpec(N_("Event &settings…"), "Ctrl+,"),
    "add_person": ActionSpec(N_("&Add person"), "Ctrl+Shift+N"),
    "delete_person": ActionSpec(N_("&Delete person…")),
    "preferences": ActionSpec(N_("&Preferences…")),
    "schedule": ActionSpec(N_("&Make schedule"), "F5"),
    "options": ActionSpec(N_("Schedule &options…")),
    "lock": ActionSpec(N_("&Lock / unlock meeting"), "Ctrl+L"),
    "delete_meeting": ActionSpec(N_("Delete &meeting"), Key.Delete, widget_only=True,
                                 fallback="Del"),
    "cancel": ActionSpec(N_("&Cancel scheduling"), "Esc"),
    "live_board": ActionSpec(N_("&Live board"), "F11"),
    "about": ActionSpec(N_("&About")),
}

MENUS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (N_("&File"), ("new", "open", RECENT, "save_as", "restore", SEPARATOR, "import", "export",
               "print", SEPARATOR, "quit")),
    (N_("&Edit"), ("undo", "redo", SEPARATOR, "settings", SEPARATOR, "add_person",
               "delete_person", SEPARATOR, "preferences")),
    (N_("&Schedule"), ("schedule", "options", "lock", "delete_meeting", "cancel")),
    (N_("&View"), ("live_board",)),
    (N_("&Help"), ("about",)),
)


def make_actions(owner: QObject) -> dict[str, QAction]:
    """An action per entry of ACTIONS, owned by `owner`."""
    made = {}
    for name, spec in ACTIONS.items():
        action = QAction(_(spec.text), owner)
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
        menu = bar.addMenu(_(title))
        for entry in entries:
            if entry == SEPARATOR:
                menu.addSeparator()
            elif entry == RECENT:
                recent = menu.addMenu(_("Open &recent"))
            else:
                menu.addAction(actions[entry])
    assert recent is not None, "the File menu lists the recent events"
    return recent
