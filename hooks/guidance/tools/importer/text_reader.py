"""Plain text laid out as the seed sheet is: one paragraph a line, blank lines between,
``- `` for a bullet (indented for a sub-item), ``1.`` or ``1`` or ``a)`` for a numbered item."""

from __future__ import annotations

import re
from pathlib import Path

from .blocks import Block, ReadDocument, Unreadable

BULLET = re.compile(r"^(?P<indent>\s*)[-*•◦▪–]\s+(?P<text>.+)$")
NUMBERED = re.compile(r"^\s*(?:(?P<number>\d{1,2})(?:[.)]\s+|\s+(?=[A-Z]))|(?P<letter>[a-h])[.)]\s+)(?P<text>\S.*)$")


def read_txt(path: Path) -> ReadDocument:
    raw = path.read_bytes()
    if b"\0" in raw[:4096]:
        raise Unreadable("this is not a text file (it holds binary data): give a .docx, .pdf or .txt file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")  # Windows' own text files
    blocks: list[Block] = []
    gap = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            gap = True
            continue
        if bullet := BULLET.match(line):
            depth = 1 if len(bullet["indent"].expandtabs(4)) >= 1 else 0
            blocks.append(Block("bullet", _clean(bullet["text"]), number, level=depth, after_gap=gap, styled=False))
        elif numbered := NUMBERED.match(line):
            blocks.append(Block("number", _clean(numbered["text"]), number, number=numbered["number"] or numbered["letter"],
                                after_gap=gap, styled=False))
        else:
            blocks.append(Block("paragraph", _clean(line), number, after_gap=gap, styled=False))
        gap = False
    if not blocks:
        raise Unreadable("the file has no text")
    return ReadDocument(path, tuple(blocks), "line")


def _clean(text: str) -> str:
    return " ".join(text.split())
