"""Read any registration file into plain rows: every sheet of an .xlsx/.xlsm, or one .csv.

What a file is, is told by its first bytes, not its name: a workbook saved
with another name is read, and a password-protected workbook, an old .xls,
an OpenDocument (.ods) file or a web page named .xls each gets its own
message saying how to save it so it can be read. Sizes past sane limits
(a zip bomb, millions of rows) are refused before anything is built.

CSV: UTF-8 (with or without BOM), UTF-16 (Excel's "Unicode text") or
Windows-1252 (what Nordic Excel writes), line by line when a file mixes
them; delimiter `,` `;` or tab; quoted cells with line breaks. A quote that
does not pair up (a row swallowed into one cell) is a problem of that row,
never a silent merge. Rows keep their number in the file (1-based, as the
organizer sees it in Excel).
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from nbl_desktop.core.errors import InputError, InputProblem
from nbl_desktop.core.i18n import N_, _, n_

# Far beyond any registration file (the largest trade show has some 45,000 wishes),
# far below what would take minutes or gigabytes to read.
MAX_ROWS = 250_000
MAX_COLUMNS = 2_000
MAX_FILE_BYTES = 150 * 1024 * 1024
MAX_UNPACKED_BYTES = 400 * 1024 * 1024  # an .xlsx is a zip: what it holds, unpacked
MAX_CELL_CHARACTERS = 32_767  # Excel's own limit for a cell

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
# What to do with a file that is no workbook: the end of several messages ("{save_as}").
_SAVE_AS = N_("open it in Excel and save it as an Excel workbook (.xlsx) or as CSV, then "
              "import that file")


@dataclass(frozen=True)
class RawProblem:
    """Something wrong with a row as the file holds it (before any column is understood).

    `broken`: the row's cells cannot be trusted (its quotes do not pair up); it is not
    imported. Otherwise the row is read and the problem is a note.
    """

    row: int
    message: str
    action: str
    broken: bool = False


@dataclass(frozen=True)
class RawSheet:
    """One sheet (or csv file): (row number, cell values) for every row that is not blank."""

    file: Path
    name: str
    rows: tuple[tuple[int, tuple[Any, ...]], ...]
    problems: tuple[RawProblem, ...] = ()


def cell_text(value: Any) -> str:
    """A cell as the organizer reads it: trimmed, a whole number without '.0', None as ''."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value).strip()


def read_raw_sheets(path: Path) -> list[RawSheet]:
    """Every sheet of the file, or InputError saying why the file cannot be read."""
    path = Path(path)
    if not path.exists():
        raise InputError([InputProblem(path, _("the file does not exist; check the name and "
                                               "folder"))])
    if path.is_dir():
        raise InputError([InputProblem(path, _("this is a folder; choose a registration file "
                                               "in it"))])
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise InputError([InputProblem(path, _(
            "the file is {size} MB, far larger than any registration file; check that it is "
            "the right file").format(size=size // 2**20))])
    with path.open("rb") as stream:
        head = stream.read(8)
    if head.startswith(_ZIP):
        return _read_workbook(path)
    if head.startswith(_OLE):
        raise InputError([InputProblem(path, _ole_message(path))])
    if path.suffix.lower() in (".xlsx", ".xlsm", ".xltx", ".xltm", ".xls", ".ods"):
        return [_text_named_as_workbook(path, size)]
    return [_read_csv(path)]


def _text_named_as_workbook(path: Path, size: int) -> RawSheet:
    """A CSV saved with a workbook's name is read as CSV, and says so; anything else that
    is no workbook is refused with what to do."""
    start = path.read_bytes()[:4096]
    if not size:
        raise InputError([InputProblem(path, _("the file is empty (0 bytes); export the "
                                               "registrations again"))])
    if start.lstrip().lower().startswith((b"<!doctype html", b"<html", b"<table", b"<?xml")):
        # Translators: {save_as} is "open it in Excel and save it as … then import that file"
        raise InputError([InputProblem(path, _(
            "this is a web page (HTML/XML) with a spreadsheet's name, not a workbook; "
            "{save_as}").format(save_as=_(_SAVE_AS)))])
    lines = start.replace(b"\r", b"").split(b"\n")[:5]
    looks_like_csv = b"\x00" not in start and len(lines) >= 2 and any(
        lines[0].count(d) >= 1 and lines[0].count(d) == lines[1].count(d)
        for d in (b",", b";", b"\t"))
    if not looks_like_csv:
        raise InputError([InputProblem(path, _(
            "this is not an Excel workbook (nor text with columns) despite its name; "
            "{save_as}").format(save_as=_(_SAVE_AS)))])
    sheet = _read_csv(path)
    # Translators: {suffix} is the file's ending, e.g. ".xlsx"
    note = RawProblem(1, _("the file is text (CSV) though its name ends in {suffix}; it was "
                           "read as CSV").format(suffix=path.suffix),
                      _("nothing, if the columns look right"))
    return RawSheet(sheet.file, sheet.name, sheet.rows, (note, *sheet.problems))


def _ole_message(path: Path) -> str:
    data = path.read_bytes()
    if _ENCRYPTED in data:
        # Translators: File → Info → … are Excel's menus: as Excel names them in your language
        return _("the workbook is password-protected (encrypted), so it cannot be read; open "
                 "it in Excel, remove the password (File → Info → Protect Workbook → Encrypt "
                 "with Password, clear the box), save, and import it again")
    # Translators: {save_as} is "open it in Excel and save it as … then import that file"
    return _("this is an old Excel 97–2003 workbook (.xls), which is not read here; "
             "{save_as}").format(save_as=_(_SAVE_AS))


def _not_blank(values: tuple[Any, ...]) -> bool:
    return any(v is not None and str(v).strip() != "" for v in values)


def _check_zip(path: Path) -> None:
    """Refuse what is not a workbook, or would unpack to more than a workbook ever holds."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            unpacked = sum(info.file_size for info in archive.infolist())
            kind = archive.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise InputError([InputProblem(path, _(
            "the workbook is damaged (the file ends early or is not a complete .xlsx); "
            "{save_as}").format(save_as=_(_SAVE_AS)))]) from exc
    if b"opendocument" in kind:
        raise InputError([InputProblem(path, _(
            "this is an OpenDocument spreadsheet (.ods, from LibreOffice or OpenOffice), which "
            "is not read here; in LibreOffice choose File → Save As → Excel 2007-365 (.xlsx), "
            "then import that file"))])
    if "xl/workbook.xml" not in names:
        raise InputError([InputProblem(path, _(
            "this zip file is not an Excel workbook (it may be a Word or other Office file); "
            "export the registrations as .xlsx or .csv"))])
    if unpacked > MAX_UNPACKED_BYTES:
        raise InputError([InputProblem(path, _(
            "the workbook unpacks to {size} MB, far more than any registration file; it is "
            "not read (it may be damaged or made to exhaust memory)").format(
            size=f"{unpacked // 2**20:,}"))])


def _read_workbook(path: Path) -> list[RawSheet]:
    _check_zip(path)
    # Given an open file, openpyxl does not judge by the name: an .xlsm, or a workbook
    # saved without its extension, reads like an .xlsx (macros are never run).
    with path.open("rb") as stream:
        try:
            workbook = load_workbook(stream, read_only=True, data_only=True, keep_links=False)
        except Exception as exc:  # openpyxl raises many kinds on damaged files
            # Translators: {error} is the technical error, in English
            raise InputError([InputProblem(path, _(
                "this workbook cannot be read ({error}); {save_as}").format(
                error=f"{type(exc).__name__}: {exc}", save_as=_(_SAVE_AS)))]) from exc
        try:
            return [_read_worksheet(path, sheet) for sheet in workbook.worksheets]
        finally:
            workbook.close()


def _read_worksheet(path: Path, sheet: Any) -> RawSheet:
    # The <dimension> a tool wrote may be stale (fewer rows than the sheet has): openpyxl's
    # read-only mode would stop there, so every row is read instead.
    sheet.reset_dimensions()
    rows = []
    problems: list[RawProblem] = []
    try:
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            if number > MAX_ROWS:
                raise InputError([InputProblem(path, _(
                    "the sheet has more than {count} rows, far more than any registration "
                    "file; check that the right sheet was exported, or delete the empty rows "
                    "below the data").format(count=f"{MAX_ROWS:,}"), sheet.title)])
            if values and _not_blank(values):
                if len(values) > MAX_COLUMNS:
                    values = _trimmed(values, number, problems)
                rows.append((number, tuple(values)))
    except InputError:
        raise
    except Exception as exc:
        # Translators: {error} is the technical error, in English
        raise InputError([InputProblem(path, _(
            "the sheet cannot be read ({error}); {save_as}").format(
            error=f"{type(exc).__name__}: {exc}", save_as=_(_SAVE_AS)), sheet.title)]) from exc
    return RawSheet(path, sheet.title, tuple(rows), tuple(problems))


def _trimmed(values: tuple[Any, ...], number: int, problems: list[RawProblem]
             ) -> tuple[Any, ...]:
    """The row's first MAX_COLUMNS cells; what lies beyond is named, not read."""
    beyond = [i for i in range(MAX_COLUMNS, len(values))
              if values[i] is not None and str(values[i]).strip() != ""]
    if beyond:
        # Translators: {column} and {first} are column numbers
        problems.append(RawProblem(number, n_(
            "{count} cell beyond column {column} (the first in column {first}) is not "
            "read; no registration form has that many questions",
            "{count} cells beyond column {column} (the first in column {first}) are not "
            "read; no registration form has that many questions", len(beyond)).format(
            count=len(beyond), column=f"{MAX_COLUMNS:,}", first=f"{beyond[0] + 1:,}"),
            _("move what is there into the columns of the form, or delete it")))
    return values[:MAX_COLUMNS]


def _decode(path: Path, data: bytes) -> tuple[str, list[RawProblem]]:
    """The text, and a note when lines mix UTF-8 with Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError as exc:
            raise InputError([InputProblem(path, _(
                "the file says it is UTF-16 text but is not; save it from Excel as CSV "
                "UTF-8"))]) from exc
    if b"\x00" in data[:4096]:
        raise InputError([InputProblem(path, _(
            "this is not a text (CSV) file; save the registrations from Excel as .csv or "
            ".xlsx"))])
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    lines = data.split(b"\n")
    decoded, utf8, legacy = [], [], []
    for number, line in enumerate(lines, start=1):
        try:
            decoded.append(line.decode("utf-8-sig" if number == 1 else "utf-8"))
            if not line.isascii():
                utf8.append(number)
        except UnicodeDecodeError:
            decoded.append(line.decode("cp1252", errors="replace"))
            legacy.append(number)
    problems = []
    if utf8 and legacy:  # a file pasted together from two exports
        # Translators: {utf8} and {legacy} are line numbers, "1, 2, 3 and 4 more"
        problems.append(RawProblem(legacy[0], _(
            "the file mixes two text encodings: lines {utf8} are UTF-8, lines {legacy} "
            "Windows-1252; each line was read in its own encoding").format(
            utf8=_numbers(utf8), legacy=_numbers(legacy)),
            _("check the names with æ, ø, å, ä or ö, and save the file as CSV UTF-8")))
    return "\n".join(decoded), problems


def _numbers(numbers: list[int], shown: int = 6) -> str:
    text = ", ".join(str(n) for n in numbers[:shown])
    if len(numbers) <= shown:
        return text
    more = len(numbers) - shown
    # Translators: {numbers} is "1, 2, 3"
    return n_("{numbers} and {count} more", "{numbers} and {count} more", more).format(
        numbers=text, count=more)


def _delimiter(text: str) -> str:
    sample = "\n".join(text.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in ",;\t"}
        return max(counts, key=lambda d: counts[d])


def _read_csv(path: Path) -> RawSheet:
    data = path.read_bytes()
    text, problems = _decode(path, data)
    if not text.strip():
        raise InputError([InputProblem(path, _("the file is empty; export the registrations "
                                               "again with a header row"))])
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, tuple[Any, ...]]] = []
    spans: dict[int, int] = {}  # first line -> lines the row took
    last_line = 0
    try:
        for values in reader:
            first = last_line + 1
            last_line = reader.line_num
            if len(rows) >= MAX_ROWS:
                raise InputError([InputProblem(path, _(
                    "the file has more than {count} rows, far more than any registration "
                    "file; check that it is the right file").format(count=f"{MAX_ROWS:,}"))])
            if _not_blank(tuple(values)):
                if len(values) > MAX_COLUMNS:
                    values = list(_trimmed(tuple(values), first, problems))
                rows.append((first, tuple(values)))
                spans[first] = last_line - first + 1
    except csv.Error as exc:
        # Translators: {error} is the technical error, in English
        raise InputError([InputProblem(path, _(
            "the text cannot be read as CSV at line {line} ({error}): a cell is far longer "
            "than any answer, or a quote (\") opens a cell that never closes; check that "
            "line, or save the file again from Excel").format(line=reader.line_num, error=exc),
            row=reader.line_num)]) from exc
    problems += _quote_problems(text, rows, spans, delimiter)
    return RawSheet(path, path.stem, tuple(rows), tuple(problems))


def _quote_problems(text: str, rows: list[tuple[int, tuple[Any, ...]]],
                    spans: dict[int, int], delimiter: str) -> list[RawProblem]:
    """Rows whose quotes do not pair up: read leniently, csv runs on to the next quote,
    however far; read strictly, the row's own lines say whether its quoting is sound (a
    quoted answer with line breaks and commas is; '"Kari,Fisk AS,"A, B"' is not)."""
    if '"' not in text:
        return []
    lines = io.StringIO(text, newline="").readlines()
    found = []
    for number, values in rows:
        chunk = "".join(lines[number - 1:number - 1 + spans[number]])
        if '"' not in chunk:
            continue
        try:
            list(csv.reader(io.StringIO(chunk, newline=""), delimiter=delimiter, strict=True))
        except csv.Error:
            taken = spans[number]
            cell = max((str(v) for v in values), key=len)[:40]
            if taken > 1:
                # Translators: {first}–{last} are line numbers, {cell} the start of the cell
                message = _("a quote (\") in this row does not pair up, so lines {first}–"
                            "{last} were read into one cell ({cell!r}…); the row is not "
                            "imported")
            else:
                # Translators: {cell} is the start of the cell's text
                message = _("a quote (\") in this row does not pair up, so the rest of the row "
                            "was read into one cell ({cell!r}…); the row is not imported")
            found.append(RawProblem(
                number, message.format(first=number, last=number + taken - 1, cell=cell),
                _("close or remove the quote in the file and import it again"), broken=True))
    return found
