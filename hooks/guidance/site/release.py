"""The release a council's copy shows (its footer names it), and the latest release a publisher's
site offers for download (the guide "Host your own copy" links to it).

Both are read from files: the copy's ``release/manifest.json`` and the publisher's folder of
releases. The version is checked against ``VERSION`` wherever it is read, and is written into
pages as text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..components.handout.handout import DOWNLOADS
from ..content.patterns import VERSION
from ..language import N_
from ..problems import Problem, display_path

MANIFEST = "manifest.json"
RELEASE_PAGES = "pages"  # in a release: the publisher's hand-written pages
PREFIX = "guidance-content-"
CHECKSUM_SUFFIX = ".sha256"
RELEASE_LINE = N_("Sheets as published by {producer}, release {version}")
NO_RELEASE = N_("not yet published")
NO_VERSION = "VERSION"  # in the guide's commands while no release is offered


@dataclass(frozen=True)
class OfferedRelease:
    """The newest release in a publisher's folder of releases, with its checksum file."""

    version: str
    zip_file: Path
    checksum_file: Path


def offered_path(path: Path) -> str:
    """Where the site offers a release file: beside the sheets' PDFs."""
    return f"{DOWNLOADS}/{path.name}"


def release_file_name(version: str) -> str:
    return f"{PREFIX}{version}.zip"


def version_key(version: str) -> tuple[int, ...]:
    """Versions compare as numbers: 2026.12.04.2 comes after 2026.12.04 and before 2026.12.10."""
    return tuple(int(part) for part in version.split("."))


@dataclass(frozen=True)
class ShownRelease:
    """The release a copy shows: its version, and the checkers' versions it was tested with."""

    version: str
    tools: dict[str, str]


def shown_release(release: Path, root: Path) -> ShownRelease | Problem:
    """What the copy's ``release/manifest.json`` says, or the Problem that stops the build."""
    path = release / MANIFEST
    shown_as = display_path(path, root)
    try:
        data = json.loads(path.read_bytes()[:2_000_000].decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        return Problem(shown_as, 0, "", f"cannot be read ({type(error).__name__}): the release folder is written by "
                                        "guidance new-copy and guidance update, never by hand")
    version = data.get("version") if isinstance(data, dict) else None
    if not isinstance(version, str) or not VERSION.matches(version):
        return Problem(shown_as, 0, "version", f"expected {VERSION.expected}")
    tools = data.get("tools", {}) if isinstance(data, dict) else {}
    if not isinstance(tools, dict):
        return Problem(shown_as, 0, "tools", "expected each checker's name with its version")
    return ShownRelease(version, {str(name): str(value)[:40] for name, value in tools.items()})


def latest_release(folder: Path) -> OfferedRelease | None:
    """The newest ``guidance-content-<version>.zip`` with its ``.sha256`` beside it, if any."""
    found = []
    for path in folder.glob(f"{PREFIX}*.zip"):
        version = path.name.removeprefix(PREFIX).removesuffix(".zip")
        checksum = path.with_name(path.name + CHECKSUM_SUFFIX)
        if VERSION.matches(version) and path.is_file() and checksum.is_file():
            found.append(OfferedRelease(version, path, checksum))
    return max(found, key=lambda offered: version_key(offered.version), default=None)
