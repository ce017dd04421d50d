/* The result of a group of questions: how many are answered Yes, Partly, Not yet and Not applicable
   (and in words, and not at all). Counts only: no score. A classic script, read by Node's tests.
   N: the names shared with the template, from selfcheck.py (written in by the build). */
((R, N) => {
  "use strict";
  const KINDS = [...N.answers, "written", "none"];  // the order of the counts and of the bar's parts

  // A question's answer: one of the answers, "written" when answered in words, or "none".
  const kindOf = (entry) => entry?.a || (entry?.w ? "written" : "none");

  /* ids (a group's questions), answers (Map id -> {a, w, n}) -> {yes: 2, partly: 0, ..., none: 1}. */
  function counts(ids, answers) {
    const out = Object.fromEntries(KINDS.map((kind) => [kind, 0]));
    ids.forEach((id) => { out[kindOf(answers.get(id))] += 1; });
    return out;
  }

  /* The bar's parts: [kind, share of the whole in whole percent], the shares adding up to 100
     (largest remainders), kinds with no question left out. */
  function shares(tally) {
    const total = KINDS.reduce((sum, kind) => sum + tally[kind], 0);
    if (!total) return [];
    const parts = KINDS.filter((kind) => tally[kind]).map((kind) => {
      const exact = (tally[kind] * 100) / total;
      return { kind, whole: Math.floor(exact), rest: exact - Math.floor(exact) };
    });
    let left = 100 - parts.reduce((sum, part) => sum + part.whole, 0);
    [...parts].sort((a, b) => b.rest - a.rest).forEach((part) => {
      if (left > 0) {
        part.whole += 1;
        left -= 1;
      }
    });
    return parts.map((part) => [part.kind, part.whole]);
  }

  Object.assign(R, { KINDS, counts, shares });
})(typeof module === "object" && module.exports ? module.exports : (window.gdResults = window.gdResults || {}), /* NAMES */ {});
