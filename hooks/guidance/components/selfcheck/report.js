/* "Print my answers": a short summary printed instead of the page (html.gd-sc-printing prints
   .gd-sc__report alone), taken off the page once printed. A part of the progress script
   (checkins.py), on the state that checkins-page.js keeps for a checklist (state: check, t, and
   the self-check's todo and tag). */
const PRINTING = "gd-sc-printing";

function printAnswers(state) {
  document.querySelectorAll(".gd-sc__report").forEach((old) => old.remove());
  document.body.append(report(state, longDate(new Date(), state.t)));
  document.documentElement.classList.add(PRINTING);
  window.print();
}

// The summary: each question once with its answer and note, each group's result, then what is left to do.
function report(state, today) {
  const { check, t, todo, tag } = state;
  const { answers, names } = check;
  const heading = check.root.querySelector("h2")?.textContent.trim();
  const sheet = document.querySelector("article h1")?.textContent.trim().replace(/\s+/g, " ");
  const parts = [el("h1", { textContent: heading || sheet }), el("p", { textContent: sheet })];
  if (check.name) parts.push(el("p", { className: "gd-sc__report-name", textContent: fill(t["answers-of"], { name: check.name }) }));
  parts.push(el("p", { textContent: fill(t.printed, { date: today }) }), el("p", { textContent: check.overall.textContent }));
  check.groups.forEach((group) => {
    if (group.name) parts.push(el("h2", { textContent: group.name }));
    parts.push(groupResult(state, group.ids), el("dl", {}, group.all.flatMap((qid) => {
      const entry = answers.get(qid) || {};
      const given = check.ids.includes(qid);
      if (!given && !entry.n) return [];
      const words = [given ? entry.w || (entry.a ? t[entry.a] : t.unanswered) : "", entry.n ? t.note + ": " + entry.n : ""];
      return [el("dt", { textContent: names.get(qid) }), el("dd", { textContent: words.filter(Boolean).join(". ") })];
    })));
  });
  const rest = todo(check.ids, answers);
  parts.push(el("h2", { textContent: t["todo-heading"] }), el("p", { textContent: counted(t, "todo", rest.length) }),
    el("ul", {}, rest.map((item) => el("li", {}, [names.get(item.id) + ": ", tag(check, item.answer)]))));
  return el("div", { className: "gd-sc__report", lang: document.documentElement.lang }, parts);
}

window.addEventListener("afterprint", () => {
  document.documentElement.classList.remove(PRINTING);
  document.querySelectorAll(".gd-sc__report").forEach((old) => old.remove());
});
