/* Check-ins on the page: "Record this check-in", the check-ins kept, what changed since the chosen
   one, deleting one, and "Remind me to check again"; and the result of each group (results.js),
   the printed summary (report.js) and the answer files (files.js). Served with them, checkins.js
   and calendar.js as a script of its own (assets/selfcheck-progress.js), which the self-check
   loads once there are answers or check-ins, or a button that needs it is used: the sheet page
   does not carry it before. The self-check gives each checklist's state (check: its root, strings
   t, id, questions, names, answers, say, list, the place kept for the check-ins and the buttons)
   and the functions of its own that this part uses to window[N.checkins_ready](check, functions),
   which fills the part and returns what the self-check calls.
   PROGRESS_STRINGS: this part's strings in each of the site's languages, by locale (written in by the
   build), each language's with the keys of those still in English named as shared.js's stringsGiven reads
   them; the self-check's strings (check.t) are read the same way, so that what this part writes with
   a string in English is marked as English. */
const PROGRESS_STRINGS = /* STRINGS */ {};

// "4 December 2026, 10:05": check-ins on one day are told apart by the time.
const checkinTime = (checkin, t) => {
  const at = new Date(checkin.at);
  return longDate(at, t) + ", " + String(at.getHours()).padStart(2, "0") + ":" + String(at.getMinutes()).padStart(2, "0");
};
const checkinLabel = (checkin, t) => checkinTime(checkin, t) + (checkin.name ? " (" + checkin.name + ")" : "");

/* check: the checklist's state; functions: the self-check's todo and tag (what is left to do),
   parseFile and write (answer files), save and tell. */
function mountCheckins(check, functions) {
  const t = { ...stringsGiven(check.t), ...stringsGiven(PROGRESS_STRINGS[check.t.locale]) };
  const state = { ...functions, check, t, key: N.checkins_key + check.id, store: check.store, checkins: [], unreadable: false, chosen: null, results: el("div") };
  check.list.replaceWith(state.results);
  loadCheckins(state);
  addCheckinParts(state);
  renderCheckins(state);
  renderResults(state);
  return {
    changed: () => {
      renderResults(state);
      renderChanges(state);
    },
    reload: () => {
      loadCheckins(state);
      renderCheckins(state);
    },
    print: () => printAnswers(state),
    saveFile: () => saveAnswers(state),
    loadFile: (chosen) => loadAnswers(state, chosen),
  };
}

function loadCheckins(state) {
  let result = {};
  try {
    const raw = state.store?.getItem(state.key);
    if (raw) result = readStored(raw, state.check.id, state.check.questions);
  } catch (error) {
    state.store = null;
  }
  state.checkins = result.checkins || [];
  state.unreadable = !!result.error;
}

function saveCheckins(state) {
  try {
    if (state.checkins.length) state.store?.setItem(state.key, JSON.stringify(writeStored(state.checkins, state.check.id)));
    else state.store?.removeItem(state.key);
  } catch (error) {
    state.store = null;
  }
}

// In the place the self-check keeps for it, under the heading "Check-ins": where check-ins are
// kept, the list to choose from with Delete (which asks first) and the changes; the name for the
// next one, "Record this check-in" and "Remind me to check again", then the reminder's choice of
// months with its button.
function addCheckinParts(state) {
  const { t, check } = state;
  const base = N.control + "checkins-" + check.id.replace(/\W/g, "-");
  const name = el("input", { type: "text" });
  state.record = button(t.record, "secondary", () => {
    recordCheckin(state, name.value);
    name.value = "";
  });
  state.kept = el("p");
  state.choose = el("select", { id: base + "-choose" });
  state.choose.addEventListener("change", () => {
    state.chosen = state.choose.value;
    renderChanges(state, true);
  });
  state.pick = el("div", { className: "gd-sc__name" }, [el("label", { htmlFor: state.choose.id, textContent: t["checkins-choose"] }), state.choose]);
  state.remove = button(t["checkins-delete"], "secondary", () => askToDelete(state));
  state.confirm = deleteConfirmation(state);
  state.changes = el("div");
  state.remind = reminder(state, base);
  const remind = button(t.remind, "secondary", () => {
    state.remind.hidden = false;
    state.remind.querySelector("input:checked").focus();
  });
  check.place.replaceWith(el("div", { className: "gd-sc__checkins" }, [
    el("h3", { textContent: t["checkins-heading"] }), state.kept, state.pick, state.remove, state.confirm, state.changes,
    el("div", { className: "gd-sc__name" }, [el("label", { textContent: t["checkin-name"] + " " }, [name])]),
    el("div", { className: "gd-sc__actions" }, [state.record, remind]), state.remind,
  ]));
}

function deleteConfirmation(state) {
  const { t } = state;
  const question = el("p", { id: state.key + ":delete" });
  const close = () => {
    box.hidden = true;
    state.remove.focus();
  };
  const yes = button(t["checkins-delete-yes"], "warning", () => {
    const gone = state.checkins.find((checkin) => checkin.at === state.chosen);
    state.checkins = remove(state.checkins, state.chosen);
    state.chosen = null;
    saveCheckins(state);
    renderCheckins(state);
    close();
    (state.checkins.length ? state.remove : state.record).focus();
    setText(state.check.say, fill(t["checkins-deleted"], { date: checkinLabel(gone, t) }));
  });
  const box = el("div", { className: "gd-sc__confirm", hidden: true }, [question, yes, button(t.cancel, "secondary", close)]);
  yes.setAttribute("aria-describedby", question.id);
  box.addEventListener("keydown", (event) => event.key === "Escape" && close());
  return box;
}

function askToDelete(state) {
  const chosen = state.checkins.find((checkin) => checkin.at === state.chosen);
  setText(state.confirm.querySelector("p"), fill(state.t["checkins-delete-confirm"], { date: checkinLabel(chosen, state.t) }));
  state.confirm.hidden = false;
  state.confirm.querySelector("button").focus();
}

// "Remind me to check again": 3, 6 or 12 months from today, as a calendar file.
function reminder(state, base) {
  const { t } = state;
  const choices = MONTHS.map((months) => el("input", { type: "radio", name: base + "-months", value: months, checked: months === 6 }));
  const hint = el("p", { id: base + "-remind-hint", className: "gd-sc__hint", textContent: t["remind-hint"] });
  const fieldset = el("fieldset", { className: "gd-sc__question" }, [
    el("legend", { className: "gd-sc__legend", textContent: t["remind-legend"] }), hint,
    el("div", { className: "gd-sc__answers" }, choices.map((input) => el("label", { className: "gd-sc__answer" }, [input, " ", counted(t, "months", +input.value)]))),
  ]);
  fieldset.setAttribute("aria-describedby", hint.id);
  fieldset.addEventListener("change", (event) => event.stopPropagation());  // a choice of months, not an answer
  const done = el("p");
  const get = button(t["remind-download"], "secondary", () => {
    const months = +choices.find((input) => input.checked).value;
    downloadReminder(state, months);
    setText(state.check.say, setText(done, fill(t["remind-done"], { date: longDate(addMonths(new Date(), months), t) })).textContent);
  });
  return el("div", { className: "gd-sc__remind", hidden: true }, [fieldset, get, done]);
}

function downloadReminder(state, months) {
  const { t, check } = state;
  const checklist = check.root.querySelector("h2")?.textContent.trim() || "";
  const sheet = document.querySelector("article h1")?.textContent.trim().replace(/\s+/g, " ") || document.title;
  const now = new Date();
  const text = calendar({
    title: fill(t["remind-title"], { checklist: checklist || sheet }),
    description: fill(t["remind-description"], { checklist: checklist || sheet, sheet }),
    url: location.href.split("#")[0] + "#" + check.id.split("/")[1], lang: document.documentElement.lang, today: now, months, now,
    uid: now.toISOString() + "-" + Math.random().toString(36).slice(2) + "@guidance-sheets",
  });
  download(text, "text/calendar", check.id, "-reminder.ics");
}

function recordCheckin(state, name) {
  const { check, t } = state;
  const result = record(state.checkins, check.answers, check.questions, new Date(), name);
  const dropped = state.checkins.slice(0, result.dropped);
  state.checkins = result.checkins;
  state.chosen = null;
  saveCheckins(state);
  renderCheckins(state);
  const latest = state.checkins[state.checkins.length - 1];
  const words = [fill(t["checkins-recorded"], { date: checkinLabel(latest, t) })];
  dropped.forEach((checkin) => words.push(fill(t["checkins-dropped"], { date: checkinLabel(checkin, t) })));
  setText(check.say, joined(...words));
}

/* Check-ins from a loaded file, already read (files.js) -> the message to show. */
function mergeCheckins(state, checkins) {
  const before = state.checkins;
  const result = merge(before, checkins);
  state.checkins = result.checkins;
  saveCheckins(state);
  renderCheckins(state);
  const words = [counted(state.t, "checkins-added", result.added)];
  if (result.dropped) words.push(counted(state.t, "checkins-dropped-count", result.dropped));
  return words.join(" ");
}

// Check-ins -> the part: where they are kept, the list to choose from, the changes since the chosen one.
function renderCheckins(state) {
  const { t, checkins } = state;
  const none = !checkins.length;
  const problem = !state.store ? t["checkins-unsaved"] : state.unreadable ? t["checkins-unreadable"] : "";
  setText(state.kept, joined(...[problem, none ? "" : counted(t, "checkins-kept", checkins.length)].filter(Boolean)));
  state.kept.className = problem ? "gd-sc__saved gd-sc__saved--warning" : "";
  state.pick.hidden = state.remove.hidden = none;
  state.confirm.hidden = true;
  state.choose.replaceChildren(...[...checkins].reverse().map((checkin) => el("option", { value: checkin.at, textContent: checkinLabel(checkin, t) })));
  renderChanges(state);
}

// What changed from the chosen check-in to the answers now, by kind; announce says it once (when
// the reader chooses another check-in).
function renderChanges(state, announce) {
  const { t, check, checkins } = state;
  if (!checkins.some((checkin) => checkin.at === state.chosen)) state.chosen = defaultEarlier(checkins, check.answers, check.questions)?.at || null;
  const chosen = checkins.find((checkin) => checkin.at === state.chosen);
  state.changes.replaceChildren();
  if (!chosen) return;
  state.choose.value = chosen.at;
  const list = changes(chosen.answers, check.answers, check.questions);
  const moved = list.filter((change) => change.kind !== "same");
  const date = checkinLabel(chosen, t);
  const summary = moved.length ? counted(t, "changes", moved.length, { date }) : fill(t["changes-none"], { date });
  state.changes.append(el("h4", { textContent: fill(t["changes-heading"], { date }) }), el("p", { textContent: summary }));
  ["up", "down", "new", "removed", "changed", "same"].forEach((kind) => {
    const items = list.filter((change) => change.kind === kind);
    if (!items.length) return;
    state.changes.append(el("h5", { textContent: t["changes-" + kind] }), el("ul", {}, items.map((change) => changeItem(state, change))));
  });
  if (announce) setText(check.say, summary);
}

const answerWords = (t, value) => (value === "written" ? t["in-words"] : value ? t[value] : t.unanswered);

function changeItem(state, change) {
  const { t, check } = state;
  const words = change.kind === "same" ? answerWords(t, change.to)
    : fill(t["changes-from-to"], { from: answerWords(t, change.from), to: answerWords(t, change.to) });
  return el("li", {}, [
    el("a", { href: "#" + change.id, textContent: check.names.get(change.id) }), " ", words,
    change.reworded ? " (" + t["checkins-reworded"] + ")" : null,
  ]);
}

window[N.checkins_ready] = mountCheckins;
