// The self-check on its page (selfcheck.js after the shared helpers), in a happy-dom window with
// the component's example sheet as the core builds it: its two checklists, "Planning the work
// together" (5 questions in two groups, two of them the sub-items of "Has the group agreed:") and
// "On your own" (2 questions and one answered in words). What a reader sees and what is kept.
import assert from "node:assert/strict";
import { test } from "node:test";
import { PAGES, choose, file, html, open, runServed, settle } from "../shared/load.mjs";

const MAIN = "self-check-example/checklist";
const OWN = "self-check-example/on-your-own";
const KEY = "gd-selfcheck:" + MAIN;
// Each question's fingerprint, as the page carries it.
const PRINTS = Object.fromEntries([...html(PAGES.sheet).matchAll(/data-question="([\w-]+)" data-fingerprint="(\w+)"/g)].map((m) => [m[1], m[2]]));

async function page(options = {}, path = PAGES.sheet) {
  const opened = open(path, "assets/selfcheck.js", options);
  await settle();
  const { document } = opened;
  const main = document.querySelector(`[data-checklist="${MAIN}"]`);
  const own = document.querySelector(`[data-checklist="${OWN}"]`);
  const text = (selector, root = main) => root.querySelector(selector)?.textContent;
  return Object.assign(opened, { main, own, text });
}

function answer({ window, document }, id, value) {
  const radio = document.querySelector(`input[name="gd-sc-${id}"][value="${value}"]`);
  radio.checked = true;
  radio.dispatchEvent(new window.Event("change", { bubbles: true }));
}

function type({ window }, field, words) {
  field.value = words;
  field.dispatchEvent(new window.Event("input", { bubbles: true }));
}

const click = ({ window }, node) => node.dispatchEvent(new window.MouseEvent("click", { bubbles: true }));
const stored = ({ window }, key = KEY) => JSON.parse(window.localStorage.getItem(key));
const buttonCalled = (root, words) => [...root.querySelectorAll("button")].find((button) => button.textContent === words);
const todoItems = (root) => [...root.querySelectorAll(".gd-sc__summary li")].map((li) => li.textContent);

function saved(answers, extra = {}) {
  const out = {};
  for (const [id, entry] of Object.entries(answers)) out[id] = { f: PRINTS[id], ...entry };
  return JSON.stringify({ format: "gd-selfcheck", v: 1, checklist: MAIN, saved: "2025-03-01T10:00:00.000Z", answers: out, ...extra });
}

test("each question becomes a fieldset: its words the legend, four answers, a note; sub-items answered, their parent not", async () => {
  const { main, own } = await page();
  assert.ok(main.classList.contains("gd-sc"));
  assert.equal(main.hasAttribute("data-sc-started"), true);
  const legends = [...main.querySelectorAll("fieldset > legend")].map((legend) => legend.textContent.trim());
  assert.deepEqual(legends, ["Do you have a written plan?", "Are everyone's roles agreed?", "Has the group agreed:", "Who writes the reports", "Who pays the bills", "Is there a budget for training?"]);
  const labels = [...main.querySelectorAll("#have-plan .gd-sc__answer")].map((label) => label.textContent.trim());
  assert.deepEqual(labels, ["Yes", "Partly", "Not yet", "Not applicable"]);
  assert.equal(main.querySelectorAll('input[name="gd-sc-who-does"]').length, 0);
  assert.equal(main.querySelectorAll('input[name="gd-sc-who-writes"]').length, 4);
  const notes = [...main.querySelectorAll("[data-note]")].map((area) => area.dataset.note);
  assert.deepEqual(notes, ["have-plan", "roles-agreed", "who-does", "has-budget"]);  // not on sub-items
  const written = own.querySelector("textarea[data-written]");
  assert.equal(written.dataset.written, "how-you-help");
  assert.equal(own.querySelector(`label[for="${written.id}"]`).textContent, "Your answer");
  assert.equal(own.querySelector("[data-note=how-you-help]"), null);
});

test("progress: the whole checklist and each group, from nothing answered", async () => {
  const { main, text } = await page();
  assert.equal(text(".gd-sc__progress"), "You have answered 0 of 5 questions.");
  assert.deepEqual([...main.querySelectorAll(".gd-sc__group-progress")].map((p) => p.textContent),
    ["0 of 2 questions answered", "0 of 3 questions answered"]);
  assert.equal(main.querySelector("h3 + .gd-sc__group-progress").previousElementSibling.textContent, "Getting started.");
  assert.equal(text(".gd-sc__saved"), "Your answers are saved in this browser on this device only. Nothing is sent anywhere.");
  assert.equal(main.querySelector(".gd-sc__print-note").hidden, true);
});

test("answering counts the answer, keeps it on the device with its question's fingerprint, and says the progress once", async () => {
  const opened = await page();
  const { main, text } = opened;
  answer(opened, "have-plan", "yes");
  answer(opened, "who-writes", "partly");
  assert.equal(text(".gd-sc__progress"), "You have answered 2 of 5 questions.");
  assert.deepEqual([...main.querySelectorAll(".gd-sc__group-progress")].map((p) => p.textContent),
    ["1 of 2 questions answered", "1 of 3 questions answered"]);
  assert.equal(text(".gd-sc__live"), "You have answered 2 of 5 questions.");
  assert.equal(main.querySelector(".gd-sc__live").getAttribute("aria-live"), "polite");
  const data = stored(opened);
  assert.deepEqual([data.format, data.v, data.checklist], ["gd-selfcheck", 1, MAIN]);
  assert.deepEqual(data.answers, { "have-plan": { f: PRINTS["have-plan"], a: "yes" }, "who-writes": { f: PRINTS["who-writes"], a: "partly" } });
  assert.equal(main.querySelector(".gd-sc__print-note").hidden, false);
  answer(opened, "have-plan", "na");
  assert.equal(stored(opened).answers["have-plan"].a, "na");
});

test("what is left to do: unanswered, Partly and Not yet, in the sheet's order, each linked to its question", async () => {
  const opened = await page();
  const { main, text } = opened;
  assert.equal(text(".gd-sc__summary h3"), "What is left to do");
  assert.equal(text(".gd-sc__summary p"), "5 questions still to do");
  answer(opened, "have-plan", "yes");
  answer(opened, "roles-agreed", "not-yet");
  answer(opened, "who-writes", "na");
  answer(opened, "who-pays", "partly");
  assert.equal(text(".gd-sc__summary p"), "3 questions still to do");
  assert.deepEqual(todoItems(main), ["Are everyone's roles agreed? Not yet", "Has the group agreed: Who pays the bills Partly",
    "Is there a budget for training? Not answered"]);
  assert.deepEqual([...main.querySelectorAll(".gd-sc__summary a")].map((a) => a.getAttribute("href")), ["#roles-agreed", "#who-pays", "#has-budget"]);
  assert.deepEqual([...main.querySelectorAll(".gd-sc__summary strong")].map((tag) => tag.className),
    ["gd-sc__tag gd-sc__tag--not-yet", "gd-sc__tag gd-sc__tag--partly", "gd-sc__tag gd-sc__tag--none"]);
  answer(opened, "roles-agreed", "yes");
  answer(opened, "who-pays", "yes");
  answer(opened, "has-budget", "yes");
  assert.equal(text(".gd-sc__summary p"), "0 questions still to do");
  assert.deepEqual(todoItems(main), []);
});

test("a note opens from its button, is kept as typed, counts its characters, and a blank one is not kept", async () => {
  const opened = await page();
  const { window, document, main } = opened;
  const toggle = buttonCalled(main.querySelector("#have-plan"), "Add a note");
  const area = main.querySelector("[data-note=have-plan]");
  const box = area.parentElement;
  assert.equal(box.hidden, true);
  click(opened, toggle);
  assert.equal(box.hidden, false);
  assert.equal(toggle.getAttribute("aria-expanded"), "true");
  assert.equal(toggle.textContent, "Hide the note");
  assert.equal(document.activeElement, area);
  type(opened, area, "Ask the board in May");
  assert.deepEqual(stored(opened).answers["have-plan"], { f: PRINTS["have-plan"], n: "Ask the board in May" });
  const left = document.getElementById(area.getAttribute("aria-describedby"));
  assert.equal(left.textContent, "You have 480 characters left");
  assert.equal(area.maxLength, 500);
  type(opened, area, "x".repeat(499));
  assert.equal(left.textContent, "You have 1 character left");
  type(opened, area, "   ");
  assert.equal(window.localStorage.getItem(KEY), null);  // nothing left to keep
  click(opened, toggle);
  assert.equal(box.hidden, true);
  assert.equal(toggle.getAttribute("aria-expanded"), "false");
  assert.equal(toggle.textContent, "Add a note");
});

test("a question answered in words counts as answered once it has words, and is never left to do", async () => {
  const opened = await page();
  const { own } = opened;
  const area = own.querySelector("[data-written=how-you-help]");
  assert.equal(own.querySelector(".gd-sc__progress").textContent, "You have answered 0 of 3 questions.");
  type(opened, area, "Two days a month and a minibus");
  assert.equal(own.querySelector(".gd-sc__progress").textContent, "You have answered 1 of 3 questions.");
  assert.deepEqual(todoItems(own), ["Do you have the time? Not answered", "Does your organisation support you? Not answered"]);
  assert.equal(stored(opened, "gd-selfcheck:" + OWN).answers["how-you-help"].w, "Two days a month and a minibus");
  type(opened, area, "  ");
  assert.equal(own.querySelector(".gd-sc__progress").textContent, "You have answered 0 of 3 questions.");
});

test("the name typed is kept with the answers, even alone", async () => {
  const opened = await page();
  const { main, document } = opened;
  const who = main.querySelector(".gd-sc__name input");
  assert.equal(main.querySelector(`label[for="${who.id}"]`).textContent, "Your name, or your organisation's name (optional)");
  assert.equal(document.getElementById(who.getAttribute("aria-describedby")).className, "gd-sc__hint");
  type(opened, who, "  Cardiff Food Bank ");
  assert.equal(stored(opened).name, "Cardiff Food Bank");
  assert.deepEqual(stored(opened).answers, {});
});

test("answers kept on the device are shown when the page opens: answers checked, notes open, the name in its box", async () => {
  const store = { [KEY]: saved({ "have-plan": { a: "partly", n: "Half written" }, "who-pays": { a: "yes" } }, { name: "Tŷ Hapus" }) };
  const { main, text } = await page({ store });
  assert.equal(main.querySelector('input[name="gd-sc-have-plan"][value="partly"]').checked, true);
  assert.equal(main.querySelector('input[name="gd-sc-have-plan"][value="yes"]').checked, false);
  assert.equal(main.querySelector('input[name="gd-sc-who-pays"][value="yes"]').checked, true);
  const note = main.querySelector("[data-note=have-plan]");
  assert.equal(note.value, "Half written");
  assert.equal(note.parentElement.hidden, false);
  assert.equal(buttonCalled(main.querySelector("#have-plan"), "Hide the note").getAttribute("aria-expanded"), "true");
  assert.equal(main.querySelector(".gd-sc__name input").value, "Tŷ Hapus");
  assert.equal(text(".gd-sc__progress"), "You have answered 2 of 5 questions.");
});

test("an answer kept for a question since reworded is not shown against the new words", async () => {
  const store = { [KEY]: saved({ "have-plan": { a: "yes" }, "roles-agreed": { a: "yes" } }).replace(PRINTS["roles-agreed"], "00000000") };
  const { main, text } = await page({ store });
  assert.equal(main.querySelector('input[name="gd-sc-roles-agreed"]:checked'), null);
  assert.equal(text(".gd-sc__progress"), "You have answered 1 of 5 questions.");
});

test("answers kept that cannot be read: the self-check starts empty and says so", async () => {
  const { main, text } = await page({ store: { [KEY]: '{"format": "gd-selfcheck", "v": 1, "answ' } });
  assert.equal(text(".gd-sc__saved"), "Answers saved earlier on this device could not be read, so this self-check starts empty. "
    + "Your answers are saved in this browser on this device only. Nothing is sent anywhere.");
  assert.equal(main.querySelector(".gd-sc__saved").className, "gd-sc__saved gd-sc__saved--warning");
  assert.equal(main.querySelector("input:checked"), null);
});

test("a browser that refuses storage still answers, and says the answers will be lost", async () => {
  const opened = await page({ storage: false });
  const { main, text } = opened;
  assert.equal(text(".gd-sc__saved"), "Your answers cannot be saved in this browser, so they will be lost when you leave the page. To keep them, save them to a file.");
  assert.equal(main.querySelector(".gd-sc__saved").className, "gd-sc__saved gd-sc__saved--warning");
  answer(opened, "have-plan", "yes");
  assert.equal(text(".gd-sc__progress"), "You have answered 1 of 5 questions.");
});

test("clearing asks first; Escape or Cancel keeps the answers, Yes clears them, their notes and the kept copy", async () => {
  const opened = await page({ store: { [KEY]: saved({ "have-plan": { a: "yes", n: "Agreed" } }) } });
  const { window, document, main, text } = opened;
  const clear = buttonCalled(main, "Clear answers");
  const confirm = main.querySelector(".gd-sc__confirm");
  const yes = buttonCalled(confirm, "Yes, clear answers");
  assert.equal(confirm.hidden, true);
  click(opened, clear);
  assert.equal(confirm.hidden, false);
  assert.equal(document.activeElement, yes);
  assert.equal(document.getElementById(yes.getAttribute("aria-describedby")).textContent,
    "Clear all your answers and notes to this checklist? This cannot be undone.");
  confirm.dispatchEvent(new window.KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
  assert.equal(confirm.hidden, true);
  assert.equal(document.activeElement, clear);
  click(opened, clear);
  click(opened, buttonCalled(confirm, "Cancel"));
  assert.equal(confirm.hidden, true);
  assert.equal(stored(opened).answers["have-plan"].a, "yes");
  click(opened, clear);
  click(opened, yes);
  assert.equal(window.localStorage.getItem(KEY), null);
  assert.equal(main.querySelector('input[name="gd-sc-have-plan"]:checked'), null);
  assert.equal(main.querySelector("[data-note=have-plan]").value, "");
  assert.equal(main.querySelector("[data-note=have-plan]").parentElement.hidden, true);
  assert.equal(text("[role=status]"), "Your answers have been cleared.");
  assert.equal(document.activeElement, clear);
});

test("saving to a file: the answers with the name and each question's words, named for the checklist", async () => {
  const opened = await page();
  const { main } = opened;
  answer(opened, "who-writes", "not-yet");
  type(opened, main.querySelector(".gd-sc__name input"), "Cardiff Food Bank");
  click(opened, buttonCalled(main, "Save answers to a file"));
  await settle();  // the progress script, which saves files, is loaded on first use
  assert.equal(opened.downloads.length, 1);
  const [saved] = opened.downloads;
  assert.equal(saved.name, "self-check-example-checklist-answers.json");
  assert.equal(saved.type, "application/json");
  const data = JSON.parse(await saved.text());
  assert.equal(data.name, "Cardiff Food Bank");
  assert.deepEqual(data.answers, { "who-writes": { f: PRINTS["who-writes"], a: "not-yet", t: "Has the group agreed: Who writes the reports" } });
});

test("loading a file of answers replaces the answers shown and kept, and says so", async () => {
  const opened = await page();
  const { window, main, text } = opened;
  const input = main.querySelector("input[type=file]");
  assert.equal(input.hidden, true);
  assert.equal(input.accept, ".json");
  let chose = 0;
  input.addEventListener("click", () => { chose += 1; });
  click(opened, buttonCalled(main, "Load answers from a file"));
  assert.equal(chose, 1);
  answer(opened, "roles-agreed", "yes");
  choose(window, input, [file(window, saved({ "have-plan": { a: "not-yet", n: "Next year" } }, { name: "Partner A" }))]);
  await settle();
  assert.equal(text("[role=status]"), "Answers loaded from the file.");
  assert.equal(main.querySelector("[role=status]").className, "");
  assert.equal(main.querySelector('input[name="gd-sc-have-plan"][value="not-yet"]').checked, true);
  assert.equal(main.querySelector('input[name="gd-sc-roles-agreed"]:checked'), null);
  assert.equal(main.querySelector("[data-note=have-plan]").value, "Next year");
  assert.equal(main.querySelector(".gd-sc__name input").value, "Partner A");
  assert.deepEqual(Object.keys(stored(opened).answers), ["have-plan"]);
  assert.equal(input.value, "");
});

test("a file that cannot be loaded says why and changes nothing", async () => {
  const opened = await page();
  const { window, main, text } = opened;
  const input = main.querySelector("input[type=file]");
  answer(opened, "roles-agreed", "partly");
  const cases = [
    [file(window, "not json"), "This file cannot be loaded: it is not a file of answers saved from this self-check."],
    [file(window, saved({ "have-plan": { a: "yes" } }).replace(MAIN, OWN)), "This file cannot be loaded: it holds answers to a different checklist."],
    [file(window, saved({ "have-plan": { a: "yes" } }).replace(PRINTS["have-plan"], "00000000")),
      "This file cannot be loaded: none of its answers match the questions of this checklist as they are worded now. Your answers have not been changed."],
    [file(window, saved({ "have-plan": { a: "yes", n: "x".repeat(200000) } })), "This file cannot be loaded: it is not a file of answers saved from this self-check."],
  ];
  for (const [chosen, message] of cases) {
    choose(window, input, [chosen]);
    await settle();
    assert.equal(text("[role=status]"), message);
    assert.equal(main.querySelector("[role=status]").className, "gd-sc__status--error");
    assert.deepEqual(Object.keys(stored(opened).answers), ["roles-agreed"]);
  }
  choose(window, input, []);
  await settle();
  assert.equal(text("[role=status]"), "This file cannot be loaded: it is not a file of answers saved from this self-check.");
});

test("printing my answers: a summary of each question once, its answer and note, the name, the date, then what is left", async () => {
  const opened = await page({ store: { [KEY]: saved({ "have-plan": { a: "yes", n: "Agreed in May" }, "who-does": { n: "Ask at the AGM" }, "who-writes": { a: "partly" } }, { name: "Tŷ Hapus" }) } });
  const { window, document, main } = opened;
  click(opened, buttonCalled(main, "Print my answers"));
  await settle();  // the progress script, which prints, is loaded on first use
  assert.equal(opened.printed, 1);
  assert.ok(document.documentElement.classList.contains("gd-sc-printing"));
  const report = document.querySelector("body > .gd-sc__report");
  assert.equal(report.lang, "en");
  const lines = [...report.children].map((node) => node.tagName + ": " + node.textContent);
  const now = new Date();
  const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  assert.deepEqual(lines.slice(0, 5), ["H1: Planning the work together", "P: 3.9 Self-check example", "P: Answers of Tŷ Hapus",
    `P: Answers printed on ${now.getDate()} ${months[now.getMonth()]} ${now.getFullYear()}`, "P: You have answered 2 of 5 questions."]);
  const pairs = [...report.querySelectorAll("dt")].map((dt) => dt.textContent + " = " + dt.nextElementSibling.textContent);
  assert.deepEqual(pairs, [
    "Do you have a written plan? = Yes. Note: Agreed in May", "Are everyone's roles agreed? = Not answered",
    "Has the group agreed: = Note: Ask at the AGM", "Has the group agreed: Who writes the reports = Partly",
    "Has the group agreed: Who pays the bills = Not answered", "Is there a budget for training? = Not answered"]);
  assert.deepEqual([...report.querySelectorAll("h2")].map((h) => h.textContent), ["Getting started", "Sharing the work", "What is left to do"]);
  assert.equal(report.querySelector("h2:last-of-type + p").textContent, "4 questions still to do");
  assert.equal(report.querySelectorAll("ul li").length, 4);
  click(opened, buttonCalled(main, "Print my answers"));
  await settle();
  assert.equal(document.querySelectorAll(".gd-sc__report").length, 1);  // one summary, however often printed
  window.dispatchEvent(new window.Event("afterprint"));
  assert.equal(document.querySelector(".gd-sc__report"), null);
  assert.equal(document.documentElement.classList.contains("gd-sc-printing"), false);
});

test("back on the page, answers changed elsewhere since are shown", async () => {
  const opened = await page();
  const { window, main } = opened;
  answer(opened, "have-plan", "yes");
  window.localStorage.setItem(KEY, saved({ "roles-agreed": { a: "not-yet" } }));
  window.dispatchEvent(new window.Event("pageshow"));
  assert.equal(main.querySelector('input[name="gd-sc-have-plan"]:checked'), null);
  assert.equal(main.querySelector('input[name="gd-sc-roles-agreed"][value="not-yet"]').checked, true);
});

test("run again by instant navigation, the script starts a new page's checklists and never one twice", async () => {
  const opened = await page();
  const { window, document } = opened;
  const arriving = document.createElement("div");
  arriving.innerHTML = html(PAGES.sheet);  // the page's markup, as the next page brings it
  const swapped = arriving.querySelector(`[data-checklist="${OWN}"]`);
  swapped.setAttribute("data-checklist", "self-check-example/swapped-in");
  document.querySelector("article").append(swapped);
  runServed(opened, "assets/selfcheck.js");  // as the page's own script tag runs it again
  await settle();
  assert.equal(swapped.hasAttribute("data-sc-started"), true);
  assert.equal(swapped.querySelectorAll("fieldset").length, 3);
  assert.equal(document.querySelectorAll(`[data-checklist="${MAIN}"] .gd-sc__progress`).length, 1);
  assert.equal(document.querySelectorAll(`[data-checklist="${MAIN}"] fieldset`).length, 6);
  assert.equal(typeof window.gdSelfCheckInit, "function");
});

test("on a Welsh page the interface is Welsh, counts in Welsh plural forms and the date in Welsh months", async () => {
  const opened = await page({}, PAGES.welshSheet);
  const { document, main } = opened;
  const labels = [...main.querySelectorAll("#have-plan .gd-sc__answer")].map((label) => label.textContent.trim());
  assert.deepEqual(labels, ["Ie", "Yn rhannol", "Ddim eto", "Ddim yn berthnasol"]);
  // 2 questions take the "two" form (gwestiwn), 3 the "few" (chwestiwn)
  assert.deepEqual([...main.querySelectorAll(".gd-sc__group-progress")].map((p) => p.textContent),
    ["0 o 2 gwestiwn wedi'u hateb", "0 o 3 chwestiwn wedi'u hateb"]);
  answer(opened, "have-plan", "yes");
  assert.equal(main.querySelector(".gd-sc__group-progress").textContent, "1 o 2 gwestiwn wedi'u hateb");
  click(opened, buttonCalled(main, "Argraffu fy atebion"));
  await settle();
  const months = ["Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr"];
  assert.ok(document.querySelector(".gd-sc__report").textContent.includes(months[new Date().getMonth()]));
  assert.equal(document.querySelector(".gd-sc__report").lang, "cy");
});
