"""The patterns a text must match, each with the words a message uses for what was expected: one
object, so the content model and its error messages cannot drift apart."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pydantic import StringConstraints


@dataclass(frozen=True)
class TextPattern:
    """A pattern the whole text must match, as written: nothing before or after it, not even the
    line break a quoted YAML value or a catalogue's ``\\n`` can end with."""

    regex: str     # anchored with ^ and $ (pydantic's engine reads $ as the end of the text)
    expected: str  # in a message: "expected <expected>, got '...'"

    def constraint(self) -> StringConstraints:
        """For a pydantic field: ``Annotated[str, ID.constraint()]``; the value is not stripped
        first, so ``"have-time\\n"`` is refused, not read as ``have-time``."""
        return StringConstraints(strip_whitespace=False, pattern=self.regex)

    def matches(self, text: str) -> bool:
        """Python's ``$`` also matches before a final line break: the match must cover the text."""
        return re.fullmatch(self.regex, text) is not None


ID = TextPattern(r"^[a-z0-9]+(-[a-z0-9]+)*$", "an id in kebab-case (lower-case letters, digits and hyphens)")
NUMBER = TextPattern(r"^[0-9]+(\.[0-9]+)*$", "a number such as '3' or '3.3'")
WEB_ADDRESS = TextPattern(r"""^https?://[^\s/?#<>"'`\\]+(?:[/?#][^\s<>"'`\\]*)?$""",
                          "a web address starting with https://, with no spaces or line breaks")
# The HTML standard's "valid email address" (what a browser accepts in <input type=email>), with a
# dot required in the domain: no quotes, spaces, angle brackets, brackets or colons anywhere.
EMAIL = TextPattern(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$", "an email address")
COLOUR = TextPattern(r"^#[0-9a-fA-F]{6}$", "a colour as #rrggbb")
# A release's version: numbers joined by dots, from its date (2026.12.04, then 2026.12.04.2 the same
# day); it orders as numbers and is safe in a file name and a page.
VERSION = TextPattern(r"^[0-9]{1,4}(\.[0-9]{1,4}){0,4}$", "a version of numbers joined by dots, such as 2026.12.04")
URL_SLUG = TextPattern(ID.regex, "a slug in kebab-case (lower-case letters, digits and hyphens)")  # a translated URL part

# The model's patterns, by regex: pydantic's error names the regex a text failed.
MODEL_PATTERNS = {pattern.regex: pattern for pattern in (ID, NUMBER, WEB_ADDRESS, EMAIL, COLOUR)}


def expected(regex: str) -> str:
    """What a message says was expected of a text that did not match ``regex``."""
    pattern = MODEL_PATTERNS.get(regex)
    return pattern.expected if pattern else f"text matching {regex}"
