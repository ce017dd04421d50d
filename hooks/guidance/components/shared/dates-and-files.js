/* Shared helpers for what a reader takes away, apart from shared.js so that a script that makes
   neither (the self-check's first script) does not carry them. The build puts this file after
   shared.js, whose names it uses, before the comparison's script and the self-check's progress
   script, all inside one function (components/shared/__init__.py: script_sources).

   - longDate(date, strings): a date as the build writes dates, from strings.date (Babel's pattern)
     and strings.months (the month names joined by "|");
   - download(data, type, checklist, suffix): a file saved from the page, named for the checklist
     ("partnership/checklist", "-answers.json" -> "partnership-checklist-answers.json"). */

/* "26 Tachwedd 2026": the browser's Intl may not know the page's language. */
const longDate = (date, strings) => fill(strings.date, { d: date.getDate(), MMMM: strings.months.split("|")[date.getMonth()], y: date.getFullYear() });

function download(data, type, checklist, suffix) {
  const link = el("a", { href: URL.createObjectURL(new Blob([data], { type })), download: checklist.replace(/\W/g, "-") + suffix });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 5000);
}
