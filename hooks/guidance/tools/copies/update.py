"""``guidance update FILE``: a new release checked, described, applied, built, or put back.

Every check of the release file runs first, in memory: a release refused leaves the copy exactly as
it was. A good one is unpacked beside the installed one (``release.new``), the changes are printed
in plain words, and, once the council agrees, the two folders change places and the copy is built.
If that build fails, the previous release and lock go back, and the message says why.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ...language import N_
from .archive import Release, read_release, unpack
from .changes import compare, snapshot
from .layout import ENGINE, LOCK, PREVIOUS, RELEASE, REQUIREMENTS, STAGING, Lock, read_lock
from ...site.release import version_key
from .manifest import ReleaseError
from .new_copy import write_requirements
from .report import describe_changes
from .words import ENGLISH, Words, words_of

Ask = Callable[[str], bool]
Build = Callable[[Path], str | None]   # builds the copy; None, or why it failed
Say = Callable[[str], None]
NOTHING_TO_DO = N_("Release {version} is already the one this copy shows: nothing to do.")
APPLY = N_("Apply release {version} to this copy?")
NOT_CHANGED = N_("Nothing was changed.")
NOT_BUILT = N_("The update was not applied: the site does not build with release {version}:")
AS_IT_WAS = N_("Your copy is as it was, showing release {installed}. Send this message to the publisher.")
UPDATED = N_("Updated to release {version}, and the site is built.")
NEW_PROGRAM = N_("This release comes with a new version of the program ({lock}). Your hosting (GitHub or GitLab "
                 "Pages) installs it by itself. On this computer, install it from this folder as in step 2 of the "
                 "guide: {command} (on Windows: {windows}).")
INSTALL = "{python} -m pip install --require-hashes --no-deps -r {lock}"


@dataclass(frozen=True)
class Replaced:
    """The files an update replaces, as they were, to be put back if the new release does not build."""

    lock: bytes
    requirements: bytes | None
    engine: dict[str, bytes]


def update(copy: Path, release_file: Path, *, yes: bool, allow_older: bool, ask: Ask, build: Build, say: Say,
           words: Words = ENGLISH) -> int:
    """The exit code: 0 updated (or nothing to do, or declined), 1 refused or not built."""
    lock = read_lock(copy)
    release = read_release(release_file)
    if (reason := _refused(lock, release, allow_older)) is not None:
        if reason:
            raise ReleaseError(reason)
        say(words(NOTHING_TO_DO, version=release.version))
        return 0
    staging = copy / STAGING
    if staging.exists():  # left by an update that was stopped part-way
        shutil.rmtree(staging)
    unpack(release, staging)
    words = words_of(words.language.code, staging / "content")  # the new release's words and titles
    say(describe_changes(compare(snapshot(copy / RELEASE / "content"), snapshot(staging / "content")),
                         lock.version, release.version, words))
    if not yes and not ask("\n" + words(APPLY, version=release.version)):
        shutil.rmtree(staging)
        say(words(NOT_CHANGED))
        return 0
    previous = _apply(copy, release, staging)
    try:
        failure = build(copy)
    except BaseException:  # stopped (Ctrl+C) while it built: the copy goes back as it was
        _put_back(copy, previous)
        raise
    if failure is not None:
        _put_back(copy, previous)
        say("\n".join([words(NOT_BUILT, version=release.version), failure, words(AS_IT_WAS, installed=lock.version)]))
        return 1
    shutil.rmtree(copy / PREVIOUS)
    say(words(UPDATED, version=release.version))
    if previous.requirements is not None and release.files.get(REQUIREMENTS, previous.requirements) != previous.requirements:
        say(words(NEW_PROGRAM, lock=REQUIREMENTS,
                  command=INSTALL.format(python="../guidance-program/bin/python", lock=REQUIREMENTS),
                  windows=INSTALL.format(python="..\\guidance-program\\Scripts\\python", lock=REQUIREMENTS)))
    return 0


def _refused(lock: Lock, release: Release, allow_older: bool) -> str | None:
    """Why the release cannot replace the installed one; "" when it is the installed one."""
    if release.version == lock.version:
        if release.checksum == lock.sha256:
            return ""
        return (f"{release.name}: has the version of the installed release ({lock.version}) but other contents; "
                "the publisher never publishes two releases with one version. Download it again.")
    if version_key(release.version) < version_key(lock.version) and not allow_older:
        return (f"{release.name}: release {release.version} is older than the installed release, {lock.version}. "
                "To go back to it all the same, add --allow-older.")
    return None


def _apply(copy: Path, release: Release, staging: Path) -> Replaced:
    previous = Replaced(lock=(copy / LOCK).read_bytes(),
                        requirements=(copy / REQUIREMENTS).read_bytes() if (copy / REQUIREMENTS).is_file() else None,
                        engine={p.name: p.read_bytes() for p in sorted((copy / ENGINE).glob("*.whl"))})
    if (copy / PREVIOUS).exists():
        shutil.rmtree(copy / PREVIOUS)
    (copy / RELEASE).rename(copy / PREVIOUS)
    staging.rename(copy / RELEASE)
    write_requirements(copy, release)
    (copy / LOCK).write_bytes(Lock(release.name, release.version, release.checksum).to_json())
    return previous


def _put_back(copy: Path, previous: Replaced) -> None:
    shutil.rmtree(copy / RELEASE)
    (copy / PREVIOUS).rename(copy / RELEASE)
    (copy / LOCK).write_bytes(previous.lock)
    if previous.requirements is not None:
        (copy / REQUIREMENTS).write_bytes(previous.requirements)
    if (copy / ENGINE).exists():
        shutil.rmtree(copy / ENGINE)
    for name, data in previous.engine.items():
        (copy / ENGINE).mkdir(exist_ok=True)
        (copy / ENGINE / name).write_bytes(data)
