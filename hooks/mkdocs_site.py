"""MkDocs adapter: hands the core's generated pages to MkDocs and Material, nothing more.

Every event below is a few lines; the work is done in the ``guidance`` package, which does not
import MkDocs. State lives in ``_build`` for one build only: ``mkdocs serve`` keeps this module
loaded between builds, and ``on_pre_build`` replaces it each time.
"""

from __future__ import annotations

import copy
import gzip
from pathlib import Path
from urllib.parse import urlsplit

from markupsafe import escape

from mkdocs.commands.build import get_context
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc

from guidance.build import SiteBuild, build_site
from guidance.facts import tool_versions
from guidance.handout import DOWNLOADS
from guidance.language import SOURCE
from guidance.problems import ContentError
from guidance.render import interface, mark_fallbacks, marked_text
from guidance.settings import settings_from
from guidance.stylesheet import SITE_STYLESHEET

_build: SiteBuild | None = None
_theme: dict = {}  # the theme's Jinja environment and navigation, for pages rendered after the build
SHIM = "assets/vendor/iframe-worker/shim.js"


def _settings(config):
    config_file = Path(config.config_file_path)
    try:
        return settings_from(config.extra, config_file.parent, config.theme.custom_dir,
                             config.use_directory_urls, site_url=config.site_url or "", config_file=config_file)
    except ContentError as error:
        raise PluginError(str(error)) from None


def on_config(config):
    """The ``offline`` variant opens from disk (a zip, a memory stick): pages as ``name.html``, a
    worker shim so that search runs from ``file://`` (Material's offline plugin, minus its CDN), and
    no instant navigation, which cannot fetch from disk and would stop every page script there."""
    if _settings(config).options.offline:
        config.use_directory_urls = False
        config.extra["polyfills"] = [*config.extra.get("polyfills", []), SHIM]
        config.theme["features"] = [f for f in config.theme["features"] if not f.startswith("navigation.instant")]
    return config


def on_pre_build(config) -> None:
    """Load, validate and render everything before MkDocs touches the site folder."""
    global _build
    _theme.clear()
    settings = _settings(config)
    docs = Path(config.docs_dir)
    try:
        _build = build_site(settings.content_dir, settings.publisher_file, settings.options)
        if clashes := _build.clashes({p.relative_to(docs).as_posix() for p in docs.rglob("*.md")}, docs.name):
            raise ContentError(clashes)
    except ContentError as error:
        raise PluginError(str(error)) from None
    _build.tools = tool_versions(Path(config.config_file_path).parent / "package.json")
    if _build.brand.logo:
        config.theme["logo"] = _build.brand.logo_uri


def on_nav(nav, config, files):
    _theme["nav"] = nav
    return nav


def on_files(files: Files, config) -> Files:
    for spec in _build.pages:
        files.append(File.generated(config, spec.src_uri, content=""))
    files.append(File.generated(config, SITE_STYLESHEET, content=_build.stylesheet))
    for uri, text in _build.files.items():
        files.append(File.generated(config, uri, content=text))
    if _build.brand.logo:
        files.append(File.generated(config, _build.brand.logo_uri, content=_build.brand.logo_data))
    pdf_dir = _build.handouts.pdf_dir
    for pdf in sorted(pdf_dir.glob("*.pdf")) if pdf_dir else ():
        files.append(File.generated(config, f"{DOWNLOADS}/{pdf.name}", abs_src_path=str(pdf)))
    written = [f for f in files.documentation_pages() if not _build.page(f.src_uri)]
    plan = _build.add_documents([f.src_uri for f in written])
    for uri, source in plan.fallbacks.items():
        files.append(File.generated(config, uri, content=files.get_file_from_path(source).content_string))
    for uri in plan.dropped:
        files.remove(files.get_file_from_path(uri))
    for file in files.documentation_pages():  # every page where the site's URL rules put it
        where = _build.address(file.src_uri)
        file.dest_uri, file.url = _build.urls.file_of(where.url), where.url
    return files


# MkDocs renders the theme without autoescaping: content text that reaches the theme as a title,
# a description or a table-of-contents entry is escaped here, where it crosses over.

def on_page_markdown(markdown: str, page, config, files) -> str:
    meta = _build.meta_for(page.file.src_uri)
    page.meta.update({key: escape(value) if key in ("title", "description") else value for key, value in meta.items()})
    if _build.page(page.file.src_uri):
        return ""
    try:
        return _build.written_markdown(page.file.src_uri, markdown, f"{Path(config.docs_dir).name}/{page.file.src_path}")
    except ContentError as error:
        raise PluginError(str(error)) from None


def on_page_content(html: str, page, config, files) -> str:
    spec = _build.page(page.file.src_uri)
    if spec is None:
        _build.add_written_page(page.file.src_uri, page.title, html)
        return _build.fallback_page(page.file.src_uri, html)
    # The h1 heads the outline, as on a Markdown page: Material's skip link goes to the outline's
    # first entry (the start of the main content), and its outline lists the h1's children.
    sections = [{"level": e.level, "id": e.id, "name": marked_text(e.title, e.lang, spec.lang), "children": []}
                for e in spec.toc]
    page.toc = get_toc([{"level": 1, "id": spec.heading_id, "name": page.title, "children": sections}]
                       if spec.heading_id else sections)
    return spec.html


def _localise(context, config, code: str):
    """The theme's context in one language: site name, interface strings, the language's root
    (its home page, search index and sitemap), and the table's row for it."""
    language = _build.language(code)
    localised = copy.copy(config)
    localised["site_name"] = escape(_build.site_name(language.code))
    context["config"] = localised
    context["_"] = lambda message: escape(interface(language, message))  # a translation is text, never markup
    context["page_language"] = language.facts
    context["theme_fallback"] = SOURCE.code  # Material's strings where its own for the language lack one
    root = _build.urls.root(code)
    base = context["base_url"].rstrip("/")
    context["language_base"] = f"{base}/{root}" if root else context["base_url"]
    context["language_home"] = _build.urls.home(code)
    context["language_root"] = root
    return context


def on_page_context(context, page, config, nav):
    """Give the theme the page's own language: site name, interface strings, the other pages,
    and previous and next pages in the same language."""
    uri = page.file.src_uri
    _localise(context, config, _build.language_of(uri).code)
    context["alternates"] = _build.alternates(uri)
    context["x_default"] = next((a for a in context["alternates"] if a.facts.code == _build.urls.main), None)
    pages = {p.file.src_uri: p for p in nav.pages}
    before, after = _build.neighbours(uri)
    page.previous_page, page.next_page = pages.get(before), pages.get(after)
    return context


def on_template_context(context, template_name, config):
    """The 404 page MkDocs renders is the main language's."""
    return _localise(context, config, _build.urls.main) if template_name == "404.html" else context


def on_post_page(output: str, page, config) -> str:
    """Interface strings not yet translated, marked as English where they are text."""
    return mark_fallbacks(output)


def on_post_template(output: str, template_name: str, config) -> str:
    return mark_fallbacks(output)


def on_env(env, config, files):
    _theme["env"] = env
    return env


def on_post_build(config) -> None:
    """Each language's search index (written from the content model), sitemap and 404 page (MkDocs
    renders the main language's), and a redirect page at each old address."""
    site_dir = Path(config.site_dir)
    files = {**_build.search_files(), **_build.sitemap_files(), **_build.redirect_files()}
    base_url = urlsplit(config.site_url or "/").path
    for code, path in _build.not_found_pages().items():
        if code != _build.urls.main and (site_dir / "404.html").exists():
            context = get_context(_theme["nav"], Files([]), config, base_url=base_url)
            context["forced_lang"] = code
            files[path] = mark_fallbacks(_theme["env"].get_template("404.html").render(_localise(context, config, code)))
    for path, text in files.items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    main_sitemap = files["sitemap.xml"]
    (site_dir / "sitemap.xml.gz").write_bytes(gzip.compress(main_sitemap.encode("utf-8"), mtime=0))
