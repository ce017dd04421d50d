"""Helpers for the importer's tests: run scripts/import's command as a person would, and count the
seed's sentences on a page."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, SEED

SENTENCE = re.compile(r"(?<=[.?!])\s+(?=\S)")
LABEL = re.compile(r"^(?:- |\s+- |\d{1,2}\.? (?=[A-Z']))")


def run_import(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "guidance.tools.importer.cli", *map(str, args)], cwd=cwd,
                          env={"PYTHONPATH": str(ROOT / "hooks"), "PATH": "/usr/bin:/bin"},
                          capture_output=True, text=True, timeout=120)


def seed_sentences() -> list[str]:
    """Every sentence of the seed sheet as a reader should find it on the page: list labels and
    Markdown's italics marks left out, the date as the page writes it."""
    found = []
    for line in SEED.read_text(encoding="utf-8").splitlines():
        line = LABEL.sub("", line).replace("*", "").strip()
        if line.startswith("Last Updated: 30/06/2017"):
            line = "Last updated: 30 June 2017"
        found += [s for s in SENTENCE.split(line) if re.search(r"[A-Za-z]", s)]
    return found


def fold(text: str) -> str:
    return " ".join(text.replace("*", "").split()).rstrip(".").lower()


def landed(sentences: list[str], page_text: str) -> list[str]:
    """The sentences found on the page (letter case and a final full stop aside: a level's title
    gets its full stop from the page, and headings are shown as written)."""
    text = fold(page_text)
    return [s for s in sentences if fold(s) in text]
