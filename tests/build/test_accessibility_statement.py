"""The accessibility statement: reachable from the foot of every page, in that page's language."""

from __future__ import annotations

import json
from datetime import date

import pytest
from babel.dates import format_date

from conftest import ROOT, page_text, parse, html_pages
from sitelinks import target


def test_every_page_links_to_the_statement_in_its_own_language(site):
    for path in html_pages(site):
        page = path.relative_to(site).as_posix()
        soup = parse(path)
        links = soup.select("footer.gd-site-footer ul.gd-site-footer__links a[href]")
        assert links, f"{page}: no link in the site footer"
        statement, _ = target(site, page, links[0]["href"])
        assert statement.is_file(), f"{page}: {links[0]['href']}"
        assert parse(statement).html["lang"] == soup.html["lang"], page


# The model statement's parts (Public Sector Bodies (Websites and Mobile Applications) (No. 2)
# Accessibility Regulations 2018), as headings, in each language.
SECTIONS = {
    "accessibility": ["How accessible this website is", "Feedback and contact information",
                      "Reporting accessibility problems with this website", "Enforcement procedure",
                      "Technical information about this website's accessibility", "Compliance status",
                      "Non-accessible content", "Non-compliance with the accessibility regulations",
                      "Disproportionate burden",
                      "Content that's not within the scope of the accessibility regulations",
                      "How we tested this website", "Preparation of this accessibility statement"],
    "cy/hygyrchedd": ["Pa mor hygyrch yw'r wefan hon", "Adborth a gwybodaeth gyswllt",
                         "Rhoi gwybod am broblemau hygyrchedd gyda'r wefan hon", "Y weithdrefn orfodi",
                         "Gwybodaeth dechnegol am hygyrchedd y wefan hon", "Statws cydymffurfio",
                         "Cynnwys nad yw'n hygyrch", "Peidio â chydymffurfio â'r rheoliadau hygyrchedd",
                         "Baich anghymesur", "Cynnwys nad yw o fewn cwmpas y rheoliadau hygyrchedd",
                         "Sut rydym wedi profi'r wefan hon", "Paratoi'r datganiad hygyrchedd hwn"],
}
STATEMENTS = {
    "accessibility": ("Accessibility statement", "axe-core (version {axe})", "version {vnu}",
                      "WCAG) 2.0, 2.1 and 2.2, levels A and AA", "JavaScript switched on and switched off",
                      "Nu Html Checker", "320 pixels wide", "Tab and Shift+Tab",
                      "This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard",
                      "The Equality and Human Rights Commission (EHRC) is responsible for enforcing",
                      "Equality Advisory and Support Service (EASS)",
                      "This statement was prepared on 25 November 2026",
                      "This copy of the website was built on {built}",
                      "email: info@cavs.org.uk", "telephone: 01267 245555",
                      "post: The Mount, 18 Queen Street, Carmarthen, Carmarthenshire, SA31 1JT",
                      "contact Carmarthenshire Association of Voluntary Services:"),
    "cy/hygyrchedd": ("Datganiad hygyrchedd", "axe-core (fersiwn {axe})", "fersiwn {vnu}",
                         "(WCAG) 2.0, 2.1 a 2.2, lefelau A ac AA", "JavaScript wedi'i droi ymlaen ac wedi'i ddiffodd",
                         "Nu Html Checker", "320 picsel o led", "Tab a Shift+Tab",
                         "Mae'r wefan hon yn cydymffurfio'n rhannol â safon AA Canllawiau Hygyrchedd Cynnwys y We fersiwn 2.2",
                         "Y Comisiwn Cydraddoldeb a Hawliau Dynol (EHRC) sy'n gyfrifol am orfodi",
                         "Gwasanaeth Cynghori a Chymorth Cydraddoldeb (EASS)",
                         "Paratowyd y datganiad hwn ar 25 Tachwedd 2026",
                         "Adeiladwyd y copi hwn o'r wefan ar {built}",
                         "e-bost: info@cavs.org.uk", "ffôn: 01267 245555",
                         "post: The Mount, 18 Heol y Frenhines, Caerfyrddin, Sir Gaerfyrddin, SA31 1JT",
                         "cysylltwch â Cymdeithas Gwasanaethau Gwirfoddol Sir Gâr:"),
}
LOCALES = {"accessibility": "en_GB", "cy/hygyrchedd": "cy"}


@pytest.mark.parametrize("path", STATEMENTS)
def test_statement_says_what_was_tested_how_and_when_and_whom_to_contact(site, path):
    """Its facts come from the build: the checkers' versions (package.json), the build's date, the
    publisher's contact details (its profile), in the page's language."""
    tools = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]
    built = format_date(date.today(), "d MMMM y", locale=LOCALES[path])
    title, *facts = STATEMENTS[path]
    article = parse(site / path / "index.html").find("article")
    text = page_text(article)
    assert text.startswith(title)
    missing = [words for words in facts
               if words.format(axe=tools["axe-core"], vnu=tools["vnu-jar"], built=built) not in text]
    assert missing == []
    links = {a["href"] for a in article.find_all("a")}
    assert {"mailto:info@cavs.org.uk", "tel:01267245555", "https://www.equalityadvisoryservice.com/"} <= links


@pytest.mark.parametrize("path", SECTIONS)
def test_statement_has_every_section_of_the_model_statement_in_order(site, path):
    headings = [page_text(h) for h in parse(site / path / "index.html").find("article").find_all(["h2", "h3"])]
    assert [h for h in headings if h in SECTIONS[path]] == SECTIONS[path]
