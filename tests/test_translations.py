"""The catalogs: every text translated in every language, placeholders and plural forms as
in English, the compiled .mo files in step with their .po, and the template with the code."""

from __future__ import annotations

import gettext
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from nbl_desktop.core.i18n import DOMAIN, LANGUAGES, catalog, language_code
from tests.conftest import ROOT

FOLDER = ROOT / "resources" / "translations"
TRANSLATED = [code for code in LANGUAGES if code != "en"]
KEYWORDS = {"_": None, "N_": None, "n_": (1, 2), "ngettext": (1, 2), "counted": (2, 3),
            "qt_text": ((1, "c"), 2)}
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def po_of(language: str):  # type: ignore[no-untyped-def]
    with open(FOLDER / language / "LC_MESSAGES" / f"{DOMAIN}.po", "rb") as po:
        return read_po(po)


def key(context: str | None, message: object) -> tuple[str, object]:
    """A text's key in a catalog: its context (Qt's texts have one) and its id."""
    return context or "", message if isinstance(message, str) else tuple(message)  # type: ignore[arg-type]


def template_keys() -> set[tuple[str, object]]:
    with open(FOLDER / "nbl.pot", "rb") as pot:
        return {key(m.context, m.id) for m in read_po(pot) if m.id}


def ids_in_code() -> set[tuple[str, object]]:
    return {key(context, message) for _file, _line, message, _comments, context
            in extract_from_dir(ROOT / "nbl_desktop", method_map=[("**.py", "python")],
                                keywords=KEYWORDS)}


def test_the_template_holds_every_text_marked_in_the_code() -> None:
    assert ids_in_code() == template_keys(), "run: python scripts/translations.py update"


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_text_is_translated(language: str) -> None:
    template = template_keys()
    po = po_of(language)
    translated = {key(m.context, m.id) for m in po
                  if m.id and all(m.string if isinstance(m.string, tuple) else (m.string,))
                  and not m.fuzzy}
    missing = sorted(str(i) for i in template - translated)
    assert missing == [], f"untranslated in {language}: {missing}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_placeholders_and_plural_forms_are_as_in_english(language: str) -> None:
    po = po_of(language)
    wrong = []
    for message in po:
        if not message.id:
            continue
        english = message.id if isinstance(message.id, tuple) else (message.id,)
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        if isinstance(message.id, tuple) and len(forms) != po.num_plurals:
            wrong.append(f"{message.id}: {len(forms)} forms, not {po.num_plurals}")
        wanted = set(PLACEHOLDER.findall(english[-1]))
        wrong += [f"{message.id} -> {form!r}" for form in forms
                  if set(PLACEHOLDER.findall(form)) != wanted]
    assert wrong == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_compiled_catalog_is_the_po(language: str) -> None:
    mo_path = FOLDER / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
    with open(mo_path, "rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    for message in po_of(language):
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            for count, form in ((1, message.string[0]), (2, message.string[-1])):
                assert compiled.ngettext(*message.id, count) == form, \
                    "run: python scripts/translations.py compile"
        elif message.context:
            assert compiled.pgettext(message.context, message.id) == message.string, \
                "run: python scripts/translations.py compile"
        else:
            assert compiled.gettext(message.id) == message.string, \
                "run: python scripts/translations.py compile"


def test_plural_forms_read_as_each_language_counts() -> None:
    said = {code: [catalog(code).ngettext("{count} meeting", "{count} meetings", n)
                   .format(count=n) for n in (1, 2, 5)] for code in LANGUAGES}
    assert said == {"en": ["1 meeting", "2 meetings", "5 meetings"],
                    "nb": ["1 møte", "2 møter", "5 møter"],
                    "sv": ["1 möte", "2 möten", "5 möten"],
                    "fi": ["1 tapaaminen", "2 tapaamista", "5 tapaamista"]}


@pytest.mark.parametrize(("text", "code"), [
    ("nb_NO.UTF-8", "nb"), ("no", "nb"), ("nn_NO", "nb"), ("sv_FI", "sv"), ("fi", "fi"),
    ("Suomi", "fi"), ("en_GB", "en"), ("de_DE", "en"), ("", "en"), ("C", "en")])
def test_a_locale_or_a_name_is_read_as_one_of_our_languages(text: str, code: str) -> None:
    assert language_code(text) == code


def test_the_catalogs_are_where_the_bundle_looks(tmp_path: Path) -> None:
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert "resources" in spec  # build.spec takes resources/ whole, translations with it
    assert all((FOLDER / code / "LC_MESSAGES" / f"{DOMAIN}.mo").is_file() for code in TRANSLATED)
