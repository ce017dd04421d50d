// The comparison on its page (compare.js after the shared helpers), in a happy-dom window with the
// self-check example's comparison pages as the core builds them: "Planning the work together"
// (two groups; "Has the group agreed:" has two sub-items, compared, and is not compared itself) and
// "On your own" (one unheaded group, a question answered in words). Files loaded, the answers side
// by side as a table and as a list, the filter, the action plan, its files, and what is kept.
import assert from "node:assert/strict";
import { test } from "node:test";
import { PAGES, choose, file, html, open, settle } from "../shared/load.mjs";

const MAIN = "self-check-example/checklist";
const KEY = "gd-compare:" + MAIN;
const SAVED = "2025-03-01T10:00:00.000Z";
// Each question's fingerprint, as the pages carry them.
const PRINTS = Object.fromEntries([...html(PAGES.compare).matchAll(/data-cp-question="([\w-]+)" data-cp-fingerprint="(\w+)"/g)]
  .concat([...html(PAGES.compareOwn).matchAll(/data-cp-question="([\w-]+)" data-cp-fingerprint="(\w+)"/g)]).map((m) => [m[1], m[2]]));

/* A partner's answer file: given is {id: answer, or {a, w, n}}. */
function answers(name, given, { checklist = MAIN } = {}) {
  const out = {};
  for (const [id, entry] of Object.entries(given)) out[id] = { f: PRINTS[id], ...(typeof entry === "string" ? { a: entry } : entry) };
  return JSON.stringify({ format: "gd-selfcheck", v: 1, checklist, saved: SAVED, ...(name && { name }), answers: out });
}

const ONE = answers("Cardiff Food Bank", { "have-plan": "yes", "roles-agreed": "partly", "who-writes": "yes", "who-pays": "not-yet", "has-budget": "na" });
const TWO = answers("Tŷ Hapus", { "have-plan": "yes", "roles-agreed": "yes", "who-writes": { a: "yes", n: "The chair" }, "who-pays": "yes" });

async function page(options = {}, path = PAGES.compare) {
  const opened = open(path, "assets/compare.js", options);
  await settle();
  const part = (name) => opened.document.querySelector(`[data-cp-part="${name}"]`);
  const text = (name) => part(name).textContent;
  return Object.assign(opened, { part, text });
}

async function load(opened, ...texts) {
  choose(opened.window, opened.part("file"), texts.map((text, n) => file(opened.window, text, `partner-${n + 1}.json`)));
  await settle();
}

const click = ({ window }, node) => node.dispatchEvent(new window.MouseEvent("click", { bubbles: true }));
const rows = (root) => [...root.querySelectorAll("tbody tr")].map((row) => [...row.children].map((cell) => cell.textContent.replace(/\s+/g, " ").trim()));
const paragraphs = (node) => [...node.querySelectorAll("p")].map((p) => p.textContent);

test("with the script, the tools show and the notice that it is needed goes; nothing to compare yet", async () => {
  const opened = await page();
  const { part, text } = opened;
  assert.equal(part("needs-js").hidden, true);
  assert.equal(part("app").hidden, false);
  assert.equal(part("need-two").hidden, false);
  assert.equal(part("result").hidden, true);
  assert.equal(text("kept"), "The loaded answers and the action plan are kept in this browser on this device only. Nothing is sent anywhere.");
  assert.equal(part("kept").className, "gd-compare__kept");
  assert.equal(opened.document.querySelector("[data-compare]").hasAttribute("data-cp-started"), true);
});

test("one file loaded: its partner is listed with the date it was saved and a button to remove it", async () => {
  const opened = await page();
  const { part } = opened;
  await load(opened, ONE);
  assert.equal(part("partners").textContent.replace(/\s+/g, " ").trim(), "Cardiff Food Bank saved on 1 March 2025 Remove Cardiff Food Bank");
  assert.deepEqual(paragraphs(part("status")), ["Answers from 1 partner loaded."]);
  assert.equal(part("need-two").hidden, false);
  assert.equal(part("result").hidden, true);
  assert.equal(JSON.parse(opened.window.localStorage.getItem(KEY)).partners[0].name, "Cardiff Food Bank");
});

test("two partners side by side: the summary, each group's agreement, and a table of their answers", async () => {
  const opened = await page();
  const { part, text } = opened;
  await load(opened, ONE, TWO);
  assert.equal(part("result").hidden, false);
  assert.equal(part("need-two").hidden, true);
  assert.equal(text("summary"), "Partners agree on 2 of 5 questions. They differ on 2 questions.");
  assert.deepEqual(paragraphs(part("status")), ["Answers from 2 partners loaded. Partners agree on 2 of 5 questions. They differ on 2 questions."]);
  const [started, sharing] = part("groups").querySelectorAll("section");
  assert.equal(started.querySelector("h3").textContent, "Getting started");
  assert.equal(started.querySelector(".gd-compare__agreement").textContent, "Partners agree on 1 of 2 questions in this group.");
  assert.equal(started.querySelector("caption").textContent, "Getting started: each partner's answer");
  assert.deepEqual([...started.querySelectorAll("thead th")].map((th) => th.textContent), ["Question", "Cardiff Food Bank", "Tŷ Hapus"]);
  assert.deepEqual(rows(started), [
    ["Do you have a written plan? Partners agree", "Yes", "Yes"],
    ["Are everyone's roles agreed? Partners differ", "Partly", "Yes"],
  ]);
  assert.deepEqual(rows(sharing), [
    ["Has the group agreed:", "", ""],
    ["Has the group agreed: Who writes the reports Partners agree", "Yes", "Yes Note: The chair"],
    ["Has the group agreed: Who pays the bills Partners differ", "Not yet", "Yes"],
    ["Is there a budget for training? Not everyone has answered", "Not applicable", "Not answered"],
  ]);
  assert.deepEqual([...sharing.querySelectorAll("tbody tr")].map((row) => row.className), [
    "gd-compare__row gd-compare__row--open", "gd-compare__row gd-compare__row--agree gd-compare__row--sub",
    "gd-compare__row gd-compare__row--differ gd-compare__row--sub", "gd-compare__row gd-compare__row--missing"]);
  assert.equal(sharing.querySelector("tbody th").getAttribute("scope"), "row");
});

test("the same answers as a list, for narrow screens: each question, then each partner's answer under their name", async () => {
  const opened = await page();
  await load(opened, ONE, TWO);
  const list = opened.part("groups").querySelector("section .gd-compare__list");
  const items = [...list.children].map((li) => [li.querySelector("p").textContent.replace(/\s+/g, " ").trim(),
    ...[...li.querySelectorAll("dt")].map((dt) => dt.textContent + ": " + dt.nextElementSibling.textContent)]);
  assert.deepEqual(items, [
    ["Do you have a written plan? Partners agree", "Cardiff Food Bank: Yes", "Tŷ Hapus: Yes"],
    ["Are everyone's roles agreed? Partners differ", "Cardiff Food Bank: Partly", "Tŷ Hapus: Yes"],
  ]);
});

test("the filter shows only where partners do not agree, hides a group with none, and says what it shows", async () => {
  const opened = await page();
  const { window, part } = opened;
  await load(opened, answers("A", { "have-plan": "yes", "roles-agreed": "yes", "who-writes": "yes" }), answers("B", { "have-plan": "yes", "roles-agreed": "yes", "who-writes": "no-answer", "who-pays": "yes" }));
  const filter = part("filter");
  filter.checked = true;
  filter.dispatchEvent(new window.Event("change"));
  const [started, sharing] = part("groups").querySelectorAll("section");
  assert.equal(started.hidden, true);
  assert.equal(sharing.hidden, false);
  const shown = [...sharing.querySelectorAll(".gd-compare__table .gd-compare__row")].filter((row) => !row.hidden).map((row) => row.querySelector(".gd-compare__question").textContent);
  assert.deepEqual(shown, ["Has the group agreed: Who writes the reports", "Has the group agreed: Who pays the bills", "Is there a budget for training?"]);
  assert.deepEqual(paragraphs(part("status")), ["Showing only the questions where partners do not agree."]);
  filter.checked = false;
  filter.dispatchEvent(new window.Event("change"));
  assert.equal(started.hidden, false);
  assert.equal(part("groups").querySelectorAll(".gd-compare__row[hidden]").length, 0);
  assert.deepEqual(paragraphs(part("status")), ["Showing every question."]);
});

test("the action plan: a row where anyone answered Partly or Not yet, or partners differ, with what each gave", async () => {
  const opened = await page();
  const { part, text } = opened;
  await load(opened, ONE, TWO);
  assert.equal(text("plan-count"), "2 questions need an action.");
  const actions = [...part("plan").querySelectorAll("fieldset")];
  assert.deepEqual(actions.map((action) => action.querySelector("legend").textContent), ["Are everyone's roles agreed?", "Has the group agreed: Who pays the bills"]);
  assert.equal(actions[0].querySelector(".gd-compare__given").textContent, "Partners differ Cardiff Food Bank: Partly; Tŷ Hapus: Yes");
  assert.deepEqual([...actions[0].querySelectorAll("label")].map((label) => label.textContent), ["Action", "Who", "By when"]);
  const field = actions[0].querySelector("textarea");
  assert.equal(actions[0].querySelector(`label[for="${field.id}"]`).textContent, "Action");
  assert.equal(field.maxLength, 500);
  assert.equal(actions[0].querySelector("input").maxLength, 80);
  assert.deepEqual(rows(part("plan-print").closest("table")), [
    ["Are everyone's roles agreed?", "Cardiff Food Bank: Partly; Tŷ Hapus: Yes", "", "", ""],
    ["Has the group agreed: Who pays the bills", "Cardiff Food Bank: Not yet; Tŷ Hapus: Yes", "", "", ""],
  ]);
});

test("a row of the plan links to the sections of the sheet that help with its question (see:), a sub-item's from its question", async () => {
  const opened = await page();
  const { part } = opened;
  await load(opened, ONE, TWO);
  const [roles, pays] = [...part("plan").querySelectorAll("fieldset")];
  assert.equal(roles.querySelector("a"), null);  // "Are everyone's roles agreed?" names no section
  const link = pays.querySelector("a");
  assert.equal(link.parentElement.textContent.replace(/\s+/g, " ").trim(), "Read more in this sheet: Writing a plan");
  assert.equal(link.getAttribute("href"), "../#writing-a-plan");
});

test("typing an action keeps it and puts it in the printed plan, without rewriting the fields", async () => {
  const opened = await page();
  const { window, part } = opened;
  await load(opened, ONE, TWO);
  const [action, who] = part("plan").querySelectorAll("fieldset")[0].querySelectorAll("textarea, input");
  action.value = "Write down who does what";
  action.dispatchEvent(new window.Event("input", { bubbles: true }));
  who.value = "The board";
  who.dispatchEvent(new window.Event("input", { bubbles: true }));
  assert.equal(part("plan").querySelectorAll("fieldset")[0].querySelector("textarea"), action);
  assert.deepEqual(rows(part("plan-print").closest("table"))[0].slice(2), ["Write down who does what", "The board", ""]);
  const kept = JSON.parse(window.localStorage.getItem(KEY));
  assert.equal(kept.format, "gd-action-plan");
  assert.deepEqual(kept.actions, { "roles-agreed": { action: "Write down who does what", who: "The board" } });
});

test("when nobody needs an action the plan says so and its printed table is hidden", async () => {
  const opened = await page();
  const same = { "have-plan": "yes", "roles-agreed": "na", "who-writes": "yes", "who-pays": "yes", "has-budget": "yes" };
  await load(opened, answers("A", same), answers("B", same));
  assert.equal(opened.text("plan-count"), "No question needs an action: partners agree, and nobody answered Partly or Not yet.");
  assert.equal(opened.part("plan-print").closest("table").hidden, true);
  assert.equal(opened.text("summary"), "Partners agree on 5 of 5 questions.");
});

test("the plan as a spreadsheet: a row per action with each partner's answer, named for the checklist", async () => {
  const opened = await page();
  const { window, part } = opened;
  await load(opened, ONE, TWO);
  const action = part("plan").querySelector("textarea");
  action.value = "=Agree roles";
  action.dispatchEvent(new window.Event("input", { bubbles: true }));
  click(opened, part("csv"));
  const [sheet] = opened.downloads;
  assert.equal(sheet.name, "self-check-example-checklist-action-plan.csv");
  assert.equal(sheet.type, "text/csv;charset=utf-8");
  assert.equal(await sheet.text(), "\uFEFF" + [
    "Group,Question,Cardiff Food Bank,Tŷ Hapus,Agreement,Action,Who,By when",
    "Getting started,Are everyone's roles agreed?,Partly,Yes,Partners differ,'=Agree roles,,",
    "Sharing the work,Has the group agreed: Who pays the bills,Not yet,Yes,Partners differ,,,",
  ].join("\r\n") + "\r\n");
});

test("the plan saved to a file loads back on another page: the partners, their answers and the actions", async () => {
  const first = await page();
  await load(first, ONE, TWO);
  const action = first.part("plan").querySelector("textarea");
  action.value = "Agree roles at the AGM";
  action.dispatchEvent(new first.window.Event("input", { bubbles: true }));
  click(first, first.part("save"));
  const [plan] = first.downloads;
  assert.equal(plan.name, "self-check-example-checklist-action-plan.json");
  const second = await page();
  choose(second.window, second.part("file"), [file(second.window, await plan.text(), "our-plan.json")]);
  await settle();
  assert.deepEqual(paragraphs(second.part("status")), ["The action plan was loaded from our-plan.json.",
    "Answers from 2 partners loaded. Partners agree on 2 of 5 questions. They differ on 2 questions."]);
  assert.equal(second.part("plan").querySelector("textarea").value, "Agree roles at the AGM");
  assert.equal(second.part("partners").querySelectorAll("li").length, 2);
});

test("files that cannot be loaded are named with the reason, and the others still load", async () => {
  const opened = await page();
  const { part } = opened;
  const other = ONE.replace(MAIN, "self-check-example/on-your-own");
  await load(opened, "not json", other, ONE, ONE.replace(SAVED, "2025-04-01T10:00:00.000Z"));
  assert.deepEqual(paragraphs(part("problems")), [
    "partner-1.json cannot be loaded: it is not a file of answers saved from this self-check, or it is damaged.",
    "partner-2.json cannot be loaded: it holds answers to a different checklist.",
    "partner-4.json was not loaded: answers from Cardiff Food Bank are already loaded. Remove them first to load a newer file.",
  ]);
  assert.equal(part("problems").getAttribute("role"), "alert");
  assert.equal(part("partners").querySelectorAll("li").length, 1);
});

test("up to eight partners at a time", async () => {
  const opened = await page();
  await load(opened, ...Array.from({ length: 9 }, (_, n) => answers(`Partner ${n + 1}`, { "have-plan": "yes" })));
  assert.equal(opened.part("partners").querySelectorAll("li").length, 8);
  assert.deepEqual(paragraphs(opened.part("problems")), ["partner-9.json was not loaded: you can compare up to 8 partners at a time."]);
});

test("a partner without a name is numbered; one removed leaves the others, and focus goes back to loading files", async () => {
  const opened = await page();
  const { document, part } = opened;
  await load(opened, answers("", { "have-plan": "yes" }), TWO, answers("", { "have-plan": "partly" }));
  assert.deepEqual([...part("partners").querySelectorAll("strong")].map((name) => name.textContent), ["Partner 1", "Tŷ Hapus", "Partner 3"]);
  click(opened, [...part("partners").querySelectorAll("button")].find((button) => button.textContent === "Remove Tŷ Hapus"));
  assert.deepEqual([...part("partners").querySelectorAll("strong")].map((name) => name.textContent), ["Partner 1", "Partner 2"]);
  assert.deepEqual(paragraphs(part("status")).at(-1), "Answers from 2 partners loaded.");
  assert.equal(document.activeElement, part("file"));
  click(opened, part("partners").querySelector("button"));
  assert.equal(part("result").hidden, true);
});

test("an answer given to earlier words of a question is marked, with those words when the file has them", async () => {
  const opened = await page();
  const earlier = ONE.replace(`"f":"${PRINTS["have-plan"]}"`, '"f":"00000000","t":"Is there a plan?"').replace(`"f":"${PRINTS["has-budget"]}"`, '"f":"11111111"');
  await load(opened, earlier, TWO);
  const table = opened.part("groups");
  assert.equal(rows(table)[0][1], "Yes Answered to an earlier wording of this question: Is there a plan?");
  assert.equal(rows(table).at(-1)[1], "Not applicable Answered to an earlier wording of this question");
});

test("clearing asks first; Escape or Cancel keeps everything, Yes clears the comparison and the kept plan", async () => {
  const opened = await page();
  const { window, document, part } = opened;
  await load(opened, ONE, TWO);
  click(opened, part("clear"));
  assert.equal(part("confirm").hidden, false);
  assert.equal(document.activeElement, part("clear-yes"));
  part("confirm").dispatchEvent(new window.KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
  assert.equal(part("confirm").hidden, true);
  assert.equal(document.activeElement, part("clear"));
  click(opened, part("clear"));
  click(opened, part("clear-no"));
  assert.equal(part("partners").querySelectorAll("li").length, 2);
  click(opened, part("clear"));
  click(opened, part("clear-yes"));
  assert.equal(part("confirm").hidden, true);
  assert.equal(part("partners").querySelectorAll("li").length, 0);
  assert.equal(part("result").hidden, true);
  assert.equal(window.localStorage.getItem(KEY), null);
  assert.equal(document.activeElement, part("file"));
  assert.deepEqual(paragraphs(part("status")).at(-1), "The comparison and the action plan have been cleared.");
});

test("what was kept on the device is back when the page opens, and back again from another tab", async () => {
  const first = await page();
  await load(first, ONE, TWO);
  const kept = first.window.localStorage.getItem(KEY);
  const opened = await page({ store: { [KEY]: kept } });
  assert.equal(opened.part("partners").querySelectorAll("li").length, 2);
  assert.equal(opened.part("result").hidden, false);
  opened.window.localStorage.setItem(KEY, JSON.stringify({ ...JSON.parse(kept), partners: JSON.parse(kept).partners.slice(0, 1) }));
  opened.window.dispatchEvent(new opened.window.Event("pageshow"));  // not from the cache: nothing to do
  assert.equal(opened.part("partners").querySelectorAll("li").length, 2);
  const back = new opened.window.Event("pageshow");
  Object.defineProperty(back, "persisted", { value: true });
  opened.window.dispatchEvent(back);
  assert.equal(opened.part("partners").querySelectorAll("li").length, 1);
});

test("a browser that refuses storage still compares, and says the plan will be lost", async () => {
  const opened = await page({ storage: false });
  assert.equal(opened.text("kept"), "The loaded answers and the action plan cannot be kept in this browser, so they will be lost when you leave the page. To keep them, save the plan to a file.");
  assert.equal(opened.part("kept").className, "gd-compare__kept gd-compare__kept--warning");
  await load(opened, ONE, TWO);
  assert.equal(opened.part("result").hidden, false);
});

test("files dropped on the page load as chosen ones do", async () => {
  const opened = await page();
  const { window, part } = opened;
  const drop = part("drop");
  const over = new window.Event("dragover", { cancelable: true });
  drop.dispatchEvent(over);
  assert.equal(over.defaultPrevented, true);
  assert.ok(drop.classList.contains("gd-compare__drop--over"));
  drop.dispatchEvent(new window.Event("dragleave"));
  assert.equal(drop.classList.contains("gd-compare__drop--over"), false);
  const dropped = new window.Event("drop", { cancelable: true });
  Object.defineProperty(dropped, "dataTransfer", { value: { files: [file(window, ONE), file(window, TWO)] } });
  drop.dispatchEvent(dropped);
  await settle();
  assert.equal(dropped.defaultPrevented, true);
  assert.equal(part("partners").querySelectorAll("li").length, 2);
});

test("printing the plan writes the date it was printed, as the build writes dates", async () => {
  const opened = await page();
  await load(opened, ONE, TWO);
  click(opened, opened.part("print"));
  assert.equal(opened.printed, 1);
  const now = new Date();
  const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  assert.equal(opened.text("printed"), `Printed on ${now.getDate()} ${months[now.getMonth()]} ${now.getFullYear()}`);
});

test("a question answered in words is shown, not compared, and a group without a heading is called Questions", async () => {
  const opened = await page({}, PAGES.compareOwn);
  const written = (name, words) => answers(name, { "have-time": "yes", "how-you-help": { w: words } }, { checklist: "self-check-example/on-your-own" });
  await load(opened, written("A", "A minibus"), written("B", "Two volunteers"));
  const [group] = opened.part("groups").querySelectorAll("section");
  assert.equal(group.querySelector("h3").textContent, "Questions");
  assert.deepEqual(rows(group).at(-1), ["What would you bring to the work", "A minibus", "Two volunteers"]);
  assert.equal(opened.text("summary"), "Partners agree on 1 of 2 questions.");
});

test("on a Welsh page the counts take Welsh plural forms and dates Welsh months", async () => {
  const opened = await page({}, PAGES.welshCompare);
  await load(opened, ONE, TWO);
  assert.equal(opened.text("summary"), "Mae'r partneriaid yn cytuno ar 2 o 5 cwestiwn. Maen nhw'n anghytuno ar 2 gwestiwn.");
  assert.match(opened.part("partners").textContent, /1 Mawrth 2025/);
});

test("storage that fails once in use (full, or taken away) is no longer used, and the page says the plan will be lost", async () => {
  const opened = await page();
  const { window, part } = opened;
  Object.defineProperty(window.localStorage, "setItem", { value: () => { throw new window.DOMException("full", "QuotaExceededError"); } });
  await load(opened, ONE, TWO);
  assert.equal(part("kept").className, "gd-compare__kept gd-compare__kept--warning");
  assert.equal(part("result").hidden, false);
  const refused = await page({ prepare: (window) => Object.defineProperty(window.localStorage, "getItem", { value: () => { throw new window.DOMException("denied", "SecurityError"); } }) });
  assert.equal(refused.part("kept").className, "gd-compare__kept gd-compare__kept--warning");
});
