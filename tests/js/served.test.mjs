// The components' scripts as the site serves them (the shared helpers and the script in one
// function, minified) start on their pages and answer the reader as the sources do, which the
// components' own tests run (hooks/guidance/components/*/*.unit.test.mjs).
import assert from "node:assert/strict";
import { test } from "node:test";
import { PAGES, open, settle } from "../../hooks/guidance/components/shared/load.mjs";

test("the self-check as served makes its controls and counts an answer", async () => {
  const { window, document } = open(PAGES.sheet, "assets/selfcheck.js", { served: true });
  await settle();
  assert.equal(document.querySelector(".gd-sc__progress").textContent, "You have answered 0 of 5 questions.");
  const yes = document.querySelector('input[name="gd-sc-have-plan"][value="yes"]');
  yes.checked = true;
  yes.dispatchEvent(new window.Event("change", { bubbles: true }));
  assert.equal(document.querySelector(".gd-sc__progress").textContent, "You have answered 1 of 5 questions.");
  assert.equal(JSON.parse(window.localStorage.getItem("gd-selfcheck:self-check-example/checklist")).answers["have-plan"].a, "yes");
});

test("the comparison as served shows its tools and says where the plan is kept", async () => {
  const { document } = open(PAGES.compare, "assets/compare.js", { served: true });
  await settle();
  assert.equal(document.querySelector('[data-cp-part="app"]').hidden, false);
  assert.equal(document.querySelector('[data-cp-part="needs-js"]').hidden, true);
  assert.match(document.querySelector('[data-cp-part="kept"]').textContent, /^The loaded answers and the action plan are kept in this browser/);
});
