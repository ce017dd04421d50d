"""Every Welsh page has a Welsh address, from the catalogue: the sheets, their comparison pages and
the hand-written pages of docs/cy/. Each English-slug address a Welsh page had leads on to the new
one, and every link in the site (toggle, footer, hreflang alternates, search index) goes straight
to the new address."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from conftest import copy_content, html_pages, is_redirect, mkdocs_build, page_text, parse
from sitelinks import is_external, links, target

SHEET_CY = "cy/gweithio-gydag-eraill/partneriaeth/"
# old address -> the Welsh address it leads to (the Welsh slugs are content_src/locale/cy's)
MOVED = {
    "cy/privacy/": "cy/preifatrwydd/",
    "cy/accessibility/": "cy/hygyrchedd/",
    "cy/host-your-own-copy/": "cy/cynnal-eich-copi-eich-hun/",
    f"{SHEET_CY}compare-checklist/": f"{SHEET_CY}cymharu-rhestr-wirio/",
    f"{SHEET_CY}compare-as-an-individual/": f"{SHEET_CY}cymharu-fel-unigolyn/",
    "cy/working-with-others/partnership/compare-checklist/": f"{SHEET_CY}cymharu-rhestr-wirio/",
    "cy/working-with-others/partnership/compare-as-an-individual/": f"{SHEET_CY}cymharu-fel-unigolyn/",
    "cy/working-with-others/partnership/": SHEET_CY,
}
CATALOGUE = "locale/cy/LC_MESSAGES/guidance.po"


def address(site: Path, file: Path) -> str:
    """``cy/preifatrwydd/index.html`` -> ``cy/preifatrwydd/``."""
    return file.relative_to(site).as_posix().removesuffix("index.html")


def language_pages(site: Path, lang: str) -> list[Path]:
    """The pages (not the redirect pages) whose <html lang> is ``lang``, less the 404 pages."""
    return [p for p in html_pages(site) if p.name != "404.html" and parse(p).html.get("lang") == lang]


def english_slugs(site: Path) -> set[str]:
    """Every part of the English pages' addresses: ``working-with-others``, ``privacy``, ..."""
    return {part for page in language_pages(site, "en") for part in address(site, page).split("/") if part}


def resolve(site: Path, page: Path, href: str) -> Path:
    url = urljoin("http://x/" + page.relative_to(site).as_posix(), href)
    path = url.removeprefix("http://x/").split("#")[0]
    return site / (path + "index.html" if path.endswith("/") or not path else path)


def refresh_target(page: Path) -> str:
    return re.search(r"url=(\S+)", parse(page).select_one('meta[http-equiv="refresh"]')["content"]).group(1)


def test_no_welsh_page_has_an_english_slug_in_its_address(site):
    english = english_slugs(site)
    assert {"privacy", "accessibility", "host-your-own-copy", "compare-checklist", "partnership"} <= english
    welsh = language_pages(site, "cy")
    assert len(welsh) == len(language_pages(site, "en")) >= 7
    mixed = {address(site, p): sorted(set(address(site, p).split("/")) & english) for p in welsh}
    assert {where: parts for where, parts in mixed.items() if parts} == {}
    assert {address(site, p) for p in welsh} >= set(MOVED.values())


@pytest.mark.parametrize("old", list(MOVED))
def test_an_old_welsh_address_leads_to_the_welsh_one(site, old):
    page = site / old / "index.html"
    assert is_redirect(page), old
    new = site / MOVED[old] / "index.html"
    assert new.is_file() and not is_redirect(new)
    soup = parse(page)
    assert resolve(site, page, refresh_target(page)) == new
    assert resolve(site, page, soup.select_one("a")["href"]) == new  # the link, for a browser that does not refresh
    assert soup.html["lang"] == "cy" and soup.select_one('meta[name="robots"]')["content"] == "noindex"
    # a page with no icon of its own makes the browser ask the host for /favicon.ico, a 404 in its console
    assert resolve(site, page, soup.select_one('link[rel="icon"]')["href"]) == site / "assets/favicon.svg"


def test_no_link_in_the_site_leads_to_an_old_address(site):
    """Links, hreflang alternates, the footer and the search indexes go to the pages themselves."""
    old = []
    for link in links(site):
        if is_external(link.url) or link.url.startswith("data:"):
            continue
        file, _fragment = target(site, link.page, link.url)
        if file.suffix == ".html" and file.is_file() and is_redirect(file) and not is_redirect(site / link.page):
            old.append(f"{link.page}: {link.url} ({link.element})")
    assert old == []


def test_the_toggle_leads_to_the_same_page_in_the_other_language_and_back(site):
    for lang, other in (("en", "cy"), ("cy", "en")):
        for page in language_pages(site, lang):
            there = resolve(site, page, parse(page).select_one(f"nav.gd-language-toggle a[hreflang={other}]")["href"])
            assert there.is_file() and not is_redirect(there), (page, there)
            assert parse(there).html["lang"] == other
            back = parse(there).select_one(f"nav.gd-language-toggle a[hreflang={lang}]")["href"]
            assert resolve(site, there, back) == page
    english = site / "privacy" / "index.html"
    assert resolve(site, english, parse(english).select_one("a[hreflang=cy]")["href"]) == site / "cy/preifatrwydd/index.html"


def test_the_welsh_footer_links_to_the_welsh_addresses(site):
    for page in language_pages(site, "cy"):
        footer = {page_text(a): resolve(site, page, a["href"]) for a in parse(page).select(".gd-site-footer__links a")}
        assert footer == {"Datganiad hygyrchedd": site / "cy/hygyrchedd/index.html",
                          "Preifatrwydd a chwcis": site / "cy/preifatrwydd/index.html"}, page


def test_a_translator_sets_a_welsh_address_in_the_catalogue(tmp_path):
    """A new slug moves the page, and its old addresses follow; a slug taken out of the catalogue
    gives the page its English name back, under its Welsh folders."""
    content = copy_content(tmp_path)
    catalogue = content / CATALOGUE
    text = catalogue.read_text(encoding="utf-8")
    text = text.replace('msgstr "preifatrwydd"', 'msgstr "polisi-preifatrwydd"')
    text = text.replace('msgstr "cymharu-rhestr-wirio"', 'msgstr ""')
    catalogue.write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(site, env={"GUIDANCE_CONTENT": str(content)})
    assert result.returncode == 0, result.stderr
    privacy = site / "cy/polisi-preifatrwydd/index.html"
    assert parse(privacy).html["lang"] == "cy" and page_text(parse(privacy).find("h1")) == "Preifatrwydd a chwcis"
    assert resolve(site, site / "cy/privacy/index.html", refresh_target(site / "cy/privacy/index.html")) == privacy
    home = site / "cy/index.html"
    assert resolve(site, home, parse(home).select(".gd-site-footer__links a")[1]["href"]) == privacy
    compare = site / SHEET_CY / "compare-checklist/index.html"
    assert not is_redirect(compare) and parse(compare).html["lang"] == "cy"
    assert not (site / SHEET_CY / "cymharu-rhestr-wirio").exists()
    sheet = site / SHEET_CY / "index.html"
    assert resolve(site, sheet, parse(sheet).select_one("a[href*=compare-checklist]")["href"]) == compare

