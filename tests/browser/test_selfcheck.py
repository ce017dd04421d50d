"""The self-check in a real browser: answering, progress, saving on the device, every way in,
clearing, saving to and loading from a file, printing, storage trouble, keyboard, no JavaScript, axe.

The page is the component's examples (components/selfcheck/examples/sheet.yml) built into a site of
their own: a checklist of 5 questions in two groups ("Getting started." 2, "Sharing the work:" 3,
two of those the sub-items of "Has the group agreed:"), and a second one, "On your own", of 2."""

from __future__ import annotations

import gzip
import json
import re
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import ROOT
from guidance.components.selfcheck import NAMES, PROGRESS_URI, SCRIPT_URI, STYLESHEET
from guidance.served import stylesheet as served_stylesheet

SHEET = "/working-with-others/self-check-example/"
WELSH_SHEET = "/cy/gweithio-gydag-eraill/self-check-example/"  # the series' Welsh slug, from the catalogue
MAIN = "self-check-example/checklist"
OWN = "self-check-example/on-your-own"
KEY = "gd-selfcheck:" + MAIN
PLAN = "Do you have a written plan?"            # group "Getting started."
ROLES = "Are everyone's roles agreed?"
AGREED = "Has the group agreed:"                 # group "Sharing the work:", with two sub-items
WRITES = "Who writes the reports"
PAYS = "Who pays the bills"
BUDGET = "Is there a budget for training?"
TIME = "Do you have the time?"                  # the second checklist, "On your own"
BRING = "What would you bring to the work"      # answered in words
SAVED = "Your answers are saved in this browser on this device only. Nothing is sent anywhere."
UNSAVED = "Your answers cannot be saved in this browser"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def checklist(page, name=MAIN):
    return page.locator(f'[{NAMES.checklist}="{name}"]')


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


@pytest.fixture
def site_url(selfcheck_site):
    return selfcheck_site.url


def open_sheet(page, site_url):
    page.goto(site_url + SHEET)
    question(page, PLAN).wait_for()


def test_each_question_and_sub_item_gets_labelled_answers(page, site_url, errors):
    open_sheet(page, site_url)
    main = checklist(page)
    assert main.get_by_role("radio").count() == 5 * 4
    labels = [label.strip() for label in question(page, PLAN).locator("label:has(input[type=radio])").all_inner_texts()]
    assert labels == ["Yes", "Partly", "Not yet", "Not applicable"]
    agreed = question(page, AGREED)
    assert agreed.get_by_role("group").count() == 2
    assert agreed.get_by_role("radio").count() == 2 * 4  # the sub-items are answered, not the question above them
    assert agreed.get_by_role("group", name=WRITES).get_by_role("radio", name="Yes").count() == 1
    assert main.get_by_text(SAVED).is_visible()
    assert errors == []


def test_answering_updates_progress_per_group_and_overall_and_announces_it(page, site_url, errors):
    open_sheet(page, site_url)
    main = checklist(page)
    assert progress(main) == "You have answered 0 of 5 questions."
    answer(page, PLAN, "Partly")
    answer(page, WRITES, "Yes")
    assert checked(page, PLAN) == "Partly"
    group = main.locator(f'[{NAMES.group}="sharing-the-work"]')
    assert group.get_by_text("1 of 3 questions answered", exact=True).is_visible()
    assert main.locator(f'[{NAMES.group}="getting-started"]').get_by_text("1 of 2 questions answered", exact=True).is_visible()
    assert progress(main) == "You have answered 2 of 5 questions."
    live = main.locator("[aria-live=polite]")
    assert live.inner_text() == "You have answered 2 of 5 questions."  # one sentence per answer
    answer(page, PLAN, "Yes")
    assert checked(page, PLAN) == "Yes"
    assert progress(main) == "You have answered 2 of 5 questions."
    assert errors == []


def test_summary_lists_what_is_left_in_sheet_order_and_links_to_each_question(page, site_url, errors):
    open_sheet(page, site_url)
    main = checklist(page)
    summary = main.locator("div:has(> h3:text-is('What is left to do')) li")
    assert main.get_by_text("5 questions still to do", exact=True).is_visible()
    answer(page, PLAN, "Yes")
    answer(page, ROLES, "Not yet")
    answer(page, WRITES, "Not applicable")
    answer(page, BUDGET, "Partly")
    assert main.get_by_text("3 questions still to do", exact=True).is_visible()
    items = summary.all_inner_texts()
    assert len(items) == 3
    assert items[0] == ROLES + " Not yet"
    assert items[1] == f"{AGREED} {PAYS} Not answered Read more in this sheet: Writing a plan"  # its question's see: links
    assert items[-1] == BUDGET + " Partly"
    summary.first.get_by_role("link").click()
    page.wait_for_function("location.hash === '#roles-agreed'")
    expect(question(page, ROLES)).to_be_in_viewport()
    # focus moves to the question (its chosen answer), so Tab continues from there, not from the top
    expect(question(page, ROLES).get_by_role("radio", name="Not yet")).to_be_focused()
    summary.nth(1).get_by_role("link").first.click()
    expect(question(page, PAYS).get_by_role("radio").first).to_be_focused()
    assert errors == []


def test_reload_keeps_answers_and_notes(page, site_url, errors):
    open_sheet(page, site_url)
    answer(page, PLAN, "Not yet")
    answer(page, WRITES, "Partly")
    question(page, ROLES).get_by_role("button", name="Add a note").click()
    question(page, ROLES).get_by_label("Note").fill("Ask Sam to lead")
    data = stored(page)
    assert data["v"] == 1 and data["checklist"] == MAIN
    assert set(data["answers"]) == {"have-plan", "who-writes", "roles-agreed"}
    page.reload()
    question(page, PLAN).wait_for()
    assert checked(page, PLAN) == "Not yet"
    assert checked(page, WRITES) == "Partly"
    assert checked(page, ROLES) is None
    assert question(page, ROLES).get_by_label("Note").input_value() == "Ask Sam to lead"
    assert question(page, ROLES).get_by_role("button", name="Hide the note").get_attribute("aria-expanded") == "true"
    assert progress(checklist(page)) == "You have answered 2 of 5 questions."
    assert errors == []


def test_on_your_own_is_a_second_self_check_of_its_own(page, site_url, errors):
    open_sheet(page, site_url)
    own = checklist(page, OWN)
    assert own.get_by_role("radio").count() == 2 * 4
    assert progress(own) == "You have answered 0 of 3 questions."
    answer(page, TIME, "Yes")
    assert progress(own) == "You have answered 1 of 3 questions."
    assert own.locator("[aria-live=polite]").inner_text() == "You have answered 1 of 3 questions."
    assert progress(checklist(page)) == "You have answered 0 of 5 questions."
    saved = stored(page, "gd-selfcheck:" + OWN)
    assert saved["checklist"] == OWN
    assert {key: entry["a"] for key, entry in saved["answers"].items()} == {"have-time": "yes"}
    assert stored(page) is None
    assert errors == []


def welsh_answer(page, checklist_id, question_id):
    """The label of the checked answer on the Welsh page, where the questions are in Welsh."""
    label = checklist(page, checklist_id).locator(f'[{NAMES.question}="{question_id}"] label:has(input:checked)')
    return label.inner_text().strip() if label.count() else None


def test_english_to_welsh_keeps_answers(page, site_url, errors):
    """Answers hang on the checklist's and the questions' ids, not on the page's language or URL."""
    open_sheet(page, site_url)
    answer(page, PLAN, "Partly")
    answer(page, TIME, "Not yet")
    page.goto(site_url + WELSH_SHEET)
    welsh = checklist(page)
    welsh.get_by_role("radio").first.wait_for()
    assert page.locator("html").get_attribute("lang") == "cy"
    assert welsh.get_by_text("Mae eich atebion yn cael eu cadw yn y porwr hwn ar y ddyfais hon yn unig.").is_visible()
    assert progress(welsh) == "Rydych wedi ateb 1 o 5 cwestiwn."
    assert welsh_answer(page, MAIN, "have-plan") == "Yn rhannol"
    assert welsh_answer(page, OWN, "have-time") == "Ddim eto"
    welsh.locator(f'[{NAMES.question}="roles-agreed"]').get_by_label("Ie", exact=True).check()
    page.goto(site_url + SHEET)
    question(page, PLAN).wait_for()
    assert checked(page, ROLES) == "Yes"
    assert checked(page, PLAN) == "Partly"
    assert errors == []


def test_reached_by_a_link_from_the_home_page_with_instant_navigation(page, site_url, errors):
    """The theme swaps pages in without loading them once the site knows its address, as hosted."""
    page.goto(f"{site_url}/")
    page.wait_for_load_state("networkidle")  # the theme has read the sitemap that tells it which links it may follow
    page.evaluate("window.sameDocument = true")
    page.get_by_role("link", name="3.9 Self-check example").click()
    page.wait_for_url("**" + SHEET)
    question(page, PLAN).wait_for()
    answer(page, PLAN, "Yes")
    assert progress(checklist(page)) == "You have answered 1 of 5 questions."
    assert page.locator(f"[{NAMES.started}]").count() == 2
    assert page.evaluate("window.sameDocument") is True  # swapped in, not loaded
    page.get_by_role("link", name="Cymraeg").click()
    page.wait_for_url("**" + WELSH_SHEET)
    welsh = checklist(page)
    welsh.get_by_role("radio").first.wait_for()
    assert progress(welsh) == "Rydych wedi ateb 1 o 5 cwestiwn."
    assert welsh_answer(page, MAIN, "have-plan") == "Ie"
    assert errors == []


def test_the_script_loads_with_checklists_only_and_a_second_run_is_harmless(page, site_url, errors):
    """The home page does not fetch the self-check's script; instant navigation runs it on every
    page that has it, and a run on a page already started changes nothing: each checklist is
    enhanced once, and one answer is one change."""
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(f"{site_url}/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in fetched if url.endswith(SCRIPT_URI)]
    page.evaluate("window.sameDocument = true")
    for _ in range(2):  # home -> sheet (the script's first run), home, sheet again (its second run)
        page.get_by_role("link", name="3.9 Self-check example").click()
        page.wait_for_url("**" + SHEET)
        question(page, PLAN).wait_for()
        page.wait_for_load_state("networkidle")
        page.get_by_role("link", name="Home").first.click()
        page.wait_for_url(f"{site_url}/")
    page.get_by_role("link", name="3.9 Self-check example").click()
    page.wait_for_url("**" + SHEET)
    question(page, PLAN).wait_for()
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.sameDocument") is True  # swapped in, never loaded
    expect(page.locator(f"[{NAMES.checklist}] .gd-sc__summary")).to_have_count(2)  # one per checklist (each starts in a task of its own)
    assert page.locator(".gd-sc__intro").count() == 2
    assert question(page, PLAN).get_by_role("radio").count() == 4
    page.evaluate("""() => {
        window.writes = 0;
        const setItem = Storage.prototype.setItem;
        Storage.prototype.setItem = function (...args) { window.writes += 1; return setItem.apply(this, args); };
    }""")
    answer(page, PLAN, "Yes")
    assert page.evaluate("window.writes") == 1
    assert progress(checklist(page)) == "You have answered 1 of 5 questions."
    assert errors == []


def test_back_button_shows_answers_changed_elsewhere(page, site_url, errors):
    open_sheet(page, site_url)
    answer(page, PLAN, "Partly")
    page.goto(site_url + "/")
    page.evaluate("""key => {
        const data = JSON.parse(localStorage.getItem(key));
        data.answers["have-plan"].a = "yes";
        localStorage.setItem(key, JSON.stringify(data));
    }""", KEY)
    page.go_back()
    question(page, PLAN).wait_for()
    page.wait_for_function(f"document.querySelector('[name={NAMES.control}have-plan][value=yes]').checked")
    assert checked(page, PLAN) == "Yes"
    assert errors == []


def test_restored_page_rereads_saved_answers(page, site_url, errors):
    """A page restored from the back/forward cache keeps its old DOM: pageshow re-reads storage."""
    open_sheet(page, site_url)
    answer(page, PLAN, "Partly")
    page.evaluate("""key => {
        const data = JSON.parse(localStorage.getItem(key));
        data.answers["have-plan"].a = "not-yet";
        localStorage.setItem(key, JSON.stringify(data));
        window.dispatchEvent(new PageTransitionEvent("pageshow", {persisted: true}));
    }""", KEY)
    assert checked(page, PLAN) == "Not yet"
    assert errors == []


def test_opened_from_disk(page, selfcheck_site, errors):
    page.goto((selfcheck_site.folder / SHEET.strip("/") / "index.html").as_uri())
    question(page, PLAN).wait_for()
    answer(page, PLAN, "Yes")
    assert progress(checklist(page)) == "You have answered 1 of 5 questions."
    page.reload()
    question(page, PLAN).wait_for()
    assert checked(page, PLAN) == "Yes"
    assert errors == []


def test_clearing_asks_first_then_clears_everything(page, site_url, errors):
    open_sheet(page, site_url)
    main = checklist(page)
    answer(page, PLAN, "Yes")
    question(page, ROLES).get_by_role("button", name="Add a note").click()
    question(page, ROLES).get_by_label("Note").fill("A note")
    main.get_by_role("button", name="Clear answers").click()
    confirm = main.get_by_text("Clear all your answers and notes to this checklist? This cannot be undone.")
    assert confirm.is_visible()
    yes = main.get_by_role("button", name="Yes, clear answers")
    assert page.evaluate("document.activeElement.textContent") == "Yes, clear answers"
    main.get_by_role("button", name="Cancel").click()
    assert not confirm.is_visible()
    assert checked(page, PLAN) == "Yes"
    main.get_by_role("button", name="Clear answers").click()
    yes.click()
    assert checked(page, PLAN) is None
    assert question(page, ROLES).get_by_label("Note").is_hidden()
    assert question(page, ROLES).get_by_label("Note").input_value() == ""
    assert main.get_by_role("status").inner_text() == "Your answers have been cleared."
    assert progress(main) == "You have answered 0 of 5 questions."
    assert page.evaluate("document.activeElement.textContent") == "Clear answers"
    assert stored(page) is None
    page.reload()
    question(page, PLAN).wait_for()
    assert checked(page, PLAN) is None
    assert errors == []


def test_corrupted_stored_value_starts_empty_and_says_so(page, site_url, errors):
    open_sheet(page, site_url)
    page.evaluate("key => localStorage.setItem(key, '{\"format\": \"gd-selfcheck\", \"v\": 1, \"answ')", KEY)
    page.reload()
    main = checklist(page)
    question(page, PLAN).wait_for()
    assert main.get_by_text("Answers saved earlier on this device could not be read, so this self-check starts empty.").is_visible()
    assert checked(page, PLAN) is None
    answer(page, PLAN, "Partly")
    assert progress(main) == "You have answered 1 of 5 questions."
    assert stored(page)["answers"]["have-plan"]["a"] == "partly"
    assert errors == []


def test_an_answer_to_a_reworded_question_is_not_shown(page, site_url, errors):
    open_sheet(page, site_url)
    answer(page, PLAN, "Yes")
    answer(page, ROLES, "Yes")
    page.evaluate("""key => {
        const data = JSON.parse(localStorage.getItem(key));
        data.answers["have-plan"].f = "0ldw0rd5";
        data.answers["removed-question"] = {f: "12345678", a: "yes"};
        localStorage.setItem(key, JSON.stringify(data));
    }""", KEY)
    page.reload()
    question(page, PLAN).wait_for()
    assert checked(page, PLAN) is None
    assert checked(page, ROLES) == "Yes"
    assert progress(checklist(page)) == "You have answered 1 of 5 questions."
    assert errors == []


BLOCKED = """Object.defineProperty(window, "localStorage", {get() { throw new DOMException("The operation is insecure.", "SecurityError"); }});"""
FULL = """Storage.prototype.setItem = function () { throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); };"""


@pytest.mark.parametrize("script", [BLOCKED, FULL], ids=["switched-off", "full"])
def test_storage_switched_off_or_full_still_works_and_says_answers_cannot_be_saved(page, site_url, errors, script):
    page.add_init_script(script)
    open_sheet(page, site_url)
    main = checklist(page)
    answer(page, PLAN, "Partly")
    answer(page, TIME, "Yes")
    assert checked(page, PLAN) == "Partly"
    assert progress(main) == "You have answered 1 of 5 questions."
    assert main.get_by_text(UNSAVED).is_visible()
    assert not main.get_by_text(SAVED).is_visible()
    main.get_by_role("button", name="Clear answers").click()
    main.get_by_role("button", name="Yes, clear answers").click()
    assert checked(page, PLAN) is None
    assert errors == []


def test_answers_saved_to_a_file_load_in_another_browser(page, browser, site_url, errors, tmp_path):
    open_sheet(page, site_url)
    main = checklist(page)
    answer(page, PLAN, "Partly")
    question(page, PLAN).get_by_role("button", name="Add a note").click()
    question(page, PLAN).get_by_label("Note").fill("Draft terms by June")
    with page.expect_download() as download:
        main.get_by_role("button", name="Save answers to a file").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert path.name == "self-check-example-checklist-answers.json"
    assert json.loads(path.read_text())["answers"]["have-plan"]["n"] == "Draft terms by June"

    other = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        elsewhere = other.new_page()
        open_sheet(elsewhere, site_url)
        with elsewhere.expect_file_chooser() as chooser:
            checklist(elsewhere).get_by_role("button", name="Load answers from a file").click()
        chooser.value.set_files(path)
        expect(checklist(elsewhere).get_by_role("status")).to_have_text("Answers loaded from the file.")  # read asynchronously
        assert checked(elsewhere, PLAN) == "Partly"
        assert question(elsewhere, PLAN).get_by_label("Note").input_value() == "Draft terms by June"
        elsewhere.reload()
        question(elsewhere, PLAN).wait_for()
        assert checked(elsewhere, PLAN) == "Partly"
    finally:
        other.close()
    assert errors == []


@pytest.mark.parametrize("content, message", [
    ("this is not JSON", "This file cannot be loaded: it is not a file of answers saved from this self-check."),
    ('{"name": "someone else\'s file"}', "This file cannot be loaded: it is not a file of answers saved from this self-check."),
    (json.dumps({"format": "gd-selfcheck", "v": 1, "checklist": OWN, "answers": {}}),
     "This file cannot be loaded: it holds answers to a different checklist."),
    (json.dumps({"format": "gd-selfcheck", "v": 1, "checklist": MAIN,
                 "answers": {"have-plan": {"f": "00000000", "a": "na"}, "no-such-question": {"f": "1", "a": "yes"}}}),
     "This file cannot be loaded: none of its answers match the questions of this checklist as they are worded "
     "now. Your answers have not been changed."),
], ids=["not-json", "foreign", "other-checklist", "matches-nothing"])
def test_importing_a_bad_file_is_refused_with_a_clear_message(page, site_url, errors, tmp_path, content, message):
    open_sheet(page, site_url)
    main = checklist(page)
    answer(page, PLAN, "Yes")
    bad = tmp_path / "answers.json"
    bad.write_text(content)
    main.locator("input[type=file]").set_input_files(bad)
    status = main.get_by_role("status")
    status.get_by_text(message).wait_for()
    assert status.is_visible()
    assert checked(page, PLAN) == "Yes"
    assert stored(page)["answers"]["have-plan"]["a"] == "yes"
    assert errors == []


def test_keyboard_only(page, site_url, errors):
    open_sheet(page, site_url)
    main = checklist(page)
    first = question(page, PLAN).get_by_role("radio", name="Yes")
    first.focus()
    page.keyboard.press("Space")
    assert checked(page, PLAN) == "Yes"
    page.keyboard.press("ArrowRight")
    assert checked(page, PLAN) == "Partly"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Writing a plan"  # the section that helps (see:)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Add a note"
    page.keyboard.press("Enter")
    page.keyboard.type("Typed with the keyboard")
    assert question(page, PLAN).get_by_label("Note").input_value() == "Typed with the keyboard"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == NAMES.control + "roles-agreed"
    page.keyboard.press("ArrowDown")
    assert checked(page, ROLES) == "Partly"

    main.get_by_role("button", name="Print my answers").focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Clear answers"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.textContent") == "Yes, clear answers"
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.textContent") == "Clear answers"
    assert checked(page, PLAN) == "Partly"
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    assert checked(page, PLAN) is None
    assert errors == []


def test_focus_is_visible_on_answers_and_buttons(page, site_url):
    open_sheet(page, site_url)
    page.keyboard.press("Tab")  # the page gets keyboard focus, so :focus-visible applies
    radio = question(page, PLAN).get_by_role("radio", name="Yes")
    radio.focus()
    assert radio.evaluate("e => getComputedStyle(e).boxShadow") != "none"
    button = checklist(page).get_by_role("button", name="Print my answers")
    button.focus()
    assert button.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(255, 221, 0)"


def test_a_self_check_that_fails_to_start_leaves_the_plain_checklist(page, site_url):
    """A browser that lacks something the script needs halfway through: the checklist is put back
    as the page had it, complete and readable, not left half made into a self-check."""
    page.add_init_script("""const make = Document.prototype.createElement;
        Document.prototype.createElement = function (tag, ...rest) {
            if (tag === "textarea") throw new Error("no notes in this browser");
            return make.call(this, tag, ...rest);
        };""")
    page.goto(site_url + SHEET)
    page.wait_for_load_state("load")
    main = checklist(page)
    expect(main).to_have_attribute(NAMES.started, "")
    assert main.locator(f"li[{NAMES.question}]").count() == 6
    assert main.get_by_role("radio").count() == 0 and main.locator("fieldset").count() == 0
    assert main.get_by_text(PLAN).is_visible() and main.get_by_text(PAYS).is_visible()


def test_without_javascript_the_checklist_is_complete_and_has_no_controls(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(site_url + SHEET)
        main = checklist(page)
        assert main.locator(f"li[{NAMES.question}]").count() == 6
        assert main.get_by_text(PLAN).is_visible()
        assert main.get_by_text(WRITES).is_visible()
        assert main.get_by_role("heading", name="Getting started.").is_visible()
        assert page.get_by_role("radio").count() == 0
        assert page.get_by_role("button", name="Print my answers").count() == 0
        assert page.get_by_text("You have answered", exact=True).count() == 0
        page.emulate_media(media="print")
        box = main.locator("li#have-plan").evaluate("e => getComputedStyle(e, '::before').borderTopStyle")
        assert box == "solid"  # an empty tick box on paper
    finally:
        context.close()


def pdf_text(page, tmp_path) -> str:
    pdf = tmp_path / "page.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(text.split())


def test_print_my_answers_prints_a_summary_of_answers_notes_and_what_is_left(page, site_url, errors, tmp_path):
    page.add_init_script("window.print = () => { window.printed = (window.printed || 0) + 1; };")
    open_sheet(page, site_url)
    main = checklist(page)
    answer(page, PLAN, "Partly")
    answer(page, WRITES, "Not applicable")
    question(page, PLAN).get_by_role("button", name="Add a note").click()
    question(page, PLAN).get_by_label("Note").fill("Draft terms by June")
    main.get_by_label("Your name, or your organisation's name (optional)").fill("Cardiff Food Bank")

    # The browser's own Print: the paper checklist, and a plain word on how to print the answers
    plain = pdf_text(page, tmp_path)
    assert PLAN in plain and "Draft terms by June" not in plain and "Not answered" not in plain
    assert 'Your answers are not on this printout. To print them, use the "Print my answers" button on the page.' in plain

    main.get_by_role("button", name="Print my answers").click()
    assert page.evaluate("window.printed") == 1
    today = page.evaluate("new Intl.DateTimeFormat('en-GB', {dateStyle: 'long'}).format(new Date())")
    text = pdf_text(page, tmp_path)
    assert text.startswith("Planning the work together 3.9 Self-check example Answers of Cardiff Food Bank "
                           f"Answers printed on {today} You have answered 2 of 5 questions.")
    assert "Getting started Yes 0, Partly 1, Not yet 0, Not applicable 0, Not answered 1" in text  # the group's result
    assert f"{PLAN} Partly. Note: Draft terms by June {ROLES} Not answered" in text
    assert "Sharing the work Yes 0, Partly 0, Not yet 0, Not applicable 1, Not answered 2" in text
    assert f"{AGREED} {WRITES} Not applicable {AGREED} {PAYS} Not answered" in text
    assert f"What is left to do 4 questions still to do {PLAN}: Partly {ROLES}: Not answered" in text
    assert "Print my answers" not in text and "Clear answers" not in text and "Disclaimer" not in text
    assert TIME not in text  # the other checklist's questions are not this summary's
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert "Draft terms by June" not in pdf_text(page, tmp_path)
    assert errors == []


def test_a_written_question_takes_words_instead_of_an_answer(page, site_url, errors, tmp_path):
    page.add_init_script("window.print = () => {};")
    open_sheet(page, site_url)
    own = checklist(page, OWN)
    bring = question(page, BRING)
    assert bring.get_by_role("radio").count() == 0 and bring.get_by_role("button").count() == 0
    box = bring.get_by_label("Your answer")
    expect(box).to_have_accessible_description("You have 500 characters left")
    box.fill("Two days a month and a minibus")
    assert progress(own) == "You have answered 1 of 3 questions."
    assert [a.inner_text() for a in own.locator(".gd-sc__summary li a").all()] == [TIME, "Does your organisation support you?"]
    assert stored(page, "gd-selfcheck:" + OWN)["answers"]["how-you-help"]["w"] == "Two days a month and a minibus"
    page.reload()
    expect(question(page, BRING).get_by_label("Your answer")).to_have_value("Two days a month and a minibus")
    checklist(page, OWN).get_by_role("button", name="Print my answers").click()
    assert f"{BRING} Two days a month and a minibus" in pdf_text(page, tmp_path)
    assert errors == []


def test_a_note_says_hide_when_open_and_counts_the_characters_left(page, site_url, errors):
    open_sheet(page, site_url)
    toggle = question(page, PLAN).get_by_role("button", name="Add a note")
    toggle.click()
    hide = question(page, PLAN).get_by_role("button", name="Hide the note")
    assert hide.get_attribute("aria-expanded") == "true"
    note = question(page, PLAN).get_by_label("Note")
    expect(note).to_have_accessible_description("You have 500 characters left")
    note.fill("Draft terms")
    expect(note).to_have_accessible_description("You have 489 characters left")
    note.fill("x" * 499)
    expect(note).to_have_accessible_description("You have 1 character left")
    hide.click()
    expect(note).to_be_hidden()
    assert question(page, PLAN).get_by_role("button", name="Add a note").get_attribute("aria-expanded") == "false"
    assert stored(page)["answers"]["have-plan"]["n"] == "x" * 499  # hidden, not thrown away
    assert errors == []


def test_the_name_is_kept_and_saved_in_the_file_with_each_questions_words(page, site_url, errors, tmp_path):
    open_sheet(page, site_url)
    main = checklist(page)
    answer(page, PLAN, "Yes")
    answer(page, WRITES, "Partly")
    main.get_by_label("Your name, or your organisation's name (optional)").fill("Swansea CVS")
    page.reload()
    expect(main.get_by_label("Your name, or your organisation's name (optional)")).to_have_value("Swansea CVS")
    with page.expect_download() as download:
        main.get_by_role("button", name="Save answers to a file").click()
    data = json.loads(Path(download.value.path()).read_text())
    assert data["name"] == "Swansea CVS"
    assert data["answers"]["have-plan"]["t"] == PLAN
    assert data["answers"]["who-writes"]["t"] == f"{AGREED} {WRITES}"
    assert errors == []


def test_axe_finds_no_violations_with_the_self_check_in_use(page, site_url, errors):
    open_sheet(page, site_url)
    main = checklist(page)
    answer(page, PLAN, "Partly")
    answer(page, WRITES, "Yes")
    answer(page, TIME, "Not yet")
    question(page, ROLES).get_by_role("button", name="Add a note").click()
    question(page, ROLES).get_by_label("Note").fill("A note")
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


def test_script_and_styles_are_small_and_served_as_files(selfcheck_site):
    """What a reader downloads for the component, gzipped: its script as served, and its share of
    the site's one stylesheet, which the build joins it into. The progress script (results,
    check-ins, printing and files) is a file of its own that the page names but does not load
    before it is needed."""
    def gzipped(text: str) -> int:
        return len(gzip.compress(text.encode(), 9))

    script = (selfcheck_site.folder / SCRIPT_URI).read_text()
    styles = served_stylesheet(STYLESHEET.read_text()) + "\n"  # minified, a line of the joined file
    joined = (selfcheck_site.folder / "assets" / "site.css").read_text()
    assert styles in joined
    sizes = {"script": gzipped(script), "styles": gzipped(joined) - gzipped(joined.replace(styles, ""))}
    assert sum(sizes.values()) < 5 * 1024, sizes
    html = (selfcheck_site.folder / SHEET.strip("/") / "index.html").read_text()
    assert '<script src="../../assets/selfcheck.js" defer' in html
    assert f'{NAMES.checkins_script}="../../{PROGRESS_URI}"' in html and f'src="../../{PROGRESS_URI}"' not in html
    assert gzipped((selfcheck_site.folder / PROGRESS_URI).read_text()) < 8 * 1024  # with the strings of every language
    assert SCRIPT_URI not in (selfcheck_site.folder / "index.html").read_text()  # a page with no checklist
    assert "gdSelfcheck" not in html and "eval(" not in script + styles
