/* For Node's tests of the components' scripts (each component's *.unit.test.mjs, and tests/js): a
   page of the self-check's examples in a happy-dom window, with a component's script run in it as
   the build serves it, unminified: the shared helpers, then the component's own file, one after
   the other in the one window, each named by its file, so that Node's coverage counts their lines.
   tests/js/example_pages.py builds the pages and gives the scripts (once per test process).

   - PAGES: the example pages' paths: the sheet and its two comparisons, in English and Welsh;
   - open(page, script, {storage, store, prepare, parts, served}): the window, with the page's HTML
     in an <article> and `script` ("assets/selfcheck.js" or "assets/compare.js") run; storage:
     false makes localStorage refuse the page, store: {key: value} is in it before the script
     runs, and so is prepare(window);
     parts: 1 runs the shared helpers only (default: every part); served: true runs the script as
     served, minified; a script the page adds (the self-check's progress script) runs as served. It
     gives {window, document, printed (a count of window.print calls), downloads ([{name, type,
     text()}])};
   - named(opened, names): the script's (or the helpers') functions and constants of those names,
     as the window has them (the files are scripts, not modules: their top-level names are the
     window's); what the functions return is copied into the tests' realm, so that
     assert.deepEqual compares data, not the window's own Object and Map;
   - html(page): the page's HTML as built;
   - runServed(opened, script): the script as served run again in the window, as a page's script
     tag runs it on each arrival by Material's instant navigation;
   - settle(): lets the script's timers and the files it reads finish;
   - file(window, text, name): a File as the reader chooses one; choose(window, input, files):
     the files chosen in a file input. */
import { execFileSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import { after } from "node:test";
import vm from "node:vm";
import { Window } from "happy-dom";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const built = JSON.parse(execFileSync(ROOT + ".venv/bin/python", [ROOT + "tests/js/example_pages.py"],
  { cwd: ROOT, encoding: "utf-8", maxBuffer: 1 << 26 }));

export const PAGES = {
  sheet: "working-with-others/self-check-example.md",
  compare: "working-with-others/self-check-example/compare-checklist.md",
  compareOwn: "working-with-others/self-check-example/compare-on-your-own.md",
  welshSheet: "cy/gweithio-gydag-eraill/self-check-example.md",
  welshCompare: "cy/gweithio-gydag-eraill/self-check-example/compare-checklist.md",
};

const open_windows = [];

export function open(page, script, { storage = true, store = {}, prepare = () => {}, parts = Infinity, served = false } = {}) {
  const html = built.pages[page];
  if (!html) throw new Error(`no example page ${page}: ${Object.keys(built.pages)}`);
  const window = new Window({
    url: "https://example.org/guidance/" + page.replace(/\.md$/, "/"),
    settings: { disableJavaScriptFileLoading: true, disableCSSFileLoading: true, handleDisabledFileLoadingAsSuccess: true,
      navigation: { disableMainFrameNavigation: true } },
  });
  open_windows.push(window);
  const { document } = window;
  document.documentElement.lang = page.startsWith("cy/") ? "cy" : "en";
  document.body.innerHTML = `<article>${html}</article>`;
  for (const [key, value] of Object.entries(store)) window.localStorage.setItem(key, value);
  if (!storage) Object.defineProperty(window, "localStorage", { get() { throw new window.DOMException("denied", "SecurityError"); } });
  prepare(window);
  const opened = { window, document, printed: 0, downloads: [] };
  window.print = () => { opened.printed += 1; };
  const blobs = new Map();
  window.URL.createObjectURL = (blob) => {
    const url = "blob:https://example.org/" + blobs.size;
    blobs.set(url, blob);
    return url;
  };
  window.URL.revokeObjectURL = (url) => blobs.delete(url);
  document.addEventListener("click", (event) => {
    const link = event.target.closest?.("a[download]");
    if (!link) return;
    event.preventDefault();  // the browser saves the file; here it is kept for the test
    const blob = blobs.get(link.href);
    opened.downloads.push({ name: link.download, type: blob.type, text: () => blob.text() });
  }, true);
  // A script the page adds later (the self-check's progress script) runs as served, before the
  // load event that happy-dom (not loading files) gives it as it is added.
  const append = document.head.append.bind(document.head);
  document.head.append = (...nodes) => {
    for (const node of nodes) {
      const uri = Object.keys(built.served).find((path) => node.src?.endsWith("/" + path));
      if (uri) vm.runInContext(built.served[uri], window);
    }
    append(...nodes);
  };
  if (served) vm.runInContext(built.served[script], window);
  else for (const { file, source } of built.scripts[script].slice(0, parts)) new vm.Script(source, { filename: pathToFileURL(file).href }).runInContext(window);
  return opened;
}

export const named = (opened, names) => copiedOut(vm.runInContext(`({ ${names.join(", ")} })`, opened.window));

function copiedOut(exports) {
  const copy = (value) => {
    if (value?.nodeType) return value;  // an element: the window's own
    try {
      return structuredClone(value);
    } catch (error) {
      return value;  // elements, states with elements: left as they are
    }
  };
  return Object.fromEntries(Object.entries(exports).map(([name, value]) =>
    [name, typeof value === "function" ? (...args) => copy(value(...args)) : value]));
}

export const html = (page) => built.pages[page];

export const runServed = (opened, script) => vm.runInContext(built.served[script], opened.window);

export async function settle() {
  for (let round = 0; round < 5; round++) await new Promise((resolve) => setTimeout(resolve, 0));
}

export const file = (window, text, name = "answers.json") => new window.File([text], name, { type: "application/json" });

export function choose(window, input, files) {
  Object.defineProperty(input, "files", { value: files, configurable: true });
  input.dispatchEvent(new window.Event("change", { bubbles: true }));
}

// A test file's windows are closed when its tests end, so that their timers do not keep Node running.
after(() => Promise.all(open_windows.splice(0).map((window) => window.happyDOM.abort())));
