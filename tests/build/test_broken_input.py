"""The corpus of broken and hostile input: every file kind, each case a small fixture in
tests/fixtures/broken-input/ with the exact messages it must produce.

Each case is built with the real `mkdocs build --strict` command line, run in this process (click's
test runner: the same code, without starting Python each time) over a copy of the project with the
case applied, into a folder that holds a previously built site. Each must exit 1, name every
problem as ``file:line: field: message`` with no traceback, and leave the previous site exactly as
it was. A few cases run again as a separate process, as a person would run the command.

The fixture format is described in tests/corpus.py.
"""

from __future__ import annotations

import re
import shutil

import pytest

from conftest import build_in_process, mkdocs_build
from corpus import CORPUS, make_project, read_case, snapshot
from guidance.tools import translations

CASES = sorted(CORPUS.glob("*.case"))


@pytest.fixture(scope="module")
def previous_site(site, tmp_path_factory):
    """A copy of the real site, as the last good build left it, and its fingerprint."""
    target = tmp_path_factory.mktemp("previous") / "site"
    shutil.copytree(site, target)
    return target, snapshot(target)


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
    assert translations.main(["status", "-f", str(config)]) != 0
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
