"""A third language (French, its catalogue almost empty: tests/fixtures/locale-fr) in a real
browser: what the scripts write with a string not yet translated is marked as English, so that a
screen reader reads it as English; what they write with a translated one is not."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from browser.test_compare import DESKTOP, load, two_partners  # noqa: F401 (a fixture)

FRENCH_SHEET = "fr/working-with-others/partenariat/"
WELSH_SHEET = "cy/gweithio-gydag-eraill/partneriaeth/"


@pytest.fixture(scope="module")
def three_language_url(three_language_site):
    url, server = three_language_site.serve()
    yield url
    server.shutdown()


def lang_of(locator) -> str | None:
    return locator.first.get_attribute("lang")


def test_the_self_check_marks_its_english_strings_on_a_french_page(page, errors, three_language_url):
    page.goto(f"{three_language_url}/{FRENCH_SHEET}")
    checklist = page.locator("[data-checklist]").first
    answers = checklist.locator(".gd-sc__answer > span")
    answers.first.wait_for()
    assert (answers.nth(0).inner_text(), lang_of(answers.nth(0))) == ("Oui", None)  # translated
    assert (answers.nth(1).inner_text(), lang_of(answers.nth(1))) == ("Partly", "en")
    assert checklist.get_by_role("button", name="Ajouter une remarque").first.get_attribute("lang") is None
    assert checklist.get_by_role("button", name="Print my answers").first.get_attribute("lang") == "en"
    assert lang_of(checklist.locator(".gd-sc__progress")) == "en"  # "You have answered 0 of 13 questions."
    group = page.locator(".gd-sc__group-progress").first  # a counted string, translated
    assert ("répondue" in group.inner_text(), group.get_attribute("lang")) == (True, None)
    answers.nth(0).click()
    assert lang_of(checklist.locator(".gd-sc__tag--partly, .gd-sc__tag--none")) == "en"
    checklist.get_by_role("button", name="Ajouter une remarque").first.click()
    assert checklist.get_by_role("button", name="Hide the note").first.get_attribute("lang") == "en"
    assert errors == []


def test_the_self_check_marks_nothing_on_a_page_whose_catalogue_has_every_string(page, errors, three_language_url):
    page.goto(f"{three_language_url}/{WELSH_SHEET}")
    checklist = page.locator("[data-checklist]").first
    checklist.locator(".gd-sc__answer > span").first.wait_for()
    written = checklist.locator(".gd-sc__answer > span, button, label, .gd-sc__progress, .gd-sc__group-progress, "
                                ".gd-sc__saved, .gd-sc__tag, .gd-sc__hint, .gd-sc__print-note, h3")
    assert written.count() > 20
    assert [element.get_attribute("lang") for element in written.all()] == [None] * written.count()
    assert errors == []


def test_the_comparison_marks_its_english_strings_on_a_french_page(page, errors, three_language_url, two_partners):
    page.set_viewport_size(DESKTOP)
    page.goto(f"{three_language_url}/{FRENCH_SHEET}compare-checklist/")
    load(page, two_partners)
    table = page.locator(".gd-compare__table").first
    table.wait_for()
    yes = page.locator(".gd-compare__answer--yes").first
    assert (yes.inner_text(), yes.get_attribute("lang")) == ("Oui", None)  # translated
    assert lang_of(page.locator(".gd-compare__answer--partly")) == "en"
    assert lang_of(page.locator('[data-cp-part="summary"]')) == "en"
    assert lang_of(page.locator(".gd-compare__tag--differ")) == "en"
    assert lang_of(table.locator("thead th")) == "en"  # "Question"
    assert table.locator("thead th").nth(1).inner_text() == "Cardiff Food Bank"
    assert table.locator("thead th").nth(1).get_attribute("lang") is None  # a partner's own name
    assert lang_of(page.locator('[data-cp-part="status"] p')) == "en"  # "2 files loaded."
    assert errors == []


def test_the_progress_script_marks_its_english_strings_on_a_french_page(page, errors, three_language_url):
    """The check-ins' and results' script (assets/selfcheck-progress.js), given its strings as data:
    what it writes with one not yet translated is marked as English, with a translated one not."""
    page.goto(f"{three_language_url}/{FRENCH_SHEET}")
    checklist = page.locator("[data-checklist]").first
    answers = checklist.locator(".gd-sc__answer > span")
    answers.first.click()  # "Oui": the progress script loads
    checklist.get_by_role("button", name="Record this check-in").click()
    kept = checklist.locator(".gd-sc__checkins p", has_text="on this device")
    expect(kept).to_have_text(re.compile(r"^You have 1 check-ins? on this device\.$"))  # a counted string, in English
    assert lang_of(kept) == "en"
    delete = checklist.get_by_role("button", name="Supprimer ce bilan")  # the one the French catalogue has
    assert (delete.is_visible(), delete.get_attribute("lang")) == (True, None)
    assert lang_of(checklist.locator("label", has_text="Compare your answers now with the check-in of")) == "en"
    assert lang_of(checklist.locator(".gd-sc__remind legend")) == "en"  # "Remind me to check again in"
    assert lang_of(checklist.locator(".gd-sc__remind button")) == "en"  # "Download the calendar file"
    said = checklist.locator("[aria-live=polite]")
    assert (said.inner_text().startswith("Check-in recorded: "), said.get_attribute("lang")) == (True, "en")
    delete.click()
    question = checklist.locator(".gd-sc__confirm p", has_text="Delete the check-in of ")
    assert (question.is_visible(), question.get_attribute("lang")) == (True, "en")
    assert errors == []
