"""One rotating log file in the user's data folder; warnings also go to stderr."""

from __future__ import annotations

import logging
import logging.handlers
import sys

from nbl_desktop.paths import log_file


def configure_logging(verbose: bool = False) -> None:
    root = logging.getLogger()
    if any(getattr(h, "nbl_desktop", False) for h in root.handlers):
        return
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    try:
        to_file: logging.Handler = SharedLogFile(
            log_file(), maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:  # a read-only data folder must not stop the organizer
        to_file = logging.NullHandler()
    to_file.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handlers = [to_file]
    if sys.stderr is not None:  # None in a windowed program (the app's .exe on Windows)
        to_stderr = logging.StreamHandler()
        to_stderr.setLevel(logging.DEBUG if verbose else logging.WARNING)
        to_stderr.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
        handlers.append(to_stderr)
    for handler in handlers:
        handler.nbl_desktop = True  # type: ignore[attr-defined]
        root.addHandler(handler)


class SharedLogFile(logging.handlers.RotatingFileHandler):
    """The log file, which the app and a command may write at once.

    Windows cannot rename a file that another program has open, so there rotating
    fails while both run: this program then stops rotating and goes on writing to the
    same file, where a plain RotatingFileHandler would print an error for every record.
    """

    def doRollover(self) -> None:
        try:
            super().doRollover()
        except OSError:
            self.maxBytes = 0  # no more rotating in this run; the next run rotates
            if self.stream is None:
                self.stream = self._open()
