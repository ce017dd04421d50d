/* Comparing partners' answers to one self-check, and the action plan drawn from the differences.
   A classic script loaded by the comparison page only (pages opened from disk cannot load modules):
   first the logic, which Node's tests require(), then the page. Strings come from data-cp-*
   attributes. Files are read in the browser; nothing is sent anywhere. The loaded answers and the
   plan are kept in localStorage under "gd-compare:<checklist id>", in the plan file's format.
   A checklist here is {id, answers: the answer values, todo: those that call for an action,
   questions: Map id -> {f: fingerprint of the English words, kind: choice|written|parent, group}}. */
((C) => {
  "use strict";
  const ANSWERS = "gd-selfcheck";
  const PLAN = "gd-action-plan";
  const VERSION = 1;
  const MOST = 8;          // partners compared at once
  const TEXT_MAX = 500;    // a note, a written answer, an action
  const SHORT_MAX = 80;    // a name, "who", "by when"
  const FILE_MAX = 400000; // bytes: a plan holds up to eight answer files
  const own = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
  const isObject = (value) => !!value && typeof value === "object" && !Array.isArray(value);
  const text = (value, max) => (typeof value === "string" && value.trim() ? value.trim().slice(0, max) : "");

  /* One partner's answer file -> {name, saved, answers: Map id -> {a, w, n, f, stale, t}}, or null.
     An answer saved against other words of a question (another fingerprint) is kept, marked stale,
     with those words when the file has them. */
  function readPartner(data, checklist) {
    if (data?.format !== ANSWERS || data.v !== VERSION || !isObject(data.answers)) return null;
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
    return { format: ANSWERS, v: VERSION, checklist: checklist.id, name: partner.name || undefined, saved: partner.saved, answers };
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
    if (!isObject(data) || data.v !== VERSION || (data.format !== ANSWERS && data.format !== PLAN)) return { error: "bad" };
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

  /* strings[name + Category] for count n in lang's plural category (Welsh has six), {names} filled. */
  function counted(strings, name, lang, n, values) {
    let category = "other";
    try {
      category = new Intl.PluralRules(lang).select(n);
    } catch (error) { /* unknown language */ }
    const template = strings[name + category[0].toUpperCase() + category.slice(1)] || strings[name + "Other"];
    return fill(template, { count: n, ...values });
  }
  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (match, name) => (own(values, name) ? values[name] : match));

  Object.assign(C, { MOST, FILE_MAX, read, readPlan, writePlan, same, compare, agreement, actionRows, setAction, csv, planTable, counted, fill });
  if (typeof document === "undefined") return;

  // The page
  function el(tag, props, children) {
    const node = Object.assign(document.createElement(tag), props);
    if (children) node.append(...children.filter((child) => child !== null));
    return node;
  }

  function comparison(root) {
    const t = root.dataset;
    const lang = t.cpLocale;
    const key = "gd-compare:" + t.compare;
    const months = t.cpMonths.split(",");
    const checklist = { id: t.compare, answers: t.cpAnswers.split(" "), todo: t.cpTodo.split(" "), questions: new Map() };
    const count = (name, n, values) => counted(t, name, lang, n, values);
    const label = (answer) => t["cp" + answer.replace(/(^|-)(\w)/g, (m, dash, c) => c.toUpperCase())];
    const part = (name) => root.querySelector('[data-cp-part="' + name + '"]');
    const day = (iso) => {
      const date = new Date(iso);
      return iso && !Number.isNaN(date.getTime()) ? date.getDate() + " " + months[date.getMonth()] + " " + date.getFullYear() : "";
    };

    // The sheet's questions, in order, from the page (their words are the page's own markup).
    const groups = [];
    const words = new Map();
    root.querySelectorAll("[data-cp-group]").forEach((node) => {
      const group = { id: node.dataset.cpGroup, heading: node.querySelector("[data-cp-heading]"), ids: [] };
      groups.push(group);
      node.querySelectorAll("[data-cp-question]").forEach((item) => {
        const id = item.dataset.cpQuestion;
        checklist.questions.set(id, { f: item.dataset.cpFingerprint, kind: item.dataset.cpKind, group: group.id, sub: item.hasAttribute("data-cp-sub") });
        words.set(id, item.querySelector("[data-cp-text]"));
        group.ids.push(id);
      });
    });

    const input = part("file");
    const drop = part("drop");
    const problems = part("problems");
    const status = part("status");
    const partnerList = part("partners");
    const result = part("result");
    const summary = part("summary");
    const filter = part("filter");
    const table = part("groups");
    const plan = part("plan");
    const printed = part("printed");
    const kept = part("kept");
    let partners = [];
    let actions = new Map();
    let store;
    try {
      store = window.localStorage;
      store.setItem(key + ":test", 1);
      store.removeItem(key + ":test");
    } catch (error) {
      store = null;
    }

    const nameOf = (index) => partners[index].name || fill(t.cpPartner, { n: index + 1 });
    const questionText = (id) => words.get(id).textContent.trim();
    // A cell's words: the answer (or "Not answered"), the written answer, the note, a stale mark.
    function cellParts(cell, kind) {
      const out = [];
      if (kind === "choice") out.push(el("span", { className: "gd-compare__answer gd-compare__answer--" + (cell.a || "none"), textContent: cell.a ? label(cell.a) : t.cpUnanswered }));
      if (kind === "written") out.push(el("span", { className: "gd-compare__written", textContent: cell.w || t.cpUnanswered }));
      if (cell.n) out.push(el("span", { className: "gd-compare__note", textContent: t.cpNote + ": " + cell.n }));
      if (cell.stale) out.push(el("span", { className: "gd-compare__stale", textContent: cell.t ? fill(t.cpEarlierWords, { words: cell.t }) : t.cpEarlier }));
      return out.flatMap((node, index) => (index ? [" ", node] : [node]));
    }
    const cellText = (cell, kind) => cellParts(cell, kind).filter((node) => node.textContent).map((node) => node.textContent).join(" ");
    const stateName = (state) => t["cpState" + state[0].toUpperCase() + state.slice(1)];
    const stateTag = (state) => (state === "open" ? null : el("strong", { className: "gd-compare__tag gd-compare__tag--" + state, textContent: stateName(state) }));
    const groupName = (group) => (group.heading ? group.heading.textContent.trim().replace(/[.:]$/, "") : t.cpQuestions);

    function keep() {
      try {
        if (partners.length || actions.size) store?.setItem(key, JSON.stringify(writePlan(partners, actions, checklist, new Date())));
        else store?.removeItem(key);
      } catch (error) {
        store = null;
      }
      kept.textContent = store ? t.cpKept : t.cpNotKept;
      kept.className = "gd-compare__kept" + (store ? "" : " gd-compare__kept--warning");
    }

    function say(text, problem) {
      (problem ? problems : status).append(el("p", { textContent: text }));
    }

    async function add(files) {
      problems.replaceChildren();
      status.replaceChildren();
      for (const file of files) {
        const found = file.size <= FILE_MAX ? read(await file.text(), checklist) : { error: "bad" };
        const named = (message, values) => say(fill(message, { file: file.name, ...values }), true);
        if (found.error) named(found.error === "other" ? t.cpOtherFile : t.cpBadFile);
        else if (found.plan) {
          ({ partners, actions } = found.plan);
          say(fill(t.cpPlanLoaded, { file: file.name }));
        } else if (partners.some((other) => same(other, found.partner))) {
          named(t.cpSameFile, { name: found.partner.name || file.name });
        } else if (partners.length >= MOST) named(t.cpTooMany);
        else partners.push(found.partner);
      }
      keep();
      render();
      say(count("cpLoaded", partners.length) + (partners.length > 1 ? " " + summary.textContent : ""));
    }

    function render() {
      partnerList.replaceChildren(...partners.map((partner, index) => el("li", {}, [
        el("strong", { textContent: nameOf(index) }),
        partner.saved ? " " + fill(t.cpSavedOn, { date: day(partner.saved) }) + " " : " ",
        button(fill(t.cpRemove, { name: nameOf(index) }), () => {
          partners.splice(index, 1);
          keep();
          render();
          say(count("cpLoaded", partners.length));
          input.focus();
        }),
      ])));
      part("need-two").hidden = partners.length > 1;
      result.hidden = partners.length < 2;
      if (partners.length < 2) return;
      const rows = compare(checklist, partners);
      const overall = agreement(rows);
      summary.textContent = count("cpSummary", overall.total, { agree: overall.agree }) + (overall.differ ? " " + count("cpDiffer", overall.differ) : "");
      const names = partners.map((partner, index) => nameOf(index));
      table.replaceChildren(...groups.map((group) => {
        const own = rows.filter((row) => row.group === group.id);
        const counts = agreement(own);
        const heading = groupName(group);
        const questionCell = (row) => [el("span", { className: "gd-compare__question", textContent: questionText(row.id) }), " ", stateTag(row.state)];
        return el("section", { className: "gd-compare__group" }, [
          el("h3", { textContent: heading }),
          counts.total ? el("p", { className: "gd-compare__agreement", textContent: count("cpGroup", counts.total, { agree: counts.agree }) }) : null,
          el("table", { className: "gd-compare__table" }, [
            el("caption", { className: "gd-compare__hidden", textContent: fill(t.cpCaption, { group: heading }) }),
            el("thead", {}, [el("tr", {}, [el("th", { scope: "col", textContent: t.cpQuestionHeading }), ...names.map((name) => el("th", { scope: "col", textContent: name }))])]),
            el("tbody", {}, own.map((row) => {
              const question = checklist.questions.get(row.id);
              return el("tr", { className: "gd-compare__row gd-compare__row--" + row.state + (question.sub ? " gd-compare__row--sub" : "") }, [
                el("th", { scope: "row" }, questionCell(row)),
                ...row.cells.map((cell) => el("td", {}, cellParts(cell, question.kind))),
              ]);
            })),
          ]),
          el("ul", { className: "gd-compare__list" }, own.map((row) => {
            const question = checklist.questions.get(row.id);
            return el("li", { className: "gd-compare__row gd-compare__row--" + row.state + (question.sub ? " gd-compare__row--sub" : "") }, [
              el("p", {}, questionCell(row)),
              el("dl", {}, row.cells.flatMap((cell, index) => [el("dt", { textContent: names[index] }), el("dd", {}, cellParts(cell, question.kind))])),
            ]);
          })),
        ]);
      }));
      applyFilter();
      renderPlan(rows);
    }

    // The plan's rows; typing in them changes the data and the printed copy, not the fields.
    let due = [];
    let names = [];
    function renderPlan(rows) {
      due = actionRows(rows, checklist);
      names = partners.map((partner, index) => nameOf(index));
      part("plan-count").textContent = due.length ? count("cpActions", due.length) : t.cpNoActions;
      plan.replaceChildren(...due.map((row) => {
        const entry = actions.get(row.id) || {};
        const field = (name, long) => {
          const id = "gd-cp-" + name + "-" + row.id;
          const control = el(long ? "textarea" : "input", { id, value: entry[name] || "", maxLength: long ? TEXT_MAX : SHORT_MAX });
          if (long) control.rows = 3;
          control.dataset.cpFor = row.id;
          control.dataset.cpField = name;
          return el("div", { className: "gd-compare__field gd-compare__field--" + name }, [el("label", { htmlFor: id, textContent: t["cp" + name[0].toUpperCase() + name.slice(1)] }), control]);
        };
        return el("fieldset", { className: "gd-compare__action" }, [
          el("legend", { textContent: questionText(row.id) }),
          el("p", { className: "gd-compare__given" }, [stateTag(row.state), row.state === "open" ? null : " ", given(row)]),
          field("action", true), el("div", { className: "gd-compare__when" }, [field("who"), field("when")]),
        ]);
      }));
      renderPrint();
    }

    const given = (row) => row.cells.map((cell, index) => names[index] + ": " + cellText(cell, checklist.questions.get(row.id).kind)).join("; ");
    function renderPrint() {
      part("plan-print").replaceChildren(...due.map((row) => {
        const entry = actions.get(row.id) || {};
        return el("tr", {}, [el("th", { scope: "row", textContent: questionText(row.id) }), el("td", { textContent: given(row) }),
          ...["action", "who", "when"].map((name) => el("td", { textContent: entry[name] || "" }))]);
      }));
      part("plan-print").closest("table").hidden = !due.length;
    }

    function applyFilter() {
      const only = filter.checked;
      table.querySelectorAll(".gd-compare__row").forEach((row) => { row.hidden = only && !/--(differ|missing)\b/.test(row.className); });
      table.querySelectorAll(".gd-compare__group").forEach((group) => { group.hidden = only && !group.querySelector(".gd-compare__table .gd-compare__row:not([hidden])"); });
    }

    function download(data, type, name) {
      const link = el("a", { href: URL.createObjectURL(new Blob([data], { type })), download: t.compare.replace(/\W/g, "-") + name });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 5000);
    }

    function button(text, click) {
      const node = el("button", { type: "button", className: "gd-sc__button gd-sc__button--link", textContent: text });
      node.addEventListener("click", click);
      return node;
    }

    input.addEventListener("change", () => {
      const files = [...input.files];
      input.value = "";
      add(files);
    });
    drop.addEventListener("dragover", (event) => {
      event.preventDefault();
      drop.classList.add("gd-compare__drop--over");
    });
    drop.addEventListener("dragleave", () => drop.classList.remove("gd-compare__drop--over"));
    drop.addEventListener("drop", (event) => {
      event.preventDefault();
      drop.classList.remove("gd-compare__drop--over");
      add([...(event.dataTransfer?.files || [])]);
    });
    filter.addEventListener("change", () => {
      applyFilter();
      status.replaceChildren(el("p", { textContent: filter.checked ? t.cpFiltered : t.cpUnfiltered }));
    });
    plan.addEventListener("input", (event) => {
      const control = event.target;
      if (!control.dataset.cpFor) return;
      actions = setAction(actions, control.dataset.cpFor, control.dataset.cpField, control.value);
      keep();
      renderPrint();
    });
    part("print").addEventListener("click", () => {
      printed.textContent = fill(t.cpPrinted, { date: day(new Date().toISOString()) });
      window.print();
    });
    part("csv").addEventListener("click", () => download(csv(planTable(due, names, actions,
      [t.cpGroupColumn, t.cpQuestionHeading, t.cpAgreement, t.cpAction, t.cpWho, t.cpWhen], {
        group: (id) => groupName(groups.find((group) => group.ids.includes(id))),
        question: questionText,
        cell: (cell, id) => cellText(cell, checklist.questions.get(id).kind),
        state: (state) => (state === "open" ? "" : stateName(state)),
      })), "text/csv;charset=utf-8", "-action-plan.csv"));
    part("save").addEventListener("click", () => download(JSON.stringify(writePlan(partners, actions, checklist, new Date()), null, 1), "application/json", "-action-plan.json"));
    const confirm = part("confirm");
    part("clear").addEventListener("click", () => {
      confirm.hidden = false;
      part("clear-yes").focus();
    });
    const close = () => {
      confirm.hidden = true;
      part("clear").focus();
    };
    part("clear-no").addEventListener("click", close);
    confirm.addEventListener("keydown", (event) => event.key === "Escape" && close());
    part("clear-yes").addEventListener("click", () => {
      partners = [];
      actions = new Map();
      keep();
      render();
      confirm.hidden = true;
      input.focus();
      say(t.cpCleared);
    });

    function restore() {
      let found = null;
      try {
        const raw = store?.getItem(key);
        found = raw ? read(raw, checklist).plan : null;
      } catch (error) {
        store = null;
      }
      partners = found ? found.partners : [];
      actions = found ? found.actions : new Map();
      keep();
      render();
    }

    part("needs-js").hidden = true;
    part("app").hidden = false;
    restore();
    return { root, restore };
  }

  // Instant navigation runs this script again on each visit to the page: the first run does the work.
  if (window.gdCompareInit) return window.gdCompareInit();
  let live = [];
  function init() {
    live = live.filter((one) => one.root.isConnected);
    document.querySelectorAll("[data-compare]").forEach((root) => {
      if (root.hasAttribute("data-cp-started")) return;
      root.setAttribute("data-cp-started", "");
      try {
        live.push(comparison(root));
      } catch (error) { /* the page keeps saying what it needs */ }
    });
  }

  window.gdCompareInit = init;
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
  // Back on the page: the plan may have changed in another tab since.
  window.addEventListener("pageshow", (event) => event.persisted && live.forEach((one) => one.restore()));
})(typeof module === "object" && module.exports ? module.exports : {});
