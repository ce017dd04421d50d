"""Recognise a sheet's structure in a document's blocks: its number and title, its sections
(text, list, checklist, models, levels), its date; the publisher's furniture left out.

Every decision that is a guess is recorded with where it was made and why, for the editor to check.
The English words are never changed: a text is only ever split where a sentence ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .blocks import Block, ReadDocument, where
from .furniture import Known, furniture_reasons, is_disclaimer_text, last_updated, starts_footer
from .ids import Ids

SHEET_TITLE = re.compile(r"^(?P<number>\d+(?:\.\d+)+)\s+(?P<title>\S.*)$")
SERIES_LINE = re.compile(r"^(?P<number>\d+)\.?\s+(?P<title>\S.*)$")
NUMBERED_HEADING = re.compile(r"^(?P<number>\d{1,2}|[a-h])[.)]\s+(?P<title>\S.*)$")
QUESTION_WORDS = re.compile(r"^(?:who|what|when|where|why|how|which|is|are|do|does|did|has|have|can|could|should|"
                            r"will|would|was|were)\b", re.IGNORECASE)
OPEN_QUESTION = re.compile(r"^(?:what|how|who|which|why|when|where)\b", re.IGNORECASE)  # answered in words
LEVEL_TITLE = re.compile(r"^(?P<title>[^.?!:]{1,60}?)\.\s+(?P<rest>\S.*)$")
SENTENCES = re.compile(r"(?<=[.?!])\s+(?=\S)")
ADVANTAGES = re.compile(r"^(?:the\s+)?(?:advantages?|benefits|pros|strengths)\b", re.IGNORECASE)
DISADVANTAGES = re.compile(r"^(?:the\s+)?(?:disadvantages?|drawbacks|cons|weaknesses|risks)\b", re.IGNORECASE)
SHORT = 6  # words: a group heading glued to a question, or a level's title, is at most this long
TAIL = 16  # blocks at the end of the body looked at for the publisher's details


class NotASheet(Exception):
    """The document has no recognisable sheet title or series; the message says what to add."""


@dataclass
class Guess:
    where: str
    message: str
    order: tuple[int, int] = (10**6, 0)  # (page, line) of its first block: the report reads top to bottom

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


@dataclass
class Recognised:
    """The sheet's data, ready to write as YAML (keys in the order of the content files)."""

    data: dict[str, Any]
    guesses: list[Guess]
    counts: dict[str, int] = field(default_factory=dict)  # sections of each type


def recognise(source: ReadDocument, known: Known, series: str | None = None, number: str | None = None,
              today: date | None = None) -> Recognised:
    reader = _Reader(source, known)
    return reader.run(series, number, today or date.today())


class _Reader:
    def __init__(self, source: ReadDocument, known: Known) -> None:
        self.source, self.known = source, known
        self.blocks = [_numbered_heading(b) for b in source.blocks]
        self.guesses = [Guess("", note, (0, 0)) for note in source.notes]  # the reader's, with their place
        self.ids = Ids()

    def guess(self, blocks: list[Block] | Block, message: str) -> None:
        # a list is many blocks; anything else is one (isinstance(Block) fails once a test has reloaded the core)
        blocks = list(blocks) if isinstance(blocks, (list, tuple)) else [blocks]
        self.guesses.append(Guess(where(blocks, self.source.unit), message, (blocks[0].page, blocks[0].line)))

    # The sheet: masthead, body, footer.
    def run(self, series_id: str | None, number: str | None, today: date) -> Recognised:
        title_at, sheet_number, title = self._title(number)
        series_id = self._masthead(self.blocks[:title_at], series_id, sheet_number)
        end = next((i for i in range(title_at + 1, len(self.blocks)) if starts_footer(self.blocks[i])), len(self.blocks))
        tail = max(title_at + 1, end - TAIL)
        reasons = furniture_reasons(self.blocks[tail:end], self.known)
        while end > tail and reasons[end - 1 - tail]:
            end -= 1  # contact lines at the very end, with no heading before them, are the footer too
        updated, kept = self._footer(self.blocks[end:])
        body = self.blocks[title_at + 1:end]
        sections = self._body(body) + kept
        if updated is None:
            updated = today
            self.guess(self.blocks[-1], f"no 'Last Updated: dd/mm/yyyy' line found: last_updated set to today, "
                                        f"{today.isoformat()}; change it to the date the words were last checked")
        sheet_id = self.ids.make(title, "sheet")
        summary = self._summary(sections, title)
        data: dict[str, Any] = {"id": sheet_id, "series": series_id, "number": sheet_number, "title": title,
                                "summary": summary, "last_updated": updated, "sections": sections}
        counts: dict[str, int] = {}
        for section in sections:
            counts[section["type"]] = counts.get(section["type"], 0) + 1
        return Recognised(data, sorted(self.guesses, key=lambda g: g.order), counts)

    def _title(self, number: str | None) -> tuple[int, str, str]:
        for index, block in enumerate(self.blocks[:12]):
            match = SHEET_TITLE.match(block.text)
            if match:
                if number and number != match["number"]:
                    self.guess(block, f"the document says {match['number']}, numbered {number} as you asked (--number)")
                return index, number or match["number"], match["title"]
        for index, block in enumerate(self.blocks[:12]):
            if block.kind == "heading" and block.level == 1 and number:
                self.guess(block, "read as the sheet's title (the first top-level heading)")
                return index, number, block.text
        raise NotASheet("no sheet number and title found at the top (a line such as '3.3 Partnership'): "
                        "add one to the document, or give the number with --number")

    def _masthead(self, blocks: list[Block], series_id: str | None, sheet_number: str) -> str:
        by_number = {s.number: s for s in self.known.series}
        by_title = {s.title.lower(): s for s in self.known.series}
        for block, furniture in zip(blocks, furniture_reasons(blocks, self.known)):
            line = SERIES_LINE.match(block.text)
            found = None
            if block.kind == "number":
                found = by_number.get(block.number) or by_title.get(block.text.lower())
            elif line:
                found = by_number.get(line["number"]) or by_title.get(line["title"].lower())
            if found is not None:
                self.guess(block, f"read as the series, '{found.id}' in site.yml (the site shows it from there)")
                series_id = series_id or found.id
            else:
                reason = furniture or "above the sheet's title, so read as the publisher's masthead"
                self.guess(block, f"left out: {reason}")
        if series_id is None:
            prefix = sheet_number.split(".")[0]
            if prefix in by_number:
                series_id = by_number[prefix].id
                self.guess(self.blocks[0], f"series '{series_id}' chosen from the sheet's number, {sheet_number}")
            else:
                listed = ", ".join(s.id for s in self.known.series) or "none: site.yml could not be read"
                raise NotASheet(f"no series found for sheet {sheet_number}: give one with --series (listed in site.yml: {listed})")
        return series_id

    def _footer(self, blocks: list[Block]) -> tuple[date | None, list[dict[str, Any]]]:
        updated: date | None = None
        kept: list[Block] = []
        after_disclaimer = False
        for block, reason in zip(blocks, furniture_reasons(blocks, self.known)):
            if after_disclaimer and not reason and is_disclaimer_text(block.text, self.known):
                reason = "the disclaimer (the site adds site.yml's)"
            after_disclaimer = reason.startswith("the disclaimer's heading")
            if block_date := last_updated(block):
                updated = block_date
                self.guess(block, f"read as last_updated: {block_date.isoformat()} (day first)")
            elif reason:
                self.guess(block, f"left out: {reason}")
            else:
                kept.append(block)
        if not kept:
            return updated, []
        self.guess(kept, "in the footer but not the publisher's furniture: kept as a text section at the end")
        return updated, [self._text_section(None, kept)]

    # The body: sections under their headings.
    def _body(self, blocks: list[Block]) -> list[dict[str, Any]]:
        styled = any(b.styled for b in blocks)
        top = min((b.level for b in blocks if b.kind == "heading"), default=2)
        runs: list[tuple[Block | None, list[Block]]] = [(None, [])]
        for index, block in enumerate(blocks):
            starts = (block.kind == "heading" and not block.number) if styled else _looks_like_heading(block)
            if starts and styled and block.level > top:
                following = blocks[index + 1] if index + 1 < len(blocks) else None
                if following is not None and following.kind == "bullet":
                    starts = False  # a sub-heading over questions: a checklist's group
                else:
                    self.guess(block, "a sub-heading with paragraphs under it: read as a section's heading")
            if starts:
                if not styled:
                    self.guess(block, "read as a heading: a short line on its own, with no full stop")
                runs.append((block, []))
            else:
                runs[-1][1].append(block)
        sections: list[dict[str, Any]] = []
        for head, run in runs:
            if head is None and not run:
                continue
            if head is not None and not run:
                self.guess(head, "a heading with nothing under it: kept as a text section's heading with "
                                 "its words as the text")
                run = [Block("paragraph", head.text, head.line, head.page)]
            sections += self._sections(head, run, first=not sections)
        return sections

    def _sections(self, heading: Block | None, blocks: list[Block], first: bool = False) -> list[dict[str, Any]]:
        """One heading's blocks as one section, or more when the blocks change kind part way."""
        if sum(1 for b in blocks if _model_title(b, blocks)) >= 2:
            return [self._models(heading, blocks)]
        numbered = [b for b in blocks if b.kind == "number"]
        if numbered and all(_level_title(b.text) for b in numbered):
            return self._levels(heading, blocks)
        if numbered:
            self.guess(numbered, "a numbered list read as a list: its items keep their order, the numbers are "
                                 "drawn by the page")
            blocks = [Block("bullet", b.text, b.line, b.page, 0, "", b.after_gap, b.styled) if b.kind == "number" else b
                      for b in blocks]
        lead = _leading(blocks, ("paragraph",))
        rest = blocks[len(lead):]
        if not rest:
            return [self._text_section(heading, lead, "introduction" if first and heading is None else None)]
        listed = _leading(rest, ("bullet", "heading"))
        after = rest[len(listed):]
        section = self._list_or_checklist(heading, lead, listed)
        if after:
            self.guess(after, "paragraphs after the list: kept as a section of their own, with no heading")
            return [section, *self._sections(None, after)]
        return [section]

    def _text_section(self, heading: Block | None, blocks: list[Block], section_id: str | None = None) -> dict[str, Any]:
        for block in blocks:
            if block.kind != "paragraph":
                self.guess(block, f"a {block.kind} among paragraphs: kept as a paragraph")
        section: dict[str, Any] = {"type": "text", "id": self._section_id(heading, blocks, section_id)}
        if heading is not None:
            section["heading"] = heading.text
        section["paragraphs"] = [self._item(b.text) for b in blocks]
        return section

    def _section_id(self, heading: Block | None, blocks: list[Block], wanted: str | None = None) -> str:
        if wanted and wanted not in self.ids.taken:
            self.ids.taken.add(wanted)
            return wanted
        return self.ids.make(heading.text if heading else blocks[0].text, "section")

    def _item(self, text: str) -> dict[str, Any]:
        return {"id": self.ids.make(text), "text": text}

    def _intro(self, section: dict[str, Any], lead: list[Block]) -> None:
        if lead:
            section["intro"] = [self._item(b.text) for b in lead]

    # Lists and checklists.
    def _list_or_checklist(self, heading: Block | None, lead: list[Block], listed: list[Block]) -> dict[str, Any]:
        top = [b for b in listed if b.kind == "bullet" and b.level == 0]
        questions = sum(1 for b in top if _is_question(b.text) or _glued_heading(b.text))
        named = heading is not None and "checklist" in heading.text.lower()
        is_checklist = bool(top) and (questions >= 0.6 * len(top) or (named and questions >= 0.4 * len(top)))
        gaps = [b for b in listed[1:] if b.after_gap and b.kind == "bullet"]
        if is_checklist:
            why = f"{questions} of its {len(top)} items are questions" + (" and its heading says 'checklist'" if named else "")
            self.guess(listed, f"read as a checklist (so a self-check on the page) because {why}")
            return self._checklist(heading, lead, listed)
        section: dict[str, Any] = {"type": "list", "id": self._section_id(heading, lead or listed)}
        if heading is not None:
            section["heading"] = heading.text
        self._intro(section, lead)
        if gaps and heading is not None:
            self.guess(gaps, f"after a blank line, still read as items of the list '{heading.text}' (no heading between)")
        for block in listed:
            if block.kind == "heading" or block.level > 0:
                self.guess(block, f"a {'sub-heading' if block.kind == 'heading' else 'sub-item'} in a list: kept as an item of the list")
        section["items"] = [self._item(b.text) for b in listed]
        if questions and not is_checklist:
            self.guess(listed, f"read as a list, not a checklist: only {questions} of its {len(top)} items are questions")
        return section

    def _checklist(self, heading: Block | None, lead: list[Block], listed: list[Block]) -> dict[str, Any]:
        section: dict[str, Any] = {"type": "checklist", "id": self._section_id(heading, lead or listed)}
        if heading is not None:
            section["heading"] = heading.text
        self._intro(section, lead)
        groups: list[dict[str, Any]] = []
        pending: str | None = None

        def open_group(title: str | None) -> None:
            groups.append({"heading": title, "items": []})

        for block in listed:
            if block.kind == "heading":
                open_group(block.text)
                continue
            if block.level > 0:
                if groups and groups[-1]["items"]:
                    groups[-1]["items"][-1].setdefault("items", []).append(block.text)
                    continue
                self.guess(block, "a sub-item with no question before it: read as a question")
            text = block.text
            if pending is not None:
                open_group(pending)
                pending = None
            elif block.after_gap and groups and groups[-1]["items"]:
                self.guess(block, "a blank line before it: a new group of questions starts here")
                open_group(None)
            if not _is_question(text) and len(text.split()) <= SHORT:
                self.guess(block, f"'{text}' read as a group heading: it is not a question")
                if groups and not groups[-1]["items"] and groups[-1]["heading"] is None:
                    groups[-1]["heading"] = text
                else:
                    open_group(text)
                continue
            if glued := _glued_heading(text):
                title, text = glued
                self.guess(block, f"'{title}' read as a group heading glued to the question after it")
                open_group(title)
            if trailing := _trailing_heading(text):
                text, pending = trailing
                self.guess(block, f"'{pending}' at the end of a question read as the next group's heading")
            if not groups:
                open_group(None)
            groups[-1]["items"].append({"text": text, "block": block})
        if pending is not None:
            open_group(pending)
            groups[-1]["items"].append({"text": pending})
            self.guess(listed[-1], f"'{pending}' ends the checklist: kept as a question of its own")
        out = []
        for group in groups:
            if not group["items"]:
                if group["heading"]:
                    self.guess(listed, f"group heading '{group['heading']}' has no questions: kept as a question")
                    group["items"] = [{"text": group["heading"]}]
                    group["heading"] = None
                else:
                    continue
            group_id = self.ids.make(group["heading"]) if group["heading"] else self.ids.make(section["id"] + " questions")
            entry: dict[str, Any] = {"id": group_id}
            if group["heading"]:
                entry["heading"] = group["heading"]
            entry["items"] = []
            for question in group["items"]:
                item = self._item(question["text"])
                if question.get("items"):
                    item["items"] = [self._item(sub) for sub in question["items"]]
                elif OPEN_QUESTION.match(question["text"]) and not question["text"].endswith(":"):
                    item = {"id": item["id"], "kind": "written", "text": item["text"]}
                    self.guess(question.get("block", listed), f"'{question['text']}' read as answered in words, "
                                                              "not Yes or No (kind: written)")
                entry["items"].append(item)
            out.append(entry)
        section["groups"] = out
        return section

    # Models and levels.
    def _models(self, heading: Block | None, blocks: list[Block]) -> dict[str, Any]:
        section: dict[str, Any] = {"type": "models", "id": self._section_id(heading, blocks)}
        if heading is not None:
            section["heading"] = heading.text
        titles = [i for i, b in enumerate(blocks) if _model_title(b, blocks)]
        self._intro(section, blocks[:titles[0]])
        self.guess([blocks[titles[0]], blocks[-1]], f"read as {len(titles)} side-by-side models: numbered titles, "
                                                  "each followed by its own paragraphs")
        models = []
        for start, end in zip(titles, [*titles[1:], len(blocks)]):
            title_block = blocks[start]
            model: dict[str, Any] = {"id": self.ids.make(title_block.text), "number": _number(title_block, self),
                                     "title": title_block.text, "description": []}
            points: dict[str, Any] | None = None
            for block in blocks[start + 1:end]:
                kind = "advantages" if ADVANTAGES.match(block.text) else "disadvantages" if DISADVANTAGES.match(block.text) else ""
                if block.kind == "paragraph" and kind and block.text.rstrip().endswith(":"):
                    points = model[kind] = {"lead": block.text}
                    self.guess(block, f"read as the lead-in to the model's {kind}")
                elif points is not None:
                    points.setdefault("items" if block.kind == "bullet" else "paragraphs", []).append(self._item(block.text))
                else:
                    if block.kind != "paragraph":
                        self.guess(block, f"a {block.kind} in a model's description: kept as a paragraph")
                    model["description"].append(self._item(block.text))
            models.append(model)
        section["models"] = models
        return section

    def _levels(self, heading: Block | None, blocks: list[Block]) -> list[dict[str, Any]]:
        section: dict[str, Any] = {"type": "levels", "id": self._section_id(heading, blocks)}
        if heading is not None:
            section["heading"] = heading.text
        first = next(i for i, b in enumerate(blocks) if b.kind == "number")
        self._intro(section, blocks[:first])
        levels: list[dict[str, Any]] = []
        for block in blocks[first:]:
            if block.kind == "number":
                title, rest = _level_title(block.text) or (block.text, "")
                levels.append({"id": self.ids.make(title), "number": _number(block, self), "title": title,
                               "paragraphs": [self._item(rest)]})
            else:
                if block.kind != "paragraph":
                    self.guess(block, f"a {block.kind} inside a numbered level: kept as one of its paragraphs")
                levels[-1]["paragraphs"].append(self._item(block.text))
        self.guess(blocks[first:], f"read as a numbered scale of {len(levels)} levels: each item starts with a short "
                                   "title ending in a full stop")
        section["levels"] = levels
        return [section]

    def _summary(self, sections: list[dict[str, Any]], title: str) -> str:
        for section in sections:
            for item in section.get("paragraphs", []) or section.get("intro", []):
                sentence = SENTENCES.split(item["text"])[0]
                self.guesses.append(Guess("summary", "the first sentence of the sheet, shown on the home page and "
                                                     "in search results: rewrite it if it does not sum the sheet up"))
                return sentence
        self.guesses.append(Guess("summary", "no paragraph to take a summary from: the title is used; write one"))
        return title


def _numbered_heading(block: Block) -> Block:
    """``1. Separate organisation`` set as a heading: a numbered title, its number apart."""
    match = NUMBERED_HEADING.match(block.text) if block.kind == "heading" and not block.number else None
    if match is None:
        return block
    return Block("heading", match["title"], block.line, block.page, block.level, match["number"], block.after_gap, block.styled)


def _looks_like_heading(block: Block) -> bool:
    """In plain text: a short paragraph on its own line, with no full stop, colon or comma at its end."""
    text = block.text
    return block.kind == "paragraph" and len(text.split()) <= 10 and not re.search(r"[.:;,]$", text) \
        and text[:1].isupper() and text.count(". ") == 0


def _model_title(block: Block, blocks: list[Block]) -> bool:
    """A numbered title on its own (a heading, or a short numbered line followed by paragraphs)."""
    if block.kind == "heading" and block.number:
        return True
    if block.kind != "number" or len(block.text.split()) > 8 or re.search(r"[.?!:]", block.text.rstrip(".")):
        return False
    following = blocks[blocks.index(block) + 1:blocks.index(block) + 2]
    return bool(following) and following[0].kind != "number"


def _level_title(text: str) -> tuple[str, str] | None:
    """``Supporter. In this case, ...`` -> ('Supporter', 'In this case, ...'): a short title first."""
    match = LEVEL_TITLE.match(text)
    if match and len(match["title"].split()) <= SHORT:
        return match["title"], match["rest"]
    return None


def _number(block: Block, reader: _Reader) -> str:
    if block.number.isdigit():
        return block.number
    digit = str(ord(block.number.lower()) - ord("a") + 1) if block.number else "1"
    reader.guess(block, f"lettered '{block.number}' numbered {digit} (sheets number their scales)")
    return digit


def _leading(blocks: list[Block], kinds: tuple[str, ...]) -> list[Block]:
    out = []
    for block in blocks:
        if block.kind not in kinds:
            break
        out.append(block)
    return out


def _is_question(text: str) -> bool:
    text = text.rstrip()
    return text.endswith(("?", ":")) or "? " in text or (bool(QUESTION_WORDS.match(text)) and not text.endswith("."))


def _glued_heading(text: str) -> tuple[str, str] | None:
    """``Establishing clear roles. Are the roles ... agreed?`` -> the heading, then the question."""
    parts = SENTENCES.split(text, maxsplit=1)
    if len(parts) == 2 and not _is_question(parts[0]) and len(parts[0].split()) <= SHORT and "?" in parts[1]:
        return parts[0], parts[1]
    return None


def _trailing_heading(text: str) -> tuple[str, str] | None:
    """``Do the community know ...? Building capacity of partners.`` -> the question, then a heading."""
    at = text.rfind("?")
    tail = text[at + 1:].strip() if at > 0 else ""
    if tail and "?" not in tail and len(tail.split()) <= SHORT and not QUESTION_WORDS.match(tail):
        return text[:at + 1], tail
    return None
