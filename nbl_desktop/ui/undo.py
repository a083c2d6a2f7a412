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
    """`write` stores an edit (the store's `apply` and a refresh of the views); `failed`
    hears of a write that did not reach the file. `written`: the edit is in the file
    already (the window writes before it pushes, so a failed write never gets here)."""

    def __init__(self, edit: Edit, write: Callable[[Edit], None],
                 failed: Callable[[BaseException], None], written: bool = False) -> None:
        super().__init__(edit.description)
        self.edit = edit
        self._write = write
        self._failed = failed
        self._written = written

    def redo(self) -> None:
        if self._written:  # pushed after its write
            self._written = False
            return
        self._store(self.edit)

    def undo(self) -> None:
        self._store(self.edit.inverse())

    def _store(self, edit: Edit) -> None:
        try:
            self._write(edit)
        except Exception as exc:  # Qt calls this: nothing may escape it
            self._failed(exc)
