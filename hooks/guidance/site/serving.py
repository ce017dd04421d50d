"""What a process that builds again and again (``guidance serve``, ``mkdocs serve --dirty``) needs
beyond one build: the core read anew when its Python changed, the heap settled once the results
kept between builds are made, and each page and file written only when its inputs changed.

The generator's objects (its files, pages, navigation) are read here only through the attributes
named below, which the adapter hands over; this module does not import the generator.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from jinja2 import BaseLoader, Environment

from ..memo import digest, keep_between_builds, text_digest
from ..served import UNMINIFIED_NOTE, minifier_installed
from .build import SiteBuild
from .site_folder import site_folder
from .theme import theme_context, write_files

CORE = Path(__file__).resolve().parents[1]  # the guidance package
# How often the server looks for saved files in the watched folders (content, the core, the theme):
# MkDocs polls every 0.5 s, a quarter of a second of waiting on average after each save; a poll of
# those folders costs a few milliseconds.
POLL_SECONDS = 0.2
_heap_settled = False


def core_stamp() -> list[tuple[str, int, int]]:
    return sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in CORE.rglob("*.py"))


def forget_changed_core() -> bool:
    """Whether a file of the core changed since it was imported; if so, it is forgotten, so that
    the next import reads it anew (Python would keep the old one for the life of the process)."""
    stamp = core_stamp()
    loaded = sys.modules.get("guidance")
    changed = loaded is not None and getattr(loaded, "_source_stamp", stamp) != stamp
    if changed:
        for name in [n for n in sys.modules if n == "guidance" or n.startswith("guidance.")]:
            del sys.modules[name]
    return changed


def mark_core_read() -> None:
    """The stamp ``forget_changed_core`` compares with, set once the core is imported."""
    sys.modules["guidance"]._source_stamp = core_stamp()  # type: ignore[attr-defined]


def read_changed_core(module: ModuleType, kept: Iterable[str]) -> None:
    """When a file of the core changed since it was imported: ``module`` (the adapter, loaded from
    its file) run again, so that it imports the new core and rebinds every name its events use. The
    names in ``kept`` keep their values (what the command decided when it started); the import path
    is left as it was."""
    if not forget_changed_core():
        return
    assert module.__spec__ is not None and module.__spec__.loader is not None  # loaded from a file spec
    values, path = {name: getattr(module, name) for name in kept}, sys.path.copy()
    try:
        module.__spec__.loader.exec_module(module)
    finally:
        sys.path[:] = path
    for name, value in values.items():
        setattr(module, name, value)


def started(command: str, dirty: bool, generator_log: str) -> bool:
    """Whether only what changed is written (``serve --dirty``), as a command starts. Only ``serve``
    builds again, keeping the core's work (memo.py); under --dirty, the generator's warning about
    dirty builds (in the logger ``generator_log``) is not shown (DirtyBuildNotice). Where the
    minifier is not installed, that is said once, in that logger (served.UNMINIFIED_NOTE)."""
    if not minifier_installed():
        logging.getLogger(generator_log).info(UNMINIFIED_NOTE)
    keep_between_builds(command == "serve")
    incremental = command == "serve" and dirty
    if incremental:
        logging.getLogger(generator_log).addFilter(DirtyBuildNotice())
    return incremental


@dataclass
class Outcome:
    status: int = 0  # the command's exit code


@contextmanager
def console(logger_name: str, quiet: bool, refused: tuple[type[BaseException], ...]) -> Iterator[Outcome]:
    """A command's messages on the console (the generator's logger, as its own command line shows
    them), and any of the ``refused`` errors said once, with exit code 1, never as a traceback."""
    logger, handler = logging.getLogger(logger_name), logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING if quiet else logging.INFO)
    outcome = Outcome()
    try:
        yield outcome
    except refused as error:
        if str(error):
            logger.error(str(error))
        outcome.status = 1
    finally:
        logger.removeHandler(handler)


class DirtyBuildNotice(logging.Filter):
    """MkDocs warns that a dirty build may leave links and navigation stale, which the strict
    setting turns into an error; under ``guidance serve`` the hooks decide what is rebuilt, from
    keys that hold every page's inputs, so the warning does not apply."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def settle_heap_when_idle() -> None:
    """A second after the first build (and after each reload of the core): garbage collected once
    and what is left frozen (``gc.freeze``), so that Python's full collections no longer walk every
    result kept between builds; one fell in about every other rebuild at 200 sheets and took
    0.3-0.4 s of it. A frozen object is still freed when nothing refers to it; only garbage in
    reference cycles among them waits for the next reload."""
    global _heap_settled
    if _heap_settled:
        return
    _heap_settled = True

    def settle() -> None:
        gc.unfreeze()
        gc.collect()
        gc.freeze()

    timer = threading.Timer(1.0, settle)
    timer.daemon = True
    timer.start()


def plan_writes(build: SiteBuild, site_dir: Path, env: Environment, config: Mapping[str, Any],
                nav: Iterable[Any], files: Iterable[Any], pages: Mapping[str, Any]) -> set[str]:
    """Which files to write, before any is: each page and file whose key differs from the one of
    the file in the site folder (site_folder.py). A page's key holds everything the theme reads for
    it: the settings, the navigation (every page's title, address and front matter), its
    language's strings, and the page's own content, title, outline, neighbours and alternates; any
    theme template changed rewrites every page. ``files`` are the generator's, ``pages`` its pages
    by source name."""
    folder = site_folder(site_dir)
    folder.begin()
    assert env.loader is not None  # the theme's environment loads from the theme's folders
    loader: BaseLoader = env.loader
    templates_changed = folder.templates_changed(env, loader)
    files = list(files)
    documents = [f for f in files if f.is_documentation_page()]
    site = digest(sorted(config.items()), _nav_signature(list(nav)), [(f.src_uri, f.url) for f in documents])
    languages = {code: _language_signature(build, config, code) for code in build.languages}
    keys = {f.dest_uri: _page_key(build, f.page, pages, site, languages[build.language_of(f.src_uri).code], folder.digest_of)
            for f in documents if f.page is not None}
    others = {f.dest_uri: _file_key(f) for f in files if not f.is_documentation_page()}
    return folder.to_write(keys, everything=templates_changed) | folder.to_write(others)


def finish_writes(site_dir: Path, search: Mapping[str, Callable[[], Iterable[str]]],
                  files: Mapping[str, str | bytes], built: Iterable[str] | None) -> None:
    """After the pages, the files written once every page is: in a full build, every one; under
    --dirty (``built``: the files the generator made), each only if it changed, and every file the
    build no longer makes (a deleted sheet's) removed from the site folder."""
    if built is None:
        return write_files(site_dir, search, files)
    folder = site_folder(site_dir)
    written = {**{path: "".join(pieces()) for path, pieces in search.items()}, **files}
    folder.write(written)
    folder.remove_others(set(built) | set(written))
    folder.finish()
    settle_heap_when_idle()


def _nav_signature(items: list[Any]) -> list[Any]:
    return [(type(i).__name__, i.title, getattr(i, "url", None), getattr(i, "meta", None),
             _nav_signature(getattr(i, "children", None) or [])) for i in items]


def _language_signature(build: SiteBuild, config: Mapping[str, Any], code: str) -> str:
    """What the theme is given for a language (theme.py); its strings (``_``) by their digest."""
    context = sorted((k, v) for k, v in theme_context(build, code, "").items() if k != "_")
    return digest(context, build.site_name(code), sorted(config.items()), build.interface_versions.get(code, ""))


def _page_key(build: SiteBuild, page: Any, pages: Mapping[str, Any], site: str, language: str,
              digest_of: Callable[[str | bytes], str]) -> str:
    uri = page.file.src_uri
    neighbours = [(p.url, p.title) if p else None for p in (pages.get(n or "") for n in build.neighbours(uri))]
    spec = build.page(uri)  # a generated page's HTML reaches it only when it is written
    content = digest_of(spec.packed_html if spec else page.content or "")
    return digest(site, language, uri, page.url, page.canonical_url, page.edit_url, page.title, page.meta,
                  content, _toc_signature(page.toc), neighbours, build.alternates(uri))


def _toc_signature(items: Any) -> list[Any]:
    return [(i.title, i.id, i.level, _toc_signature(i.children)) for i in items]


def _file_key(file: Any) -> str:
    """A file the generator copies: by its source's name, time and size; one the build made: by its bytes."""
    if file.abs_src_path is None:
        return text_digest(file.content_bytes)
    stat = os.stat(file.abs_src_path)
    return digest(file.abs_src_path, stat.st_mtime_ns, stat.st_size)
