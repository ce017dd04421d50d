// The self-check's logic (selfcheck.js: saved data and files in and out, progress, what is left to
// do) on plain data, with the names selfcheck.py writes in (run with the project's .venv/).
import assert from "node:assert/strict";
import { test } from "node:test";
import { PAGES, named, open } from "../shared/load.mjs";

const S = named(open(PAGES.sheet, "assets/selfcheck.js"), ["NOTE_MAX", "NAME_MAX", "read", "parse", "parseFile", "write", "update", "progress", "todo"]);

const CHECKLIST = "self-check-example/checklist";
const questions = new Map([["have-plan", "aaaa1111"], ["roles-agreed", "bbbb2222"], ["who-writes", "cccc3333"]]);
const NOW = new Date("2025-03-01T10:00:00Z");

function stored(answers, extra = {}) {
  return { format: "gd-selfcheck", v: 1, checklist: CHECKLIST, saved: NOW.toISOString(), answers, ...extra };
}

test("an answer and a note are set, changed and removed without touching the original", () => {
  const empty = new Map();
  const one = S.update(empty, "have-plan", "a", "partly");
  const noted = S.update(one, "have-plan", "n", "Ask the board");
  assert.deepEqual(empty, new Map());
  assert.deepEqual(noted.get("have-plan"), { a: "partly", n: "Ask the board" });
  assert.deepEqual(S.update(noted, "have-plan", "a", "").get("have-plan"), { n: "Ask the board" });
  assert.equal(S.update(S.update(noted, "have-plan", "a", ""), "have-plan", "n", "").has("have-plan"), false);
});

test("written data carries the format, its version, the checklist and each question's fingerprint", () => {
  const answers = new Map([["have-plan", { a: "yes", n: "Agreed in May" }], ["gone-question", { a: "yes" }]]);
  assert.deepEqual(S.write(answers, CHECKLIST, questions, NOW), stored({ "have-plan": { f: "aaaa1111", a: "yes", n: "Agreed in May" } }));
});

test("what is written reads back the same", () => {
  const answers = new Map([["have-plan", { a: "not-yet" }], ["who-writes", { a: "na", n: "No staff" }]]);
  const data = JSON.parse(JSON.stringify(S.write(answers, CHECKLIST, questions, NOW)));
  assert.deepEqual(S.read(data, CHECKLIST, questions), { answers });
});

test("an answer to a question no longer in the checklist is not read", () => {
  const result = S.read(stored({ "removed-question": { f: "dddd4444", a: "yes" }, "roles-agreed": { f: "bbbb2222", a: "yes" } }), CHECKLIST, questions);
  assert.deepEqual([...result.answers.keys()], ["roles-agreed"]);
});

test("an answer to a reworded question (another fingerprint) is not read, the others are kept", () => {
  const result = S.read(stored({ "have-plan": { f: "old00000", a: "yes", n: "old words" }, "roles-agreed": { f: "bbbb2222", a: "partly" } }), CHECKLIST, questions);
  assert.deepEqual(result.answers, new Map([["roles-agreed", { a: "partly" }]]));
});

test("data of another version of the format is not read", () => {
  for (const v of [0, 2, "1", undefined]) {
    assert.deepEqual(S.read(stored({ "roles-agreed": { f: "bbbb2222", a: "yes" } }, { v }), CHECKLIST, questions), { error: "bad" }, `v=${v}`);
  }
});

test("unknown answers, notes that are not text and inherited property names are dropped", () => {
  const answers = JSON.parse('{"have-plan": {"f": "aaaa1111", "a": "maybe", "n": 42}, "roles-agreed": {"f": "bbbb2222", "a": "yes", "n": "   "}}');
  const proto = new Map([["constructor", "x"], ["__proto__", "y"], ["toString", "z"]]);
  assert.deepEqual(S.read(stored(answers), CHECKLIST, questions).answers, new Map([["roles-agreed", { a: "yes" }]]));
  assert.deepEqual(S.read(stored({}), CHECKLIST, proto).answers, new Map());
});

test("a long note is cut to the longest a note may be", () => {
  const result = S.read(stored({ "have-plan": { f: "aaaa1111", n: "x".repeat(S.NOTE_MAX + 50) } }), CHECKLIST, questions);
  assert.equal(result.answers.get("have-plan").n.length, S.NOTE_MAX);
});

test("files that are not ours are refused as bad, another checklist's answers as other", () => {
  const bad = ["", "not json", "null", "42", "[]", '"text"', "{}", '{"answers": {}}', '{"format": "gd-selfcheck", "v": 1, "checklist": "self-check-example/checklist"}',
    '{"format": "gd-selfcheck", "v": 1, "checklist": "self-check-example/checklist", "answers": "yes"}', '{"format": "other-tool", "v": 1, "answers": {}}'];
  for (const text of bad) assert.deepEqual(S.parse(text, CHECKLIST, questions), { error: "bad" }, text);
  assert.deepEqual(S.parse(JSON.stringify(stored({}, { checklist: "self-check-example/on-your-own" })), CHECKLIST, questions), { error: "other" });
  assert.deepEqual(S.parse(JSON.stringify(stored({})), CHECKLIST, questions), { answers: new Map() });
});

test("progress counts the questions with an answer of any kind", () => {
  const answers = new Map([["have-plan", { a: "not-yet" }], ["roles-agreed", { n: "only a note" }], ["who-writes", { a: "na" }]]);
  assert.deepEqual(S.progress(["have-plan", "roles-agreed", "who-writes"], answers), { answered: 2, total: 3 });
  assert.deepEqual(S.progress([], answers), { answered: 0, total: 0 });
});

test("what is left to do: unanswered, Partly and Not yet, in the order of the sheet", () => {
  const ids = ["a", "b", "c", "d", "e"];
  const answers = new Map([["a", { a: "yes" }], ["b", { a: "not-yet" }], ["c", { a: "na" }], ["e", { a: "partly" }]]);
  assert.deepEqual(S.todo(ids, answers), [{ id: "b", answer: "not-yet" }, { id: "d", answer: "" }, { id: "e", answer: "partly" }]);
});

test("a file whose answers match none of the questions is refused, not loaded as empty", () => {
  const none = JSON.stringify(stored({ "removed-question": { f: "dddd4444", a: "yes" }, "have-plan": { f: "old00000", a: "no" } }));
  assert.deepEqual(S.parseFile(none, CHECKLIST, questions), { error: "none" });
  assert.deepEqual(S.parseFile(JSON.stringify(stored({})), CHECKLIST, questions), { error: "none" });
  const some = JSON.stringify(stored({ "roles-agreed": { f: "bbbb2222", a: "yes" } }));
  assert.deepEqual(S.parseFile(some, CHECKLIST, questions), { answers: new Map([["roles-agreed", { a: "yes" }]]) });
  assert.deepEqual(S.parseFile("not json", CHECKLIST, questions), { error: "bad" });
});

test("a written answer is kept, counts as answered and is not left to do", () => {
  const answers = S.update(new Map([["have-plan", { a: "partly" }]]), "roles-agreed", "w", "We share them out each month");
  assert.deepEqual(answers.get("roles-agreed"), { w: "We share them out each month" });
  assert.deepEqual(S.progress(["have-plan", "roles-agreed", "who-writes"], answers), { answered: 2, total: 3 });
  assert.deepEqual(S.todo(["have-plan", "roles-agreed", "who-writes"], answers).map((item) => item.id), ["have-plan", "who-writes"]);
  const data = JSON.parse(JSON.stringify(S.write(answers, CHECKLIST, questions, NOW)));
  assert.deepEqual(S.read(data, CHECKLIST, questions), { answers });
  assert.equal(S.update(answers, "roles-agreed", "w", "").has("roles-agreed"), false);
});

test("a file to share carries the name and each answered question's words; the name reads back", () => {
  const answers = new Map([["have-plan", { a: "yes" }], ["who-writes", { a: "na", n: "No reports" }]]);
  const words = new Map([["have-plan", "Do you have a written plan?"], ["who-writes", "Has the group agreed: Who writes the reports"], ["roles-agreed", "x"]]);
  const data = S.write(answers, CHECKLIST, questions, NOW, { name: "  Cardiff Food Bank ", words });
  assert.equal(data.name, "Cardiff Food Bank");
  assert.deepEqual(data.answers["who-writes"], { f: "cccc3333", a: "na", n: "No reports", t: "Has the group agreed: Who writes the reports" });
  assert.equal("roles-agreed" in data.answers, false);
  assert.deepEqual(S.read(JSON.parse(JSON.stringify(data)), CHECKLIST, questions), { answers, name: "Cardiff Food Bank" });
  assert.equal("name" in S.write(answers, CHECKLIST, questions, NOW, { name: "   " }), false);
  assert.equal(S.read(stored({}, { name: "n".repeat(200) }), CHECKLIST, questions).name.length, S.NAME_MAX);
});
