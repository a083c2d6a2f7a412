"""Qt's own texts (OK, Cancel, the file and print dialogs) in the window's language.

Qt's wheels carry catalogs for Swedish and Finnish (`qtbase_sv.qm`,
`qtbase_fi.qm`) but none for Norwegian. Rather than hold a second translation
system for the texts Qt shows, the ones the app's dialogs ask for are in our own
gettext catalogs, each under its Qt context (`msgctxt`), and `QtTextTranslator`
answers Qt from them; Qt's own catalog stays installed underneath for anything
not listed here. The list is what the app's dialogs asked Qt for, recorded by
running them (standard buttons, message boxes, the non-native file dialog, the
print dialog and its preview, a text field's context menu).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTranslator

from nbl_desktop.core.i18n import ENGLISH, catalog, language_code


def qt_text(context: str, source: str) -> tuple[str, str]:
    """Marks a text Qt shows under `context`, for the catalogs (`scripts/translations.py`)."""
    return context, source


QT_TEXTS = frozenset({
    # QAbstractFileIconProvider
    qt_text("QAbstractFileIconProvider", "Drive"),
    qt_text("QAbstractFileIconProvider", "Folder"),
    # QFileDialog
    qt_text("QFileDialog", "&Choose"),
    qt_text("QFileDialog", "&Delete"),
    qt_text("QFileDialog", "&Look in:"),
    qt_text("QFileDialog", "&New Folder"),
    qt_text("QFileDialog", "&Open"),
    qt_text("QFileDialog", "&Rename"),
    qt_text("QFileDialog", "&Save"),
    qt_text("QFileDialog", "All Files (*)"),
    qt_text("QFileDialog", "Back"),
    qt_text("QFileDialog", "Change to detail view mode"),
    qt_text("QFileDialog", "Change to list view mode"),
    qt_text("QFileDialog", "Create New Folder"),
    qt_text("QFileDialog", "Create a New Folder"),
    qt_text("QFileDialog", "Detail View"),
    qt_text("QFileDialog", "Directories"),
    qt_text("QFileDialog", "Directory:"),
    qt_text("QFileDialog", "File &name:"),
    qt_text("QFileDialog", "Files"),
    qt_text("QFileDialog", "Files of &type:"),
    qt_text("QFileDialog", "Forward"),
    qt_text("QFileDialog", "Go back"),
    qt_text("QFileDialog", "Go forward"),
    qt_text("QFileDialog", "Go to the parent directory"),
    qt_text("QFileDialog", "List View"),
    qt_text("QFileDialog", "List of places and bookmarks"),
    qt_text("QFileDialog", "Parent Directory"),
    qt_text("QFileDialog", "Show &hidden files"),
    qt_text("QFileDialog", "Sidebar"),
    # QFileSystemModel
    qt_text("QFileSystemModel", "Computer"),
    qt_text("QFileSystemModel", "Date Modified"),
    qt_text("QFileSystemModel", "Name"),
    qt_text("QFileSystemModel", "Size"),
    qt_text("QFileSystemModel", "Type"),
    # QLineEdit
    qt_text("QLineEdit", "&Copy"),
    qt_text("QLineEdit", "&Paste"),
    qt_text("QLineEdit", "&Redo"),
    qt_text("QLineEdit", "&Undo"),
    qt_text("QLineEdit", "Cu&t"),
    qt_text("QLineEdit", "Delete"),
    qt_text("QLineEdit", "Select All"),
    # QMessageBox
    qt_text("QMessageBox", "Show Details..."),
    # QPlatformTheme
    qt_text("QPlatformTheme", "&No"),
    qt_text("QPlatformTheme", "&Yes"),
    qt_text("QPlatformTheme", "Abort"),
    qt_text("QPlatformTheme", "Apply"),
    qt_text("QPlatformTheme", "Cancel"),
    qt_text("QPlatformTheme", "Close"),
    qt_text("QPlatformTheme", "Discard"),
    qt_text("QPlatformTheme", "Help"),
    qt_text("QPlatformTheme", "Ignore"),
    qt_text("QPlatformTheme", "N&o to All"),
    qt_text("QPlatformTheme", "OK"),
    qt_text("QPlatformTheme", "Open"),
    qt_text("QPlatformTheme", "Reset"),
    qt_text("QPlatformTheme", "Restore Defaults"),
    qt_text("QPlatformTheme", "Retry"),
    qt_text("QPlatformTheme", "Save"),
    qt_text("QPlatformTheme", "Save All"),
    qt_text("QPlatformTheme", "Yes to &All"),
    # QPrintDialog
    qt_text("QPrintDialog", "&Options >>"),
    qt_text("QPrintDialog", "&Print"),
    qt_text("QPrintDialog", "All Pages"),
    qt_text("QPrintDialog", "Even Pages"),
    qt_text("QPrintDialog", "Local file"),
    qt_text("QPrintDialog", "Odd Pages"),
    qt_text("QPrintDialog", "Print"),
    qt_text("QPrintDialog", "Print to File (PDF)"),
    qt_text("QPrintDialog", "Write PDF file"),
    # QPrintPreviewDialog
    qt_text("QPrintPreviewDialog", "First page"),
    qt_text("QPrintPreviewDialog", "Fit page"),
    qt_text("QPrintPreviewDialog", "Fit width"),
    qt_text("QPrintPreviewDialog", "Landscape"),
    qt_text("QPrintPreviewDialog", "Last page"),
    qt_text("QPrintPreviewDialog", "Next page"),
    qt_text("QPrintPreviewDialog", "Page setup"),
    qt_text("QPrintPreviewDialog", "Portrait"),
    qt_text("QPrintPreviewDialog", "Previous page"),
    qt_text("QPrintPreviewDialog", "Print"),
    qt_text("QPrintPreviewDialog", "Print Preview"),
    qt_text("QPrintPreviewDialog", "Show facing pages"),
    qt_text("QPrintPreviewDialog", "Show overview of all pages"),
    qt_text("QPrintPreviewDialog", "Show single page"),
    qt_text("QPrintPreviewDialog", "Zoom in"),
    qt_text("QPrintPreviewDialog", "Zoom out"),
    # QPrintSettingsOutput
    qt_text("QPrintSettingsOutput", "Collate"),
    qt_text("QPrintSettingsOutput", "Color"),
    qt_text("QPrintSettingsOutput", "Color Mode"),
    qt_text("QPrintSettingsOutput", "Copies"),
    qt_text("QPrintSettingsOutput", "Copies:"),
    qt_text("QPrintSettingsOutput", "Current Page"),
    qt_text("QPrintSettingsOutput", "Double Sided Printing"),
    qt_text("QPrintSettingsOutput", "Grayscale"),
    qt_text("QPrintSettingsOutput", "Long side binding"),
    qt_text("QPrintSettingsOutput", "Off"),
    qt_text("QPrintSettingsOutput", "Options"),
    qt_text("QPrintSettingsOutput", "Output Settings"),
    qt_text("QPrintSettingsOutput", "Page &Set:"),
    qt_text("QPrintSettingsOutput", "Pages"),
    qt_text("QPrintSettingsOutput", "Pages from"),
    qt_text("QPrintSettingsOutput", "Print all"),
    qt_text("QPrintSettingsOutput", "Print range"),
    qt_text("QPrintSettingsOutput", "Reverse"),
    qt_text("QPrintSettingsOutput", "Selection"),
    qt_text("QPrintSettingsOutput", "Short side binding"),
    qt_text("QPrintSettingsOutput", "Specify pages or ranges separated by commas. Ranges are "
            "specified by two numbers separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, "
            "6, 7 and 9."),
    qt_text("QPrintSettingsOutput", "to"),
    # QPrintWidget
    qt_text("QPrintWidget", "&Name:"),
    qt_text("QPrintWidget", "Location:"),
    qt_text("QPrintWidget", "Output &file:"),
    qt_text("QPrintWidget", "P&roperties"),
    qt_text("QPrintWidget", "Preview"),
    qt_text("QPrintWidget", "Printer"),
    qt_text("QPrintWidget", "Type:"),
    # QTabBar
    qt_text("QTabBar", "Scroll Left"),
    qt_text("QTabBar", "Scroll Right"),
})


class QtTextTranslator(QTranslator):
    """Answers Qt's requests for the texts in `QT_TEXTS` from the gettext catalog of
    `language`; for any other text Qt asks the next translator (its own catalog)."""

    def __init__(self, language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog(language)
        self._english = language_code(language) == ENGLISH

    def translate(self, context: str, source_text: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        # None reaches Qt as a null string: "not mine, ask the next"; "" would be a blank
        # translation (an OK button with no text).
        if self._english or (context, source_text) not in QT_TEXTS:
            return None
        return self._catalog.pgettext(context, source_text)

    def isEmpty(self) -> bool:
        return self._english
