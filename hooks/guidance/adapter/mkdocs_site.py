"""The MkDocs adapter's events: MkDocs loads this file as a hook, and each event hands the core's
pages, files and theme context to MkDocs and Material. The work is the core's (site/build.py,
site/theme.py, site/serving.py); the theme's context becomes Material's in mkdocs_theme.py, and
``guidance build`` and ``guidance serve`` run MkDocs from mkdocs_command.py; what they take from
MkDocs they import from mkdocs_api.py, the one module that imports it. ``_build`` and
``_theme`` hold one build; MkDocs' server keeps this module and runs it again when the core
changed (on_config).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, TypeVar

from jinja2 import Environment

CORE = Path(__file__).resolve().parents[1]  # the guidance package
if str(CORE.parent) not in sys.path:  # MkDocs puts only this file's folder on the path while it loads it
    sys.path.insert(0, str(CORE.parent))
from guidance import disk_cache  # noqa: E402
from guidance.adapter import mkdocs_theme as material  # noqa: E402
from guidance.adapter.mkdocs_api import File, Files, MkDocsConfig, Navigation, Page, PluginError, TemplateContext  # noqa: E402
from guidance.problems import ContentError  # noqa: E402
from guidance.site import build as site, generator, render, serving, settings, theme as core  # noqa: E402

if TYPE_CHECKING:  # for types only: MkDocs' web server is not loaded by a build
    from guidance.adapter.mkdocs_api import LiveReloadServer

serving.mark_core_read()  # a core changed after this is read anew (on_config)
T = TypeVar("T")
_build: site.SiteBuild | None = None
_theme = SimpleNamespace(env=None, nav=None, pages={}, files=None)  # the theme's, for pages made after the build
_incremental = False  # under `mkdocs serve --dirty`: only what changed is written (serving.plan_writes)


def _current() -> site.SiteBuild:
    if _build is None:
        raise PluginError("guidance: the site was not prepared (on_pre_build did not run before this event)")
    return _build


def _checked(make: Callable[[], T]) -> T:
    """``make()``, a problem in the input told as MkDocs tells a plugin's error: once, no traceback."""
    try:
        return make()
    except ContentError as error:
        raise PluginError(str(error)) from None


def _settings(config: MkDocsConfig) -> settings.Settings:
    path = Path(config.config_file_path)
    return _checked(lambda: settings.settings_from(config.extra, path.parent, config.theme.custom_dir,
                                                   config.use_directory_urls, site_url=config.site_url or "",
                                                   config_file=path, docs_dir=config.docs_dir))


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., None]) -> LiveReloadServer:
    """Watched folders, added after this event, polled every serving.POLL_SECONDS (MkDocs has no setting)."""
    server.observer._timeout = serving.POLL_SECONDS
    return server


def on_startup(command: str, dirty: bool) -> None:
    """Only `mkdocs serve` builds again: it keeps the core's work, and under --dirty the site folder."""
    global _incremental
    _incremental = serving.started(command, dirty, generator_log="mkdocs.commands.build")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """A changed core read anew (this module runs again); a copy that opens from disk configured for it."""
    serving.read_changed_core(sys.modules[__name__], kept=["_incremental"])
    config.theme.static_templates.discard("sitemap.xml")  # on_post_build writes one per language
    if _settings(config).options.offline:
        generator.make_offline(config)
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    """Load, validate and render everything before MkDocs touches the site folder."""
    global _build, _theme
    _build, _theme = None, SimpleNamespace(env=None, nav=None, pages={}, files=None)
    build = _checked(lambda: core.prepared(_settings(config), Path(config.docs_dir)))
    if build.brand.logo:
        config.theme["logo"] = build.brand.logo_uri
    _build = build


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    _theme.nav, _theme.pages = nav, {p.file.src_uri: p for p in nav.pages}
    return nav


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """The core's pages and files added; every page placed where the site's URL rules put it."""
    build = _current()
    for added in core.added_files(build):
        files.append(File.generated(config, added.uri, abs_src_path=str(added.source)) if added.source
                     else File.generated(config, added.uri, content=added.content))
    plan = build.add_documents([f.src_uri for f in files.documentation_pages() if not build.page(f.src_uri)])
    for uri, source in plan.fallbacks.items():  # the plan names only pages among MkDocs' files
        files.append(File.generated(config, uri, content=files.src_uris[source].content_string))
    for uri in plan.dropped:
        files.remove(files.src_uris[uri])
    for file in files.documentation_pages():  # every page where the site's URL rules put it
        url = build.address(file.src_uri).url
        file.dest_uri, file.url = build.urls.file_of(url), url
        if _incremental:  # every page is read (titles, outlines, search); on_env says which are written
            file.is_modified = _answer(True)  # type: ignore[method-assign]
    _theme.files = files
    return files


def _answer(written: bool) -> Callable[[], bool]:
    return lambda: written


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    """A generated page arrives as finished HTML: no Python-Markdown instance is made for it."""
    if _current().page(page.file.src_uri) is not None:
        page.render = lambda config, files: material.no_markdown(page)  # type: ignore[method-assign]
    return page


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    build, uri = _current(), page.file.src_uri
    page.meta.update(core.page_meta(build, uri))
    source = f"{Path(config.docs_dir).name}/{page.file.src_path}"
    return "" if build.page(uri) else _checked(lambda: build.written_markdown(uri, markdown, source))


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    build, uri = _current(), page.file.src_uri
    if (spec := build.page(uri)) is None:
        build.add_written_page(uri, page.title or "", html)
        return build.fallback_page(uri, html)
    page.toc = material.outline(spec, page.title or "")
    return ""  # the HTML is handed over in on_page_context, when MkDocs writes this page


def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    """The page's own language, the same page in the others, previous and next pages in its own."""
    build, uri = _current(), page.file.src_uri
    if spec := build.page(uri):
        page.content = spec.html  # held by the page only while it is written (on_post_page)
    before, after = build.neighbours(uri)
    page.previous_page, page.next_page = _theme.pages.get(before or ""), _theme.pages.get(after or "")
    return material.localised(context, config, build, build.language_of(uri).code, **core.page_context(build, uri))


def on_template_context(context: TemplateContext, template_name: str, config: MkDocsConfig) -> TemplateContext:
    """The 404 page MkDocs renders is the main language's."""
    if template_name != "404.html":
        return context
    return material.not_found_context(context, config, _current(), _current().urls.main)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Untranslated interface strings marked as English; a generated page lets go of its HTML."""
    if _current().page(page.file.src_uri):
        page.content = ""
    return render.mark_fallbacks(output)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    return render.mark_fallbacks(output)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Theme templates compiled as before when they read the same; under --dirty, only changes written."""
    disk_cache.keep_compiled(env, disk_cache.shared())
    _theme.env = env
    if _incremental:
        chosen = serving.plan_writes(_current(), Path(config.site_dir), env, config,
                                     _theme.nav.items if _theme.nav else [], files, _theme.pages)
        for file in files:
            file.is_modified = _answer(file.dest_uri in chosen)  # type: ignore[method-assign]
    return env


def on_post_build(config: MkDocsConfig) -> None:
    """Each language's search index, sitemap and 404 page, and a redirect page at each old address."""
    build, site_dir = _current(), Path(config.site_dir)
    search, files = core.finished_files(build)
    if (site_dir / "404.html").exists() and _theme.env and _theme.nav:
        files.update({path: material.not_found_page(build, _theme.env, _theme.nav, config, code)
                      for code, path in build.not_found_pages().items() if code != build.urls.main})
    built = {f.dest_uri for f in _theme.files or [] if f.inclusion.is_in_serve()} | set(config.theme.static_templates)
    serving.finish_writes(site_dir, search, files, built if _incremental else None)

