"""The generator's configuration: what every site shares (``site/mkdocs.yml``: the theme, its
overrides, the hooks, the layout), and a site folder's own mkdocs.yml completed with it.

A site folder may hold only its own settings (its name, address, content and languages); the
`guidance` command completes them with the shared configuration, pointing at the package's own
theme, hand-written pages and adapter. The repository's mkdocs.yml names the shared file itself
(``INHERIT``), so plain ``mkdocs serve`` and ``mkdocs build`` read the same configuration.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from pathlib import Path
from typing import Any

from ..content.validate import describe
from ..problems import ContentError, Problem, display_path

PACKAGE = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).with_name("mkdocs.yml")
ADAPTER = PACKAGE / "adapter" / "mkdocs_site.py"


def shipped(installed: str, in_repository: str) -> Path:
    """The package's own files: beside the code in an installed package (pyproject.toml puts them
    there), at the top of the repository in a checkout (``overrides/``, ``docs/``, ``package.json``)."""
    beside = PACKAGE / installed
    return beside if beside.exists() else PACKAGE.parents[1] / in_repository


THEME = shipped("theme", "overrides")
PAGES = shipped("pages", "docs")
CHECKERS = shipped("checkers/package.json", "package.json")  # the versions of the checkers the tests run
SHIM = "assets/vendor/iframe-worker/shim.js"  # Material's: its search worker started from a file:// page


def merged(base: Mapping[str, Any], own: Mapping[str, Any]) -> dict[str, Any]:
    """``own`` over ``base``, mappings merged key by key, as MkDocs reads a file that INHERITs another."""
    result = dict(base)
    for key, value in own.items():
        below = result.get(key)
        result[key] = merged(below, value) if isinstance(below, Mapping) and isinstance(value, Mapping) else value
    result.pop("INHERIT", None)
    return result


def read_config(path: Path, shown_from: Path | None = None, depth: int = 0) -> dict[str, Any]:
    """A mkdocs.yml as MkDocs reads it (PyYAML), merged over the file it INHERITs; its ``!ENV`` and
    ``!relative`` tags are read as nothing (MkDocs itself reads them when it builds)."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    Loader.add_constructor("!relative", lambda loader, node: None)
    shown_as = display_path(path, shown_from or path.parent)
    try:
        config = yaml.load(path.read_bytes().decode("utf-8-sig"), Loader=Loader) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise ContentError([Problem(shown_as, 0, "", f"cannot be read as settings ({type(error).__name__})")]) from None
    if not isinstance(config, Mapping):
        raise ContentError([Problem(shown_as, 1, "", f"expected a mapping of keys to values, got {describe(config)}")])
    inherited = config.get("INHERIT")
    if not isinstance(inherited, str) or depth > 3:
        return dict(config)
    return merged(read_config(path.parent / inherited, shown_from or path.parent, depth + 1), config)


def shared_config() -> dict[str, Any]:
    """``site/mkdocs.yml`` with its paths put where this package keeps its theme, pages and adapter."""
    shared = read_config(SHARED)
    theme = {**shared["theme"], "custom_dir": str(THEME)}
    return {**shared, "docs_dir": str(PAGES), "theme": theme, "hooks": [str(ADAPTER)]}


def completed(config_file: Path) -> dict[str, Any]:
    """What a site folder's mkdocs.yml leaves to the shared configuration. One with no ``theme``
    holds only its own settings and is completed: every key it lacks, and ``extra`` key by key. One
    with a theme brings its whole configuration (the repository's, which INHERITs the shared file)."""
    own = read_config(config_file)
    if "theme" in own:
        return {}
    full = merged(shared_config(), own)
    return {key: value for key, value in full.items() if key not in own or (key == "extra" and value != own[key])}


def full_config(config_file: Path) -> dict[str, Any]:
    """A site folder's settings as the build reads them."""
    return merged(read_config(config_file), completed(config_file))


def make_offline(config: MutableMapping[str, Any]) -> None:
    """The configuration of a copy that opens from disk: pages as ``name.html``, the worker shim for
    search from ``file://``, no instant navigation (it cannot fetch from disk)."""
    config["use_directory_urls"] = False
    config["extra"]["polyfills"] = [*config["extra"].get("polyfills", []), SHIM]
    config["theme"]["features"] = [f for f in config["theme"]["features"] if not f.startswith("navigation.instant")]
