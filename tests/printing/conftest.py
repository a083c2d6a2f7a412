"""Reading printed PDFs back for the printing tests."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader


def page_texts(pdf: Path) -> list[str]:
    """Each page's text with runs of white space made single spaces."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages]
