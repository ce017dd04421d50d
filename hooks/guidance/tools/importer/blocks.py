"""What every reader makes of a document: a list of blocks, each with where it came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Kind = Literal["heading", "paragraph", "bullet", "number"]


class Unreadable(Exception):
    """A file that cannot be read as a sheet; the message says why, in the editor's words."""


@dataclass(frozen=True)
class Block:
    """One heading, paragraph or list item of the source, its words as written."""

    kind: Kind
    text: str
    line: int                  # the source line (text), paragraph (Word) or line on its page (PDF)
    page: int = 0              # PDF only
    level: int = 0             # a heading's level (1 = the sheet's title); a list item's depth (0 = top)
    number: str = ""           # a numbered item's label as written ("1", "a")
    after_gap: bool = False    # a blank line (or space) before it in the source
    styled: bool = True        # headings came from styles or type size, not from the layout alone


@dataclass(frozen=True)
class ReadDocument:
    """A read document: its blocks and how positions in it are named."""

    path: Path
    blocks: tuple[Block, ...]
    unit: str                  # "line", "paragraph" or "line" (with pages)
    notes: tuple[str, ...] = field(default=())  # what the reader itself had to guess


def where(blocks: list[Block] | tuple[Block, ...], unit: str) -> str:
    """``line 12``, ``lines 12-18``, ``page 2, lines 3-9``: where these blocks are in the source."""
    first, last = blocks[0], blocks[-1]
    if first.page and first.page != last.page:
        return f"pages {first.page}-{last.page}"
    prefix = f"page {first.page}, " if first.page else ""
    if first.line == last.line:
        return f"{prefix}{unit} {first.line}"
    return f"{prefix}{unit}s {first.line}-{last.line}"
