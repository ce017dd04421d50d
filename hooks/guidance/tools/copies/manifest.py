"""A release's manifest: its version, its date, each file's SHA-256, and what changed.

The manifest is read from a release file, which is hostile input: every field is checked here,
and anything unexpected is a ``ReleaseError`` naming the field.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ...content.patterns import VERSION
from ...site.release import MANIFEST, version_key

FORMAT = 1
SHA256 = re.compile(r"[0-9a-f]{64}")
MAX_MANIFEST_BYTES = 2_000_000


class ReleaseError(Exception):
    """A release (or a copy) that cannot be used, with one message that says what to do."""


@dataclass(frozen=True)
class Manifest:
    version: str
    date: date
    files: dict[str, str]                    # file in the release -> its SHA-256
    previous: str | None = None              # the version the changes were measured against
    changes: tuple[dict[str, Any], ...] = field(default=())  # changes.as_data() per sheet
    tools: dict[str, str] = field(default_factory=dict)      # the checkers the publisher tests with, and their versions

    def to_json(self) -> bytes:
        data = {"format": FORMAT, "version": self.version, "date": self.date.isoformat(),
                "previous": self.previous, "files": dict(sorted(self.files.items())),
                "changes": list(self.changes), "tools": self.tools}
        return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def checked_version(version: object, where: str) -> str:
    if not isinstance(version, str) or not VERSION.matches(version):
        raise ReleaseError(f"{where}: expected {VERSION.expected}, got {str(version)[:40]!r}")
    return version


def read_manifest(data: bytes, shown_as: str) -> Manifest:
    """The manifest's fields, each checked; a ReleaseError names the first one wrong."""
    where = f"{shown_as}: {MANIFEST}"
    if len(data) > MAX_MANIFEST_BYTES:
        raise ReleaseError(f"{where}: too big ({len(data):,} bytes; the limit is {MAX_MANIFEST_BYTES:,})")
    try:
        parsed = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise ReleaseError(f"{where}: not a manifest this program wrote ({error})") from None
    if not isinstance(parsed, dict):
        raise ReleaseError(f"{where}: expected an object of fields, got {type(parsed).__name__}")
    if parsed.get("format") != FORMAT:
        raise ReleaseError(f"{where}: format: expected {FORMAT}, got {str(parsed.get('format'))[:20]!r} "
                           "(a release made by another version of this program: install the version it names)")
    version = checked_version(parsed.get("version"), f"{where}: version")
    previous = parsed.get("previous")
    if previous is not None:
        checked_version(previous, f"{where}: previous")
    try:
        made = date.fromisoformat(str(parsed.get("date")))
    except ValueError:
        raise ReleaseError(f"{where}: date: expected a date as YYYY-MM-DD, got {str(parsed.get('date'))[:20]!r}") from None
    files = parsed.get("files")
    if not isinstance(files, dict) or not all(isinstance(k, str) and isinstance(v, str) and SHA256.fullmatch(v)
                                              for k, v in files.items()):
        raise ReleaseError(f"{where}: files: expected each file's name with its SHA-256 (64 hexadecimal digits)")
    changes = parsed.get("changes", [])
    if not isinstance(changes, list) or not all(isinstance(c, dict) for c in changes):
        raise ReleaseError(f"{where}: changes: expected a list of changes per sheet")
    tools = parsed.get("tools", {})
    if not isinstance(tools, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in tools.items()):
        raise ReleaseError(f"{where}: tools: expected each checker's name with its version")
    return Manifest(version=version, date=made, files=files, previous=previous, changes=tuple(changes), tools=tools)
