/* Search loads when a reader first asks for it. Material's bundle starts its search worker and
   fetches the language's search index on every page load, though few readers search; this script,
   which runs just before the bundle, holds both back until the reader opens or focuses search (or
   arrives from a search result, ?h=...). Nothing else is held, and the search itself is Material's.
   - The worker is made when Material first posts to it, which it does once it has the index.
   - The index request (XMLHttpRequest, search/search_index.json) is sent when search is wanted.
   Opened from disk, Material reads the index from a script only once search opens: the worker
   waits the same way there. */
(() => {
  if (window.__gdSearchOnDemand) return;
  window.__gdSearchOnDemand = true;
  const config = JSON.parse(document.getElementById("__config").textContent);
  const workerUrl = new URL(config.search, location.href).href;
  const INDEX = /\/search\/search_index\.json$/;

  let wanted = new URL(location.href).searchParams.has("h");
  const waiting = [];
  const want = () => {
    if (wanted) return;
    wanted = true;
    waiting.splice(0).forEach((send) => send());
  };

  class OnDemandWorker extends EventTarget {
    constructor(RealWorker, args) {
      super();
      this.start = () => {
        const worker = new RealWorker(...args);
        worker.addEventListener("message", (event) => this.dispatchEvent(new MessageEvent("message", { data: event.data })));
        worker.addEventListener("error", () => this.dispatchEvent(new Event("error")));
        return worker;
      };
      this.worker = null;
    }
    postMessage(message) {
      this.worker = this.worker || this.start();
      this.worker.postMessage(message);
    }
    terminate() {
      if (this.worker) this.worker.terminate();
    }
  }
  window.Worker = new Proxy(window.Worker, {
    construct(RealWorker, args) {
      return new URL(args[0], location.href).href === workerUrl ? new OnDemandWorker(RealWorker, args) : new RealWorker(...args);
    },
  });

  const held = new WeakSet();
  const { open, send } = XMLHttpRequest.prototype;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    if (INDEX.test(new URL(url, location.href).pathname)) held.add(this);
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...args) {
    if (!wanted && held.has(this)) {
      waiting.push(() => send.apply(this, args));
      return undefined;
    }
    return send.apply(this, args);
  };

  const isSearch = (target) => target instanceof Element && target.closest("[data-md-component=search], label[for=__search]");
  document.addEventListener("focusin", (event) => isSearch(event.target) && want());
  document.addEventListener("pointerdown", (event) => isSearch(event.target) && want());
  document.addEventListener("change", (event) => event.target.id === "__search" && event.target.checked && want());
})();
