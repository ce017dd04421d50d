"""Word documents (.docx) with python-docx: headings from the heading styles, lists from Word's
numbering (a bullet or a number, its depth), italics kept as Markdown's ``*italics*``."""

from __future__ import annotations

import re
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import Any

from .blocks import Block, Kind, ReadDocument, Unreadable

HEADING_STYLE = re.compile(r"^(?:heading|pennawd)\s*(\d)$", re.IGNORECASE)
LIST_STYLE = re.compile(r"^list (?P<kind>bullet|number|paragraph)(?: (?P<depth>\d))?$", re.IGNORECASE)
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def read_docx(path: Path) -> ReadDocument:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if not zipfile.is_zipfile(path):
        raise Unreadable("this is not a Word document (.docx): open it in Word and save it as a Word Document")
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as error:
        raise Unreadable(f"this is not a Word document (.docx) that can be read ({error})") from None
    numbering = _numbering(document)
    counters: dict[tuple[str, int], int] = {}
    blocks: list[Block] = []
    notes: list[str] = []
    gap = False
    bold: list[int] = []  # paragraphs set wholly in bold: the headings of a document without heading styles
    for index, paragraph in enumerate(_paragraphs(document, notes), start=1):
        text = _text(paragraph)
        if not text:
            gap = True
            continue
        kind, level, number = _kind(paragraph, numbering, counters)
        if kind == "paragraph" and _bold_heading(paragraph, text):
            bold.append(len(blocks))
        blocks.append(Block(kind, text, index, level=level, number=number, after_gap=gap))
        gap = False
    if not blocks:
        raise Unreadable("the document has no text")
    if bold:
        level = max((b.level for b in blocks if b.kind == "heading"), default=1) + 1
        for at in bold:
            blocks[at] = replace(blocks[at], kind="heading", level=max(level, 2))
        notes.append(f"{len(bold)} short paragraphs set in bold read as headings (the document uses no heading "
                     "style for them): paragraphs " + ", ".join(str(blocks[at].line) for at in bold))
    return ReadDocument(path, tuple(blocks), "paragraph", tuple(notes))


def _bold_heading(paragraph: Any, text: str) -> bool:
    """A short paragraph, every word of it bold, with no full stop at its end."""
    runs = [run for run in paragraph.runs if run.text.strip()]
    style_bold = bool(paragraph.style is not None and paragraph.style.font.bold)
    return bool(runs) and all(run.bold or (run.bold is None and style_bold) for run in runs) \
        and len(text.split()) <= 12 and not re.search(r"[.:;,]$", text)


def _paragraphs(document: Any, notes: list[str]) -> list[Any]:
    """Body paragraphs in order; a table's cells are read row by row, so no words are lost."""
    found = []
    for item in document.iter_inner_content():
        if hasattr(item, "rows"):
            notes.append("a table was read cell by cell, row by row, as paragraphs: check its words are in order")
            for row in item.rows:
                for cell in row.cells:
                    found += cell.paragraphs
        else:
            found.append(item)
    return found


def _text(paragraph: Any) -> str:
    """The paragraph's words, with italic runs as ``*italics*`` and links as ``[words](address)``."""
    parts: list[str] = []
    for item in paragraph.iter_inner_content():
        if hasattr(item, "address"):  # a hyperlink
            words, address = item.text, item.address or ""
            parts.append(f"[{words}]({address})" if address and address.rstrip("/") not in (words, "http://" + words, "https://" + words) else words)
        elif item.italic and item.text.strip():
            lead, core, trail = re.match(r"^(\s*)(.*?)(\s*)$", item.text, re.DOTALL).groups()  # type: ignore[union-attr]
            parts.append(f"{lead}*{core}*{trail}")
        else:
            parts.append(item.text)
    text = " ".join("".join(parts).split())
    return text.replace("**", "")  # two italic runs side by side are one


def _kind(paragraph: Any, numbering: dict[tuple[str, int], str], counters: dict[tuple[str, int], int]) -> tuple[Kind, int, str]:
    style = paragraph.style.name if paragraph.style is not None else ""
    if style.lower() == "title":
        return "heading", 1, ""
    if heading := HEADING_STYLE.match(style):
        return "heading", int(heading[1]), ""
    num_id, level = _numbering_of(paragraph)
    listed = LIST_STYLE.match(style)
    depth = max(level, int(listed["depth"]) - 1 if listed and listed["depth"] else 0)
    if num_id is None:
        if listed and listed["kind"].lower() == "bullet":
            return "bullet", depth, ""
        return "paragraph", 0, ""
    fmt = numbering.get((num_id, level), "bullet")
    if fmt == "bullet" or (listed and listed["kind"].lower() == "bullet"):
        return "bullet", depth, ""
    key = (num_id, level)
    counters[key] = counters.get(key, 0) + 1
    count = counters[key]
    label = LETTERS[(count - 1) % 26] if "letter" in fmt.lower() else str(count)
    return "number", depth, label


def _numbering_of(paragraph: Any) -> tuple[str | None, int]:
    """Word's list numbering of a paragraph, set on it or on its style: (numId, level)."""
    for element in (paragraph._p, getattr(paragraph.style, "element", None)):
        ppr = getattr(element, "pPr", None)
        numpr = getattr(ppr, "numPr", None) if ppr is not None else None
        if numpr is not None and numpr.numId is not None:
            level = numpr.ilvl.val if numpr.ilvl is not None else 0
            return str(numpr.numId.val), int(level)
    return None, 0


def _numbering(document: Any) -> dict[tuple[str, int], str]:
    """Each (numId, level)'s number format: 'bullet', 'decimal', 'lowerLetter'..."""
    try:
        root = document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return {}
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    abstract = {a.get(f"{w}abstractNumId"): a for a in root.findall(f"{w}abstractNum")}
    formats: dict[tuple[str, int], str] = {}
    for num in root.findall(f"{w}num"):
        ref = num.find(f"{w}abstractNumId")
        definition = abstract.get(ref.get(f"{w}val")) if ref is not None else None
        for lvl in definition.findall(f"{w}lvl") if definition is not None else []:
            fmt = lvl.find(f"{w}numFmt")
            formats[(str(num.get(f"{w}numId")), int(lvl.get(f"{w}ilvl") or 0))] = fmt.get(f"{w}val") if fmt is not None else "decimal"
    return formats
