"""Entry point: `python -m nbl_desktop` and the `nbl-desktop` command."""

import multiprocessing
import sys

from nbl_desktop.cli import main

__all__ = ["main"]

if __name__ == "__main__":
    multiprocessing.freeze_support()  # the PyInstaller build starts the solve process too
    sys.exit(main())
