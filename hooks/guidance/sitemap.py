"""One sitemap per language, at that language's root.

Material's instant navigation reads ``sitemap.xml`` at the page's base (``cy/`` for Welsh pages),
so each sitemap lists its own language's pages: a link to the other language is a full page load,
which changes ``<html lang>``. Each entry names its translations for search engines.
"""

from __future__ import annotations

from collections.abc import Iterable
from xml.sax.saxutils import quoteattr, escape

HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n')


def sitemap(site_url: str, pages: Iterable[tuple[str, dict[str, str]]]) -> str:
    """``pages``: (url, {language: url}) with URLs relative to the site root."""
    if not site_url:
        return HEAD + "</urlset>\n"
    base = site_url if site_url.endswith("/") else site_url + "/"
    lines = [HEAD]
    for url, alternates in pages:
        lines.append(f"  <url>\n    <loc>{escape(base + url)}</loc>\n")
        for code, other in alternates.items():
            lines.append(f"    <xhtml:link rel=\"alternate\" hreflang={quoteattr(code)} href={quoteattr(base + other)}/>\n")
        lines.append("  </url>\n")
    lines.append("</urlset>\n")
    return "".join(lines)
