"""The editor for "whom does this name mean": the candidates first, then everyone, type-ahead.

Typing a few letters of a name or organization narrows the list (matching
anywhere in the label, any case), so a name with no candidate can still be
resolved without scrolling through a thousand people.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from nbl_desktop.ui.models.unresolved_names_model import CANDIDATES_ROLE, UnresolvedNamesModel

Index = QModelIndex | QPersistentModelIndex


class PersonChoiceDelegate(QStyledItemDelegate):
    """Edits an UnresolvedNamesModel's MEANS column with a searchable combo box."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        model = index.model()
        assert isinstance(model, UnresolvedNamesModel)
        combo = QComboBox(parent)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        candidates = index.data(CANDIDATES_ROLE) or ()
        for attendee_id, label in candidates:
            combo.addItem(label, attendee_id)
        if candidates:
            combo.insertSeparator(combo.count())
        shown = {attendee_id for attendee_id, _ in candidates}
        for attendee_id, label in sorted(model.labels().items(), key=lambda item: item[1]):
            if attendee_id not in shown:
                combo.addItem(label, attendee_id)
        completer = combo.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        chosen = index.data(Qt.ItemDataRole.EditRole)
        position = editor.findData(chosen) if chosen else 0
        editor.setCurrentIndex(max(position, 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        position = editor.findText(editor.currentText(), Qt.MatchFlag.MatchFixedString)
        if position >= 0:  # text typed or picked that is someone's label
            model.setData(index, editor.itemData(position), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,
                             index: Index) -> None:
        editor.setGeometry(option.rect)  # type: ignore[attr-defined]
