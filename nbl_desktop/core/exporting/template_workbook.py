"""A blank registration workbook in the canonical form, with an instructions sheet."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font

from nbl_desktop.core import registration_form as form
from nbl_desktop.core.exporting.sheet_style import append_row, save_workbook, write_table

INSTRUCTIONS = (
    "How to fill in this registration workbook",
    "",
    "Event: one setting per row; the key in column A, its value in column B.",
    "Attendees: one row per person. ID must be unique (e.g. P0001).",
    "Requests: one row per wish: Requester ID wants to meet Requested ID, "
    "with Priority 1 (nice), 2 (important) or 3 (must meet).",
    "Exclusions (optional): pairs of IDs that must never be scheduled together.",
    "Times are HH:MM (24-hour clock). Empty availability means the whole day.",
    "Then run: nbl-desktop schedule THIS-FILE.xlsx -o schedule.xlsx",
)
EXAMPLE_EVENT_VALUES = {
    form.EVENT_NAME: "My B2B Day",
    form.START: "09:00",
    form.SLOT_MINUTES: 20,
    form.SLOTS: 12,
    form.BREAKS: "11:00-12:00",
    form.TABLES: 20,
}


def write_template_workbook(path: Path) -> None:
    workbook = Workbook()
    instructions = workbook.active
    assert instructions is not None
    instructions.title = "Instructions"
    for line in INSTRUCTIONS:
        append_row(instructions, [line])
    instructions["A1"].font = Font(bold=True, size=14)
    instructions.column_dimensions["A"].width = 110
    for row in instructions.iter_rows():
        row[0].alignment = Alignment(wrap_text=True)

    write_table(
        workbook.create_sheet(form.EVENT_SHEET),
        ("Key", "Value", "Help"),
        ((key.header, EXAMPLE_EVENT_VALUES.get(key.header), key.help) for key in form.EVENT_KEYS),
    )
    for sheet in form.SHEETS[1:]:
        target = workbook.create_sheet(sheet.name)
        write_table(target, [c.header for c in sheet.columns], ())
        for cell, column in zip(target[1], sheet.columns, strict=True):
            cell.comment = Comment(column.help, "NBL Desktop")
    save_workbook(workbook, Path(path))
