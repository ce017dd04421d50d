"""What a page needs to speak one language: interface strings and the sheet texts in it.

``LocalText`` is a ``str`` that remembers which language it is in and how current it is, so the
renderer can mark an English fallback on a Welsh page with ``lang="en"`` instead of mixing silently.
"""

from __future__ import annotations

import gettext
from dataclasses import dataclass, field
from typing import Callable, Literal

from babel import Locale, UnknownLocaleError

State = Literal["current", "draft", "outdated", "missing"]
NAMES = {"en": "English", "cy": "Cymraeg"}
DEFAULT_LANGUAGE = "en"  # the language the content files are written in; its pages are at the site's root


def unknown_language(code: str) -> str:
    """Why ``code`` cannot be a language of the site ("" when it can): it must be a language code
    that Babel (CLDR) knows, since dates, plural forms and the catalogue all come from there."""
    try:
        locale = Locale.parse(code) if isinstance(code, str) else None
    except (UnknownLocaleError, ValueError, TypeError):
        locale = None
    if locale is None or locale.language != code:
        return f"unknown language code {code!r} (expected a language code such as 'en' or 'cy')"
    return ""


class LocalText(str):
    """Text in ``lang``; ``state`` says whether it is a current, draft or fallback translation."""

    lang: str
    state: State

    def __new__(cls, value: str, lang: str, state: State = "current"):
        text = super().__new__(cls, value)
        text.lang, text.state = lang, state
        return text


Lookup = Callable[[str, str], LocalText]


@dataclass(frozen=True)
class Language:
    """One language of the site: its code, its interface strings, and its content lookup."""

    code: str
    ui: gettext.NullTranslations = field(default_factory=gettext.NullTranslations)
    lookup: Lookup | None = None

    @property
    def name(self) -> str:
        return NAMES.get(self.code, self.code)

    def text(self, key: str, english: str) -> LocalText:
        """The text for message ``key`` in this language (English is the source)."""
        if self.lookup is None:
            return LocalText(english, "en")
        return self.lookup(key, english)

    def gettext(self, message: str) -> str:
        return self.ui.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.ui.ngettext(singular, plural, n)


ENGLISH = Language("en")
