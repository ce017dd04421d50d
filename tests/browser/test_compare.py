"""Comparing partners' answers in a real browser: two partners answer the self-check in browsers of
their own and save their files, a third loads both on the comparison page (English and Welsh),
sees the differences marked and counted, filters them, writes an action plan that survives a reload,
prints it to PDF, exports it as CSV and as a file that loads back; bad files refused; axe; no JS."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import ROOT, pdf_pages, pdf_text

SHEET = "/working-with-others/partnership/"
COMPARE = "/working-with-others/partnership/compare-checklist/"
SHEET_CY = "/cy/gweithio-gydag-eraill/partneriaeth/"
COMPARE_CY = "/cy/gweithio-gydag-eraill/partneriaeth/cymharu-rhestr-wirio/"
ROLES = "Are the roles and responsibilities of all partners clearly defined and agreed?"
LEAD = "Is there a lead partner? Is their role clearly defined?"
EMPLOYS = "Who employs any staff"
BUDGET = "Is there a budget/time set aside for training/capacity building for partners?"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
LEAD_CY = "Oes partner arweiniol? A yw ei rôl wedi'i diffinio'n glir?"
WELSH = {"Yes": "Ie", "Partly": "Yn rhannol", "Not yet": "Ddim eto", "Not applicable": "Amherthnasol"}


def answer_as_partner(browser, base: str, lang: str, name: str, answers: dict[str, str], folder: Path) -> Path:
    """A partner in a browser of its own: opens the sheet, answers, saves its answers to a file."""
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        page.goto(base + (SHEET_CY if lang == "cy" else SHEET))
        main = page.locator('[data-checklist="partnership/checklist"]')
        for question_id, choice in answers.items():
            main.locator(f'[data-question="{question_id}"] > fieldset > .gd-sc__answers').get_by_label(choice, exact=True).check()
        name_field = main.get_by_label(re.compile("^(Your name, or your organisation's name|Eich enw, neu enw eich sefydliad)"))
        name_field.fill(name)
        with page.expect_download() as download:
            main.get_by_role("button", name=re.compile("^(Save answers to a file|Cadw'r atebion mewn ffeil)$")).click()
        path = folder / name / download.value.suggested_filename
        download.value.save_as(path)
        return path
    finally:
        context.close()


@pytest.fixture
def two_partners(browser, site_url, tmp_path):
    """Two partners' answer files, saved from the English self-check."""
    one = answer_as_partner(browser, site_url, "en", "Cardiff Food Bank",
                            {"roles-defined": "Yes", "lead-partner": "Partly", "who-employs-staff": "Yes"}, tmp_path)
    two = answer_as_partner(browser, site_url, "en", "Swansea CVS",
                            {"roles-defined": "Yes", "lead-partner": "Not yet", "who-employs-staff": "Not applicable",
                             "training-budget": "Yes"}, tmp_path)
    return one, two


def load(page, files):
    """Choose files in the comparison's file picker: saved files (paths) or made-up ones."""
    page.locator('[data-cp-part="file"]').set_input_files([as_file(f) for f in files])


def as_file(file) -> dict:
    if isinstance(file, dict):
        return file
    path = Path(file)
    return {"name": path.name, "mimeType": "application/json", "buffer": path.read_bytes()}


def test_two_partners_compared_in_english_differences_marked_counted_and_filtered(browser, site_url, two_partners, errors, page):
    one, two = two_partners
    assert json.loads(one.read_text())["name"] == "Cardiff Food Bank"
    page.set_viewport_size(DESKTOP)
    page.goto(site_url + COMPARE)
    load(page, [str(one), str(two)])
    summary = page.locator('[data-cp-part="summary"]')
    expect(summary).to_have_text("Partners agree on 1 of 18 questions. They differ on 2 questions.")
    expect(page.get_by_role("status")).to_contain_text("Answers from 2 partners loaded.")

    # Wide screen: a table per group, column headers the partners' names, row headers the questions
    table = page.get_by_role("table", name="Establishing clear roles: each partner's answer")
    assert table.get_by_role("columnheader").all_inner_texts() == ["Question", "Cardiff Food Bank", "Swansea CVS"]
    lead = table.get_by_role("row").filter(has_text=LEAD)
    assert lead.get_by_role("cell").all_inner_texts() == ["Partly", "Not yet"]
    expect(lead.get_by_role("rowheader")).to_contain_text("Partners differ")
    roles = table.get_by_role("row").filter(has_text=ROLES)
    expect(roles.get_by_role("rowheader")).to_contain_text("Partners agree")
    expect(page.locator(".gd-compare__agreement").first).to_have_text("Partners agree on 1 of 2 questions in this group.")
    budget = page.get_by_role("row").filter(has_text=BUDGET)
    expect(budget.get_by_role("rowheader")).to_contain_text("Not everyone has answered")
    assert budget.get_by_role("cell").all_inner_texts() == ["Not answered", "Yes"]

    # The filter: only the questions where partners do not agree (differ, or not everyone answered)
    rows = page.locator(".gd-compare__table tbody tr")
    assert rows.count() == 18 + 1  # the sub-items' parent has a row of its own
    page.get_by_label("Show only the questions where partners do not agree").check()
    visible = page.locator(".gd-compare__table tbody tr:visible")
    assert visible.count() == 17
    expect(roles).to_be_hidden()
    page.get_by_label("Show only the questions where partners do not agree").uncheck()
    expect(roles).to_be_visible()

    # A phone: a list per question, each partner named with its answer
    page.set_viewport_size(PHONE)
    expect(page.locator(".gd-compare__table").first).to_be_hidden()
    item = page.locator(".gd-compare__list > li", has_text=LEAD)
    assert item.locator("dt").all_inner_texts() == ["Cardiff Food Bank", "Swansea CVS"]
    assert item.locator("dd").all_inner_texts() == ["Partly", "Not yet"]
    assert errors == []


def test_action_plan_is_kept_printed_and_exported(browser, site_url, two_partners, errors, page, tmp_path):
    one, two = two_partners
    page.goto(site_url + COMPARE)
    load(page, [str(one), str(two)])
    plan = page.locator('[data-cp-part="plan"]')
    expect(page.locator('[data-cp-part="plan-count"]')).to_have_text("2 questions need an action.")
    assert plan.locator("legend").all_inner_texts() == [LEAD, f"Does the partnership constitution and structure define: {EMPLOYS}"]
    lead = plan.get_by_role("group", name=LEAD)
    lead.get_by_label("Action").fill("Agree who leads, at the May meeting")
    lead.get_by_label("Who").fill("Siân Roberts")
    lead.get_by_label("By when").fill("31 May")

    page.reload()
    lead = page.locator('[data-cp-part="plan"]').get_by_role("group", name=LEAD)
    expect(lead.get_by_label("Action")).to_have_value("Agree who leads, at the May meeting")
    expect(lead.get_by_label("Who")).to_have_value("Siân Roberts")
    expect(page.locator('[data-cp-part="summary"]')).to_have_text("Partners agree on 1 of 18 questions. They differ on 2 questions.")

    # Print: the plan, then the answers side by side, on a few A4 pages
    page.add_init_script("window.print = () => { window.printed = true; };")
    page.evaluate("window.print = () => { window.printed = true; }")
    page.get_by_role("button", name="Print the plan and the answers").click()
    assert page.evaluate("window.printed") is True
    pdf = tmp_path / "plan.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = " ".join(pdf_text(pdf).split())
    print(f"action plan document, en: {pdf_pages(pdf)} A4 pages")
    assert pdf_pages(pdf) <= 3
    assert text.index("Action plan") < text.index("Agree who leads") < text.index("Partners' answers side by side")
    assert "Siân Roberts" in text and "Printed on" in text and "Choose answer files" not in text
    assert "Cardiff Food Bank: Partly; Swansea CVS: Not yet" in text

    # CSV: UTF-8 with a byte order mark, a header, a row per action
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the plan as a spreadsheet (CSV)").click()
    assert download.value.suggested_filename == "partnership-checklist-action-plan.csv"
    raw = Path(download.value.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0] == ["Group", "Question", "Cardiff Food Bank", "Swansea CVS", "Agreement", "Action", "Who", "By when"]
    assert rows[1] == ["Establishing clear roles", LEAD, "Partly", "Not yet", "Partners differ",
                       "Agree who leads, at the May meeting", "Siân Roberts", "31 May"]
    assert len(rows) == 3

    # The plan as a file: loads back in another browser, answers and actions together
    with page.expect_download() as download:
        page.get_by_role("button", name="Save the plan to a file").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    other = browser.new_context(viewport=PHONE)
    try:
        elsewhere = other.new_page()
        elsewhere.goto(site_url + COMPARE)
        load(elsewhere, [str(saved)])
        expect(elsewhere.get_by_role("status")).to_contain_text(f"The action plan was loaded from {saved.name}.")
        expect(elsewhere.locator('[data-cp-part="partners"] li')).to_have_count(2)
        expect(elsewhere.get_by_role("group", name=LEAD).get_by_label("Who")).to_have_value("Siân Roberts")
    finally:
        other.close()
    assert errors == []


def test_two_partners_compared_in_welsh(browser, site_url, page, errors, tmp_path):
    one = answer_as_partner(browser, site_url, "cy", "Banc Bwyd Caerdydd",
                            {"roles-defined": WELSH["Yes"], "lead-partner": WELSH["Partly"]}, tmp_path)
    two = answer_as_partner(browser, site_url, "cy", "CGG Abertawe",
                            {"roles-defined": WELSH["Yes"], "lead-partner": WELSH["Yes"]}, tmp_path)
    page.set_viewport_size(DESKTOP)
    page.goto(site_url + COMPARE_CY)
    load(page, [str(one), str(two)])
    expect(page.locator('[data-cp-part="summary"]')).to_have_text(
        "Mae'r partneriaid yn cytuno ar 1 o 18 cwestiwn. Maen nhw'n anghytuno ar 1 cwestiwn.")
    expect(page.get_by_role("status")).to_contain_text("Llwythwyd atebion 2 bartner.")
    group = page.locator(".gd-compare__agreement").first
    expect(group).to_have_text("Mae'r partneriaid yn cytuno ar 1 o 2 gwestiwn yn y grŵp hwn.")
    table = page.locator(".gd-compare__table").first
    assert table.get_by_role("columnheader").all_inner_texts() == ["Cwestiwn", "Banc Bwyd Caerdydd", "CGG Abertawe"]
    expect(table).to_contain_text("Mae'r partneriaid yn anghytuno")
    expect(page.locator('[data-cp-part="plan-count"]')).to_have_text("Mae angen cam gweithredu ar 1 cwestiwn.")
    saved_on = page.locator('[data-cp-part="partners"] li').first.inner_text()
    assert re.search(r"cadwyd ar \d+ (Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr) \d{4}", saved_on)
    english_words = ["Partners", "Question", "Not answered", "Action", "Who", "By when", "Print", "Load", "Remove"]
    body = page.locator("article").inner_text()
    assert [word for word in english_words if re.search(rf"\b{word}\b", body)] == []

    page.get_by_role("group", name=LEAD_CY).get_by_label("Cam gweithredu").fill("Cytuno ar bartner arweiniol")
    pdf = tmp_path / "cynllun.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = " ".join(pdf_text(pdf).split())
    print(f"action plan document, cy: {pdf_pages(pdf)} A4 pages")
    assert pdf_pages(pdf) <= 3
    assert text.index("Cynllun gweithredu") < text.index("Cytuno ar bartner arweiniol") < text.index("Atebion y partneriaid ochr yn ochr")
    assert errors == []


def test_bad_foreign_duplicate_and_too_many_files_get_clear_messages(site_url, page, two_partners, errors, tmp_path):
    one, two = two_partners
    other_list = tmp_path / "individual.json"
    other_list.write_text(json.dumps({"format": "gd-selfcheck", "v": 1, "checklist": "partnership/as-an-individual", "answers": {}}))
    page.goto(site_url + COMPARE)
    load(page, [{"name": "notes.json", "mimeType": "application/json", "buffer": b"these are not answers"},
                {"name": "photo.json", "mimeType": "application/json", "buffer": b'{"format": "something-else"}'},
                str(other_list), str(one), str(one)])
    problems = page.get_by_role("alert")
    expect(problems).to_contain_text("notes.json cannot be loaded: it is not a file of answers saved from this self-check, or it is damaged.")
    expect(problems).to_contain_text("photo.json cannot be loaded: it is not a file of answers saved from this self-check, or it is damaged.")
    expect(problems).to_contain_text("individual.json cannot be loaded: it holds answers to a different checklist.")
    expect(problems).to_contain_text(f"{one.name} was not loaded: answers from Cardiff Food Bank are already loaded.")
    expect(page.get_by_text("Load at least two files to compare the answers.")).to_be_visible()
    expect(page.locator('[data-cp-part="partners"] li')).to_have_count(1)

    many = []
    for n in range(9):
        path = tmp_path / f"partner-{n}.json"
        path.write_text(json.dumps({"format": "gd-selfcheck", "v": 1, "checklist": "partnership/checklist", "name": f"Partner organisation {n}", "answers": {}}))
        many.append(str(path))
    load(page, many)
    expect(page.get_by_role("alert")).to_contain_text("partner-7.json was not loaded: you can compare up to 8 partners at a time.")
    expect(page.locator('[data-cp-part="partners"] li')).to_have_count(8)
    assert errors == []


def test_files_dropped_on_the_page_are_loaded(site_url, page, two_partners, errors):
    one, two = two_partners
    page.goto(site_url + COMPARE)
    transfer = page.evaluate_handle("""([a, b]) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([a], "one.json", {type: "application/json"}));
        transfer.items.add(new File([b], "two.json", {type: "application/json"}));
        return transfer;
    }""", [one.read_text(), two.read_text()])
    page.dispatch_event('[data-cp-part="drop"]', "dragover", {"dataTransfer": transfer})
    page.dispatch_event('[data-cp-part="drop"]', "drop", {"dataTransfer": transfer})
    expect(page.locator('[data-cp-part="summary"]')).to_contain_text("Partners agree on 1 of 18 questions.")
    assert errors == []


def test_an_answer_to_earlier_words_is_shown_as_such(site_url, page, two_partners, errors, tmp_path):
    one, two = two_partners
    data = json.loads(one.read_text())
    data["answers"]["roles-defined"].update(f="0ld0ld00", t="Are the roles of all partners defined?")
    older = tmp_path / "older.json"
    older.write_text(json.dumps(data))
    page.goto(site_url + COMPARE)
    load(page, [str(older), str(two)])
    item = page.locator(".gd-compare__list > li", has_text=ROLES)
    expect(item.locator("dd").first).to_have_text("Yes Answered to an earlier wording of this question: Are the roles of all partners defined?")
    assert errors == []


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_axe_finds_no_violations_with_the_comparison_loaded(site_url, page, two_partners, errors, viewport):
    one, two = two_partners
    page.set_viewport_size(viewport)
    page.goto(site_url + COMPARE)
    load(page, [str(one), str(two), {"name": "bad.json", "mimeType": "application/json", "buffer": b"x"}])
    page.get_by_role("alert").get_by_text("bad.json").wait_for()
    page.get_by_role("group", name=LEAD).get_by_label("Action").fill("Decide")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""() => axe.run(document, {runOnly: {type: "tag",
        values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}})""")
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]] == []
    assert result["passes"]
    assert errors == []


def test_keyboard_only_load_filter_and_plan(site_url, page, two_partners, errors):
    one, two = two_partners
    page.goto(site_url + COMPARE)
    load(page, [str(one), str(two)])
    page.locator('[data-cp-part="filter"]').focus()
    page.keyboard.press("Space")
    expect(page.locator('[data-cp-part="filter"]')).to_be_checked()
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.labels[0].textContent")
    assert focused == "Action"
    page.keyboard.type("Talk it through")
    page.keyboard.press("Tab")
    page.keyboard.type("Chair")
    expect(page.get_by_role("group", name=LEAD).get_by_label("Who")).to_have_value("Chair")
    assert errors == []


def test_without_javascript_the_page_says_what_it_needs(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + COMPARE)
        expect(page.get_by_text("This comparison needs JavaScript")).to_be_visible()
        expect(page.get_by_text("Choose answer files")).to_be_hidden()
        expect(page.get_by_role("link", name=re.compile("^Back to the self-check"))).to_be_visible()
    finally:
        context.close()


def test_reached_from_the_self_check(site_url, page, errors):
    page.goto(site_url + SHEET)
    main = page.locator('[data-checklist="partnership/checklist"]')
    main.get_by_role("link", name="Compare answers from several partners").click()
    page.wait_for_url(f"**{COMPARE}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Compare partners' answers: Setting up the partnership - a checklist")
    expect(page.get_by_text("Choose answer files")).to_be_visible()
    page.get_by_role("link", name="Cymraeg").click()
    page.wait_for_url(f"**{COMPARE_CY}")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Cymharu atebion partneriaid")
    expect(page.get_by_text("Dewis ffeiliau atebion")).to_be_visible()
    assert errors == []


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_print_my_answers_fits_on_three_a4_pages_with_every_question_answered(page, site_url, errors, tmp_path, lang):
    """The answers summary of the sheet's checklist, every question answered and every note written."""
    page.add_init_script("window.print = () => {};")
    page.goto(site_url + (SHEET_CY if lang == "cy" else SHEET))
    main = page.locator('[data-checklist="partnership/checklist"]')
    radios = main.locator(".gd-sc__answers")
    for n in range(radios.count()):
        radios.nth(n).locator("input").nth(n % 4).check()
    toggles = main.locator("button[aria-expanded=false]")
    for _ in range(toggles.count()):
        toggles.first.click()
    for note in main.locator("textarea").all():
        note.fill("Agreed at the steering group in March; the chair will check again before the summer meeting.")
    expect(main.locator(".gd-sc__progress")).to_contain_text("18")
    main.locator(".gd-sc__actions button").first.click()  # Print my answers / Argraffu fy atebion
    pdf = tmp_path / f"answers-{lang}.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = " ".join(pdf_text(pdf).split())
    pages = pdf_pages(pdf)
    print(f"answers summary, {lang}: {pages} A4 pages")
    assert pages <= 3
    assert text.count("Agreed at the steering group in March") == 14  # a note on each of the 14 questions
    assert ("Disclaimer" if lang == "en" else "Ymwadiad") not in text
    assert errors == []


def test_written_answers_are_shown_side_by_side_and_not_counted(page, site_url, errors, tmp_path):
    page.goto(site_url + "/working-with-others/partnership/compare-as-an-individual/")
    prints = page.evaluate("Object.fromEntries([...document.querySelectorAll('[data-cp-fingerprint]')]"
                           ".map(q => [q.dataset.cpQuestion, q.dataset.cpFingerprint]))")
    files = []
    for name, time, structures in [("Ann", "yes", "A board of trustees"), ("Bryn", "yes", "An informal steering group")]:
        answers = {"have-time": {"f": prints["have-time"], "a": time},
                   "partnership-structures": {"f": prints["partnership-structures"], "w": structures}}
        files.append({"name": f"{name}.json", "mimeType": "application/json", "buffer": json.dumps(
            {"format": "gd-selfcheck", "v": 1, "checklist": "partnership/as-an-individual", "name": name, "answers": answers}).encode()})
    load(page, files)
    expect(page.locator('[data-cp-part="summary"]')).to_have_text("Partners agree on 1 of 3 questions.")
    item = page.locator(".gd-compare__list > li", has_text="What are the partnership structures")
    assert item.locator("dd").all_inner_texts() == ["A board of trustees", "An informal steering group"]
    assert item.locator(".gd-compare__tag").count() == 0
    assert errors == []
