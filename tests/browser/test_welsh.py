"""The Welsh site in a real browser: Welsh search, the language toggle, and a site under a sub-path."""

from __future__ import annotations

import pytest

from browser.test_site import search

SHEET = "working-with-others/partnership/"
WELSH_SHEET = "gweithio-gydag-eraill/partneriaeth/"  # Welsh slugs, from the catalogue


@pytest.mark.parametrize("word", ["partneriaeth", "bartneriaeth", "mhartneriaeth", "phartneriaeth"])
def test_welsh_search_finds_the_welsh_sheet_whatever_the_mutation(page, site_url, word):
    page.goto(f"{site_url}/cy/")
    results = search(page, word)
    assert results, f"nothing found for {word}"
    assert all(href.startswith(f"{site_url}/cy/") for href in results)
    assert any(f"/cy/{WELSH_SHEET}" in href for href in results)


def test_welsh_search_finds_only_welsh_and_english_only_english(page, site_url):
    page.goto(f"{site_url}/cy/")
    assert search(page, "duplication") == []  # an English word: not in the Welsh index
    page.goto(f"{site_url}/cy/")
    assert any(f"/cy/{WELSH_SHEET}" in href for href in search(page, "dyblygu"))
    page.goto(f"{site_url}/")
    assert search(page, "dyblygu") == []


def test_welsh_search_folds_accents(page, site_url):
    page.goto(f"{site_url}/cy/")
    assert any(f"/cy/{WELSH_SHEET}" in href for href in search(page, "polisiau"))  # polisïau


def test_toggle_goes_to_the_same_page_in_the_other_language_under_a_sub_path(page, sub_path_site):
    page.goto(f"{sub_path_site}/{SHEET}")
    page.get_by_role("link", name="Cymraeg").click()
    page.wait_for_url(f"{sub_path_site}/cy/{WELSH_SHEET}")
    assert page.locator("html").get_attribute("lang") == "cy"
    assert page.locator("h1").inner_text() == "3.3 Partneriaeth"
    page.get_by_role("link", name="English").click()
    page.wait_for_url(f"{sub_path_site}/{SHEET}")
    assert page.locator("html").get_attribute("lang") == "en"
    hreflang = page.evaluate("() => [...document.querySelectorAll('link[hreflang]')].map(l => l.hreflang + ' ' + l.getAttribute('href'))")
    assert hreflang == [f"en {sub_path_site}/{SHEET}", f"cy {sub_path_site}/cy/{WELSH_SHEET}", f"x-default {sub_path_site}/{SHEET}"]


def test_instant_navigation_stays_in_the_page_language(page, sub_path_site):
    page.goto(f"{sub_path_site}/cy/")
    page.get_by_role("link", name="3.3 Partneriaeth").click()
    page.wait_for_url(f"{sub_path_site}/cy/{WELSH_SHEET}")
    assert page.locator("html").get_attribute("lang") == "cy"
    page.get_by_role("link", name="English").click()
    page.wait_for_url(f"{sub_path_site}/{SHEET}")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "3.3 Partnership"


def test_missing_page_under_a_sub_path_links_home_in_its_language(page, sub_path_site):
    for prefix, home in [("", "Go to the list of information sheets"), ("cy/", "Ewch i'r rhestr o daflenni gwybodaeth")]:
        page.goto(f"{sub_path_site}/{prefix}404.html")
        page.get_by_role("link", name=home).click()
        page.wait_for_url(f"{sub_path_site}/{prefix}")


def test_search_works_on_the_welsh_404_page(page, site_url):
    """Its search index is the Welsh one at /cy/, not //cy/ (which would ask a host called "cy")."""
    page.goto(f"{site_url}/cy/404.html")
    results = search(page, "partneriaeth")
    assert any(href.startswith(f"{site_url}/cy/{WELSH_SHEET}") for href in results), results


def test_the_toggle_keeps_the_fragment_and_the_welsh_logo_leads_home_in_welsh(page, site_url):
    page.set_viewport_size({"width": 1280, "height": 800})  # the header shows its logo on wider screens
    page.goto(f"{site_url}/{SHEET}#checklist")
    page.get_by_role("link", name="Cymraeg").click()
    page.wait_for_url(f"{site_url}/cy/{WELSH_SHEET}#checklist")
    page.locator("a.md-logo").click()
    page.wait_for_url(f"{site_url}/cy/")
    assert page.locator("html").get_attribute("lang") == "cy"
