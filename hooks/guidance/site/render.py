"""Turn the localised model into HTML: one Jinja environment, with autoescaping, for every page the
core makes; inline Markdown comes from content/markdown.py. Text that is data passes through Jinja's
autoescaping or ``escape``.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader, StrictUndefined
from markupsafe import Markup, escape

from ..content.markdown import inline_markdown
from ..content.project import CONTACT_ID, DISCLAIMER_ID
from ..disk_cache import keep_compiled, shared
from ..language import ENGLISH_ATTRIBUTES, FALLBACK_END, FALLBACK_START, SOURCE, Language, LocalText, N_
from ..languages.dates import long_date, plural_samples
from .urls import mailto, tel

TEMPLATES = Path(__file__).parent / "templates"
COMPONENTS = Path(__file__).parents[1] / "components"  # a component's template: components/<name>/template.html


LANG_SPAN = '<span lang="{}">{}</span>'  # a passage in another language than its page's: the one wrapper


def in_language(html: str, lang: str) -> Markup:
    """``html`` (escaped, or markup) marked as being in ``lang``."""
    return Markup(LANG_SPAN).format(lang, html)


@cache
def marked_text(text: str, lang: str, page_lang: str) -> Markup:
    """Plain text, escaped, in a span that names its language when it is not the page's (a
    heading shown in English on a Welsh page keeps its language in the page outline too)."""
    return escape(text) if lang == page_lang else in_language(text, lang)


_FALLBACK_OPEN, _FALLBACK_CLOSE = LANG_SPAN.format(SOURCE.hreflang, "\0").split("\0")
_TAGS_AND_RAW_TEXT = re.compile(r"(<(script|style|title|textarea)\b.*?</\2\s*>|<!--.*?-->|<[^>]*>)", re.S | re.I)
_DATA_ATTRIBUTE = re.compile(r'\s(data-[\w-]+)="([^"]*)"')


NOT_YET_TRANSLATED = N_("(not yet available in this language)")  # beside a passage shown in English


def interface(language: Language, message: str) -> str:
    """An interface string in ``language``; one not yet translated is bracketed for ``mark_fallbacks``."""
    return language.interface(message)


def _unbracketed(text: str) -> str:
    return text.replace(FALLBACK_START, "").replace(FALLBACK_END, "")


def _mark_attributes(element: str) -> str:
    """A tag (or a raw-text element, by its start tag) with the brackets taken out of its
    attributes, which cannot hold markup; the data-* attributes that held an English fallback, a
    string for a script, are named in ENGLISH_ATTRIBUTES on the element."""
    end = element.index(">")  # attribute values are escaped: the first '>' ends the start tag
    start_tag, rest = element[:end], element[end:]
    english = [name for name, value in _DATA_ATTRIBUTE.findall(start_tag) if FALLBACK_START in value]
    start_tag = _unbracketed(start_tag)
    if english:
        closing = "/" if start_tag.endswith("/") else ""
        start_tag = f'{start_tag.removesuffix("/").rstrip()} {ENGLISH_ATTRIBUTES}="{" ".join(english)}"{closing}'
    return start_tag + _unbracketed(rest)


def mark_fallbacks(html: str) -> str:
    """A finished page with each untranslated interface string marked as English: in its text,
    and for the scripts that write the strings of its data-* attributes."""
    if FALLBACK_START not in html:
        return html
    parts = _TAGS_AND_RAW_TEXT.split(html)
    out = []
    for index, part in enumerate(parts):
        kind = index % 3  # split with two groups: text, tag (or raw-text element), the element's name
        if kind == 2:
            continue
        if kind == 1:
            out.append(_mark_attributes(part) if FALLBACK_START in part and not part.startswith("<!--") else _unbracketed(part))
        else:
            out.append(part.replace(FALLBACK_START, _FALLBACK_OPEN).replace(FALLBACK_END, _FALLBACK_CLOSE))
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
        keep_compiled(self.env, shared())
        self.env.globals.update(disclaimer_id=DISCLAIMER_ID, contact_id=CONTACT_ID)  # the footer's headings
        self.env.filters.update(mailto=mailto, tel=tel)  # href="{{ publisher.email | mailto }}": percent-encoded

    def render(self, template: str, language: Language, **context: Any) -> str:
        def prose(text: str, block: str = "") -> Markup:
            """Inline Markdown. A text not yet translated is shown in English, marked as English
            for screen readers, with a short note in the page's language saying so."""
            html = inline_markdown(text)
            lang = getattr(text, "lang", language.code)
            if lang != language.code:
                note = escape(interface(language, NOT_YET_TRANSLATED))
                html = Markup(f'{in_language(html, lang)} <span class="gd-untranslated">{note}</span>')
            return Markup(f"<{block}>{html}</{block}>") if block else html

        def profile_text(text: LocalText) -> Markup:
            """A publisher profile text (plain, not Markdown), marked when it is in another language."""
            return marked_text(text, text.lang, language.code)

        def plural_forms(singular: str, plural: str) -> dict[str, str]:
            """One message per plural category of the language (Welsh has six), for scripts that
            count: keys are Intl.PluralRules categories, ``{count}`` stands for the number."""
            return {category: language.interface_plural(singular, plural, n)
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
