"""The selected person's wishes: the list (priority editable in place), remove, and add.

"Add wish" takes a name or organization typed with type-ahead over
everyone ("Name (Organization)"), a priority, and adds the wish, or marks
the two as do-not-meet. The panel only announces what the organizer asked
for; the main window makes each an undoable edit.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nbl_desktop.core.edits import PRIORITY_NAMES
from nbl_desktop.core.event import EventData
from nbl_desktop.core.i18n import _
from nbl_desktop.ui.models.wishes_model import Column, WishesModel

Index = QModelIndex | QPersistentModelIndex


class PriorityDelegate(QStyledItemDelegate):
    """nice / important / must, as a combo box."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        box = QComboBox(parent)
        for priority, name in PRIORITY_NAMES.items():
            box.addItem(_(name), priority)
        box.activated.connect(lambda _i: self.commitData.emit(box))
        return box

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class WishesPanel(QWidget):
    """The wishes list with its Remove, Add wish and Do not meet controls."""

    wish_set = Signal(str, str, object)  # requester, requested, priority (None: remove)
    apart_set = Signal(str, str, bool)  # two people, do-not-meet on or off

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.attendee_id: str | None = None
        self._ids_by_label: dict[str, str] = {}
        self.title = QLabel()
        self.model = WishesModel(self)
        self.model.priority_chosen.connect(
            lambda requester, requested, p: self.wish_set.emit(requester, requested, p))
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setItemDelegateForColumn(Column.PRIORITY, PriorityDelegate(self))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.SelectedClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().hide()
        self.remove_button = QPushButton(_("Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.person_edit = QLineEdit()
        self.person_edit.setPlaceholderText(_("Add a wish: type a name or organization…"))
        self.names = QStringListModel(self)
        self.completer = QCompleter(self.names, self)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.person_edit.setCompleter(self.completer)
        self.priority_box = QComboBox()
        for priority, name in PRIORITY_NAMES.items():
            self.priority_box.addItem(_(name), priority)
        self.priority_box.setCurrentIndex(1)
        self.add_button = QPushButton(_("Add wish"))
        self.add_button.clicked.connect(self.add_wish)
        self.person_edit.returnPressed.connect(self.add_wish)
        self.apart_button = QPushButton(_("Do not meet"))
        self.apart_button.clicked.connect(self.add_apart)
        self.message = QLabel()
        adding = QHBoxLayout()
        adding.addWidget(self.person_edit, 1)
        adding.addWidget(self.priority_box)
        adding.addWidget(self.add_button)
        adding.addWidget(self.apart_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addLayout(adding)
        layout.addWidget(self.message)
        self.show_person(None, None, {})

    def show_person(self, event: EventData | None, attendee_id: str | None,
                    labels: dict[str, str]) -> None:
        self.attendee_id = attendee_id
        self.setEnabled(attendee_id is not None)
        self.model.set_person(event, attendee_id, labels)
        self.view.resizeColumnsToContents()
        self.title.setText("<b>" + _("Wishes of {person}").format(person=labels[attendee_id])
                           + "</b>" if attendee_id else
                           _("Select a person to see and edit their wishes."))
        self._ids_by_label = {label: i for i, label in labels.items() if i != attendee_id}
        self.names.setStringList(sorted(self._ids_by_label))

    def _chosen_person(self) -> str | None:
        text = self.person_edit.text().strip()
        found = self._ids_by_label.get(text)
        if found is None:
            matches = [i for label, i in self._ids_by_label.items()
                       if text.casefold() in label.casefold()]
            found = matches[0] if len(matches) == 1 and text else None
        if found is None:
            self.message.setText(
                _("No one is called '{name}'; pick a name from the list.").format(name=text)
                if text else _("Type a name or organization first."))
        return found

    def add_wish(self) -> None:
        other = self._chosen_person()
        if other is not None and self.attendee_id is not None:
            self.message.clear()
            self.person_edit.clear()
            self.wish_set.emit(self.attendee_id, other, self.priority_box.currentData())

    def add_apart(self) -> None:
        other = self._chosen_person()
        if other is not None and self.attendee_id is not None:
            self.message.clear()
            self.person_edit.clear()
            self.apart_set.emit(self.attendee_id, other, True)

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        if not rows or self.attendee_id is None:
            return
        wish = self.model.row(rows[0])
        if wish.priority == 0:
            self.apart_set.emit(wish.requester, wish.requested, False)
        else:
            self.wish_set.emit(wish.requester, wish.requested, None)
