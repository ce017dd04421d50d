"""MkDocs adapter: hands the core's generated pages to MkDocs and Material, nothing more.

Every event below is a few lines; the work is done in the ``guidance`` package, which does not
import MkDocs. State lives in ``_build`` for one build only: ``mkdocs serve`` keeps this module
loaded between builds (it runs it again only when the core changed, see on_config), and
``on_pre_build`` replaces it each time. What outlives a build is the process's: whether the site
folder is kept (``_incremental``, from on_startup) and whether its heap was settled; the record
of the site folder itself is the core's (guidance/site/site_folder.py).
"""

from __future__ import annotations

import copy
import gc
import gzip
import logging
import os
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import urlsplit

from jinja2 import Environment
from markupsafe import escape

from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils.templates import TemplateContext

if TYPE_CHECKING:  # names for types only: mkdocs.livereload (a web server, watchdog, ssl) is not loaded by a build
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.toc import _TocToken  # the shape get_toc reads; MkDocs does not export it

CORE = Path(__file__).resolve().parents[1]  # the guidance package


def _forget_changed_core() -> bool:
    """Whether a file of the core changed since it was imported; if so, it is forgotten, so that
    the next import reads it anew (Python would keep the old one for the life of the process)."""
    stamp = _core_stamp()
    loaded = sys.modules.get("guidance")
    changed = loaded is not None and getattr(loaded, "_source_stamp", stamp) != stamp
    if changed:
        for name in [n for n in sys.modules if n == "guidance" or n.startswith("guidance.")]:
            del sys.modules[name]
    return changed


def _core_stamp() -> list[tuple[str, int, int]]:
    return sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in CORE.rglob("*.py"))


_forget_changed_core()
if str(CORE.parent) not in sys.path:  # MkDocs puts only this file's folder on the path while it loads it
    sys.path.insert(0, str(CORE.parent))

import guidance  # noqa: E402
from guidance.site.build import SiteBuild, build_site  # noqa: E402
from guidance.disk_cache import keep_compiled, shared  # noqa: E402
from guidance.site.facts import tool_versions  # noqa: E402
from guidance.site.generator import CHECKERS, completed  # noqa: E402
from guidance.components.handout.handout import DOWNLOADS  # noqa: E402
from guidance.language import SOURCE  # noqa: E402
from guidance.memo import digest, keep_between_builds, text_digest  # noqa: E402
from guidance.problems import ContentError  # noqa: E402
from guidance.site.render import interface, mark_fallbacks, marked_text  # noqa: E402
from guidance.site.settings import Settings, settings_from  # noqa: E402
from guidance.site.site_folder import site_folder  # noqa: E402
from guidance.site.stylesheet import SITE_STYLESHEET  # noqa: E402

guidance._source_stamp = _core_stamp()  # type: ignore[attr-defined]

SHIM = "assets/vendor/iframe-worker/shim.js"


@dataclass
class _Theme:
    """The theme's Jinja environment and navigation, for the pages rendered after the build."""

    env: Environment | None = None
    nav: Navigation | None = None
    pages: dict[str, Page] = field(default_factory=dict)  # the navigation's pages by source name, for previous and next
    files: Files | None = None


_build: SiteBuild | None = None
_theme = _Theme()
# `mkdocs serve --dirty` (scripts/serve): the site folder is kept between builds and only what
# changed is written (see _plan_writes). Set once per process by on_startup, kept across reloads.
_incremental = False
_heap_settled = False  # see _settle_heap_when_idle; False again when the core is reloaded


def _current() -> SiteBuild:
    """This build's state. MkDocs runs on_pre_build, which makes it, before every event that reads it."""
    if _build is None:
        raise PluginError("guidance: the site was not prepared (on_pre_build did not run before this event)")
    return _build


def _context(context: TemplateContext) -> dict[str, Any]:
    """The theme's context as the plain dictionary it is: our templates read keys that MkDocs'
    TemplateContext does not declare (``_``, ``alternates``, ``page_language`` and others)."""
    return cast(dict[str, Any], context)


def _settings(config: MkDocsConfig) -> Settings:
    config_file = Path(config.config_file_path)
    try:
        return settings_from(config.extra, config_file.parent, config.theme.custom_dir,
                             config.use_directory_urls, site_url=config.site_url or "", config_file=config_file,
                             docs_dir=config.docs_dir)
    except ContentError as error:
        raise PluginError(str(error)) from None


class _DirtyBuildNotice(logging.Filter):
    """MkDocs warns that a dirty build may leave links and navigation stale, which the strict
    setting turns into an error; under scripts/serve the hooks decide what is rebuilt, from keys
    that hold every page's inputs, so the warning does not apply."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


# How often `mkdocs serve` looks for saved files in the folders mkdocs.yml's `watch` names
# (content_src, hooks, overrides). MkDocs polls every 0.5 s, a quarter of a second of waiting on
# average after each save; a poll of those folders costs a few milliseconds.
SERVE_POLL_SECONDS = 0.2


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., None]) -> LiveReloadServer:
    """The folders watched from here on (mkdocs.yml's `watch`, added after this event) are polled
    every SERVE_POLL_SECONDS: watchdog gives each folder's poller the observer's interval when the
    folder is added. MkDocs offers no setting for it."""
    server.observer._timeout = SERVE_POLL_SECONDS
    return server


def on_startup(command: str, dirty: bool) -> None:
    """Only `mkdocs serve` builds again in the same process: it keeps the core's work between
    builds (memo.py); a single `mkdocs build` frees each result as soon as it is used. Under
    `mkdocs serve --dirty` (scripts/serve) the site folder is kept too (_plan_writes)."""
    global _incremental
    keep_between_builds(command == "serve")
    _incremental = command == "serve" and dirty
    if _incremental:
        logging.getLogger("mkdocs.commands.build").addFilter(_DirtyBuildNotice())


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """The ``offline`` variant opens from disk (a zip, a memory stick): pages as ``name.html``, a
    worker shim so that search runs from ``file://`` (Material's offline plugin, minus its CDN), and
    no instant navigation, which cannot fetch from disk and would stop every page script there.

    `mkdocs serve` loads the configuration again for every rebuild, but keeps this module: when
    the core changed, this module runs again, which imports the new core and rebinds every name
    the events use, so an edit to the core shows without restarting the server."""
    global _incremental
    if _forget_changed_core():
        this = sys.modules[__name__]
        assert this.__spec__ is not None and this.__spec__.loader is not None  # MkDocs loads hooks from a file spec
        incremental = _incremental  # on_startup runs once per process, not after a reload
        path = sys.path.copy()
        try:
            this.__spec__.loader.exec_module(this)
        finally:
            sys.path[:] = path
        _incremental = incremental
    config.theme.static_templates.discard("sitemap.xml")  # on_post_build writes one per language
    if _settings(config).options.offline:
        config.use_directory_urls = False
        config.extra["polyfills"] = [*config.extra.get("polyfills", []), SHIM]
        config.theme["features"] = [f for f in config.theme["features"] if not f.startswith("navigation.instant")]
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    """Load, validate and render everything before MkDocs touches the site folder."""
    global _build, _theme
    _build, _theme = None, _Theme()
    settings = _settings(config)
    docs = Path(config.docs_dir)
    try:
        build = build_site(settings.content_dir, settings.publisher_file, settings.options)
        if clashes := build.clashes({p.relative_to(docs).as_posix() for p in docs.rglob("*.md")}, docs.name):
            raise ContentError(clashes)
    except ContentError as error:
        raise PluginError(str(error)) from None
    if not build.tools:  # a copy's come from its release; the project's from the package's package.json
        build.tools = tool_versions(CHECKERS)
    if build.brand.logo:
        config.theme["logo"] = build.brand.logo_uri
    _build = build


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    _theme.nav = nav
    _theme.pages = {p.file.src_uri: p for p in nav.pages}
    return nav


def on_files(files: Files, config: MkDocsConfig) -> Files:
    build = _current()
    for spec in build.pages:
        files.append(File.generated(config, spec.src_uri, content=""))
    files.append(File.generated(config, SITE_STYLESHEET, content=build.stylesheet))
    for uri, text in build.files.items():
        files.append(File.generated(config, uri, content=text))
    if build.brand.logo:
        files.append(File.generated(config, build.brand.logo_uri, content=build.brand.logo_data))
    pdf_dir = build.handouts.pdf_dir
    for pdf in sorted(pdf_dir.glob("*.pdf")) if pdf_dir else ():
        files.append(File.generated(config, f"{DOWNLOADS}/{pdf.name}", abs_src_path=str(pdf)))
    for uri, path in build.downloads().items():
        files.append(File.generated(config, uri, abs_src_path=str(path)))
    written = [f for f in files.documentation_pages() if not build.page(f.src_uri)]
    plan = build.add_documents([f.src_uri for f in written])
    for uri, source in plan.fallbacks.items():
        files.append(File.generated(config, uri, content=_file(files, source).content_string))
    for uri in plan.dropped:
        files.remove(_file(files, uri))
    for file in files.documentation_pages():  # every page where the site's URL rules put it
        where = build.address(file.src_uri)
        file.dest_uri, file.url = build.urls.file_of(where.url), where.url
        if _incremental:  # every page is read (titles, outlines, search entries); on_env says which are written
            file.is_modified = _answer(True)  # type: ignore[method-assign]
    _theme.files = files
    return files


def _file(files: Files, uri: str) -> File:
    """A page the build's plan names: one of ``docs/``, so MkDocs has it."""
    file = files.get_file_from_path(uri)
    if file is None:
        raise PluginError(f"guidance: {uri} is not among MkDocs' files")
    return file


# MkDocs renders the theme without autoescaping: content text that reaches the theme as a title,
# a description or a table-of-contents entry is escaped here, where it crosses over.

def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    """A generated page arrives as finished HTML: no Python-Markdown instance is made for it."""
    if _current().page(page.file.src_uri) is not None:
        page.render = lambda config, files: _no_markdown(page)  # type: ignore[method-assign]
    return page


def _no_markdown(page: Page) -> None:
    """What ``Page.render`` leaves for an empty Markdown source; on_page_content fills it in."""
    page.content, page.toc, page.present_anchor_ids = "", get_toc([]), set()


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    build = _current()
    meta = build.meta_for(page.file.src_uri)
    page.meta.update({key: escape(value) if key in ("title", "description", "trail") else value for key, value in meta.items()})
    if build.page(page.file.src_uri):
        return ""
    try:
        return build.written_markdown(page.file.src_uri, markdown, f"{Path(config.docs_dir).name}/{page.file.src_path}")
    except ContentError as error:
        raise PluginError(str(error)) from None


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    build = _current()
    spec = build.page(page.file.src_uri)
    if spec is None:
        build.add_written_page(page.file.src_uri, page.title or "", html)
        return build.fallback_page(page.file.src_uri, html)
    # The h1 heads the outline, as on a Markdown page: Material's skip link goes to the outline's
    # first entry (the start of the main content), and its outline lists the h1's children.
    sections: list[_TocToken] = [{"level": e.level, "id": e.id, "name": marked_text(e.title, e.lang, spec.lang),
                                  "children": []} for e in spec.toc]
    page.toc = get_toc([{"level": 1, "id": spec.heading_id, "name": page.title or "", "children": sections}]
                       if spec.heading_id else sections)
    return ""  # the HTML is handed over in on_page_context, when MkDocs writes this page


def _localise(context: TemplateContext, config: MkDocsConfig, code: str) -> TemplateContext:
    """The theme's context in one language: site name, interface strings, the language's root
    (its home page, search index and sitemap), and the table's row for it."""
    build = _current()
    language = build.language(code)
    localised = copy.copy(config)
    localised["site_name"] = escape(build.site_name(language.code))
    context["config"] = localised
    theme = _context(context)
    theme["_"] = lambda message: escape(interface(language, message))  # a translation is text, never markup
    theme["page_language"] = language.facts
    theme["theme_fallback"] = SOURCE.code  # Material's strings where its own for the language lack one
    root = build.urls.root(code)
    base = context["base_url"].rstrip("/")
    theme["language_base"] = f"{base}/{root}" if root else context["base_url"]
    theme["language_home"] = build.urls.home(code)
    theme["language_root"] = root
    theme["report"] = build.report_link(language.code, None)  # a page's own names it (on_page_context)
    theme["written_pages"] = build.document_urls(code)
    theme["licence"] = build.licence(code)
    theme["release_line"] = build.release_line(code)
    return context


def _not_found(context: TemplateContext, config: MkDocsConfig, code: str) -> TemplateContext:
    """A 404 page: its language's context, and a toggle to each language's home page."""
    _context(context)["alternates"] = _current().not_found_alternates(code)
    return _localise(context, config, code)


def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    """Give the theme the page's own language: site name, interface strings, the other pages,
    and previous and next pages in the same language."""
    build = _current()
    uri = page.file.src_uri
    if spec := build.page(uri):
        page.content = spec.html  # held by the page only while it is written (see on_post_page)
    code = build.language_of(uri).code
    _localise(context, config, code)
    _context(context)["report"] = build.report_link(code, build.address(uri).url)
    alternates = build.alternates(uri)
    _context(context).update(alternates=alternates,
                             x_default=next((a for a in alternates if a.facts.code == build.urls.main), None))
    pages = _theme.pages
    before, after = build.neighbours(uri)
    page.previous_page, page.next_page = pages.get(before or ""), pages.get(after or "")
    return context


def on_template_context(context: TemplateContext, template_name: str, config: MkDocsConfig) -> TemplateContext:
    """The 404 page MkDocs renders is the main language's."""
    return _not_found(context, config, _current().urls.main) if template_name == "404.html" else context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Interface strings not yet translated, marked as English where they are text. A generated
    page lets go of its HTML once written: MkDocs keeps every page until the build ends, and
    the core holds it compressed."""
    if _current().page(page.file.src_uri):
        page.content = ""
    return mark_fallbacks(output)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    return mark_fallbacks(output)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """The theme's templates compiled from the Python Jinja made of them in an earlier build, when
    they read the same (guidance/disk_cache.py)."""
    keep_compiled(env, shared())
    _theme.env = env
    if _incremental:
        _plan_writes(env, config, files)
    return env


def _plan_writes(env: Environment, config: MkDocsConfig, files: Files) -> None:
    """Under scripts/serve, before MkDocs writes anything: each page and file is written only if
    its key differs from the one of the file in the site folder (guidance/site/site_folder.py). A
    page's key holds everything the theme reads for it: the settings, the navigation (every
    page's title, address and front matter), its language's strings, and the page's own content,
    title, outline, neighbours and alternates; any theme template changed rewrites every page."""
    build = _current()
    folder = site_folder(Path(config.site_dir))
    folder.begin()
    assert env.loader is not None  # MkDocs' theme environment loads from the theme's folders
    templates_changed = folder.templates_changed(env, env.loader)
    site = digest(sorted(config.items()), _nav_signature(_theme.nav.items if _theme.nav else []),
                  [(f.src_uri, f.url) for f in files.documentation_pages()])
    languages = {code: _language_signature(config, code) for code in build.languages}
    pages = {f.dest_uri: _page_key(f.page, site, languages[build.language_of(f.src_uri).code], folder.digest_of)
             for f in files.documentation_pages() if f.page is not None}
    others = {f.dest_uri: _file_key(f) for f in files if not f.is_documentation_page()}
    chosen = folder.to_write(pages, everything=templates_changed) | folder.to_write(others)
    for file in files:
        file.is_modified = _answer(file.dest_uri in chosen)  # type: ignore[method-assign]


def _settle_heap_when_idle() -> None:
    """Under scripts/serve, a second after the first build (and after each reload of the core):
    garbage collected once and what is left frozen (``gc.freeze``), so that Python's full
    collections no longer walk every result kept between builds; one fell in about every other
    rebuild at 200 sheets and took 0.3-0.4 s of it. A frozen object is still freed when nothing
    refers to it; only garbage in reference cycles among them waits for the next reload."""
    global _heap_settled
    if _heap_settled:
        return
    _heap_settled = True

    def settle() -> None:
        gc.unfreeze()
        gc.collect()
        gc.freeze()

    timer = threading.Timer(1.0, settle)
    timer.daemon = True
    timer.start()


def _answer(written: bool) -> Callable[[], bool]:
    return lambda: written


def _nav_signature(items: list[Any]) -> list[Any]:
    return [(type(i).__name__, i.title, getattr(i, "url", None), getattr(i, "meta", None),
             _nav_signature(getattr(i, "children", None) or [])) for i in items]


def _language_signature(config: MkDocsConfig, code: str) -> str:
    """What _localise gives the theme for a language; its strings (``_``) by their digest."""
    theme = _context(_localise(cast(TemplateContext, {"base_url": ""}), config, code))
    values = sorted((k, v) for k, v in theme.items() if k not in ("config", "_"))
    return digest(values, sorted(theme["config"].items()), _current().interface_versions.get(code, ""))


def _page_key(page: Page, site: str, language: str, digest_of: Callable[[str | bytes], str]) -> str:
    build = _current()
    uri = page.file.src_uri
    neighbours = [(p.url, p.title) if p else None for p in (_theme.pages.get(n or "") for n in build.neighbours(uri))]
    spec = build.page(uri)  # a generated page's HTML reaches it only in on_page_context
    content = digest_of(spec.packed_html if spec else page.content or "")
    return digest(site, language, uri, page.url, page.canonical_url, page.edit_url, page.title, page.meta,
                  content, _toc_signature(page.toc), neighbours, build.alternates(uri))


def _toc_signature(items: Any) -> list[Any]:
    return [(i.title, i.id, i.level, _toc_signature(i.children)) for i in items]


def _file_key(file: File) -> str:
    """A file MkDocs copies: by its source's name, time and size; one made by the build: by its bytes."""
    if file.abs_src_path is None:
        return text_digest(file.content_bytes)
    stat = os.stat(file.abs_src_path)
    return digest(file.abs_src_path, stat.st_mtime_ns, stat.st_size)


def on_post_build(config: MkDocsConfig) -> None:
    """Each language's search index (written from the content model), sitemap and 404 page (MkDocs
    renders the main language's), and a redirect page at each old address."""
    build = _current()
    site_dir = Path(config.site_dir)
    search = build.search_files()  # each file's text made as it is written (2 MB a language at 200 sheets)
    files = {**build.sitemap_files(), **build.redirect_files()}
    base_url = urlsplit(config.site_url or "/").path
    for code, path in build.not_found_pages().items():
        if code != build.urls.main and (site_dir / "404.html").exists():
            if _theme.env is None or _theme.nav is None:
                raise PluginError("guidance: the theme's environment or navigation is missing for the 404 pages")
            context = get_context(_theme.nav, Files([]), config, base_url=base_url)
            files[path] = mark_fallbacks(_theme.env.get_template("404.html").render(_not_found(context, config, code)))
    written: dict[str, str | bytes] = {**files, "sitemap.xml.gz": gzip.compress(files["sitemap.xml"].encode("utf-8"), mtime=0)}
    if _incremental:
        written = {**{path: "".join(pieces()) for path, pieces in search.items()}, **written}
        folder = site_folder(site_dir)
        folder.write(written)
        built = {f.dest_uri for f in _theme.files or [] if f.inclusion.is_in_serve()}  # type: ignore[no-untyped-call]
        folder.remove_others(built | set(written) | set(config.theme.static_templates))
        folder.finish()
        _settle_heap_when_idle()
        return
    for path, pieces in search.items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("w", encoding="utf-8") as file:
            file.writelines(pieces())
    for path, text in written.items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, str):
            target.write_text(text, encoding="utf-8")
        else:
            target.write_bytes(text)


def run(command: str, config_file: Path, site_dir: Path | None = None, *, quiet: bool = False,
        dev_addr: str | None = None) -> int:
    """``guidance build`` and ``guidance serve``: MkDocs' strict, clean build or its server (which
    keeps the site folder, --dirty) for a site folder, its mkdocs.yml completed with the shared
    configuration; 1 after any error, which MkDocs or the core has said once."""
    from mkdocs.__main__ import ColorFormatter
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    logger, handler = logging.getLogger("mkdocs"), logging.StreamHandler()
    handler.setFormatter(ColorFormatter())
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING if quiet else logging.INFO)
    try:
        options = completed(config_file)
        if command == "serve":
            from mkdocs.commands.serve import serve
            serve(str(config_file), build_type="dirty", dev_addr=dev_addr, **options)
            return 0
        config = load_config(str(config_file), **{**options, "site_dir": str(site_dir), "strict": True})
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except ContentError as error:
        logger.error(str(error))
        return 1
    except MkDocsException as error:
        if str(error):
            logger.error(str(error))
        return 1
    finally:
        logger.removeHandler(handler)
    return 0

