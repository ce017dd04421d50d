"""Reading a release file safely: every check is made, in memory, before anything is written.

A release is hostile input. It is refused, with one message, when its checksum file is missing or
does not match; when it is not a zip or is cut short; when a member has an absolute path, a ``..``,
a name that is not plain letters, digits, dots, hyphens and underscores, is a link, or differs from
another only by case (one file on Windows and macOS); when it holds more than 50 MB unpacked or a
member over 5 MB; and when the manifest's hashes do not match the files. Only then may ``unpack``
write it, each file under the folder named and nowhere else.
"""

from __future__ import annotations

import io
import re
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ...site.release import CHECKSUM_SUFFIX, MANIFEST, RELEASE_PAGES
from .layout import ENGINE, REQUIREMENTS
from .manifest import SHA256, Manifest, ReleaseError, read_manifest, sha256

MAX_TOTAL = 50 * 1024 * 1024      # bytes unpacked, the whole release
MAX_MEMBER = 5 * 1024 * 1024      # bytes unpacked, one file
MAX_MEMBERS = 20_000
TOP_FOLDERS = ("content", RELEASE_PAGES, ENGINE)  # besides these files, a release holds only these folders
TOP_FILES = (MANIFEST, REQUIREMENTS)
PART = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._-]{0,99}")
# Names Windows keeps for devices: a file so named cannot be written there.
DEVICES = {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)), *(f"lpt{n}" for n in range(10))}


@dataclass(frozen=True)
class Release:
    """A checked release, held in memory: its manifest and each file's bytes."""

    name: str          # the release file's name, as the messages show it
    checksum: str      # its SHA-256, as its .sha256 file gives it
    manifest: Manifest
    manifest_data: bytes  # the manifest as published, unpacked byte for byte
    files: dict[str, bytes]

    @property
    def version(self) -> str:
        return self.manifest.version


def checksum_file(path: Path) -> Path:
    return path.with_name(path.name + CHECKSUM_SUFFIX)


def checksum_line(data: bytes, name: str) -> str:
    """The line of a ``.sha256`` file, as sha256sum writes it and ``sha256sum -c`` reads it."""
    return f"{sha256(data)}  {name}\n"


def read_release(path: Path) -> Release:
    """The release at ``path``, every check passed; a ReleaseError says what is wrong."""
    name = path.name
    data = _release_bytes(path)
    checksum = _expected_checksum(path)
    if sha256(data) != checksum:
        raise ReleaseError(f"{name}: its checksum does not match the one in {name}{CHECKSUM_SUFFIX}: the file is "
                           "damaged or is not the file published. Download both files again.")
    members = _members(data, name)
    manifest_data = members.pop(MANIFEST)
    manifest = read_manifest(manifest_data, name)
    _check_hashes(manifest, members, name)
    if "content/site.yml" not in members or not any(m.startswith("content/sheets/") for m in members):
        raise ReleaseError(f"{name}: not a release of guidance sheets (it has no content/site.yml or no sheets)")
    return Release(name=name, checksum=checksum, manifest=manifest, manifest_data=manifest_data, files=members)


def _release_bytes(path: Path) -> bytes:
    try:
        if not path.is_file():
            raise ReleaseError(f"{path}: no such file (give the path of the release's .zip file)")
        if path.stat().st_size > MAX_TOTAL:
            raise ReleaseError(f"{path.name}: too big to be a release ({path.stat().st_size:,} bytes; "
                               f"the limit is {MAX_TOTAL:,})")
        return path.read_bytes()
    except OSError as error:
        raise ReleaseError(f"{path}: cannot be read ({error.strerror or error})") from None


def _expected_checksum(path: Path) -> str:
    beside = checksum_file(path)
    try:
        text = beside.read_bytes()[:1000].decode("utf-8")
    except FileNotFoundError:
        raise ReleaseError(f"{path.name}: its checksum file {beside.name} is not beside it. Download both "
                           "files from the same place and keep them in one folder.") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ReleaseError(f"{beside.name}: cannot be read ({error})") from None
    words = text.split()
    if not words or not SHA256.fullmatch(words[0].lower()):
        raise ReleaseError(f"{beside.name}: expected a SHA-256 checksum (64 hexadecimal digits) at its start")
    return words[0].lower()


def _members(data: bytes, name: str) -> dict[str, bytes]:
    """Every file of the zip, by name, each checked before and after it is read."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as error:
        raise ReleaseError(f"{name}: not a zip file, or cut short ({error}). Download it again.") from None
    if len(infos) > MAX_MEMBERS:
        raise ReleaseError(f"{name}: holds {len(infos):,} files; a release holds at most {MAX_MEMBERS:,}")
    seen: dict[str, str] = {}
    files: dict[str, bytes] = {}
    total = 0
    for info in infos:
        member = _checked_name(info, name)
        if info.is_dir():
            continue
        folded = member.casefold()
        if folded in seen:
            raise ReleaseError(f"{name}: '{member}' and '{seen[folded]}' differ only by capital letters, and "
                               "would be one file on Windows and macOS")
        seen[folded] = member
        if info.file_size > MAX_MEMBER:
            raise ReleaseError(f"{name}: '{member}' is {info.file_size:,} bytes unpacked; the limit for one "
                               f"file is {MAX_MEMBER:,}")
        total += info.file_size
        if total > MAX_TOTAL:
            raise ReleaseError(f"{name}: more than {MAX_TOTAL:,} bytes unpacked, the limit for a release")
        files[member] = _read_member(archive, info, member, name)
    if MANIFEST not in files:
        raise ReleaseError(f"{name}: has no {MANIFEST}, so it is not a release of guidance sheets")
    return files


def _checked_name(info: zipfile.ZipInfo, name: str) -> str:
    raw = info.filename
    shown = raw[:80]
    if raw.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", raw):
        raise ReleaseError(f"{name}: '{shown}' is an absolute path; a release's files are all inside it")
    parts = PurePosixPath(raw.rstrip("/")).parts if "\\" not in raw else raw.split("\\")
    if ".." in parts or ".." in raw.split("/"):
        raise ReleaseError(f"{name}: '{shown}' leads out of the folder ('..'); a release's files are all inside it")
    if stat.S_ISLNK(info.external_attr >> 16):
        raise ReleaseError(f"{name}: '{shown}' is a link; a release holds only plain files")
    if info.flag_bits & 0x1:
        raise ReleaseError(f"{name}: '{shown}' is encrypted; a release is never encrypted")
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise ReleaseError(f"{name}: '{shown}' is compressed in a way a release never is")
    bad = [part for part in parts if not PART.fullmatch(part) or part.split(".")[0].lower() in DEVICES]
    if "\\" in raw or bad or not parts:
        raise ReleaseError(f"{name}: '{shown}' is not a name a release uses (letters, digits, '.', '-' and '_', "
                           "folders joined by '/')")
    if (parts[0] not in TOP_FOLDERS or len(parts) == 1) and raw not in TOP_FILES:
        raise ReleaseError(f"{name}: '{shown}' is not one of the files or folders a release holds ({', '.join(TOP_FILES + TOP_FOLDERS)})")
    return "/".join(parts)


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, member: str, name: str) -> bytes:
    """A member's bytes, read no further than it says it holds (a zip may lie about its sizes)."""
    try:
        with archive.open(info) as handle:
            data = handle.read(min(info.file_size, MAX_MEMBER) + 1)
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, RuntimeError) as error:
        raise ReleaseError(f"{name}: '{member}' cannot be read ({error}): the file is damaged. "
                           "Download it again.") from None
    if len(data) != info.file_size:
        raise ReleaseError(f"{name}: '{member}' holds more or less than it says: the file is damaged")
    return data


def _check_hashes(manifest: Manifest, members: dict[str, bytes], name: str) -> None:
    listed, present = set(manifest.files), set(members)
    if unlisted := sorted(present - listed):
        raise ReleaseError(f"{name}: '{unlisted[0]}' is not listed in its manifest")
    if missing := sorted(listed - present):
        raise ReleaseError(f"{name}: '{missing[0]}' is listed in its manifest but not in the release")
    for member in sorted(members):
        if sha256(members[member]) != manifest.files[member]:
            raise ReleaseError(f"{name}: '{member}' does not match its SHA-256 in the manifest: the release "
                               "was changed after it was made. Download it again from the publisher.")


def unpack(release: Release, folder: Path) -> None:
    """Write the release's files (manifest included) into ``folder``, a new folder."""
    folder.mkdir(parents=False, exist_ok=False)
    root = folder.resolve()
    for member, data in sorted({**release.files, MANIFEST: release.manifest_data}.items()):
        target = folder.joinpath(*member.split("/"))
        if not target.resolve().is_relative_to(root):  # checked names cannot, but nothing leaves it
            raise ReleaseError(f"{release.name}: '{member}' would be written outside {folder}")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
