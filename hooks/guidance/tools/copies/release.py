"""``guidance release OUT``: the publisher's content as one versioned zip, and its checksum.

The zip holds every sheet, every catalogue, ``site.yml`` (the texts every sheet shares), the JSON
Schemas, the publisher's hand-written pages (a new copy's own pages start from them, but for the
guide to hosting a copy), and
``manifest.json``: the version, the date, each file's SHA-256 and, given ``--previous``, what
changed since that release. The same files make the same zip, byte for byte.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ...languages.catalogue import DOMAIN
from ...content.project import SHEET_FILE
from .archive import checksum_file, checksum_line, read_release, unpack
from .layout import ENGINE, REQUIREMENTS
from .changes import SheetChange, compare, snapshot
from ...site.release import MANIFEST, RELEASE_PAGES, release_file_name, version_key
from .manifest import Manifest, ReleaseError, checked_version, sha256



@dataclass(frozen=True)
class Made:
    zip_file: Path
    manifest: Manifest
    changes: list[SheetChange]


def release_files(content_dir: Path, pages_dir: Path | None) -> dict[str, bytes]:
    """What a release holds, by its name in the zip."""
    found = [("content/site.yml", content_dir / "site.yml")]
    found += [(f"content/sheets/{p.parent.name}/{SHEET_FILE}", p)
              for p in sorted((content_dir / "sheets").glob(f"*/{SHEET_FILE}"))]
    found += [(f"content/locale/{p.name}", p) for p in sorted((content_dir / "locale").glob(f"{DOMAIN}.pot"))]
    found += [(f"content/locale/{p.parents[1].name}/LC_MESSAGES/{p.name}", p)
              for p in sorted((content_dir / "locale").glob(f"*/LC_MESSAGES/{DOMAIN}.po"))]
    found += [(f"content/schemas/{p.name}", p) for p in sorted((content_dir / "schemas").glob("*.json"))]
    if pages_dir is not None:
        found += [(f"{RELEASE_PAGES}/{p.relative_to(pages_dir).as_posix()}", p) for p in sorted(pages_dir.rglob("*.md"))
                  if p.is_file()]
    return {name: path.read_bytes() for name, path in found}


def engine_requirement(wheel_name: str, data: bytes) -> bytes:
    """The lock's line for the guidance package's wheel, a path from the folder pip runs in."""
    return f"./{ENGINE}/{wheel_name} \\\n    --hash=sha256:{sha256(data)}\n".encode("utf-8")


def next_version(out: Path, today: date, previous: str | None) -> str:
    """Today's date as a version; a second release the same day gets .2, then .3."""
    base = f"{today.year}.{today.month:02}.{today.day:02}"
    version, count = base, 1
    while (out / release_file_name(version)).exists() or (previous and version_key(version) <= version_key(previous)):
        count += 1
        version = f"{base}.{count}"
    return version


def make_release(content_dir: Path, pages_dir: Path | None, out: Path, today: date,
                 previous_file: Path | None = None, version: str | None = None,
                 wheel: Path | None = None, requirements: Path | None = None,
                 tools: dict[str, str] | None = None) -> Made:
    """Write ``OUT/guidance-content-<version>.zip`` and its ``.sha256``; never replace one.
    ``requirements`` (the pinned packages) and ``wheel`` (the guidance package) are carried for
    copies to install and build with."""
    files = release_files(content_dir, pages_dir)
    if requirements is not None:
        files[REQUIREMENTS] = requirements.read_bytes()
    if wheel is not None:
        files[f"{ENGINE}/{wheel.name}"] = wheel.read_bytes()
        files[REQUIREMENTS] = files.get(REQUIREMENTS, b"") + engine_requirement(wheel.name, files[f"{ENGINE}/{wheel.name}"])
    previous = read_release(previous_file) if previous_file else None
    earlier = previous.version if previous else None
    if version is None:
        version = next_version(out, today, earlier)
    checked_version(version, "--version")
    if earlier and version_key(version) <= version_key(earlier):
        raise ReleaseError(f"--version: {version} is not newer than the previous release, {earlier}")
    zip_file = out / release_file_name(version)
    if zip_file.exists():
        raise ReleaseError(f"{zip_file}: already exists; a release is never replaced (give another --version)")
    changes = _changes_since(previous_file, content_dir) if previous_file else []
    manifest = Manifest(version=version, date=today, files={n: sha256(d) for n, d in files.items()},
                        previous=earlier, changes=tuple(c.as_data() for c in changes), tools=tools or {})
    data = zip_bytes({MANIFEST: manifest.to_json(), **files}, today)
    out.mkdir(parents=True, exist_ok=True)
    _write_new(zip_file, data)
    _write_new(checksum_file(zip_file), checksum_line(data, zip_file.name).encode("utf-8"))
    return Made(zip_file, manifest, changes)


def _changes_since(previous_file: Path, content_dir: Path) -> list[SheetChange]:
    with tempfile.TemporaryDirectory(prefix="guidance-previous-") as folder:
        unpacked = Path(folder) / "release"
        unpack(read_release(previous_file), unpacked)
        before = snapshot(unpacked / "content")
    return compare(before, snapshot(content_dir))


def zip_bytes(files: dict[str, bytes], day: date) -> bytes:
    """A zip of ``files`` in name order, each dated ``day`` at midnight: the same files make the same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=(day.year, day.month, day.day, 0, 0, 0))
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, files[name])
    return buffer.getvalue()


def _write_new(path: Path, data: bytes) -> None:
    """Written beside under another name, then renamed: a release file is whole or absent."""
    partial = path.with_name(path.name + ".part")
    partial.write_bytes(data)
    partial.replace(path)
