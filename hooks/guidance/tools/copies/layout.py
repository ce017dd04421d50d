"""The files of a council's copy, by name, and its lock: which release it shows, and its checksum.

Everything but ``release/``, the lock and ``requirements.lock`` is the council's own, and no
command of this package writes to it after ``new-copy``. ``guidance update`` replaces only those three.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from .manifest import SHA256, ReleaseError, checked_version

SETTINGS = "mkdocs.yml"
PROFILE = "publisher.yml"
PAGES = "pages"                   # the council's own hand-written pages (English; cy/ for Welsh)
SHEETS = "sheets"                 # the council's own sheets: sheets/<number>-<name>/sheet.yml
RELEASE = "release"               # the publisher's release, unpacked; never edited
LOCK = "release-lock.json"
REQUIREMENTS = "requirements.lock"
ENGINE = "engine"                 # the guidance package's wheel, when the release carries one
SITE = "site"                     # where `guidance build` and `guidance update` write the site
STAGING = "release.new"           # an update's release while it is checked
PREVIOUS = "release.previous"     # the release an update replaced, until the new one builds
NEW_COPY = 'guidance new-copy FOLDER --release guidance-content-VERSION.zip --publisher-name "Your council"'


@dataclass(frozen=True)
class Lock:
    release: str   # the release file's name
    version: str
    sha256: str    # the release file's checksum

    def to_json(self) -> bytes:
        return (json.dumps(asdict(self), indent=1) + "\n").encode("utf-8")


def read_lock(copy: Path) -> Lock:
    """The copy's lock; a folder without one, or without its profile, is told what to run."""
    path = copy / LOCK
    if not path.is_file():
        raise ReleaseError(f"{copy}: not a copy of the guidance sheets: it has no {LOCK}. Make a copy with:\n"
                           f"  {NEW_COPY}")
    if not (copy / PROFILE).is_file():
        raise ReleaseError(f"{copy}: its publisher profile {PROFILE} is missing. Put it back from your backup or "
                           f"from your repository's history, or make a new copy with:\n  {NEW_COPY}\n"
                           f"and copy its {PROFILE} here, filled in.")
    try:
        data = json.loads(path.read_bytes()[:10_000].decode("utf-8"))
        lock = Lock(release=str(data["release"]), version=str(data["version"]), sha256=str(data["sha256"]))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError) as error:
        raise ReleaseError(f"{path}: cannot be read ({type(error).__name__}); it is written by guidance new-copy "
                           "and guidance update, never by hand") from None
    checked_version(lock.version, f"{path}: version")
    if not SHA256.fullmatch(lock.sha256):
        raise ReleaseError(f"{path}: sha256: expected 64 hexadecimal digits")
    return lock
