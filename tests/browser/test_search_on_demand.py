"""Search loads only when a reader asks for it: a page view fetches neither the search worker nor
the index; opening search (tap or keyboard) fetches both, and search then works. Arriving from a
search result (?h=) highlights the word at once. Under the sample CSP and from disk the hosting
tests search too (tests/browser/test_hosting.py)."""

from __future__ import annotations

from playwright.sync_api import expect

SHEET = "working-with-others/partnership/"


def search_files(urls: list[str]) -> list[str]:
    return [u for u in urls if "/workers/search." in u or "search_index" in u]


def watched(page) -> list[str]:
    urls: list[str] = []
    page.on("request", lambda r: urls.append(r.url))
    return urls


def test_a_page_view_fetches_no_search_until_the_reader_opens_search(page, site_url):
    urls = watched(page)
    page.goto(f"{site_url}/{SHEET}")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    page.mouse.wheel(0, 600)                      # reading is not searching
    page.wait_for_timeout(300)
    assert search_files(urls) == []

    page.locator("label.md-header__button[for=__search]").click()
    page.locator(".md-search__input").press_sequentially("autonomy", delay=30)
    expect(page.locator(".md-search-result__item").first).to_contain_text("autonomy", timeout=15000)
    fetched = search_files(urls)
    assert any("/workers/search." in u for u in fetched) and any(u.endswith("search/search_index.json") for u in fetched)


def test_the_keyboard_shortcut_opens_search_and_it_works(page, site_url):
    urls = watched(page)
    page.goto(f"{site_url}/")
    page.wait_for_load_state("networkidle")
    assert search_files(urls) == []
    page.keyboard.press("/")                       # Material's shortcut focuses the search field
    page.keyboard.type("duplication", delay=30)
    expect(page.locator(".md-search-result__item").first).to_contain_text("duplication", timeout=15000)


def test_arriving_from_a_search_result_highlights_at_once(page, site_url):
    page.goto(f"{site_url}/{SHEET}?h=autonomy")
    expect(page.locator("mark[data-md-highlight]").first).to_have_text("autonomy", ignore_case=True, timeout=15000)


def test_welsh_search_loads_on_demand_and_finds_welsh_pages(page, site_url):
    urls = watched(page)
    page.goto(f"{site_url}/cy/")
    page.wait_for_load_state("networkidle")
    assert search_files(urls) == []
    page.locator("label.md-header__button[for=__search]").click()
    page.locator(".md-search__input").press_sequentially("partneriaeth", delay=30)
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15000)
    assert all("/cy/" in a.get_attribute("href") or not a.get_attribute("href").startswith("http")
               for a in page.locator(".md-search-result__item > a").all())
    assert any("/cy/search/search_index.json" in u for u in urls)
