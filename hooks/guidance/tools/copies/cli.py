"""The commands ``release``, ``new-copy`` and ``update`` of the ``guidance`` command line.

Each prints one clear message and exits 1 when its input is refused, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from ...language import N_
from ...problems import ContentError, display_path
from ...content.project import load_project
from ...site.facts import tool_versions
from ...site.settings import read_settings
from .layout import RELEASE, REQUIREMENTS, SETTINGS
from .manifest import ReleaseError
from .new_copy import new_copy
from .release import make_release
from .report import describe_changes
from .update import Build, update
from .words import ENGLISH, Words, words_of

Command = Callable[[argparse.Namespace], int]
ANSWER = N_("Type y for yes, n for no:")


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser], build: Build) -> None:
    """The three commands, added to the ``guidance`` command's subcommands."""
    release = commands.add_parser("release", help="write the content as a release: OUT/guidance-content-<version>.zip and its .sha256")
    release.add_argument("out", type=Path, metavar="OUT", help="the folder to write the release into")
    release.add_argument("--previous", type=Path, metavar="FILE", help="the previous release: the manifest says what changed since")
    release.add_argument("--version", help="the release's version (default: today's date, 2026.12.04, with .2 for a second release that day)")
    release.add_argument("--wheel", type=Path, metavar="FILE", help="the guidance package's wheel, carried by the release for copies to build with")
    release.add_argument("--pages", type=Path, default=Path("docs"), metavar="DIR", help="the hand-written pages a new copy starts from (default: docs)")
    release.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    release.set_defaults(run=_release)

    copy = commands.add_parser("new-copy", help="make a council's own copy from a release")
    copy.add_argument("folder", type=Path, metavar="DIR")
    copy.add_argument("--release", type=Path, required=True, metavar="FILE", help="the release's .zip file (its .sha256 beside it)")
    copy.add_argument("--publisher-name", required=True, metavar="NAME", help="your council's name, in quotes")
    copy.set_defaults(run=_new_copy)

    updating = commands.add_parser("update", help="update this copy to a new release, saying what changed")
    updating.add_argument("release", type=Path, metavar="FILE", help="the new release's .zip file (its .sha256 beside it)")
    updating.add_argument("--yes", action="store_true", help="apply without asking")
    updating.add_argument("--allow-older", action="store_true", help="accept a release older than the one installed")
    updating.add_argument("--copy", type=Path, default=Path("."), metavar="DIR", help="the copy's folder (default: this folder)")
    updating.set_defaults(run=lambda args: _update(args, build))


def run(args: argparse.Namespace) -> int:
    """One command, its refusals as one message on stderr and exit code 1."""
    command: Command = args.run
    try:
        return command(args)
    except (ReleaseError, ContentError) as error:
        print(error, file=sys.stderr)
        return 1
    except KeyboardInterrupt:  # Ctrl+C: an update puts the copy back, a new copy is removed
        print("Stopped.", file=sys.stderr)
        return 1


def _release(args: argparse.Namespace) -> int:
    settings = read_settings(args.config_file.resolve())
    load_project(settings.content_dir, settings.publisher_file)  # a release is made of content that builds
    root = args.config_file.resolve().parent
    pages, requirements = root / args.pages, root / REQUIREMENTS
    made = make_release(settings.content_dir, pages if pages.is_dir() else None, args.out, date.today(),
                        args.previous, args.version, args.wheel, requirements if requirements.is_file() else None,
                        tool_versions(root / "package.json"))
    print(f"wrote {display_path(made.zip_file, Path.cwd())} and its .sha256 ({len(made.manifest.files)} files)")
    if args.wheel is None:
        print("note: no --wheel: copies of this release install the guidance package some other way "
              "(their CI files install only what requirements.lock names)")
    if args.previous:
        print(describe_changes(made.changes, made.manifest.previous, made.manifest.version))
    return 0


def _new_copy(args: argparse.Namespace) -> int:
    lock = new_copy(args.folder, args.release, args.publisher_name)
    print(f"Made your copy in {args.folder}, showing release {lock.version}.\n"
          f"Next: fill in {args.folder / 'publisher.yml'}, then see the site with: guidance serve")
    return 0


def _update(args: argparse.Namespace, build: Build) -> int:
    words = copy_words(args.copy)
    return update(args.copy, args.release, yes=args.yes, allow_older=args.allow_older,
                  ask=lambda question: _ask(question, words), build=build, say=print, words=words)


def copy_words(copy: Path) -> Words:
    """The words of the copy's main language, from its release's catalogue (English when the
    copy's settings cannot be read: the update then says what is wrong)."""
    try:
        code = read_settings((copy / SETTINGS).resolve()).options.languages[0]
    except ContentError:
        return ENGLISH
    return words_of(code, copy / RELEASE / "content")


def _ask(question: str, words: Words) -> bool:
    try:
        answer = input(f"{question} {words(ANSWER)} ")
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes", "o", "ie")

