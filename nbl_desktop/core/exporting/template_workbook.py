"""A blank registration workbook in the canonical form, with an instructions sheet."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font

from nbl_desktop.core import registration_form as form
from nbl_desktop.core.exporting.sheet_style import append_row, save_workbook, write_table
from nbl_desktop.core.i18n import N_, _

# The instructions are written in the window's language; the names of the sheets, keys and
# columns they mention are the form's, which the importer reads, and stay English.
INSTRUCTIONS = (
    N_("How to fill in this registration workbook"),
    "",
    # Translators: "Event" is the name of a sheet of the form: keep it in English
    N_("Event: one setting per row; the key in column A, its value in column B."),
    # Translators: "Attendees" and "ID" are a sheet and a column of the form: keep them in
    # English
    N_("Attendees: one row per person. ID must be unique (e.g. P0001)."),
    # Translators: "Requests", "Requester ID", "Requested ID" and "Priority" are a sheet and
    # columns of the form: keep them in English
    N_("Requests: one row per wish: Requester ID wants to meet Requested ID, "
       "with Priority 1 (nice), 2 (important) or 3 (must meet)."),
    # Translators: "Exclusions" is the name of a sheet of the form: keep it in English
    N_("Exclusions (optional): pairs of IDs that must never be scheduled together."),
    N_("Times are HH:MM (24-hour clock). Empty availability means the whole day."),
    # Translators: the command after "run:" is typed as it is: keep it in English
    N_("Then run: nbl-desktop schedule THIS-FILE.xlsx -o schedule.xlsx"),
)
EXAMPLE_EVENT_VALUES = {
    form.EVENT_NAME: "My B2B Day",
    form.START: "09:00",
    form.SLOT_MINUTES: 20,
    form.SLOTS: 12,
    form.BREAKS: "11:00-12:00",
    form.TABLES: 20,
}


def _shown(text: str) -> str:
    """`text` in the current language ("" stays "": gettext would give the catalog's header)."""
    return _(text) if text else ""


def write_template_workbook(path: Path) -> None:
    """The blank form: an instructions sheet in the window's language, then the form's own
    sheets (names, keys and columns in English: the importer reads them), with their help."""
    workbook = Workbook()
    instructions = workbook.active
    assert instructions is not None
    # Translators: a sheet's name in the workbook: at most 31 characters, none of : \ / ? * [ ]
    instructions.title = _("Instructions")
    for line in INSTRUCTIONS:
        append_row(instructions, [_shown(line)])
    instructions["A1"].font = Font(bold=True, size=14)
    instructions.column_dimensions["A"].width = 110
    for row in instructions.iter_rows():
        row[0].alignment = Alignment(wrap_text=True)

    write_table(
        workbook.create_sheet(form.EVENT_SHEET),
        ("Key", "Value", "Help"),
        ((key.header, EXAMPLE_EVENT_VALUES.get(key.header), _shown(key.help))
         for key in form.EVENT_KEYS),
    )
    for sheet in form.SHEETS[1:]:
        target = workbook.create_sheet(sheet.name)
        write_table(target, [c.header for c in sheet.columns], ())
        for cell, column in zip(target[1], sheet.columns, strict=True):
            cell.comment = Comment(_shown(column.help), "NBL Desktop")
    save_workbook(workbook, Path(path))
