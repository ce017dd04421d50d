"""Helpers for the tests of releases and copies: a publisher's project in a temporary folder,
releases made from it, and release files forged with one thing wrong."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path
from typing import Any


ROOT = Path(__file__).resolve().parents[1]
DAY = date(2026, 12, 4)
COUNCIL = "Powys Association of Voluntary Organisations"
QUESTION = "Do you have the time?"
REWORDED = "Do you have enough time this year?"
NEW_SHEET = """\
id: volunteers
series: working-with-others
number: "3.4"
title: Working with volunteers
summary: How to work well with volunteers.
last_updated: 2026-12-01
sections:
  - type: text
    id: volunteers-introduction
    heading: Why volunteers matter
    paragraphs:
      - id: volunteers-introduction-text
        text: Volunteers give their time freely.
"""


def publisher_project(folder: Path) -> Path:
    """A copy of the project's content and hand-written pages: a publisher's project."""
    shutil.copytree(ROOT / "content_src", folder / "content_src")
    shutil.copytree(ROOT / "docs", folder / "docs")
    return folder


def reword_and_add(project: Path) -> None:
    """The next release's changes: one checklist question reworded, one sheet added."""
    sheet = project / "content_src" / "sheets" / "3.3-partnership" / "sheet.yml"
    text = sheet.read_text(encoding="utf-8")
    assert f"text: {QUESTION}" in text
    sheet.write_text(text.replace(f"text: {QUESTION}", f"text: {REWORDED}"), encoding="utf-8")
    new = project / "content_src" / "sheets" / "3.4-volunteers" / "sheet.yml"
    new.parent.mkdir()
    new.write_text(NEW_SHEET, encoding="utf-8")


def everything_in(folder: Path) -> dict[str, bytes | None]:
    """Every file's bytes and every folder (None) under ``folder``, by relative path."""
    return {p.relative_to(folder).as_posix(): (p.read_bytes() if p.is_file() else None)
            for p in sorted(folder.rglob("*"))}


def forged(path: Path, files: dict[str, bytes], *, manifest: dict[str, object] | None = None,
           infos: list[tuple[zipfile.ZipInfo, bytes]] = (), checksum: bool = True) -> Path:
    """A release file written by hand: ``files`` with a true manifest unless ``manifest`` is
    given, extra raw members (``infos``), and a true .sha256 beside it."""
    true = {"format": 1, "version": "2026.12.05", "date": "2026-12-05", "previous": None,
            "files": {name: hashlib.sha256(data).hexdigest() for name, data in files.items()}, "changes": []}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(manifest if manifest is not None else true))
        for name, data in files.items():
            archive.writestr(name, data)
        for info, data in infos:
            archive.writestr(info, data)
    write_with_checksum(path, buffer.getvalue(), checksum)
    return path


def write_with_checksum(path: Path, data: bytes, checksum: bool = True) -> None:
    path.write_bytes(data)
    if checksum:
        path.with_name(path.name + ".sha256").write_text(f"{hashlib.sha256(data).hexdigest()}  {path.name}\n",
                                                         encoding="utf-8")


def release_members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


OWN_SHEET = NEW_SHEET.replace("id: volunteers", "id: our-training").replace('number: "3.4"', 'number: "3.9"') \
    .replace("Working with volunteers", "Our training days").replace("volunteers-introduction", "training-introduction")
OWN_PAGE = "# Our opening hours\n\nWe are open on weekdays.\n"


def add_own_sheet_and_page(copy: Path) -> None:
    """The council's own sheet (3.9 Our training days) and own page (pages/opening-hours.md)."""
    sheet = copy / "sheets" / "3.9-our-training" / "sheet.yml"
    sheet.parent.mkdir(parents=True)
    sheet.write_text(OWN_SHEET, encoding="utf-8")
    (copy / "pages" / "opening-hours.md").write_text(OWN_PAGE, encoding="utf-8")


def build_copy(copy: Path, site: Path) -> tuple[int, list[str]]:
    """``guidance build SITE`` run in the copy's folder, as a council runs it: (exit code, messages)."""
    result = subprocess.run([sys.executable, "-m", "guidance", "build", str(site), "-q"], cwd=copy,
                            capture_output=True, text=True, timeout=300,
                            env={**os.environ, "PYTHONPATH": str(ROOT / "hooks"), "GUIDANCE_SITE_URL": ""})
    return result.returncode, (result.stdout + result.stderr).splitlines()


def release_of(project: Path, out: Path, **options: Any) -> Path:
    """``guidance release`` of a publisher's project (its content, pages and checkers' versions)."""
    from guidance.site.facts import tool_versions
    from guidance.tools.copies.release import make_release
    return make_release(project / "content_src", project / "docs", out, options.pop("today", DAY),
                        tools=tool_versions(ROOT / "package.json"), **options).zip_file


def two_releases(folder: Path) -> tuple[Path, Path]:
    """The project's first release, and a second one the same day with a question reworded and a
    sheet added."""
    project = publisher_project(folder / "project")
    first = release_of(project, folder / "releases")
    reword_and_add(project)
    return first, release_of(project, folder / "releases", previous_file=first)
