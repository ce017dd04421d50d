"""Stable ids made from the words: kebab-case, short, unique in the sheet.

An id is the first few words that carry meaning (``Getting additional resources for your
organisation`` -> ``getting-additional-resources``); a clash takes one more word, then a number.
Saved self-check answers and translations hang on ids, so they are made once, at import.
"""

from __future__ import annotations

import re
import unicodedata

STOP_WORDS = frozenset("""
a an the and or but nor of to in on at for from by with without into onto as is are was were be been being
it its this that these those there their they them you your yours we our us he she his her i my me
do does did done has have had having can could should would will shall may might must
what who whom which when where why how if then than so such not no any all each every some
about over under up out very also just only own same other i e eg ie etc
""".split())
MAX_WORDS = 3
MAX_LENGTH = 40


def words_of(text: str) -> list[str]:
    """The text's words in plain lower-case ASCII (Welsh accents folded: ŵ -> w), Markdown left out."""
    text = re.sub(r"\]\([^)]*\)", " ", text)  # a link's address is not its words
    text = re.sub(r"['’]s\b", "", text)  # organisation's -> organisation
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.findall(r"[a-z0-9]+", plain)


class Ids:
    """Hands out ids unique within one sheet."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def make(self, text: str, fallback: str = "item") -> str:
        words = words_of(text)
        meaningful = [w for w in words if w not in STOP_WORDS] or words or [fallback]
        for count in range(min(MAX_WORDS, len(meaningful)), len(meaningful) + 1):
            candidate = _shorten(meaningful[:count])
            if candidate not in self.taken:
                return self._take(candidate)
        base = _shorten(meaningful[:MAX_WORDS])
        number = 2
        while f"{base}-{number}" in self.taken:
            number += 1
        return self._take(f"{base}-{number}")

    def _take(self, candidate: str) -> str:
        self.taken.add(candidate)
        return candidate


def _shorten(words: list[str]) -> str:
    out = ""
    for word in words:
        joined = f"{out}-{word}" if out else word
        if len(joined) > MAX_LENGTH and out:
            break
        out = joined
    return out[:MAX_LENGTH].strip("-")
