/* The self-check. A classic script (pages opened from disk cannot load modules) that the build
   serves after the shared helpers (components/shared/shared.js: el, button, fill, strings,
   counted, longDate, storage, download, startUp, startOnce, FORMAT, VERSION), the two inside one
   function, so that the names below are the script's own. N: the names shared with the template,
   from selfcheck.py (written in by the build). Strings come from the data-sc-* attributes of this
   script's own tag (one per page, for all its checklists: script.html); answers are kept in
   localStorage under "gd-selfcheck:<checklist id>", the same in every language.

   First the logic, on plain data (Node's tests call it by name: shared/load.mjs):
     read, parse, parseFile: saved data or a file -> answers; write: answers -> saved data;
     update: one answer, written answer or note set; progress, todo: what is answered, what is left.
   answers: Map id -> {a: answer, w: written answer, n: note}; questions: Map id -> fingerprint of
   its English text. A file saved to share also carries the name typed and each question's words.

   Then the page. selfcheck(root) makes one checklist's state, `check`, which every function below
   it is given: its strings (t), questions and their words (names), the controls it added (leaves:
   the answerable questions; notes; groups; then addParts' controls around the questions), and
   what the reader gave (answers, name). In order: making the controls (addGroup, addQuestion,
   addParts), answers in and out of storage (load, save), showing them (render), the reader's
   events (listen), and starting (init, startUp). The build puts progress-start.js after it, in the
   same function: the progress script, loaded once there are answers or check-ins or a button that
   needs it is used (showProgress, progressPart, withProgress), which then shows each group's result
   and the check-ins, prints the summary and saves and loads files (check.progress). */
"use strict";
const N = /* NAMES */ {};
const ANSWERS = N.answers;
const NOTE_MAX = 500;  // a note or a written answer
const NAME_MAX = 80;

/* Saved data -> {answers, name (when given)}, or {error: "bad"} (not ours, or another version) or
   {error: "other"} (another checklist). Only answers to questions still here with the same words are kept. */
function read(data, checklist, questions) {
  if (data?.format !== FORMAT || data.v !== VERSION || typeof data.answers !== "object" || !data.answers) return { error: "bad" };
  if (data.checklist !== checklist) return { error: "other" };
  const answers = new Map();
  questions.forEach((fingerprint, id) => {
    const saved = own(data.answers, id) && data.answers[id];
    if (saved?.f !== fingerprint) return;
    const entry = {};
    if (ANSWERS.includes(saved.a)) entry.a = saved.a;
    if (typeof saved.w === "string" && saved.w.trim()) entry.w = saved.w.slice(0, NOTE_MAX);
    if (typeof saved.n === "string" && saved.n.trim()) entry.n = saved.n.slice(0, NOTE_MAX);
    if (entry.a || entry.w || entry.n) answers.set(id, entry);
  });
  const name = typeof data.name === "string" ? data.name.trim().slice(0, NAME_MAX) : "";
  return name ? { answers, name } : { answers };
}

function parse(text, checklist, questions) {
  try {
    return read(JSON.parse(text), checklist, questions);
  } catch (error) {
    return { error: "bad" };
  }
}

/* A file to load, as parse; refused ({error: "none"}) when none of its answers is to a question
   here as it is now worded, so that loading it never empties the answers already given. */
function parseFile(text, checklist, questions) {
  const result = parse(text, checklist, questions);
  return result.answers && !result.answers.size ? { error: "none" } : result;
}

/* name: who answered (optional); words: Map id -> the question's words, written beside each
   answer in a file to share, so that a comparison can show an answer to earlier words as such. */
function write(answers, checklist, questions, now, { name = "", words = null } = {}) {
  const out = {};
  answers.forEach((entry, id) => questions.has(id) && (out[id] = { f: questions.get(id), ...entry, ...(words?.has(id) && { t: words.get(id) }) }));
  return { format: FORMAT, v: VERSION, checklist, saved: now.toISOString(), ...(name.trim() && { name: name.trim().slice(0, NAME_MAX) }), answers: out };
}

/* A copy with one question's answer ("a"), written answer ("w") or note ("n") set; "" removes it. */
function update(answers, id, key, value) {
  const next = new Map(answers);
  const entry = { ...next.get(id), [key]: value };
  if (!value) delete entry[key];
  if (entry.a || entry.w || entry.n) next.set(id, entry);
  else next.delete(id);
  return next;
}

// A question's answer: one of ANSWERS, "written" when answered in words, or "".
const answer = (answers, id) => answers.get(id)?.a || (answers.get(id)?.w ? "written" : "");
const progress = (ids, answers) => ({ answered: ids.filter((id) => answer(answers, id)).length, total: ids.length });
/* Left to do, in the sheet's order: not answered, Partly, Not yet. */
const todo = (ids, answers) => ids.map((id) => ({ id, answer: answer(answers, id) })).filter((item) => !/^(yes|na|written)$/.test(item.answer));

// The page

/* One checklist's state: its strings, questions, controls and what the reader gave. */
function selfcheck(root) {
  const id = root.getAttribute(N.checklist);
  const check = {
    root, id, key: FORMAT + ":" + id, t: strings(document.querySelector(`script[${N.locale}]`), N.text),
    questions: new Map(), names: new Map(), leaves: [], groups: [], notes: new Map(),
    store: storage(),  // then load(): answers, name, unreadable; addParts(): the controls around the questions
  };
  root.querySelectorAll(`[${N.group}]`).forEach((node) => addGroup(check, node));
  check.ids = check.leaves.map((leaf) => leaf.qid);
  addParts(check);
  listen(check);
  reload(check);
  root.classList.add("gd-sc");
  return check;
}

// Count n in the page language's plural form; {count} stands for n.
const count = (check, name, n, answered) => counted(check.t, name, n, { answered });
const done = (check, name, ids) => count(check, name, ids.length, progress(ids, check.answers).answered);
const tag = (check, answer) => el("strong", { className: "gd-sc__tag gd-sc__tag--" + (answer || "none"), textContent: answer ? check.t[answer] : check.t.unanswered });

function addGroup(check, node) {
  const heading = node.querySelector(`[${N.group_heading}]`);
  const group = { name: heading?.textContent.trim().replace(/[.:]$/, ""), ids: [], all: [], out: el("p", { className: "gd-sc__group-progress" }) };
  heading?.after(group.out);
  check.groups.push(group);
  node.querySelectorAll(`[${N.question}]`).forEach((li) => addQuestion(check, group, li));
}

// A fieldset per question, its words the legend: radios (or a text box for a written question)
// unless it has sub-items, a note unless it is a sub-item or a written question.
function addQuestion(check, group, li) {
  const qid = li.getAttribute(N.question);
  const parent = li.parentElement.closest(`[${N.question}]`);
  const text = li.querySelector(`[${N.question_text}]`);
  const written = li.getAttribute(N.kind) === "written";
  const leaf = !li.querySelector(`[${N.question}]`);
  const legend = el("legend", { className: "gd-sc__legend" }, [text]);
  const fieldset = el("fieldset", { className: "gd-sc__question" }, [legend, ...li.childNodes]);
  check.questions.set(qid, li.getAttribute(N.fingerprint));
  check.names.set(qid, (parent ? check.names.get(parent.getAttribute(N.question)) + " " : "") + text.textContent.trim());
  group.all.push(qid);
  if (written) legend.after(writtenBox(check, qid));
  else if (leaf) legend.after(choices(check, qid));
  if (written || leaf) group.ids.push(qid);
  if (!parent && !written) fieldset.append(...noteBox(check, qid));
  li.append(fieldset);
}

// A text box with the characters left in it (left() shows them), read with it by screen readers
// (a polite count, not a live one).
function textBox(check, qid, kind, words) {
  const area = el("textarea", { id: N.control + kind + "-" + qid, rows: 3, maxLength: NOTE_MAX });
  const out = el("p", { id: area.id + "-left", className: "gd-sc__count" });
  const left = () => setText(out, count(check, "chars-left", NOTE_MAX - area.value.length));
  area.setAttribute("aria-describedby", out.id);
  area.addEventListener("input", left);
  area.dataset[kind] = qid;
  return [area, left, el("div", { className: "gd-sc__note" }, [el("label", { htmlFor: area.id, textContent: words }), area, out])];
}

function writtenBox(check, qid) {
  const [area, left, box] = textBox(check, qid, "written", check.t.written);
  check.leaves.push({ qid, inputs: [], area, left });
  return box;
}

function choices(check, qid) {
  const inputs = ANSWERS.map((value) => el("input", { type: "radio", name: N.control + qid, value }));
  check.leaves.push({ qid, inputs });
  return el("div", { className: "gd-sc__answers" },
    inputs.map((input) => el("label", { className: "gd-sc__answer" }, [input, " ", el("span", { textContent: check.t[input.value] })])));
}

// "Add a note": a button that shows and hides the question's note.
function noteBox(check, qid) {
  const { t } = check;
  const [area, left, box] = textBox(check, qid, "note", t.note);
  const open = (on) => {
    box.hidden = !on;
    toggle.setAttribute("aria-expanded", on);
    setText(toggle, on ? t["hide-note"] : t["add-note"]);
  };
  const toggle = button(t["add-note"], "link", () => {
    open(box.hidden);
    if (!box.hidden) area.focus();
  });
  check.notes.set(qid, { area, open, left });
  return [toggle, box];
}

// Around the questions: where answers are kept and the progress (before them), what is left to do,
// the name, the buttons, the confirmation of clearing, the place of the check-ins and the messages
// (after them). The buttons that need the progress script go should it not load.
function addParts(check) {
  const { root, t } = check;
  const saved = el("p");
  const printNote = el("p", { className: "gd-sc__print-note", textContent: t["print-note"] });
  const who = el("input", { type: "text", id: N.control + "name-" + check.id.replace(/\W/g, "-"), maxLength: NAME_MAX, autocomplete: "organization" });
  const whoHint = el("p", { id: who.id + "-hint", className: "gd-sc__hint", textContent: t["name-hint"] });
  const overall = el("p", { className: "gd-sc__progress" });
  const left = el("p");
  const list = el("ul");
  const file = el("input", { type: "file", accept: ".json", hidden: true });
  const status = el("p");
  const say = el("p", { className: "gd-sc__live" });
  who.setAttribute("aria-describedby", whoHint.id);
  status.setAttribute("role", "status");
  say.setAttribute("aria-live", "polite");
  const needsProgress = [
    button(t.print, "secondary", () => withProgress(check, (part) => part.print())),
    button(t.save, "secondary", () => withProgress(check, (part) => part.saveFile())),
    button(t.load, "secondary", () => file.click()),
  ];
  Object.assign(check, { saved, printNote, who, overall, left, list, file, status, say, needsProgress, place: el("div") });
  const [clear, confirm] = clearButton(check);
  root.querySelector(`[${N.group}]`).before(el("div", { className: "gd-sc__intro" }, [printNote, saved, overall]));
  root.append(
    el("div", { className: "gd-sc__summary" }, [el("h3", { textContent: t["todo-heading"] }), left, list]),
    el("div", { className: "gd-sc__name" }, [el("label", { htmlFor: who.id, textContent: t.name }), whoHint, who]),
    el("div", { className: "gd-sc__actions" }, [...needsProgress, clear, file]),
    confirm, check.place, status, say,
  );
}

// "Clear answers", which asks first (confirm: yes, or cancel and back to the button).
function clearButton(check) {
  const { t } = check;
  const question = el("p", { id: check.key + ":confirm", textContent: t.confirm });
  const close = () => {
    confirm.hidden = true;
    clear.focus();
  };
  const clear = button(t.clear, "warning", () => {
    confirm.hidden = false;
    yes.focus();
  });
  const yes = button(t["confirm-yes"], "warning", () => {
    check.answers = new Map();
    save(check, true);
    close();
    tell(check, t.cleared);
  });
  const confirm = el("div", { className: "gd-sc__confirm", hidden: true }, [question, yes, button(t.cancel, "secondary", close)]);
  yes.setAttribute("aria-describedby", question.id);
  confirm.addEventListener("keydown", (event) => event.key === "Escape" && close());
  return [clear, confirm];
}

function load(check) {
  let result = {};
  try {
    const raw = check.store?.getItem(check.key);
    if (raw) result = parse(raw, check.id, check.questions);
  } catch (error) {
    check.store = null;
  }
  check.answers = result.answers || new Map();
  check.name = result.name || "";
  check.unreadable = !!result.error;
}

function save(check, sync) {
  const { answers, name } = check;
  try {
    if (answers.size || name) check.store?.setItem(check.key, JSON.stringify(write(answers, check.id, check.questions, new Date(), { name })));
    else check.store?.removeItem(check.key);
  } catch (error) {
    check.store = null;
  }
  render(check, sync);
}

function reload(check) {
  load(check);
  render(check, true);
  showProgress(check);
}

function set(check, qid, field, value) {
  check.answers = update(check.answers, qid, field, value);
  save(check);
}

function tell(check, words, error) {
  setText(check.status, words);
  check.status.className = error ? "gd-sc__status--error" : "";
}

// Answers -> page; sync also refills the text boxes (after loading, importing or clearing, not while typing).
function render(check, sync) {
  const { answers, t, store, unreadable, saved } = check;
  renderAnswers(check, sync);
  if (sync) check.who.value = check.name;
  check.printNote.hidden = !answers.size;
  check.groups.forEach((group) => setText(group.out, done(check, "group", group.ids)));
  setText(check.overall, done(check, "overall", check.ids));
  setText(saved, store ? (unreadable ? joined(t.unreadable, t.saved) : t.saved) : t.unsaved);
  saved.className = "gd-sc__saved" + (store && !unreadable ? "" : " gd-sc__saved--warning");
  const rest = todo(check.ids, answers);
  setText(check.left, count(check, "todo", rest.length));
  if (check.progress) return check.progress.changed();  // each group's result and its questions still to do, in place of this list
  check.list.replaceChildren(...rest.map((item) => el("li", {}, [
    el("a", { href: "#" + item.id, textContent: check.names.get(item.id) }), " ", tag(check, item.answer),
  ])));
  if (answers.size) showProgress(check);
}

function renderAnswers(check, sync) {
  const { answers } = check;
  check.leaves.forEach(({ qid, inputs, area, left }) => {
    const answer = answers.get(qid)?.a || "";
    inputs.forEach((input) => { input.checked = input.value === answer; });
    if (area && sync) area.value = answers.get(qid)?.w || "";
    left?.();
  });
  check.notes.forEach(({ area, open, left }, qid) => {
    const note = answers.get(qid)?.n || "";
    if (sync) {
      area.value = note;
      open(!!note);
    }
    left();
  });
}

// The reader's answers, notes, name and files.
function listen(check) {
  const { root } = check;
  root.addEventListener("change", (event) => {
    const input = event.target;
    if (input.type !== "radio") return;
    set(check, input.name.slice(N.control.length), "a", input.value);
    setText(check.say, check.overall.textContent);  // one sentence per answer
  });
  root.addEventListener("input", ({ target }) => {
    const { note, written } = target.dataset;
    if (note) set(check, note, "n", target.value.trim() && target.value);
    if (written) set(check, written, "w", target.value.trim() && target.value);
    if (target === check.who) {
      check.name = check.who.value.trim();
      save(check);
    }
  });
  check.file.addEventListener("change", () => {
    const chosen = check.file.files[0];
    check.file.value = "";
    return withProgress(check, (part) => part.loadFile(chosen));
  });
}

// Each checklist starts in a task of its own: the browser may paint and answer the reader in between.
let live = [];
function init() {
  live = live.filter((check) => check.root.isConnected);
  document.querySelectorAll(`[${N.checklist}]`).forEach((root) => setTimeout(() => {
    const check = root.isConnected && startOnce(root, N.started, selfcheck);
    if (check) live.push(check);
  }));
}

if (startUp("gdSelfCheckInit", init)) {
  // Back on the page: answers may have changed on another page since, and the browser may have
  // put back the form as it was (from its cache, or by restoring the controls' old state).
  window.addEventListener("pageshow", () => live.forEach(reload));
}
