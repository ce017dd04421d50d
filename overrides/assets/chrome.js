/* The site's chrome on every page.
   Links to a part of the same page move keyboard focus there, not only the view (the skip link,
   the outline, the self-check's "What is left to do"). Material's instant navigation scrolls to
   the target and leaves focus on <body>, so the next Tab would start again from the top.
   A target holding an answer (a self-check question) focuses its chosen answer, or its first;
   any other target (a heading) takes focus itself, with tabindex="-1". The listener sits on the
   document, which instant navigation keeps, so it is added once. */
(function () {
  "use strict";

  function follow(event) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    var link = event.target instanceof Element && event.target.closest("a[href]");
    // Material's instant navigation writes links out in full: same page means same path
    if (!link || link.hash.length < 2 || link.origin !== window.location.origin ||
        link.pathname !== window.location.pathname || link.search !== window.location.search) return;
    var target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!target || !target.closest("article")) return;
    var answer = target.querySelector("input:checked") || target.querySelector("input, textarea, select");
    var focus = answer || target;
    if (!answer && !target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    event.preventDefault();
    event.stopPropagation();  // before Material's own handler, which would take focus away again
    if (window.location.hash !== link.hash) window.history.pushState(null, "", link.hash);
    target.scrollIntoView();
    focus.focus({ preventScroll: true });
  }

  // "Report a problem with this page": the build names the page in the email; at the click, the
  // address the reader is on replaces it (a copy opened from disk, under another address, a query)
  function report(event) {
    var link = event.target instanceof Element && event.target.closest("a[data-gd-report]");
    if (!link) return;
    var body = link.getAttribute("data-gd-report") + " " + window.location.href;
    link.href = link.href.split("&body=")[0] + "&body=" + encodeURIComponent(body);
  }

  document.addEventListener("click", follow, true);
  document.addEventListener("click", report, true);
})();
