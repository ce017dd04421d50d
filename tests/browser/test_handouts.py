"""The optional PDF step (scripts/pdf) makes a ready-made handout of every sheet, in every language,
and only then does the sheet's page offer it for download."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from conftest import ROOT, page_text, parse, pdf_pages, pdf_text

PDF = "3.3-partnership-en.pdf"


def test_the_pdf_step_makes_the_sheets_handout_and_links_it_from_the_page(browser, tmp_path):
    site = tmp_path / "site"
    result = subprocess.run([sys.executable, "-m", "guidance", "pdf", str(site)], cwd=ROOT, capture_output=True,
                            text=True, timeout=300, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "hooks")})
    assert result.returncode == 0, result.stderr
    pdf = site / "downloads" / PDF
    assert f"site/downloads/{PDF}  {round(pdf.stat().st_size / 1024)} KB" in result.stdout

    text = " ".join(pdf_text(pdf).split())
    for words in ["Carmarthenshire Association of Voluntary Services", "3.3 Partnership", "Possible benefits",
                  "Setting up the partnership - a checklist", "Are the roles and responsibilities of all partners clearly defined and agreed?",
                  "The information provided in this sheet is intended for guidance only.", "Last updated: 30 June 2017"]:
        assert words in text, words
    assert pdf_pages(pdf) <= 5
    # the address it was printed from is this machine's, not the site's: not in its text nor its links
    assert "127.0.0.1" not in text and b"127.0.0.1" not in pdf.read_bytes()
    assert pdf_links(pdf) == {"https://www.cavs.org.uk/", "https://www.wcva.org.uk/", "mailto:info@cavs.org.uk",
                              "tel:01267245555", "tel:03001110124"}

    welsh = site / "downloads" / "3.3-partnership-cy.pdf"
    text = " ".join(pdf_text(welsh).split())
    for words in ["Cymdeithas Gwasanaethau Gwirfoddol Sir Gâr", "3.3 Partneriaeth", "Ymwadiad",
                  "Diweddarwyd ddiwethaf: 30 Mehefin 2017"]:
        assert words in text, words
    assert pdf_pages(welsh) <= 6
    assert b"127.0.0.1" not in welsh.read_bytes()
    cy_link = parse(site / "cy" / "gweithio-gydag-eraill" / "partneriaeth" / "index.html").select_one(".gd-handout-actions__download")
    assert cy_link["href"] == "../../../downloads/3.3-partnership-cy.pdf"
    assert page_text(cy_link).startswith("Lawrlwytho'r daflen hon fel PDF (PDF, ")

    page = parse(site / "working-with-others" / "partnership" / "index.html")
    link = page.select_one(".gd-handout-actions__download")
    assert link["href"] == f"../../downloads/{PDF}"
    assert page_text(link) == f"Download this sheet as a PDF (PDF, {round(pdf.stat().st_size / 1024)} KB)"


def pdf_links(pdf) -> set[str]:
    """The addresses a PDF's links lead to (Chromium writes its link annotations uncompressed)."""
    return {match.decode() for match in re.findall(rb"/URI \(([^)]*)\)", pdf.read_bytes())}


def test_the_pdf_step_links_other_pages_to_the_site_when_it_has_an_address(browser, tmp_path):
    site = tmp_path / "site"
    result = subprocess.run([sys.executable, "-m", "guidance", "pdf", str(site)], cwd=ROOT, capture_output=True, text=True, timeout=300,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "hooks"),
                                 "GUIDANCE_SITE_URL": "https://guidance.example.org/sheets/"})
    assert result.returncode == 0, result.stderr
    links = pdf_links(site / "downloads" / PDF)
    assert "https://guidance.example.org/sheets/#working-with-others" in links  # the series, in the masthead
    assert not [link for link in links if "127.0.0.1" in link]


def test_the_plain_build_offers_no_pdf(site, sheet_page):
    assert sheet_page.select_one(".gd-handout-actions__download") is None
    assert not (site / "downloads").exists()
