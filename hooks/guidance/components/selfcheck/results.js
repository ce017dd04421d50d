/* The result of each group of questions: how many are answered Yes, Partly, Not yet and Not
   applicable (and in words, and not at all), as text and as a bar, and the group's questions still
   to do. Counts only: no score. A part of the progress script (checkins.py), on the state that
   checkins-page.js keeps for a checklist (state: check, t, and the self-check's todo and tag). */

// The kinds counted, in the order of the counts and of the bar's parts.
const resultKinds = () => [...N.answers, "written", "none"];

/* ids (a group's questions), answers (Map id -> {a, w, n}) -> {yes: 2, partly: 0, ..., none: 1}. */
function counts(ids, answers) {
  const out = Object.fromEntries(resultKinds().map((kind) => [kind, 0]));
  ids.forEach((id) => {
    const entry = answers.get(id);
    out[entry?.a || (entry?.w ? "written" : "none")] += 1;
  });
  return out;
}

/* A group's result: its counts as text ("Yes 2, Partly 1, Not yet 0, Not applicable 0, Not
   answered 1"; answered in words when some are) and a bar of a block per question, in the order of
   the counts, each kind of answer a block of its own shape and shade (BLOCKS: full, dark, medium,
   light, quartered, empty), which screen readers skip (they read the text). */
const BLOCKS = "\u2588\u2593\u2592\u2591\u259e\u25a1";

function groupResult(state, ids) {
  const { t } = state;
  const tally = counts(ids, state.check.answers);
  const kinds = resultKinds();
  const bar = el("p", { className: "gd-sc__bar", textContent: kinds.map((kind, i) => BLOCKS[i].repeat(tally[kind])).join("") });
  bar.setAttribute("aria-hidden", "true");
  const shown = kinds.filter((kind) => kind !== "written" || tally.written);
  return el("div", { className: "gd-sc__result" }, [el("p", { textContent: shown.map((kind) => ({ written: t["in-words"], none: t.unanswered }[kind] || t[kind]) + " " + tally[kind]).join(", ") }), bar]);
}

/* A copy of the links under a question to the sections that help with it (see: in the content),
   for the summary: a sub-item's are its question's. */
function seeLinks(check, id) {
  const item = check.root.querySelector(`[${N.question}="${id}"]`);
  return (item.parentElement.closest(`[${N.question}]`) || item).querySelector(`[${N.see}]`)?.cloneNode(true) || "";
}

/* What is left to do, group by group (in place of the self-check's list of it): each group's name
   and result, then its questions still to do, each linked, with its answer and the links to the
   sections that help with it. */
function renderResults(state) {
  const { check, todo, tag } = state;
  state.results.replaceChildren(...check.groups.flatMap((group) => {
    const rest = todo(group.ids, check.answers);
    return [
      group.name ? el("h4", { textContent: group.name }) : null, groupResult(state, group.ids),
      rest.length ? el("ul", {}, rest.map((item) => el("li", {}, [
        el("a", { href: "#" + item.id, textContent: check.names.get(item.id) }), " ", tag(check, item.answer), " ", seeLinks(check, item.id),
      ]))) : null,
    ].filter((child) => child !== null);
  }));
}
