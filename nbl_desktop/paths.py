"""Where things live: bundled resources, and the user's data and log folders.

The same answers in a source checkout, an installed package and the
PyInstaller bundle. NBL_DESKTOP_DATA_DIR overrides the data folder (tests,
portable installs on a USB stick).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_FOLDER = "NBL Desktop"


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def demo_workbook() -> Path:
    return resources_dir() / "demo" / "arctic-demo.xlsx"


def user_data_dir() -> Path:
    """The data folder (logs, backups, settings, the demo copy), made if missing."""
    override = os.environ.get("NBL_DESKTOP_DATA_DIR")
    folder = Path(override) if override else platform_data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def platform_data_dir() -> Path:
    """Where this system keeps an application's data for the user (not made here).

    The same folders as Qt's QStandardPaths (tests/test_platforms.py compares them on
    each system): AppDataLocation for an application named APP_FOLDER on Windows
    (roaming AppData) and macOS, GenericDataLocation/nbl-desktop on Linux. Worked
    out without Qt, so the command line and the core need no QtCore to find it.
    """
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA") or Path.home()) / APP_FOLDER
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP_FOLDER
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "nbl-desktop"


def log_file() -> Path:
    return user_data_dir() / "nbl-desktop.log"
