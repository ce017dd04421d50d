"""Bad content fails with every problem named: file, line, field, and what was expected.

Each file in tests/fixtures/broken/ starts with the messages it must produce, word for word
(``# expect: <file>:<line>: <field>: <message>``); line numbers count the fixture's own lines.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES, copy_content
from guidance.problems import ContentError
from guidance.content.project import load_project

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


EXAMPLES = {"ID": "have-time", "NUMBER": "3.3", "WEB_ADDRESS": "https://www.example.org/about?lang=cy#contact",
            "EMAIL": "info@example.org", "COLOUR": "#1a5e8c", "URL_SLUG": "gweithio-gydag-eraill"}


@pytest.mark.parametrize("name", EXAMPLES)
@pytest.mark.parametrize("extra", ["\n", "\r\n", " ", "\u2028", "\n<script>"])
def test_every_text_pattern_matches_the_whole_text_as_written(name, extra):
    """Python's $ matches before a final line break, and the model stripped values before checking
    them: "have-time\\n" was taken as an id. Each pattern, in the model and alone, now refuses it."""
    from pydantic import TypeAdapter, ValidationError
    from typing import Annotated

    from guidance.content import patterns

    pattern = getattr(patterns, name)
    field = TypeAdapter(Annotated[str, pattern.constraint()])
    example = EXAMPLES[name]
    assert pattern.matches(example) and field.validate_python(example) == example
    for wrong in (example + extra, extra + example):
        assert not pattern.matches(wrong)
        with pytest.raises(ValidationError):
            field.validate_python(wrong)


def test_a_web_address_with_a_line_break_inside_is_refused():
    from guidance.content.patterns import WEB_ADDRESS

    assert not WEB_ADDRESS.matches("https://www.example.org/\nabout")
    assert not WEB_ADDRESS.matches('https://www.example.org/"><script>alert(1)</script>')
