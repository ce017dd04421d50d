"""The English site in a real browser: it loads cleanly, stays on its own host, and search works."""

from __future__ import annotations

from urllib.parse import urlsplit


def test_sheet_page_loads_without_errors_or_requests_to_other_hosts(page, site_url):
    errors, hosts = [], set()
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: hosts.add(urlsplit(r.url).netloc))
    page.goto(f"{site_url}/working-with-others/partnership/")
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text() == "3.3 Partnership"
    assert errors == []
    assert hosts == {urlsplit(site_url).netloc}
    assert page.context.cookies() == []


def test_search_finds_the_sheet_from_the_home_page(page, site_url):
    page.goto(f"{site_url}/")
    page.get_by_role("link", name="3.3 Partnership").wait_for()
    page.locator("label.md-header__button[for=__search]").click() if page.locator(".md-search__input").is_hidden() else None
    page.locator(".md-search__input").fill("duplication")
    result = page.locator(".md-search-result__item a").first
    result.wait_for()
    assert "partnership" in result.get_attribute("href")


def test_home_page_link_opens_the_sheet(page, site_url):
    page.goto(f"{site_url}/")
    page.get_by_role("link", name="3.3 Partnership").click()
    page.wait_for_url("**/working-with-others/partnership/")
    assert page.locator("h1").inner_text() == "3.3 Partnership"
