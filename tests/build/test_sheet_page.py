"""The built English sheet page: every word of the seed, a clear outline, the printed footer."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT, SEED, page_text
from guidance.content.project import load_project

# Sheet lines whose words are shown differently on purpose: the date is shown in words with a
# machine-readable <time> (checked below), and the council's name is both header and footer.
DATE_LINE = "Last Updated: 30/06/2017"


def seed_sentences() -> list[str]:
    """Every sentence of the seed sheet, without its list markers and Markdown italics."""
    sentences = []
    for raw in SEED.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line == DATE_LINE:
            continue
        line = re.sub(r"^-\s+", "", line).replace("*", "")
        sentences += [s for s in re.split(r"(?<=[.?!:])\s+(?=[A-Z'])", line) if s]
    return sentences


def test_seed_has_the_sentences_we_expect():
    sentences = seed_sentences()
    assert "3.3 Partnership" in sentences and "Building capacity of partners." in sentences
    assert len(sentences) > 150


@pytest.mark.parametrize("sentence", seed_sentences())
def test_every_sentence_of_the_seed_is_on_the_page(sheet_page, sentence):
    assert sentence in page_text(sheet_page.find("article"))


def test_outline_has_one_h1_then_sections_then_models_and_levels(sheet_page):
    article = sheet_page.find("article")
    assert [page_text(h) for h in article.find_all("h1")] == ["3.3 Partnership"]
    assert [page_text(h) for h in article.find_all("h2")] == [
        "Should you get involved in a partnership?", "Possible benefits", "Possible risks",
        "As an individual", "Models of partnership by structure", "Essential elements for all partnerships",
        "Varying relationships", "Setting up the partnership - a checklist", "Disclaimer",
        "For further information contact",
    ]
    h3 = [page_text(h) for h in article.find_all("h3")]
    for title in ["1. Separate organisation", "2. 'Virtual' organisation",
                  "3. Co-locating staff from partner organisations",
                  "4. Steering group without dedicated staff resources",
                  "1 Supporter.", "6 Community ownership.", "Establishing clear roles.",
                  "Building capacity of partners."]:
        assert title in h3
    levels = [int(h.name[1]) for h in article.find_all(re.compile("^h[1-6]$"))]
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), "a heading level is skipped"


def test_models_each_show_advantages_and_disadvantages_in_the_same_place(sheet_page):
    cards = sheet_page.select(".gd-cards > .gd-card")
    assert len(cards) == 4
    labels = [[page_text(label) for label in card.select(".gd-points__label")] for card in cards]
    assert labels == [
        ["Advantages of this are:", "Disadvantages might be:"],
        ["Advantages", "Disadvantages"],
        ["Advantages"],
        ["Advantages", "Disadvantages"],
    ]


def test_levels_are_an_ordered_list_of_six(sheet_page):
    levels = sheet_page.select("ol.gd-levels > li")
    assert [level["id"] for level in levels] == [
        "supporter", "agent", "adviser", "junior-members", "joint-ownership", "community-ownership"]


def test_checklist_is_a_real_list_of_questions_in_groups(sheet_page):
    checklist = sheet_page.select_one('[data-checklist="partnership/checklist"]')
    groups = checklist.select("[data-group]")
    assert [g.select_one("h3").get_text(strip=True) for g in groups] == [
        "Establishing clear roles.", "Establishing an appropriate structure.",
        "Establishing common goals", "Building capacity of partners."]
    constitution = checklist.select_one("li#constitution-defines")
    assert [page_text(li) for li in constitution.select("ul li")] == [
        "Who employs any staff", "Who administers the day to day activity",
        "Who contracts with delivery bodies", "Which body makes the final decisions",
        "Who is responsible for financial control and auditing"]
    assert len(checklist.select("li[data-question]")) == 14 + 5  # questions and sub-items


def test_italics_from_the_original_are_kept(sheet_page):
    emphasised = [page_text(em) for em in sheet_page.find("article").find_all("em")]
    assert emphasised == ["A fruitful Partnership, effective partnership working", "second tier"]


def test_footer_has_both_contact_blocks_with_links_and_the_date_in_words(sheet_page):
    footer = sheet_page.select_one("footer.gd-sheet-footer")
    links = {a["href"] for a in footer.find_all("a")}
    assert {"tel:01267245555", "mailto:info@cavs.org.uk", "https://www.cavs.org.uk",
            "tel:03001110124", "https://www.wcva.org.uk"} <= links
    time = footer.find("time")
    assert time["datetime"] == "2017-06-30" and page_text(time) == "30 June 2017"
    text = page_text(footer)
    for words in ["Disclaimer", "Produced by WCVA, County Voluntary Councils and Volunteer Centres.",
                  "Last updated: 30 June 2017", "Registered Charity: 1062144", "Fax: 01267 245550"]:
        assert words in text


def test_every_profile_field_is_shown(sheet_page):
    publisher = load_project(ROOT / "content_src", ROOT / "content_src/publishers/cavs.yml").publisher
    text = page_text(sheet_page)
    for value in [publisher.name.get("en"), publisher.strapline.get("en"), publisher.address.get("en"),
                  publisher.charity_number, publisher.phone, publisher.fax, publisher.email, "www.cavs.org.uk"]:
        assert value in text
    assert sheet_page.select_one(".gd-masthead__publisher").get_text(strip=True) == publisher.name.get("en")
    assert page_text(sheet_page.select_one(".gd-masthead__series")) == "3. Working with others"


def test_title_and_description(sheet_page):
    assert sheet_page.title.get_text(strip=True) == "3.3 Partnership - 3. Working with others - Carmarthenshire Association of Voluntary Services"
    assert sheet_page.find("meta", attrs={"name": "description"})["content"].startswith("Partnerships are about sharing")


def test_a_question_links_to_the_sections_that_help_with_it(sheet_page):
    """``see`` in the content: links under the question, named by each section's heading, on the
    checklist as it is without JavaScript (and on paper)."""
    def links(question_id):
        see = sheet_page.select_one(f"li#{question_id} > [data-see]")
        return see and [(a["href"], page_text(a)) for a in see.select("a")]

    assert links("roles-defined") == [("#models", "Models of partnership by structure")]
    assert links("constitution-defines") == [("#models", "Models of partnership by structure"),
                                             ("#essential-elements", "Essential elements for all partnerships")]
    assert links("vision-aims") == [("#risks", "Possible risks")]
    assert links("partnership-structures") == [("#models", "Models of partnership by structure")]
    assert page_text(sheet_page.select_one("li#members-defined > [data-see]")) == \
        "Read more in this sheet: Essential elements for all partnerships"
    assert links("lead-partner") is None
    for href in {h for q in ("roles-defined", "constitution-defines", "vision-aims") for h, _ in links(q)}:
        assert sheet_page.select_one(f"h2{href}")
