"""Pictures on paper (the event's logo), decoded once and kept for every page after.

The desktop app decodes a job's pictures on the GUI thread before it hands
the job to a printing thread (`decode_pictures`). Decoding in that thread
can hang the app: Qt's image reader connects signals while PySide holds the
interpreter lock, and the GUI thread may at that moment hold Qt's connection
lock while it waits for the interpreter (when it deletes a widget).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from PySide6.QtGui import QImage

from nbl_desktop.core.printouts.pages import EventHeading


def _decode(data: bytes) -> QImage:
    return QImage.fromData(data)


@lru_cache(maxsize=8)
def picture(data: bytes) -> QImage:
    """The picture in these file bytes; a null image when Qt cannot read them."""
    return _decode(data)


def decode_pictures(pages: Iterable[object]) -> None:
    """Decode every page's logo now (on the calling thread), so painting only draws."""
    for page in pages:
        heading = getattr(page, "heading", None)
        if isinstance(heading, EventHeading) and heading.logo:
            picture(heading.logo)
