"""Printing a sheet page gives an A4 handout that stands on its own, like the original sheet:
the publisher at the top, all the guidance, the checklist with boxes to tick, both contact blocks,
the disclaimer, the dates, and the page's address (with a QR code when the site's address is set).
Printed by Chromium to PDF, then read back with poppler's pdftotext, as a reader would see it."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from build.test_series_and_publisher import CAVS_WORDS
from conftest import (FIXTURES, mkdocs_build, page_text, parse, pdf_pages, pdf_text, print_to_pdf,
                      serve)

SHEET = "working-with-others/partnership/"
# Each language's sheet page, and the most A4 pages its handout may take (a plain Material page of
# the same sheet prints on 6, without the publisher's header).
LANGUAGES = {"en": (SHEET, 5), "cy": ("cy/gweithio-gydag-eraill/partneriaeth/", 6)}
CHROME = ["Skip to content", "Table of contents", "Back to top", "Print this page", "Download this sheet",
          "Type to start searching", "Cymraeg",
          "Neidio i'r cynnwys", "Cynnwys tudalen", "Nôl i'r brig", "Argraffu'r dudalen hon", "Lawrlwytho'r daflen",
          "English"]
FOOTER = {
    "en": ["For further information contact", "The Mount, 18 Queen Street, Carmarthen", "Registered Charity: 1062144",
           "Tel: 01267 245555", "info@cavs.org.uk", "Fax: 01267 245550", "www.cavs.org.uk",
           "WCVA", "Tel: 0300 111 0124", "www.wcva.org.uk",
           "Disclaimer", "The information provided in this sheet is intended for guidance only.",
           "Produced by WCVA, County Voluntary Councils and Volunteer Centres.", "Last updated: 30 June 2017"],
    "cy": ["Cymdeithas Gwasanaethau Gwirfoddol Sir Gâr", "The Mount, 18 Heol y Frenhines, Caerfyrddin",
           "Elusen Gofrestredig: 1062144", "Ffôn: 01267 245555", "info@cavs.org.uk", "Ffacs: 01267 245550",
           "www.cavs.org.uk", "WCVA", "Ffôn: 0300 111 0124", "www.wcva.org.uk", "Ymwadiad",
           "Diweddarwyd ddiwethaf: 30 Mehefin 2017"],
}


def folded(text: str) -> str:
    return " ".join(text.split())


@dataclass
class Printed:
    lang: str
    pdf: Path
    page: BeautifulSoup
    max_pages: int


@pytest.fixture(scope="module", params=list(LANGUAGES))
def printed(request, browser, site, site_url, tmp_path_factory) -> Printed:
    path, max_pages = LANGUAGES[request.param]
    page = browser.new_page()
    pdf = print_to_pdf(page, f"{site_url}/{path}", tmp_path_factory.mktemp("print") / f"handout-{request.param}.pdf")
    page.close()
    return Printed(request.param, pdf, parse(site / path / "index.html"), max_pages)


def built_and_served(tmp_path: Path, env: dict[str, str]):
    site = tmp_path / "site"
    result = mkdocs_build(site, env=env)
    assert result.returncode == 0, result.stderr
    return site, serve(site)


def qr_codes(pdf: Path, page: int) -> list[str]:
    """The QR codes a phone would read on one printed page (decoded by zxing-cpp, not by our encoder)."""
    import zxingcpp

    image = subprocess.run(["pdftoppm", "-gray", "-r", "150", "-f", str(page), "-l", str(page), str(pdf)],
                           capture_output=True, check=True).stdout
    magic, size, _depth, pixels = image.split(b"\n", 3)
    assert magic == b"P5"
    width, height = map(int, size.split())
    return [code.text for code in zxingcpp.read_barcodes(memoryview(pixels).cast("B", shape=(height, width)))]


def test_the_handout_fits_on_few_a4_pages(printed):
    info = subprocess.run(["pdfinfo", str(printed.pdf)], capture_output=True, text=True, check=True).stdout
    assert "(A4)" in info
    assert pdf_pages(printed.pdf) <= printed.max_pages


def test_the_handout_carries_the_whole_sheet(printed):
    """Every word of the sheet as the page shows it, the masthead first and the footer last."""
    text = folded(pdf_text(printed.pdf))
    article = printed.page.select_one(".gd-sheet")
    for screen_only in article.select(".gd-handout-actions, .gd-handout-address, .gd-contents, .gd-sc__compare, .gd-breadcrumbs, .gd-metadata"):
        screen_only.decompose()
    # pdftotext drops the hyphen of a word broken across two lines ("off-putting" -> "offputting")
    unhyphenated = text.replace("-", "")
    missing = [w for w in dict.fromkeys(page_text(article).split()) if w.replace("-", "") not in unhyphenated]
    assert missing == []
    assert text.startswith(page_text(article.select_one(".gd-masthead")))
    for heading in article.select("h2, h3"):
        assert folded(heading.get_text()) in text
    for question in article.select(".gd-checklist__text"):
        assert folded(question.get_text()) in text


def test_the_handout_has_both_contact_blocks_the_disclaimer_and_the_dates(printed):
    text = folded(pdf_text(printed.pdf))
    assert [words for words in FOOTER[printed.lang] if words not in text] == []
    assert folded(printed.page.select_one(".gd-disclaimer p").get_text()) in text


def test_the_handout_has_no_site_chrome(printed):
    text = folded(pdf_text(printed.pdf))
    assert [words for words in CHROME if words in text] == []


def test_no_heading_is_left_at_the_foot_of_a_page(printed):
    headings = {folded(h.get_text()) for h in printed.page.select(".gd-sheet h2, .gd-sheet h3, .gd-sheet h4")}
    for number in range(1, pdf_pages(printed.pdf)):
        lines = [folded(line) for line in pdf_text(printed.pdf, number).splitlines() if line.strip()]
        lines = [line for line in lines if not re.fullmatch(r"\d+ ?/ ?\d+", line)]  # the page number
        assert lines[-1] not in headings, f"page {number} ends with the heading {lines[-1]!r}"


def test_the_handout_shows_the_address_the_page_was_opened_at(printed, site_url):
    assert f"{site_url}/{LANGUAGES[printed.lang][0]}" in folded(pdf_text(printed.pdf))


def test_with_the_sites_address_set_the_handout_has_it_and_a_qr_code_that_reads_back(browser, tmp_path):
    address = f"https://guidance.example.org.uk/cvc/{SHEET}"
    _, (url, server) = built_and_served(tmp_path, {"GUIDANCE_SITE_URL": "https://guidance.example.org.uk/cvc/"})
    page = browser.new_page()
    try:
        pdf = print_to_pdf(page, f"{url}/{SHEET}", tmp_path / "handout.pdf")
    finally:
        page.close()
        server.shutdown()
    last = pdf_pages(pdf)
    assert address in folded(pdf_text(pdf, last))
    assert qr_codes(pdf, last) == [address]


def test_the_print_button_shows_only_when_javascript_runs_and_prints(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script("window.print = () => { window.printed = (window.printed || 0) + 1; };")
    page.goto(f"{site_url}/{SHEET}")
    button = page.get_by_role("button", name="Print this page")
    button.click()
    assert page.evaluate("window.printed") == 1
    context.close()

    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/{SHEET}")
    assert page.locator(".gd-handout-actions__print").count() == 1
    assert page.get_by_role("button", name="Print this page").count() == 0
    context.close()


def test_a_second_publisher_prints_and_shows_its_own_name_logo_and_colour(browser, tmp_path):
    _, (url, server) = built_and_served(tmp_path, {"GUIDANCE_PUBLISHER": str(FIXTURES / "publisher-other.yml")})
    page = browser.new_page()
    try:
        pdf = print_to_pdf(page, f"{url}/{SHEET}", tmp_path / "handout.pdf")
        header_colour = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
        logos = page.evaluate("[...document.querySelectorAll('.md-logo img, .gd-masthead__logo')]"
                              ".map(img => img.complete && img.naturalWidth > 0)")
    finally:
        page.close()
        server.shutdown()
    printed = folded(pdf_text(pdf))
    assert printed.startswith("Example County Voluntary Action Supporting example groups since 1999")
    for text in ["1 Test Street, Exampletown, EX1 1EX", "Registered Charity: 9999999", "Tel: 01000 000001",
                 "hello@example-cvc.org.uk", "Fax: 01000 000002", "example-cvc.org.uk"]:
        assert text in printed, text
    assert [word for word in CAVS_WORDS if word in printed] == []
    assert header_colour == "rgb(106, 27, 154)"
    assert logos == [True, True]


def test_no_model_card_or_level_is_split_across_pages(printed):
    """Each structure model and each level is on one sheet of paper: its title and its last words
    are printed on the same page."""
    pages = [folded(pdf_text(printed.pdf, n)) for n in range(1, pdf_pages(printed.pdf) + 1)]
    pieces = printed.page.select(".gd-sheet .gd-card, .gd-sheet .gd-level")
    assert len(pieces) == 10
    split = {}
    for piece in pieces:
        title = folded(piece.find("h3").get_text())
        end = folded(piece.find_all(["p", "li"])[-1].get_text())[-30:]
        on = ([n for n, text in enumerate(pages, 1) if title in text], [n for n, text in enumerate(pages, 1) if end in text])
        if len(on[0]) != 1 or on[0] != on[1]:
            split[title] = on
    assert split == {}


def filled(pdf: Path, page: int) -> float:
    """How far down an A4 page's printable area (between the @page margins of handout.css, 14 mm
    and 16 mm) anything is printed: 1.0 is a full page. The page number in the bottom margin is
    left out. Measured on the page as drawn (poppler, 25 dots per mm, greyscale)."""
    image = subprocess.run(["pdftoppm", "-gray", "-r", "63.5", "-f", str(page), "-l", str(page), str(pdf)],
                           capture_output=True, check=True).stdout
    magic, size, _depth, pixels = image.split(b"\n", 3)
    assert magic == b"P5"
    width, height = map(int, size.split())
    per_mm = height / 297
    top, bottom = round(14 * per_mm), round((297 - 16) * per_mm)
    inked = [y for y in range(top, bottom) if min(pixels[y * width:(y + 1) * width]) < 200]
    return (inked[-1] - top) / (bottom - top) if inked else 0.0


def test_no_page_but_the_last_is_more_than_half_empty(printed):
    """The handout reads as a designed document: every page but the last is at least half used."""
    fill = [round(filled(printed.pdf, n), 2) for n in range(1, pdf_pages(printed.pdf) + 1)]
    assert all(share >= 0.5 for share in fill[:-1]), fill
    assert fill[-1] > 0, fill
