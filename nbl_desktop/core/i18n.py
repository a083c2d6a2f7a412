"""One translation system for the window, the command line and the printed pages: gettext.

Why gettext and not Qt Linguist: the core (printed pages, import findings,
unmet reasons, the workbook's headings) and the command line never import Qt,
and they speak to the organizer as much as the window does. gettext is in
Python's standard library, has plural forms per language, and its `.po`
files are what translators' tools read. The catalogs live in
`resources/translations/<language>/LC_MESSAGES/nbl.po`; the compiled `nbl.mo`
beside each is checked in (`pybabel compile` writes it, and a test fails when
it no longer matches its `.po`), so running the app needs nothing beyond Python.

The window and the command line speak the chosen language (`use_language`);
a printed agenda speaks its reader's, whatever the window's (`catalog`).

`PSEUDO` is no language for organizers: it puts every translated text in
⟦brackets⟧, so a developer (and `tests/ui/test_pseudo_language.py`) sees at a
glance which text on a screen does not go through the catalogs.
"""

from __future__ import annotations

import gettext
import locale
import os
from functools import cache

from nbl_desktop.paths import resources_dir

DOMAIN = "nbl"
ENGLISH = "en"
PSEUDO = "x-pseudo"
# The languages of the window and of printed pages, each named in itself.
LANGUAGES = {"nb": "Norsk bokmål", "sv": "Svenska", "fi": "Suomi", "en": "English"}
# What organizers and locales call them ("no" and "nn" are read as bokmål, the written
# standard of the region's offices).
_ALIASES = {"no": "nb", "nob": "nb", "nn": "nb", "nno": "nb", "norsk": "nb", "bokmål": "nb",
            "swe": "sv", "svenska": "sv", "fin": "fi", "suomi": "fi", "eng": "en",
            "english": "en"}

_current = ENGLISH


def translations_dir() -> str:
    return str(resources_dir() / "translations")


def language_code(text: str) -> str:
    """"nb", "sv", "fi" or "en" for a code, a locale name ("nb_NO.UTF-8") or a language's
    own name; English for anything else."""
    if text == PSEUDO:
        return PSEUDO
    word = text.strip().casefold().replace("-", "_").split(".")[0]
    base = word.split("_")[0]
    for candidate in (word, base):
        if candidate in LANGUAGES:
            return candidate
        if candidate in _ALIASES:
            return _ALIASES[candidate]
    return ENGLISH


def system_language() -> str:
    """The language of the computer's locale, or English when it is none of ours."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return language_code(value.split(":")[0])
    try:
        found = locale.getlocale()[0] or ""
    except ValueError:
        found = ""
    return language_code(found)


class PseudoTranslations(gettext.NullTranslations):
    """Every text in ⟦brackets⟧ (placeholders kept): what is outside them is untranslated."""

    def gettext(self, message: str) -> str:
        return f"⟦{message}⟧"

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return f"⟦{msgid1 if n == 1 else msgid2}⟧"

    def pgettext(self, context: str, message: str) -> str:
        return f"⟦{message}⟧"


@cache
def catalog(language: str) -> gettext.NullTranslations:
    """The translations of `language` (any spelling `language_code` reads); English, the
    source language, translates to itself."""
    code = language_code(language)
    if code == ENGLISH:
        return gettext.NullTranslations()
    if code == PSEUDO:
        return PseudoTranslations()
    return gettext.translation(DOMAIN, localedir=translations_dir(), languages=[code],
                               fallback=True)


def use_language(language: str) -> str:
    """Speak `language` in the window and on the command line from now on; its code."""
    global _current
    _current = language_code(language)
    return _current


def current_language() -> str:
    return _current


def _(message: str) -> str:
    """`message` (English) in the current language."""
    return catalog(_current).gettext(message)


def n_(singular: str, plural: str, count: int) -> str:
    """The form of a message for `count` in the current language, e.g. "{count} meetings"."""
    return catalog(_current).ngettext(singular, plural, count)


def counted(count: int, singular: str, plural: str) -> str:
    """"1 wish", "3 wishes": `n_` with the count put in its "{count}"."""
    return n_(singular, plural, count).format(count=count)


def N_(message: str) -> str:
    """Marks `message` for the catalogs where it is defined (a table made at import, before
    a language is chosen); it is translated where it is shown, with `_`."""
    return message
