"""The built comparison pages: one per self-check per language, what they say without JavaScript,
the questions they compare, their strings in the page's language, and the script only they load."""

from __future__ import annotations

import posixpath

import pytest

from conftest import page_text, parse, html_pages

PAGES = {
    ("en", "checklist"): "working-with-others/partnership/compare-checklist/index.html",
    ("en", "as-an-individual"): "working-with-others/partnership/compare-as-an-individual/index.html",
    ("cy", "checklist"): "cy/gweithio-gydag-eraill/partneriaeth/cymharu-rhestr-wirio/index.html",
    ("cy", "as-an-individual"): "cy/gweithio-gydag-eraill/partneriaeth/cymharu-fel-unigolyn/index.html",
}
# data-cp-* values that are the same in every language: codes, not words.
CODES = {"data-compare", "data-cp-answers", "data-cp-todo", "data-cp-partner", "data-cp-started", "data-cp-date"}


def resolve(site, page: str, href: str):
    return site / posixpath.normpath(posixpath.join(posixpath.dirname(page), href))


@pytest.mark.parametrize("key", PAGES, ids=["-".join(k) for k in PAGES])
def test_every_self_check_has_a_comparison_page_in_every_language(site, key):
    soup = parse(site / PAGES[key])
    lang, section = key
    assert soup.html["lang"] == lang
    root = soup.select_one("[data-compare]")
    assert root["data-compare"] == f"partnership/{section}"
    assert len(soup.find_all("h1")) == 1
    script = soup.select_one('script[src$="assets/compare.js"]')
    styles = soup.select_one('link[rel="stylesheet"][href$="assets/compare.css"]')
    assert resolve(site, PAGES[key], script["src"]).is_file()
    assert resolve(site, PAGES[key], styles["href"]).is_file()
    back = soup.select_one(".gd-compare__back a")["href"]
    assert back.endswith(f"#{section}") and resolve(site, PAGES[key], back.split("#")[0] + "index.html").is_file()


def test_without_javascript_the_page_says_what_it_needs_and_hides_the_rest(site):
    soup = parse(site / PAGES[("en", "checklist")])
    needs = soup.select_one('[data-cp-part="needs-js"]')
    assert "This comparison needs JavaScript" in page_text(needs)
    assert "hidden" not in needs.attrs
    assert "hidden" in soup.select_one('[data-cp-part="app"]').attrs
    method = page_text(soup.select_one(".gd-compare__method"))
    assert method.startswith("Each partner answers the self-check on its own and saves its answers to a file.")
    welsh = parse(site / PAGES[("cy", "checklist")])
    assert "Mae angen JavaScript ar y gymhariaeth hon" in page_text(welsh.select_one('[data-cp-part="needs-js"]'))


def test_the_questions_are_the_sheets_in_order_with_their_fingerprints_and_kinds(site, sheet_page):
    soup = parse(site / PAGES[("en", "checklist")])
    compared = [(q["data-cp-question"], q["data-cp-fingerprint"], q["data-cp-kind"]) for q in soup.select("[data-cp-question]")]
    on_sheet = [(li["data-question"], li["data-fingerprint"]) for li in sheet_page.select('[data-checklist="partnership/checklist"] [data-question]')]
    assert [(qid, f) for qid, f, _kind in compared] == on_sheet
    kinds = {qid: kind for qid, _f, kind in compared}
    assert kinds["constitution-defines"] == "parent" and kinds["who-employs-staff"] == "choice"
    assert sum(kind == "choice" for kind in kinds.values()) == 18
    individual = parse(site / PAGES[("en", "as-an-individual")])
    assert individual.select_one('[data-cp-question="partnership-structures"]')["data-cp-kind"] == "written"
    assert [g["data-cp-group"] for g in soup.select("[data-cp-group]")] == ["clear-roles", "appropriate-structure", "common-goals", "building-capacity"]


def test_welsh_comparison_strings_are_welsh_with_every_plural_form(site):
    english = parse(site / PAGES[("en", "checklist")]).select_one("[data-compare]").attrs
    welsh = parse(site / PAGES[("cy", "checklist")]).select_one("[data-compare]").attrs
    assert set(english) - {"data-cp-summary-one"} <= set(welsh)
    same = {name for name, value in welsh.items() if name.startswith("data-") and english.get(name) == value}
    assert same <= CODES, f"English left on the Welsh page: {sorted(same - CODES)}"
    assert {f"data-cp-summary-{c}" for c in ("zero", "one", "two", "few", "many", "other")} <= set(welsh)
    assert welsh["data-cp-summary-two"] == "Mae'r partneriaid yn cytuno ar {agree} o {count} gwestiwn."
    assert welsh["data-cp-months"].split("|")[5] == "Mehefin"
    assert welsh["data-cp-date"] == english["data-cp-date"] == "{d} {MMMM} {y}"  # Babel's pattern, as the self-check's
    assert welsh["data-cp-locale"] == "cy"


def test_only_the_comparison_pages_load_the_comparison_script(site):
    for html in html_pages(site):
        loads = "assets/compare.js" in html.read_text(encoding="utf-8")
        assert loads == (html.relative_to(site).as_posix() in PAGES.values()), html


def test_each_question_carries_its_links_to_the_sheets_sections_in_the_pages_language(site):
    """The action plan links a gap to the guidance: the questions' ``see`` links, to the sheet page."""
    for key, expected in (("en", "Models of partnership by structure"), ("cy", None)):
        page = PAGES[(key, "checklist")]
        soup = parse(site / page)
        for question_id in ("constitution-defines", "who-employs-staff"):  # a sub-item has its question's links
            links = soup.select_one(f'[data-cp-question="{question_id}"] [data-cp-see]').select("a")
            assert [a["href"] for a in links] == ["../#models", "../#essential-elements"]
            assert resolve(site, page, "../index.html").is_file()
            if expected:
                assert page_text(links[0]) == expected
        assert soup.select_one('[data-cp-question="lead-partner"] [data-cp-see]') is None
    welsh = parse(site / PAGES[("cy", "checklist")]).select_one('[data-cp-question="roles-defined"] [data-cp-see]')
    assert page_text(welsh) == "Darllen mwy yn y daflen hon: Modelau partneriaeth yn ôl strwythur"
