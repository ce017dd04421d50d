"""Turn the localised model into HTML: one Jinja environment, one Markdown parser.

This is the only place markup is made. Content is data: Markdown is parsed with raw HTML off and
unsafe link schemes refused, and everything else passes through Jinja's autoescaping.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from babel.dates import format_date
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markdown_it import MarkdownIt
from mdit_py_plugins.attrs import attrs_plugin
from markupsafe import Markup, escape

from .language import Language, LocalText

TEMPLATES = Path(__file__).parent / "templates"
LOCALES = {"en": "en_GB", "cy": "cy"}

# "js-default": no raw HTML, no typographer; javascript:, vbscript: and data: links are refused.
# One extension: `[words]{lang=en}` marks a passage in another language (only `lang` is allowed).
_markdown = MarkdownIt("js-default").use(attrs_plugin, after=("span_close",), spans=True, allowed=("lang",))


def inline_markdown(text: str) -> Markup:
    return Markup(_markdown.renderInline(str(text)))


def long_date(value: date, lang: str) -> str:
    """'30 June 2017' / '30 Mehefin 2017'."""
    return format_date(value, "d MMMM y", locale=LOCALES.get(lang, lang))


class Renderer:
    """Renders pages in one language; ``page_lang`` decides which texts need a ``lang`` mark."""

    def __init__(self) -> None:
        self.env = Environment(
            loader=FileSystemLoader(TEMPLATES),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            extensions=["jinja2.ext.i18n"],
        )

    def render(self, template: str, language: Language, **context: Any) -> str:
        def prose(text: str, block: str = "") -> Markup:
            """Inline Markdown; a passage in another language carries its own lang attribute."""
            html = inline_markdown(text)
            lang = getattr(text, "lang", language.code)
            if lang == language.code:
                return Markup(f"<{block}>{html}</{block}>") if block else html
            tag = block or "span"
            return Markup(f'<{tag} lang="{escape(lang)}">{html}</{tag}>')

        return self.env.get_template(template).render(
            prose=prose,
            lang=language.code,
            _=language.gettext,
            gettext=language.gettext,
            ngettext=language.ngettext,
            long_date=lambda value: long_date(value, language.code),
            fallback=lambda text: isinstance(text, LocalText) and text.lang != language.code,
            **context,
        )
