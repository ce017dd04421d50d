"""The self-check over time in a real browser: the result of each group, check-ins and what changed
since one, check-ins after a reload, in the other language and in a saved file, deleting one, the
calendar reminder (parsed with icalendar, RFC 5545), storage trouble and hostile files, from disk,
under the sample Content Security Policy, with a keyboard, and axe.

The page is the component's examples (components/selfcheck/examples/sheet.yml), as in
test_selfcheck.py: the checklist "Planning the work together" has "Getting started." (PLAN, ROLES)
and "Sharing the work:" (AGREED with WRITES and PAYS, then BUDGET)."""

from __future__ import annotations

import calendar
import json
import re
from datetime import date
from pathlib import Path

import icalendar
import pytest
from playwright.sync_api import expect

from guidance.components.selfcheck import NAMES
from browser.test_hosting import Watch, host, nginx_headers  # noqa: F401 (host: the fixture that serves a site with headers)
from browser.test_selfcheck import (AGREED, AXE, BLOCKED, BUDGET, FULL, MAIN, OWN, PAYS, PLAN, ROLES, SHEET, WELSH_SHEET, WRITES, answer,
                            checked, checklist, open_sheet, pdf_text, question)

CHECKINS_KEY = NAMES.checkins_key + MAIN
RECORDED = re.compile(r"^Check-in recorded: \d{1,2} \w+ \d{4}, \d\d:\d\d")


@pytest.fixture
def site_url(selfcheck_site):
    return selfcheck_site.url


def part(page):
    """The checklist's check-ins, under the heading "Check-ins" (in Welsh, "Gwiriadau dros amser")."""
    heading = page.get_by_role("heading", name=re.compile("^(Check-ins|Gwiriadau dros amser)$"), level=3)
    return checklist(page).locator("div:has(> h3)").filter(has=heading)


def record(page, name=""):
    if name:
        part(page).get_by_label("Name this check-in (optional)").fill(name)
    part(page).get_by_role("button", name="Record this check-in").click()
    expect(checklist(page).locator("[aria-live=polite]")).to_have_text(RECORDED)


def options(page):
    return [text.strip() for text in part(page).get_by_role("combobox").locator("option").all_inner_texts()]


def changes(page):
    """The changes shown, by kind: {"Moved up": ["<question> <from>, now <to>", ...], ...}."""
    found = {}
    for heading in part(page).locator("h5").all():
        found[heading.text_content()] = [" ".join(li.split()) for li in heading.locator("xpath=following-sibling::ul[1]/li").all_inner_texts()]
    return found


def two_checkins(page):
    """Answers, a check-in named "March board", changed answers, a second check-in."""
    answer(page, PLAN, "Not yet")
    answer(page, ROLES, "Partly")
    answer(page, BUDGET, "Yes")
    record(page, "March board")
    answer(page, PLAN, "Partly")
    answer(page, ROLES, "Not yet")
    answer(page, WRITES, "Yes")
    answer(page, BUDGET, "Not applicable")
    record(page)


def test_answer_record_change_record_and_read_the_changes(page, site_url, errors):
    open_sheet(page, site_url)
    assert part(page).get_by_role("combobox").count() == 0  # nothing kept yet
    two_checkins(page)
    listed = options(page)
    assert len(listed) == 2 and listed[1].endswith("(March board)") and "(" not in listed[0]  # the newest first
    assert part(page).get_by_text("You have 2 check-ins on this device.").is_visible()
    expect(part(page).get_by_role("combobox")).to_have_value(re.compile(r"^\d{4}-"))
    assert part(page).locator("h4").inner_text() == f"What has changed since {listed[1]}"
    assert part(page).get_by_text(f"4 answers have changed since the check-in of {listed[1]}.").is_visible()
    assert changes(page) == {
        "Moved up": [f"{PLAN} Not yet, now Partly"],
        "Moved down": [f"{ROLES} Partly, now Not yet"],
        "Newly answered": [f"{AGREED} {WRITES} Not answered, now Yes"],
        "Changed": [f"{BUDGET} Yes, now Not applicable"],
    }
    part(page).get_by_role("link", name=PLAN).click()
    page.wait_for_function("location.hash === '#have-plan'")
    # Comparing with the latest check-in: nothing has changed since
    part(page).get_by_role("combobox").select_option(label=listed[0])
    assert part(page).get_by_text(f"Nothing has changed since the check-in of {listed[0]}.").is_visible()
    expect(checklist(page).locator("[aria-live=polite]")).to_have_text(f"Nothing has changed since the check-in of {listed[0]}.")
    assert changes(page) == {}
    data = json.loads(page.evaluate("key => localStorage.getItem(key)", CHECKINS_KEY))
    assert data["format"] == "gd-selfcheck-checkins" and data["v"] == 1 and data["checklist"] == MAIN
    assert [c.get("name") for c in data["checkins"]] == ["March board", None]
    assert errors == []


def test_checkins_are_found_after_a_reload_and_in_the_other_language(page, site_url, errors):
    open_sheet(page, site_url)
    two_checkins(page)
    earlier = options(page)[1]
    page.reload()
    question(page, PLAN).wait_for()
    expect(part(page).get_by_text("You have 2 check-ins on this device.")).to_be_visible()
    assert changes(page)["Moved up"] == [f"{PLAN} Not yet, now Partly"]
    assert part(page).locator("h4").inner_text() == f"What has changed since {earlier}"

    page.goto(site_url + WELSH_SHEET)
    welsh = part(page)
    expect(welsh.get_by_text("Mae gennych 2 wiriad ar y ddyfais hon.")).to_be_visible()  # two: soft mutation
    headings = welsh.locator("h5").all_text_contents()
    assert headings == ["Wedi codi", "Wedi gostwng", "Wedi'i ateb o'r newydd", "Wedi newid"]
    assert "Ddim eto, nawr Yn rhannol" in welsh.locator("h5:text-is('Wedi codi') + ul li").inner_text()
    assert welsh.get_by_role("button", name="Cofnodi'r gwiriad hwn").is_visible()
    assert page.locator("html").get_attribute("lang") == "cy"
    assert errors == []


def save_answers(page, tmp_path) -> Path:
    with page.expect_download() as download:
        checklist(page).get_by_role("button", name="Save answers to a file").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    return path


def test_saved_to_a_file_cleared_and_loaded_both_checkins_come_back_once(page, site_url, errors, tmp_path):
    open_sheet(page, site_url)
    two_checkins(page)
    before = options(page)
    path = save_answers(page, tmp_path)
    data = json.loads(path.read_text())
    assert [c.get("name") for c in data["checkins"]] == ["March board", None]
    assert data["checkins"][0]["answers"]["have-plan"] == {"f": data["answers"]["have-plan"]["f"], "a": "not-yet"}

    page.evaluate("localStorage.clear()")  # cleared: nothing of this self-check is left on the device
    page.reload()
    question(page, PLAN).wait_for()
    assert checked(page, PLAN) is None and part(page).get_by_role("combobox").count() == 0
    checklist(page).locator("input[type=file]").set_input_files(path)
    expect(checklist(page).get_by_role("status")).to_have_text("Answers loaded from the file. 2 check-ins added from the file.")
    assert checked(page, PLAN) == "Partly"
    assert options(page) == before
    assert changes(page)["Moved down"] == [f"{ROLES} Partly, now Not yet"]
    checklist(page).locator("input[type=file]").set_input_files(path)  # again: merged, never twice
    expect(checklist(page).get_by_role("status")).to_have_text("Answers loaded from the file. 0 check-ins added from the file.")
    assert options(page) == before
    page.reload()
    question(page, PLAN).wait_for()
    expect(part(page).get_by_role("combobox").locator("option")).to_have_count(2)
    assert errors == []


def answers_file(checkins) -> str:
    return json.dumps({"format": "gd-selfcheck", "v": 1, "checklist": MAIN, "answers": {}, "checkins": checkins})


@pytest.mark.parametrize("checkins", [
    "not a list",
    [{"at": "yesterday", "answers": {}}],
    [{"at": "2026-01-01T10:00:00Z", "answers": []}],
    [{"at": "2026-01-01T10:00:00Z", "answers": {}}] * 21,
    [None],
], ids=["not-a-list", "bad-date", "answers-not-a-mapping", "too-many", "null"])
def test_a_file_with_damaged_or_hostile_checkins_is_refused_whole(page, site_url, errors, tmp_path, checkins):
    open_sheet(page, site_url)
    answer(page, PLAN, "Yes")
    path = tmp_path / "answers.json"
    data = json.loads(answers_file(checkins))
    data["answers"] = {"have-plan": {"f": page.locator("#have-plan").get_attribute(NAMES.fingerprint), "a": "not-yet"}}
    path.write_text(json.dumps(data))
    checklist(page).locator("input[type=file]").set_input_files(path)
    expect(checklist(page).get_by_role("status")).to_have_text(
        "This file cannot be loaded: it is not a file of answers saved from this self-check.")
    assert checked(page, PLAN) == "Yes"
    assert page.evaluate("key => localStorage.getItem(key)", CHECKINS_KEY) is None
    assert errors == []


def test_hostile_text_in_a_checkin_is_shown_as_text(page, site_url, errors, tmp_path):
    open_sheet(page, site_url)
    fingerprint = page.locator("#have-plan").get_attribute(NAMES.fingerprint)
    hostile = "<img src=x onerror=alert(1)>"
    checkin = {"at": "2026-01-01T10:00:00Z", "name": hostile, "answers": {"have-plan": {"f": fingerprint, "a": "yes"},
                                                                          "__proto__": {"f": "x", "a": "yes"}}}
    data = {"format": "gd-selfcheck", "v": 1, "checklist": MAIN, "answers": {"have-plan": {"f": fingerprint, "a": "partly"}},
            "checkins": [checkin]}
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(data))
    page.on("dialog", lambda dialog: errors.append("dialog: " + dialog.message))
    checklist(page).locator("input[type=file]").set_input_files(path)
    expect(checklist(page).get_by_role("status")).to_have_text("Answers loaded from the file. 1 check-in added from the file.")
    assert options(page)[0].endswith(f"({hostile})")
    assert part(page).locator("img").count() == 0
    assert changes(page) == {"Moved down": [f"{PLAN} Yes, now Partly"]}
    assert errors == []


def test_a_checkin_is_deleted_after_asking(page, site_url, errors):
    open_sheet(page, site_url)
    two_checkins(page)
    earlier = options(page)[1]
    part(page).get_by_role("button", name="Delete this check-in").click()
    assert part(page).get_by_text(f"Delete the check-in of {earlier}? This cannot be undone.").is_visible()
    expect(part(page).get_by_role("button", name="Yes, delete this check-in")).to_be_focused()
    page.keyboard.press("Escape")
    expect(part(page).get_by_role("button", name="Delete this check-in")).to_be_focused()
    assert len(options(page)) == 2
    part(page).get_by_role("button", name="Delete this check-in").click()
    part(page).get_by_role("button", name="Yes, delete this check-in").click()
    expect(checklist(page).locator("[aria-live=polite]")).to_have_text(f"The check-in of {earlier} has been deleted.")
    assert len(options(page)) == 1
    assert part(page).get_by_text("You have 1 check-in on this device.").is_visible()
    part(page).get_by_role("button", name="Delete this check-in").click()
    part(page).get_by_role("button", name="Yes, delete this check-in").click()
    expect(part(page).get_by_role("button", name="Record this check-in")).to_be_focused()
    assert part(page).get_by_role("combobox").count() == 0 or not part(page).get_by_role("combobox").is_visible()
    assert page.evaluate("key => localStorage.getItem(key)", CHECKINS_KEY) is None
    assert errors == []


def test_the_twenty_first_checkin_drops_the_oldest_and_says_so(page, site_url, errors):
    open_sheet(page, site_url)
    kept = {"format": "gd-selfcheck-checkins", "v": 1, "checklist": MAIN,
            "checkins": [{"at": f"2025-01-{day:02}T10:00:00.000Z", "answers": {}} for day in range(1, 21)]}
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [CHECKINS_KEY, json.dumps(kept)])
    page.reload()
    expect(part(page).get_by_text("You have 20 check-ins on this device.")).to_be_visible()
    part(page).get_by_role("button", name="Record this check-in").click()
    live = checklist(page).locator("[aria-live=polite]")
    expect(live).to_contain_text("The oldest check-in, of 1 January 2025, ")
    expect(live).to_contain_text("was removed: up to 20 check-ins are kept for each checklist.")
    data = json.loads(page.evaluate("key => localStorage.getItem(key)", CHECKINS_KEY))
    assert len(data["checkins"]) == 20 and data["checkins"][0]["at"] == "2025-01-02T10:00:00.000Z"
    assert errors == []


def test_an_answer_in_a_checkin_to_a_reworded_question_is_marked_as_such(page, site_url, errors):
    open_sheet(page, site_url)
    kept = {"format": "gd-selfcheck-checkins", "v": 1, "checklist": MAIN,
            "checkins": [{"at": "2025-01-01T10:00:00.000Z", "answers": {"have-plan": {"f": "0ld0ld00", "a": "partly"}}}]}
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [CHECKINS_KEY, json.dumps(kept)])
    page.reload()
    question(page, PLAN).wait_for()
    answer(page, PLAN, "Yes")
    expect(part(page).locator("h5")).to_have_text(["Moved up"])
    assert changes(page)["Moved up"] == [f"{PLAN} Partly, now Yes (Answered to an earlier wording of this question)"]
    assert errors == []


def test_damaged_stored_checkins_are_said_and_the_page_works(page, site_url, errors):
    open_sheet(page, site_url)
    page.evaluate("key => localStorage.setItem(key, '{\"format\": \"gd-selfcheck-checkins\", \"v\": 1, [')", CHECKINS_KEY)
    page.reload()
    expect(part(page).get_by_text("Check-ins recorded earlier on this device could not be read.")).to_be_visible()
    answer(page, PLAN, "Yes")
    record(page)
    assert part(page).get_by_text("You have 1 check-in on this device.").is_visible()
    assert errors == []


@pytest.mark.parametrize("script", [BLOCKED, FULL], ids=["switched-off", "full"])
def test_storage_switched_off_or_full_checkins_work_for_the_visit_and_say_so(page, site_url, errors, script):
    page.add_init_script(script)
    open_sheet(page, site_url)
    answer(page, PLAN, "Partly")
    record(page)
    answer(page, PLAN, "Yes")
    expect(part(page).get_by_text("Check-ins cannot be kept in this browser", exact=False)).to_be_visible()
    assert changes(page) == {"Moved up": [f"{PLAN} Partly, now Yes"]}
    assert errors == []


def reminder(page, months: str) -> icalendar.Calendar:
    part(page).get_by_role("button", name=re.compile("^(Remind me to check again|Atgoffa fi i wirio eto)$")).click()
    part(page).get_by_label(months, exact=True).check()
    with page.expect_download() as download:
        part(page).get_by_role("button", name=re.compile("^(Download the calendar file|Lawrlwytho'r ffeil calendr)$")).click()
    raw = Path(download.value.path()).read_bytes()
    assert download.value.suggested_filename == "self-check-example-checklist-reminder.ics"
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    return icalendar.Calendar.from_ical(raw)


def months_on(today: date, months: int) -> date:
    """The same day ``months`` later, or the last day of a month too short for it."""
    years, month = divmod(today.month - 1 + months, 12)
    year = today.year + years
    return date(year, month + 1, min(today.day, calendar.monthrange(year, month + 1)[1]))


def test_remind_me_gives_a_calendar_file_in_the_pages_language(page, site_url, errors):
    open_sheet(page, site_url)
    checklist(page).get_by_role("button", name="Clear answers").wait_for()
    assert part(page).count() == 0  # the check-ins come with the first answer
    answer(page, PLAN, "Yes")
    today = date.fromisoformat(page.evaluate("(() => { const d = new Date(); return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0'); })()"))
    event = reminder(page, "12 months").walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "Check again: Planning the work together"
    assert event["SUMMARY"].params["LANGUAGE"] == "en"
    assert event["DTSTART"].dt == months_on(today, 12)
    assert str(event["URL"]).endswith(SHEET + "#checklist")
    assert 'Answer the self-check "Planning the work together" (3.9 Self-check example) again' in str(event["DESCRIPTION"])
    expect(checklist(page).locator("[aria-live=polite]")).to_contain_text("The calendar file for ")

    page.goto(site_url + WELSH_SHEET)
    checklist(page).get_by_role("radio").first.wait_for()
    event = reminder(page, "3 mis").walk("VEVENT")[0]
    assert str(event["SUMMARY"]).startswith("Gwirio eto: ")
    assert event["SUMMARY"].params["LANGUAGE"] == "cy"
    assert event["DTSTART"].dt == months_on(today, 3)
    assert "/cy/" in str(event["URL"])
    assert errors == []


def test_the_result_of_each_group_on_the_page_and_printed(page, site_url, errors, tmp_path):
    page.add_init_script("window.print = () => {};")
    open_sheet(page, site_url)
    answer(page, PLAN, "Yes")
    answer(page, ROLES, "Not yet")
    answer(page, WRITES, "Partly")
    answer(page, PAYS, "Not applicable")
    summary = checklist(page).locator("div:has(> h3:text-is('What is left to do'))")
    assert summary.locator("h4").all_inner_texts() == ["Getting started", "Sharing the work"]
    results = summary.locator(".gd-sc__result > p:first-child").all_inner_texts()
    assert results == ["Yes 1, Partly 0, Not yet 1, Not applicable 0, Not answered 0",
                       "Yes 0, Partly 1, Not yet 0, Not applicable 1, Not answered 1"]
    # the bar: a block per question, each kind of answer of its own shape and shade (not colour), for the eye only
    bars = summary.locator(".gd-sc__result > p[aria-hidden=true]")
    assert bars.all_inner_texts() == ["\u2588\u2592", "\u2593\u2591\u25a1"]  # Yes, Not yet | Partly, Not applicable, not answered
    # the group's questions still to do, linked, with the sections that help with them
    items = summary.locator("h4:text-is('Sharing the work') ~ ul li").all_inner_texts()
    assert [" ".join(item.split()) for item in items] == [
        f"{AGREED} {WRITES} Partly Read more in this sheet: Writing a plan", f"{BUDGET} Not answered"]
    summary.get_by_role("link", name="Writing a plan").first.click()
    page.wait_for_function("location.hash === '#writing-a-plan'")

    checklist(page).get_by_role("button", name="Print my answers").click()
    text = pdf_text(page, tmp_path)
    assert "Getting started Yes 1, Partly 0, Not yet 1, Not applicable 0, Not answered 0" in text
    assert "Sharing the work Yes 0, Partly 1, Not yet 0, Not applicable 1, Not answered 1" in text
    assert errors == []


def test_should_the_progress_script_not_load_the_self_check_works_on_without_what_needs_it(page, site_url, errors):
    """A host that lost assets/selfcheck-progress.js: answers are still kept and counted; the
    buttons that need that script (printing, saving and loading a file) go, and nothing breaks."""
    page.route("**/selfcheck-progress.js", lambda route: route.abort())
    open_sheet(page, site_url)
    for name in ("Print my answers", "Save answers to a file", "Load answers from a file"):
        expect(checklist(page).get_by_role("button", name=name)).to_be_visible()
    answer(page, PLAN, "Yes")
    expect(checklist(page).locator(".gd-sc__progress")).to_have_text("You have answered 1 of 5 questions.")
    for name in ("Print my answers", "Save answers to a file", "Load answers from a file"):
        expect(checklist(page).get_by_role("button", name=name)).to_have_count(0)
    assert part(page).count() == 0
    assert checklist(page).get_by_role("button", name="Clear answers").is_visible()
    page.reload()
    expect(question(page, PLAN).get_by_label("Yes", exact=True)).to_be_checked()
    assert all("selfcheck-progress.js" in error or "Failed to load resource" in error for error in errors), errors


def test_the_result_counts_answers_in_words(page, site_url, errors):
    open_sheet(page, site_url)
    own = checklist(page, OWN)
    question(page, "What would you bring to the work").get_by_label("Your answer").fill("A minibus")
    assert own.locator(".gd-sc__result > p:first-child").inner_text() == \
        "Yes 0, Partly 0, Not yet 0, Not applicable 0, Answered in words 1, Not answered 2"
    assert errors == []


def test_checkins_work_from_disk(page, selfcheck_site, errors):
    page.goto((selfcheck_site.folder / SHEET.strip("/") / "index.html").as_uri())
    question(page, PLAN).wait_for()
    answer(page, PLAN, "Not yet")
    record(page)
    answer(page, PLAN, "Yes")
    assert changes(page) == {"Moved up": [f"{PLAN} Not yet, now Yes"]}
    page.reload()
    expect(part(page).get_by_text("You have 1 check-in on this device.")).to_be_visible()
    assert errors == []


def test_checkins_and_the_reminder_under_the_sample_content_security_policy(page, selfcheck_site, host):
    base = host(selfcheck_site.folder, headers=nginx_headers())
    watch = Watch(page)
    page.goto(base + SHEET.lstrip("/"))
    question(page, PLAN).wait_for()
    answer(page, PLAN, "Not yet")
    record(page)
    answer(page, PLAN, "Yes")
    assert changes(page) == {"Moved up": [f"{PLAN} Not yet, now Yes"]}
    reminder(page, "6 months")
    assert watch.errors == [] and watch.failures == []
    assert all(url.startswith(base) or url.startswith("blob:") for url in watch.urls)


def test_keyboard_records_a_checkin_and_reaches_the_changes(page, site_url, errors):
    open_sheet(page, site_url)
    answer(page, PLAN, "Partly")
    name = part(page).get_by_label("Name this check-in (optional)")
    name.focus()
    page.keyboard.type("Board")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Record this check-in"
    page.keyboard.press("Enter")
    expect(checklist(page).locator("[aria-live=polite]")).to_have_text(RECORDED)
    assert name.input_value() == ""
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Remind me to check again"
    page.keyboard.press("Enter")
    expect(part(page).get_by_label("6 months", exact=True)).to_be_focused()
    assert errors == []


def test_axe_finds_no_violations_with_checkins_changes_and_the_reminder_open(page, site_url, errors):
    open_sheet(page, site_url)
    two_checkins(page)
    part(page).get_by_role("button", name="Remind me to check again").click()
    part(page).get_by_role("button", name="Delete this check-in").click()
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""() => axe.run(document, {runOnly: {type: "tag",
        values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}})""")
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]] == []
    assert errors == []
