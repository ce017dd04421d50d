// The shared browser helpers (shared.js and dates-and-files.js), once for the components' scripts:
// in a window with the self-check's example page and the helpers alone run in it, as the progress
// script puts them together.
import assert from "node:assert/strict";
import { test } from "node:test";
import vm from "node:vm";
import { PAGES, named, open } from "./load.mjs";

const NAMES = ["FORMAT", "VERSION", "own", "fill", "strings", "counted", "longDate", "el", "button", "storage", "download", "startUp", "startOnce"];

function helpers(options = {}) {
  const opened = open(PAGES.sheet, "assets/selfcheck-progress.js", { parts: 2, ...options });
  return { ...opened, H: named(opened, NAMES) };
}

const WELSH = { locale: "cy", "todo-zero": "dim", "todo-one": "un", "todo-two": "dau", "todo-few": "tri", "todo-many": "chwech", "todo-other": "arall" };

test("the answer file's name and version are the ones saved files carry", () => {
  const { H } = helpers();
  assert.equal(H.FORMAT, "gd-selfcheck");
  assert.equal(H.VERSION, 1);
});

test("placeholders are filled, unknown ones and inherited names left as they are", () => {
  const { H } = helpers();
  assert.equal(H.fill("{answered} of {count} questions answered", { answered: 0, count: 18 }), "0 of 18 questions answered");
  assert.equal(H.fill("{count} {other} {toString} {__proto__}", { count: 2 }), "2 {other} {toString} {__proto__}");
  assert.equal(H.own({ a: 1 }, "a"), true);
  assert.equal(H.own({}, "constructor"), false);
});

test("strings are read from the attributes with the prefix, by the rest of their names", () => {
  const { H, document } = helpers();
  const tag = document.querySelector("script[data-sc-locale]");
  const found = H.strings(tag, "data-sc-");
  assert.equal(found["todo-one"], "{count} question still to do");
  assert.equal(found.locale, "en-GB");
  assert.equal(found.date, "{d} {MMMM} {y}");
  assert.equal("src" in found || "defer" in found, false);
});

test("what is written with strings still in English (named in data-gd-english) is marked lang=en, and only that", () => {
  const { window } = helpers();
  // In the window, where the helpers keep the strings in English.
  const langs = vm.runInContext(`(() => {
    const tag = document.createElement("div");
    tag.setAttribute("data-x-yes", "Oui");
    tag.setAttribute("data-x-partly", "Partly");
    tag.setAttribute("data-x-todo-other", "{count} questions still to do");
    tag.setAttribute("data-gd-english", "data-x-partly data-x-todo-other data-y-note");
    const t = strings(tag, "data-x-");
    const lang = (words) => el("p", { textContent: words }).getAttribute("lang");
    const again = setText(el("p", { textContent: t.partly }), t.yes).getAttribute("lang");
    return [lang(t.partly), lang(counted({ ...t, locale: "fr" }, "todo", 3)), lang(joined(t.partly, t.partly)),
      lang(t.yes), lang(joined(t.partly, t.yes)), lang("3 questions"), again, el("p", {}).getAttribute("lang")];
  })()`, window);
  assert.deepEqual([...langs], ["en", "en", "en", null, null, null, null, null]);
});

test("strings given as data (the progress script's) mark those whose keys data-gd-english names, as strings() does an element's", () => {
  const { window } = helpers();
  const langs = vm.runInContext(`(() => {
    const t = stringsGiven({ yes: "Oui", recorded: "Check-in recorded: {date}.", "data-gd-english": "recorded missing" });
    const lang = (words) => el("p", { textContent: words }).getAttribute("lang");
    return [lang(t.recorded), lang(fill(t.recorded, { date: "1 mai" })), lang(t.yes), lang(fill("{x}", { x: "1 mai" })), "missing" in t];
  })()`, window);
  assert.deepEqual([...langs], ["en", "en", null, null, false]);
});

test("counts take the plural form of the language's rules, Welsh with its six, and fill {count}", () => {
  const { H } = helpers();
  assert.deepEqual([0, 1, 2, 3, 6, 4, 18].map((n) => H.counted(WELSH, "todo", n)), ["dim", "un", "dau", "tri", "chwech", "arall", "arall"]);
  const english = { locale: "en-GB", "todo-one": "{count} question", "todo-other": "{count} questions of {all}" };
  assert.deepEqual([0, 1, 2].map((n) => H.counted(english, "todo", n, { all: 9 })), ["0 questions of 9", "1 question", "2 questions of 9"]);
  assert.equal(H.counted({ ...english, locale: "not a language!" }, "todo", 1, { all: 3 }), "1 questions of 3");
  assert.equal(H.counted({ locale: "cy", "todo-other": "{count} arall" }, "todo", 2), "2 arall");  // a form missing: "other"
});

test("a date is written from the pattern and month names the build gives, not the browser's Intl", () => {
  const { H } = helpers();
  const welsh = { date: "{d} {MMMM} {y}", months: "Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr" };
  assert.equal(H.longDate(new Date(2026, 10, 26), welsh), "26 Tachwedd 2026");
  assert.equal(H.longDate(new Date(2027, 0, 5), { ...welsh, date: "{MMMM} {d}, {y}" }), "Ionawr 5, 2027");
});

test("elements are made with their properties and children, leaving out the missing ones", () => {
  const { H, window } = helpers();
  const list = H.el("ul", { className: "gd-x", hidden: true }, [H.el("li", { textContent: "<b>one</b>" }), null, "two"]);
  assert.equal(list.outerHTML, '<ul class="gd-x" hidden=""><li>&lt;b&gt;one&lt;/b&gt;</li>two</ul>');
  let clicks = 0;
  const button = H.button("Save", "secondary", () => { clicks += 1; });
  assert.equal(button.outerHTML, '<button type="button" class="gd-sc__button gd-sc__button--secondary">Save</button>');
  button.dispatchEvent(new window.MouseEvent("click"));
  assert.equal(clicks, 1);
});

test("storage is the browser's when the page may write to it, and leaves nothing behind", () => {
  const { H, window } = helpers();
  assert.equal(H.storage(), window.localStorage);
  assert.equal(window.localStorage.length, 0);
  assert.equal(helpers({ storage: false }).H.storage(), null);
});

test("a download is a file named for the checklist, with its type and text", async () => {
  const opened = helpers();
  opened.H.download('{"a": 1}', "application/json", "self-check-example/checklist", "-answers.json");
  assert.equal(opened.downloads.length, 1);
  const [saved] = opened.downloads;
  assert.deepEqual([saved.name, saved.type, await saved.text()], ["self-check-example-checklist-answers.json", "application/json", '{"a": 1}']);
  assert.equal(opened.document.querySelector("a[download]"), null);  // the link is not left in the page
});

test("start-up: init runs on the first run, and a later run of the script calls the first run's init", () => {
  const { H, window } = helpers();
  const calls = [];
  assert.equal(H.startUp("gdTestInit", () => calls.push("first")), true);
  assert.deepEqual(calls, ["first"]);
  assert.equal(H.startUp("gdTestInit", () => calls.push("second")), false);
  assert.deepEqual(calls, ["first", "first"]);
  const changes = [];
  window.document$ = { subscribe: (next) => changes.push(next) };  // Material's page changes
  H.startUp("gdOtherInit", () => calls.push("other"));
  changes[0]();
  assert.deepEqual(calls.slice(2), ["other", "other"]);
});

test("start-up waits for the page to be parsed when the script runs before", () => {
  const { H, window, document } = helpers();
  Object.defineProperty(document, "readyState", { value: "loading", configurable: true });
  const calls = [];
  H.startUp("gdLateInit", () => calls.push("init"));
  assert.deepEqual(calls, []);
  document.dispatchEvent(new window.Event("DOMContentLoaded"));
  assert.deepEqual(calls, ["init"]);
});

test("each root starts once; one that fails is put back as the page had it", async () => {
  const { H, document } = helpers();
  const root = document.querySelector("[data-checklist]");
  const made = [];
  assert.equal(H.startOnce(root, "data-sc-started", (node) => { made.push(node); return "state"; }), "state");
  assert.equal(H.startOnce(root, "data-sc-started", (node) => made.push(node)), null);
  assert.equal(made.length, 1);
  const second = document.querySelectorAll("[data-checklist]")[1];
  const result = H.startOnce(second, "data-sc-started", (node) => {
    node.querySelector("ul").remove();
    throw new Error("broken");
  });
  assert.equal(result, null);
  const back = document.querySelectorAll("[data-checklist]")[1];
  assert.equal(back.querySelectorAll("[data-question]").length, 3);
  assert.equal(back.hasAttribute("data-sc-started"), true);  // and is not tried again
});
