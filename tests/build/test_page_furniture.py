"""Page furniture as GOV.UK guidance pages have it, on every built page in every language."""

from __future__ import annotations

import pytest

from conftest import html_pages, parse


def built_pages(site) -> list[str]:
    pages = [p.relative_to(site).as_posix() for p in html_pages(site)]
    assert pages
    return pages


def test_skip_link_goes_to_the_main_heading(site):
    """The skip link lands on the h1, the start of the main content, not past it."""
    for path in built_pages(site):
        if path.endswith("404.html"):
            continue
        soup = parse(site / path)
        skip = soup.select_one("a.md-skip")
        assert skip is not None, path
        h1 = soup.select("article h1")
        assert len(h1) == 1, path
        assert skip["href"] == f"#{h1[0]['id']}", path
