/* Comparing partners' answers to one self-check, and the action plan drawn from the differences.
   A classic script loaded by the comparison page only (pages opened from disk cannot load modules),
   which the build serves after the shared helpers (components/shared/shared.js: el, button, fill,
   strings, counted, longDate, storage, download, startUp, startOnce, FORMAT, VERSION), the two
   inside one function, so that the names below are the script's own. Strings come from
   the data-cp-* attributes of the page's [data-compare] element. Files are read in the browser;
   nothing is sent anywhere. The loaded answers and the plan are kept in localStorage under
   "gd-compare:<checklist id>", in the plan file's format.

   First the logic, on plain data (Node's tests call it by name: shared/load.mjs): read, readPlan,
   writePlan (files in and out), same (two files from one partner), compare and agreement (rows
   per question, counts), actionRows, setAction, csv and planTable (the action plan).
   A checklist here is {id, answers: the answer values, todo: those that call for an action,
   questions: Map id -> {f: fingerprint of the English words, kind: choice|written|parent, group}}.

   Then the page. comparison(root) makes the page's state, `cmp`, which every function below it is
   given: its strings (t), the checklist, the groups and the words of the questions, the parts of
   the page (parts.<name>: the elements marked data-cp-part="<name>"), the partners loaded, the
   actions typed and the plan's rows (due). In order: the files (add, keep, restore), the answers
   side by side (render, groupSection, applyFilter), the action plan (renderPlan, renderPrint,
   planCsv), the reader's events (listen, listenFiles, listenClear), and starting (init, startUp). */
"use strict";
const PLAN = "gd-action-plan";
const MOST = 8;          // partners compared at once
const TEXT_MAX = 500;    // a note, a written answer, an action
const SHORT_MAX = 80;    // a name, "who", "by when"
const FILE_MAX = 400000; // bytes: a plan holds up to eight answer files
const isObject = (value) => !!value && typeof value === "object" && !Array.isArray(value);
const text = (value, max) => (typeof value === "string" && value.trim() ? value.trim().slice(0, max) : "");

/* One partner's answer file -> {name, saved, answers: Map id -> {a, w, n, f, stale, t}}, or null.
   An answer saved against other words of a question (another fingerprint) is kept, marked stale,
   with those words when the file has them. */
function readPartner(data, checklist) {
  if (data?.format !== FORMAT || data.v !== VERSION || !isObject(data.answers)) return null;
  const answers = new Map();
  checklist.questions.forEach((question, id) => {
    const saved = own(data.answers, id) && data.answers[id];
    if (!isObject(saved)) return;
    const entry = {};
    if (question.kind === "choice" && checklist.answers.includes(saved.a)) entry.a = saved.a;
    if (question.kind === "written" && text(saved.w, TEXT_MAX)) entry.w = text(saved.w, TEXT_MAX);
    if (text(saved.n, TEXT_MAX)) entry.n = text(saved.n, TEXT_MAX);
    if (!entry.a && !entry.w && !entry.n) return;
    entry.f = typeof saved.f === "string" ? saved.f.slice(0, 16) : "";
    if (entry.f !== question.f) {
      entry.stale = true;
      if (text(saved.t, TEXT_MAX)) entry.t = text(saved.t, TEXT_MAX);
    }
    answers.set(id, entry);
  });
  const saved = typeof data.saved === "string" && !Number.isNaN(Date.parse(data.saved)) ? data.saved : "";
  return { name: text(data.name, SHORT_MAX), saved, answers };
}

/* A partner back into the answer file's format (what the plan keeps). */
function writePartner(partner, checklist) {
  const answers = {};
  partner.answers.forEach(({ stale, ...entry }, id) => { answers[id] = entry; });
  return { format: FORMAT, v: VERSION, checklist: checklist.id, name: partner.name || undefined, saved: partner.saved, answers };
}

/* The text of a file -> {partner} | {plan} | {error: "bad"} (not ours, or another version) |
   {error: "other"} (another checklist). */
function read(textOfFile, checklist) {
  let data;
  try {
    data = JSON.parse(textOfFile);
  } catch (error) {
    return { error: "bad" };
  }
  if (!isObject(data) || data.v !== VERSION || (data.format !== FORMAT && data.format !== PLAN)) return { error: "bad" };
  if (data.checklist !== checklist.id) return { error: "other" };
  if (data.format === PLAN) {
    const plan = readPlan(data, checklist);
    return plan ? { plan } : { error: "bad" };
  }
  const partner = readPartner(data, checklist);
  return partner ? { partner } : { error: "bad" };
}

/* A plan: {partners, actions: Map id -> {action, who, when}}, or null. */
function readPlan(data, checklist) {
  if (!Array.isArray(data.partners) || !isObject(data.actions)) return null;
  const partners = [];
  data.partners.forEach((raw) => {
    const partner = readPartner(isObject(raw) ? { ...raw, checklist: checklist.id } : null, checklist);
    if (partner && partners.length < MOST && !partners.some((other) => same(other, partner))) partners.push(partner);
  });
  const actions = new Map();
  checklist.questions.forEach((question, id) => {
    const saved = own(data.actions, id) && data.actions[id];
    const entry = isObject(saved) ? { action: text(saved.action, TEXT_MAX), who: text(saved.who, SHORT_MAX), when: text(saved.when, SHORT_MAX) } : {};
    if (entry.action || entry.who || entry.when) actions.set(id, entry);
  });
  return { partners, actions };
}

function writePlan(partners, actions, checklist, now) {
  const out = {};
  actions.forEach((entry, id) => { out[id] = entry; });
  return { format: PLAN, v: VERSION, checklist: checklist.id, saved: now.toISOString(), partners: partners.map((p) => writePartner(p, checklist)), actions: out };
}

const fold = (name) => name.toLocaleLowerCase().replace(/\s+/g, " ");
const answersOf = (partner) => JSON.stringify([...partner.answers]);
/* Two files from the same partner: the same name, or (unnamed) the very same answers saved at the same time. */
function same(one, other) {
  if (one.name || other.name) return fold(one.name) === fold(other.name);
  return one.saved === other.saved && answersOf(one) === answersOf(other);
}

/* Each question in the sheet's order with each partner's answer, and whether they agree:
   "agree" (all gave one answer), "differ" (two or more answers), "missing" (those who answered
   agree, someone did not), "open" (a written answer or a question with sub-items: not compared). */
function compare(checklist, partners) {
  const rows = [];
  checklist.questions.forEach((question, id) => {
    const cells = partners.map((partner) => partner.answers.get(id) || {});
    let state = "open";
    if (question.kind === "choice") {
      const given = new Set(cells.map((cell) => cell.a).filter(Boolean));
      state = given.size > 1 ? "differ" : given.size && cells.every((cell) => cell.a) ? "agree" : "missing";
    }
    rows.push({ id, group: question.group, state, cells });
  });
  return rows;
}

/* {agree, differ, missing, total} over the rows that are compared. */
function agreement(rows) {
  const count = (state) => rows.filter((row) => row.state === state).length;
  const counts = { agree: count("agree"), differ: count("differ"), missing: count("missing") };
  return { ...counts, total: counts.agree + counts.differ + counts.missing };
}

/* The questions the action plan has a row for: any partner answered one of the answers that
   call for an action (Partly, Not yet), or partners differ. */
const actionRows = (rows, checklist) => rows.filter((row) => row.state === "differ" || row.cells.some((cell) => checklist.todo.includes(cell.a)));

/* A copy of the actions with one field of one question's action set; "" removes it. */
function setAction(actions, id, field, value) {
  const next = new Map(actions);
  const entry = { ...next.get(id), [field]: value.slice(0, field === "action" ? TEXT_MAX : SHORT_MAX) };
  if (!value.trim()) delete entry[field];
  if (entry.action || entry.who || entry.when) next.set(id, entry);
  else next.delete(id);
  return next;
}

/* A spreadsheet file: UTF-8 with a byte order mark (so Excel shows Welsh letters), CRLF lines,
   quoted where needed; a cell that a spreadsheet would run as a formula is made plain text. */
function csvCell(value) {
  let cell = String(value ?? "");
  if (/^[=+\-@\t\r]/.test(cell)) cell = "'" + cell;
  return /[",\r\n]/.test(cell) ? '"' + cell.replace(/"/g, '""') + '"' : cell;
}
const csv = (table) => "\uFEFF" + table.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";

/* The action plan as a spreadsheet's table: a heading row (head: group and question columns, then
   those after the partners'), then a row per question due. words: {group(id), question(id),
   cell(cell, id), state(state)} give the words in the page's language. */
function planTable(due, names, actions, head, words) {
  return [[...head.slice(0, 2), ...names, ...head.slice(2)], ...due.map((row) => {
    const entry = actions.get(row.id) || {};
    return [words.group(row.id), words.question(row.id), ...row.cells.map((cell) => words.cell(cell, row.id)), words.state(row.state),
      entry.action || "", entry.who || "", entry.when || ""];
  })];
}

// The page
const PARTS = ["file", "drop", "problems", "status", "partners", "need-two", "result", "summary", "filter", "groups",
  "plan", "plan-count", "plan-print", "printed", "kept", "print", "csv", "save", "clear", "confirm", "clear-yes", "clear-no", "needs-js", "app"];

function comparison(root) {
  const t = strings(root, "data-cp-");
  const id = root.getAttribute("data-compare");
  const checklist = { id, answers: t.answers.split(" "), todo: t.todo.split(" "), questions: new Map() };
  const parts = {};
  PARTS.forEach((name) => { parts[name] = root.querySelector('[data-cp-part="' + name + '"]'); });
  const cmp = { root, t, key: "gd-compare:" + id, checklist, ...readQuestions(root, checklist), parts,
    partners: [], actions: new Map(), due: [], names: [], store: storage() };
  listen(cmp);
  parts["needs-js"].hidden = true;
  parts.app.hidden = false;
  restore(cmp);
  return cmp;
}

// The sheet's questions, in order, from the page (their words are the page's own markup, and so
// are the links to the sheet's sections that help with each: see, from the content).
function readQuestions(root, checklist) {
  const groups = [];
  const words = new Map();
  const sees = new Map();
  root.querySelectorAll("[data-cp-group]").forEach((node) => {
    const group = { id: node.dataset.cpGroup, heading: node.querySelector("[data-cp-heading]"), ids: [] };
    groups.push(group);
    node.querySelectorAll("[data-cp-question]").forEach((item) => {
      const id = item.dataset.cpQuestion;
      checklist.questions.set(id, { f: item.dataset.cpFingerprint, kind: item.dataset.cpKind, group: group.id, sub: item.hasAttribute("data-cp-sub") });
      words.set(id, item.querySelector("[data-cp-text]"));
      sees.set(id, item.querySelector("[data-cp-see]"));
      group.ids.push(id);
    });
  });
  return { groups, words, sees };
}

const count = (cmp, name, n, values) => counted(cmp.t, name, n, values);
const nameOf = (cmp, index) => cmp.partners[index].name || fill(cmp.t.partner, { n: index + 1 });
const partnerNames = (cmp) => cmp.partners.map((partner, index) => nameOf(cmp, index));
const questionText = (cmp, id) => cmp.words.get(id).textContent.trim();
const kindOf = (cmp, id) => cmp.checklist.questions.get(id).kind;
const day = (cmp, iso) => {
  const date = new Date(iso);
  return iso && !Number.isNaN(date.getTime()) ? longDate(date, cmp.t) : "";
};

// A cell's words: the answer (or "Not answered"), the written answer, the note, a stale mark.
function cellParts(cmp, cell, kind) {
  const { t } = cmp;
  const out = [];
  if (kind === "choice") out.push(el("span", { className: "gd-compare__answer gd-compare__answer--" + (cell.a || "none"), textContent: cell.a ? t[cell.a] : t.unanswered }));
  if (kind === "written") out.push(el("span", { className: "gd-compare__written", textContent: cell.w || t.unanswered }));
  if (cell.n) out.push(el("span", { className: "gd-compare__note" }, [el("span", { textContent: t.note }), ": " + cell.n]));
  if (cell.stale) out.push(el("span", { className: "gd-compare__stale", textContent: cell.t ? fill(t["earlier-words"], { words: cell.t }) : t.earlier }));
  return out.flatMap((node, index) => (index ? [" ", node] : [node]));
}
const cellText = (cmp, cell, kind) => cellParts(cmp, cell, kind).filter((node) => node.textContent).map((node) => node.textContent).join(" ");
const stateName = (cmp, state) => cmp.t["state-" + state];
const stateTag = (cmp, state) => (state === "open" ? null : el("strong", { className: "gd-compare__tag gd-compare__tag--" + state, textContent: stateName(cmp, state) }));
const groupName = (cmp, group) => (group.heading ? group.heading.textContent.trim().replace(/[.:]$/, "") : cmp.t.questions);
// Each partner's answer to a question, after their names: "One: Yes; Two: Partly".
const given = (cmp, row) => row.cells.map((cell, index) => cmp.names[index] + ": " + cellText(cmp, cell, kindOf(cmp, row.id))).join("; ");

function keep(cmp) {
  const { partners, actions, parts, t } = cmp;
  try {
    if (partners.length || actions.size) cmp.store?.setItem(cmp.key, JSON.stringify(writePlan(partners, actions, cmp.checklist, new Date())));
    else cmp.store?.removeItem(cmp.key);
  } catch (error) {
    cmp.store = null;
  }
  setText(parts.kept, cmp.store ? t.kept : t["not-kept"]);
  parts.kept.className = "gd-compare__kept" + (cmp.store ? "" : " gd-compare__kept--warning");
}

function restore(cmp) {
  let found = null;
  try {
    const raw = cmp.store?.getItem(cmp.key);
    found = raw ? read(raw, cmp.checklist).plan : null;
  } catch (error) {
    cmp.store = null;
  }
  cmp.partners = found ? found.partners : [];
  cmp.actions = found ? found.actions : new Map();
  keep(cmp);
  render(cmp);
}

function say(cmp, text, problem) {
  (problem ? cmp.parts.problems : cmp.parts.status).append(el("p", { textContent: text }));
}

async function add(cmp, files) {
  cmp.parts.problems.replaceChildren();
  cmp.parts.status.replaceChildren();
  for (const file of files) addFile(cmp, file, file.size <= FILE_MAX ? read(await file.text(), cmp.checklist) : { error: "bad" });
  keep(cmp);
  render(cmp);
  const loaded = count(cmp, "loaded", cmp.partners.length);
  say(cmp, cmp.partners.length > 1 ? joined(loaded, cmp.parts.summary.textContent) : loaded);
}

// One file read: a plan replaces what is loaded, a partner joins it (once, and up to MOST).
function addFile(cmp, file, found) {
  const { partners, t } = cmp;
  const named = (message, values) => say(cmp, fill(message, { file: file.name, ...values }), true);
  if (found.error) named(found.error === "other" ? t["other-file"] : t["bad-file"]);
  else if (found.plan) {
    ({ partners: cmp.partners, actions: cmp.actions } = found.plan);
    say(cmp, fill(t["plan-loaded"], { file: file.name }));
  } else if (partners.some((other) => same(other, found.partner))) {
    named(t["same-file"], { name: found.partner.name || file.name });
  } else if (partners.length >= MOST) named(t["too-many"]);
  else partners.push(found.partner);
}

function removePartner(cmp, index) {
  cmp.partners.splice(index, 1);
  keep(cmp);
  render(cmp);
  say(cmp, count(cmp, "loaded", cmp.partners.length));
  cmp.parts.file.focus();
}

function render(cmp) {
  const { partners, parts, t } = cmp;
  parts.partners.replaceChildren(...partners.map((partner, index) => el("li", {}, [
    el("strong", { textContent: nameOf(cmp, index) }),
    " ", partner.saved ? el("span", { textContent: fill(t["saved-on"], { date: day(cmp, partner.saved) }) }) : null, partner.saved ? " " : null,
    button(fill(t.remove, { name: nameOf(cmp, index) }), "link", () => removePartner(cmp, index)),
  ])));
  parts["need-two"].hidden = partners.length > 1;
  parts.result.hidden = partners.length < 2;
  if (partners.length < 2) return;
  const rows = compare(cmp.checklist, partners);
  const overall = agreement(rows);
  const agreed = count(cmp, "summary", overall.total, { agree: overall.agree });
  setText(parts.summary, overall.differ ? joined(agreed, count(cmp, "differ", overall.differ)) : agreed);
  cmp.names = partnerNames(cmp);
  parts.groups.replaceChildren(...cmp.groups.map((group) => groupSection(cmp, group, rows.filter((row) => row.group === group.id))));
  applyFilter(cmp);
  renderPlan(cmp, rows);
}

// A group's answers side by side: a table on wide screens, a list on narrow ones (compare.css).
function groupSection(cmp, group, rows) {
  const { names, t } = cmp;
  const counts = agreement(rows);
  const heading = groupName(cmp, group);
  const questionCell = (row) => [el("span", { className: "gd-compare__question", textContent: questionText(cmp, row.id) }), " ", stateTag(cmp, row.state)];
  const rowClass = (row) => "gd-compare__row gd-compare__row--" + row.state + (cmp.checklist.questions.get(row.id).sub ? " gd-compare__row--sub" : "");
  return el("section", { className: "gd-compare__group" }, [
    el("h3", { textContent: heading }),
    counts.total ? el("p", { className: "gd-compare__agreement", textContent: count(cmp, "group", counts.total, { agree: counts.agree }) }) : null,
    el("table", { className: "gd-compare__table" }, [
      el("caption", { className: "gd-compare__hidden", textContent: fill(t.caption, { group: heading }) }),
      el("thead", {}, [el("tr", {}, [el("th", { scope: "col", textContent: t["question-heading"] }), ...names.map((name) => el("th", { scope: "col", textContent: name }))])]),
      el("tbody", {}, rows.map((row) => el("tr", { className: rowClass(row) }, [
        el("th", { scope: "row" }, questionCell(row)),
        ...row.cells.map((cell) => el("td", {}, cellParts(cmp, cell, kindOf(cmp, row.id)))),
      ]))),
    ]),
    el("ul", { className: "gd-compare__list" }, rows.map((row) => el("li", { className: rowClass(row) }, [
      el("p", {}, questionCell(row)),
      el("dl", {}, row.cells.flatMap((cell, index) => [el("dt", { textContent: names[index] }), el("dd", {}, cellParts(cmp, cell, kindOf(cmp, row.id)))])),
    ]))),
  ]);
}

function applyFilter(cmp) {
  const only = cmp.parts.filter.checked;
  const table = cmp.parts.groups;
  table.querySelectorAll(".gd-compare__row").forEach((row) => { row.hidden = only && !/--(differ|missing)\b/.test(row.className); });
  table.querySelectorAll(".gd-compare__group").forEach((group) => { group.hidden = only && !group.querySelector(".gd-compare__table .gd-compare__row:not([hidden])"); });
}

// The plan's rows; typing in them changes the data and the printed copy, not the fields.
function renderPlan(cmp, rows) {
  const { parts, t } = cmp;
  cmp.due = actionRows(rows, cmp.checklist);
  setText(parts["plan-count"], cmp.due.length ? count(cmp, "actions", cmp.due.length) : t["no-actions"]);
  parts.plan.replaceChildren(...cmp.due.map((row) => el("fieldset", { className: "gd-compare__action" }, [
    el("legend", { textContent: questionText(cmp, row.id) }),
    el("p", { className: "gd-compare__given" }, [stateTag(cmp, row.state), row.state === "open" ? null : " ", given(cmp, row)]),
    cmp.sees.get(row.id) ? el("p", {}, [cmp.sees.get(row.id).cloneNode(true)]) : null,
    actionField(cmp, row, "action", true), el("div", { className: "gd-compare__when" }, [actionField(cmp, row, "who"), actionField(cmp, row, "when")]),
  ])));
  renderPrint(cmp);
}

function actionField(cmp, row, name, long) {
  const id = "gd-cp-" + name + "-" + row.id;
  const control = el(long ? "textarea" : "input", { id, value: (cmp.actions.get(row.id) || {})[name] || "", maxLength: long ? TEXT_MAX : SHORT_MAX });
  if (long) control.rows = 3;
  control.dataset.cpFor = row.id;
  control.dataset.cpField = name;
  return el("div", { className: "gd-compare__field gd-compare__field--" + name }, [el("label", { htmlFor: id, textContent: cmp.t[name] }), control]);
}

function renderPrint(cmp) {
  const print = cmp.parts["plan-print"];
  print.replaceChildren(...cmp.due.map((row) => {
    const entry = cmp.actions.get(row.id) || {};
    return el("tr", {}, [el("th", { scope: "row", textContent: questionText(cmp, row.id) }), el("td", { textContent: given(cmp, row) }),
      ...["action", "who", "when"].map((name) => el("td", { textContent: entry[name] || "" }))]);
  }));
  print.closest("table").hidden = !cmp.due.length;
}

function planCsv(cmp) {
  const { t } = cmp;
  return csv(planTable(cmp.due, cmp.names, cmp.actions, [t["group-column"], t["question-heading"], t.agreement, t.action, t.who, t.when], {
    group: (id) => groupName(cmp, cmp.groups.find((group) => group.ids.includes(id))),
    question: (id) => questionText(cmp, id),
    cell: (cell, id) => cellText(cmp, cell, kindOf(cmp, id)),
    state: (state) => (state === "open" ? "" : stateName(cmp, state)),
  }));
}

// The reader's filter, actions and buttons.
function listen(cmp) {
  const { parts, t } = cmp;
  const { filter } = parts;
  listenFiles(cmp);
  filter.addEventListener("change", () => {
    applyFilter(cmp);
    parts.status.replaceChildren(el("p", { textContent: filter.checked ? t.filtered : t.unfiltered }));
  });
  parts.plan.addEventListener("input", (event) => {
    const control = event.target;
    if (!control.dataset.cpFor) return;
    cmp.actions = setAction(cmp.actions, control.dataset.cpFor, control.dataset.cpField, control.value);
    keep(cmp);
    renderPrint(cmp);
  });
  parts.print.addEventListener("click", () => {
    setText(parts.printed, fill(t.printed, { date: longDate(new Date(), t) }));
    window.print();
  });
  parts.csv.addEventListener("click", () => download(planCsv(cmp), "text/csv;charset=utf-8", cmp.checklist.id, "-action-plan.csv"));
  parts.save.addEventListener("click", () => download(JSON.stringify(writePlan(cmp.partners, cmp.actions, cmp.checklist, new Date()), null, 1),
    "application/json", cmp.checklist.id, "-action-plan.json"));
  listenClear(cmp);
}

// Files chosen with the file button, or dropped on the page.
function listenFiles(cmp) {
  const { file, drop } = cmp.parts;
  file.addEventListener("change", () => {
    const files = [...file.files];
    file.value = "";
    return add(cmp, files);
  });
  drop.addEventListener("dragover", (event) => {
    event.preventDefault();
    drop.classList.add("gd-compare__drop--over");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("gd-compare__drop--over"));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    drop.classList.remove("gd-compare__drop--over");
    return add(cmp, [...(event.dataTransfer?.files || [])]);
  });
}

// "Clear the comparison", which asks first.
function listenClear(cmp) {
  const { parts } = cmp;
  const close = () => {
    parts.confirm.hidden = true;
    parts.clear.focus();
  };
  parts.clear.addEventListener("click", () => {
    parts.confirm.hidden = false;
    parts["clear-yes"].focus();
  });
  parts["clear-no"].addEventListener("click", close);
  parts.confirm.addEventListener("keydown", (event) => event.key === "Escape" && close());
  parts["clear-yes"].addEventListener("click", () => {
    cmp.partners = [];
    cmp.actions = new Map();
    keep(cmp);
    render(cmp);
    parts.confirm.hidden = true;
    parts.file.focus();
    say(cmp, cmp.t.cleared);
  });
}

let live = [];
function init() {
  live = live.filter((cmp) => cmp.root.isConnected);
  document.querySelectorAll("[data-compare]").forEach((root) => {
    const cmp = startOnce(root, "data-cp-started", comparison);
    if (cmp) live.push(cmp);
  });
}

// Back on the page: the plan may have changed in another tab since.
if (startUp("gdCompareInit", init)) window.addEventListener("pageshow", (event) => event.persisted && live.forEach(restore));
