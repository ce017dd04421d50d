"""The patterns a text must match, each with the words a message uses for what was expected: one
object, so the content model and its error messages cannot drift apart."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pydantic import StringConstraints


@dataclass(frozen=True)
class TextPattern:
    regex: str     # searched for, as pydantic does: anchor it with ^ and $ to match the whole text
    expected: str  # in a message: "expected <expected>, got '...'"

    def constraint(self) -> StringConstraints:
        """For a pydantic field: ``Annotated[str, ID.constraint()]``."""
        return StringConstraints(pattern=self.regex)

    def matches(self, text: str) -> bool:
        return re.search(self.regex, text) is not None


ID = TextPattern(r"^[a-z0-9]+(-[a-z0-9]+)*$", "an id in kebab-case (lower-case letters, digits and hyphens)")
NUMBER = TextPattern(r"^[0-9]+(\.[0-9]+)*$", "a number such as '3' or '3.3'")
WEB_ADDRESS = TextPattern(r"^https?://", "a web address starting with https://")
EMAIL = TextPattern(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", "an email address")
COLOUR = TextPattern(r"^#[0-9a-fA-F]{6}$", "a colour as #rrggbb")
URL_SLUG = TextPattern(ID.regex, "a slug in kebab-case (lower-case letters, digits and hyphens)")  # a translated URL part

# The model's patterns, by regex: pydantic's error names the regex a text failed.
MODEL_PATTERNS = {pattern.regex: pattern for pattern in (ID, NUMBER, WEB_ADDRESS, EMAIL, COLOUR)}


def expected(regex: str) -> str:
    """What a message says was expected of a text that did not match ``regex``."""
    pattern = MODEL_PATTERNS.get(regex)
    return pattern.expected if pattern else f"text matching {regex}"
