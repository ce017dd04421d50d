"""The accessibility statement: reachable from the foot of every page, in that page's language."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT, page_text, parse, html_pages
from sitelinks import target


def test_every_page_links_to_the_statement_in_its_own_language(site):
    for path in html_pages(site):
        page = path.relative_to(site).as_posix()
        soup = parse(path)
        links = soup.select("footer.gd-site-footer a[href]")
        assert links, f"{page}: no link in the site footer"
        statement, _ = target(site, page, links[0]["href"])
        assert statement.is_file(), f"{page}: {links[0]['href']}"
        assert parse(statement).html["lang"] == soup.html["lang"], page


STATEMENTS = {
    "accessibility": ("Accessibility statement", "axe-core (version {axe})",
                      "WCAG) 2.0, 2.1 and 2.2, levels A and AA", "JavaScript switched on and switched off",
                      "Nu Html Checker", "320 pixels wide"),
    "cy/accessibility": ("Datganiad hygyrchedd", "axe-core (fersiwn {axe})",
                         "(WCAG) 2.0, 2.1 a 2.2, lefelau A ac AA", "JavaScript wedi'i droi ymlaen ac wedi'i ddiffodd",
                         "Nu Html Checker", "320 picsel o led"),
}


@pytest.mark.parametrize("path", STATEMENTS)
def test_statement_says_what_was_tested_and_how(site, path):
    axe = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]["axe-core"]
    title, *facts = STATEMENTS[path]
    text = page_text(parse(site / path / "index.html").find("article"))
    assert text.startswith(title)
    for words in facts:
        assert words.format(axe=axe) in text
