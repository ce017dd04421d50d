"""Languages are configuration: the same content built as [en, cy], [cy, en] (a Welsh-first copy)
and [en, cy, fr] (a third language with an almost empty catalogue). The first language lives at
the root, every other under /<code>/, and everything follows: pages, lang, the toggle, alternates,
sitemaps, 404 pages, search indexes, redirects from old addresses, previous and next."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin
from xml.etree import ElementTree

import pytest

from conftest import ROOT, SUB_PATH, Built, copy_content, html_pages, is_redirect, language_build, mkdocs_build, page_text, parse
from guidance.components.selfcheck import PROGRESS_URI
from guidance.components.selfcheck.checkins import PROGRESS_PLURALS, PROGRESS_STRINGS
from guidance.components.selfcheck.selfcheck import ANSWER_LABELS, PLURALS, STRINGS
from guidance.language import TABLE, facts_of

CONFIGURATIONS = {"en-cy": ("en", "cy"), "cy-en": ("cy", "en"), "en-cy-fr": ("en", "cy", "fr")}
SHEET = {"en": "working-with-others/partnership", "cy": "gweithio-gydag-eraill/partneriaeth",
         "fr": "working-with-others/partenariat"}  # fr: a slug for the sheet, none for the series
HOME_TITLE = {"en": "Information sheets", "cy": "Taflenni gwybodaeth", "fr": "Fiches d'information"}
SHEET_TITLE = {"en": "3.3 Partnership", "cy": "3.3 Partneriaeth", "fr": "3.3 Partenariat"}
DOCS = sorted(p.stem for p in (ROOT / "docs").glob("*.md"))
COMPARISONS = ("compare-as-an-individual", "compare-checklist")
# Each page's own slug, where a language's catalogue has one; a language without keeps the English
# (fr: none for the comparison and hand-written pages).
SLUGS = {"cy": {"compare-checklist": "cymharu-rhestr-wirio", "compare-as-an-individual": "cymharu-fel-unigolyn",
                "accessibility": "hygyrchedd", "host-your-own-copy": "cynnal-eich-copi-eich-hun", "privacy": "preifatrwydd"}}
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.fixture(scope="session")
def english_first_site(tmp_path_factory) -> Built:
    return language_build(tmp_path_factory, "english-first", "en,cy")


@pytest.fixture(params=list(CONFIGURATIONS), scope="module")
def built(request) -> tuple[Path, tuple[str, ...], str]:
    """(site folder, its languages, its address): one build per configuration for the whole run."""
    fixture = {"en-cy": "english_first_site", "cy-en": "welsh_first_site", "en-cy-fr": "three_language_site"}
    found = request.getfixturevalue(fixture[request.param])
    return found.site, CONFIGURATIONS[request.param], found.url


def root(code: str, languages: tuple[str, ...]) -> str:
    return "" if code == languages[0] else f"{code}/"


def slug(code: str, name: str) -> str:
    return SLUGS.get(code, {}).get(name, name)


def expected_pages(code: str, languages: tuple[str, ...]) -> dict[str, str]:
    """page name (its English slug) -> file in the site, for one language."""
    base = root(code, languages)
    pages = {"home": f"{base}index.html", "sheet": f"{base}{SHEET[code]}/index.html", "404": f"{base}404.html"}
    pages |= {name: f"{base}{SHEET[code]}/{slug(code, name)}/index.html" for name in COMPARISONS}
    pages |= {name: f"{base}{slug(code, name)}/index.html" for name in DOCS}
    return pages


def language_of(path: str, languages: tuple[str, ...]) -> str:
    first = path.split("/", 1)[0]
    return first if first in languages[1:] and "/" in path else languages[0]


def resolve(site: Path, page: Path, href: str) -> Path:
    url = urljoin("http://x/" + page.relative_to(site).as_posix(), href)
    path = url.removeprefix("http://x/").split("#")[0]
    return site / (path + "index.html" if path.endswith("/") or not path else path)


def address(site_url: str, relative: str) -> str:
    """The full address of a file of the site (``a/index.html`` -> ``http://.../sub/a/``)."""
    return site_url + relative.removesuffix("index.html")


def test_every_language_has_every_page_and_nothing_else(built):
    site, languages, site_url = built
    expected = {file for code in languages for file in expected_pages(code, languages).values()}
    found = {p.relative_to(site).as_posix() for p in html_pages(site)}
    assert found == expected
    per_language = {code: sum(1 for f in found if language_of(f, languages) == code) for code in languages}
    assert set(per_language.values()) == {len(DOCS) + 5}, per_language


def test_the_main_language_is_at_the_root(built):
    site, languages, site_url = built
    home = parse(site / "index.html")
    assert home.html["lang"] == TABLE[languages[0]].hreflang
    assert page_text(home.find("h1")) == HOME_TITLE[languages[0]]
    assert page_text(parse(site / f"{languages[1]}/index.html").find("h1")) == HOME_TITLE[languages[1]]


def test_every_page_says_its_language_and_direction(built):
    site, languages, site_url = built
    for path in html_pages(site):
        code = language_of(path.relative_to(site).as_posix(), languages)
        page = parse(path)
        assert page.html["lang"] == TABLE[code].hreflang, path
        assert page.body["dir"] == TABLE[code].direction, path


@pytest.mark.parametrize("name", ["home", "sheet", *COMPARISONS, *DOCS])
def test_toggle_and_alternates_lead_to_the_same_page_in_each_language(built, name):
    site, languages, site_url = built
    files = {code: expected_pages(code, languages)[name] for code in languages}
    for code, file in files.items():
        page = parse(site / file)
        toggle = {a["hreflang"]: a for a in page.select("nav.gd-language-toggle a")}
        assert set(toggle) == set(languages) - {code}
        for other, link in toggle.items():
            assert link["lang"] == other and link.has_attr("data-gd-translation")
            assert page_text(link) == TABLE[other].name
            assert resolve(site, site / file, link["href"]) == site / files[other]
        current = page.select_one("nav.gd-language-toggle [aria-current]")
        assert current["lang"] == code and page_text(current) == TABLE[code].name
        alternates = [(link["hreflang"], link["href"]) for link in page.select("link[hreflang]")]
        assert alternates == [(c, address(site_url, files[c])) for c in languages] + [("x-default", address(site_url, files[languages[0]]))]


def test_each_language_has_a_sitemap_of_its_pages_with_absolute_addresses(built):
    site, languages, site_url = built
    for code in languages:
        tree = ElementTree.parse(site / root(code, languages) / "sitemap.xml")
        listed = [loc.text for loc in tree.findall("s:url/s:loc", NS)]
        pages = expected_pages(code, languages)
        assert sorted(listed) == sorted(address(site_url, file) for name, file in pages.items() if name != "404")
        for url in tree.findall("s:url", NS):
            links = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
            assert set(links) == {*languages, "x-default"}
            assert links[code] == url.find("s:loc", NS).text
            assert all(href.startswith(site_url) for href in links.values())
            assert links["x-default"] == links[languages[0]]


def test_each_language_has_its_404_page_with_search_and_home_in_that_language(built):
    site, languages, site_url = built
    for code in languages:
        page = parse(site / root(code, languages) / "404.html")
        assert page.html["lang"] == code
        config = json.loads(page.select_one("#__config").string)
        assert config["base"] == f"/{SUB_PATH}/{root(code, languages)}"  # never //cy/: the host would be "cy"
        assert page.select_one("article a")["href"] == f"/{SUB_PATH}/{root(code, languages)}"
        assert page.select_one("a.md-logo")["href"] == f"/{SUB_PATH}/{root(code, languages)}"


def test_each_language_has_its_search_index_with_its_pipeline(built):
    site, languages, site_url = built
    for code in languages:
        index = json.loads((site / root(code, languages) / "search/search_index.json").read_text(encoding="utf-8"))
        facts = TABLE[code]
        assert index["config"]["lang"] == [facts.search.lunr]
        assert index["config"]["pipeline"] == list(facts.search.keep)
        locations = {d["location"].split("#")[0] for d in index["docs"]}
        base = site / root(code, languages)
        assert all(resolve(site, base / "index.html", location).is_file() for location in locations), locations
        assert f"{SHEET[code]}/" in locations


def test_the_logo_and_previous_and_next_stay_in_the_page_language(built):
    site, languages, site_url = built
    for code in languages:
        pages = expected_pages(code, languages)
        for name, file in pages.items():
            page = parse(site / file)
            if name != "404":
                assert resolve(site, site / file, page.select_one("a.md-logo")["href"]) == site / pages["home"], file
            for rel in ("prev", "next"):
                link = page.select_one(f'link[rel="{rel}"]')
                if link:
                    target = resolve(site, site / file, link["href"]).relative_to(site).as_posix()
                    assert language_of(target, languages) == code, (file, rel, target)
        sheet = parse(site / pages["sheet"])
        assert resolve(site, site / pages["sheet"], sheet.select_one('link[rel="prev"]')["href"]) == site / pages["home"]


def test_an_old_address_leads_to_the_page_in_its_language(built):
    """Before the slugs were translated the Welsh sheet was at cy/working-with-others/partnership/,
    its comparison pages at .../partneriaeth/compare-checklist/ and its hand-written pages at
    cy/privacy/ and the like; before a Welsh-first site put Welsh at the root, its pages were under cy/."""
    site, languages, site_url = built
    roots = [root("cy", languages)] + (["cy/"] if languages[0] == "cy" else [])
    old = [(f"{base}working-with-others/partnership/index.html", "sheet") for base in roots]
    old += [(f"{base}{SHEET['cy']}/{name}/index.html", name) for base in roots for name in COMPARISONS]
    old += [(f"{base}{name}/index.html", name) for base in roots for name in DOCS]
    if languages[0] == "cy":
        old.append(("cy/gweithio-gydag-eraill/partneriaeth/index.html", "sheet"))
    for file, name in old:
        assert is_redirect(site / file), file
        page = parse(site / file)
        target = re.search(r"url=(\S+)", page.select_one('meta[http-equiv="refresh"]')["content"]).group(1)
        assert resolve(site, site / file, target) == site / expected_pages("cy", languages)[name]
        assert page.html["lang"] == "cy" and page.select_one('link[rel="canonical"]')["href"].startswith(site_url)
        assert page.select_one('meta[name="robots"]')["content"] == "noindex"


def test_a_third_language_with_an_empty_catalogue_is_honest(three_language_site):
    site = three_language_site.site
    page = parse(site / "fr" / SHEET["fr"] / "index.html")
    assert page_text(page.find("h1")) == SHEET_TITLE["fr"]  # the one sheet text the catalogue has
    item = page.select_one("li#autonomy")
    assert page_text(item.select_one('[lang="en"]')) == "You may lose autonomy."
    assert page_text(item.select_one(".gd-untranslated")) == "(pas encore disponible dans cette langue)"
    assert page_text(page.select_one(".gd-masthead__publisher [lang=en]")) == "Carmarthenshire Association of Voluntary Services"
    assert page_text(page.select_one(".gd-updated time")) == "30 juin 2017"  # dates from Babel, in French
    checklist = page.select_one("[data-sc-months]")
    assert checklist["data-sc-months"].split("|")[10] == "novembre" and checklist["data-sc-locale"] == "fr"
    written = parse(site / "fr" / "privacy" / "index.html")
    assert written.html["lang"] == "fr"
    assert page_text(written.select_one("article [lang=en] h1")) == "Privacy and cookies"
    note = written.select_one(".gd-notice--untranslated")
    assert note.select_one("[lang=en]") is not None  # the note is not in the catalogue yet: English, marked


def test_the_welsh_first_site_says_welsh_dates_and_names(welsh_first_site):
    page = parse(welsh_first_site.site / SHEET["cy"] / "index.html")
    assert page_text(page.select_one(".gd-updated time")) == "30 Mehefin 2017"
    assert page.select_one("[data-sc-months]")["data-sc-months"].split("|")[10] == "Tachwedd"
    assert page.title.get_text(strip=True) == "3.3 Partneriaeth - 3. Gweithio gydag eraill - Cymdeithas Gwasanaethau Gwirfoddol Sir Gâr"


def test_interface_strings_not_yet_in_the_third_languages_catalogue_are_marked_english(three_language_site):
    site = three_language_site.site
    page = parse(site / "fr" / SHEET["fr"] / "index.html")
    assert page_text(page.select_one(".gd-updated [lang=en]")) == "Last updated:"
    assert page_text(page.select_one(".gd-contents__title [lang=en]")) == "Contents"
    assert page_text(parse(site / "fr" / "index.html").find("h1")) == "Fiches d'information"  # translated: not marked
    assert parse(site / "fr" / "index.html").select_one("h1 [lang]") is None
    not_found = parse(site / "fr" / "404.html")
    assert page_text(not_found.select_one("h1 [lang=en]")) == "Page not found"
    for path in html_pages(site):  # the marks never reach an attribute or the page's title
        html = path.read_text(encoding="utf-8")
        assert "\ue000" not in html and "\ue001" not in html, path
        assert "<span" not in parse(path).title.get_text(), path
    welsh = parse(site / "cy" / SHEET["cy"] / "index.html")  # a complete catalogue: nothing marked
    assert welsh.select(".gd-updated [lang], .gd-contents__title [lang]") == []


def english_attributes(element) -> set[str]:
    return set(element.get("data-gd-english", "").split())


def test_strings_for_scripts_not_yet_in_the_third_languages_catalogue_are_named_english(three_language_site):
    """A script's strings come in data-* attributes: those still in English are named on their
    element (data-gd-english), so the script marks what it writes with them as English."""
    site = three_language_site.site
    sheet = parse(site / "fr" / SHEET["fr"] / "index.html")
    strings = sheet.select_one("script[data-sc-locale]")
    english = english_attributes(strings)
    assert {"data-sc-partly", "data-sc-print", "data-sc-overall-one", "data-sc-overall-other"} <= english
    assert {"data-sc-yes", "data-sc-add-note", "data-sc-group-one", "data-sc-group-other", "data-sc-locale"} & english == set()
    keys = {*STRINGS, *ANSWER_LABELS} | {f"{name}-{category}" for name in PLURALS for category in ("one", "other")}
    assert english == {f"data-sc-{key}" for key in keys} - {"data-sc-yes", "data-sc-add-note", "data-sc-group-one", "data-sc-group-other"}
    compare = parse(site / "fr" / SHEET["fr"] / "compare-checklist" / "index.html").select_one("[data-compare]")
    assert {"data-cp-partly", "data-cp-note", "data-cp-summary-one"} <= english_attributes(compare)
    assert {"data-cp-yes", "data-cp-locale", "data-cp-months"} & english_attributes(compare) == set()
    for path in html_pages(site / "cy") + html_pages(site / "working-with-others"):  # complete catalogues
        assert parse(path).select("[data-gd-english]") == [], path


def test_the_progress_scripts_strings_not_yet_in_the_third_languages_catalogue_are_named_english(three_language_site):
    """The check-ins' and results' script is given its strings as data, by locale (the file's line
    before its last): each language's names the keys of those still in English (under
    data-gd-english), so the script marks what it writes with them as English."""
    data = json.loads((three_language_site.site / PROGRESS_URI).read_text(encoding="utf-8").rsplit("\n", 3)[1])
    french, welsh, english = (data[facts_of(code).browser_locale] for code in ("fr", "cy", "en"))
    named = set(french["data-gd-english"].split())
    assert french["checkins-delete"] == "Supprimer ce bilan" and "checkins-delete" not in named  # the one the catalogue has
    assert french["checkins-recorded"] == "Check-in recorded: {date}." and "checkins-recorded" in named
    keys = set(PROGRESS_STRINGS) | {f"{name}-{category}" for name in PROGRESS_PLURALS for category in ("one", "other")}
    assert named == keys - {"checkins-delete"}
    assert welsh["data-gd-english"] == english["data-gd-english"] == ""  # complete catalogues


@pytest.mark.parametrize("key, slug, message", [
    ("site.working-with-others.slug", "Gweithio Gydag Eraill",
     "expected a slug in kebab-case (lower-case letters, digits and hyphens), got 'Gweithio Gydag Eraill'"),
    ("partnership.slug", "assets", "'assets' is the name of one of the site's own pages or folders; choose another id"),
    ("docs/privacy.slug", "Preifatrwydd", "expected a slug in kebab-case (lower-case letters, digits and hyphens), got 'Preifatrwydd'"),
    ("docs/privacy.slug", "gweithio-gydag-eraill",
     "duplicate slug 'gweithio-gydag-eraill' (also used by site.working-with-others.slug): two pages would share one address"),
    ("partnership.checklist.slug", "cymharu-fel-unigolyn",
     "duplicate slug 'cymharu-fel-unigolyn' (also used by partnership.as-an-individual.slug): two pages would share one address"),
])
def test_a_slug_that_cannot_be_an_address_is_refused_with_its_line(tmp_path, key, slug, message):
    """Every page's slug (a series', a sheet's, a comparison page's, a hand-written page's)."""
    content = copy_content(tmp_path)
    catalogue = content / "locale/cy/LC_MESSAGES/guidance.po"
    lines = catalogue.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(n for n, row in enumerate(lines) if row == f'msgctxt "{key}"\n')
    lines[at + 2] = f'msgstr "{slug}"\n'
    catalogue.write_text("".join(lines), encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(site, env={"GUIDANCE_CONTENT": str(content)})
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert f"content_src/locale/cy/LC_MESSAGES/guidance.po:{at + 2}: {key}: {message}" in result.stderr  # the line of its msgid
    assert not site.exists()
