"""Page furniture as GOV.UK guidance pages have it, on every built page in every language."""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest

from conftest import copy_content, html_pages, mkdocs_build, page_text, parse
from sitelinks import target


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


SHEETS = {"en": "working-with-others/partnership/index.html", "cy": "cy/gweithio-gydag-eraill/partneriaeth/index.html"}
HOMES = {"en": "index.html", "cy": "cy/index.html"}
WORDS = {
    "en": {"home": "Home", "series": "3. Working with others", "sheet": "3.3 Partnership", "updated": "Last updated:",
           "date": "30 June 2017", "report": "Report a problem with this page", "address": "Page address:",
           "publisher": "Carmarthenshire Association of Voluntary Services", "not_found": "Page not found",
           "licence": "© WCVA, County Voluntary Councils and Volunteer Centres.", "other": "Cymraeg"},
    "cy": {"home": "Hafan", "series": "3. Gweithio gydag eraill", "sheet": "3.3 Partneriaeth", "updated": "Diweddarwyd ddiwethaf:",
           "date": "30 Mehefin 2017", "report": "Rhoi gwybod am broblem gyda'r dudalen hon", "address": "Cyfeiriad y dudalen:",
           "publisher": "Cymdeithas Gwasanaethau Gwirfoddol Sir Gâr", "not_found": "Tudalen heb ei chanfod",
           "licence": "© WCVA, Cynghorau Gwirfoddol Sirol a Chanolfannau Gwirfoddoli.", "other": "English"},
}


@pytest.mark.parametrize("lang", SHEETS)
def test_breadcrumbs_lead_home_then_to_the_series_then_name_the_sheet(site, lang):
    words, path = WORDS[lang], SHEETS[lang]
    soup = parse(site / path)
    crumbs = soup.select("article nav.gd-breadcrumbs li")
    assert [page_text(li) for li in crumbs] == [words["home"], words["series"], words["sheet"]]
    assert crumbs[-1]["aria-current"] == "page" and crumbs[-1].find("a") is None
    home, anchor = target(site, path, crumbs[0].a["href"])
    assert home == site / HOMES[lang]
    assert target(site, path, crumbs[1].a["href"]) == (home, "working-with-others")
    assert soup.select_one("article nav.gd-breadcrumbs").find_next("h1")  # above the title


@pytest.mark.parametrize("lang", SHEETS)
def test_last_updated_sits_under_the_title_as_text_and_machine_date(site, lang):
    words = WORDS[lang]
    soup = parse(site / SHEETS[lang])
    h1 = soup.select_one("article h1")
    metadata = h1.find_next("dl", class_="gd-metadata")
    assert metadata is not None and metadata.find_previous("h1") is h1
    assert page_text(metadata) == f"{words['updated']} {words['date']}"
    assert metadata.find("time")["datetime"] == "2017-06-30"


def test_review_due_shows_under_the_title_once_the_content_has_one(tmp_path):
    content = copy_content(tmp_path)
    site_yml = content / "site.yml"
    site_yml.write_text(site_yml.read_text(encoding="utf-8") + "review_after_months: 12\n", encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(site, env={"GUIDANCE_CONTENT": str(content)})
    assert result.returncode == 0, result.stderr
    for lang, label in (("en", "Review due: 30 June 2018"), ("cy", "I'w adolygu erbyn: 30 Mehefin 2018")):
        metadata = parse(site / SHEETS[lang]).select_one("article dl.gd-metadata")
        assert label in page_text(metadata)
        assert [t["datetime"] for t in metadata.find_all("time")] == ["2017-06-30", "2018-06-30"]


@pytest.mark.parametrize("lang", SHEETS)
def test_every_page_offers_to_report_a_problem_by_email_to_the_publisher(site, lang):
    """A mailto: link to the profile's address (the reader's own email program: nothing is sent to
    any other host), its subject and the page's address line in the page's language."""
    words = WORDS[lang]
    for path in built_pages(site):
        soup = parse(site / path)
        if soup.html["lang"] != lang:
            continue
        link = soup.select_one("footer.gd-site-footer a[data-gd-report]")
        assert link is not None and page_text(link) == words["report"], path
        address, query = link["href"].split("?")
        fields = parse_qs(query)
        assert address == "mailto:info@cavs.org.uk", path
        assert fields["subject"] == [words["report"]], path
        assert fields["body"] == [f"{words['address']} {page_path(path)}" if page_path(path) else words["address"]], path


def page_path(built: str) -> str:
    """The path of a built page from the site's root ("" for a 404 page, which has none of its own)."""
    return "" if built.endswith("404.html") else "/" + built.removesuffix("index.html")


def test_report_a_problem_names_the_page_without_javascript_when_the_site_address_is_set(tmp_path):
    """The build writes the page's full address into the email (the script may refine it, but a
    reader without JavaScript gets the page named too)."""
    site = tmp_path / "site"
    result = mkdocs_build(site, env={"GUIDANCE_SITE_URL": "https://guidance.example.org/sub/"})
    assert result.returncode == 0, result.stderr
    for lang in SHEETS:
        for path in (SHEETS[lang], HOMES[lang]):
            link = parse(site / path).select_one("footer.gd-site-footer a[data-gd-report]")
            body = parse_qs(link["href"].split("?")[1])["body"]
            assert body == [f"{WORDS[lang]['address']} https://guidance.example.org/sub{page_path(path)}"], path


@pytest.mark.parametrize("lang", SHEETS)
def test_titles_name_the_page_then_what_it_belongs_to_then_the_publisher(site, lang):
    words = WORDS[lang]
    title = {path: parse(site / path).title.get_text(strip=True)
             for path in (SHEETS[lang], HOMES[lang], "404.html" if lang == "en" else "cy/404.html")}
    assert title[SHEETS[lang]] == f"{words['sheet']} - {words['series']} - {words['publisher']}"
    assert title[HOMES[lang]].endswith(f" - {words['publisher']}")
    assert title["404.html" if lang == "en" else "cy/404.html"] == f"{words['not_found']} - {words['publisher']}"


@pytest.mark.parametrize("lang", SHEETS)
def test_404_page_has_the_language_toggle_to_the_other_home_page(site, lang):
    path = "404.html" if lang == "en" else "cy/404.html"
    soup = parse(site / path)
    assert page_text(soup.select_one("article h1")) == WORDS[lang]["not_found"]
    toggle = soup.select_one("nav.gd-language-toggle a")
    assert page_text(toggle) == WORDS[lang]["other"]
    other = "cy" if lang == "en" else "en"
    assert toggle["href"].rstrip("/").endswith("/cy") if other == "cy" else not toggle["href"].rstrip("/").endswith("cy")


@pytest.mark.parametrize("lang", SHEETS)
def test_header_names_the_publisher_once_in_one_link_home_with_no_generic_icon(site, lang):
    for path in (SHEETS[lang], HOMES[lang]):
        header = parse(site / path).select_one("header.md-header")
        assert page_text(header).count(WORDS[lang]["publisher"]) == 1, path
        home = header.select_one("a.gd-header__home")
        assert page_text(home) == WORDS[lang]["publisher"]
        assert home.find("svg") is None and home.find("img") is None  # the default profile has no logo
        assert target(site, path, home["href"])[0] == site / HOMES[lang]


@pytest.mark.parametrize("lang", SHEETS)
def test_every_page_ends_with_the_licence_line_from_site_yml(site, lang):
    for path in built_pages(site):
        soup = parse(site / path)
        if soup.html["lang"] == lang:
            assert page_text(soup.select_one("footer .gd-site-footer__licence")) == WORDS[lang]["licence"], path
