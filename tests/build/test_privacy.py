"""No request to any other host, no cookies, no analytics: checked in the built files."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from conftest import parse

RESOURCE_ATTRS = {"script": "src", "link": "href", "img": "src", "iframe": "src", "source": "src",
                  "video": "src", "audio": "src", "object": "data", "embed": "src"}


def test_pages_load_nothing_from_another_host(site):
    for path in site.rglob("*.html"):
        page = parse(path)
        for tag, attr in RESOURCE_ATTRS.items():
            for element in page.find_all(tag):
                value = element.get(attr, "")
                if tag == "link" and set(element.get("rel", [])) & {"alternate", "canonical"}:
                    continue
                assert not urlsplit(value).netloc, f"{path.name}: <{tag} {attr}={value}>"
        assert "fonts.googleapis.com" not in path.read_text(encoding="utf-8")


def test_stylesheets_import_nothing_from_another_host(site):
    for path in site.rglob("*.css"):
        css = path.read_text(encoding="utf-8")
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", css) + re.findall(r"@import\s+['\"]([^'\"]+)", css):
            assert not urlsplit(url).netloc or url.startswith("data:"), f"{path.name}: {url}"


def test_no_analytics_or_cookies_in_our_pages(site):
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "document.cookie" not in html and "gtag(" not in html and "googletagmanager" not in html
