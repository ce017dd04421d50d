"""A series grows by content files alone, and a second council brands the whole site with one file."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES, ROOT, build_with_test_sheet, mkdocs_build, page_text, parse

CAVS_WORDS = ["Carmarthenshire Association of Voluntary Services", "Your local county voluntary council",
              "The Mount, 18 Queen Street", "1062144", "01267 245555", "01267245555", "01267 245550",
              "info@cavs.org.uk", "cavs.org.uk", "Carmarthenshire", "CAVS",
              "Cymdeithas Gwasanaethau Gwirfoddol Sir Gâr", "Eich cyngor gwirfoddol sirol lleol", "18 Heol y Frenhines",
              "Sir Gâr"]


def test_a_second_sheet_builds_from_content_files_and_is_listed_on_the_home_page(tmp_path):
    site = build_with_test_sheet(tmp_path, "3.1-small")
    home = parse(site / "index.html")
    links = [(page_text(a), a["href"]) for a in home.select(".gd-sheet-list__link")]
    assert links == [("3.1 Working with volunteers (test sheet)", "working-with-others/small-test-sheet/"),
                     ("3.3 Partnership", "working-with-others/partnership/")]
    small = parse(site / "working-with-others" / "small-test-sheet" / "index.html")
    assert page_text(small.find("h1")) == "3.1 Working with volunteers (test sheet)"
    assert small.select_one('[data-checklist="small-test-sheet/small-checklist"]') is not None
    assert small.find("time")["datetime"] == "2024-02-29"


def test_the_published_site_does_not_include_the_test_sheet(site):
    assert not (site / "working-with-others" / "small-test-sheet").exists()
    assert [page_text(a) for a in parse(site / "index.html").select(".gd-sheet-list__link")] == ["3.3 Partnership"]


def test_a_second_publisher_profile_changes_every_place_the_council_is_named(tmp_path):
    site = tmp_path / "site"
    result = mkdocs_build(site, env={"GUIDANCE_PUBLISHER": str(FIXTURES / "publisher-other.yml")})
    assert result.returncode == 0, result.stderr
    pages = [p for p in site.rglob("*.html")]
    assert len(pages) >= 3
    for path in [p for p in site.rglob("*") if p.suffix in (".html", ".json", ".js", ".css", ".xml")]:
        html = path.read_text(encoding="utf-8")
        for word in CAVS_WORDS:
            assert word not in html, f"{word!r} left in {path.relative_to(site)}"
    sheet = parse(site / "working-with-others" / "partnership" / "index.html")
    text = page_text(sheet)
    for word in ["Example County Voluntary Action", "Supporting example groups since 1999",
                 "1 Test Street, Exampletown, EX1 1EX", "Registered Charity: 9999999", "01000 000001",
                 "Fax: 01000 000002", "hello@example-cvc.org.uk", "example-cvc.org.uk"]:
        assert word in text
    assert sheet.title.get_text(strip=True) == "3.3 Partnership - 3. Working with others - Example County Voluntary Action"
    assert "mailto:hello@example-cvc.org.uk" in {a["href"] for a in sheet.find_all("a")}

    # Its brand colour, from a stylesheet of the site's own (no inline style), and its logo
    assert ":root{--gd-brand:#6a1b9a;--gd-brand-dark:#4a136c}" in (site / "assets" / "site.css").read_text()
    assert "assets/site.css" in [link["href"].removeprefix("../../") for link in sheet.select("link[rel=stylesheet]")]
    assert (site / "assets" / "brand" / "logo.svg").read_bytes() == (FIXTURES / "example-logo.svg").read_bytes()
    for where in (".md-header .md-logo img", ".gd-masthead img.gd-masthead__logo"):
        assert sheet.select_one(where)["src"] == "../../assets/brand/logo.svg", where
    assert parse(site / "index.html").select_one(".gd-masthead img.gd-masthead__logo")["src"] == "assets/brand/logo.svg"


def test_the_default_profile_has_no_logo_and_the_default_colour(site, sheet_page):
    assert (site / "assets" / "site.css").read_text().count("--gd-brand:") == 1  # the theme's default, no publisher's
    assert not (site / "assets" / "brand").exists()
    assert sheet_page.select_one(".gd-masthead__logo") is None
    assert sheet_page.select_one(".md-header .md-logo svg, .md-header .md-logo img") is None  # no generic icon


def test_home_page_lists_the_series_and_its_sheets(site):
    home = parse(site / "index.html")
    assert page_text(home.find("h1")) == "Information sheets"
    assert [page_text(h) for h in home.find("article").find_all("h2")] == ["3. Working with others"]


def test_a_useful_404_page(site):
    page = parse(site / "404.html")
    assert "not found" in page_text(page.find("h1")).lower()
    assert page.find("article").find("a", href=True) is not None


def test_search_index_has_the_sheet(site):
    import json
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    assert any(loc.startswith("working-with-others/partnership/") for loc in locations)
    assert any("Avoid possible duplication of administration." in doc["text"] for doc in index["docs"])
