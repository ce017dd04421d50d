"""Facts of the build in hand-written pages (hooks/guidance/site/facts.py)."""

from __future__ import annotations

from datetime import date
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup
from markdown import markdown

from guidance.site.facts import fill_facts, page_facts, tool_versions
from guidance.language import Language
from guidance.problems import ContentError
from guidance.content.schema import Publisher

HOSTILE = Publisher.model_validate({
    "id": "x", "name": {"en": "<script>alert(1)</script> *Bold* [link](javascript:x)", "cy": "Enw"},
    "strapline": {"en": "s", "cy": "s"}, "address": {"en": "1 A & B Street", "cy": "1 Stryd"},
    "charity_number": "1", "phone": "01000 000001", "email": "a_b@example.org", "website": "https://example.org/a_b",
})


def english() -> Language:
    return Language("en")


def test_a_fact_is_text_never_markup_in_markdown_or_html():
    facts = page_facts(HOSTILE, english(), {"axe": "4.14.1"}, date(2026, 11, 26))
    html = markdown(fill_facts("Run by {{ publisher.name }} at {{publisher.address}}; {{ publisher.email }}", facts, "docs/a.md"))
    assert "<script>" not in html and "<em>" not in html and 'href="javascript' not in html
    assert "&lt;script&gt;" in html or "&#60;script&#62;" in html
    link = BeautifulSoup(html, "lxml").find("a")
    assert (link["href"], link.get_text()) == ("mailto:a_b@example.org", "a_b@example.org")
    assert "built 26 November 2026" == fill_facts("built {{ build.date }}", facts, "docs/a.md")


def test_a_phone_number_cannot_break_out_of_its_link():
    phone = "\"><img src=x onerror=alert(1)> [x](javascript:alert(2)) 'quote'"
    publisher = HOSTILE.model_copy(update={"phone": phone})
    facts = page_facts(publisher, english(), {}, date(2026, 11, 26))
    soup = BeautifulSoup(markdown(fill_facts("Call {{ publisher.phone }}.", facts, "docs/a.md")), "lxml")
    assert [unquote(a["href"]) for a in soup.find_all("a")] == ["tel:" + "".join(phone.split())]
    assert soup.find("img") is None and soup.find("a").get_text() == phone


def test_an_email_address_is_percent_encoded_in_its_link():
    """Characters a valid address may hold that a mailto: link reads as its own (? & # %) stay in the address."""
    email = "a?subject=x&body=y#%41'{{7*7}}@example.org"
    facts = page_facts(HOSTILE.model_copy(update={"email": email}), english(), {}, date(2026, 11, 26))
    link = BeautifulSoup(markdown(fill_facts("Email {{ publisher.email }}.", facts, "docs/a.md")), "lxml").find("a")
    assert link["href"] == "mailto:a%3Fsubject%3Dx%26body%3Dy%23%2541%27%7B%7B7%2A7%7D%7D@example.org"
    assert link.get_text() == email


def test_an_unknown_fact_is_refused_with_its_file_and_line():
    facts = page_facts(HOSTILE, english(), {}, date(2026, 11, 26))
    with pytest.raises(ContentError) as error:
        fill_facts("# Title\n\nAsk {{ publisher.emial }}.\n", facts, "docs/accessibility.md")
    assert str(error.value).splitlines()[1].startswith(
        "docs/accessibility.md:3: unknown fact {{ publisher.emial }} (expected one of: build.date, publisher.address,")


def test_a_tool_missing_from_package_json_is_named():
    facts = page_facts(HOSTILE, english(), {}, date(2026, 11, 26))
    with pytest.raises(ContentError, match=r"docs/a.md:1: \{\{ tools.axe \}\}: no version of axe-core in package.json"):
        fill_facts("axe {{ tools.axe }}", facts, "docs/a.md")


def test_tool_versions_come_from_package_json(tmp_path):
    (tmp_path / "package.json").write_text('{"devDependencies": {"axe-core": "4.14.1", "other": "1"}}')
    assert tool_versions(tmp_path / "package.json") == {"axe": "4.14.1"}
    assert tool_versions(tmp_path / "missing.json") == {}
