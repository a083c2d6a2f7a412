"""Keep the catalogs in step with the program: the two commands a translator needs.

    python scripts/translations.py update    # new texts into every .po (empty, to translate)
    python scripts/translations.py compile   # every .po into its .mo, which the app reads

`update` extracts every text marked with _(), N_(), n_(), ngettext(), counted() or qt_text()
(Qt's own texts, under their Qt context) from nbl_desktop/
into resources/translations/nbl.pot and merges it into each language's nbl.po,
keeping what is translated. Edit the .po files (any PO editor, or a text editor),
then `compile`. tests/test_translations.py fails while a text is untranslated or
a .mo is older than its .po. Needs Babel (installed with the test extras).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "translations"
KEYWORDS = ("_", "N_", "n_:1,2", "ngettext:1,2", "counted:2,3", "qt_text:1c,2")


def pybabel(*arguments: str) -> None:
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", *arguments], cwd=ROOT,
                   check=True)


def update() -> None:
    keywords = [part for keyword in KEYWORDS for part in ("-k", keyword)]
    pybabel("extract", "-F", str(FOLDER / "babel.cfg"), *keywords, "--no-location",
            "--sort-output", "--no-wrap", "--add-comments", "Translators:", "--project",
            "NBL Desktop", "--copyright-holder", "NBL Desktop", "-o", str(FOLDER / "nbl.pot"),
            "nbl_desktop")
    pybabel("update", "-i", str(FOLDER / "nbl.pot"), "-d", str(FOLDER), "-D", "nbl",
            "--no-wrap", "--ignore-obsolete", "--no-fuzzy-matching")


def compile_catalogs() -> None:
    pybabel("compile", "-d", str(FOLDER), "-D", "nbl", "--statistics")


def main(argv: list[str]) -> int:
    commands = {"update": update, "compile": compile_catalogs}
    if len(argv) != 1 or argv[0] not in commands:
        sys.stderr.write(__doc__ or "")
        return 2
    commands[argv[0]]()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
