"""Material for MkDocs upgrades are reviewed changes: every theme file that copies or replaces one of
Material's records the Material version it came from, and a test fails as soon as the installed
Material is another version (README: "Upgrading Material")."""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

import material

from conftest import ROOT

OVERRIDES = ROOT / "overrides"
MATERIAL = Path(material.__file__).parent / "templates"
INSTALLED = version("mkdocs-material")
# How a file records what it came from: "Copied from Material for MkDocs 9.8.2 partials/header.html"
# (or "Replaces ..." for a file written anew in place of Material's).
RECORD = re.compile(r"\bMaterial for MkDocs (?P<version>\d+(?:\.\d+)+),? (?P<source>[\w./-]+\.html)")


def theme_files() -> list[Path]:
    return sorted(p for p in OVERRIDES.rglob("*") if p.suffix in (".html", ".js", ".css") and "vendor" not in p.parts)


def replacing_materials_own() -> list[Path]:
    """Templates at a path of Material's that do not extend it (they stand in for Material's file)."""
    found = []
    for path in theme_files():
        if path.suffix == ".html" and (MATERIAL / path.relative_to(OVERRIDES)).exists():
            code = re.sub(r"\{#.*?#\}", "", path.read_text(encoding="utf-8"), flags=re.S).lstrip()
            if not code.startswith("{% extends"):
                found.append(path)
    return found


def test_every_template_that_stands_in_for_one_of_materials_records_where_it_came_from():
    replacing = replacing_materials_own()
    assert {p.relative_to(OVERRIDES).as_posix() for p in replacing} >= {"partials/header.html", "partials/search.html"}
    for path in replacing:
        record = RECORD.search(path.read_text(encoding="utf-8"))
        assert record, f"{path.relative_to(ROOT)}: say which Material file and version it came from"
        assert record["source"] == path.relative_to(OVERRIDES).as_posix(), path


def test_every_recorded_material_version_is_the_installed_one():
    """A new Material may have changed the files ours were copied from: compare each with the new
    version's, carry the changes over, then record the new version."""
    records = {path.relative_to(ROOT).as_posix(): RECORD.search(path.read_text(encoding="utf-8"))
               for path in theme_files()}
    recorded = {name: (r["version"], r["source"]) for name, r in records.items() if r}
    assert len(recorded) >= 8
    stale = {name: v for name, (v, _source) in recorded.items() if v != INSTALLED}
    assert not stale, f"Material for MkDocs {INSTALLED} is installed; these were copied from another version: {stale}"
    for name, (_version, source) in recorded.items():
        assert (MATERIAL / source).exists(), f"{name}: Material {INSTALLED} has no {source}"


def test_the_pinned_material_is_the_installed_one():
    pinned = re.search(r"^mkdocs-material==(\S+)", (ROOT / "requirements.txt").read_text(), re.M)
    assert pinned and pinned[1] == INSTALLED


def test_nothing_hashed_by_a_material_build_is_written_in_the_theme():
    """File names such as search.a7633da7.min.js change with every Material release."""
    hashed = re.compile(r"\.[0-9a-f]{8}\.min\.(?:js|css)")
    assert [p.name for p in theme_files() if hashed.search(p.read_text(encoding="utf-8"))] == []
