"""The built site works wherever it is put: under the sample server's security headers, under a
sub-path of another site, and opened from disk out of a zip, with search working and no request
to any other host. The headers come from deploy/nginx.conf, the very file the README shows."""

from __future__ import annotations

import functools
import json
import http.server
import re
import subprocess
import threading
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from conftest import ROOT

NGINX = ROOT / "deploy" / "nginx.conf"
SHEET = "working-with-others/partnership/"


def nginx_headers() -> dict[str, str]:
    """The ``add_header`` lines of the sample nginx server, as header name and value."""
    found = re.findall(r'^\s*add_header\s+([\w-]+)\s+"([^"]*)"\s+always;', NGINX.read_text(encoding="utf-8"), re.M)
    return dict(found)


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a built site as deploy/nginx.conf does: its headers on every answer, the site at
    ``prefix``, and the site's 404 page for a missing file."""

    prefix = "/"
    extra_headers: dict[str, str] = {}

    def log_message(self, *args) -> None:
        pass

    def translate_path(self, path: str) -> str:
        path = urlsplit(path).path
        inside = path.startswith(self.prefix)
        return super().translate_path("/" + path[len(self.prefix):] if inside else "/-outside-the-site-")

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def send_error(self, code, message=None, explain=None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def host():
    """Start servers for a test: ``host(site, prefix="/", headers={})`` returns the site's address."""
    servers = []

    def start(site: Path, prefix: str = "/", headers: dict[str, str] | None = None) -> str:
        handler = type("Handler", (SiteHandler,), {"prefix": prefix, "extra_headers": headers or {}})
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}{prefix}"

    yield start
    for server in servers:
        server.shutdown()


class Watch:
    """Everything a page does that a reader would not want: errors, policy violations, requests
    to other hosts, failed requests."""

    def __init__(self, page):
        self.errors, self.failures, self.urls = [], [], []
        page.add_init_script("document.addEventListener('securitypolicyviolation', e => "
                             "console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));")
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", lambda r: self.urls.append(r.url))
        # A request cut short by leaving the page (ERR_ABORTED) is not a failure of the site
        page.on("requestfailed", lambda r: "ERR_ABORTED" not in (r.failure or "") and self.failures.append(r.url))
        page.on("response", lambda r: r.status >= 400 and self.failures.append(f"{r.status} {r.url}"))


def search(page, query: str):
    """Type into the site's search as a reader does; returns the first result's link. The search
    index loads in a worker: a query typed before it is ready is typed again."""
    if page.locator(".md-search__input").is_hidden():
        page.locator("label.md-header__button[for=__search]").click()
    field = page.locator(".md-search__input")
    result = page.locator(".md-search-result__item a", has=page.locator("mark")).first
    for _ in range(10):
        field.fill("")
        field.press_sequentially(query)
        try:
            result.wait_for(timeout=3000)
            return result
        except Exception:
            continue
    raise AssertionError(f"no search result for {query!r}")


def test_the_site_works_under_the_sample_content_security_policy(page, site, host):
    headers = nginx_headers()
    policy = headers["Content-Security-Policy"]
    assert "script-src 'self';" in policy and "style-src 'self';" in policy and "unsafe-inline" not in policy
    base = host(site, headers=headers)
    watch = Watch(page)
    page.add_init_script("window.print = () => { window.printed = true; };")

    response = page.goto(base)
    assert response.headers["content-security-policy"] == policy
    search(page, "duplication").click()                       # search, then instant navigation
    page.wait_for_url(f"**/{SHEET}**")
    assert page.locator("h1").inner_text() == "3.3 Partnership"
    page.get_by_role("button", name="Print this page").click()
    assert page.evaluate("window.printed") is True
    assert page.goto(base + "no-such-page/").status == 404     # the site's own 404 page
    page.wait_for_load_state("networkidle")
    watch.errors.remove("Failed to load resource: the server responded with a status of 404 (Not Found)")
    page.goto(base + SHEET)                                    # a full load of the sheet too
    page.wait_for_load_state("networkidle")
    roles = page.get_by_role("group", name="Are the roles and responsibilities of all partners clearly defined and agreed?", exact=True)
    roles.get_by_label("Yes", exact=True).check()             # the self-check, in use
    expect(page.locator('[data-checklist="partnership/checklist"]')).to_contain_text("You have answered 1 of 18 questions.")

    assert [e for e in watch.errors if "CSP violation" in e or "Refused to" in e] == []
    assert watch.errors == []
    assert {urlsplit(url).netloc for url in watch.urls} == {urlsplit(base).netloc}


def test_the_site_works_unchanged_under_a_sub_path(page, site, host):
    base = host(site, prefix="/guidance/")
    watch = Watch(page)
    page.goto(base)
    page.get_by_role("link", name="3.3 Partnership").click()
    page.wait_for_url(f"**/guidance/{SHEET}")
    assert page.locator("h1").inner_text() == "3.3 Partnership"
    search(page, "autonomy").click()
    page.wait_for_url(f"**/guidance/{SHEET}?h=autonomy#*")
    page.get_by_role("navigation", name="Breadcrumb").get_by_role("link", name="3. Working with others").click()  # back home
    page.wait_for_url(base + "#working-with-others")
    page.goto(base + SHEET)
    page.wait_for_load_state("networkidle")

    assert watch.failures == [] and watch.errors == []
    assert all(urlsplit(url).path.startswith("/guidance/") for url in watch.urls), watch.urls
    assert {urlsplit(url).netloc for url in watch.urls} == {urlsplit(base).netloc}


@pytest.fixture(scope="module")
def copy_on_disk(tmp_path_factory) -> Path:
    """The offline copy as a CVC hands it out: built as the guide says, zipped, unzipped."""
    work = tmp_path_factory.mktemp("offline")
    result = subprocess.run([str(ROOT / "scripts" / "build"), str(work / "guidance"), "--offline"],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(work / "guidance.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted((work / "guidance").rglob("*")):
            archive.write(path, path.relative_to(work))
    with zipfile.ZipFile(work / "guidance.zip") as archive:
        archive.extractall(work / "unzipped")
    return work / "unzipped" / "guidance"


def test_the_offline_copy_opens_from_disk_with_search(page, copy_on_disk):
    watch = Watch(page)
    page.goto((copy_on_disk / "index.html").as_uri())
    page.get_by_role("link", name="3.3 Partnership").click()
    page.wait_for_url("**/working-with-others/partnership.html")
    assert page.locator("h1").inner_text() == "3.3 Partnership"
    assert page.get_by_role("button", name="Print this page").is_visible()

    result = search(page, "duplication")
    # results update as each letter is typed: wait for those of the whole word
    expect(page.locator(".md-search-result")).to_contain_text("Avoid possible duplication of administration")
    result.click()
    page.wait_for_url("**/working-with-others/partnership.html?h=duplication*")
    page.get_by_role("navigation", name="Breadcrumb").get_by_role("link", name="3. Working with others").click()
    page.wait_for_url("**/index.html#working-with-others")
    page.get_by_role("link", name="Cymraeg").click()           # the Welsh site, from disk too
    page.wait_for_url("**/cy/index.html#working-with-others")  # the reader keeps their place
    page.get_by_role("link", name="3.3 Partneriaeth").click()
    page.wait_for_url("**/cy/gweithio-gydag-eraill/partneriaeth.html")
    search(page, "dyblygu").click()
    page.wait_for_url("**/cy/gweithio-gydag-eraill/partneriaeth.html?h=dyblygu*")

    assert watch.failures == [] and watch.errors == []
    assert {urlsplit(url).scheme for url in watch.urls} == {"file"}
    assert page.context.cookies() == []


def partner_files(page, folder: Path) -> list[Path]:
    """Two partners' answer files for the comparison page open in ``page``, made with the
    fingerprints the page itself carries (the same as the self-check saves)."""
    prints = page.evaluate("Object.fromEntries([...document.querySelectorAll('[data-cp-fingerprint]')]"
                           ".map(q => [q.dataset.cpQuestion, q.dataset.cpFingerprint]))")
    files = []
    for name, lead in [("Cardiff Food Bank", "partly"), ("Swansea CVS", "yes")]:
        answers = {"roles-defined": {"f": prints["roles-defined"], "a": "yes"}, "lead-partner": {"f": prints["lead-partner"], "a": lead}}
        path = folder / f"{name}.json"
        path.write_text(json.dumps({"format": "gd-selfcheck", "v": 1, "checklist": "partnership/checklist", "name": name, "answers": answers}))
        files.append(path)
    return files


def test_the_comparison_works_under_the_policy_and_from_disk(page, site, host, copy_on_disk, tmp_path):
    watch = Watch(page)
    base = host(site, headers=nginx_headers())
    for url in (base + SHEET + "compare-checklist/", (copy_on_disk / SHEET / "compare-checklist.html").as_uri()):
        page.goto(url)
        page.locator('[data-cp-part="file"]').set_input_files(partner_files(page, tmp_path))
        expect(page.locator('[data-cp-part="summary"]')).to_have_text("Partners agree on 1 of 18 questions. They differ on 1 question.")
        page.get_by_role("group", name="Is there a lead partner? Is their role clearly defined?").get_by_label("Who").fill("Chair")
    assert [e for e in watch.errors if "CSP violation" in e or "Refused to" in e] == []
    assert watch.errors == [] and watch.failures == []
    assert {urlsplit(url).netloc for url in watch.urls} <= {urlsplit(base).netloc, ""}
