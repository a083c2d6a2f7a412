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
    override = os.environ.get("NBL_DESKTOP_DATA_DIR")
    if override:
        folder = Path(override)
    elif sys.platform == "win32":
        folder = Path(os.environ.get("APPDATA", Path.home())) / APP_FOLDER
    elif sys.platform == "darwin":
        folder = Path.home() / "Library" / "Application Support" / APP_FOLDER
    else:
        base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
        folder = Path(base) / "nbl-desktop"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def log_file() -> Path:
    return user_data_dir() / "nbl-desktop.log"
