"""One rotating log file in the user's data folder; warnings also go to stderr."""

from __future__ import annotations

import logging
import logging.handlers

from nbl_desktop.paths import log_file


def configure_logging(verbose: bool = False) -> None:
    root = logging.getLogger()
    if any(getattr(h, "nbl_desktop", False) for h in root.handlers):
        return
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    try:
        to_file: logging.Handler = logging.handlers.RotatingFileHandler(
            log_file(), maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:  # a read-only data folder must not stop the organizer
        to_file = logging.NullHandler()
    to_file.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    to_stderr = logging.StreamHandler()
    to_stderr.setLevel(logging.DEBUG if verbose else logging.WARNING)
    to_stderr.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    for handler in (to_file, to_stderr):
        handler.nbl_desktop = True  # type: ignore[attr-defined]
        root.addHandler(handler)
