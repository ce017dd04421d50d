"""The English site in a real browser: it loads cleanly, stays on its own host, and search works."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urljoin, urlsplit


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


def search(page, query: str) -> list[str]:
    """Type a query into the site's search as a person would; the result links, best first."""
    page.locator("label.md-header__button[for=__search]").click()
    field = page.locator(".md-search__input")
    field.press_sequentially(query, delay=30)
    page.wait_for_function("() => !/^(Type to start searching|Teipiwch i ddechrau chwilio)$/.test("
                           "document.querySelector('.md-search-result__meta').textContent.trim())")
    # Results follow each letter typed: read them once they have stopped changing.
    previous, results = None, []
    for _ in range(20):
        if results == previous:
            break
        previous = results
        page.wait_for_timeout(300)
        results = [a.get_attribute("href") for a in page.locator(".md-search-result__item > a").all()]
    return results


def test_search_finds_the_sheet_from_the_home_page(page, site_url):
    page.goto(f"{site_url}/")
    results = search(page, "duplication")
    assert results and all("/working-with-others/partnership/" in href for href in results)
    assert not any("/cy/" in href for href in results)


def test_home_page_link_opens_the_sheet(page, site_url):
    page.goto(f"{site_url}/")
    page.get_by_role("link", name="3.3 Partnership").click()
    page.wait_for_url("**/working-with-others/partnership/")
    assert page.locator("h1").inner_text() == "3.3 Partnership"


def test_report_a_problem_names_the_page_with_javascript_off(browser, site_url, sub_path_site):
    """Without JavaScript the email still names the page: its path on a site whose address is not
    set, its full address under /guidance/ where it is."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        for base, sheet, label in ((site_url, "working-with-others/partnership/", "Page address:"),
                                   (sub_path_site, "cy/gweithio-gydag-eraill/partneriaeth/", "Cyfeiriad y dudalen:")):
            page.goto(f"{base}/{sheet}")
            href = page.get_by_role("link", name=re.compile("Report a problem|Rhoi gwybod am broblem")).get_attribute("href")
            body = parse_qs(urlsplit(href).query)["body"][0]
            assert body.startswith(f"{label} ") and urljoin(page.url, body.removeprefix(f"{label} ")) == page.url
        assert "/guidance/" in body and body.startswith(f"{label} http")
    finally:
        context.close()
