/* The progress script (checkins.py: assets/selfcheck-progress.js), from the self-check's side. It
   is loaded once the checklist has answers or kept check-ins, or one of the buttons that need it is
   used ("Print my answers", saving and loading a file), and adds the rest: each group's result and
   the check-ins (results.js, checkins-page.js), the printed summary (report.js) and the answer files
   (files.js). Until then the page has only a place kept for the check-ins (check.place) and the
   plain list of what is left to do. A part of the self-check's script, after selfcheck.js, whose
   names, functions and state (check) it uses. */

let progressLoading = null;

/* The progress script, loaded once a page (a script element: it works from disk and under the
   site's Content Security Policy) -> its function that starts it on a checklist. */
function progressScript() {
  progressLoading = progressLoading || new Promise((resolve, reject) => {
    const script = el("script", { src: document.querySelector(`script[${N.checkins_script}]`).getAttribute(N.checkins_script) });
    script.onload = () => resolve(window[N.checkins_ready]);
    script.onerror = () => {
      script.remove();
      progressLoading = null;
      reject();
    };
    document.head.append(script);
  });
  return progressLoading;
}

/* -> the checklist's progress part (what checkins-page.js returns), the script loaded and started
   on the checklist once, given the self-check's functions it uses; should it not load, the
   buttons that need it go and the rest of the self-check works on. */
function progressPart(check) {
  check.loading = check.loading || progressScript().then(
    (mount) => (check.progress = mount(check, { todo, tag, parseFile, write, save, tell })),
    (error) => {
      check.needsProgress.forEach((node) => node.remove());
      throw error;
    });
  return check.loading;
}

// A button's action, on the progress part once it is there.
const withProgress = (check, act) => progressPart(check).then(act, () => {});

/* Answers or kept check-ins: results and check-ins are shown as the page opens (and again when
   the reader comes back to it), or once the reader answers. */
function showProgress(check) {
  try {
    if (check.progress) check.progress.reload();
    else if (check.answers.size || check.store?.getItem(N.checkins_key + check.id)) progressPart(check).catch(() => {});
  } catch (error) { /* storage refused: nothing kept to show */ }
}
