"""The corpus of broken input (tests/fixtures/broken-input/): reading a case, applying it to a copy
of the project. Used by tests/build/test_broken_input.py and tests/browser/test_answer_labels.py.

A fixture starts with its directives, one a line, then its body:

    # file: content_src/sheets/broken/sheet.yml   the body is written there (mkdocs.yml: INHERITs base.yml)
    # edit: <path>: <old> => <new>                 a change to a file of the copy (\\n, \\xNN, \\uNNNN escapes)
    # write: <path>: <text>                        another small file (escapes as for edit)
    # link: <path> -> <target>                     a symbolic link in the copy
    # env: NAME=value                              an environment variable for the build
    # encoding: utf-16                             how the body is written (default utf-8; raw: as bytes)
    # pad: <bytes>                                 a YAML comment of that size appended to the body
    # expect: <message>                            a line the build must print (line numbers count the written file)
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from conftest import FIXTURES, ROOT

CORPUS = FIXTURES / "broken-input"
DIRECTIVES = ("file", "edit", "write", "link", "env", "encoding", "pad", "expect")


@dataclass
class Case:
    name: str
    body: str = ""
    file: str = ""
    edits: list[tuple[str, str, str]] = field(default_factory=list)
    writes: list[tuple[str, str]] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)
    env: dict[str, str] = field(default_factory=dict)
    encoding: str = "utf-8"
    pad: int = 0
    expect: list[str] = field(default_factory=list)


def _unescape(text: str) -> str:
    return re.sub(r"\\(n|t|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4})",
                  lambda m: "\n" if m.group(1) == "n" else "\t" if m.group(1) == "t" else chr(int(m.group(1)[1:], 16)), text)


def read_case(path: Path) -> Case:
    case = Case(path.stem)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    index = 0
    for index, line in enumerate(lines):
        match = re.match(r"# (\w+): (.*)$", line.rstrip("\n"))
        if not match or match.group(1) not in DIRECTIVES:
            break
        key, value = match.groups()
        if key == "edit":
            target, change = value.split(": ", 1)
            old, new = change.split(" => ", 1)
            case.edits.append((target, _unescape(old), _unescape(new)))
        elif key == "write":
            target, content = value.split(": ", 1)
            case.writes.append((target, _unescape(content)))
        elif key == "link":
            case.links.append(tuple(value.split(" -> ", 1)))
        elif key == "env":
            name, _, setting = value.partition("=")
            case.env[name] = setting
        elif key == "expect":
            case.expect.append(value)
        elif key == "pad":
            case.pad = int(value)
        else:
            setattr(case, key, value)
    else:
        index = len(lines)
    case.body = "".join(lines[index:])
    return case


def make_project(case: Case, root: Path) -> Path:
    """A copy of the project with the case applied; returns its mkdocs.yml."""
    root.mkdir(parents=True)
    for name in ("docs", "overrides", "hooks"):
        (root / name).symlink_to(ROOT / name)
    shutil.copytree(ROOT / "content_src", root / "content_src", ignore=shutil.ignore_patterns("schemas"))
    for name in ("mkdocs.yml", "package.json"):  # package.json: the accessibility statement names the checkers' versions
        shutil.copy(ROOT / name, root / name)
    shutil.copy(ROOT / "mkdocs.yml", root / "base.yml")
    if case.file:
        target = root / case.file
        target.parent.mkdir(parents=True, exist_ok=True)
        body = case.body + (f"# {'x' * case.pad}\n" if case.pad else "")
        # "raw": the body's characters U+0000-U+00FF are the bytes to write (random bytes, say)
        target.write_bytes(body.encode("latin-1" if case.encoding == "raw" else case.encoding))
    for path, content in case.writes:
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(content, encoding="utf-8")
    for path, old, new in case.edits:
        target = root / path
        text = target.read_text(encoding="utf-8")
        assert old in text, f"{case.name}: {old!r} is not in {path}"
        target.write_text(text.replace(old, new, 1), encoding="utf-8")
    for path, destination in case.links:
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            target.unlink()
        target.symlink_to(destination if destination.startswith("/") else root / destination)
    return root / "mkdocs.yml"


def snapshot(site: Path) -> dict[str, tuple[int, int]]:
    """Every file of a site with its size and time of last change: any write shows."""
    return {p.relative_to(site).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in sorted(site.rglob("*")) if p.is_file()}
