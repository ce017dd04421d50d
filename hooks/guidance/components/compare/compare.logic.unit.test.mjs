// The comparison's logic (compare.js: files in and out, comparing, the action plan) on plain data.
import assert from "node:assert/strict";
import { test } from "node:test";
import { PAGES, named, open } from "../shared/load.mjs";

const C = named(open(PAGES.compare, "assets/compare.js"),
  ["MOST", "FILE_MAX", "read", "readPlan", "writePlan", "same", "compare", "agreement", "actionRows", "setAction", "csv", "planTable"]);

const CHECKLIST = {
  id: "partnership/checklist",
  answers: ["yes", "partly", "not-yet", "na"],
  todo: ["partly", "not-yet"],
  questions: new Map([
    ["roles-defined", { f: "aaaa1111", kind: "choice", group: "clear-roles" }],
    ["lead-partner", { f: "bbbb2222", kind: "choice", group: "clear-roles" }],
    ["constitution-defines", { f: "cccc3333", kind: "parent", group: "structure" }],
    ["who-employs-staff", { f: "dddd4444", kind: "choice", group: "structure" }],
    ["structures", { f: "eeee5555", kind: "written", group: "structure" }],
  ]),
};
const SAVED = "2025-03-01T10:00:00.000Z";

function file(answers, extra = {}) {
  return JSON.stringify({ format: "gd-selfcheck", v: 1, checklist: CHECKLIST.id, saved: SAVED, answers, ...extra });
}

function partner(name, answers) {
  return C.read(file(answers, { name }), CHECKLIST).partner;
}

test("an answer file is read with its name, date, answers, notes and written answers", () => {
  const { partner: read } = C.read(file({
    "roles-defined": { f: "aaaa1111", a: "yes", n: "Agreed in May" },
    "constitution-defines": { f: "cccc3333", n: "See the draft" },
    structures: { f: "eeee5555", w: "A steering group" },
    "gone-question": { f: "ffff6666", a: "yes" },
  }, { name: "  Cardiff Food Bank " }), CHECKLIST);
  assert.equal(read.name, "Cardiff Food Bank");
  assert.equal(read.saved, SAVED);
  assert.deepEqual([...read.answers], [
    ["roles-defined", { a: "yes", n: "Agreed in May", f: "aaaa1111" }],
    ["constitution-defines", { n: "See the draft", f: "cccc3333" }],
    ["structures", { w: "A steering group", f: "eeee5555" }],
  ]);
});

test("a file that is not ours, of another version, corrupt or of another checklist is refused", () => {
  assert.deepEqual(C.read("not json {", CHECKLIST), { error: "bad" });
  assert.deepEqual(C.read("[1, 2]", CHECKLIST), { error: "bad" });
  assert.deepEqual(C.read(JSON.stringify({ format: "something-else", v: 1, checklist: CHECKLIST.id, answers: {} }), CHECKLIST), { error: "bad" });
  assert.deepEqual(C.read(file({}, { v: 2 })), { error: "bad" });
  assert.deepEqual(C.read(file([]), CHECKLIST), { error: "bad" });
  assert.deepEqual(C.read(file({}, { checklist: "partnership/as-an-individual" }), CHECKLIST), { error: "other" });
});

test("unknown answers, answers of the wrong kind and inherited names are dropped; long texts are cut", () => {
  const read = partner("", JSON.parse(`{"roles-defined": {"f": "aaaa1111", "a": "maybe", "n": 42},
    "structures": {"f": "eeee5555", "a": "yes"}, "constructor": {"a": "yes"},
    "lead-partner": {"f": "bbbb2222", "a": "no", "n": "${"x".repeat(600)}"}}`));
  assert.deepEqual([...read.answers.keys()], ["lead-partner"]);
  assert.equal(read.answers.get("lead-partner").n.length, 500);
  assert.equal(partner("n".repeat(200), {}).name.length, 80);
});

test("an answer given to earlier words of a question is kept and marked, with those words when saved", () => {
  const read = partner("A", { "roles-defined": { f: "old00000", a: "partly", t: "Are the roles defined?" }, "lead-partner": { f: "old11111", a: "yes" } });
  assert.deepEqual(read.answers.get("roles-defined"), { a: "partly", f: "old00000", stale: true, t: "Are the roles defined?" });
  assert.deepEqual(read.answers.get("lead-partner"), { a: "yes", f: "old11111", stale: true });
  const rows = C.compare(CHECKLIST, [read, partner("B", { "roles-defined": { f: "aaaa1111", a: "partly" } })]);
  assert.equal(rows[0].state, "agree", "a stale answer still counts as the answer that partner gave");
});

test("partners agree, differ, or have not all answered; written answers and parents are not compared", () => {
  const one = partner("One", { "roles-defined": { f: "aaaa1111", a: "yes" }, "lead-partner": { f: "bbbb2222", a: "yes" }, "who-employs-staff": { f: "dddd4444", a: "na" }, structures: { f: "eeee5555", w: "A board" } });
  const two = partner("Two", { "roles-defined": { f: "aaaa1111", a: "yes" }, "lead-partner": { f: "bbbb2222", a: "not-yet" }, structures: { f: "eeee5555", w: "Informal" } });
  const rows = C.compare(CHECKLIST, [one, two]);
  assert.deepEqual(rows.map((row) => [row.id, row.state]), [
    ["roles-defined", "agree"], ["lead-partner", "differ"], ["constitution-defines", "open"],
    ["who-employs-staff", "missing"], ["structures", "open"],
  ]);
  assert.deepEqual(rows[1].cells, [{ a: "yes", f: "bbbb2222" }, { a: "not-yet", f: "bbbb2222" }]);
  assert.deepEqual(C.agreement(rows), { agree: 1, differ: 1, missing: 1, total: 3 });
  assert.deepEqual(C.agreement(rows.filter((row) => row.group === "clear-roles")), { agree: 1, differ: 1, missing: 0, total: 2 });
  const none = C.compare(CHECKLIST, [partner("X", {}), partner("Y", {})]);
  assert.equal(none[0].state, "missing", "nobody answered: not an agreement");
});

test("the action plan has a row where anyone answered Partly or Not yet, or partners differ", () => {
  const one = partner("One", { "roles-defined": { f: "aaaa1111", a: "partly" }, "lead-partner": { f: "bbbb2222", a: "yes" }, "who-employs-staff": { f: "dddd4444", a: "yes" } });
  const two = partner("Two", { "roles-defined": { f: "aaaa1111", a: "partly" }, "lead-partner": { f: "bbbb2222", a: "na" }, "who-employs-staff": { f: "dddd4444", a: "yes" } });
  const three = partner("Three", { "roles-defined": { f: "aaaa1111", a: "partly" }, "lead-partner": { f: "bbbb2222", a: "yes" } });
  assert.deepEqual(C.actionRows(C.compare(CHECKLIST, [one, two, three]), CHECKLIST).map((row) => row.id), ["roles-defined", "lead-partner"]);
  const agreed = partner("Four", { "roles-defined": { f: "aaaa1111", a: "yes" } });
  assert.deepEqual(C.actionRows(C.compare(CHECKLIST, [agreed, partner("Five", { "roles-defined": { f: "aaaa1111", a: "yes" } })]), CHECKLIST), []);
});

test("two files from the same partner: the same name in any case, or the same unnamed file twice", () => {
  assert.ok(C.same(partner("Cardiff  Food Bank", {}), partner("cardiff food bank", {})));
  assert.ok(!C.same(partner("Cardiff", {}), partner("Swansea", {})));
  const answers = { "roles-defined": { f: "aaaa1111", a: "yes" } };
  assert.ok(C.same(partner("", answers), partner("", answers)));
  assert.ok(!C.same(partner("", answers), partner("", { "roles-defined": { f: "aaaa1111", a: "partly" } })));
  assert.ok(!C.same(partner("", answers), partner("Named", answers)));
});

test("an action is set, changed and removed without touching the original", () => {
  const empty = new Map();
  const one = C.setAction(empty, "roles-defined", "action", "Draft a partnership agreement");
  const two = C.setAction(C.setAction(one, "roles-defined", "who", "Sian"), "roles-defined", "when", "June");
  assert.deepEqual(empty, new Map());
  assert.deepEqual(two.get("roles-defined"), { action: "Draft a partnership agreement", who: "Sian", when: "June" });
  const cleared = ["action", "who", "when"].reduce((actions, field) => C.setAction(actions, "roles-defined", field, "  "), two);
  assert.equal(cleared.has("roles-defined"), false);
});

test("a plan written to a file loads back: partners, their answers and the actions", () => {
  const one = partner("One", { "roles-defined": { f: "old00000", a: "partly", t: "Old words" } });
  const two = partner("", { "lead-partner": { f: "bbbb2222", a: "not-yet", n: "Ask" } });
  const actions = new Map([["roles-defined", { action: "Agree roles", who: "Board", when: "May 2026" }], ["gone", { action: "x" }]]);
  const data = JSON.parse(JSON.stringify(C.writePlan([one, two], actions, CHECKLIST, new Date(SAVED))));
  assert.equal(data.format, "gd-action-plan");
  assert.equal(data.v, 1);
  const { plan } = C.read(JSON.stringify(data), CHECKLIST);
  assert.deepEqual(plan.partners, [one, two]);
  assert.deepEqual([...plan.actions], [["roles-defined", { action: "Agree roles", who: "Board", when: "May 2026" }]]);
  assert.deepEqual(C.read(JSON.stringify({ ...data, checklist: "other/list" }), CHECKLIST), { error: "other" });
  assert.deepEqual(C.read(JSON.stringify({ ...data, partners: "none" }), CHECKLIST), { error: "bad" });
});

test("a plan keeps at most eight partners, and each partner once", () => {
  const many = Array.from({ length: 10 }, (_, n) => ({ format: "gd-selfcheck", v: 1, name: `P${n}`, saved: SAVED, answers: {} }));
  const { plan } = C.read(JSON.stringify({ format: "gd-action-plan", v: 1, checklist: CHECKLIST.id, partners: [many[0], ...many], actions: {} }), CHECKLIST);
  assert.deepEqual(plan.partners.map((p) => p.name), ["P0", "P1", "P2", "P3", "P4", "P5", "P6", "P7"]);
});

test("CSV: a byte order mark, CRLF lines, quoted cells, formulas made plain text", () => {
  const out = C.csv([["Cwestiwn", "Ateb"], ["Oes gan bartneriaid ŵyr?", 'He said "yes", then\nno'], ["=HYPERLINK(\"x\")", "-1"], ["+1", "@SUM(A1)"]]);
  assert.ok(out.startsWith("\uFEFF"));
  assert.equal(out.slice(1), 'Cwestiwn,Ateb\r\nOes gan bartneriaid ŵyr?,"He said ""yes"", then\nno"\r\n"\'=HYPERLINK(""x"")",\'-1\r\n\'+1,\'@SUM(A1)\r\n');
  assert.equal(Buffer.from(out, "utf8").subarray(0, 3).toString("hex"), "efbbbf");
});

test("the plan's table: group, question, each partner's answer, agreement, action, who, by when", () => {
  const one = partner("One", { "roles-defined": { f: "aaaa1111", a: "partly", n: "Half done" } });
  const two = partner("Two", { "roles-defined": { f: "aaaa1111", a: "yes" } });
  const due = C.actionRows(C.compare(CHECKLIST, [one, two]), CHECKLIST);
  const table = C.planTable(due, ["One", "Two"], new Map([["roles-defined", { action: "Write roles", when: "July" }]]),
    ["Group", "Question", "Partners", "Action", "Who", "By when"], {
      group: (id) => CHECKLIST.questions.get(id).group,
      question: (id) => `Q ${id}`,
      cell: (cell) => [cell.a, cell.n].filter(Boolean).join(" - "),
      state: (state) => state,
    });
  assert.deepEqual(table, [
    ["Group", "Question", "One", "Two", "Partners", "Action", "Who", "By when"],
    ["clear-roles", "Q roles-defined", "partly - Half done", "yes", "differ", "Write roles", "", "July"],
  ]);
});
