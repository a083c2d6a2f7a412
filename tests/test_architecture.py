"""The layers stay apart: the solver knows no app, the core knows no Qt."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

FORBIDDEN = {
    "solver": ("PySide6", "sqlite_utils", "sqlite3", "openpyxl", "nbl_desktop"),
    "nbl_desktop/core": ("PySide6", "nbl_desktop.ui", "nbl_desktop.printing"),
    # Printing paints with QtGui only: the command line prints without widgets.
    "nbl_desktop/printing": ("PySide6.QtWidgets", "PySide6.QtPrintSupport", "nbl_desktop.ui"),
    # Widgets and dialogs talk to the event session, never to the event file itself.
    "nbl_desktop/ui/widgets": ("nbl_desktop.core.store",),
    "nbl_desktop/ui/dialogs": ("nbl_desktop.core.store",),
    "nbl_desktop/ui/pages": ("nbl_desktop.core.store", "nbl_desktop.ui.main_window",
                             "nbl_desktop.ui.controllers"),
    "nbl_desktop/ui/controllers": ("nbl_desktop.ui.main_window", "nbl_desktop.ui.pages"),
}

# Long work runs through the task runner; these modules are its parts and may touch threads.
THREAD_MODULES = {"tasks.py", "helper_process.py", "crash.py"}
THREAD_NAMES = ("QThread", "QThreadPool", "QRunnable", "ThreadPoolExecutor",
                "ProcessPoolExecutor", "Thread")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("package", list(FORBIDDEN))
def test_a_layer_does_not_import_what_sits_above_it(package: str) -> None:
    crossings = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in sorted((ROOT / package).rglob("*.py"))
        for name in imported_modules(path)
        if any(name == f or name.startswith(f + ".") for f in FORBIDDEN[package])
    ]
    assert crossings == []


def test_no_page_imports_another() -> None:
    pages = sorted((ROOT / "nbl_desktop" / "ui" / "pages").glob("*_page.py"))
    assert pages, "the pages are in nbl_desktop/ui/pages"
    crossings = [f"{page.name} imports {name}" for page in pages
                 for name in imported_modules(page)
                 if name.startswith("nbl_desktop.ui.pages.")
                 and name != f"nbl_desktop.ui.pages.{page.stem}"]
    assert crossings == []


def test_long_work_goes_through_the_task_runner() -> None:
    """No window, page, dialog or controller starts a thread of its own, nor waits for one
    (a `wait()` on the GUI thread freezes the window)."""
    found = []
    for path in sorted((ROOT / "nbl_desktop" / "ui").rglob("*.py")):
        if path.name in THREAD_MODULES:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Name) and node.id in THREAD_NAMES) \
                    or (isinstance(node, ast.Attribute) and node.attr in THREAD_NAMES):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} uses {ast.unparse(node)}")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr == "wait" and not node.args:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} waits: "
                             f"{ast.unparse(node)}")
    assert found == []


def test_every_module_says_what_it_is_for() -> None:
    undocumented = [
        str(path.relative_to(ROOT))
        for folder in ("solver", "nbl_desktop")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if path.stat().st_size and ast.get_docstring(ast.parse(path.read_text("utf-8"))) is None
    ]
    assert undocumented == []
