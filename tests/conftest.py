"""Shared test helpers: a real `mkdocs build` per test run, HTML parsing, a real browser."""

from __future__ import annotations

import filecmp
import functools
import http.server
import logging
import os
import shutil
import socket
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
# The seed sheet's full text, as given in shared/seeds/ (a copy, so the tests run on any clone).
SEED = FIXTURES / "seed-3.3-partnership.txt"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--headless", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-first-run", "--disable-quic",
]

sys.path.insert(0, str(ROOT / "hooks"))

from guidance.languages.catalogue import read_catalogue, write_catalogue  # noqa: E402
from guidance.components.selfcheck import EXAMPLES as SELFCHECK_EXAMPLES  # noqa: E402


def mkdocs_build(site_dir: Path, *, env: dict[str, str] | None = None, args: list[str] = ()) -> subprocess.CompletedProcess:
    """Run the real command line, as a person would: `mkdocs build --strict`."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(ROOT / "mkdocs.yml"),
         "-d", str(site_dir), *args],
        cwd=ROOT, env=full_env, capture_output=True, text=True, timeout=300,
    )


class _Messages(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines += record.getMessage().splitlines()


def build_in_process(config: Path, site_dir: Path, env: dict[str, str]):
    """`mkdocs build --strict` through its command line, in this process: (exit code, messages)."""
    from click.testing import CliRunner
    from mkdocs.__main__ import cli
    from mkdocs.utils import DuplicateFilter

    logger = logging.getLogger("mkdocs")
    build_log = logging.getLogger("mkdocs.commands.build")
    for log_filter in list(build_log.filters):  # MkDocs drops a message it has shown once: each case is a new run
        if isinstance(log_filter, DuplicateFilter):
            build_log.removeFilter(log_filter)
    handler = _Messages()
    logger.addHandler(handler)
    try:
        result = CliRunner().invoke(cli, ["build", "--strict", "-q", "-f", str(config), "-d", str(site_dir)],
                                    env={"NO_MKDOCS_2_WARNING": "1", "GUIDANCE_SITE_URL": "", **env})
    finally:
        logger.removeHandler(handler)
    return result, handler.lines


def parse(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def page_text(soup: BeautifulSoup) -> str:
    """The text a reader sees, with white space folded."""
    return " ".join(soup.get_text().split())


REDIRECT = '<meta http-equiv="refresh"'


def is_redirect(path: Path) -> bool:
    """An old address of a page, which only sends the reader on (urls.py, redirect.html)."""
    return REDIRECT in path.read_text(encoding="utf-8")


def html_pages(site: Path) -> list[Path]:
    """Every page a reader reads: the built HTML files, less the redirect pages at old addresses."""
    return [p for p in sorted(site.rglob("*.html")) if not is_redirect(p)]


def copy_project(target: Path) -> Path:
    """A copy of the whole project (settings, pages, content, core, theme) that a test may edit."""
    target.mkdir()
    for name in ["mkdocs.yml", "package.json", "docs", "content_src", "hooks", "overrides"]:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, target / name)
    return target


def differences(a: Path, b: Path) -> list[str]:
    """Files that differ, or are only on one side, anywhere under two folders."""
    found = []
    compared = filecmp.dircmp(a, b)
    found += [f"only in one: {name}" for name in compared.left_only + compared.right_only]
    _match, mismatch, errors = filecmp.cmpfiles(a, b, compared.common_files, shallow=False)
    found += [str(a / name) for name in mismatch + errors]
    for sub in compared.common_dirs:
        found += differences(a / sub, b / sub)
    return found


def copy_content(tmp_path: Path) -> Path:
    """A private copy of content_src/ that a test may change."""
    target = tmp_path / "content_src"
    shutil.copytree(ROOT / "content_src", target)
    return target


def build_with_test_sheet(tmp_path: Path, folder: str) -> Path:
    """The real content plus a test sheet from tests/fixtures/sheets/<folder>, built strictly; the site."""
    content = copy_content(tmp_path)
    shutil.copytree(FIXTURES / "sheets" / folder, content / "sheets" / folder)
    site = tmp_path / "site"
    result = mkdocs_build(site, env={"GUIDANCE_CONTENT": str(content)})
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """One strict build of the real site for the whole test run."""
    site_dir = tmp_path_factory.mktemp("site") / "site"
    result = mkdocs_build(site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


SUB_PATH = "sub"  # the language builds are made for, and served under, a sub-path of a host


@dataclass(frozen=True)
class Built:
    """A site built for the address ``url`` (sub-path included); ``serve()`` serves it there."""

    site: Path
    url: str
    port: int

    def serve(self):
        base, server = serve(self.site.parent, self.port)
        return f"{base}/{SUB_PATH}", server


def language_build(tmp_path_factory, name: str, languages: str, catalogues: dict[str, Path] = {}) -> Built:
    """A strict build of the real content with another list of languages (and a copy of the
    content holding more catalogues), for its address on a free local port."""
    work = tmp_path_factory.mktemp(name)
    port = free_port()
    url = f"http://127.0.0.1:{port}/{SUB_PATH}/"
    env = {"GUIDANCE_LANGUAGES": languages, "GUIDANCE_SITE_URL": url}
    if catalogues:
        content = copy_content(work)
        for code, catalogue in catalogues.items():
            target = content / "locale" / code / "LC_MESSAGES" / "guidance.po"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(catalogue, target)
        env["GUIDANCE_CONTENT"] = str(content)
    result = mkdocs_build(work / SUB_PATH, env=env)
    assert result.returncode == 0, result.stderr
    return Built(work / SUB_PATH, url, port)


@pytest.fixture(scope="session")
def welsh_first_site(tmp_path_factory) -> Built:
    """A Welsh-first copy, as a council in the west might run it: Welsh at /, English at /en/."""
    return language_build(tmp_path_factory, "welsh-first", "cy,en")


@pytest.fixture(scope="session")
def welsh_first_url(welsh_first_site):
    url, server = welsh_first_site.serve()
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def three_language_site(tmp_path_factory) -> Built:
    """English, Welsh and a third language whose catalogue is almost empty (tests/fixtures/locale-fr)."""
    return language_build(tmp_path_factory, "three-languages", "en,cy,fr",
                          {"fr": FIXTURES / "locale-fr" / "guidance.po"})


@pytest.fixture(scope="session")
def sheet_page(site) -> BeautifulSoup:
    return parse(site / "working-with-others" / "partnership" / "index.html")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(directory: Path, port: int = 0):
    """Serve ``directory`` on a loopback port (a free one by default); returns (base_url, server)."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", server


@pytest.fixture(scope="session")
def site_url(site):
    url, server = serve(site)
    yield url
    server.shutdown()


def host_under_sub_path(root: Path, env: dict[str, str] | None = None):
    """Build the site for and serve it under /guidance/, as a council might host it (the theme's
    instant navigation is on once the site knows its address); returns (base_url, server)."""
    port = free_port()
    result = mkdocs_build(root / "guidance", env={**(env or {}), "GUIDANCE_SITE_URL": f"http://127.0.0.1:{port}/guidance/"})
    assert result.returncode == 0, result.stderr
    url, server = serve(root, port)
    return f"{url}/guidance", server


@pytest.fixture(scope="session")
def sub_path_site(tmp_path_factory):
    """The site built for and served under /guidance/, as a council might host it."""
    url, server = host_under_sub_path(tmp_path_factory.mktemp("host"))
    yield url
    server.shutdown()


def selfcheck_content(target: Path) -> Path:
    """A content tree whose only sheet is the self-check's examples, with the real site's shared
    texts and catalogues (so Welsh pages have the Welsh interface), less the real sheets' texts."""
    content = target / "content_src"
    shutil.copytree(ROOT / "content_src", content, ignore=shutil.ignore_patterns("sheets"))
    sheet = content / "sheets" / "3.9-self-check-example" / "sheet.yml"
    sheet.parent.mkdir(parents=True)
    shutil.copy(SELFCHECK_EXAMPLES / "sheet.yml", sheet)
    for path in content.glob("locale/*/LC_MESSAGES/*.po"):
        catalogue = read_catalogue(path, path.parts[-3])
        for message in [m for m in catalogue if m.context and not m.context.startswith("site.")]:
            catalogue.delete(message.id, context=message.context)
        write_catalogue(catalogue, path)
    return content


@pytest.fixture(scope="session")
def selfcheck_site(tmp_path_factory):
    """The self-check's examples built into a site of their own and served under /guidance/;
    ``folder`` is the built site, for opening pages from disk."""
    root = tmp_path_factory.mktemp("selfcheck")
    url, server = host_under_sub_path(root / "host", {"GUIDANCE_CONTENT": str(selfcheck_content(root))})
    yield SimpleNamespace(url=url, folder=root / "host" / "guidance")
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium through Playwright. Under CI a missing browser fails, never skips."""
    if not Path(CHROMIUM).exists():
        message = f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def errors(page):
    """Console errors and uncaught exceptions on the page; every test expects none."""
    found: list[str] = []
    page.on("console", lambda message: message.type == "error" and found.append(message.text))
    page.on("pageerror", lambda error: found.append(str(error)))
    return found


def print_to_pdf(page, url: str, path: Path) -> Path:
    """What a reader gets from the browser's Print: the page printed to an A4 PDF by Chromium."""
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.pdf(path=str(path), format="A4")
    return path


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def pdf_text(path: Path, page: int | None = None) -> str:
    """The text of a PDF (or of one of its pages), as pdftotext extracts it."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(["pdftotext", *pages, str(path), "-"], capture_output=True, text=True, check=True).stdout
