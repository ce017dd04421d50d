"""Texts kept on disk from one process to the next: what the first build of a process would
otherwise make again from unchanged sources (the minified scripts and stylesheets, served.py; the
Python source Jinja makes of each template, ``keep_compiled``).

A text is found only under its key, and a key holds everything the text was made from: the
source's bytes and the versions of what made it. Every file is signed (HMAC-SHA256 of its key and
its text) with a secret made on first use, kept in the cache folder and readable by its owner
only: a file this user's builds did not write (copied in, edited, cut short, corrupt, from an
older format) does not match its signature and is ignored, and the text is made again. The folder
is the user's cache folder (``~/.cache/guidance-sites`` on Linux, ``XDG_CACHE_HOME`` if set;
``~/Library/Caches`` on macOS; ``%LOCALAPPDATA%`` on Windows): never in the project, so it never
reaches a repository, and deleting it only costs the next build the time to make it again. When
the folder cannot be used (read-only, not its owner's, open to others) nothing is kept.
"""

from __future__ import annotations

import hashlib
import hmac
import importlib.util
import os
import secrets
import stat
import sys
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, __version__ as JINJA_VERSION

from .memo import digest, files_digest

MAX_TEXT_BYTES = 32_000_000  # a checked catalogue at 200 sheets is about 6 MB (the catalogue's own limit is 10 MB)
UNUSED_DAYS = 30
_DAY = 86_400
_SECRET = "secret"
_SECRET_BYTES = 32


def default_folder() -> Path:
    from platformdirs import user_cache_dir  # only when a build keeps texts

    return Path(user_cache_dir("guidance-sites", appauthor=False))


def installed(package: str, file: str = "__init__.py") -> tuple[str, int, int] | None:
    """A file of an installed package by its path, size and time, found without importing the
    package: another version changes them."""
    spec = importlib.util.find_spec(package)
    folders = list(spec.submodule_search_locations or []) if spec else []
    return _file_stamp(str(Path(folders[0]) / file)) if folders else None


@cache
def core_digest() -> str:
    """The core's own Python, by its files' bytes: a result the core's checks made (a catalogue
    found without problems) is kept only for the code that made it."""
    return files_digest(Path(__file__).parent.rglob("*.py"))


_shared: DiskCache | None = None


def shared() -> DiskCache:
    """The cache of this process, in the user's cache folder."""
    global _shared
    if _shared is None:
        _shared = DiskCache(default_folder())
    return _shared


class DiskCache:
    """Signed texts in one folder, one file per key (see the module's docstring)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._secret: bytes | None = None
        self._usable = True
        self._pruned = False

    def get(self, key: str, make: Callable[[], str]) -> str:
        """The text kept under ``key``, or ``make()``, kept for the next process."""
        found = self.read(key)
        if found is None:
            found = make()
            self.write(key, found)
        return found

    def read(self, key: str) -> str | None:
        secret = self._key()
        if secret is None:
            return None
        path = self._path(key)
        try:
            data = _read_small(path)
            signature, _, text = data.partition(b"\n")
            if not hmac.compare_digest(signature, _sign(secret, key, text)):
                return None
            found = text.decode("utf-8")
            if path.stat().st_mtime < time.time() - _DAY:
                os.utime(path)  # used: kept from the pruning of unused entries
            return found
        except (OSError, ValueError):  # missing, unreadable, too big, not UTF-8
            return None

    def write(self, key: str, text: str) -> None:
        secret = self._key()
        if secret is None:
            return
        data = text.encode("utf-8")
        if len(data) > MAX_TEXT_BYTES:
            return
        path = self._path(key)
        partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
        try:
            with partial.open("xb") as file:  # a new file: never written through a link left there
                file.write(_sign(secret, key, data) + b"\n" + data)
            os.replace(partial, path)  # whole or not at all; replaces a link, never follows it
        except OSError:
            partial.unlink(missing_ok=True)
        self._prune()

    def _prune(self) -> None:
        """Once a process that writes: entries unused for UNUSED_DAYS go (each edit of a template
        or a script leaves its old entry behind)."""
        if self._pruned:
            return
        self._pruned = True
        oldest = time.time() - UNUSED_DAYS * _DAY
        for path in self.folder.glob("*.txt"):
            try:
                if path.lstat().st_mtime < oldest:
                    path.unlink()
            except OSError:
                pass

    def _path(self, key: str) -> Path:
        return self.folder / f"{hashlib.blake2b(key.encode('utf-8'), digest_size=20).hexdigest()}.txt"

    def _key(self) -> bytes | None:
        """This user's secret, made on first use; None when the folder cannot be trusted."""
        if self._secret is None and self._usable:
            self._secret = _secret(self.folder)
            self._usable = self._secret is not None
        return self._secret


def _sign(secret: bytes, key: str, text: bytes) -> bytes:
    mac = hmac.new(secret, key.encode("utf-8") + b"\0", hashlib.sha256)
    mac.update(text)
    return mac.hexdigest().encode("ascii")


def _read_small(path: Path) -> bytes:
    with path.open("rb") as file:
        data = file.read(MAX_TEXT_BYTES + 200)
    if len(data) > MAX_TEXT_BYTES + 100:
        raise ValueError("too big")
    return data


def _secret(folder: Path) -> bytes | None:
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _owned_and_private(folder, is_folder=True):
            return None
        path = folder / _SECRET
        try:
            handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(handle, "wb") as file:
                file.write(secrets.token_bytes(_SECRET_BYTES))
        if not _owned_and_private(path, is_folder=False):
            return None
        found = path.read_bytes()
    except OSError:
        return None
    return found if len(found) == _SECRET_BYTES else None


def _owned_and_private(path: Path, is_folder: bool) -> bool:
    """A real folder or file (not a link), this user's, that no one else may change (and, for the
    secret, read). Windows keeps a user's cache folder private by its own permissions."""
    info = path.lstat()
    kind = stat.S_ISDIR(info.st_mode) if is_folder else stat.S_ISREG(info.st_mode)
    if not kind:
        return False
    if sys.platform == "win32":
        return True
    others = 0o022 if is_folder else 0o077
    return info.st_uid == os.getuid() and not info.st_mode & others


# Jinja's compiled templates ---------------------------------------------------------------------

# What the Python Jinja makes of a template depends on, besides the template's text and name:
_SYNTAX = ("block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
           "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
           "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "optimized",
           "is_async", "newstyle_gettext")


def keep_compiled(env: Environment, cache: DiskCache) -> None:
    """``env`` compiles each template from the Python source Jinja made of it before, when it was
    made from the same text, name and file by the same Jinja, Python and environment; the source is
    text (compiled again here, never marshalled code), kept in ``cache``. The template behaves
    exactly as one compiled from scratch: it is the same source."""
    compile_anew: Callable[..., Any] = env.compile
    settings = _environment_digest(env)

    def compile_kept(source: Any, name: str | None = None, filename: str | None = None,
                     raw: bool = False, defer_init: bool = False) -> Any:
        if raw or not isinstance(source, str):
            return compile_anew(source, name, filename, raw, defer_init)
        autoescape = env.autoescape(name) if callable(env.autoescape) else env.autoescape
        key = digest("jinja template", settings, autoescape, name, filename, defer_init, source)
        python = cache.get(key, lambda: str(compile_anew(source, name, filename, raw=True, defer_init=defer_init)))
        return env._compile(python, filename or "<template>")

    env.compile = compile_kept  # type: ignore[method-assign]


def _environment_digest(env: Environment) -> str:
    """Jinja's and Python's versions, the environment's syntax and extensions, and its filters and
    tests by name and by the file that defines each (Jinja folds a filter of constants when it
    compiles)."""
    functions = [*env.filters.values(), *env.tests.values(), env.finalize]
    modules = sorted({str(getattr(f, "__module__", "")) for f in functions if f is not None})
    files = [_file_stamp(getattr(sys.modules.get(m), "__file__", None)) for m in modules]
    return digest(JINJA_VERSION, sys.version, type(env).__module__, type(env).__qualname__,
                  [getattr(env, name, None) for name in _SYNTAX], sorted(env.extensions), sorted(env.filters),
                  sorted(env.tests), getattr(env.finalize, "__qualname__", None), modules, files)


def _file_stamp(file: str | None) -> tuple[str, int, int] | None:
    if not file:
        return None
    try:
        info = os.stat(file)
    except OSError:
        return None
    return file, info.st_size, info.st_mtime_ns
