"""Hostile text in every text field of every file kind is data, never markup, wherever it lands.

Every free-text field of the sheet, site.yml and the publisher profile, and every msgstr of the
Welsh catalogue, gets hostile payloads: tags, event handlers, javascript:, vbscript: and data: URLs,
template syntax, Markdown images and autolinks, quotes that break attributes, context breakouts,
characters that bend text (bidi, zero width, line separators). The payloads come in GROUPS; build
number r gives field i group (i + r) % len(GROUPS), so after len(GROUPS) real builds every field has
carried every payload. Each site is then scanned, every file of it (HTML, search indexes, sitemaps,
copied assets), with a real HTML parser for anything live, and its pages are opened in Chromium
without a Content Security Policy: any dialog, page error or request to another host fails.

Fields with a fixed form (ids, numbers, dates, colours) cannot hold text; what they refuse is in
the corpus of broken input, tests/build/test_broken_input.py. The addresses that reach the page
furniture (the publisher's email, its website and the producer's) get the payloads a valid address
can carry, and each payload that no address may carry is shown to be refused.

The furniture (header, footer, "Report a problem", licence line, breadcrumbs, dates, the printed
sheet's contact blocks, the accessibility statement's facts) is then checked on every page of
every language, a third one (French, its catalogue almost empty) included: each profile and
site.yml value it shows is there as the same text, each address as the same address.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import parse_qs, unquote, urljoin, urlsplit

import pytest
from playwright.sync_api import Error as PlaywrightError, expect
from babel.messages.pofile import read_po, write_po
from bs4 import BeautifulSoup
from lxml import etree
from pydantic import RootModel, StringConstraints, ValidationError
from ruamel.yaml import YAML

from conftest import FIXTURES, ROOT, build_in_process, html_pages, page_text, parse, serve
from guidance.content.markdown import link_targets
from guidance.content.patterns import EMAIL, WEB_ADDRESS
from guidance.content.schema import Publisher, Sheet, Site
from guidance.content.validate import _model_in, _union_member
from guidance.components.selfcheck import NAMES, PROGRESS_URI
from guidance.language import facts_of

MARK = "gdpwn"
PAYLOADS = [
    f"<script>alert('{MARK}1')</script>",
    f"<img src=x onerror=alert('{MARK}2')>",
    f"<svg onload=alert('{MARK}3')>",
    f"\"><script>alert('{MARK}4')</script>",
    f"'><img src=x onerror=alert('{MARK}5')>",
    f"\" onmouseover=\"alert('{MARK}6')\" x=\"",
    f"[click {MARK}7](javascript:alert('{MARK}7'))",
    f"[data {MARK}8](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    f"![{MARK}9](https://tracker.example/{MARK}9.png)",
    f"<https://tracker.example/{MARK}10>",
    f"<javascript:alert('{MARK}11')>",
    f"{MARK}12{{{{ 7*7 }}}}",
    f"{MARK}13${{7*7}}{{% if 1 %}}{MARK}13{{% endif %}}",
    f"<iframe src=\"https://tracker.example/{MARK}14\"></iframe>",
    f"<a href=\"javascript:alert('{MARK}15')\">x</a>",
    f"<style>body{{background:url(https://tracker.example/{MARK}16)}}</style>",
    f"</textarea></title></style><script>alert('{MARK}17')</script>",
    f"<!--{MARK}18--><script>alert(18)</script>",
    f"&lt;script&gt;alert('{MARK}19')&lt;/script&gt; &#60;img src=x onerror=alert(19)&#62;",
    f"[x](vbscript:msgbox('{MARK}20'))",
    f"<base href=\"https://tracker.example/{MARK}21/\">",
    f"<meta http-equiv=\"refresh\" content=\"0;url=https://tracker.example/{MARK}22\">",
    f"<form action=\"https://tracker.example/{MARK}23\"><button>go</button></form>",
    f"[x](  JaVaScRiPt:alert('{MARK}24'))",
    f"[x](https://tracker.example/{MARK}25 \"t\\\" onmouseover=\\\"alert(25)\")",
    f"<math><mtext><table><mglyph><style><img src=x onerror=alert('{MARK}26')>",
    f"</script><script>alert('{MARK}27')</script>",
    f"\u2028\u2029{MARK}28",
    f"\u202e{MARK}29\u200b\ufeff\tx",
    f"[x]{{lang=\"en\\\" onclick=\\\"alert('{MARK}30')\"}}",
    f"[x]{{onclick=alert('{MARK}31') lang=en}}",
    f"www.tracker.example/{MARK}32",
    f"<object data=\"https://tracker.example/{MARK}33\"></object>",
    f"`<script>{MARK}34</script>`",
    f"%3Cscript%3Ealert('{MARK}35')%3C/script%3E",
]
GROUPS = [PAYLOADS[i::5] for i in range(5)]


def compact(payload: str) -> str:
    """A payload with its white space taken out, as an address would have to hold it."""
    return "".join(payload.split())


# What an email address can carry (the HTML standard's valid address): the payloads that fit in
# one, and payloads aimed at a mailto: link (its fields, fragment, percent-escapes) and at quotes.
def email(local_part: str) -> str:
    return f"{local_part}@x.example"


LOCAL_PARTS = [compact(p) for p in PAYLOADS if EMAIL.matches(email(compact(p)))] + [
    f"{MARK}?subject={MARK}&body={MARK}&cc=tracker.example#",
    f"{MARK}'onmouseover=alert`{MARK}`'",
    f"{MARK}%3Cscript%3Ealert%28{MARK}%29%3C%2Fscript%3E%22%3E",
    f"{MARK}/../..//&amp=&#{{{{7*7}}}}",
]


# What a web address can carry after its host (no white space, quotes, backticks, angle brackets
# or backslashes): the payloads that fit, and payloads aimed at an href.
def web_address(path: str) -> str:
    return f"https://x.example/{path}"


WEB_PATHS = [compact(p) for p in PAYLOADS if WEB_ADDRESS.matches(web_address(compact(p)))] + [
    f"?{MARK}=javascript:alert({MARK})&x=%22%3E%3Cscript%3Ealert({MARK})%3C/script%3E#",
    f"/../..//javascript:alert({MARK})//&amp;&#34;{{{{7*7}}}}",
]
SITE_URL = "https://guidance.example.org/"
SITE_HOST = urlsplit(SITE_URL).hostname
LANGUAGES = "en,cy,fr"  # a third language, its catalogue almost empty: furniture falls back to English


def address_for(round_: int) -> str:
    return email("".join(LOCAL_PARTS[round_::len(GROUPS)]) + f"{MARK}-email")


def website_for(round_: int, whose: str) -> str:
    return f"https://{whose}.example/" + "".join(WEB_PATHS[round_::len(GROUPS)]) + f"{MARK}-{whose}"


WRITTEN = {path.stem for path in (ROOT / "docs").glob("*.md")}  # hand-written pages, by name
CATALOGUE = "content_src/locale/cy/LC_MESSAGES/guidance.po"
RELEASE = "2026.12.04"


def _free_text(annotation, metadata=()) -> bool:
    """A type that holds any text (not an id, number, date, address, colour or choice)."""
    args = [a for a in getattr(annotation, "__args__", (annotation,)) if a is not type(None)]
    if getattr(annotation, "__metadata__", None) is not None:  # Annotated[str, ...]
        return _free_text(annotation.__origin__, (*metadata, *annotation.__metadata__))
    if len(args) == 1 and args[0] is not annotation:  # X | None
        return _free_text(args[0], metadata)
    constraints = [m for m in metadata if isinstance(m, StringConstraints)]
    return annotation is str and not any(c.pattern for c in constraints)


def _text_fields(node, model, path=()):
    """(container, key, path) of every free-text value in parsed YAML, by the content model."""
    if isinstance(node, dict) and isinstance(model, tuple):
        model = _union_member(model, node.get("type"))
    if isinstance(model, type) and issubclass(model, RootModel):  # a text per language: {en: ..., cy: ...}
        for key, value in node.items():
            if isinstance(value, str):
                yield node, key, (*path, key)
    elif isinstance(node, dict) and isinstance(model, type):
        for key, value in node.items():
            field = model.model_fields.get(key)
            if field is None:
                continue
            if isinstance(value, str) and _free_text(field.annotation, field.metadata):
                yield node, key, (*path, key)
            elif not isinstance(value, str):
                yield from _text_fields(value, _model_in(field.annotation), (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _text_fields(value, model, (*path, index))


def inject(root: Path, round_: int) -> dict[str, int]:
    """Payloads into every text field of a copy of the content; returns fields per file kind."""
    yaml = YAML()
    yaml.width = 10_000
    counts: dict[str, int] = {}
    index = 0
    for kind, path, model in (("sheet", root / "content_src/sheets/3.3-partnership/sheet.yml", Sheet),
                              ("site", root / "content_src/site.yml", Site),
                              ("profile", root / "content_src/publishers/cavs.yml", Publisher)):
        data = yaml.load(path)
        fields = list(_text_fields(data, model))
        for container, key, _path in fields:
            container[key] = " ".join(GROUPS[(index + round_) % len(GROUPS)]) + f" {MARK}-{kind}-{index}"
            index += 1
        counts[kind] = len(fields)
        if kind == "profile":
            data["email"], data["website"] = address_for(round_), website_for(round_, "publisher")
        if kind == "site":
            data["producer"]["website"] = website_for(round_, "producer")
        yaml.dump(data, path)
    path = root / CATALOGUE
    with path.open("rb") as handle:
        catalogue = read_po(handle, locale="cy")
    msgstrs = 0
    # Slugs (msgctxt ...slug) are addresses, checked as such by the build; every other msgstr is text.
    for number, message in enumerate(m for m in catalogue if m.id and not (m.context or "").endswith(".slug")):
        english = [message.id] if isinstance(message.id, str) else list(message.id)
        # A translation must keep the English's placeholders and link targets (the build refuses
        # it otherwise: see the corpus), so those are kept; payloads that would add a link are left out.
        keep = sorted({p for text in english for p in re.findall(r"\{[A-Za-z_]\w*\}", text)})
        keep += [f"[{MARK}]({target})" for target in sorted(set().union(*(link_targets(t) for t in english)))]
        group = [p for p in GROUPS[(index + round_) % len(GROUPS)] if not link_targets(p)]
        text = " ".join([*group, *keep, f"{MARK}-msgstr-{number}"])
        message.string = text if isinstance(message.id, str) else tuple(text for _ in message.string)
        message.flags.discard("fuzzy")
        msgstrs += len(english) if not isinstance(message.id, str) else 1
        index += 1
    with path.open("wb") as handle:
        write_po(handle, catalogue, width=0)
    counts["msgstr"] = msgstrs
    return counts


@pytest.fixture(scope="module")
def hostile_sites(tmp_path_factory):
    """One real build per payload group, every field rotated through every group."""
    sites, fields = [], {}
    for round_ in range(len(GROUPS)):
        root = tmp_path_factory.mktemp(f"hostile{round_}")
        for name in ("docs", "overrides", "hooks"):
            (root / name).symlink_to(ROOT / name)
        shutil.copytree(ROOT / "content_src", root / "content_src")
        for name in ("mkdocs.yml", "package.json"):
            shutil.copy(ROOT / name, root / name)
        fields = inject(root, round_)
        french = root / "content_src/locale/fr/LC_MESSAGES/guidance.po"
        french.parent.mkdir(parents=True)
        shutil.copy(FIXTURES / "locale-fr" / "guidance.po", french)
        # built as a council's copy of a release, so that every page's footer names the release
        # ("Sheets as published by <producer>, release <version>", and its translations, all hostile)
        (root / "release").mkdir()
        (root / "release" / "content").symlink_to(root / "content_src")
        (root / "release" / "manifest.json").write_text(json.dumps({"version": RELEASE}), encoding="utf-8")
        site = root / "site"
        result, messages = build_in_process(root / "mkdocs.yml", site, {"GUIDANCE_SITE_URL": SITE_URL,
                                                                        "GUIDANCE_LANGUAGES": LANGUAGES,
                                                                        "GUIDANCE_RELEASE": "release"})
        assert result.exit_code == 0, messages
        sites.append(site)
    return sites, fields


URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcset", "poster", "data", "xlink:href", "background",
                  "ping", "manifest", "codebase", "cite", "srcdoc"}
FETCHING = {"src", "srcset", "poster", "data", "background", "action", "formaction", "manifest", "codebase", "srcdoc"}
NEVER = {"iframe", "object", "embed", "base", "frame", "frameset", "applet", "audio", "video", "portal"}


def live_in_html(html: str, where: str, own_scripts: bool = True, own_hosts: tuple[str, ...] = (SITE_HOST,)) -> list[str]:
    """Everything in ``html`` that could run, fetch or navigate by itself, described; a fetch from
    ``own_hosts`` (the site's) is the site's own."""
    found = []
    soup = BeautifulSoup(html, "lxml")
    for element in soup.find_all(True):
        name = element.name.lower()
        if MARK in name or any(MARK in attribute for attribute in element.attrs):
            found.append(f"{where}: an element or attribute made from text: {str(element)[:120]}")
        if name in NEVER:
            found.append(f"{where}: <{name}>")
        if name == "script" and (not own_scripts or MARK in element.get_text() or "alert(" in element.get_text()):
            found.append(f"{where}: script {str(element)[:120]}")
        if name == "style" and MARK in element.get_text():
            found.append(f"{where}: style from text {str(element)[:120]}")
        if name == "meta" and element.get("http-equiv", "").lower() == "refresh" and "//" in element.get("content", ""):
            found.append(f"{where}: a refresh to another site {element}")
        for attribute, value in element.attrs.items():
            values = value if isinstance(value, list) else [value]
            text = " ".join(map(str, values)).strip()
            if attribute.lower().startswith("on"):
                found.append(f"{where}: event handler {attribute}={text[:80]!r} on <{name}>")
            if attribute.lower() in URL_ATTRIBUTES:
                scheme = re.sub(r"[\s\x00-\x20]", "", text).lower().split(":", 1)[0]
                if scheme in ("javascript", "vbscript") or (scheme == "data" and not (name == "img" and MARK not in text)):
                    found.append(f"{where}: {attribute}={text[:80]!r} on <{name}>")
                host = urlsplit(text).netloc if text.startswith(("http:", "https:", "//")) else ""
                fetches = attribute.lower() in FETCHING or (name == "link" and attribute == "href")
                if fetches and host and host.split(":")[0] not in own_hosts:
                    found.append(f"{where}: <{name} {attribute}> fetches from another host: {text[:80]}")
    if f"{MARK}1249" in soup.get_text() or f"{MARK}1349" in soup.get_text():
        found.append(f"{where}: template syntax in text was evaluated")
    return found


def live_in_file(path: Path, site: Path) -> list[str]:
    where = path.relative_to(site).as_posix()
    if path.suffix == ".html":
        return live_in_html(path.read_text(encoding="utf-8"), where)
    if path.name.startswith("search_index"):
        text = path.read_text(encoding="utf-8")
        data = json.loads(text[text.index("{"): text.rindex("}") + 1])
        # Material shows titles and texts of results as HTML: they must hold no element at all.
        return [f"{where}: {doc['location']}: markup in a search result {field[:80]!r}"
                for doc in data["docs"] for field in (doc["title"], doc["text"])
                if BeautifulSoup(f"<div>{field}</div>", "lxml").div.find(True) is not None]
    if path.suffix == ".xml":
        tree = etree.fromstring(path.read_bytes())  # well-formed, or this raises
        return [f"{where}: {element.tag}" for element in tree.iter() if MARK in str(element.tag)] + [
            f"{where}: an address from text {value}" for element in tree.iter() for value in
            [element.text or "", *element.attrib.values()] if MARK in value]
    if where in SCRIPTS_GIVEN_DATA:
        return live_in_script_given_data(path.read_text(encoding="utf-8"), where)
    if path.suffix in (".css", ".js", ".svg", ".txt", ".webmanifest") and MARK in path.read_text(encoding="utf-8", errors="replace"):
        return [f"{where}: text from the content inside a script, stylesheet or image"]
    return []


# Scripts the build gives text as data (served.scripts_given_data): the file ends "(", a new line,
# one JSON object, a new line and ");"; that JSON is the only place where text may be.
SCRIPTS_GIVEN_DATA = {PROGRESS_URI}
DATA_ESCAPED = "<>&\u2028\u2029"  # never in the JSON as they are: they could end the script or a line


def script_and_data(text: str) -> tuple[str, str]:
    """A script given data: its code, and the JSON text on its line before the last."""
    code, literal, closing, end = text.rsplit("\n", 3)
    assert code.endswith("(") and closing == ");" and end == "", text[-200:]
    return code, literal


def live_in_script_given_data(text: str, where: str) -> list[str]:
    code, literal = script_and_data(text)
    found = [f"{where}: text from the content in the script's code"] if MARK in code else []
    found += [f"{where}: {char!r} unescaped in the script's data" for char in DATA_ESCAPED if char in literal]
    data = json.loads(literal)
    if not (isinstance(data, dict) and all(isinstance(texts, dict) and all(isinstance(t, str) for t in texts.values())
                                           for texts in data.values())):
        found.append(f"{where}: the script's data is not strings by locale")
    return found


def test_every_payload_reached_every_text_field(hostile_sites):
    """The figures the issue asks for: payload kinds x fields tried."""
    _sites, fields = hostile_sites
    assert len(PAYLOADS) >= 25
    assert fields["sheet"] >= 100 and fields["site"] >= 5 and fields["profile"] >= 9 and fields["msgstr"] >= 200
    total = sum(fields.values())
    print(f"\n{len(PAYLOADS)} payload kinds x {total} text fields ({fields}) = {len(PAYLOADS) * total} tried")


def test_the_release_line_names_the_hostile_producer_as_text(hostile_sites):
    sites, _ = hostile_sites
    for site in sites:
        for page in ("index.html", "cy/index.html"):
            line = BeautifulSoup((site / page).read_text(encoding="utf-8"), "lxml").select_one(".gd-site-footer__release")
            assert MARK in line.get_text() and RELEASE in line.get_text(), line
            assert [tag.name for tag in line.find_all(True)] in ([], ["span"]), line  # text, or an English fallback


def test_no_output_file_holds_anything_live(hostile_sites):
    sites, _fields = hostile_sites
    found, scanned = [], 0
    for site in sites:
        for path in sorted(site.rglob("*")):
            if path.is_file():
                scanned += 1
                found += live_in_file(path, site)
    print(f"\n{scanned} files scanned in {len(sites)} sites; live payloads found: {len(found)}")
    assert found == []
    for site in sites:  # the Welsh catalogue's payloads reached the check-ins' strings, as data
        _code, literal = script_and_data((site / PROGRESS_URI).read_text(encoding="utf-8"))
        assert MARK in json.loads(literal)[facts_of("cy").browser_locale]["checkins-recorded"]
    page = (sites[0] / "cy" / "index.html").read_text(encoding="utf-8")
    assert f"alert(&#39;{MARK}" in page or f"alert('{MARK}" in BeautifulSoup(page, "lxml").get_text()


def fold(text: str) -> str:
    return " ".join(str(text).split())


INLINE = {"a", "span", "code", "em", "strong", "s"}  # what inline Markdown makes


def markup_beyond(element, allowed: set[str]) -> list[str]:
    """The elements inside ``element`` that text cannot have made."""
    return [str(e)[:80] for e in element.find_all(True) if e.name not in allowed]


def report_link_problems(link, where: str, email: str) -> list[str]:
    """"Report a problem": a mailto: link to exactly the profile's address, its subject the link's
    words, its body the page-address label the script is given and the page's full address."""
    if link is None:
        return [f"{where}: no Report a problem link"]
    href = urlsplit(link["href"])
    fields = parse_qs(href.query)
    problems = []
    if href.scheme != "mailto" or unquote(href.path) != email:
        problems.append(f"{where}: Report a problem goes to {link['href'][:100]!r}, not to {email!r}")
    if set(fields) != {"subject", "body"} or href.fragment:
        problems.append(f"{where}: Report a problem has the fields {sorted(fields)} and fragment {href.fragment!r}")
    elif fold(fields["subject"][0]) != page_text(link) or fields["body"][0] != " ".join(
            [link["data-gd-report"], *([] if where.endswith("404.html") else [f"{SITE_URL}{where.removesuffix('index.html')}"])]):
        problems.append(f"{where}: Report a problem's subject or body is not its text: {link['href'][:100]!r}")
    return problems


def furniture_problems(site: Path) -> tuple[list[str], list[str]]:
    """Every page's furniture against the profile and site.yml the site was built from: (the
    pages' languages, problems)."""
    yaml = YAML(typ="safe")
    profile = yaml.load(site.parent / "content_src/publishers/cavs.yml")
    site_texts = yaml.load(site.parent / "content_src/site.yml")
    problems: list[str] = []
    pages = [p for p in html_pages(site) if "assets" not in p.relative_to(site).parts]
    statements, languages = set(), []
    for path in pages:
        where = path.relative_to(site).as_posix()
        soup = parse(path)
        code = soup.html["lang"]
        languages.append(code)
        name = fold(profile["name"].get(code, profile["name"]["en"]))
        shown = {"header": soup.select_one("header .gd-header__name"), "footer": soup.select_one(".gd-site-footer__publisher")}
        problems += [f"{where}: the {part} does not name the publisher as its profile does" for part, element in shown.items()
                     if element is None or page_text(element) != name]
        if not fold(soup.title.get_text()).endswith(f" - {name}") and fold(soup.title.get_text()) != name:
            problems.append(f"{where}: the title does not end with the publisher's name")
        problems += report_link_problems(soup.select_one(".gd-site-footer a[data-gd-report]"), where, profile["email"])
        licence = soup.select_one(".gd-site-footer__licence")
        if licence is None or MARK not in licence.get_text() or markup_beyond(licence, INLINE):
            problems.append(f"{where}: the licence line is missing or holds markup: {str(licence)[:120]}")
        for link in soup.select("a[href^='mailto:']"):
            if unquote(urlsplit(link["href"]).path) != profile["email"]:
                problems.append(f"{where}: a mailto: link to {link['href'][:100]!r}")
        phones = {("".join(phone.split()), fold(phone)) for phone in (profile["phone"], site_texts["producer"]["phone"])}
        for link in soup.select("a[href^='tel:']"):
            if (unquote(link["href"].removeprefix("tel:")), page_text(link)) not in phones:
                problems.append(f"{where}: a tel: link {link['href'][:80]!r} that is not the profile's or the producer's phone")
        for time in soup.select("time"):
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", time.get("datetime", "")) or MARK in time.get_text():
                problems.append(f"{where}: a date that is not one: {str(time)[:120]}")
        crumbs = soup.select_one("nav.gd-breadcrumbs")
        if crumbs is not None and (MARK not in crumbs.get_text() or markup_beyond(crumbs, INLINE | {"ol", "li"})):
            problems.append(f"{where}: breadcrumbs with markup from text: {str(crumbs)[:120]}")
        contacts = soup.select(".gd-contact")
        if contacts:  # the printed sheet's foot: the publisher's block, then the producer's
            address = fold(profile["address"].get(code, profile["address"]["en"]))
            publisher_links = [a["href"] for a in contacts[0].select("a[href^='http']")]
            producer_links = [a["href"] for a in contacts[1].select("a[href^='http']")]
            if page_text(contacts[0].select_one(".gd-contact__name")) != name or \
                    page_text(contacts[0].select_one(".gd-contact__address")) != address:
                problems.append(f"{where}: the contact block does not show the profile's name and address as text")
            if publisher_links != [profile["website"]] or producer_links != [site_texts["producer"]["website"]]:
                problems.append(f"{where}: the contact blocks link to {publisher_links + producer_links}")
        statement = soup.select_one(".gd-site-footer__links a")
        if statement is None:
            problems.append(f"{where}: no link to the accessibility statement in the footer")
            continue
        statements.add((urlsplit(urljoin(f"{SITE_URL}{where}", statement["href"])).path.lstrip("/"), code, name))
    for where, code, name in sorted(statements):  # each language's accessibility statement
        path = site / (where + "index.html" if where.endswith("/") or not where else where)
        soup = parse(path)
        text = page_text(soup.select_one("article"))
        address = fold(profile["address"].get(code, profile["address"]["en"]))
        links = {a["href"] for a in soup.select("article a")}
        if name not in text or address not in text or fold(profile["email"]) not in text:
            problems.append(f"{where}: the statement does not show the profile's name, address and email as text")
        if profile["website"] not in links or not any(h.startswith("mailto:") for h in links):
            problems.append(f"{where}: the statement does not link to the profile's website and email")
    return languages, problems


def test_the_furniture_shows_every_profile_and_site_value_as_text_on_every_page(hostile_sites):
    sites, _fields = hostile_sites
    found, languages = [], []
    for site in sites:
        codes, problems = furniture_problems(site)
        languages += codes
        found += problems
    print(f"\n{len(languages)} pages' furniture checked in {len(sites)} sites ({LANGUAGES}); problems: {len(found)}")
    assert set(languages) == set(LANGUAGES.split(","))
    assert found == []


@pytest.mark.parametrize("field, address, carried", [("email", email, LOCAL_PARTS), ("website", web_address, WEB_PATHS)])
def test_every_payload_no_address_may_carry_is_refused_by_the_profile(field, address, carried):
    """The payloads the builds above leave out of an address: the profile refuses each in it."""
    accepted = []
    profile = YAML(typ="safe").load(ROOT / "content_src/publishers/cavs.yml")
    for text in ({address(p) for p in PAYLOADS} | {address(compact(p)) for p in PAYLOADS}) - {address(c) for c in carried}:
        try:
            Publisher.model_validate({**profile, field: text})
        except ValidationError as error:
            assert [e["loc"] for e in error.errors()] == [(field,)], text
        else:
            accepted.append(text)
    assert accepted == []


def test_the_scan_finds_text_in_a_script_given_data_outside_its_data():
    """The scanner fails a payload in the code of a script given data, or after its data, and data
    unescaped or not strings; a payload only inside the JSON, escaped, is data."""
    data = '{"xx":{"x":"\\u003cscript\\u003e' + MARK + '"}}'
    assert live_in_script_given_data(f"(e=>{{}})(\n{data}\n);\n", "s.js") == []
    for text in [f"(e=>{{const a='{MARK}'}})(\n{data}\n);\n", '(e=>{})(\n{"xx":{"x":"<b>"}}\n);\n',
                 '(e=>{})(\n{"xx":{"x":1}}\n);\n', f"(e=>{{}})(\n{data}\n);{MARK}\n"]:
        try:
            found = live_in_script_given_data(text, "s.js")
        except AssertionError:  # not the shape the build writes
            found = ["shape"]
        assert found, text


def test_the_scan_finds_live_markup_when_there_is_some():
    """The scanner itself can fail: each kind of live markup it looks for is caught."""
    for html in [f"<p><img src=x onerror=alert('{MARK}')></p>", "<script>alert(1)</script>",
                 "<a href=' javascript:alert(1)'>x</a>", "<iframe src='/x'></iframe>",
                 "<img src='https://tracker.example/x.png'>", f"<p>{MARK}1249</p>",
                 "<link rel=stylesheet href='https://tracker.example/x.css'>"]:
        assert live_in_html(html, "test"), html


def pages_of(site: Path, every: bool) -> list[str]:
    """Every page a reader can open (each language's home, sheets, comparisons, 404 and hand-written
    pages); or, for the other payload rounds, every page but the hand-written ones after the first,
    which show no content beyond the header and footer every page has."""
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                   if "assets" not in p.parts and "<meta http-equiv=\"refresh\"" not in p.read_text(encoding="utf-8"))
    written = [page for page in pages if page.split("/")[-2:-1] and page.split("/")[-2] in WRITTEN]
    return pages if every else [page for page in pages if page not in written[1:]]


def watch(page, problems: list[str]) -> None:
    """Any dialog, page error or request to another host on ``page`` added to ``problems``."""
    page.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("request", lambda request: urlsplit(request.url).hostname not in ("127.0.0.1", None)
            and not request.url.startswith(("data:", "blob:"))
            and problems.append(f"request to another host: {request.url}"))


def test_pages_run_nothing_and_fetch_nothing_from_elsewhere_in_chromium(hostile_sites, browser):
    """No CSP here: the pages alone must be safe. Search results (shown as HTML) are opened too."""
    sites, _fields = hostile_sites
    problems, opened, searched = [], 0, 0
    for site in sites:
        url, server = serve(site)
        context = browser.new_context(viewport={"width": 390, "height": 844})
        page = context.new_page()
        watch(page, problems)
        try:
            for path in pages_of(site, every=site == sites[0]):
                try:
                    page.goto(f"{url}/{path}")
                except PlaywrightError as error:  # a page that navigates away by itself, say
                    problems.append(f"{path}: {str(error).splitlines()[0]}")
                opened += 1
            for home in ("index.html", "cy/index.html"):  # results are shown as HTML: search for the payloads
                page.goto(f"{url}/{home}")
                page.locator(".md-search__input").focus()  # opens the search, as "/" does
                page.locator(".md-search__input").press_sequentially(MARK, delay=20)
                # the count replaces the placeholder once the index has answered; which payloads a
                # language's indexed texts hold depends on the rotation, so not every search finds one
                page.wait_for_function("!/^(Type to start searching|Teipiwch i ddechrau chwilio)$/.test("
                                       "document.querySelector('.md-search-result__meta').textContent.trim())",
                                       timeout=10_000)
                page.wait_for_timeout(300)
                searched += page.locator(".md-search-result__item").count()
        finally:
            context.close()
            server.shutdown()
    print(f"\n{opened} pages opened in Chromium without a CSP; problems: {len(problems)}")
    assert searched > 0, "no search found a payload to show"
    assert problems == []


def shown_marks(text: str) -> list[str]:
    """The numbered marks that end each hostile msgstr ("gdpwn-msgstr-12") in ``text``."""
    return re.findall(rf"{MARK}-msgstr-\d+", text)


def test_the_check_ins_and_results_show_hostile_strings_as_text_in_chromium(hostile_sites, browser):
    """The progress script, loaded once a question is answered, writes the Welsh catalogue's hostile
    strings (given to it as data) into the page: each group's result, a check-in recorded, a second
    one and what changed, deleting one asked, the reminder and its calendar file, the printed
    summary and a file refused. Each string is there as text, and nothing runs, nothing is fetched
    from elsewhere, no element is made of text."""
    sites, _fields = hostile_sites
    problems, checked = [], 0
    for site in sites:
        _code, literal = script_and_data((site / PROGRESS_URI).read_text(encoding="utf-8"))
        strings = json.loads(literal)[facts_of("cy").browser_locale]
        path = next(p.relative_to(site).as_posix() for p in sorted((site / "cy").rglob("*.html"))
                    if f"{NAMES.checkins_script}=" in p.read_text(encoding="utf-8"))
        url, server = serve(site)
        context = browser.new_context(accept_downloads=True)
        page = context.new_page()
        page.add_init_script("window.print = () => {};")
        watch(page, problems)
        try:
            page.goto(f"{url}/{path}")
            main = page.locator(f"[{NAMES.checklist}]").first
            main.locator("input[type=radio]").nth(0).check()
            page.wait_for_function(f"typeof window[{json.dumps(NAMES.checkins_ready)}] === 'function'")
            part = main.locator(".gd-sc__checkins")
            record = part.locator(".gd-sc__actions button").first
            say = main.locator("[aria-live=polite]")
            record.click()
            expect(say).to_contain_text(shown_marks(strings["checkins-recorded"])[0])
            main.locator("input[type=radio]").nth(1).check()
            record.click()
            expect(part.locator("select option")).to_have_count(2)
            part.locator("select").select_option(index=1)
            expect(part.locator("h4")).to_contain_text(shown_marks(strings["changes-heading"])[0])
            part.locator(".gd-sc__button--secondary").nth(0).click()  # Delete this check-in: asks first
            expect(part.locator(".gd-sc__confirm p")).to_contain_text(shown_marks(strings["checkins-delete-confirm"])[0])
            part.locator(".gd-sc__actions button").nth(1).click()  # Remind me to check again
            with page.expect_download() as download:
                part.locator(".gd-sc__remind > button").click()
            calendar_file = Path(download.value.path()).read_bytes().decode("utf-8")  # its CRLF kept, to unfold its lines
            text = main.inner_text()
            for key in ("checkins-kept-two", "checkins-choose", "remind-legend", "remind-hint", "remind-done"):
                if not all(mark in text for mark in shown_marks(strings[key])):
                    problems.append(f"{path}: {key} not shown as text")
            own_actions = main.locator(".gd-sc__actions").first.locator("button")
            own_actions.first.click()  # Print my answers: the summary, made by the progress script
            report = page.locator("body > .gd-sc__report")
            expect(report).to_contain_text(shown_marks(strings["printed"])[0])
            main.locator("input[type=file]").set_input_files(files=[{"name": "x.json", "mimeType": "application/json", "buffer": b"{}"}])
            expect(main.get_by_role("status")).to_contain_text(shown_marks(strings["bad-file"])[0])
            if not shown_marks(strings["remind-title"])[0] in calendar_file.replace("\r\n ", ""):
                problems.append(f"{path}: the calendar file's title is not the Welsh string")
            problems += live_in_html(page.content(), path, own_hosts=(SITE_HOST, urlsplit(url).hostname))
            checked += 1
        finally:
            context.close()
            server.shutdown()
    print(f"\ncheck-ins used on {checked} Welsh sheet pages with hostile strings; problems: {len(problems)}")
    assert checked == len(sites) and problems == []


def test_report_a_problem_keeps_the_address_when_its_script_runs_in_chromium(hostile_sites, browser):
    """chrome.js puts the address the reader is on into the email's body at the click: the
    publisher's address and the subject stay as the build wrote them, in every language."""
    sites, _fields = hostile_sites
    problems, clicked = [], 0
    for site in sites:
        email = YAML(typ="safe").load(site.parent / "content_src/publishers/cavs.yml")["email"]
        url, server = serve(site)
        context = browser.new_context()
        page = context.new_page()
        try:
            for home in [f"{code}/index.html" if code != "en" else "index.html" for code in LANGUAGES.split(",")]:
                page.goto(f"{url}/{home}")
                page.evaluate("document.addEventListener('click', event => event.preventDefault())")  # no email program here
                link = page.locator("a[data-gd-report]")
                subject = parse_qs(urlsplit(link.get_attribute("href")).query)["subject"]
                link.click()
                href = urlsplit(link.get_attribute("href"))
                fields = parse_qs(href.query)
                body = f"{link.get_attribute('data-gd-report')} {page.url}"
                if unquote(href.path) != email or fields != {"subject": subject, "body": [body]}:
                    problems.append(f"{home}: {link.get_attribute('href')[:160]}")
                clicked += 1
        finally:
            context.close()
            server.shutdown()
    print(f"\n'Report a problem' clicked on {clicked} pages; problems: {len(problems)}")
    assert clicked == len(sites) * len(LANGUAGES.split(",")) and problems == []
