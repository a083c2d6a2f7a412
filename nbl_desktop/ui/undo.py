"""Undo and redo: every edit of the event goes on one QUndoStack as an EditCommand.

The command writes its `core.edits.Edit` to the event file when pushed or
redone and writes the inverse when undone, so the file is always what the
window shows, and undo survives nothing but the session (the file itself
has no history to lose).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from nbl_desktop.core.edits import Edit


class EditCommand(QUndoCommand):
    """`write` stores an edit (the store's `apply` and a refresh of the views)."""

    def __init__(self, edit: Edit, write: Callable[[Edit], None]) -> None:
        super().__init__(edit.description)
        self.edit = edit
        self._write = write

    def redo(self) -> None:
        self._write(self.edit)

    def undo(self) -> None:
        self._write(self.edit.inverse())
