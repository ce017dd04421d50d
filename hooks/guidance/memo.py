"""Work kept from one build to the next in the same process (``mkdocs serve``).

A result is found again only under the same key, and a key holds everything the result was made
from: a file's bytes (as a digest), a model's values, the templates' text. An edit changes the
keys of what it touches, and only that is made again; a change to the core's Python reloads the
core (hooks/guidance/adapter/mkdocs_site.py), which starts with nothing kept. What the last build did not use is
dropped, so the store never holds more than two builds' worth. A single `mkdocs build` keeps
nothing (``keep_between_builds(False)``): it only pays for the digests, and each result is freed
as soon as the build is done with it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable, Iterable
from dataclasses import field, fields
from pathlib import Path
from typing import Any, TypeVar, cast

T = TypeVar("T")

_current: dict[Hashable, Any] = {}
_previous: dict[Hashable, Any] = {}
counts = {"made": 0, "kept": 0}  # in the current build: results made, results kept from the last one
_keeping = True


def keep_between_builds(keep: bool) -> None:
    """Whether results are kept for another build in this process (``mkdocs serve``: yes; a single
    `mkdocs build`: no, so that a model or a page is not held after the build has used it)."""
    global _keeping, _current, _previous
    _keeping = keep
    if not keep:
        _current, _previous = {}, {}


def new_build() -> None:
    """Start a build: what the last one used may be used again; anything older is dropped."""
    global _current, _previous
    _previous, _current = _current, {}
    counts.update(made=0, kept=0)


def remembered(key: Hashable, make: Callable[[], T]) -> T:
    """``make()``, or what it gave under the same ``key`` in this build or the last one."""
    if not _keeping:
        counts["made"] += 1
        return make()
    if key not in _current:
        kept = key in _previous
        _current[key] = _previous.pop(key) if kept else make()
        counts["kept" if kept else "made"] += 1
    return cast(T, _current[key])


def file_digest(path: Path) -> str:
    """A digest of the file's bytes ('' when it cannot be read: reading it reports why)."""
    try:
        return text_digest(path.read_bytes())
    except OSError:
        return ""


def digest(*parts: object) -> str:
    """A key for values whose ``repr`` says everything about them (strings, numbers, tuples,
    dictionaries, frozen dataclasses of those)."""
    return text_digest(repr(parts))


def text_digest(text: str | bytes) -> str:
    return hashlib.blake2b(text.encode("utf-8") if isinstance(text, str) else text, digest_size=16).hexdigest()


def files_digest(paths: Iterable[Path]) -> str:
    """One digest for a set of files: their names and bytes."""
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted(paths):
        digest.update(f"{path}\0{file_digest(path)}\0".encode())
    return digest.hexdigest()


class Same:
    """A key part that matches only the very same object: a model read from unchanged bytes is the
    same object in the next build (the read is remembered), so its results can be too."""

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value

    def __hash__(self) -> int:
        return id(self.value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Same) and other.value is self.value


def keyed(key: Callable[[Any], Hashable] = lambda value: value) -> Any:
    """A field of an inputs dataclass (see ``inputs_key``), with how it goes into the key: by its
    value (the default), or as ``Same`` (the very object), or by the parts of it the work reads."""
    return field(metadata={"key": key})


def inputs_key(inputs: Any) -> tuple[Hashable, ...]:
    """The memo key of a piece of work, made from the very object of inputs it receives: every
    field, each as its ``keyed`` says. A field with no ``keyed`` stops the build here, so an input
    cannot be added to the work and left out of its key."""
    parts: list[Hashable] = []
    for each in fields(inputs):
        if "key" not in each.metadata:
            raise TypeError(f"{type(inputs).__name__}.{each.name} is an input with no key: declare it with keyed()")
        parts.append(each.metadata["key"](getattr(inputs, each.name)))
    return (type(inputs).__name__, *parts)

