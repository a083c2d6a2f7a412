"""Every reason the engine can give (unmet wish, end of a solve) has its text marked for the
catalogs, in the engine's own English words."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from nbl_desktop.core.i18n import ENGLISH, current_language, use_language
from nbl_desktop.core.reason_words import (
    LEVELS,
    STOP_REASONS,
    UNMET_REASONS,
    level_text,
    stop_reason_text,
    unmet_reason_text,
)
from solver import StopReason, UnmetReason


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    before = current_language()
    use_language(ENGLISH)
    yield
    use_language(before)


@pytest.mark.parametrize("reason", list(UnmetReason))
def test_every_unmet_reason_has_its_english_text_in_the_table(reason: UnmetReason) -> None:
    assert UNMET_REASONS.get(reason) == reason.value, f"add {reason} to UNMET_REASONS"
    assert unmet_reason_text(reason) == reason.value


@pytest.mark.parametrize("reason", list(StopReason))
def test_every_stop_reason_has_its_english_text_in_the_table(reason: StopReason) -> None:
    assert STOP_REASONS.get(reason) == reason.value, f"add {reason} to STOP_REASONS"
    assert stop_reason_text(reason) == reason.value


def test_the_tables_hold_nothing_but_the_engines_reasons() -> None:
    assert set(UNMET_REASONS) == set(UnmetReason)
    assert set(STOP_REASONS) == set(StopReason)


def test_every_level_a_solve_reports_is_named_in_the_organizers_language() -> None:
    from solver.search import COMPACTNESS, COVERAGE, MUST, VALUE

    use_language("nb")
    for level in (MUST, COVERAGE, VALUE, COMPACTNESS, "starting schedule"):
        assert level in LEVELS
        assert level_text(level) != level, level
