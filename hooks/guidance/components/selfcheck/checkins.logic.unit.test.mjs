// The progress script's logic (checkins.js, calendar.js, results.js: check-ins kept, changes,
// merging, the calendar file, each group's counts) on plain data, as the build puts the script
// together (checkins.py), with the names selfcheck.py writes in.
import assert from "node:assert/strict";
import { test } from "node:test";
import { PAGES, named, open } from "../shared/load.mjs";

const C = named(open(PAGES.sheet, "assets/selfcheck-progress.js", { parts: 5 }), ["CHECKINS_MAX", "readCheckin", "readCheckins",
  "readStored", "writeCheckins", "writeStored", "record", "remove", "merge", "changes", "tally", "defaultEarlier"]);
const K = named(open(PAGES.sheet, "assets/selfcheck-progress.js", { parts: 5 }), ["MONTHS", "escapeText", "fold", "addMonths", "calendar"]);
const R = named(open(PAGES.sheet, "assets/selfcheck-progress.js", { parts: 5 }), ["counts", "resultKinds"]);

const CHECKLIST = "self-check-example/checklist";
const questions = new Map([["have-plan", "aaaa1111"], ["roles-agreed", "bbbb2222"], ["who-writes", "cccc3333"], ["how-you-help", "dddd4444"]]);
const MARCH = new Date("2025-03-01T10:00:00Z");
const SEPTEMBER = new Date("2025-09-01T10:00:00Z");
const roundTrip = (value) => JSON.parse(JSON.stringify(value));

test("a check-in copies each answer and written answer with its question's fingerprint, not the notes", () => {
  const answers = new Map([["have-plan", { a: "partly", n: "a note" }], ["how-you-help", { w: "A minibus" }], ["roles-agreed", { n: "only a note" }], ["gone", { a: "yes" }]]);
  const { checkins, dropped } = C.record([], answers, questions, MARCH, "  Board, March  ");
  assert.equal(dropped, 0);
  assert.deepEqual(checkins, [{ at: MARCH.toISOString(), name: "Board, March", answers: new Map([
    ["have-plan", { f: "aaaa1111", a: "partly" }], ["how-you-help", { f: "dddd4444", w: "A minibus" }]]) }]);
  assert.equal("name" in C.record([], answers, questions, MARCH, "   ").checkins[0], false);
});

test("check-ins are stored versioned and read back the same, oldest first", () => {
  let list = C.record([], new Map([["have-plan", { a: "not-yet" }]]), questions, SEPTEMBER).checkins;
  list = C.record(list, new Map([["have-plan", { a: "yes" }]]), questions, MARCH, "First").checkins;
  assert.deepEqual(list.map((c) => c.at), [MARCH.toISOString(), SEPTEMBER.toISOString()]);
  const stored = roundTrip(C.writeStored(list, CHECKLIST));
  assert.equal(stored.format, "gd-selfcheck-checkins");
  assert.equal(stored.v, 1);
  assert.deepEqual(C.readStored(JSON.stringify(stored), CHECKLIST, questions), { checkins: list });
});

test("the twenty-first check-in drops the oldest and says so", () => {
  let list = [];
  for (let day = 1; day <= C.CHECKINS_MAX; day += 1) list = C.record(list, new Map([["have-plan", { a: "yes" }]]), questions, new Date(Date.UTC(2025, 0, day))).checkins;
  assert.equal(list.length, 20);
  const { checkins, dropped } = C.record(list, new Map(), questions, new Date(Date.UTC(2025, 1, 1)));
  assert.equal(dropped, 1);
  assert.equal(checkins.length, 20);
  assert.equal(checkins[0].at, new Date(Date.UTC(2025, 0, 2)).toISOString());
  assert.equal(checkins[19].at, new Date(Date.UTC(2025, 1, 1)).toISOString());
});

test("a check-in is deleted by its time, the others kept", () => {
  const one = C.record([], new Map([["have-plan", { a: "yes" }]]), questions, MARCH).checkins;
  const two = C.record(one, new Map(), questions, SEPTEMBER).checkins;
  assert.deepEqual(C.remove(two, MARCH.toISOString()).map((c) => c.at), [SEPTEMBER.toISOString()]);
  assert.deepEqual(C.remove(two, "nothing"), two);
});

test("stored check-ins that are damaged, of another version or of another checklist are not read", () => {
  const good = roundTrip(C.writeStored(C.record([], new Map([["have-plan", { a: "yes" }]]), questions, MARCH).checkins, CHECKLIST));
  const bad = ["", "not json", "null", "[]", "{}", JSON.stringify({ ...good, v: 2 }), JSON.stringify({ ...good, format: "gd-selfcheck" }),
    JSON.stringify({ ...good, checklist: "self-check-example/on-your-own" }), JSON.stringify({ ...good, checkins: {} }),
    JSON.stringify({ ...good, checkins: [{ at: "yesterday", answers: {} }] }), JSON.stringify({ ...good, checkins: [{ at: MARCH.toISOString(), answers: [] }] }),
    JSON.stringify({ ...good, checkins: [null] }), JSON.stringify({ ...good, checkins: Array(21).fill(good.checkins[0]) })];
  for (const text of bad) assert.deepEqual(C.readStored(text, CHECKLIST, questions), { error: "bad" }, text);
});

test("unknown answers, questions no longer here and inherited property names are dropped from a check-in", () => {
  const data = JSON.parse(`{"at": "${MARCH.toISOString()}", "name": 42, "answers": {"have-plan": {"f": "aaaa1111", "a": "maybe"},
    "roles-agreed": {"f": "bbbb2222", "a": "yes", "w": 7}, "gone": {"f": "x", "a": "yes"}, "who-writes": {"a": "yes"},
    "__proto__": {"f": "x", "a": "yes"}, "constructor": {"f": "x", "a": "yes"}}}`);
  const proto = new Map([...questions, ["toString", "x"], ["hasOwnProperty", "x"], ["valueOf", "x"]]);
  const checkin = C.readCheckin(data, proto);
  assert.deepEqual(checkin, { at: MARCH.toISOString(), answers: new Map([["roles-agreed", { f: "bbbb2222", a: "yes" }]]) });
});

test("changes since a check-in: up, down, newly answered, no longer answered, other changes, in the checklist's order", () => {
  const earlier = new Map([["have-plan", { f: "aaaa1111", a: "not-yet" }], ["roles-agreed", { f: "bbbb2222", a: "yes" }],
    ["who-writes", { f: "cccc3333", a: "partly" }], ["how-you-help", { f: "dddd4444", w: "A minibus" }]]);
  const now = new Map([["have-plan", { a: "partly" }], ["roles-agreed", { a: "not-yet", n: "a note" }], ["who-writes", { a: "na" }], ["how-you-help", { w: "A minibus and a driver" }]]);
  assert.deepEqual(C.changes(earlier, now, questions), [
    { id: "have-plan", kind: "up", from: "not-yet", to: "partly", reworded: false },
    { id: "roles-agreed", kind: "down", from: "yes", to: "not-yet", reworded: false },
    { id: "who-writes", kind: "changed", from: "partly", to: "na", reworded: false },
    { id: "how-you-help", kind: "changed", from: "written", to: "written", reworded: false },
  ]);
  assert.deepEqual(C.changes(new Map(), new Map([["roles-agreed", { a: "yes" }]]), questions), [{ id: "roles-agreed", kind: "new", from: "", to: "yes", reworded: false }]);
  assert.deepEqual(C.changes(new Map([["roles-agreed", { f: "bbbb2222", a: "yes" }]]), new Map(), questions), [{ id: "roles-agreed", kind: "removed", from: "yes", to: "", reworded: false }]);
  assert.deepEqual(C.changes(earlier, new Map([["have-plan", { a: "not-yet", n: "only the note changed" }]]), questions).map((c) => c.id), ["roles-agreed", "who-writes", "how-you-help"]);
});

test("an answer in a check-in to a question since reworded is marked as such, changed or not", () => {
  const earlier = new Map([["have-plan", { f: "old00000", a: "yes" }], ["roles-agreed", { f: "old11111", a: "partly" }]]);
  const now = new Map([["have-plan", { a: "yes" }], ["roles-agreed", { a: "yes" }]]);
  const list = C.changes(earlier, now, questions);
  assert.deepEqual(list, [
    { id: "have-plan", kind: "same", from: "yes", to: "yes", reworded: true },
    { id: "roles-agreed", kind: "up", from: "partly", to: "yes", reworded: true },
  ]);
  assert.deepEqual(C.tally(list), { up: 1, down: 0, new: 0, removed: 0, changed: 0, reworded: 2 });
});

test("the check-in compared with at first is the latest that differs from the answers now", () => {
  const answers = new Map([["have-plan", { a: "yes" }]]);
  const march = C.record([], new Map([["have-plan", { a: "not-yet" }]]), questions, MARCH).checkins;
  const both = C.record(march, answers, questions, SEPTEMBER).checkins;
  assert.equal(C.defaultEarlier(both, answers, questions).at, MARCH.toISOString());
  assert.equal(C.defaultEarlier(both, new Map([["have-plan", { a: "na" }]]), questions).at, SEPTEMBER.toISOString());
  assert.equal(C.defaultEarlier(C.record([], answers, questions, MARCH).checkins, answers, questions).at, MARCH.toISOString());
  assert.equal(C.defaultEarlier([], answers, questions), null);
});

test("check-ins from a file merge with those kept here, never twice, newest twenty kept", () => {
  const mine = C.record([], new Map([["have-plan", { a: "yes" }]]), questions, MARCH).checkins;
  const file = roundTrip(C.writeCheckins(C.record(mine, new Map([["have-plan", { a: "partly" }]]), questions, SEPTEMBER).checkins));
  const theirs = C.readCheckins(file, questions).checkins;
  const merged = C.merge(mine, theirs);
  assert.deepEqual(merged.checkins.map((c) => c.at), [MARCH.toISOString(), SEPTEMBER.toISOString()]);
  assert.equal(merged.added, 1);
  assert.equal(merged.dropped, 0);
  assert.deepEqual(C.merge(merged.checkins, theirs), { checkins: merged.checkins, dropped: 0, added: 0 });
  let many = [];
  for (let day = 1; day <= 20; day += 1) many = C.record(many, new Map(), questions, new Date(Date.UTC(2024, 0, day))).checkins;
  const full = C.merge(many, theirs);
  assert.equal(full.checkins.length, 20);
  assert.equal(full.dropped, 2);
  assert.equal(full.added, 2);
});

test("check-ins in a file that are not a list of at most twenty readable check-ins are refused whole", () => {
  const one = { at: MARCH.toISOString(), answers: { "have-plan": { f: "aaaa1111", a: "yes" } } };
  for (const list of [{}, "x", [one, { at: "soon", answers: {} }], [one, 5], Array(21).fill(one), [{ ...one, answers: "yes" }]]) {
    assert.deepEqual(C.readCheckins(list, questions), { error: "bad" }, JSON.stringify(list).slice(0, 80));
  }
  assert.deepEqual(C.readCheckins([one, one], questions).checkins.length, 1);
});

test("per-group counts: each answer, answered in words, not answered", () => {
  const answers = new Map([["a", { a: "yes" }], ["b", { a: "yes" }], ["c", { a: "partly" }], ["d", { a: "na" }], ["e", { w: "words" }], ["f", { n: "a note only" }]]);
  assert.deepEqual(R.counts(["a", "b", "c", "d", "e", "f", "g"], answers), { yes: 2, partly: 1, "not-yet": 0, na: 1, written: 1, none: 2 });
  assert.deepEqual(R.resultKinds(), ["yes", "partly", "not-yet", "na", "written", "none"]);
});

test("calendar text is escaped as RFC 5545 says: backslash, semicolon, comma, line breaks; control characters dropped", () => {
  assert.equal(K.escapeText("a\\b;c,d\ne\r\nf\u0007g\th"), "a\\\\b\\;c\\,d\\ne\\nfg\th");
});

test("calendar lines are folded at 75 octets, never inside a character", () => {
  const line = "SUMMARY;LANGUAGE=cy:" + "Gwirio’r bartneriaeth ŵŷ 😀 ".repeat(6);
  const folded = K.fold(line);
  const parts = folded.split("\r\n");
  assert.ok(parts.length > 2);
  for (const part of parts) assert.ok(Buffer.byteLength(part) <= 75, part);
  assert.ok(parts.slice(1).every((part) => part.startsWith(" ")));
  assert.equal(parts.map((part, i) => (i ? part.slice(1) : part)).join(""), line);
  assert.equal(K.fold("SHORT:line"), "SHORT:line");
});

test("3, 6 or 12 months on, the last day of a shorter month when the day is not in it", () => {
  const ymd = (d) => [d.getFullYear(), d.getMonth() + 1, d.getDate()];
  assert.deepEqual([...K.MONTHS], [3, 6, 12]);
  assert.deepEqual(ymd(K.addMonths(new Date(2025, 7, 31), 6)), [2026, 2, 28]);
  assert.deepEqual(ymd(K.addMonths(new Date(2027, 7, 31), 6)), [2028, 2, 29]);
  assert.deepEqual(ymd(K.addMonths(new Date(2026, 11, 4), 3)), [2027, 3, 4]);
  assert.deepEqual(ymd(K.addMonths(new Date(2026, 11, 4), 12)), [2027, 12, 4]);
});

test("the calendar file: one all-day event with its title, description and link in the page's language, CRLF lines", () => {
  const text = K.calendar({ title: "Gwirio eto: Partneriaeth, 3.3", description: "Atebwch y gwiriad eto; gwelwch beth sydd wedi newid.",
    url: "file:///C:/Guidance/site/cy/partneriaeth/index.html#checklist", lang: "cy", today: new Date(2026, 11, 4), months: 6,
    now: new Date("2026-12-04T17:05:09.123Z"), uid: "2026-12-04T17:05:09.123Z-ab12@guidance-sheets" });
  assert.ok(text.endsWith("\r\n"));
  assert.equal(text.replace(/\r\n/g, "").includes("\n"), false);
  const lines = text.replace(/\r\n /g, "").split("\r\n");
  assert.deepEqual(lines.slice(0, 2), ["BEGIN:VCALENDAR", "VERSION:2.0"]);
  for (const line of ["DTSTART;VALUE=DATE:20270604", "DTEND;VALUE=DATE:20270605", "DTSTAMP:20261204T170509Z",
    "SUMMARY;LANGUAGE=cy:Gwirio eto: Partneriaeth\\, 3.3", "URL:file:///C:/Guidance/site/cy/partneriaeth/index.html#checklist",
    "DESCRIPTION;LANGUAGE=cy:Atebwch y gwiriad eto\\; gwelwch beth sydd wedi newid.\\nfile:///C:/Guidance/site/cy/partneriaeth/index.html#checklist"]) {
    assert.ok(lines.includes(line), line);
  }
  assert.equal(K.calendar({ title: "t", description: "d", url: "u", lang: '"><x', today: new Date(2026, 0, 1), months: 3, now: new Date(), uid: "u" })
    .includes("SUMMARY;LANGUAGE=x:t"), true);
  const untagged = K.calendar({ title: "t", description: "d", url: "u", lang: "", today: new Date(2026, 0, 1), months: 3, now: new Date(), uid: "u" });
  assert.equal(untagged.includes("LANGUAGE"), false);
  assert.equal(untagged.includes("\r\nSUMMARY:t\r\n"), true);
});
