/* The self-check. A classic script (pages opened from disk cannot load modules): first the logic,
   which Node's tests load, then the page. N: the names shared with the template, from selfcheck.py
   (written in at the end by the build). Strings come from the data-sc-* attributes of this script's
   own tag (one per page, for all its checklists: script.html); answers are
   kept in localStorage under "gd-selfcheck:<checklist id>", the same in every language.
   answers: Map id -> {a: answer, w: written answer, n: note}; questions: Map id -> fingerprint of
   its English text. A file saved to share also carries the name typed and each question's words. */
((S, N) => {
  "use strict";
  const FORMAT = "gd-selfcheck";
  const VERSION = 1;
  const ANSWERS = N.answers;
  const NOTE_MAX = 500;  // a note or a written answer
  const NAME_MAX = 80;
  const own = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

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

  /* strings[name-category] for count n in lang's plural category (Welsh has six), or name-other. */
  function plural(strings, name, lang, n) {
    let category = "other";
    try {
      category = new Intl.PluralRules(lang).select(n);
    } catch (error) { /* unknown language */ }
    return strings[name + "-" + category] || strings[name + "-other"];
  }

  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (match, name) => (own(values, name) ? values[name] : match));

  /* A date as the build writes dates ("26 Tachwedd 2026"): the pattern and month names come from
     Babel through data attributes, since the browser's Intl may not know the page's language. */
  const longDate = (date, pattern, months) => fill(pattern, { d: date.getDate(), MMMM: months[date.getMonth()], y: date.getFullYear() });

  Object.assign(S, { ANSWERS, NOTE_MAX, NAME_MAX, read, parse, parseFile, write, update, progress, todo, plural, fill, longDate });
  if (typeof document === "undefined") return;
  // Instant navigation runs this script again on every page that has it (Material re-creates the
  // scripts of the content it swaps in): the first run, which follows every page change, does the work.
  if (window.gdSelfCheckInit) return window.gdSelfCheckInit();

  // The page
  const PRINTING = "gd-sc-printing";
  let live = [];

  function el(tag, props, children) {
    const node = Object.assign(document.createElement(tag), props);
    if (children) node.append(...children);
    return node;
  }

  function button(text, kind, click) {
    const node = el("button", { type: "button", className: "gd-sc__button gd-sc__button--" + kind, textContent: text });
    node.addEventListener("click", click);
    return node;
  }

  function selfcheck(root) {
    // Strings by key, from the page's tag that loads this script: data-sc-todo-one -> t["todo-one"]
    const strings = document.querySelector(`script[${N.locale}]`);
    const t = {};
    for (const { name, value } of strings.attributes) if (name.startsWith(N.text)) t[name.slice(N.text.length)] = value;
    const id = root.getAttribute(N.checklist);
    const key = "gd-selfcheck:" + id;
    const lang = strings.getAttribute(N.locale);
    const label = (answer) => t[answer];
    // Count n in the page language's plural form; {count} stands for n.
    const count = (name, n, answered) => fill(plural(t, name, lang, n), { count: n, answered });
    const done = (name, list) => count(name, list.length, progress(list, answers).answered);
    const questions = new Map();
    const names = new Map();
    const leaves = [];
    const groups = [];
    const notes = new Map();
    let answers, unreadable, store, name = "";
    try {
      store = window.localStorage;
      store.setItem("gd-selfcheck", 1);
      store.removeItem("gd-selfcheck");
    } catch (error) {
      store = null;
    }

    // Characters left in a text box, read with it by screen readers (a polite count, not a live one).
    function counted(area) {
      const out = el("p", { id: area.id + "-left", className: "gd-sc__count" });
      const show = () => { out.textContent = count("chars-left", NOTE_MAX - area.value.length); };
      area.setAttribute("aria-describedby", out.id);
      area.addEventListener("input", show);
      return { out, show };
    }

    // A fieldset per question, its words the legend: radios (or a text box for a written question)
    // unless it has sub-items, a note unless it is a sub-item or a written question.
    root.querySelectorAll(`[${N.group}]`).forEach((node) => {
      const heading = node.querySelector(`[${N.group_heading}]`);
      const group = { name: heading?.textContent.trim().replace(/[.:]$/, ""), ids: [], all: [], out: el("p", { className: "gd-sc__group-progress" }) };
      heading?.after(group.out);
      groups.push(group);
      node.querySelectorAll(`[${N.question}]`).forEach((li) => {
        const qid = li.getAttribute(N.question);
        const parent = li.parentElement.closest(`[${N.question}]`);
        const text = li.querySelector(`[${N.question_text}]`);
        const leaf = !li.querySelector(`[${N.question}]`);
        const written = li.getAttribute(N.kind) === "written";
        const legend = el("legend", { className: "gd-sc__legend" }, [text]);
        const fieldset = el("fieldset", { className: "gd-sc__question" }, [legend, ...li.childNodes]);
        questions.set(qid, li.getAttribute(N.fingerprint));
        names.set(qid, (parent ? names.get(parent.getAttribute(N.question)) + " " : "") + text.textContent.trim());
        group.all.push(qid);
        if (written) {
          const area = el("textarea", { id: N.control + "written-" + qid, rows: 3, maxLength: NOTE_MAX });
          const left = counted(area);
          area.dataset.written = qid;
          legend.after(el("div", { className: "gd-sc__note" }, [el("label", { htmlFor: area.id, textContent: t.written }), area, left.out]));
          leaves.push({ qid, inputs: [], area, left });
          group.ids.push(qid);
        } else if (leaf) {
          const inputs = ANSWERS.map((value) => el("input", { type: "radio", name: N.control + qid, value }));
          legend.after(el("div", { className: "gd-sc__answers" },
            inputs.map((input) => el("label", { className: "gd-sc__answer" }, [input, " ", label(input.value)]))));
          leaves.push({ qid, inputs });
          group.ids.push(qid);
        }
        if (!parent && !written) {
          const area = el("textarea", { id: N.control + "note-" + qid, rows: 3, maxLength: NOTE_MAX });
          const left = counted(area);
          const box = el("div", { className: "gd-sc__note" }, [el("label", { htmlFor: area.id, textContent: t.note }), area, left.out]);
          const open = (on) => {
            box.hidden = !on;
            toggle.setAttribute("aria-expanded", on);
            toggle.textContent = on ? t["hide-note"] : t["add-note"];
          };
          const toggle = button(t["add-note"], "link", () => {
            open(box.hidden);
            if (!box.hidden) area.focus();
          });
          area.dataset.note = qid;
          fieldset.append(toggle, box);
          notes.set(qid, { area, open, left });
        }
        li.append(fieldset);
      });
    });
    const ids = leaves.map((leaf) => leaf.qid);

    const saved = el("p");
    const printNote = el("p", { className: "gd-sc__print-note", textContent: t["print-note"] });
    const who = el("input", { type: "text", id: N.control + "name-" + id.replace(/\W/g, "-"), maxLength: NAME_MAX, autocomplete: "organization" });
    const whoHint = el("p", { id: who.id + "-hint", className: "gd-sc__hint", textContent: t["name-hint"] });
    who.setAttribute("aria-describedby", whoHint.id);
    const overall = el("p", { className: "gd-sc__progress" });
    const left = el("p");
    const list = el("ul");
    const file = el("input", { type: "file", accept: ".json", hidden: true });
    const question = el("p", { id: key + ":confirm", textContent: t.confirm });
    const status = el("p");
    const say = el("p", { className: "gd-sc__live" });
    const close = () => {
      confirm.hidden = true;
      clear.focus();
    };
    const clear = button(t.clear, "warning", () => {
      confirm.hidden = false;
      yes.focus();
    });
    const yes = button(t["confirm-yes"], "warning", () => {
      answers = new Map();
      save(true);
      close();
      tell(t.cleared);
    });
    const confirm = el("div", { className: "gd-sc__confirm", hidden: true }, [question, yes, button(t.cancel, "secondary", close)]);
    yes.setAttribute("aria-describedby", question.id);
    status.setAttribute("role", "status");
    say.setAttribute("aria-live", "polite");
    confirm.addEventListener("keydown", (event) => event.key === "Escape" && close());
    root.querySelector(`[${N.group}]`).before(el("div", { className: "gd-sc__intro" }, [printNote, saved, overall]));
    root.append(
      el("div", { className: "gd-sc__summary" }, [el("h3", { textContent: t["todo-heading"] }), left, list]),
      el("div", { className: "gd-sc__name" }, [el("label", { htmlFor: who.id, textContent: t.name }), whoHint, who]),
      el("div", { className: "gd-sc__actions" }, [
        button(t.print, "secondary", () => {
          const today = longDate(new Date(), strings.getAttribute(N.date), strings.getAttribute(N.months).split("|"));
          document.querySelectorAll(".gd-sc__report").forEach((old) => old.remove());
          document.body.append(report(today));
          document.documentElement.classList.add(PRINTING);
          window.print();
        }),
        button(t.save, "secondary", () => {
          const data = JSON.stringify(write(answers, id, questions, new Date(), { name, words: names }), null, 1);
          const link = el("a", { href: URL.createObjectURL(new Blob([data], { type: "application/json" })), download: id.replace(/\W/g, "-") + "-answers.json" });
          link.click();
          setTimeout(() => URL.revokeObjectURL(link.href), 5000);
        }),
        button(t.load, "secondary", () => file.click()),
        clear, file,
      ]),
      confirm, status, say,
    );

    function load() {
      let result = {};
      try {
        const raw = store?.getItem(key);
        if (raw) result = parse(raw, id, questions);
      } catch (error) {
        store = null;
      }
      answers = result.answers || new Map();
      name = result.name || "";
      unreadable = !!result.error;
    }

    function save(sync) {
      try {
        if (answers.size || name) store?.setItem(key, JSON.stringify(write(answers, id, questions, new Date(), { name })));
        else store?.removeItem(key);
      } catch (error) {
        store = null;
      }
      render(sync);
    }

    // Answers -> page; sync also refills the notes (after loading, importing or clearing, not while typing).
    function render(sync) {
      leaves.forEach(({ qid, inputs, area, left }) => {
        const answer = answers.get(qid)?.a || "";
        inputs.forEach((input) => { input.checked = input.value === answer; });
        if (area && sync) area.value = answers.get(qid)?.w || "";
        left?.show();
      });
      notes.forEach(({ area, open, left }, qid) => {
        const note = answers.get(qid)?.n || "";
        if (sync) {
          area.value = note;
          open(!!note);
        }
        left.show();
      });
      if (sync) who.value = name;
      printNote.hidden = !answers.size;
      groups.forEach((group) => { group.out.textContent = done("group", group.ids); });
      overall.textContent = done("overall", ids);
      saved.textContent = store ? (unreadable ? t.unreadable + " " : "") + t.saved : t.unsaved;
      saved.className = "gd-sc__saved" + (store && !unreadable ? "" : " gd-sc__saved--warning");
      const rest = todo(ids, answers);
      left.textContent = count("todo", rest.length);
      list.replaceChildren(...rest.map((item) => el("li", {}, [
        el("a", { href: "#" + item.id, textContent: names.get(item.id) }), " ", tag(item.answer),
      ])));
    }

    const tag = (answer) => el("strong", { className: "gd-sc__tag gd-sc__tag--" + (answer || "none"), textContent: answer ? label(answer) : t.unanswered });

    // "Print my answers": a short summary printed instead of the page: each question once with its
    // answer and note, then what is left to do.
    function report(today) {
      const heading = root.querySelector("h2")?.textContent.trim();
      const sheet = document.querySelector("article h1")?.textContent.trim().replace(/\s+/g, " ");
      const parts = [el("h1", { textContent: heading || sheet }), el("p", { textContent: sheet })];
      if (name) parts.push(el("p", { className: "gd-sc__report-name", textContent: fill(t["answers-of"], { name }) }));
      parts.push(el("p", { textContent: fill(t.printed, { date: today }) }), el("p", { textContent: overall.textContent }));
      groups.forEach((group) => {
        if (group.name) parts.push(el("h2", { textContent: group.name }));
        parts.push(el("dl", {}, group.all.flatMap((qid) => {
          const entry = answers.get(qid) || {};
          const given = leaves.some((leaf) => leaf.qid === qid);
          if (!given && !entry.n) return [];
          const words = [given ? entry.w || (entry.a ? label(entry.a) : t.unanswered) : "", entry.n ? t.note + ": " + entry.n : ""];
          return [el("dt", { textContent: names.get(qid) }), el("dd", { textContent: words.filter(Boolean).join(". ") })];
        })));
      });
      const rest = todo(ids, answers);
      parts.push(el("h2", { textContent: t["todo-heading"] }), el("p", { textContent: count("todo", rest.length) }),
        el("ul", {}, rest.map((item) => el("li", {}, [names.get(item.id) + ": ", tag(item.answer)]))));
      return el("div", { className: "gd-sc__report", lang: document.documentElement.lang }, parts);
    }

    function tell(text, error) {
      status.textContent = text;
      status.className = error ? "gd-sc__status--error" : "";
    }

    function set(qid, field, value) {
      answers = update(answers, qid, field, value);
      save();
    }

    root.addEventListener("change", (event) => {
      const input = event.target;
      if (input.type !== "radio") return;
      const qid = input.name.slice(N.control.length);
      set(qid, "a", input.value);
      say.textContent = overall.textContent;  // one sentence per answer
    });
    root.addEventListener("input", (event) => {
      const { note, written } = event.target.dataset;
      if (note) set(note, "n", event.target.value.trim() && event.target.value);
      if (written) set(written, "w", event.target.value.trim() && event.target.value);
      if (event.target === who) {
        name = who.value.trim();
        save();
      }
    });
    file.addEventListener("change", async () => {
      const chosen = file.files[0];
      file.value = "";
      const result = chosen?.size < 200000 ? parseFile(await chosen.text(), id, questions) : { error: "bad" };
      if (result.error) return tell({ other: t["other-file"], none: t["no-match"] }[result.error] || t["bad-file"], true);
      answers = result.answers;
      name = result.name || name;
      save(true);
      tell(t.loaded);
    });

    const reload = () => {
      load();
      render(true);
    };
    reload();
    root.classList.add("gd-sc");
    return { root, reload };
  }

  function start(root) {
    if (root.hasAttribute(N.started)) return;
    root.setAttribute(N.started, "");
    const plain = root.cloneNode(true);
    try {
      live.push(selfcheck(root));
    } catch (error) {
      root.replaceWith(plain); // the plain checklist as the page had it: complete without the script
    }
  }

  // Each checklist starts in a task of its own: the browser may paint and answer the reader in between.
  function init() {
    live = live.filter((check) => check.root.isConnected);
    document.querySelectorAll(`[${N.checklist}]`).forEach((root) => setTimeout(() => root.isConnected && start(root)));
  }

  window.gdSelfCheckInit = init;
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
  // The theme's instant navigation swaps pages in without loading them; document$ tells of each.
  // (It never fires on pages opened from disk, hence DOMContentLoaded too: init starts each list once.)
  window.document$?.subscribe(init);
  // Back on the page: answers may have changed on another page since, and the browser may have
  // put back the form as it was (from its cache, or by restoring the controls' old state).
  window.addEventListener("pageshow", () => live.forEach((check) => check.reload()));
  window.addEventListener("afterprint", () => {
    document.documentElement.classList.remove(PRINTING);
    document.querySelectorAll(".gd-sc__report").forEach((old) => old.remove());
  });
})(typeof module === "object" && module.exports ? module.exports : {}, /* NAMES */ {});
