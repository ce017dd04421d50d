"""``guidance new-copy DIR --release FILE --publisher-name NAME``: a council's own copy.

The folder holds only what is the council's: its settings (``mkdocs.yml``), its publisher profile,
its own pages and sheets, and the CI files that publish it; beside them the release, unpacked into
``release/`` where the council never edits it, and the lock that names it and its checksum.
"""

from __future__ import annotations

import json
import re
import shutil
import unicodedata
from pathlib import Path

from ...language import SOURCE, TABLE
from ...languages.catalogue import catalogue_path
from ...site.release import RELEASE_PAGES
from .archive import Release, read_release, unpack
from .hosting import ci_files
from .layout import ENGINE, LOCK, PAGES, PREVIOUS, PROFILE, RELEASE, REQUIREMENTS, SETTINGS, SHEETS, SITE, STAGING, Lock
from .manifest import ReleaseError
from .words import ENGLISH

MAX_NAME = 200
GUIDE = "host-your-own-copy.md"  # the publisher's guide to hosting a copy: not one of a copy's pages
SETTINGS_TEXT = """\
# The settings of your copy of the guidance sheets.
# See it on your computer as you edit:  guidance serve
# Build the whole site into the folder "{site}":  guidance build {site}
site_name: Information sheets   # every page shows your name from {profile} instead
# Your site's address, ending with /, between the quotes (https://guidance.example.org.uk/). On
# GitHub Pages and GitLab Pages it is filled in for you when the site is published.
site_url: !ENV [GUIDANCE_SITE_URL, ""]
docs_dir: {pages}                  # your own pages: {pages}/*.md in {source}, each other language's in {pages}/<its code>/
watch:                           # `guidance serve` builds again when one of these changes
  - {profile}
  - {sheets}
  - {release}

extra:
  guidance:
    languages: [{languages}]          # {other} first: [{other_first}]
    publisher: {profile}       # your publisher profile: your name, address, logo and colour
    release: {release}              # the sheets as published: `guidance update` replaces this folder; never edit it
    own_sheets: {sheets}             # your own sheets: {sheets}/<number>-<name>/sheet.yml
"""
PROFILE_TEXT = """\
# yaml-language-server: $schema={release}/content/schemas/publisher.schema.json
# Your publisher profile: everything on the site that names your council. Replace each value
# marked "to complete" with yours, in each language, and keep the words before each colon.
id: {id}
name:
{name}
strapline:
{strapline}
address:
{address}
charity_number: "0000000"   # to complete
phone: 01000 000000   # to complete
email: info@example.org.uk   # to complete
website: https://www.example.org.uk   # to complete
# logo: your-logo.svg   # optional: your logo (SVG, PNG or JPEG), in this folder
# brand_colour: "#1d4f91"   # optional: dark enough for white text on it
"""
PLACEHOLDERS = {"strapline": "Your local county voluntary council", "address": "Your address, Town, Postcode"}
SHEETS_README = """\
Your own sheets, built with the published ones. Each is a folder with one file,
<number>-<name>/sheet.yml, written the way the published sheets in
../{release}/content/sheets/ are. Start one with:

  guidance new-sheet 3.9 "Our own sheet" --series working-with-others --out {sheets}

An update never changes this folder.
"""
GITIGNORE = "{site}/\npublic/\n.venv/\n{staging}\n{previous}\n"


def new_copy(folder: Path, release_file: Path, publisher_name: str) -> Lock:
    """Make the copy; nothing is written until the release has passed every check."""
    name = checked_name(publisher_name)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise ReleaseError(f"{folder}: already exists and is not empty; name a new folder for the copy")
    release = read_release(release_file)
    made_folder = not folder.exists()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return _write_copy(folder, release, name)
    except BaseException:
        if made_folder:
            shutil.rmtree(folder, ignore_errors=True)
        raise


def _write_copy(folder: Path, release: Release, name: str) -> Lock:
    unpack(release, folder / RELEASE)
    names = {"site": SITE, "profile": PROFILE, "pages": PAGES, "release": RELEASE, "sheets": SHEETS}
    languages = release_languages(release)
    others = [code for code in languages if code != SOURCE.code]
    _write(folder / SETTINGS, SETTINGS_TEXT.format(
        **names, source=ENGLISH.language_name(SOURCE.code), languages=", ".join(languages),
        other=" or ".join(ENGLISH.language_name(code) for code in others) or "another language",
        other_first=", ".join([*others[:1], SOURCE.code, *others[1:]])))
    _write(folder / PROFILE, PROFILE_TEXT.format(
        release=RELEASE, id=profile_id(name), name=_localised(json.dumps(name, ensure_ascii=False), languages, placeholder=False),
        **{field: _localised(text, languages, placeholder=True) for field, text in PLACEHOLDERS.items()}))
    for member, data in release.files.items():
        if member.startswith(f"{RELEASE_PAGES}/") and member.rpartition("/")[2] != GUIDE:
            target = folder / PAGES / Path(*member.split("/")[1:])
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    (folder / PAGES).mkdir(exist_ok=True)
    (folder / SHEETS).mkdir()
    _write(folder / SHEETS / "README.txt", SHEETS_README.format(**names))
    _write(folder / ".gitignore", GITIGNORE.format(site=SITE, staging=STAGING + "/", previous=PREVIOUS + "/"))
    write_requirements(folder, release)
    for path, text in ci_files().items():
        _write(folder / path, text)
    lock = Lock(release=release.name, version=release.version, sha256=release.checksum)
    (folder / LOCK).write_bytes(lock.to_json())
    return lock


def release_languages(release: Release) -> list[str]:
    """The source language, then each language of the table the release has a catalogue for."""
    return [SOURCE.code, *(code for code in TABLE if code != SOURCE.code
                           and catalogue_path(Path("content"), code).as_posix() in release.files)]


def _localised(text: str, languages: list[str], placeholder: bool) -> str:
    """A profile text in each language: the source language's as given, the others to complete."""
    lines = []
    for code in languages:
        note = f"   # to complete: in {ENGLISH.language_name(code)}" if code != SOURCE.code else ("   # to complete" if placeholder else "")
        lines.append(f"  {code}: {text}{note}")
    return "\n".join(lines)


def write_requirements(folder: Path, release: Release) -> None:
    """The release's pinned packages and the guidance package's wheel, when it carries them,
    beside the copy's files (the lock names the wheel by its path from the copy's folder)."""
    engine = folder / ENGINE
    if engine.exists():
        shutil.rmtree(engine)
    for member, data in sorted(release.files.items()):
        if member == REQUIREMENTS or member.startswith(f"{ENGINE}/"):
            target = folder.joinpath(*member.split("/"))
            target.parent.mkdir(exist_ok=True)
            target.write_bytes(data)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))


def checked_name(name: str) -> str:
    """The council's name as given: written into the profile, it is text, never YAML or markup."""
    name = name.strip()
    if not name:
        raise ReleaseError('--publisher-name: expected your council\'s name, such as "Powys Association of Voluntary Organisations"')
    if len(name) > MAX_NAME:
        raise ReleaseError(f"--publisher-name: {len(name)} characters; a name has at most {MAX_NAME}")
    if any(unicodedata.category(c).startswith("C") for c in name):
        raise ReleaseError("--publisher-name: holds a control character; type the name as it is written")
    return name


def profile_id(name: str) -> str:
    """A short id from the name: its letters and digits, lower case, words joined by hyphens."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    words = re.findall(r"[a-z0-9]+", plain)
    slug = ""
    for word in words:
        if len(slug) + len(word) + 1 > 40:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug or "council"

