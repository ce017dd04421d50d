"""The self-check in a real browser: answering, progress, saving on the device, every way in,
clearing, saving to and loading from a file, printing, storage trouble, keyboard, no JavaScript, axe."""

from __future__ import annotations

import gzip
import json
import re
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import ROOT

SHEET = "/working-with-others/partnership/"
WELSH_SHEET = "/cy/gweithio-gydag-eraill/partneriaeth/"  # Welsh slugs, from the catalogue
KEY = "gd-selfcheck:partnership/checklist"
ROLES = "Are the roles and responsibilities of all partners clearly defined and agreed?"
LEAD = "Is there a lead partner? Is their role clearly defined?"
EMPLOYS = "Who employs any staff"
BUDGET = "Is there a budget/time set aside for training/capacity building for partners?"
TIME = "Do you have the time?"
SAVED = "Your answers are saved in this browser on this device only. Nothing is sent anywhere."
UNSAVED = "Your answers cannot be saved in this browser"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture
def errors(page):
    """Console errors and uncaught exceptions on the page; every test expects none."""
    found: list[str] = []
    page.on("console", lambda message: message.type == "error" and found.append(message.text))
    page.on("pageerror", lambda error: found.append(str(error)))
    return found


def checklist(page, name="partnership/checklist"):
    return page.locator(f'[data-checklist="{name}"]')


def question(page, name):
    return page.get_by_role("group", name=name, exact=True)


def answer(page, name, choice):
    question(page, name).get_by_label(choice, exact=True).check()


def checked(page, name):
    """The label of the checked answer to a question, or None."""
    labels = question(page, name).locator("label:has(input:checked)").all_inner_texts()
    assert len(labels) <= 1
    return labels[0].strip() if labels else None


def stored(page, key=KEY):
    raw = page.evaluate("key => localStorage.getItem(key)", key)
    return json.loads(raw) if raw else None


def progress(scope):
    """The overall progress sentence a reader sees (the live region repeats it for screen readers)."""
    sentence = scope.locator("p", has_text=re.compile(r"^(You have answered|Rydych wedi ateb) ")).first
    assert sentence.is_visible()
    return sentence.inner_text()


def open_sheet(page, site_url):
    page.goto(site_url + SHEET)
    question(page, ROLES).wait_for()


def test_each_question_and_sub_item_gets_labelled_answers(page, site_url, errors):
    open_sheet(page, site_url)
    main = checklist(page)
    assert main.get_by_role("radio").count() == 18 * 4
    labels = [label.strip() for label in question(page, ROLES).locator("label:has(input[type=radio])").all_inner_texts()]
    assert labels == ["Yes", "Partly", "Not yet", "Not applicable"]
    constitution = question(page, "Does the partnership constitution and structure define:")
    assert constitution.get_by_role("group").count() == 5
    assert constitution.get_by_role("group", name=EMPLOYS).get_by_role("radio", name="Yes").count() == 1
    assert main.get_by_text(SAVED).is_visible()
    assert errors == []


def test_answering_updates_progress_per_group_and_overall_and_announces_it(page, site_url, errors):
    open_sheet(page, site_url)
    main = checklist(page)
    assert progress(main) == "You have answered 0 of 18 questions."
    answer(page, ROLES, "Partly")
    answer(page, EMPLOYS, "Yes")
    assert checked(page, ROLES) == "Partly"
    group = main.locator('[data-group="appropriate-structure"]')
    assert group.get_by_text("1 of 9 questions answered", exact=True).is_visible()
    assert main.locator('[data-group="clear-roles"]').get_by_text("1 of 2 questions answered", exact=True).is_visible()
    assert progress(main) == "You have answered 2 of 18 questions."
    live = main.locator("[aria-live=polite]")
    assert live.inner_text() == "Establishing an appropriate structure: 1 of 9 questions answered. You have answered 2 of 18 questions."
    answer(page, ROLES, "Yes")
    assert checked(page, ROLES) == "Yes"
    assert progress(main) == "You have answered 2 of 18 questions."
    assert errors == []


def test_summary_lists_what_is_left_in_sheet_order_and_links_to_each_question(page, site_url, errors):
    open_sheet(page, site_url)
    main = checklist(page)
    summary = main.locator("div:has(> h3:text-is('What is left to do')) li")
    assert main.get_by_text("18 questions still to do", exact=True).is_visible()
    answer(page, ROLES, "Yes")
    answer(page, LEAD, "Not yet")
    answer(page, EMPLOYS, "Not applicable")
    answer(page, BUDGET, "Partly")
    assert main.get_by_text("16 questions still to do", exact=True).is_visible()
    items = summary.all_inner_texts()
    assert len(items) == 16
    assert items[0] == LEAD + " Not yet"
    assert items[1] == "Does the partnership constitution and structure define: Who administers the day to day activity Not answered"
    assert items[-1] == BUDGET + " Partly"
    summary.first.get_by_role("link").click()
    page.wait_for_function("location.hash === '#lead-partner'")
    expect(question(page, LEAD)).to_be_in_viewport()
    assert errors == []


def test_reload_keeps_answers_and_notes(page, site_url, errors):
    open_sheet(page, site_url)
    answer(page, ROLES, "Not yet")
    answer(page, EMPLOYS, "Partly")
    question(page, LEAD).get_by_role("button", name="Add a note").click()
    question(page, LEAD).get_by_label("Note").fill("Ask Sam to lead")
    data = stored(page)
    assert data["v"] == 1 and data["checklist"] == "partnership/checklist"
    assert set(data["answers"]) == {"roles-defined", "who-employs-staff", "lead-partner"}
    page.reload()
    question(page, ROLES).wait_for()
    assert checked(page, ROLES) == "Not yet"
    assert checked(page, EMPLOYS) == "Partly"
    assert checked(page, LEAD) is None
    assert question(page, LEAD).get_by_label("Note").input_value() == "Ask Sam to lead"
    assert question(page, LEAD).get_by_role("button", name="Add a note").get_attribute("aria-expanded") == "true"
    assert progress(checklist(page)) == "You have answered 2 of 18 questions."
    assert errors == []


def test_as_an_individual_is_a_second_self_check_of_its_own(page, site_url, errors):
    open_sheet(page, site_url)
    individual = checklist(page, "partnership/as-an-individual")
    assert individual.get_by_role("radio").count() == 4 * 4
    assert progress(individual) == "You have answered 0 of 4 questions."
    answer(page, TIME, "Yes")
    assert progress(individual) == "You have answered 1 of 4 questions."
    assert individual.locator("[aria-live=polite]").inner_text() == "You have answered 1 of 4 questions."
    assert progress(checklist(page)) == "You have answered 0 of 18 questions."
    saved = stored(page, "gd-selfcheck:partnership/as-an-individual")
    assert saved["checklist"] == "partnership/as-an-individual"
    assert {key: entry["a"] for key, entry in saved["answers"].items()} == {"have-time": "yes"}
    assert stored(page) is None
    assert errors == []


def welsh_answer(page, checklist_id, question_id):
    """The label of the checked answer on the Welsh page, where the questions are in Welsh."""
    label = checklist(page, checklist_id).locator(f'[data-question="{question_id}"] label:has(input:checked)')
    return label.inner_text().strip() if label.count() else None


def test_english_to_welsh_keeps_answers(page, site_url, errors):
    """Answers hang on the checklist's and the questions' ids, not on the page's language or URL."""
    open_sheet(page, site_url)
    answer(page, ROLES, "Partly")
    answer(page, TIME, "Not yet")
    page.goto(site_url + WELSH_SHEET)
    welsh = checklist(page)
    welsh.get_by_role("radio").first.wait_for()
    assert page.locator("html").get_attribute("lang") == "cy"
    assert welsh.get_by_text("Mae eich atebion yn cael eu cadw yn y porwr hwn ar y ddyfais hon yn unig.").is_visible()
    assert progress(welsh) == "Rydych wedi ateb 1 o 18 cwestiwn."
    assert welsh_answer(page, "partnership/checklist", "roles-defined") == "Yn rhannol"
    assert welsh_answer(page, "partnership/as-an-individual", "have-time") == "Ddim eto"
    welsh.locator('[data-question="lead-partner"]').get_by_label("Ie", exact=True).check()
    page.goto(site_url + SHEET)
    question(page, ROLES).wait_for()
    assert checked(page, LEAD) == "Yes"
    assert checked(page, ROLES) == "Partly"
    assert errors == []


def test_reached_by_a_link_from_the_home_page_with_instant_navigation(page, sub_path_site, errors):
    """The theme swaps pages in without loading them once the site knows its address, as hosted."""
    page.goto(f"{sub_path_site}/")
    page.wait_for_load_state("networkidle")  # the theme has read the sitemap that tells it which links it may follow
    page.evaluate("window.sameDocument = true")
    page.get_by_role("link", name="3.3 Partnership").click()
    page.wait_for_url("**" + SHEET)
    question(page, ROLES).wait_for()
    answer(page, ROLES, "Yes")
    assert progress(checklist(page)) == "You have answered 1 of 18 questions."
    assert page.locator("[data-sc-started]").count() == 2
    assert page.evaluate("window.sameDocument") is True  # swapped in, not loaded
    page.get_by_role("link", name="Cymraeg").click()
    page.wait_for_url("**" + WELSH_SHEET)
    welsh = checklist(page)
    welsh.get_by_role("radio").first.wait_for()
    assert progress(welsh) == "Rydych wedi ateb 1 o 18 cwestiwn."
    assert welsh_answer(page, "partnership/checklist", "roles-defined") == "Ie"
    assert errors == []


def test_back_button_shows_answers_changed_elsewhere(page, site_url, errors):
    open_sheet(page, site_url)
    answer(page, ROLES, "Partly")
    page.goto(site_url + "/")
    page.evaluate("""key => {
        const data = JSON.parse(localStorage.getItem(key));
        data.answers["roles-defined"].a = "yes";
        localStorage.setItem(key, JSON.stringify(data));
    }""", KEY)
    page.go_back()
    question(page, ROLES).wait_for()
    page.wait_for_function("document.querySelector('[name=gd-sc-roles-defined][value=yes]').checked")
    assert checked(page, ROLES) == "Yes"
    assert errors == []


def test_restored_page_rereads_saved_answers(page, site_url, errors):
    """A page restored from the back/forward cache keeps its old DOM: pageshow re-reads storage."""
    open_sheet(page, site_url)
    answer(page, ROLES, "Partly")
    page.evaluate("""key => {
        const data = JSON.parse(localStorage.getItem(key));
        data.answers["roles-defined"].a = "not-yet";
        localStorage.setItem(key, JSON.stringify(data));
        window.dispatchEvent(new PageTransitionEvent("pageshow", {persisted: true}));
    }""", KEY)
    assert checked(page, ROLES) == "Not yet"
    assert errors == []


def test_opened_from_disk(page, site, errors):
    page.goto((site / "working-with-others" / "partnership" / "index.html").as_uri())
    question(page, ROLES).wait_for()
    answer(page, ROLES, "Yes")
    assert progress(checklist(page)) == "You have answered 1 of 18 questions."
    page.reload()
    question(page, ROLES).wait_for()
    assert checked(page, ROLES) == "Yes"
    assert errors == []


def test_clearing_asks_first_then_clears_everything(page, site_url, errors):
    open_sheet(page, site_url)
    main = checklist(page)
    answer(page, ROLES, "Yes")
    question(page, LEAD).get_by_role("button", name="Add a note").click()
    question(page, LEAD).get_by_label("Note").fill("A note")
    main.get_by_role("button", name="Clear answers").click()
    confirm = main.get_by_text("Clear all your answers and notes to this checklist? This cannot be undone.")
    assert confirm.is_visible()
    yes = main.get_by_role("button", name="Yes, clear answers")
    assert page.evaluate("document.activeElement.textContent") == "Yes, clear answers"
    main.get_by_role("button", name="Cancel").click()
    assert not confirm.is_visible()
    assert checked(page, ROLES) == "Yes"
    main.get_by_role("button", name="Clear answers").click()
    yes.click()
    assert checked(page, ROLES) is None
    assert question(page, LEAD).get_by_label("Note").is_hidden()
    assert question(page, LEAD).get_by_label("Note").input_value() == ""
    assert main.get_by_role("status").inner_text() == "Your answers have been cleared."
    assert progress(main) == "You have answered 0 of 18 questions."
    assert page.evaluate("document.activeElement.textContent") == "Clear answers"
    assert stored(page) is None
    page.reload()
    question(page, ROLES).wait_for()
    assert checked(page, ROLES) is None
    assert errors == []


def test_corrupted_stored_value_starts_empty_and_says_so(page, site_url, errors):
    open_sheet(page, site_url)
    page.evaluate("key => localStorage.setItem(key, '{\"format\": \"gd-selfcheck\", \"v\": 1, \"answ')", KEY)
    page.reload()
    main = checklist(page)
    question(page, ROLES).wait_for()
    assert main.get_by_text("Answers saved earlier on this device could not be read, so this self-check starts empty.").is_visible()
    assert checked(page, ROLES) is None
    answer(page, ROLES, "Partly")
    assert progress(main) == "You have answered 1 of 18 questions."
    assert stored(page)["answers"]["roles-defined"]["a"] == "partly"
    assert errors == []


def test_an_answer_to_a_reworded_question_is_not_shown(page, site_url, errors):
    open_sheet(page, site_url)
    answer(page, ROLES, "Yes")
    answer(page, LEAD, "Yes")
    page.evaluate("""key => {
        const data = JSON.parse(localStorage.getItem(key));
        data.answers["roles-defined"].f = "0ldw0rd5";
        data.answers["removed-question"] = {f: "12345678", a: "yes"};
        localStorage.setItem(key, JSON.stringify(data));
    }""", KEY)
    page.reload()
    question(page, ROLES).wait_for()
    assert checked(page, ROLES) is None
    assert checked(page, LEAD) == "Yes"
    assert progress(checklist(page)) == "You have answered 1 of 18 questions."
    assert errors == []


BLOCKED = """Object.defineProperty(window, "localStorage", {get() { throw new DOMException("The operation is insecure.", "SecurityError"); }});"""
FULL = """Storage.prototype.setItem = function () { throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); };"""


@pytest.mark.parametrize("script", [BLOCKED, FULL], ids=["switched-off", "full"])
def test_storage_switched_off_or_full_still_works_and_says_answers_cannot_be_saved(page, site_url, errors, script):
    page.add_init_script(script)
    open_sheet(page, site_url)
    main = checklist(page)
    answer(page, ROLES, "Partly")
    answer(page, TIME, "Yes")
    assert checked(page, ROLES) == "Partly"
    assert progress(main) == "You have answered 1 of 18 questions."
    assert main.get_by_text(UNSAVED).is_visible()
    assert not main.get_by_text(SAVED).is_visible()
    main.get_by_role("button", name="Clear answers").click()
    main.get_by_role("button", name="Yes, clear answers").click()
    assert checked(page, ROLES) is None
    assert errors == []


def test_answers_saved_to_a_file_load_in_another_browser(page, browser, site_url, errors, tmp_path):
    open_sheet(page, site_url)
    main = checklist(page)
    answer(page, ROLES, "Partly")
    question(page, ROLES).get_by_role("button", name="Add a note").click()
    question(page, ROLES).get_by_label("Note").fill("Draft terms by June")
    with page.expect_download() as download:
        main.get_by_role("button", name="Save answers to a file").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert path.name == "partnership-checklist-answers.json"
    assert json.loads(path.read_text())["answers"]["roles-defined"]["n"] == "Draft terms by June"

    other = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        elsewhere = other.new_page()
        open_sheet(elsewhere, site_url)
        with elsewhere.expect_file_chooser() as chooser:
            checklist(elsewhere).get_by_role("button", name="Load answers from a file").click()
        chooser.value.set_files(path)
        expect(checklist(elsewhere).get_by_role("status")).to_have_text("Answers loaded from the file.")  # read asynchronously
        assert checked(elsewhere, ROLES) == "Partly"
        assert question(elsewhere, ROLES).get_by_label("Note").input_value() == "Draft terms by June"
        elsewhere.reload()
        question(elsewhere, ROLES).wait_for()
        assert checked(elsewhere, ROLES) == "Partly"
    finally:
        other.close()
    assert errors == []


@pytest.mark.parametrize("content, message", [
    ("this is not JSON", "This file cannot be loaded: it is not a file of answers saved from this self-check."),
    ('{"name": "someone else\'s file"}', "This file cannot be loaded: it is not a file of answers saved from this self-check."),
    ('{"format": "gd-selfcheck", "v": 1, "checklist": "partnership/as-an-individual", "answers": {}}',
     "This file cannot be loaded: it holds answers to a different checklist."),
    ('{"format": "gd-selfcheck", "v": 1, "checklist": "partnership/checklist", '
     '"answers": {"roles-defined": {"f": "00000000", "a": "na"}, "no-such-question": {"f": "1", "a": "yes"}}}',
     "This file cannot be loaded: none of its answers match the questions of this checklist as they are worded "
     "now. Your answers have not been changed."),
], ids=["not-json", "foreign", "other-checklist", "matches-nothing"])
def test_importing_a_bad_file_is_refused_with_a_clear_message(page, site_url, errors, tmp_path, content, message):
    open_sheet(page, site_url)
    main = checklist(page)
    answer(page, ROLES, "Yes")
    bad = tmp_path / "answers.json"
    bad.write_text(content)
    main.locator("input[type=file]").set_input_files(bad)
    status = main.get_by_role("status")
    status.get_by_text(message).wait_for()
    assert status.is_visible()
    assert checked(page, ROLES) == "Yes"
    assert stored(page)["answers"]["roles-defined"]["a"] == "yes"
    assert errors == []


def test_keyboard_only(page, site_url, errors):
    open_sheet(page, site_url)
    main = checklist(page)
    first = question(page, ROLES).get_by_role("radio", name="Yes")
    first.focus()
    page.keyboard.press("Space")
    assert checked(page, ROLES) == "Yes"
    page.keyboard.press("ArrowRight")
    assert checked(page, ROLES) == "Partly"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Add a note"
    page.keyboard.press("Enter")
    page.keyboard.type("Typed with the keyboard")
    assert question(page, ROLES).get_by_label("Note").input_value() == "Typed with the keyboard"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "gd-sc-lead-partner"
    page.keyboard.press("ArrowDown")
    assert checked(page, LEAD) == "Partly"

    main.get_by_role("button", name="Print my answers").focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Clear answers"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.textContent") == "Yes, clear answers"
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.textContent") == "Clear answers"
    assert checked(page, ROLES) == "Partly"
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    assert checked(page, ROLES) is None
    assert errors == []


def test_focus_is_visible_on_answers_and_buttons(page, site_url):
    open_sheet(page, site_url)
    page.keyboard.press("Tab")  # the page gets keyboard focus, so :focus-visible applies
    radio = question(page, ROLES).get_by_role("radio", name="Yes")
    radio.focus()
    assert radio.evaluate("e => getComputedStyle(e).boxShadow") != "none"
    button = checklist(page).get_by_role("button", name="Print my answers")
    button.focus()
    assert button.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(255, 221, 0)"


def test_without_javascript_the_checklist_is_complete_and_has_no_controls(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(site_url + SHEET)
        main = checklist(page)
        assert main.locator("li[data-question]").count() == 14 + 5
        assert main.get_by_text(ROLES).is_visible()
        assert main.get_by_text(EMPLOYS).is_visible()
        assert main.get_by_role("heading", name="Establishing clear roles.").is_visible()
        assert page.get_by_role("radio").count() == 0
        assert page.get_by_role("button", name="Print my answers").count() == 0
        assert page.get_by_text("You have answered", exact=True).count() == 0
        page.emulate_media(media="print")
        box = main.locator("li#roles-defined").evaluate("e => getComputedStyle(e, '::before').borderTopStyle")
        assert box == "solid"  # an empty tick box on paper
    finally:
        context.close()


def pdf_text(page, tmp_path) -> str:
    pdf = tmp_path / "page.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(text.split())


def test_print_my_answers_prints_answers_notes_and_date(page, site_url, errors, tmp_path):
    page.add_init_script("window.print = () => { window.printed = (window.printed || 0) + 1; };")
    open_sheet(page, site_url)
    main = checklist(page)
    answer(page, ROLES, "Partly")
    answer(page, EMPLOYS, "Not applicable")
    question(page, ROLES).get_by_role("button", name="Add a note").click()
    question(page, ROLES).get_by_label("Note").fill("Draft terms by June")

    plain = pdf_text(page, tmp_path)  # printing the page as it is: the paper checklist
    assert ROLES in plain and "Draft terms by June" not in plain and "Not answered" not in plain
    assert "Print my answers" not in plain and "Not applicable" not in plain

    main.get_by_role("button", name="Print my answers").click()
    assert page.evaluate("window.printed") == 1
    today = page.evaluate("new Intl.DateTimeFormat('en-GB', {dateStyle: 'long'}).format(new Date())")
    text = pdf_text(page, tmp_path)
    assert f"Answers printed on {today}" in text
    assert f"{ROLES} Partly Note: Draft terms by June" in text
    assert f"{EMPLOYS} Not applicable" in text
    assert f"{LEAD} Not answered" in text
    assert "Print my answers" not in text and "Clear answers" not in text
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert "Draft terms by June" not in pdf_text(page, tmp_path)
    assert errors == []


def test_axe_finds_no_violations_with_the_self_check_in_use(page, site_url, errors):
    open_sheet(page, site_url)
    main = checklist(page)
    answer(page, ROLES, "Partly")
    answer(page, EMPLOYS, "Yes")
    answer(page, TIME, "Not yet")
    question(page, LEAD).get_by_role("button", name="Add a note").click()
    question(page, LEAD).get_by_label("Note").fill("A note")
    main.get_by_role("button", name="Clear answers").click()
    main.locator("input[type=file]").set_input_files(files=[{"name": "x.json", "mimeType": "application/json", "buffer": b"nope"}])
    main.get_by_role("status").get_by_text("cannot be loaded").wait_for()
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""() => axe.run(document, {runOnly: {type: "tag",
        values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}})""")
    violations = [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]]
    assert violations == []
    assert result["passes"]
    assert errors == []


def test_script_and_styles_are_small_and_served_as_files(site):
    assets = site / "assets"
    files = [assets / "selfcheck.js", assets / "selfcheck.css"]
    sizes = {f.name: len(gzip.compress(f.read_bytes(), 9)) for f in files}
    assert sum(sizes.values()) < 6 * 1024, sizes
    html = (site / "working-with-others" / "partnership" / "index.html").read_text()
    assert '<script src="../../assets/selfcheck.js">' in html
    assert "gdSelfcheck" not in html and "eval(" not in "".join(f.read_text() for f in files)
