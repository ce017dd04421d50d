"""Turn the localised model into HTML: one Jinja environment, one Markdown parser.

This is the only place markup is made. Content is data: Markdown is parsed with raw HTML off and
unsafe link schemes refused, and everything else passes through Jinja's autoescaping.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from babel import Locale
from babel.dates import format_date, get_month_names, parse_pattern
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader, StrictUndefined
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.rules_core import StateCore
from mdit_py_plugins.attrs import attrs_plugin
from markupsafe import Markup, escape

from ..language import SOURCE, Language, LocalText, N_

TEMPLATES = Path(__file__).parent / "templates"
COMPONENTS = Path(__file__).parents[1] / "components"  # a component's template: components/<name>/template.html
LONG_DATE = "d MMMM y"  # '30 June 2017', '30 Mehefin 2017': the one date format of the site

# "js-default": no raw HTML, no typographer; javascript:, vbscript:, file: and data: links are refused.
# Bare web and email addresses become links (linkify, with linkify-it-py); the same refusal holds.
# One extension: `[words]{lang=en}` marks a passage in another language (only `lang` is allowed).
_markdown = MarkdownIt("js-default", {"linkify": True}).enable("linkify") \
    .use(attrs_plugin, after=("span_close",), spans=True, allowed=("lang",))


def _secure_bare_links(state: StateCore) -> None:
    """A bare address with no scheme (``www.cavs.org.uk``) is linked over https, not http."""
    for block in state.tokens:
        children = block.children or []
        for token, following in zip(children, children[1:]):
            href = str(token.attrGet("href") or "")
            if token.markup == "linkify" and href.startswith("http://") \
                    and not following.content.lower().startswith("http://"):
                token.attrSet("href", "https://" + href.removeprefix("http://"))


_markdown.core.ruler.after("linkify", "secure_bare_links", _secure_bare_links)

# Every address linkify-it's pretest can find has a ':' or '/' (a scheme, '//'), an '@', 'localhost',
# 'www.', or a '.' followed by a letter or digit (a domain, an IP address). A text with none of
# these skips the pretest itself, a regular expression of 1,500 characters that markdown-it and
# is_plain run on every text (at 200 sheets, the slowest step of the build).
_MAYBE_ADDRESS = re.compile(r"[:/@]|localhost|www\.|\.\w", re.IGNORECASE)
_linkify = _markdown.linkify
if _linkify is not None:
    _full_pretest = _linkify.pretest
    _linkify.pretest = lambda text: _MAYBE_ADDRESS.search(text) is not None and _full_pretest(text)
# No images: content never makes the browser fetch anything, let alone from another host.
# ``![text](address)`` stays a link to the address, after a "!".
_markdown.disable("image")


def link_targets(text: str) -> set[str]:
    """The addresses ``text`` links to, as the renderer links them (Markdown links, autolinks,
    bare addresses): a translation must link where its English does."""
    return {str(token.attrGet("href")) for block in _markdown.parseInline(str(text))
            for token in block.children or [] if token.type == "link_open"}


# Characters that can start inline Markdown (emphasis, code, links, images, autolinks, entities,
# escapes, breaks, strikethrough, attributes). Most texts have none, and no web or email address:
# for them markdown-it's output is the text with &, <, > and " escaped, so it is made directly
# (the same string, many times faster).
_MARKDOWN = re.compile(r"[\\`*_\[\]!<&~{}\n\r\0]")


def is_plain(text: str) -> bool:
    """True when markdown-it would only escape ``text``: no inline syntax, no address to link."""
    linkify = _markdown.linkify
    return _MARKDOWN.search(text) is None and not (linkify is not None and linkify.pretest(text))


def inline_markdown(text: str) -> Markup:
    text = str(text)
    if is_plain(text):
        return Markup(escapeHtml(text))
    return Markup(_markdown.renderInline(text))


@cache
def marked_text(text: str, lang: str, page_lang: str) -> Markup:
    """Plain text, escaped, in a span that names its language when it is not the page's (a
    heading shown in English on a Welsh page keeps its language in the page outline too)."""
    return escape(text) if lang == page_lang else Markup(f'<span lang="{escape(lang)}">{escape(text)}</span>')


@cache
def plural_samples(locale: str) -> Mapping[str, int]:
    """A number in each plural category of a language: {'zero': 0, 'one': 1, 'two': 2, ...}.
    Worked out once per language (200 rule evaluations; every checklist on every page asks)."""
    rule = Locale.parse(locale).plural_form
    samples: dict[str, int] = {}
    for n in range(200):
        samples.setdefault(rule(n), n)
    return MappingProxyType(samples)


def long_date(value: date, locale: str) -> str:
    """'30 June 2017' / '30 Mehefin 2017'."""
    return format_date(value, LONG_DATE, locale=locale)


@dataclass(frozen=True)
class DatePattern:
    """The site's date format for a script that writes today's date: the browser's Intl may lack
    the language (Chromium here prints Welsh dates in English), so the build hands over Babel's
    month names and the order of the parts: ``{d} {MMMM} {y}``."""

    template: str
    months: tuple[str, ...]


@cache
def date_pattern(locale: str) -> DatePattern:
    template = str(parse_pattern(LONG_DATE).format).replace("%(", "{").replace(")s", "}")  # Babel types .format loosely; it is text
    names = get_month_names("wide", "format", locale=locale)
    return DatePattern(template, tuple(names[month] for month in range(1, 13)))


# An interface string not yet translated is shown in English: these two private-use characters go
# round it while a page is made, and then become <span lang="en"> where it is text (in an
# attribute, which cannot hold markup, they are simply taken out).
FALLBACK_START, FALLBACK_END = "\ue000", "\ue001"
_TAGS_AND_RAW_TEXT = re.compile(r"(<(script|style|title|textarea)\b.*?</\2\s*>|<!--.*?-->|<[^>]*>)", re.S | re.I)


NOT_YET_TRANSLATED = N_("(not yet available in this language)")  # beside a passage shown in English


def interface(language: Language, message: str) -> str:
    """An interface string in ``language``; one not yet translated is bracketed for ``mark_fallbacks``."""
    if language.has_interface(message):
        return language.gettext(message)
    return f"{FALLBACK_START}{message}{FALLBACK_END}"


def mark_fallbacks(html: str) -> str:
    """A finished page with each untranslated interface string in its text marked as English."""
    if FALLBACK_START not in html:
        return html
    parts = _TAGS_AND_RAW_TEXT.split(html)
    out = []
    for index, part in enumerate(parts):
        kind = index % 3  # split with two groups: text, tag (or raw-text element), the element's name
        if kind == 2:
            continue
        if kind == 1:
            out.append(part.replace(FALLBACK_START, "").replace(FALLBACK_END, ""))
        else:
            out.append(part.replace(FALLBACK_START, f'<span lang="{SOURCE.hreflang}">').replace(FALLBACK_END, "</span>"))
    return "".join(out)


class Renderer:
    """Renders pages; the ``language`` of each ``render`` decides which texts need a ``lang`` mark."""

    def __init__(self) -> None:
        self.env = Environment(
            loader=ChoiceLoader([FileSystemLoader(TEMPLATES), PrefixLoader({"components": FileSystemLoader(COMPONENTS)})]),
            autoescape=True,
            undefined=StrictUndefined,
            auto_reload=False,  # one Renderer per build: no need to stat every template on every include
            trim_blocks=True,
            lstrip_blocks=True,
            extensions=["jinja2.ext.i18n"],
        )

    def render(self, template: str, language: Language, **context: Any) -> str:
        def prose(text: str, block: str = "") -> Markup:
            """Inline Markdown. A text not yet translated is shown in English, marked as English
            for screen readers, with a short note in the page's language saying so."""
            html = inline_markdown(text)
            lang = getattr(text, "lang", language.code)
            if lang != language.code:
                note = escape(interface(language, NOT_YET_TRANSLATED))
                html = Markup(f'<span lang="{escape(lang)}">{html}</span> <span class="gd-untranslated">{note}</span>')
            return Markup(f"<{block}>{html}</{block}>") if block else html

        def profile_text(text: LocalText) -> Markup:
            """A publisher profile text (plain, not Markdown), marked when it is in another language."""
            return marked_text(text, text.lang, language.code)

        def plural_forms(singular: str, plural: str) -> dict[str, str]:
            """One message per plural category of the language (Welsh has six), for scripts that
            count: keys are Intl.PluralRules categories, ``{count}`` stands for the number."""
            return {category: language.ngettext(singular, plural, n)
                    for category, n in plural_samples(language.facts.locale).items()}

        return mark_fallbacks(self.env.get_template(template).render(
            prose=prose,
            lang=language.code,
            profile_text=profile_text,
            _=lambda message: interface(language, message),
            gettext=lambda message: interface(language, message),
            ngettext=language.ngettext,
            long_date=lambda value: long_date(value, language.facts.locale),
            plural_forms=plural_forms,
            **context,
        ))
