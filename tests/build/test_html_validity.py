"""Every built page is valid HTML to the Nu Html Checker, except what the theme itself writes.

The checker runs once, in one JVM, on every page of the built site (both languages), so pages added
later are checked without changing this file. What Material writes and we cannot fix is listed in
tests/vnu-allowlist.yml, each message with the markup it is tolerated in and why.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
ALLOWLIST = ROOT / "tests" / "vnu-allowlist.yml"


@dataclass(frozen=True)
class Message:
    file: str
    line: int
    text: str
    extract: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.text}\n    {' '.join(self.extract.split())}"


def fold(text: str) -> str:
    return " ".join(text.split())


def check_html(files: list[Path], root: Path) -> list[Message]:
    """Errors the Nu Html Checker finds in ``files`` (one JVM run), with paths relative to ``root``."""
    if shutil.which("java") is None or not VNU.exists():
        reason = "the Nu Html Checker needs java and node_modules/vnu-jar (scripts/install --tests)"
        pytest.fail(reason) if os.environ.get("CI") == "true" else pytest.skip(reason)
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
                            capture_output=True, text=True, timeout=300)
    report = json.loads(result.stderr)  # vnu writes its JSON report to stderr
    return [
        Message(Path(m["url"].removeprefix("file:")).relative_to(root).as_posix(), m.get("lastLine", 0),
                fold(m["message"]), m.get("extract", ""))
        for m in report["messages"] if m["type"] == "error"
    ]


def load_allowlist() -> list[dict]:
    entries = YAML(typ="safe").load(ALLOWLIST.read_text(encoding="utf-8"))
    for entry in entries:
        assert {"message", "markup", "source", "reason"} <= entry.keys(), entry
    return entries


def allowed_by(message: Message, entries: list[dict]) -> dict | None:
    return next((e for e in entries if fold(e["message"]) == message.text and e["markup"] in message.extract), None)


@pytest.fixture(scope="module")
def messages(site) -> list[Message]:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 3, pages
    return check_html(pages, site)


def test_built_pages_have_no_html_errors_except_the_reviewed_theme_ones(messages):
    entries = load_allowlist()
    errors = [m for m in messages if allowed_by(m, entries) is None]
    assert errors == [], "Nu Html Checker errors:\n" + "\n".join(map(str, errors))


def test_every_allowlist_entry_is_still_needed(messages):
    entries = load_allowlist()
    unused = [e["message"] for e in entries if not any(allowed_by(m, [e]) for m in messages)]
    assert unused == [], "no longer reported, remove from tests/vnu-allowlist.yml: " + "; ".join(unused)


def test_checker_reports_errors_in_our_markup_even_when_the_theme_message_is_allowed(tmp_path):
    page = tmp_path / "bad.html"
    page.write_text('<!doctype html><html lang="en"><title>x</title>'
                    '<input type="checkbox" id="answer" autocomplete="off"><p id="a">1</p><p id="a">2</p>',
                    encoding="utf-8")
    errors = [m for m in check_html([page], tmp_path) if allowed_by(m, load_allowlist()) is None]
    texts = [m.text for m in errors]
    assert "Duplicate ID “a”." in texts
    assert any(t.startswith("Attribute “autocomplete” is only allowed") for t in texts)
