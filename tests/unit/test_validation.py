"""Bad content fails with every problem named: file, line, field, and what was expected.

Each file in tests/fixtures/broken/ starts with the messages it must produce, word for word
(``# expect: <file>:<line>: <field>: <message>``); line numbers count the fixture's own lines.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES, copy_content
from guidance.problems import ContentError
from guidance.project import load_project

BROKEN = sorted((FIXTURES / "broken").glob("*.yml"))


def expected_messages(fixture: Path) -> list[str]:
    lines = fixture.read_text(encoding="utf-8").splitlines()
    return [line.removeprefix("# expect: ") for line in lines if line.startswith("# expect: ")]


def load_with(tmp_path: Path, fixture: Path) -> ContentError:
    content = copy_content(tmp_path)
    if fixture.stem.startswith("publisher"):
        target = content / "publishers" / "cavs.yml"
    else:
        target = content / "sheets" / "broken" / "sheet.yml"
        target.parent.mkdir()
    target.write_text(fixture.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_project(content, content / "publishers" / "cavs.yml")
    return raised.value


@pytest.mark.parametrize("fixture", BROKEN, ids=[f.stem for f in BROKEN])
def test_broken_content_is_reported_with_file_line_and_field(tmp_path, fixture):
    error = load_with(tmp_path, fixture)
    prefix = "content_src/publishers/" if fixture.stem.startswith("publisher") else "content_src/sheets/broken/"
    assert [str(p) for p in error.problems] == [prefix + m for m in expected_messages(fixture)]


def test_every_problem_is_reported_at_once_sorted_by_line(tmp_path):
    error = load_with(tmp_path, FIXTURES / "broken" / "missing-field.yml")
    assert str(error).splitlines()[0] == "2 problems in the content:"
    assert [p.line for p in error.problems] == sorted(p.line for p in error.problems)


def test_the_real_content_is_valid():
    from conftest import ROOT
    project = load_project(ROOT / "content_src", ROOT / "content_src" / "publishers" / "cavs.yml")
    assert [s.id for s in project.sheets] == ["partnership"]
