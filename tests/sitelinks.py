"""The links of a built site: which ones stay inside it, where they lead, and which leave it.

Used by tests/build/test_links.py (internal links and anchors must resolve) and by
scripts/external-links (the links to other sites, listed for a person to review).
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

LINK_ATTRS = {"a": "href", "area": "href", "link": "href", "script": "src", "img": "src",
              "source": "src", "iframe": "src", "form": "action"}


@dataclass(frozen=True)
class Link:
    page: str      # the page it is on, relative to the site folder
    url: str       # as written
    element: str   # tag or file kind it came from


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


@cache
def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def links(site: Path) -> Iterator[Link]:
    """Every URL the site's pages, stylesheets and search indexes point to."""
    for path in pages(site):
        page = path.relative_to(site).as_posix()
        for tag, attr in LINK_ATTRS.items():
            for element in _soup(path).find_all(tag, attrs={attr: True}):
                yield Link(page, element[attr], tag)
    for path in sorted(site.rglob("*.css")):
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", path.read_text(encoding="utf-8")):
            yield Link(path.relative_to(site).as_posix(), url, "css")
    for path in sorted(site.rglob("search_index.json")):
        # Material's index: each location is relative to the folder that holds search/.
        base = path.parent.parent.relative_to(site).as_posix()
        for doc in json.loads(path.read_text(encoding="utf-8")).get("docs", []):
            yield Link(posixpath.join(base, "index.html") if base != "." else "index.html", doc["location"], "search")


def is_external(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme or parts.netloc) and parts.scheme != "data"


def target(site: Path, page: str, url: str, root_path: str = "/") -> tuple[Path, str]:
    """The file an internal ``url`` on ``page`` leads to, and its #fragment (unquoted)."""
    parts = urlsplit(url)
    if not parts.path:
        path = page
    elif parts.path.startswith("/"):
        path = posixpath.relpath(posixpath.normpath(unquote(parts.path)) + "/", root_path)
    else:
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
    file = site / path
    if file.is_dir() or parts.path.endswith("/"):
        file = file / "index.html"
    return file, unquote(parts.fragment)


def ids(file: Path) -> set[str]:
    soup = _soup(file)
    return {e["id"] for e in soup.find_all(id=True)} | {e["name"] for e in soup.find_all("a", attrs={"name": True})}


def broken_links(site: Path, root_path: str = "/") -> list[str]:
    """Internal links whose file or #anchor does not exist, as ``page: url (why)``."""
    problems = []
    for link in links(site):
        if is_external(link.url) or link.url.startswith("data:"):
            continue
        file, fragment = target(site, link.page, link.url, root_path)
        if not file.resolve().is_relative_to(site.resolve()):
            problems.append(f"{link.page}: {link.url} (leaves the site)")
        elif not file.is_file():
            problems.append(f"{link.page}: {link.url} (no file {file.relative_to(site).as_posix()})")
        elif fragment and file.suffix == ".html" and fragment not in ids(file):
            problems.append(f"{link.page}: {link.url} (no id '{fragment}' in {file.relative_to(site).as_posix()})")
    return problems


def external_links(site: Path) -> dict[str, list[str]]:
    """Every link to another site (or mailto:, tel:), with the pages it is on."""
    found: dict[str, list[str]] = {}
    for link in links(site):
        if is_external(link.url) and link.page not in found.setdefault(link.url, []):
            found[link.url].append(link.page)
    return dict(sorted(found.items()))
