"""Undo and redo: every edit of the event goes on one QUndoStack as an EditCommand.

The command writes its `core.edits.Edit` to the event file when pushed or
redone and writes the inverse when undone, so the file is always what the
window shows, and undo survives nothing but the session (the file itself
has no history to lose).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QUndoCommand, QUndoStack

from nbl_desktop.core.edits import Edit
from nbl_desktop.core.i18n import _


class EditCommand(QUndoCommand):
    """`write` stores an edit (the store's `apply` and a refresh of the views); `failed`
    hears of a write that did not reach the file. `written`: the edit is in the file
    already (the window writes before it pushes, so a failed write never gets here)."""

    def __init__(self, edit: Edit, write: Callable[[Edit], None],
                 failed: Callable[[BaseException], None], written: bool = False) -> None:
        super().__init__(edit.shown)
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


def _undo_text(step: str) -> str:
    # Translators: {what} is the step Undo takes back, e.g. "delete meeting"
    return _("&Undo {what}").format(what=step) if step else _("&Undo")


def _redo_text(step: str) -> str:
    # Translators: {what} is the step Redo does again, e.g. "delete meeting"
    return _("&Redo {what}").format(what=step) if step else _("&Redo")


class _StepAction(QAction):
    """Undo or Redo, named after the step it would take: "&Undo delete meeting"."""

    def __init__(self, owner: QObject, texts: Callable[[str], str]) -> None:
        super().__init__(owner)
        self._texts = texts

    def name_after(self, step: str) -> None:
        self.setText(self._texts(step))


def undo_actions(stack: QUndoStack, owner: QObject) -> tuple[QAction, QAction]:
    """Edit → Undo and Redo of `stack`, as Qt's `createUndoAction` makes them but with the
    whole sentence ("Undo {what}") from the catalogs, not a prefix glued to the step."""
    undo, redo = _StepAction(owner, _undo_text), _StepAction(owner, _redo_text)
    undo.triggered.connect(stack.undo)
    redo.triggered.connect(stack.redo)
    stack.canUndoChanged.connect(undo.setEnabled)
    stack.canRedoChanged.connect(redo.setEnabled)
    stack.undoTextChanged.connect(undo.name_after)
    stack.redoTextChanged.connect(redo.name_after)
    undo.setEnabled(stack.canUndo())
    redo.setEnabled(stack.canRedo())
    undo.name_after(stack.undoText())
    redo.name_after(stack.redoText())
    return undo, redo
