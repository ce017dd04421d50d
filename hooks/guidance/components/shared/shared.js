/* The browser helpers the components' scripts share (the self-check, the comparison), written once.
   The build puts this file before each component's script (and, for the scripts that make dates
   and files, dates-and-files.js: longDate, download), all inside one function
   (components/__init__.py, served.py), so these names are that script's own; Node's tests run the
   files one after the other in one window (shared/load.mjs). A classic script: pages opened
   from disk cannot load modules. It only defines; a component's script calls.

   - FORMAT, VERSION: the name and version of a file of answers saved from the self-check, which
     the comparison reads;
   - own(object, key); fill(template, values): "{name}" replaced by values.name, unknown ones left;
   - strings(element, prefix): the element's attributes named prefix + key, by key
     ("data-sc-todo-one" -> "todo-one"), with the keys of those still in English on a page in
     another language (not yet translated: the build names their attributes in ENGLISH.attribute)
     under ENGLISH.attribute, space-separated; stringsGiven(texts): strings given as data in that shape
     (the build writes the progress script's so), returned. Those in English are kept in `english`,
     and so is what fill and joined make of them only, so that el and setText mark an element written
     with one of them as in English (ENGLISH.lang); joined(...texts): the texts joined by spaces;
     counted(strings, name, n, values): the string
     "<name>-<plural category of n>" in the language strings.locale (Welsh has six), {count} and
     values filled;
   - el(tag, props, children), button(text, kind, click): elements made with their properties;
     setText(node, words): the node's text set (marked as el marks it), the node returned;
   - storage(): the browser's localStorage, or null where the page cannot write to it;
   - startUp(name, init): init once the page is parsed and after every page change of Material's
     instant navigation, which runs a content's scripts again on each arrival: only the first run
     of a script is kept (under window[name]), the later ones call it;
   - startOnce(root, started, make): make(root) unless root has the started attribute; should make
     fail, root is put back as the page had it (complete without the script). */
"use strict";
const FORMAT = "gd-selfcheck";
const VERSION = 1;
const ENGLISH = /* ENGLISH */ {};
const english = new Set();
const own = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
const fill = (template, values) => made(template.replace(/\{(\w+)\}/g, (match, name) => (own(values, name) ? values[name] : match)), [template]);
const joined = (...texts) => made(texts.join(" "), texts);

function made(text, from) {  // text made from the texts `from`: in English when they all are
  if (from.every((part) => english.has(part))) english.add(text);
  return text;
}

function strings(element, prefix) {
  const found = {};
  for (const { name, value } of element.attributes) if (name.startsWith(prefix)) found[name.slice(prefix.length)] = value;
  found[ENGLISH.attribute] = (element.getAttribute(ENGLISH.attribute) || "").replaceAll(prefix, "");
  return stringsGiven(found);
}

function stringsGiven(texts) {
  texts[ENGLISH.attribute].split(" ").forEach((key) => own(texts, key) && english.add(texts[key]));
  return texts;
}

function counted(strings, name, n, values) {
  let category = "other";
  try {
    category = new Intl.PluralRules(strings.locale).select(n);
  } catch (error) { /* unknown language */ }
  return fill(strings[name + "-" + category] || strings[name + "-other"], { count: n, ...values });
}

function el(tag, props, children) {
  const node = Object.assign(document.createElement(tag), props);
  if (props && "textContent" in props) setText(node, props.textContent);
  if (children) node.append(...children.filter((child) => child !== null));
  return node;
}

function setText(node, words) {
  node.textContent = words;
  if (english.has(words)) node.lang = ENGLISH.lang;
  else node.removeAttribute("lang");
  return node;
}

function button(text, kind, click) {
  const node = el("button", { type: "button", className: "gd-sc__button gd-sc__button--" + kind, textContent: text });
  node.addEventListener("click", click);
  return node;
}

function storage() {
  try {
    const store = window.localStorage;
    store.setItem(FORMAT, 1);
    store.removeItem(FORMAT);
    return store;
  } catch (error) {
    return null;
  }
}

/* true on the first run of the script, false on a later one (which has called the first run's init). */
function startUp(name, init) {
  if (window[name]) {
    window[name]();
    return false;
  }
  window[name] = init;
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
  // document$ never fires on pages opened from disk, hence DOMContentLoaded too: startOnce starts each root once.
  window.document$?.subscribe(init);
  return true;
}

function startOnce(root, started, make) {
  if (root.hasAttribute(started)) return null;
  root.setAttribute(started, "");
  const plain = root.cloneNode(true);
  try {
    return make(root);
  } catch (error) {
    root.replaceWith(plain);
    return null;
  }
}
