"""Every page in English and Welsh: same pages, toggles between them, Welsh all the way through."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from conftest import ROOT, html_pages, page_text, parse

MATERIAL_EN = Path(__import__("material").__file__).parent / "templates" / "partials" / "languages" / "en.html"


# Every Welsh page's address has Welsh slugs, from the catalogue.
SLUGS = {"working-with-others/partnership": "gweithio-gydag-eraill/partneriaeth",
         "compare-checklist": "cymharu-rhestr-wirio", "compare-as-an-individual": "cymharu-fel-unigolyn",
         "accessibility": "hygyrchedd", "host-your-own-copy": "cynnal-eich-copi-eich-hun", "privacy": "preifatrwydd"}


def pages(site: Path, lang: str) -> list[Path]:
    found = [p for p in html_pages(site) if not p.relative_to(site).parts[0] in ("assets", "search")]
    return [p for p in found if (p.relative_to(site).parts[0] == "cy") == (lang == "cy")]


def counterpart(site: Path, page: Path) -> Path:
    rel = page.relative_to(site).as_posix()
    if rel.startswith("cy/"):
        rel = rel.removeprefix("cy/")
        for english, welsh in SLUGS.items():
            rel = rel.replace(welsh, english)
        return site / rel
    for english, welsh in SLUGS.items():
        rel = rel.replace(english, welsh)
    return site / "cy" / rel


def resolve(site: Path, page: Path, href: str) -> Path:
    """The file a relative link on ``page`` leads to."""
    url = urljoin("http://x/" + page.relative_to(site).as_posix(), href)
    path = url.removeprefix("http://x/").split("#")[0]
    return site / (path + "index.html" if path.endswith("/") or not path else path)


def test_every_english_page_has_a_welsh_page_and_back(site):
    english, welsh = pages(site, "en"), pages(site, "cy")
    assert len(english) >= 3 and len(english) == len(welsh)
    assert {counterpart(site, p) for p in english} == set(welsh)


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_html_lang_is_the_pages_language(site, lang):
    for path in pages(site, lang):
        assert parse(path).html["lang"] == lang, path


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_toggle_and_alternates_lead_to_the_same_page_in_the_other_language(site, lang):
    other = "cy" if lang == "en" else "en"
    for path in pages(site, lang):
        if path.name == "404.html":
            continue
        page = parse(path)
        toggle = page.select_one(f"nav.gd-language-toggle a[hreflang={other}]")
        assert toggle is not None and toggle["lang"] == other, path
        assert resolve(site, path, toggle["href"]) == counterpart(site, path)
        assert page.select_one(f"nav.gd-language-toggle [aria-current][lang={lang}]") is not None
        alternates = {link["hreflang"]: resolve(site, path, link["href"]) for link in page.select("link[hreflang]")}
        english = path if lang == "en" else counterpart(site, path)
        assert alternates == {lang: path, other: counterpart(site, path), "x-default": english}


def english_interface_strings() -> set[str]:
    """What the theme and our templates say in English: none of it may be on a Welsh page."""
    from babel.messages.pofile import read_po
    catalogue = read_po((ROOT / "content_src/locale/guidance.pot").open("rb"))
    ours = {m.id for m in catalogue if m.id and not m.context and isinstance(m.id, str)}
    theirs = set(re.findall(r'"[a-z.]+": "([^"]+)"', MATERIAL_EN.read_text(encoding="utf-8")))
    ignored = {"en", "ltr", "stopWordFilter", r"[\\s\\-]+"}
    return {s for s in ours | theirs if s not in ignored and re.search(r"[A-Za-z]{2}", s)}


def welsh_visible_strings(page) -> list[str]:
    """Text and readable attributes of a Welsh page, leaving out passages marked as English."""
    for marked in page.select('[lang="en"]'):
        marked.decompose()
    for hidden in page.select("script, style"):
        hidden.decompose()
    strings = [" ".join(s.split()) for s in page.find_all(string=True) if s.strip()]
    for element in page.find_all(True):
        strings += [element[a] for a in ("aria-label", "title", "placeholder", "alt") if element.has_attr(a)]
    return strings


def test_no_english_interface_string_on_a_welsh_page(site):
    english = english_interface_strings()
    assert {"Information sheets", "Last updated:", "Search", "Back to top"} <= english
    for path in pages(site, "cy"):
        for text in welsh_visible_strings(parse(path)):
            leaks = [s for s in english if s == text or (" " in s and s in text)]
            assert not leaks, f"{path.relative_to(site)}: {leaks} in {text!r}"


def test_welsh_sheet_is_in_welsh_with_welsh_dates(site):
    page = parse(site / "cy/gweithio-gydag-eraill/partneriaeth/index.html")
    assert page_text(page.find("h1")) == "3.3 Partneriaeth"
    assert page.find("time")["datetime"] == "2017-06-30" and page_text(page.find("time")) == "30 Mehefin 2017"
    assert "Diweddarwyd ddiwethaf: 30 Mehefin 2017" in page_text(page)
    assert page_text(page.select_one(".gd-masthead__publisher")) == "Cymdeithas Gwasanaethau Gwirfoddol Sir Gâr"
    assert page.title.get_text(strip=True) == "3.3 Partneriaeth - 3. Gweithio gydag eraill - Cymdeithas Gwasanaethau Gwirfoddol Sir Gâr"


def test_english_title_inside_welsh_text_is_marked_english(site):
    page = parse(site / "cy/gweithio-gydag-eraill/partneriaeth/index.html")
    marked = page.select_one('#models ~ p span[lang="en"]')
    assert marked is not None and page_text(marked) == "A fruitful Partnership, effective partnership working"


def test_draft_translation_is_said_in_welsh_and_not_on_english_pages(site):
    notice = "Cyfieithiad drafft yw hwn: nid yw cyfieithydd cymwys wedi'i adolygu eto."
    assert notice in page_text(parse(site / "cy/gweithio-gydag-eraill/partneriaeth/index.html"))
    assert notice in page_text(parse(site / "cy/index.html"))
    assert parse(site / "working-with-others/partnership/index.html").select(".gd-notice--draft") == []


def test_404_page_in_both_languages(site):
    english, welsh = parse(site / "404.html"), parse(site / "cy/404.html")
    assert english.html["lang"] == "en" and page_text(english.find("h1")) == "Page not found"
    assert welsh.html["lang"] == "cy" and page_text(welsh.find("h1")) == "Tudalen heb ei chanfod"
    assert welsh.select_one("article a")["href"].endswith("/cy/")


def test_each_language_has_its_own_search_index_and_sitemap(site):
    import json
    english = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    welsh = json.loads((site / "cy/search/search_index.json").read_text(encoding="utf-8"))
    assert english["config"]["lang"] == ["en"] and welsh["config"]["lang"] == ["cy"]
    assert "stemmer" not in welsh["config"]["pipeline"] and "stopWordFilter" not in welsh["config"]["pipeline"]
    assert any("Osgoi dyblygu" in d["text"] for d in welsh["docs"])
    assert not any("Osgoi dyblygu" in d["text"] for d in english["docs"])
    assert not any("Avoiding duplication" in d["text"] for d in welsh["docs"])
    assert (site / "assets/javascripts/lunr/min/lunr.cy.min.js").exists()
    assert (site / "cy/sitemap.xml").exists()
