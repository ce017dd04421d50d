"""What a page costs to load: every file Chromium fetches for it, raw and gzipped, by kind.

The built site is served by a small static server that gzips text the way a real host would
(level 6), and the page is loaded in Debian's Chromium with JavaScript on, so the files that
scripts fetch (Material's search worker and index) count too.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--no-first-run"]
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map"}
KINDS = {".html": "HTML", ".css": "CSS", ".js": "JS", ".mjs": "JS", ".woff": "fonts", ".woff2": "fonts",
         ".ttf": "fonts", ".otf": "fonts", ".json": "data", ".svg": "images", ".png": "images",
         ".ico": "images", ".jpg": "images", ".webp": "images"}
# The self-check is our own component: its files are named for it, its strings are data-sc-*
# attributes on the checklist (which is on the page, printable, with or without the self-check).
SELF_CHECK_NAMES = ("self-check", "selfcheck", "self_check")
SELF_CHECK_ATTRIBUTE = "data-sc-"
# The build joins the components' stylesheets into one, each minified on a line of its own; the
# self-check's share is what its line adds to the joined file gzipped (the file with and without it).
JOINED_STYLESHEET = "assets/site.css"
HOOKS = Path(__file__).parents[1] / "hooks"
SELF_CHECK_STYLESHEET = HOOKS / "guidance/components/selfcheck/selfcheck.css"


def gzipped_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzipped on the fly when the browser accepts it, as a real host serves them."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if not path.is_file() or path.suffix not in COMPRESSIBLE or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


class QuietServer(http.server.ThreadingHTTPServer):
    """A browser context closed while a file was still being sent breaks the pipe: not a problem here."""

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def serve(site: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    server = QuietServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", server


@dataclass
class PageWeight:
    page: str
    files: dict[str, tuple[str, int, int]] = field(default_factory=dict)  # path -> (kind, raw, gzipped)
    self_check_html: tuple[int, int] = (0, 0)
    self_check_joined: tuple[int, int] = (0, 0)  # its stylesheet, fetched inside assets/site.css

    def total(self, kind: str | None = None) -> tuple[int, int]:
        rows = [(raw, gz) for k, raw, gz in self.files.values() if kind in (None, k)]
        return sum(r for r, _ in rows), sum(g for _, g in rows)

    def self_check(self) -> tuple[int, int]:
        rows = [(raw, gz) for path, (_, raw, gz) in self.files.items() if any(n in path for n in SELF_CHECK_NAMES)]
        parts = [*rows, self.self_check_html, self.self_check_joined]
        return sum(r for r, _ in parts), sum(g for _, g in parts)


def file_for(site: Path, url: str) -> Path | None:
    path = site / unquote(urlsplit(url).path).lstrip("/")
    if path.is_dir():
        path = path / "index.html"
    return path if path.is_file() else None


def self_check_markup(html: str) -> tuple[int, int]:
    """The self-check's share of a page's HTML: the page with and without its data-sc-* strings."""
    soup = BeautifulSoup(html, "lxml")
    whole = str(soup).encode()
    for element in soup.find_all(True):
        for name in [n for n in element.attrs if n.startswith(SELF_CHECK_ATTRIBUTE)]:
            del element[name]
    rest = str(soup).encode()
    return len(whole) - len(rest), gzipped_size(whole) - gzipped_size(rest)


def _weigh(site: Path, page_path: str, urls: list[str]) -> PageWeight:
    weight = PageWeight(page_path)
    for url in dict.fromkeys(urls):
        if (file := file_for(site, url)) is not None:
            data = file.read_bytes()
            weight.files[file.relative_to(site).as_posix()] = (KINDS.get(file.suffix, "other"), len(data), gzipped_size(data))
    return weight


def _browse(site: Path, visit) -> list:
    """Run ``visit(browser, base_url)`` with Chromium and the gzipping server; returns its result."""
    from playwright.sync_api import sync_playwright

    base, server = serve(site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                return visit(browser, base)
            finally:
                browser.close()
    finally:
        server.shutdown()


def _open(browser, url: str, urls: list[str]):
    """A fresh phone-sized context on ``url``, left once the network is idle; requests go to ``urls``."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.on("request", lambda request: urls.append(request.url))
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)  # anything a script fetches after load (it would count)
    return context, page


def joined_share(joined: Path, component: Path) -> tuple[int, int]:
    """``component``'s share of the ``joined`` stylesheet, raw and gzipped, as the build serves it
    (minified by the core's own minifier)."""
    if str(HOOKS) not in sys.path:
        sys.path.insert(0, str(HOOKS))
    from guidance.served import stylesheet

    whole, part = joined.read_bytes(), stylesheet(component.read_text(encoding="utf-8")).encode() + b"\n"
    if part not in whole:
        raise ValueError(f"{component.name} as the build serves it is not in {joined}")
    return len(part), gzipped_size(whole) - gzipped_size(whole.replace(part, b"", 1))


def measure_pages(site: Path, pages: list[str]) -> list[PageWeight]:
    """Load each page (a path relative to ``site``) in a fresh browser context; weigh what it
    fetched before the reader does anything."""
    def visit(browser, base):
        weights = []
        for page_path in pages:
            urls: list[str] = []
            context, _page = _open(browser, f"{base}/{page_path}", urls)
            weight = _weigh(site, page_path, urls)
            weight.self_check_html = self_check_markup(file_for(site, page_path).read_text(encoding="utf-8"))
            if JOINED_STYLESHEET in weight.files:
                weight.self_check_joined = joined_share(site / JOINED_STYLESHEET, SELF_CHECK_STYLESHEET)
            weights.append(weight)
            context.close()
        return weights
    return _browse(site, visit)


def opening_search(site: Path, page_path: str, query: str = "partnership") -> PageWeight:
    """What the browser fetches once the reader opens search on a page and types a word."""
    def visit(browser, base):
        urls: list[str] = []
        context, page = _open(browser, f"{base}/{page_path}", urls)
        urls.clear()
        page.locator("label.md-header__button[for=__search]").click()
        page.locator(".md-search__input").press_sequentially(query)
        page.locator(".md-search-result__item").first.wait_for(timeout=15000)
        page.wait_for_load_state("networkidle")
        weight = _weigh(site, page_path, urls)
        context.close()
        return weight
    return _browse(site, visit)
