/* The language toggle (overrides/partials/language-toggle.html) keeps the reader's place: a link
   to the same page in another language ([data-gd-translation]) carries the #fragment of the
   address being read (a section, a checklist question), whose ids are the same in every language.
   Set when the link is used (click, keyboard, middle click, copying the link after a focus), so
   it follows every change of #fragment, with or without instant navigation. */
(function () {
  "use strict";

  function follow(event) {
    var link = event.target && event.target.closest && event.target.closest("a[data-gd-translation]");
    if (link) link.hash = window.location.hash;
  }

  ["click", "auxclick", "focusin", "pointerdown", "contextmenu"].forEach(function (type) {
    document.addEventListener(type, follow, true);
  });
})();
