"""Preferences kept between runs: one typed, versioned document in a real QSettings ini
file, in the private data folder every test gets (tests/conftest.py)."""

from __future__ import annotations

import enum
import json
import typing
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QByteArray, QSettings

from nbl_desktop.paths import user_data_dir
from nbl_desktop.ui import app_settings
from nbl_desktop.ui.app_settings import SETTINGS_VERSION, Preferences
from solver import SolveOptions
from solver.options import Compactness


def stored() -> QSettings:
    """The settings file, opened as any program (the old version too) would open it."""
    return QSettings(str(user_data_dir() / "settings.ini"), QSettings.Format.IniFormat)


def store_document(document: object, version: int = SETTINGS_VERSION) -> None:
    settings = stored()
    settings.setValue("preferences", document if isinstance(document, str)
                      else json.dumps(document))
    settings.setValue("settings_version", version)
    settings.sync()


def stored_document() -> dict[str, Any]:
    document = json.loads(stored().value("preferences"))
    assert isinstance(document, dict)
    return document


def other_value(kind: Any, default: Any) -> Any:
    """A value of `kind` unlike `default`, for any type SolveOptions has a field of."""
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return next(member for member in kind if member is not default)
    if kind is bool:
        return not default
    if kind is int:
        return default + 7
    if kind is float:
        return default + 0.25
    if kind == int | None:
        return 3 if default is None else None
    if kind == dict[int, int]:
        return {**{k: v + 1 for k, v in default.items()}, 9: 4}
    pytest.fail(f"teach other_value a value of {kind} (a new field of SolveOptions?)")


def every_field_changed() -> SolveOptions:
    defaults = SolveOptions()
    hints = typing.get_type_hints(SolveOptions)
    return SolveOptions(**{f.name: other_value(hints[f.name], getattr(defaults, f.name))
                           for f in fields(SolveOptions)})


def full_preferences(tmp_path: Path) -> Preferences:
    return Preferences(time_limit=7.0, solve_options=every_field_changed(),
                       last_folder=str(tmp_path / "Ålesund events"),
                       recent_files=(str(tmp_path / "a.nblevent"), str(tmp_path / "b, c")),
                       window_geometry=b"\x01\xd9\xd0\xcb\x00geometry\xff", language="fi")


def test_the_settings_live_in_the_tests_private_data_folder(private_data_dir: Path) -> None:
    app_settings.remember_time_limit(12)
    assert Path(stored().fileName()).parent == private_data_dir
    assert (private_data_dir / "settings.ini").is_file()


def test_every_preference_round_trips_as_one_document(tmp_path: Path) -> None:
    chosen = full_preferences(tmp_path)
    app_settings.remember(chosen)
    assert app_settings.preferences() == chosen
    settings = stored()
    assert sorted(settings.allKeys()) == ["preferences", "settings_version"]
    assert int(settings.value("settings_version")) == SETTINGS_VERSION
    assert set(stored_document()) == {f.name for f in fields(Preferences)}


def test_solve_options_with_every_field_changed_round_trip() -> None:
    options = every_field_changed()
    defaults = SolveOptions()
    for item in fields(SolveOptions):  # a field added later is covered, or other_value fails
        assert getattr(options, item.name) != getattr(defaults, item.name), item.name
    app_settings.remember_solve_options(options)
    assert app_settings.solve_options() == options
    assert set(stored_document()["solve_options"]) == {f.name for f in fields(SolveOptions)}


def test_the_old_functions_read_and_write_through_the_document(tmp_path: Path) -> None:
    files = [tmp_path / f"day{n}.nblevent" for n in range(app_settings.RECENT_LIMIT + 2)]
    for path in files:
        path.touch()
        app_settings.remember_recent(path)
    assert app_settings.recent_files() == [p.resolve() for p in reversed(files)][
        :app_settings.RECENT_LIMIT]
    files[-1].unlink()  # gone (a stick taken out): not offered
    assert app_settings.recent_files()[0] == files[-2].resolve()
    app_settings.remember_folder(tmp_path / "events" / "day.xlsx")
    app_settings.remember_window_geometry(QByteArray(b"\x00\x01shape"))
    app_settings.remember_time_limit(90)
    app_settings.remember_solve_options(SolveOptions(min_meetings=4))

    assert app_settings.last_folder() == str(tmp_path / "events")
    assert app_settings.window_geometry() == QByteArray(b"\x00\x01shape")
    assert app_settings.time_limit() == 90.0
    assert app_settings.solve_options() == SolveOptions(min_meetings=4)
    assert len(app_settings.preferences().recent_files) == app_settings.RECENT_LIMIT


def test_nothing_stored_gives_the_defaults() -> None:
    assert app_settings.preferences() == Preferences()
    assert app_settings.recent_files() == []
    assert app_settings.last_folder() == ""
    assert app_settings.window_geometry() is None
    assert app_settings.time_limit() == app_settings.DEFAULT_TIME_LIMIT
    assert app_settings.solve_options() == SolveOptions()


def test_a_preference_set_back_to_its_default_is_left_out() -> None:
    app_settings.remember_time_limit(7)
    app_settings.remember_solve_options(SolveOptions(min_meetings=4))
    assert stored_document() == {"time_limit": 7.0, "solve_options": {"min_meetings": 4}}
    app_settings.remember(Preferences())
    assert stored_document() == {}  # a better default in a later release reaches them


@pytest.mark.parametrize("text", ["{not json", "[1, 2]", "null", '"text"', "", "{" * 100_000])
def test_an_unreadable_document_gives_the_defaults(text: str) -> None:
    store_document(text)
    assert app_settings.preferences() == Preferences()
    app_settings.remember_time_limit(9)  # and writing replaces it
    assert app_settings.preferences() == Preferences(time_limit=9.0)


def test_an_invalid_field_falls_back_alone(tmp_path: Path) -> None:
    chosen = full_preferences(tmp_path)
    app_settings.remember(chosen)
    document = stored_document()
    document["time_limit"] = "lots"
    document["solve_options"]["compactness"] = "zigzag"
    document["solve_options"]["min_meetings"] = "3"  # a number as text: not taken
    document["solve_options"]["priority_weights"] = {"one": 1}
    document["window_geometry"] = "not base64!"
    store_document(document)

    read = app_settings.preferences()
    defaults = SolveOptions()
    assert read == replace(chosen, time_limit=app_settings.DEFAULT_TIME_LIMIT,
                           window_geometry=None, solve_options=replace(
                               chosen.solve_options, compactness=defaults.compactness,
                               min_meetings=defaults.min_meetings,
                               priority_weights=defaults.priority_weights))


@pytest.mark.parametrize("value", [0, 99_999, -5, True, None, [30], "NaN", float("inf")])
def test_an_unusable_time_limit_gives_the_default(value: object) -> None:
    store_document({"time_limit": value, "last_folder": "/kept"})
    assert app_settings.time_limit() == app_settings.DEFAULT_TIME_LIMIT
    assert app_settings.last_folder() == "/kept"


def test_a_list_with_one_bad_item_falls_back_as_a_whole() -> None:
    store_document({"recent_files": ["/a.nblevent", 3], "last_folder": "/kept"})
    assert app_settings.preferences() == Preferences(last_folder="/kept")


def test_unknown_keys_are_ignored() -> None:
    store_document({"colour": "blue", "time_limit": 45,
                    "solve_options": {"future_knob": [1, 2], "min_meetings": 5}})
    assert app_settings.preferences() == Preferences(
        time_limit=45.0, solve_options=SolveOptions(min_meetings=5))


@pytest.mark.parametrize("recent_count", [1, 2])
def test_version_1s_keys_are_migrated_once(tmp_path: Path, recent_count: int) -> None:
    recent = [tmp_path / f"day{n}.nblevent" for n in range(recent_count)]
    for path in recent:
        path.touch()
    old = stored()  # written as version 1's code wrote them, key by key
    old.setValue("recent_files", [str(p) for p in recent])
    old.setValue("last_folder", str(tmp_path / "events"))
    old.setValue("window_geometry", QByteArray(b"\x01\xd9\xd0\xcbold"))
    old.setValue("time_limit", float(45))
    old.setValue("solve_options", json.dumps({
        "min_meetings": 3, "priority_weights": {1: 1, 2: 2, 3: 10}, "value_tolerance": 0.0,
        "compactness": Compactness.BREAKS.value, "max_break_spread": 2}))
    old.sync()

    assert app_settings.preferences() == Preferences(
        time_limit=45.0, last_folder=str(tmp_path / "events"),
        recent_files=tuple(str(p) for p in recent), window_geometry=b"\x01\xd9\xd0\xcbold",
        solve_options=SolveOptions(min_meetings=3, priority_weights={1: 1, 2: 2, 3: 10},
                                   value_tolerance=0.0, compactness=Compactness.BREAKS,
                                   max_break_spread=2))
    settings = stored()
    assert sorted(settings.allKeys()) == ["preferences", "settings_version"]
    assert int(settings.value("settings_version")) == 2

    settings.setValue("time_limit", 99.0)  # an old program writing again: not migrated twice
    settings.sync()
    assert app_settings.time_limit() == 45.0


def test_unreadable_version_1_keys_fall_back_one_by_one(tmp_path: Path) -> None:
    old = stored()
    old.setValue("time_limit", "lots")
    old.setValue("solve_options", '{"min_meetings": 4, "compactness": "zigzag"')  # cut off
    old.setValue("last_folder", str(tmp_path))
    old.sync()
    assert app_settings.preferences() == Preferences(last_folder=str(tmp_path))


def test_a_newer_version_is_read_and_not_clobbered() -> None:
    newer = SETTINGS_VERSION + 1
    store_document({"time_limit": 12, "new_top": {"a": 1},
                    "solve_options": {"min_meetings": 4, "new_knob": [1]}}, version=newer)
    text = stored().value("preferences")

    assert app_settings.preferences() == Preferences(
        time_limit=12.0, solve_options=SolveOptions(min_meetings=4))
    assert stored().value("preferences") == text  # reading writes nothing
    assert int(stored().value("settings_version")) == newer

    app_settings.remember_time_limit(20)
    app_settings.remember_solve_options(SolveOptions(min_meetings=5))
    assert stored_document() == {"time_limit": 20.0, "new_top": {"a": 1},
                                 "solve_options": {"min_meetings": 5, "new_knob": [1]}}
    assert int(stored().value("settings_version")) == newer  # never lowered
