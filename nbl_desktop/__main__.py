"""Entry point: `python -m nbl_desktop` and the `nbl-desktop` command."""

import sys

from nbl_desktop.cli import main

__all__ = ["main"]

if __name__ == "__main__":
    sys.exit(main())
