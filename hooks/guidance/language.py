"""The language table, and what a page needs to speak one language.

``TABLE`` is the only place in the project that knows a language: its code, its name in itself,
its ``hreflang``, its Babel locale, its text direction and its search pipeline. Templates, the
core and the scripts read it; nothing else names a language. To add a language, add a row (and a
catalogue, ``content_src/locale/<code>/LC_MESSAGES/guidance.po``, which may start empty).

``LocalText`` is a ``str`` that remembers which language it is in and how current it is, so the
renderer can mark an English fallback on a Welsh page with ``lang="en"`` instead of mixing silently.
"""

from __future__ import annotations

import gettext
from dataclasses import dataclass, field
from typing import Callable, Container, Literal

State = Literal["current", "draft", "outdated", "missing"]
Direction = Literal["ltr", "rtl"]


@dataclass(frozen=True)
class SearchPipeline:
    """How Material's search worker treats a language: ``lunr`` names the lunr language file it
    loads (``assets/javascripts/lunr/min/lunr.<lunr>.min.js``; English needs none), ``keep`` which
    of that language's pipeline functions stay (Material removes the others). Material appends a
    wildcard to every query term and runs no pipeline on those, so a stemmer would stem the index
    and not the queries: no language keeps its stemmer."""

    lunr: str
    keep: tuple[str, ...]


@dataclass(frozen=True)
class LanguageFacts:
    """One row of the language table."""

    code: str             # in settings, folder names and URLs: /cy/
    name: str             # its name in itself, as the language toggle shows it
    hreflang: str         # BCP 47, for lang and hreflang attributes
    locale: str           # Babel (CLDR) locale: dates, plural rules
    direction: Direction  # text direction of its pages
    search: SearchPipeline
    intl_locale: str = ""  # BCP 47 for the browser's Intl (plural rules); hreflang when empty

    @property
    def browser_locale(self) -> str:
        return self.intl_locale or self.hreflang


TABLE: dict[str, LanguageFacts] = {facts.code: facts for facts in (
    LanguageFacts("en", "English", "en", "en_GB", "ltr", SearchPipeline("en", ("stopWordFilter",)), "en-GB"),
    # Welsh: Material ships no lunr Welsh; the site's own file (overrides/assets/javascripts/lunr/
    # min/lunr.cy.min.js) trims, folds accents and stores every initial mutation of each word.
    LanguageFacts("cy", "Cymraeg", "cy", "cy", "ltr", SearchPipeline("cy", ("trimmer",))),
    LanguageFacts("fr", "Français", "fr", "fr", "ltr", SearchPipeline("fr", ("trimmer", "stopWordFilter"))),
)}

# The language the content files are written in: every other language's words are in a catalogue.
SOURCE = TABLE["en"]


def unknown_language(code: str) -> str:
    """Why ``code`` cannot be a language of the site ("" when it can): it needs a row in the
    table (each row's locale is one Babel knows: dates, plural forms and catalogues come from it)."""
    if isinstance(code, str) and code in TABLE:
        return ""
    return (f"unknown language code {code!r} (expected one of: {', '.join(TABLE)}; "
            f"to add a language, add its row to the language table in hooks/guidance/language.py)")


def facts_of(code: str) -> LanguageFacts:
    """The table's row for ``code``; settings are checked against the table before a build."""
    return TABLE[code]


def N_(message: str) -> str:
    """Marks an interface string for the catalogue (``scripts/translations extract``); it is
    translated when a page is rendered."""
    return message


def N_plural(singular: str, plural: str) -> tuple[str, str]:
    """Marks a counted interface string, ``{count}`` being the number that decides its form."""
    return singular, plural


class LocalText(str):
    """Text in ``lang``; ``state`` says whether it is a current, draft or fallback translation."""

    lang: str
    state: State

    def __new__(cls, value: str, lang: str, state: State = "current") -> LocalText:
        text = super().__new__(cls, value)
        text.lang, text.state = lang, state
        return text


Lookup = Callable[[str, str], LocalText]

# An interface string not yet translated is shown in English: these two private-use characters go
# round it while a page is made; site/render.py's mark_fallbacks then marks it as English, in text
# with <span lang="en">, in a data-* attribute (a string for a script) by naming the attribute in
# ENGLISH_ATTRIBUTES on the same element, so that the script marks what it writes with it.
FALLBACK_START, FALLBACK_END = "\ue000", "\ue001"
ENGLISH_ATTRIBUTES = "data-gd-english"


@dataclass(frozen=True)
class Language:
    """One language of a site: its row of the table, its interface strings, its content lookup."""

    code: str
    ui: gettext.NullTranslations = field(default_factory=gettext.NullTranslations)
    lookup: Lookup | None = None

    @property
    def facts(self) -> LanguageFacts:
        return facts_of(self.code)

    @property
    def name(self) -> str:
        return self.facts.name

    def text(self, key: str, english: str) -> LocalText:
        """The text for message ``key`` in this language (English is the source)."""
        if self.lookup is None:
            return LocalText(english, SOURCE.code)
        return self.lookup(key, english)

    def gettext(self, message: str) -> str:
        return self.ui.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.ui.ngettext(singular, plural, n)

    def has_interface(self, message: str) -> bool:
        """Whether the interface string ``message`` is translated (the source language always
        is): in the catalogue, whether or not its words differ from the English ("PDF")."""
        return self.lookup is None or message in _translated(self.ui)

    def has_plural(self, singular: str, plural: str) -> bool:
        """Whether the counted interface string is translated (the source language always is)."""
        return self.lookup is None or (singular, 0) in _translated(self.ui)

    def interface(self, message: str) -> str:
        """An interface string in this language; one not yet translated is bracketed (FALLBACK_START)."""
        if self.has_interface(message):
            return self.gettext(message)
        return f"{FALLBACK_START}{message}{FALLBACK_END}"

    def interface_plural(self, singular: str, plural: str, n: int) -> str:
        """A counted interface string for ``n``, bracketed as ``interface`` brackets one."""
        text = self.ngettext(singular, plural, n)
        return text if self.has_plural(singular, plural) else f"{FALLBACK_START}{text}{FALLBACK_END}"


def _translated(ui: gettext.NullTranslations) -> Container[object]:
    """The messages a catalogue translates: msgids, and (msgid, form) for counted ones. gettext
    keeps them in ``_catalog``; an empty NullTranslations translates none."""
    catalog: Container[object] = getattr(ui, "_catalog", ())
    return catalog


SOURCE_LANGUAGE = Language(SOURCE.code)
