/* Check-ins: dated copies of a checklist's answers, kept on the device (localStorage, under
   "gd-selfcheck-checkins:<checklist id>") and carried in answer files, and what changed since one.
   The first part of the check-ins' script (checkins.py), which the self-check loads when a check-in
   is first used; Node's tests call it by name. N: the names shared with the template, from
   selfcheck.py (written in by the build).
   A check-in: {at: ISO time, name (optional), answers: Map id -> {f: fingerprint, a: answer, w: written answer}}. */
const N = /* NAMES */ {};
const CHECKINS_FORMAT = "gd-selfcheck-checkins";
const CHECKINS_VERSION = 1;
const CHECKINS_MAX = /* MAX */ 0;  // check-ins kept per checklist, the oldest dropped first (checkins.py)
const ORDERED = /* ORDERED */ [];  // the answers between which a change moves up or down, lowest first (checkins.py)
const CHECKIN_WORDS_MAX = 500;        // a written answer, as the self-check keeps it
const CHECKIN_NAME_MAX = 80;
const hasOwn = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
const isObject = (value) => !!value && typeof value === "object" && !Array.isArray(value);

/* One check-in from saved data, keeping the answers to questions still in the checklist (with the
   fingerprint they were given to, so that a reworded question shows as such), or null. */
function readCheckin(data, questions) {
  const at = isObject(data) && typeof data.at === "string" ? Date.parse(data.at) : NaN;
  if (!Number.isFinite(at) || !isObject(data.answers)) return null;
  const answers = new Map();
  questions.forEach((fingerprint, id) => {
    const saved = hasOwn(data.answers, id) && data.answers[id];
    if (!isObject(saved) || typeof saved.f !== "string") return;
    const entry = { f: saved.f.slice(0, 16) };
    if (N.answers.includes(saved.a)) entry.a = saved.a;
    if (typeof saved.w === "string" && saved.w.trim()) entry.w = saved.w.slice(0, CHECKIN_WORDS_MAX);
    if (entry.a || entry.w) answers.set(id, entry);
  });
  const name = typeof data.name === "string" ? data.name.trim().slice(0, CHECKIN_NAME_MAX) : "";
  return { at: new Date(at).toISOString(), ...(name && { name }), answers };
}

/* Saved check-ins (a list, as stored or as carried in a file) -> {checkins}, oldest first, or
   {error: "bad"} when it is not a list of at most CHECKINS_MAX check-ins, every one readable. */
function readCheckins(list, questions) {
  if (!Array.isArray(list) || list.length > CHECKINS_MAX) return { error: "bad" };
  const checkins = list.map((data) => readCheckin(data, questions));
  return checkins.includes(null) ? { error: "bad" } : { checkins: sortedUnique(checkins) };
}

/* What is stored on the device -> as readCheckins; another checklist's or another version's is bad. */
function readStored(text, checklist, questions) {
  try {
    const data = JSON.parse(text);
    if (data?.format !== CHECKINS_FORMAT || data.v !== CHECKINS_VERSION || data.checklist !== checklist) return { error: "bad" };
    return readCheckins(data.checkins, questions);
  } catch (error) {
    return { error: "bad" };
  }
}

const plain = (checkin) => {
  const answers = {};
  checkin.answers.forEach((entry, id) => { answers[id] = { ...entry }; });
  return { at: checkin.at, ...(checkin.name && { name: checkin.name }), answers };
};
const writeCheckins = (checkins) => checkins.map(plain);
const writeStored = (checkins, checklist) => ({ format: CHECKINS_FORMAT, v: CHECKINS_VERSION, checklist, checkins: writeCheckins(checkins) });

/* Oldest first, one check-in per time (the same check-in loaded twice is one). */
function sortedUnique(checkins) {
  const byTime = new Map();
  checkins.forEach((checkin) => byTime.has(checkin.at) || byTime.set(checkin.at, checkin));
  return [...byTime.values()].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/* The newest CHECKINS_MAX, and how many older ones were dropped to keep to it. */
function capped(checkins) {
  const dropped = Math.max(0, checkins.length - CHECKINS_MAX);
  return { checkins: checkins.slice(dropped), dropped };
}

/* A check-in of the answers now (answer and written answer of each question, with its
   fingerprint) added to the list -> {checkins, dropped}. */
function record(checkins, answers, questions, now, name = "") {
  const copy = new Map();
  answers.forEach((entry, id) => {
    if (!questions.has(id) || !(entry.a || entry.w)) return;
    copy.set(id, { f: questions.get(id), ...(entry.a && { a: entry.a }), ...(entry.w && { w: entry.w }) });
  });
  const label = name.trim().slice(0, CHECKIN_NAME_MAX);
  return capped(sortedUnique([...checkins, { at: now.toISOString(), ...(label && { name: label }), answers: copy }]));
}

const remove = (checkins, at) => checkins.filter((checkin) => checkin.at !== at);

/* Check-ins from a loaded file added to those kept here, never twice -> {checkins, dropped, added}. */
function merge(mine, theirs) {
  const known = new Set(mine.map((checkin) => checkin.at));
  const result = capped(sortedUnique([...mine, ...theirs]));
  return { ...result, added: theirs.filter((checkin) => !known.has(checkin.at) && result.checkins.includes(checkin)).length };
}

// A question's answer for comparing: one of ANSWERS, "written" when answered in words, or "".
const given = (entry) => entry?.a || (entry?.w ? "written" : "");

/* How one question's answer moved from an earlier entry to a later one: "up", "down", "new",
   "removed", "changed" (any other change, such as to or from Not applicable, or other words),
   or "same". */
function movement(before, after) {
  const from = given(before);
  const to = given(after);
  if (from === to) return from === "written" && before.w !== after.w ? "changed" : "same";
  if (!from) return "new";
  if (!to) return "removed";
  const [rankFrom, rankTo] = [from, to].map((value) => ORDERED.indexOf(value));  // -1: an answer that does not move up or down
  if (rankFrom >= 0 && rankTo >= 0) return rankTo > rankFrom ? "up" : "down";
  return "changed";
}

/* What changed from the earlier check-in's answers to the later answers (a check-in's, or the
   answers now), in the checklist's order: {id, kind, from, to, reworded}. An answer in the
   earlier check-in to a question since reworded (another fingerprint) is listed as such. */
function changes(earlier, later, questions) {
  const out = [];
  questions.forEach((fingerprint, id) => {
    const before = earlier.get(id);
    const after = later.get(id);
    const kind = movement(before, after);
    const reworded = !!before && before.f !== fingerprint;
    if (kind !== "same" || reworded) out.push({ id, kind, from: given(before), to: given(after), reworded });
  });
  return out;
}

/* How many changes of each kind (and how many to reworded questions). */
function tally(list) {
  const counts = { up: 0, down: 0, new: 0, removed: 0, changed: 0, reworded: 0 };
  list.forEach((change) => {
    if (change.kind !== "same") counts[change.kind] += 1;
    if (change.reworded) counts.reworded += 1;
  });
  return counts;
}

/* The check-in to compare with at first: the latest whose answers differ from the answers now
   (so that right after recording a check-in, the one before it), or the latest. */
function defaultEarlier(checkins, answers, questions) {
  const differing = checkins.filter((checkin) => changes(checkin.answers, answers, questions).some((c) => c.kind !== "same"));
  const from = differing.length ? differing : checkins;
  return from[from.length - 1] || null;
}
