"""MkDocs adapter: hands the core's generated pages to MkDocs and Material, nothing more.

Every event below is a few lines; the work is done in the ``guidance`` package, which does not
import MkDocs. State lives in ``_build`` for one build only: ``mkdocs serve`` keeps this module
loaded between builds (it runs it again only when the core changed, see on_config), and
``on_pre_build`` replaces it each time.
"""

from __future__ import annotations

import copy
import gzip
import sys
from dataclasses import dataclass
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

if TYPE_CHECKING:
    from mkdocs.structure.toc import _TocToken  # the shape get_toc reads; MkDocs does not export it

CORE = Path(__file__).parent / "guidance"


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

import guidance  # noqa: E402
from guidance.build import SiteBuild, build_site  # noqa: E402
from guidance.facts import tool_versions  # noqa: E402
from guidance.handout import DOWNLOADS  # noqa: E402
from guidance.language import SOURCE  # noqa: E402
from guidance.memo import keep_between_builds  # noqa: E402
from guidance.problems import ContentError  # noqa: E402
from guidance.render import interface, mark_fallbacks, marked_text  # noqa: E402
from guidance.settings import Settings, settings_from  # noqa: E402
from guidance.stylesheet import SITE_STYLESHEET  # noqa: E402

guidance._source_stamp = _core_stamp()  # type: ignore[attr-defined]

SHIM = "assets/vendor/iframe-worker/shim.js"


@dataclass
class _Theme:
    """The theme's Jinja environment and navigation, for the pages rendered after the build."""

    env: Environment | None = None
    nav: Navigation | None = None
    pages: dict[str, Page] | None = None  # the navigation's pages by source name, for previous and next


_build: SiteBuild | None = None
_theme = _Theme()


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
                             config.use_directory_urls, site_url=config.site_url or "", config_file=config_file)
    except ContentError as error:
        raise PluginError(str(error)) from None


def on_startup(command: str, dirty: bool) -> None:
    """Only `mkdocs serve` builds again in the same process: it keeps the core's work between
    builds (memo.py); a single `mkdocs build` frees each result as soon as it is used."""
    keep_between_builds(command == "serve")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """The ``offline`` variant opens from disk (a zip, a memory stick): pages as ``name.html``, a
    worker shim so that search runs from ``file://`` (Material's offline plugin, minus its CDN), and
    no instant navigation, which cannot fetch from disk and would stop every page script there.

    `mkdocs serve` loads the configuration again for every rebuild, but keeps this module: when
    the core changed, this module runs again, which imports the new core and rebinds every name
    the events use, so an edit to the core shows without restarting the server."""
    if _forget_changed_core():
        this = sys.modules[__name__]
        assert this.__spec__ is not None and this.__spec__.loader is not None  # MkDocs loads hooks from a file spec
        sys.path.insert(0, str(CORE.parent))  # as MkDocs has it while it loads a hook
        try:
            this.__spec__.loader.exec_module(this)
        finally:
            sys.path.remove(str(CORE.parent))
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
    build.tools = tool_versions(Path(config.config_file_path).parent / "package.json")
    if build.brand.logo:
        config.theme["logo"] = build.brand.logo_uri
    _build = build


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    _theme.nav = nav
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
    written = [f for f in files.documentation_pages() if not build.page(f.src_uri)]
    plan = build.add_documents([f.src_uri for f in written])
    for uri, source in plan.fallbacks.items():
        files.append(File.generated(config, uri, content=_file(files, source).content_string))
    for uri in plan.dropped:
        files.remove(_file(files, uri))
    for file in files.documentation_pages():  # every page where the site's URL rules put it
        where = build.address(file.src_uri)
        file.dest_uri, file.url = build.urls.file_of(where.url), where.url
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
    theme["publisher_email"] = build.project.publisher.email
    theme["licence"] = build.licence(code)
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
    _localise(context, config, build.language_of(uri).code)
    alternates = build.alternates(uri)
    _context(context).update(alternates=alternates,
                             x_default=next((a for a in alternates if a.facts.code == build.urls.main), None))
    if _theme.pages is None:
        _theme.pages = {p.file.src_uri: p for p in nav.pages}
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
    _theme.env = env
    return env


def on_post_build(config: MkDocsConfig) -> None:
    """Each language's search index (written from the content model), sitemap and 404 page (MkDocs
    renders the main language's), and a redirect page at each old address."""
    build = _current()
    site_dir = Path(config.site_dir)
    files = {**build.search_files(), **build.sitemap_files(), **build.redirect_files()}
    base_url = urlsplit(config.site_url or "/").path
    for code, path in build.not_found_pages().items():
        if code != build.urls.main and (site_dir / "404.html").exists():
            if _theme.env is None or _theme.nav is None:
                raise PluginError("guidance: the theme's environment or navigation is missing for the 404 pages")
            context = get_context(_theme.nav, Files([]), config, base_url=base_url)
            files[path] = mark_fallbacks(_theme.env.get_template("404.html").render(_not_found(context, config, code)))
    for path, text in files.items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    main_sitemap = files["sitemap.xml"]
    (site_dir / "sitemap.xml.gz").write_bytes(gzip.compress(main_sitemap.encode("utf-8"), mtime=0))
