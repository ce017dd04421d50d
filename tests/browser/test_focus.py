"""WCAG 2.2 2.4.11 Focus Not Obscured, and 2.4.7 Focus Visible: a keyboard user tabs forwards and
backwards through every built page, on a phone (320 px, a desktop zoomed to 400%) and a desktop
(1280 px), and every control that takes focus can be seen: it has a size, it is not hidden or
transparent, it is in the window, and some of it is not covered by anything else, such as the
sticky header, the search overlay or "Back to top".
"""

from __future__ import annotations

import pytest

from browser.test_accessibility import site_pages

WIDTHS = {"320px": {"width": 320, "height": 640}, "1280px": {"width": 1280, "height": 800}}
KEYS = {"forwards": "Tab", "backwards": "Shift+Tab"}
MAX_STOPS = 400  # more Tab stops than any page has: reaching it means focus is trapped

# What a sighted keyboard user sees of the focused element, once the page has settled after the key
# (two frames, then any transition run to its end). A visually hidden input (a file input whose
# label is drawn as the button, with the input's focus ring) is seen through its label.
# "covered": none of a 5 x 5 grid of points over its visible part shows it.
FOCUSED = """async () => {
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  document.getAnimations().forEach(a => { try { a.finish(); } catch (e) {} });
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const name = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
    + (typeof el.className === "string" && el.className ? "." + el.className.trim().split(/\\s+/).join(".") : "")
    + ' "' + (el.textContent || el.getAttribute("aria-label") || "").trim().slice(0, 40) + '"';
  let seen = el;
  const own = el.getBoundingClientRect();
  if ((own.width < 2 || own.height < 2) && el.labels && el.labels.length) seen = el.labels[0];
  const r = seen.getBoundingClientRect();
  if (!seen.checkVisibility({visibilityProperty: true, opacityProperty: true}) || r.width < 1 || r.height < 1)
    return {name, problem: "invisible"};
  const left = Math.max(r.left, 0), right = Math.min(r.right, innerWidth);
  const top = Math.max(r.top, 0), bottom = Math.min(r.bottom, innerHeight);
  if (right <= left || bottom <= top) return {name, problem: "outside the window"};
  let cover = null;
  for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) {
    const hit = document.elementFromPoint(left + (right - left) * (i + 0.5) / 5, top + (bottom - top) * (j + 0.5) / 5);
    if (hit && (seen.contains(hit) || el.contains(hit))) return {name, problem: null};
    cover = cover || hit;
  }
  return {name, problem: "covered by " + (cover ? cover.tagName.toLowerCase() + (cover.className ? "." + String(cover.className).trim().split(/\\s+/).join(".") : "") : "nothing drawn")};
}"""


def walk(page, key: str) -> tuple[int, list[str]]:
    """Press ``key`` until focus leaves the page; the number of stops and the problems found."""
    stops, problems = 0, []
    for _ in range(MAX_STOPS):
        page.keyboard.press(key)
        focused = page.evaluate(FOCUSED)
        if focused is None:
            if stops:
                return stops, problems
            continue
        stops += 1
        if focused["problem"]:
            problems.append(f"stop {stops}: {focused['name']} {focused['problem']}")
    problems.append(f"focus still on the page after {MAX_STOPS} presses of {key} (a keyboard trap?)")
    return stops, problems


@pytest.mark.parametrize("direction", KEYS)
@pytest.mark.parametrize("width", WIDTHS)
def test_every_focused_control_can_be_seen(browser, site, site_url, width, direction):
    context = browser.new_context(viewport=WIDTHS[width])
    page = context.new_page()
    found, stops = {}, {}
    for path in site_pages(site):
        page.goto(f"{site_url}/{path}")
        page.wait_for_load_state("networkidle")
        stops[path], problems = walk(page, KEYS[direction])
        if problems:
            found[path] = problems
    context.close()
    assert all(stops.values()), f"pages with no Tab stop: {[p for p, n in stops.items() if not n]}"
    assert stops["working-with-others/partnership/index.html"] > 60, stops
    assert not found, "\n".join(f"{path}: {problem}" for path, problems in found.items() for problem in problems)


STICKY = """<!doctype html><html lang="en"><head><style>
  header { position: sticky; top: 0; height: 80px; background: #036; }
  .gap { height: 1500px; }
  .ghost { opacity: 0; }
</style></head><body><header><a href="#">Home</a></header>
<a class="ghost" href="#">Hidden</a><div class="gap"></div><a id="under" href="#">Under the header</a>
<div class="gap"></div></body></html>"""


def test_the_walk_finds_a_control_hidden_under_a_sticky_header_or_transparent(page):
    page.set_viewport_size({"width": 320, "height": 640})
    page.set_content(STICKY)
    page.focus("#under")
    page.evaluate("window.scrollBy(0, document.getElementById('under').getBoundingClientRect().top - 20)")
    assert page.evaluate(FOCUSED)["problem"] == "covered by header"
    page.evaluate("window.scrollTo(0, 0)")
    _stops, problems = walk(page, "Tab")
    assert any('"Hidden" invisible' in problem for problem in problems), problems


@pytest.mark.parametrize("path", ["working-with-others/partnership/", "cy/gweithio-gydag-eraill/partneriaeth/", "accessibility/"])
def test_the_skip_link_takes_focus_to_the_main_heading(browser, site_url, path):
    """The first Tab stop is the skip link; Enter on it focuses the h1, so the next Tab goes on from
    the start of the main content (not from the top, as Material's instant navigation left it)."""
    context = browser.new_context(viewport=WIDTHS["1280px"])
    page = context.new_page()
    page.goto(f"{site_url}/{path}")
    page.wait_for_load_state("networkidle")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.tagName === 'H1'")
    assert page.evaluate("document.activeElement.closest('article') !== null")
    page.keyboard.press("Tab")
    after = page.evaluate("document.activeElement.compareDocumentPosition(document.querySelector('article h1'))")
    assert after & 2, "the next Tab stop is after the h1"  # DOCUMENT_POSITION_PRECEDING: the h1 comes first
    context.close()
