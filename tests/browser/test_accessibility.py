"""axe-core finds no WCAG 2.2 A/AA violation (nor any of its best-practice rules) on any built page,
with JavaScript on and off.

Pages are found in the built site (every *.html, both languages), so pages added later are
checked without changing this file. axe-core comes from npm (node_modules/axe-core) and is
injected into Debian's Chromium. "JavaScript off" is a page as a browser with scripting disabled
shows it: its scripts never run and its <noscript> content is shown. Chromium stops timers in a
page whose scripting is switched off, and axe needs them, so the page's HTML is served with its
scripts removed and its <noscript> content unwrapped instead.
"""

from __future__ import annotations

import re

import pytest

from conftest import ROOT, html_pages

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.2 A and AA, and axe's best practices (Lighthouse's accessibility score counts some of them,
# such as a name for every dialog).
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
VIEWPORTS = {"mobile": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
CHOICES = "article input[type=radio], article input[type=checkbox]"


def axe_violations(page) -> list[str]:
    """Run axe on the page as it is now; one line per violation and element."""
    if not AXE.exists():
        pytest.fail(f"{AXE} missing: run scripts/install --tests (npm ci)")
    # Colours are judged as they end up: a fading-in element (Material's "Back to top") is checked
    # after its transition, not half-transparent in the middle of it.
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
    assert result["passes"], "axe ran no rule on the page"
    return [f"{v['id']} ({v['impact']}): {v['help']} at {node['target']}"
            for v in result["violations"] for node in v["nodes"]]


def without_scripts(html: str) -> str:
    """The page a browser with scripting disabled renders: no scripts, <noscript> content shown."""
    html = re.sub(r"<script\b[^>]*>.*?</script\s*>", "", html, flags=re.S | re.I)
    return re.sub(r"</?noscript\b[^>]*>", "", html, flags=re.I)


def serve_without_scripts(route) -> None:
    if route.request.resource_type == "script":
        route.abort()
    elif route.request.resource_type == "document":
        response = route.fetch()
        route.fulfill(response=response, body=without_scripts(response.text()))
    else:
        route.continue_()


def report(found: dict[str, list[str]]) -> str:
    return "axe violations:\n" + "\n".join(f"{page}: {v}" for page, violations in found.items() for v in violations)


def site_pages(site) -> list[str]:
    pages = [p.relative_to(site).as_posix() for p in html_pages(site)]
    assert pages, "no page built"
    return pages


def check_every_page(browser, site, site_url, viewport: str, javascript: bool) -> dict[str, list[str]]:
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    if not javascript:
        context.route("**/*", serve_without_scripts)
    page = context.new_page()
    found = {}
    for path in site_pages(site):
        page.goto(f"{site_url}/{path}")
        page.wait_for_load_state("networkidle")
        assert page.evaluate("document.scripts.length == 0") is not javascript, path
        if violations := axe_violations(page):
            found[path] = violations
    context.close()
    return found


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_no_violations_on_any_page_with_javascript_on(browser, site, site_url, viewport):
    found = check_every_page(browser, site, site_url, viewport, javascript=True)
    assert not found, report(found)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_no_violations_on_any_page_with_javascript_off(browser, site, site_url, viewport):
    found = check_every_page(browser, site, site_url, viewport, javascript=False)
    assert not found, report(found)


def answer_some_questions(page) -> int:
    """Choose answers to the first questions, open a note and write in it; how many were answered."""
    answered = 0
    choices = page.locator(CHOICES)
    for i in range(0, min(choices.count(), 24), 3):
        if choices.nth(i).is_visible():
            choices.nth(i).check()
            answered += 1
    disclosure = page.locator("article button[aria-expanded=false]")
    if disclosure.count():
        disclosure.first.click()
    notes = page.locator("article textarea:visible")
    if notes.count():
        notes.first.fill("Agreed at the steering group; review in March.")
        answered += 1
    return answered


def test_no_violations_with_answers_filled_in(browser, site, site_url):
    """Every page with questions to answer (the self-check): answer some, write a note, check again."""
    found, answered = {}, {}
    for viewport in VIEWPORTS.values():
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        for path in site_pages(site):
            page.goto(f"{site_url}/{path}")
            page.wait_for_load_state("networkidle")
            if not page.locator(CHOICES).filter(visible=True).count():  # the comparison page's filter shows once files are loaded
                continue
            answered[path] = answer_some_questions(page)
            if violations := axe_violations(page):
                found[path] = violations
        context.close()
    assert {"working-with-others/partnership/index.html", "cy/gweithio-gydag-eraill/partneriaeth/index.html"} <= set(answered)
    assert all(answered.values()), answered
    assert not found, report(found)


def test_axe_reports_violations_it_is_asked_for(page):
    page.set_content('<html><body><img src="x.png"><p style="color:#777;background:#888">Low contrast</p>'
                     '<input type="checkbox"></body></html>')
    found = " ".join(axe_violations(page))
    for rule in ("html-has-lang", "image-alt", "color-contrast", "label"):
        assert rule in found


def test_javascript_off_shows_noscript_content_and_runs_nothing():
    html = '<head><script>x()</script><script src="a.js"></script></head><noscript><p>No JS</p></noscript>'
    assert without_scripts(html) == "<head></head><p>No JS</p>"


def test_no_page_scrolls_sideways_at_320_pixels(browser, site, site_url):
    """WCAG 1.4.10 Reflow: a 1280-pixel window zoomed to 400% is 320 CSS pixels wide."""
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    too_wide = {}
    for path in site_pages(site):
        page.goto(f"{site_url}/{path}")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            too_wide[path] = width
    context.close()
    assert too_wide == {}


@pytest.mark.parametrize("home", ["index.html", "cy/index.html"])
def test_no_violations_in_search_with_and_without_results(browser, site_url, home):
    """Every text state of the search counts: its results, their count, and "no results"."""
    found = {}
    for viewport in VIEWPORTS:
        context = browser.new_context(viewport=VIEWPORTS[viewport])
        page = context.new_page()
        for query in ("partner", "zzzzqx"):
            page.goto(f"{site_url}/{home}")
            page.wait_for_load_state("networkidle")
            page.locator(".md-search__input").focus()  # opens the search, as Tab or "/" does
            page.locator(".md-search__input").press_sequentially(query, delay=30)
            # the count replaces the placeholder once the index has answered
            page.wait_for_function("q => !/^(Type to start searching|Teipiwch i ddechrau chwilio)$/.test("
                                   "document.querySelector('.md-search-result__meta').textContent.trim())"
                                   " && (document.querySelectorAll('.md-search-result__item').length > 0) == (q == 'partner')",
                                   arg=query)
            if violations := axe_violations(page):
                found[f"{home} {viewport} search {query!r}"] = violations
        context.close()
    assert not found, report(found)
