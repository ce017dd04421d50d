"""Ready-made PDF handouts (``guidance pdf``, ``scripts/pdf``): every sheet page of a built site
printed to an A4 PDF with Chromium, the way a reader's browser prints it (the same print
stylesheet, so the PDF and a printed page are the same handout).

The command (cli.py) builds the site into a temporary folder, prints its pages here, then builds
it again with ``GUIDANCE_HANDOUTS`` pointing at the PDFs: they are copied into ``downloads/`` and
every sheet page links to its own. The PDFs are made from the same content in the same run, so a
page never links a stale handout.
"""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
# A link to another page of the site (the series in the masthead, say) would lead a reader of the
# PDF to the address it was printed from, on this machine: it leads to that page on the site (the
# site's address is the page's canonical address less the page's path) or, without site_url, is
# left as plain text. A link within the page (a question's sections, #id) stays a link in the PDF.
SITE_LINKS = """() => {
  const canonical = document.querySelector("link[rel=canonical]")?.href || "";
  const here = location.pathname.replace(/index\\.html$/, "");
  const site = canonical.endsWith(here) ? canonical.slice(0, -here.length) + "/" : "";
  for (const link of document.querySelectorAll("a[href]")) {
    const url = new URL(link.getAttribute("href"), location.href);
    if (url.origin !== location.origin || (url.pathname === location.pathname && url.hash)) continue;
    if (site) link.href = new URL(url.pathname.slice(1).replace(/(^|\\/)index\\.html$/, "$1") + url.search + url.hash, site).href;
    else link.removeAttribute("href");
  }
}"""


def handout_pages(site_dir: Path) -> list[tuple[str, str]]:
    """(page path in the site, PDF file name) for every page that offers a handout."""
    from bs4 import BeautifulSoup

    pages = []
    for path in sorted(site_dir.rglob("*.html")):
        found = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("[data-handout]")
        if found:
            pages.append((path.relative_to(site_dir).as_posix(), str(found["data-handout"])))
    return pages


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def print_handouts(site_dir: Path, pages: list[tuple[str, str]], out_dir: Path) -> list[Path]:
    """Serve ``site_dir`` on this machine only and print each of its ``pages`` to ``out_dir``."""
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
            page = browser.new_page()
            for path, name in pages:
                page.goto(f"{base}/{path}")
                page.wait_for_load_state("networkidle")
                # The address this page was served at is this machine's, not the site's: leave it out.
                page.evaluate("document.querySelectorAll('[data-module=gd-page-address]').forEach(e => e.remove())")
                page.evaluate(SITE_LINKS)
                page.pdf(path=out_dir / name, format="A4", prefer_css_page_size=True, tagged=True, outline=True)
                written.append(out_dir / name)
            browser.close()
    finally:
        server.shutdown()
    return written
