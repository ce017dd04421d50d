"""PDFs with pdfplumber (pdfminer.six): every word with its font size, weight and style, grouped
into lines and lines into blocks. Headings are the lines set larger than the body text (or bold
lines on their own); a bullet is a small mark drawn (or a bullet character) before a line; a
numbered item starts with its label ("1.", "a)")."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .blocks import Block, Kind, ReadDocument, Unreadable

BULLET_CHARS = "•◦▪‣⁃●○■□–-*\uf0b7\uf0a7"
LABEL = re.compile(r"^(?:\d{1,2}[.)]|[a-h][.)])$")
RUNNING = re.compile(r"\d+")
PAGE_NUMBER = re.compile(r"^(?:page\s+|tudalen\s+)?\d{1,3}(?:\s*(?:of|/|o)\s*\d{1,3})?$", re.IGNORECASE)
SENTENCE_END = re.compile(r"[.?!:]\W*$")


@dataclass(frozen=True)
class Word:
    text: str
    italic: bool
    glued: bool = False  # set right against the word before (a change of font, not a space)


@dataclass
class Line:
    page: int
    number: int
    x0: float
    top: float
    bottom: float
    size: float
    bold: bool
    words: list[Word]
    marker_x: float | None = None          # a bullet drawn before the line
    label: str = ""                        # "1", "a"

    @property
    def text(self) -> str:
        return _with_italics(self.words)


@dataclass
class Draft:
    kind: Kind
    lines: list[Line] = field(default_factory=list)
    level: int = 0
    number: str = ""
    after_gap: bool = False


def read_pdf(path: Path) -> ReadDocument:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.psparser import PSException

    if not path.read_bytes()[:1024].lstrip().startswith(b"%PDF"):
        raise Unreadable("this is not a PDF file: open it in the program that made it and save it as PDF")
    try:
        with pdfplumber.open(str(path)) as pdf:
            lines = [line for number, page in enumerate(pdf.pages, start=1) for line in _lines(page, number)]
    except PDFPasswordIncorrect:
        raise Unreadable("the PDF is protected by a password: save a copy without the password and import that") from None
    except (PSException, ValueError, KeyError, TypeError) as error:
        if "password" in str(error).lower() or "encrypt" in str(error).lower():
            raise Unreadable("the PDF is protected by a password: save a copy without the password and import that") from None
        raise Unreadable(f"the PDF cannot be read ({type(error).__name__}): it may be damaged") from None
    except Exception as error:  # pdfplumber wraps pdfminer's errors in its own
        if "Password" in type(error).__name__ or "password" in repr(error).lower() \
                or "Password" in type(getattr(error, "__cause__", None)).__name__:
            raise Unreadable("the PDF is protected by a password: save a copy without the password and import that") from None
        raise Unreadable(f"the PDF cannot be read ({type(error).__name__}): it may be damaged") from None
    lines, notes = _without_running_heads(lines)
    if not lines:
        raise Unreadable("the PDF has no text to read: it looks like a scanned picture. Import the Word "
                         "document it was made from, or a copy with its text (run text recognition, OCR, first)")
    return ReadDocument(path, tuple(_blocks(lines)), "line", tuple(notes))


def _without_running_heads(lines: list[Line]) -> tuple[list[Line], list[str]]:
    """A page number, or a line printed at the top or foot of two or more pages (a running head or
    foot, digits aside), is the printer's, not the sheet's: left out, and said so."""
    pages: dict[int, list[Line]] = {}
    for line in lines:
        pages.setdefault(line.page, []).append(line)
    edges = Counter(RUNNING.sub("#", line.text) for found in pages.values() for line in {found[0].number: found[0], found[-1].number: found[-1]}.values())
    repeated = {text for text, count in edges.items() if count >= 2 and len(pages) >= 2}
    kept: list[Line] = []
    left_out: dict[str, list[int]] = {}
    for line in lines:
        edge = line is pages[line.page][0] or line is pages[line.page][-1]
        if edge and (RUNNING.sub("#", line.text) in repeated or PAGE_NUMBER.match(line.text)):
            left_out.setdefault(RUNNING.sub("#", line.text), []).append(line.page)
        else:
            kept.append(line)
    notes = [f"pages {found[0]}-{found[-1]}: '{text}' left out: printed at the top or foot of the pages (# a number)"
             if len(found) > 1 else f"page {found[0]}: '{text}' left out: a page number" for text, found in left_out.items()]
    return kept, notes


def _lines(page: Any, page_number: int) -> list[Line]:
    words = page.extract_words(extra_attrs=["size", "fontname"], keep_blank_chars=False)
    marks = [(m["x0"], m["x1"], (m["top"] + m["bottom"]) / 2) for m in [*page.curves, *page.rects]
             if m["x1"] - m["x0"] <= 8 and m["bottom"] - m["top"] <= 8]
    rows: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if rows and abs(rows[-1][0]["top"] - word["top"]) <= 2:
            rows[-1].append(word)
        else:
            rows.append([word])
    lines = []
    for number, row in enumerate(rows, start=1):
        row.sort(key=lambda w: w["x0"])
        size = max(w["size"] for w in row)
        line = Line(page_number, number, row[0]["x0"], min(w["top"] for w in row), max(w["bottom"] for w in row),
                    round(size, 1), all("bold" in w["fontname"].lower() for w in row),
                    [Word(w["text"], "italic" in w["fontname"].lower() or "oblique" in w["fontname"].lower(),
                          index > 0 and w["x0"] - row[index - 1]["x1"] < w["size"] * 0.1)
                     for index, w in enumerate(row)])
        first = line.words[0].text
        if first in BULLET_CHARS and len(line.words) > 1:
            line.marker_x, line.words, line.x0 = line.x0, line.words[1:], row[1]["x0"]
        elif LABEL.match(first) and len(line.words) > 1:
            line.label, line.words, line.x0 = first.rstrip(".)"), line.words[1:], row[1]["x0"]
        else:
            middle = (line.top + line.bottom) / 2
            drawn = [x0 for x0, x1, y in marks if x1 <= line.x0 and abs(y - middle) <= (line.bottom - line.top) / 2]
            line.marker_x = max(drawn) if drawn else None
        lines.append(line)
    return lines


def _blocks(lines: list[Line]) -> list[Block]:
    body = Counter(line.size for line in lines for _ in line.words).most_common(1)[0][0]
    heading_sizes = sorted({line.size for line in lines if line.size >= body * 1.1}, reverse=True)
    markers = sorted({round(line.marker_x) for line in lines if line.marker_x is not None})
    drafts: list[Draft] = []
    previous: Line | None = None
    for line in lines:
        if line.size in heading_sizes:
            kind: Kind = "heading"
            level = heading_sizes.index(line.size) + 1
        elif line.marker_x is not None:
            kind, level = "bullet", _depth(line.marker_x, markers)
        elif line.label:
            kind, level = "number", 0
        else:
            kind, level = "paragraph", 0
        same_page = previous is not None and previous.page == line.page
        gap = line.top - previous.bottom if previous is not None and same_page else 0.0
        current = drafts[-1] if drafts else None
        continues = (current is not None and previous is not None and kind in ("paragraph", "heading")
                     and (current.kind == kind or (kind == "paragraph" and current.kind in ("bullet", "number")
                                                   and line.x0 >= previous.x0 - 1))
                     and (kind != "heading" or line.size == previous.size)
                     and (gap < body * 0.6 if same_page else not SENTENCE_END.search(current.lines[-1].text)))
        if continues and current is not None:
            current.lines.append(line)
        else:
            drafts.append(Draft(kind, [line], level, line.label, after_gap=gap >= body * 0.6))
        previous = line
    drafts = _bold_headings(drafts, len(heading_sizes) + 1)
    return [Block(d.kind, _join(d.lines), d.lines[0].number, page=d.lines[0].page, level=d.level,
                  number=d.number, after_gap=d.after_gap) for d in drafts]


def _bold_headings(drafts: list[Draft], level: int) -> list[Draft]:
    """A one-line paragraph set wholly in bold reads as a heading (Word's bold 'headings')."""
    for draft in drafts:
        if draft.kind == "paragraph" and len(draft.lines) == 1 and draft.lines[0].bold \
                and not SENTENCE_END.search(draft.lines[0].text.rstrip("?")):
            draft.kind, draft.level = "heading", level
    return drafts


def _depth(x: float, markers: list[int]) -> int:
    return 1 if markers and round(x) > markers[0] + 4 else 0


def _join(lines: list[Line]) -> str:
    """Lines of one block into one text: a word broken at a hyphen is joined again."""
    words: list[Word] = []
    for line in lines:
        last = words[-1].text if words else ""
        if len(last) > 1 and last.endswith("-") and last[-2].isalpha():
            words += [Word(line.words[0].text, line.words[0].italic, glued=True), *line.words[1:]]
        else:
            words += [Word(line.words[0].text, line.words[0].italic), *line.words[1:]]
    return _with_italics(words)


def _with_italics(words: list[Word]) -> str:
    """Words joined by spaces (or not, where they touch), each run of italic words as ``*italics*``."""
    out = ""
    for index, word in enumerate(words):
        before = index > 0 and words[index - 1].italic
        after = index + 1 < len(words) and words[index + 1].italic
        text = ("*" if word.italic and not before else "") + word.text + ("*" if word.italic and not after else "")
        out += text if word.glued or not out else " " + text
    return out
