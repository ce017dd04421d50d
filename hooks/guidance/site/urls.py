"""Where every page of a site lives: the one home of the site's URL rules.

The site's languages come in order: the first is the main language, served at the root; each
other lives under ``<code>/``. A page is named by its path within its language (``index`` for a
home page, ``working-with-others/partnership`` for a sheet); its URL, its file in the site and the
links between pages follow from that name and these rules alone.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import quote, urlencode, urlsplit

from ..language import SOURCE, TABLE

HOME = "index"


@dataclass(frozen=True)
class SiteUrls:
    """The URL rules of one build: its languages (main first) and its URL style."""

    languages: tuple[str, ...]
    directory_urls: bool = True  # False for a copy opened from disk: every link names its file

    @property
    def main(self) -> str:
        return self.languages[0]

    def root(self, lang: str) -> str:
        """Where a language's pages, search index, sitemap and 404 page live: ``""`` or ``cy/``."""
        return "" if lang == self.main else f"{lang}/"

    def url(self, lang: str, path: str) -> str:
        """The URL (relative to the site's root) of page ``path`` in ``lang``: ``cy/a/b/``."""
        return self.path_url(self.root(lang) + path)

    def path_url(self, path: str) -> str:
        """``a/b`` -> ``a/b/`` (or ``a/b.html``); ``a/index`` -> ``a/``."""
        if not self.directory_urls:
            return f"{path}.html"
        if posixpath.basename(path) == HOME:
            folder = posixpath.dirname(path)
            return f"{folder}/" if folder else ""
        return f"{path}/"

    def home(self, lang: str) -> str:
        return self.url(lang, HOME)

    def file_of(self, url: str) -> str:
        """The file a page URL is served from: ``a/b/`` -> ``a/b/index.html``."""
        return url + "index.html" if url.endswith("/") or not url else url

    def within_language(self, url: str, lang: str) -> str:
        """A page's URL relative to its language's root, where that language's search index lives."""
        root = self.root(lang)
        return url[len(root):] if url.startswith(root) else url

    def relative(self, target_url: str, source_url: str) -> str:
        """A link from the page at ``source_url`` to the page at ``target_url`` that works anywhere."""
        rel = posixpath.relpath("/" + target_url, "/" + _folder(source_url))
        if target_url.endswith("/") or not target_url:
            rel = rel.rstrip("/") + "/"
            if not self.directory_urls:
                rel += "index.html"
        return "./" if rel == "./" else rel

    def file_href(self, path: str, source_url: str) -> str:
        """A link from the page at ``source_url`` to a file of the site (``assets/brand/logo.svg``)."""
        return posixpath.relpath("/" + path, "/" + _folder(source_url))

    def absolute(self, site_url: str, url: str) -> str:
        """The full address of ``url`` on a site at ``site_url`` (sub-path included): printed
        under a handout, in sitemaps and hreflang links. Known only when the site's address is
        configured: ``""`` otherwise."""
        return f"{site_url.rstrip('/')}/{url}" if site_url else ""

    @staticmethod
    def docs_page(src_uri: str) -> tuple[str, str]:
        """(language, path) of a hand-written page in ``docs/``: pages in the source language
        (English) sit at the top of ``docs/``, each other language's in ``docs/<code>/``."""
        first, _, rest = src_uri.partition("/")
        stem = src_uri.removesuffix(".md")
        if rest and first != SOURCE.code and first in TABLE:
            return first, rest.removesuffix(".md")
        return SOURCE.code, stem


def _folder(url: str) -> str:
    """The folder a page's relative links start from."""
    return url if url.endswith("/") or not url else posixpath.dirname(url) + "/"


def display_url(url: str) -> str:
    """``https://www.cavs.org.uk/`` -> ``www.cavs.org.uk``, as the printed sheet shows it."""
    parts = urlsplit(url)
    return (parts.netloc + parts.path).rstrip("/")


def mailto(address: str, **fields: str) -> str:
    """A ``mailto:`` link to ``address`` with the given header fields (``subject``, ``body``):
    every character of each part that is not a letter, digit or ``@-._~`` percent-encoded
    (RFC 6068), so that no address or text can add a field, end the link or name another scheme."""
    query = urlencode({name: value for name, value in fields.items() if value}, quote_via=quote, safe="")
    return f"mailto:{quote(address, safe='@')}" + (f"?{query}" if query else "")


def tel(number: str) -> str:
    """A ``tel:`` link to ``number``: its white space taken out, every character but digits,
    ``+``, brackets and ``-._~`` percent-encoded."""
    return "tel:" + quote("".join(number.split()), safe="+()")
