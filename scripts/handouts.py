"""Build the site with a ready-made PDF handout of every sheet, in every language (``scripts/pdf``).

    python3 scripts/handouts.py DIR [mkdocs build options]

1. Builds the site into a temporary folder, with the same settings as the final build.
2. Prints every sheet page (each names its handout file in ``data-handout``) to an A4 PDF with
   Chromium, the way a reader's browser prints it: the same print stylesheet, so the PDF and a
   printed page are the same handout.
3. Builds the site into DIR with ``GUIDANCE_HANDOUTS`` pointing at the PDFs: they are copied into
   ``downloads/`` and every sheet page links to its own ("Download this sheet as a PDF").

The PDFs are made from the same content in the same run, so a page never links a stale handout.
"""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"


def build(site_dir: Path, args: list[str], **env: str) -> None:
    """``mkdocs build --strict`` into ``site_dir``; stops the whole step when the build fails."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-q", "-f", str(ROOT / "mkdocs.yml"),
         "-d", str(site_dir), *args],
        cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
    )
    if result.returncode:
        sys.exit(result.returncode)


def handout_pages(site_dir: Path) -> list[tuple[str, str]]:
    """(page path in the site, PDF file name) for every page that offers a handout."""
    from bs4 import BeautifulSoup

    pages = []
    for path in sorted(site_dir.rglob("*.html")):
        found = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("[data-handout]")
        if found:
            pages.append((path.relative_to(site_dir).as_posix(), found["data-handout"]))
    return pages


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def print_handouts(site_dir: Path, pages: list[tuple[str, str]], out_dir: Path) -> list[Path]:
    """Serve ``site_dir`` on this machine only and print each of its ``pages`` to ``out_dir``."""
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
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
                page.pdf(path=out_dir / name, format="A4", prefer_css_page_size=True, tagged=True, outline=True)
                written.append(out_dir / name)
            browser.close()
    finally:
        server.shutdown()
    return written


def main(argv: list[str]) -> int:
    if not argv or argv[0].startswith("-"):
        print("usage: scripts/pdf DIR [mkdocs build options]", file=sys.stderr)
        return 2
    site_dir, args = Path(argv[0]).resolve(), argv[1:]
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} not found: install Chromium first (scripts/install --pdf)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="handouts-") as work:
        draft, pdfs = Path(work) / "site", Path(work) / "pdf"
        build(draft, args)
        pages = handout_pages(draft)
        addressed = all('class="gd-qr"' in (draft / path).read_text(encoding="utf-8") for path, _ in pages)
        written = print_handouts(draft, pages, pdfs)
        build(site_dir, args, GUIDANCE_HANDOUTS=str(pdfs))
        for pdf in written:
            print(f"{site_dir.name}/downloads/{pdf.name}  {round(pdf.stat().st_size / 1024)} KB")
    if not addressed:
        print("note: site_url is not set, so the PDFs carry no web address and no QR code "
              "(set site_url in mkdocs.yml, or GUIDANCE_SITE_URL)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
