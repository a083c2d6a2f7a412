"""What the app remembers between runs (`Preferences`): one typed, versioned JSON document.

Kept with QSettings in an ini file in the user's data folder (so NBL_DESKTOP_DATA_DIR
moves it too: tests, a portable install on a stick), under the key "preferences", with
its layout's number under "settings_version".

Reading never fails: a value that is missing or unreadable falls back to that field's
default, the others are kept. A field at its default is left out of the document, so a
better default in a later release reaches everyone who never changed it.

A document written by a newer program is read as far as this one understands it, and
is never rewritten just by reading. Writing merges into the stored document: keys this
program does not know (a newer one's fields) are kept and the version is never lowered,
so going back to an older release for a day loses none of the newer one's choices; the
price is that a newer release must give a field a new name if it changes its meaning.

Version 1 kept each preference under a key of its own; the first start of version 2
gathers them into the document and removes the old keys.
"""

from __future__ import annotations

import base64
import enum
import json
import math
import types
import typing
from collections.abc import Callable
from dataclasses import MISSING, Field, dataclass, field, fields, is_dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from nbl_desktop.paths import user_data_dir
from solver import SolveOptions

SETTINGS_VERSION = 2
PREFERENCES_KEY = "preferences"
VERSION_KEY = "settings_version"
# Version 1's keys, one per preference (solve_options held a JSON text of its own).
_KEYS_OF_VERSION_1 = ("recent_files", "last_folder", "window_geometry", "time_limit",
                      "solve_options")

RECENT_LIMIT = 8
DEFAULT_TIME_LIMIT = 30.0


def _valid_time_limit(seconds: float) -> bool:
    return 1 <= seconds <= 3600  # the toolbar box's range


@dataclass(frozen=True)
class Preferences:
    """Everything remembered. A field's metadata "valid" rejects a readable but unusable
    value (it then falls back to the default, like an unreadable one)."""

    time_limit: float = field(default=DEFAULT_TIME_LIMIT,
                              metadata={"valid": _valid_time_limit})
    solve_options: SolveOptions = field(default_factory=SolveOptions)
    last_folder: str = ""
    recent_files: tuple[str, ...] = ()  # newest first; files on a stick may be away
    window_geometry: bytes | None = None  # QWidget.saveGeometry's bytes
    language: str = ""  # the window's: "nb", "sv", "fi", "en"; "" follows the computer


# -- the public functions ----------------------------------------------------------


def preferences() -> Preferences:
    """What is stored, with defaults where nothing (usable) is."""
    return _from_json(Preferences, _stored_document(_settings()))


def remember(preferences: Preferences) -> None:
    """Store `preferences` at once (see the module's docstring for how it merges)."""
    _write(_settings(), preferences)


def recent_files() -> list[Path]:
    """Event files opened lately, newest first, those that still exist."""
    return [Path(n) for n in preferences().recent_files if Path(n).is_file()]


def remember_recent(path: Path) -> None:
    path = Path(path).resolve()
    names = [str(path)] + [str(p) for p in recent_files() if p.resolve() != path]
    remember(replace(preferences(), recent_files=tuple(names[:RECENT_LIMIT])))


def last_folder() -> str:
    return preferences().last_folder


def remember_folder(path: Path) -> None:
    remember(replace(preferences(), last_folder=str(Path(path).parent)))


def window_geometry() -> QByteArray | None:
    geometry = preferences().window_geometry
    return None if geometry is None else QByteArray(geometry)


def remember_window_geometry(geometry: QByteArray) -> None:
    remember(replace(preferences(), window_geometry=bytes(geometry.data())))


def solve_options() -> SolveOptions:
    """The schedule options last chosen (defaults where none were, or unreadable)."""
    return preferences().solve_options


def remember_solve_options(options: SolveOptions) -> None:
    remember(replace(preferences(), solve_options=options))


def language() -> str:
    """The window's language as chosen ("" follows the computer's)."""
    return preferences().language


def remember_language(code: str) -> None:
    remember(replace(preferences(), language=code))


def time_limit() -> float:
    """The toolbar's time limit as last set (seconds)."""
    return preferences().time_limit


def remember_time_limit(seconds: float) -> None:
    remember(replace(preferences(), time_limit=float(seconds)))


# -- storage -----------------------------------------------------------------------


def _settings() -> QSettings:
    """The settings file, brought up to this version's layout if it is older."""
    settings = QSettings(str(user_data_dir() / "settings.ini"), QSettings.Format.IniFormat)
    if _stored_version(settings) < 2:
        _migrate_from_version_1(settings)
    return settings


def _stored_version(settings: QSettings) -> int:
    try:
        return int(settings.value(VERSION_KEY))  # the ini file gives it back as text
    except (TypeError, ValueError):
        # No number: version 1 wrote none. A document without its number lost only that:
        # take it as ours rather than migrate (which would overwrite it from old keys).
        return SETTINGS_VERSION if settings.contains(PREFERENCES_KEY) else 1


def _stored_document(settings: QSettings) -> dict[str, Any]:
    text = settings.value(PREFERENCES_KEY)
    if not isinstance(text, str):  # absent, or an ini line edited into a list
        return {}
    try:
        document = json.loads(text)
    except (ValueError, RecursionError):
        return {}
    return document if isinstance(document, dict) else {}


def _write(settings: QSettings, preferences: Preferences) -> None:
    version = max(_stored_version(settings), SETTINGS_VERSION)  # never lowered
    document = _merged(_stored_document(settings), preferences)
    settings.setValue(PREFERENCES_KEY, json.dumps(document, sort_keys=True))
    settings.setValue(VERSION_KEY, version)
    settings.sync()


def _migrate_from_version_1(settings: QSettings) -> None:
    """Gather version 1's keys (as its code wrote them) into the document, once."""
    names: Any = settings.value("recent_files", []) or []
    if isinstance(names, str):  # QSettings gives a lone value as a string
        names = [names]
    folder = settings.value("last_folder", "")
    geometry = settings.value("window_geometry")
    options_text = settings.value("solve_options")
    try:
        options = json.loads(options_text) if isinstance(options_text, str) else None
    except (ValueError, RecursionError):
        options = None
    try:
        seconds = float(typing.cast(Any, settings.value("time_limit", DEFAULT_TIME_LIMIT)))
    except (TypeError, ValueError):
        seconds = DEFAULT_TIME_LIMIT
    old = Preferences(
        time_limit=seconds if _valid_time_limit(seconds) else DEFAULT_TIME_LIMIT,
        # Version 1 wrote these options' fields by name, enums by value: as we do.
        solve_options=_from_json(SolveOptions, options),
        last_folder=folder if isinstance(folder, str) else "",
        recent_files=tuple(n for n in names if isinstance(n, str)),
        window_geometry=bytes(geometry.data()) if isinstance(geometry, QByteArray) else None)
    _write(settings, old)
    for key in _KEYS_OF_VERSION_1:
        settings.remove(key)
    settings.sync()


# -- dataclasses to JSON and back, field by field ----------------------------------

_Data = TypeVar("_Data")


def _default(item: Field[Any]) -> Any:
    if item.default_factory is not MISSING:
        return item.default_factory()
    return item.default


def _to_json(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _to_json(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, dict):
        return {str(_to_json(k)): _to_json(v) for k, v in value.items()}  # JSON keys: text
    if isinstance(value, list | tuple):
        return [_to_json(v) for v in value]
    return value


def _merged(stored: dict[str, Any], value: Any) -> dict[str, Any]:
    """`stored` with `value`'s fields written over it: a field at its default is left
    out, keys `value` does not have (a newer version's) are kept, nested dataclasses
    alike."""
    merged = dict(stored)
    for item in fields(value):
        current = getattr(value, item.name)
        if is_dataclass(current):
            inner = stored.get(item.name)
            encoded = _merged(inner if isinstance(inner, dict) else {}, current)
            left_out = not encoded  # every field at its default, nothing newer kept
        else:
            encoded = _to_json(current)
            left_out = encoded == _to_json(_default(item))
        if left_out:
            merged.pop(item.name, None)
        else:
            merged[item.name] = encoded
    return merged


def _from_json(cls: type[_Data], stored: object) -> _Data:
    """A `cls` from a JSON object, each field on its own: one that is missing, of the
    wrong type or not valid takes its default; keys `cls` has no field for are ignored."""
    if not isinstance(stored, dict):
        return cls()
    hints = typing.get_type_hints(cls)
    values: dict[str, Any] = {}
    for item in fields(cls):  # type: ignore[arg-type]  # cls is a dataclass
        if not item.init or item.name not in stored:
            continue
        try:
            value = _decoded(hints[item.name], stored[item.name])
        except (TypeError, ValueError):
            continue
        valid: Callable[[Any], bool] | None = item.metadata.get("valid")
        if valid is None or valid(value):
            values[item.name] = value
    try:
        return cls(**values)
    except (TypeError, ValueError):  # a check in __post_init__ across fields
        return cls()


def _decoded(kind: Any, value: Any) -> Any:
    """`value` (from JSON) as a `kind`; TypeError or ValueError if it is not one.
    Strict: a number given as text, or a bool as a number, is not taken."""
    origin, arguments = typing.get_origin(kind), typing.get_args(kind)
    if origin in (types.UnionType, typing.Union):
        if value is None and type(None) in arguments:
            return None
        for arm in arguments:
            if arm is not type(None):
                try:
                    return _decoded(arm, value)
                except (TypeError, ValueError):
                    pass
        raise ValueError(f"{value!r} is none of {kind}")
    if origin is dict and isinstance(value, dict):
        key_kind, value_kind = arguments
        return {_decoded_key(key_kind, k): _decoded(value_kind, v) for k, v in value.items()}
    if origin in (list, tuple) and isinstance(value, list):
        items = [_decoded(arguments[0], v) for v in value]  # list[X] or tuple[X, ...]
        return items if origin is list else tuple(items)
    if origin is not None:
        raise TypeError(f"{value!r} is not a {kind}")
    if isinstance(kind, type) and is_dataclass(kind):
        return _from_json(kind, value)  # its own fields fall back one by one
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return kind(value)  # ValueError for a value no member has
    if kind is bool and isinstance(value, bool):
        return value
    if kind is int and isinstance(value, int) and not isinstance(value, bool):
        return value
    if (kind is float and isinstance(value, int | float) and not isinstance(value, bool)
            and math.isfinite(value)):
        return float(value)
    if kind is str and isinstance(value, str):
        return value
    if kind is bytes and isinstance(value, str):
        return base64.b64decode(value, validate=True)  # binascii.Error is a ValueError
    raise TypeError(f"{value!r} is not a {kind}")


def _decoded_key(kind: Any, key: str) -> Any:
    """A dict key back from JSON's text keys."""
    if kind is int:
        return int(key)
    if kind is float:
        return float(key)
    return _decoded(kind, key)
