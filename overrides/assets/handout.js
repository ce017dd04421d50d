/* The handout component (hooks/guidance/templates/handout.html).
   - [data-module="gd-print"]: the "Print this page" button, hidden in the markup and shown only
     when this script runs, as GOV.UK's print link is.
   - [data-module="gd-page-address"]: when the site's address is not configured, the printed sheet
     shows the address the page was opened at (never a file:// one, which means nothing on paper).
   Every page change re-runs it (Material's instant navigation); each element starts only once. */
(function () {
  "use strict";

  var modules = {
    "gd-print": function (button) {
      button.addEventListener("click", function () { window.print(); });
      button.hidden = false;
    },
    "gd-page-address": function (element) {
      if (!/^https?:$/.test(window.location.protocol)) return;
      var address = window.location.href.split("#")[0];
      var link = element.querySelector("a");
      link.href = address;
      link.textContent = address;
      element.hidden = false;
    }
  };

  function start() {
    Object.keys(modules).forEach(function (name) {
      document.querySelectorAll('[data-module="' + name + '"]').forEach(function (element) {
        if (element.hasAttribute("data-module-started")) return;
        element.setAttribute("data-module-started", "");
        try {
          modules[name](element);
        } catch (error) {
          if (window.console) window.console.error(error);
        }
      });
    });
  }

  // This runs just before Material's bundle (assets/site.js), which makes document$: hence once the page is parsed.
  document.addEventListener("DOMContentLoaded", function () {
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(start);
    } else {
      start();
    }
  });
})();
