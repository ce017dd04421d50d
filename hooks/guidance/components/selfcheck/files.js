/* Answers to and from a file: "Save answers to a file" (the answers, the name typed, each
   question's words and the check-ins kept) and "Load answers from a file". A part of the progress
   script (checkins.py), on the state that checkins-page.js keeps for a checklist (state: check, t,
   and the self-check's parseFile, write, save and tell). */

function saveAnswers(state) {
  const { check } = state;
  const answers = state.write(check.answers, check.id, check.questions, new Date(), { name: check.name, words: check.names });
  const data = JSON.stringify({ ...answers, ...(state.checkins.length && { checkins: writeCheckins(state.checkins) }) }, null, 1);
  download(data, "application/json", check.id, "-answers.json");
}

// A file's check-ins are read before its answers are taken: check-ins that are not ours refuse it whole.
async function loadAnswers(state, chosen) {
  const { check, t, tell } = state;
  const text = chosen?.size < 200000 ? await chosen.text() : "";
  const result = text ? state.parseFile(text, check.id, check.questions) : { error: "bad" };
  if (result.error) return tell(check, { other: t["other-file"], none: t["no-match"] }[result.error] || t["bad-file"], true);
  const data = JSON.parse(text);
  const kept = own(data, "checkins") ? readCheckins(data.checkins, check.questions) : { checkins: [] };
  if (kept.error) return tell(check, t["bad-file"], true);
  check.answers = result.answers;
  check.name = result.name || check.name;
  state.save(check, true);
  tell(check, kept.checkins.length ? joined(t.loaded, mergeCheckins(state, kept.checkins)) : t.loaded);
}
