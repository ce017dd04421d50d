"""The corpus of broken and hostile input: every file kind, each case a small fixture in
tests/fixtures/broken-input/ with the exact messages it must produce.

Each case is built with the real `mkdocs build --strict` command line, run in this process (click's
test runner: the same code, without starting Python each time) over a copy of the project with the
case applied, into a folder that holds a previously built site. Each must exit 1, name every
problem as ``file:line: field: message`` with no traceback, and leave the previous site exactly as
it was. A few cases run again as a separate process, as a person would run the command.

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

import logging
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner
from mkdocs.utils import DuplicateFilter

from conftest import FIXTURES, ROOT, mkdocs_build
from guidance import cli

CORPUS = FIXTURES / "broken-input"
CASES = sorted(CORPUS.glob("*.case"))
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
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
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


@pytest.fixture(scope="module")
def previous_site(site, tmp_path_factory):
    """A copy of the real site, as the last good build left it, and its fingerprint."""
    target = tmp_path_factory.mktemp("previous") / "site"
    shutil.copytree(site, target)
    return target, snapshot(target)


class _Messages(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines += record.getMessage().splitlines()


def build_in_process(config: Path, site_dir: Path, env: dict[str, str]):
    """`mkdocs build --strict` through its command line, in this process: (exit code, messages)."""
    from mkdocs.__main__ import cli

    logger = logging.getLogger("mkdocs")
    build_log = logging.getLogger("mkdocs.commands.build")
    for log_filter in list(build_log.filters):  # MkDocs drops a message it has shown once: each case is a new run
        if isinstance(log_filter, DuplicateFilter):
            build_log.removeFilter(log_filter)
    handler = _Messages()
    logger.addHandler(handler)
    try:
        result = CliRunner().invoke(cli, ["build", "--strict", "-q", "-f", str(config), "-d", str(site_dir)],
                                    env={"NO_MKDOCS_2_WARNING": "1", "GUIDANCE_SITE_URL": "", **env})
    finally:
        logger.removeHandler(handler)
    return result, handler.lines


def test_the_corpus_is_large_and_covers_every_file_kind():
    cases = [read_case(path) for path in CASES]
    touched = " ".join(target for case in cases for target in (
        case.file, *(edit[0] for edit in case.edits), *(write[0] for write in case.writes),
        *(link[0] for link in case.links), *(f"environment:{name}" for name in case.env)))
    assert len(cases) >= 80
    for kind in ("sheets/", "site.yml", "publishers/cavs.yml", "publishers/logo.", "guidance.po", "mkdocs.yml",
                 "environment:"):
        assert kind in touched, kind
    assert all(case.expect for case in cases)


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_broken_input_is_refused_with_file_line_and_field(path, tmp_path, previous_site):
    case = read_case(path)
    site_dir, before = previous_site
    config = make_project(case, tmp_path / "project")
    result, messages = build_in_process(config, site_dir, case.env)

    assert result.exit_code == 1, (result.output, messages)
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
    found = [line for line in messages if re.match(r"^(content_src|mkdocs\.yml|docs|environment)\b", line)]
    assert found == case.expect
    assert snapshot(site_dir) == before


CATALOGUE_CASES = [path for path in CASES if read_case(path).file.endswith("guidance.po")]


@pytest.mark.parametrize("path", CATALOGUE_CASES, ids=[p.stem for p in CATALOGUE_CASES])
def test_the_status_report_lists_the_same_catalogue_problems(path, tmp_path, capsys):
    case = read_case(path)
    config = make_project(case, tmp_path / "project")
    assert cli.main(["status", "-f", str(config)]) != 0
    out = capsys.readouterr()
    for line in case.expect:
        assert line in out.out + out.err


@pytest.mark.parametrize("name", ["settings-yes-no-env", "catalogue-garbage-line", "logo-symlink-out", "sheet-alias-bomb"])
def test_the_command_line_exits_1_with_the_message_and_keeps_the_site(name, tmp_path, previous_site):
    """The same, as a separate `mkdocs build` process."""
    case = read_case(CORPUS / f"{name}.case")
    site_dir, before = previous_site
    config = make_project(case, tmp_path / "project")
    result = mkdocs_build(site_dir, env={**case.env, "GUIDANCE_SITE_URL": ""}, args=["-f", str(config)])
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    for line in case.expect:
        assert line in result.stderr
    assert snapshot(site_dir) == before
