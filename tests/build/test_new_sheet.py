"""guidance new-sheet writes a commented starting sheet, with one section of each type, that builds."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT, copy_content, mkdocs_build, parse


def new_sheet(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "guidance.tools.new_sheet", *args], cwd=ROOT, capture_output=True, text=True,
                          env={"PYTHONPATH": str(ROOT / "hooks"), "PATH": "/usr/bin:/bin"}, timeout=120)


@pytest.fixture(scope="module")
def started(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("new-sheet")
    content = copy_content(tmp)
    result = new_sheet("3.4", "Working with volunteers: a start", "--series", "working-with-others",
                       "--out", str(content / "sheets"))
    assert result.returncode == 0, result.stderr
    return content, content / "sheets" / "3.4-working-volunteers-start" / "sheet.yml", tmp, result.stdout


def test_it_names_the_commands_that_work_on_any_computer(started):
    """The next steps are the `guidance` command's (a council on Windows has no scripts/ folder)."""
    said = started[3]
    assert said.startswith("Wrote ") and "scripts/" not in said
    assert said.rstrip().endswith(": replace its placeholder texts, then run `guidance translations extract` (the "
                                  "translators' catalogues learn its texts), then `guidance serve` to see the page.")


def test_the_new_sheet_names_its_schema_and_explains_each_section(started):
    _, sheet, _, _ = started
    text = sheet.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/sheet.schema.json\n")
    assert 'title: "Working with volunteers: a start"' in text
    for kind in ("text", "list", "checklist", "models", "levels"):
        assert f"  # {kind}: " in text and f"  - type: {kind}\n" in text


def test_the_new_sheet_builds_with_one_section_of_each_type(started):
    content, _, tmp, _ = started
    result = mkdocs_build(tmp / "site", env={"GUIDANCE_CONTENT": str(content)})
    assert result.returncode == 0, result.stderr
    page = parse(tmp / "site" / "working-with-others" / "working-volunteers-start" / "index.html")
    kinds = [c.removeprefix("gd-section--") for s in page.select("section.gd-section") for c in s["class"]
             if c.startswith("gd-section--")]
    assert kinds == ["text", "list", "models", "levels"]  # the checklist is a section of its own class
    assert len(page.select("section[data-checklist]")) == 1


def test_an_existing_sheet_or_a_wrong_series_is_refused(started):
    content, sheet, _, _ = started
    before = sheet.read_text(encoding="utf-8")
    again = new_sheet("3.4", "Working with volunteers: a start", "--series", "working-with-others", "--out", str(content / "sheets"))
    assert again.returncode == 1 and "already exists; nothing written" in again.stderr
    assert sheet.read_text(encoding="utf-8") == before
    wrong = new_sheet("4.1", "Money", "--series", "working-with-others", "--out", str(content / "sheets"))
    assert wrong.returncode == 1
    assert "4.1-money/sheet.yml:9: number: expected a number in series 3, such as '3.1', got '4.1'" in wrong.stderr
    assert not (content / "sheets" / "4.1-money").exists()
