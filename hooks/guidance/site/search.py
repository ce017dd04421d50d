"""Search indexes written from the content model, one per language, in Material's index format.

Writing the index from the model (not by re-parsing every page's HTML) is fast, and keeps each
language's pages in its own index: a Welsh search finds only Welsh pages. Welsh gets no English
stemmer or stop words: its index names the language `cy`, for which the site ships its own lunr
language file (overrides/assets/javascripts/lunr/min/lunr.cy.min.js: trimming, accents, mutations).
Which lunr language and pipeline a language gets is a column of the language table.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from markupsafe import escape

from ..language import LanguageFacts
from ..content.markdown import inline_markdown

SEPARATOR = r"[\s\-]+"
FIELDS = {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}}
_TAGS = re.compile(r"<[^>]+>")


@dataclass(frozen=True, slots=True)  # thousands of them at 200 sheets: no __dict__ each
class SearchEntry:
    """One result: a page or a section of it. ``title`` and ``text`` are HTML-safe text."""

    location: str
    title: str
    text: str


def plain(text: str) -> str:
    """Content text without its inline Markdown, HTML-escaped (Material shows results as HTML)."""
    return _TAGS.sub("", str(inline_markdown(text)))


def entry(location: str, title: str, texts: Iterable[str]) -> SearchEntry:
    return SearchEntry(location, plain(title), " ".join(plain(t) for t in texts if t))


def document_entry(location: str, title: str, html: str) -> SearchEntry:
    """A hand-written page, already HTML: its text with the tags taken out."""
    text = " ".join(_TAGS.sub(" ", html).split())
    return SearchEntry(location, str(escape(title)), text)


def search_index(language: LanguageFacts, entries: Iterable[SearchEntry]) -> dict[str, Any]:
    return {
        "config": {"lang": [language.search.lunr], "separator": SEPARATOR, "pipeline": list(language.search.keep),
                   "fields": FIELDS},
        "docs": [{"location": e.location, "title": e.title, "text": e.text} for e in entries],
        "options": {"suggest": False},
    }


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def index_text(index: dict[str, Any]) -> Iterator[str]:
    """``json.dumps(index)`` (compact) in pieces, a result at a time, to be written as they come:
    at 200 sheets a language's index is 2 MB, and json.dumps holds it all, and every key and
    value of it as a string of its own, until the end."""
    yield "{"
    for n, (key, value) in enumerate(index.items()):
        yield f"{',' if n else ''}{_json(key)}:"
        if key == "docs":
            yield "["
            yield from (f"{',' if i else ''}{_json(doc)}" for i, doc in enumerate(value))
            yield "]"
        else:
            yield _json(value)
    yield "}"


def index_files(language: LanguageFacts, entries: Iterable[SearchEntry]) -> dict[str, Callable[[], Iterator[str]]]:
    """The JSON index, and the same as a script for pages opened from disk (file://): each file's
    text in pieces, made as it is written."""
    index = search_index(language, entries)

    def script() -> Iterator[str]:
        yield "var __index = "
        yield from index_text(index)
        yield ";\n"
    return {"search/search_index.json": lambda: index_text(index), "search/search_index.js": script}
