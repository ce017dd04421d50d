"""The content's inline Markdown: the one parser that reads it (which syntax a text may use, where it
links) and turns it into HTML.

Content is data: raw HTML is off and unsafe link schemes are refused.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.rules_core import StateCore
from markupsafe import Markup
from mdit_py_plugins.attrs import attrs_plugin

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
