/* Check-ins and results, from the self-check's side: under each checklist, "Check-ins" with a name
   for the next one, "Record this check-in" and "Remind me to check again". The progress script
   (checkins.py: assets/selfcheck-progress.js) is loaded once the checklist has answers or kept
   check-ins, or one of the buttons is used, and adds the rest: each group's result, the check-ins
   kept and the changes since one (results.js, checkins-page.js). A part of the self-check's
   script, after selfcheck.js, whose names, functions and state (check) it uses. */

let checkinsLoading = null;

/* The progress script, loaded once a page (a script element: it works from disk and under the
   site's Content Security Policy) -> its function that adds results and check-ins to a checklist. */
function checkinScript() {
  checkinsLoading = checkinsLoading || new Promise((resolve, reject) => {
    const script = el("script", { src: document.querySelector(`script[${N.checkins_script}]`).getAttribute(N.checkins_script) });
    script.onload = () => resolve(window[N.checkins_ready]);
    script.onerror = () => {
      script.remove();
      checkinsLoading = null;
      reject();
    };
    document.head.append(script);
  });
  return checkinsLoading;
}

/* -> the checklist's results and check-ins (what checkins-page.js returns), the progress script
   loaded and started on the checklist once; should it not load, the check-ins' part goes and the
   rest of the self-check works on. */
function checkins(check) {
  check.loading = check.loading || checkinScript().then((mount) => (check.checkins = mount(check, { todo, tag })), (error) => {
    check.start.block.remove();
    throw error;
  });
  return check.loading;
}

/* Answers or kept check-ins: results and check-ins are shown as the page opens (and again when
   the reader comes back to it), or once the reader answers. */
function showProgress(check) {
  try {
    if (check.checkins) check.checkins.reload();
    else if (check.answers.size || check.store?.getItem(N.checkins_key + check.id)) checkins(check).catch(() => {});
  } catch (error) { /* storage refused: nothing kept to show */ }
}

/* check.start: the part (block), the place the check-ins' script fills (place), the button that
   records (record) and the name typed for the next check-in (name). */
function addCheckinStart(check) {
  const { t } = check;
  const name = el("input", { type: "text" });
  const record = button(t.record, "secondary", () => checkins(check).then((list) => {
    list.record(name.value);
    name.value = "";
  }, () => {}));
  check.start = { name, record, place: el("div") };
  return (check.start.block = el("div", { className: "gd-sc__checkins" }, [
    el("h3", { textContent: t["checkins-heading"] }), check.start.place,
    el("div", { className: "gd-sc__name" }, [el("label", { textContent: t["checkin-name"] + " " }, [name])]),
    el("div", { className: "gd-sc__actions" }, [record, button(t.remind, "secondary", () => checkins(check).then((list) => list.remind(), () => {}))]),
  ]));
}

/* A file being loaded: its check-ins, read by the check-ins' script -> {checkins} ([] when it has
   none), or {error} when they are not check-ins of ours, which refuses the whole file. */
async function fileCheckins(check, text) {
  const data = JSON.parse(text);
  return own(data, "checkins") ? (await checkins(check)).readFile(data.checkins) : { checkins: [] };
}
