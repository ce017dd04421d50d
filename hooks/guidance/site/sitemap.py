"""One sitemap per language, at that language's root.

Material's instant navigation reads ``sitemap.xml`` at the page's base (``cy/`` for Welsh pages on
an English-first site), so each sitemap lists its own language's pages: a link to the other
language is a full page load, which changes ``<html lang>``. Each entry names its translations and
the ``x-default`` page (the main language's) for search engines. A sitemap's addresses must be
absolute, so without the site's address (``site_url``) the sitemaps are written empty.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from markupsafe import escape  # XML's five characters as references (xml.sax.saxutils would import urllib.request: 9 ms)

HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n')


@dataclass(frozen=True)
class SitemapEntry:
    address: str
    alternates: tuple[tuple[str, str], ...]  # (hreflang, address), this page's own included
    default: str = ""                        # x-default: the page in the site's main language


def sitemap(entries: Iterable[SitemapEntry]) -> str:
    lines = [HEAD]
    for entry in entries:
        lines.append(f"  <url>\n    <loc>{escape(entry.address)}</loc>\n")
        links = list(entry.alternates) + ([("x-default", entry.default)] if entry.default and len(entry.alternates) > 1 else [])
        for hreflang, address in links:
            lines.append(f"    <xhtml:link rel=\"alternate\" hreflang=\"{escape(hreflang)}\" href=\"{escape(address)}\"/>\n")
        lines.append("  </url>\n")
    lines.append("</urlset>\n")
    return "".join(lines)
