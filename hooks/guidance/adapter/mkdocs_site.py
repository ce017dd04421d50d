"""The MkDocs adapter, the only module that imports MkDocs: it hands the core's pages to MkDocs
and Material event by event, and runs MkDocs for ``guidance build`` and ``guidance serve``. The work
is the core's (site/build.py, site/theme.py, site/serving.py). ``_build`` and ``_theme`` hold one
build; MkDocs' server keeps this module and runs it again when the core changed (on_config).
"""

from __future__ import annotations

import copy
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException, PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils.templates import TemplateContext

if TYPE_CHECKING:  # for types only: mkdocs.livereload (a web server) is not loaded by a build
    from mkdocs.livereload import LiveReloadServer

CORE = Path(__file__).resolve().parents[1]  # the guidance package
if str(CORE.parent) not in sys.path:  # MkDocs puts only this file's folder on the path while it loads it
    sys.path.insert(0, str(CORE.parent))
from guidance.site import serving  # noqa: E402

if serving.forget_changed_core():
    from guidance.site import serving  # noqa: E402  (the new core's)
from guidance import disk_cache, memo  # noqa: E402
from guidance.problems import ContentError  # noqa: E402
from guidance.site import build as site, generator, render, settings, site_folder, theme as core  # noqa: E402

serving.mark_core_read()
SHIM = "assets/vendor/iframe-worker/shim.js"
_build: site.SiteBuild | None = None
_theme = SimpleNamespace(env=None, nav=None, pages={}, files=None)  # the theme's, for pages made after the build
_incremental = False  # under `mkdocs serve --dirty`: only what changed is written (serving.plan_writes)


def _current() -> site.SiteBuild:
    if _build is None:
        raise PluginError("guidance: the site was not prepared (on_pre_build did not run before this event)")
    return _build


def _checked(make: Callable[[], Any]) -> Any:
    """``make()``, a problem in the input told as MkDocs tells a plugin's error: once, no traceback."""
    try:
        return make()
    except ContentError as error:
        raise PluginError(str(error)) from None


def _settings(config: MkDocsConfig) -> settings.Settings:
    path = Path(config.config_file_path)
    return cast(settings.Settings, _checked(lambda: settings.settings_from(
        config.extra, path.parent, config.theme.custom_dir, config.use_directory_urls,
        site_url=config.site_url or "", config_file=path, docs_dir=config.docs_dir)))


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., None]) -> LiveReloadServer:
    """Watched folders, added after this event, polled every serving.POLL_SECONDS (MkDocs has no setting)."""
    server.observer._timeout = serving.POLL_SECONDS
    return server


def on_startup(command: str, dirty: bool) -> None:
    """Only `mkdocs serve` builds again: it keeps the core's work (memo.py), and under --dirty the site folder."""
    global _incremental
    memo.keep_between_builds(command == "serve")
    _incremental = command == "serve" and dirty
    if _incremental:
        logging.getLogger("mkdocs.commands.build").addFilter(serving.DirtyBuildNotice())


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """A changed core read anew (this module runs again). Offline (from disk): pages as ``name.html``,
    a worker shim for search from ``file://``, no instant navigation (it cannot fetch from disk)."""
    global _incremental
    if serving.forget_changed_core():
        incremental = _incremental
        serving.run_again(sys.modules[__name__])
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
    _build, _theme = None, SimpleNamespace(env=None, nav=None, pages={}, files=None)
    build = _checked(lambda: core.prepared(_settings(config), Path(config.docs_dir)))
    if build.brand.logo:
        config.theme["logo"] = build.brand.logo_uri
    _build = build


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    _theme.nav, _theme.pages = nav, {p.file.src_uri: p for p in nav.pages}
    return nav


def on_files(files: Files, config: MkDocsConfig) -> Files:
    build = _current()
    for added in core.added_files(build):
        files.append(File.generated(config, added.uri, abs_src_path=str(added.source)) if added.source
                     else File.generated(config, added.uri, content=added.content))
    plan = build.add_documents([f.src_uri for f in files.documentation_pages() if not build.page(f.src_uri)])
    for uri, source in plan.fallbacks.items():
        files.append(File.generated(config, uri, content=_file(files, source).content_string))
    for uri in plan.dropped:
        files.remove(_file(files, uri))
    for file in files.documentation_pages():  # every page where the site's URL rules put it
        url = build.address(file.src_uri).url
        file.dest_uri, file.url = build.urls.file_of(url), url
        if _incremental:  # every page is read (titles, outlines, search); on_env says which are written
            file.is_modified = _answer(True)  # type: ignore[method-assign]
    _theme.files = files
    return files


def _file(files: Files, uri: str) -> File:
    if (file := files.get_file_from_path(uri)) is None:
        raise PluginError(f"guidance: {uri} is not among MkDocs' files")
    return file


def _answer(written: bool) -> Callable[[], bool]:
    return lambda: written


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    """A generated page arrives as finished HTML: no Python-Markdown instance is made for it."""
    if _current().page(page.file.src_uri) is not None:
        page.render = lambda config, files: _no_markdown(page)  # type: ignore[method-assign]
    return page


def _no_markdown(page: Page) -> None:
    page.content, page.toc, page.present_anchor_ids = "", get_toc([]), set()


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    build, uri = _current(), page.file.src_uri
    page.meta.update(core.page_meta(build, uri))
    source = f"{Path(config.docs_dir).name}/{page.file.src_path}"
    return "" if build.page(uri) else cast(str, _checked(lambda: build.written_markdown(uri, markdown, source)))


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    build, uri = _current(), page.file.src_uri
    if (spec := build.page(uri)) is None:
        build.add_written_page(uri, page.title or "", html)
        return build.fallback_page(uri, html)
    page.toc = get_toc(core.outline(spec, page.title or ""))  # type: ignore[arg-type]
    return ""  # the HTML is handed over in on_page_context, when MkDocs writes this page


def _localise(context: TemplateContext, config: MkDocsConfig, code: str, **more: Any) -> TemplateContext:
    """The theme's context in one language (theme.py), with the site's name in it."""
    context["config"] = localised = copy.copy(config)
    localised["site_name"] = core.site_name(_current(), code)
    cast(dict[str, Any], context).update(core.theme_context(_current(), code, context["base_url"]), **more)
    return context


def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    """The page's own language, the same page in the others, previous and next pages in its own."""
    build, uri = _current(), page.file.src_uri
    if spec := build.page(uri):
        page.content = spec.html  # held by the page only while it is written (on_post_page)
    before, after = build.neighbours(uri)
    page.previous_page, page.next_page = _theme.pages.get(before or ""), _theme.pages.get(after or "")
    code, alternates = build.language_of(uri).code, build.alternates(uri)
    return _localise(context, config, code, report=build.report_link(code, build.address(uri).url), alternates=alternates,
                     x_default=next((a for a in alternates if a.facts.code == build.urls.main), None))


def on_template_context(context: TemplateContext, template_name: str, config: MkDocsConfig) -> TemplateContext:
    """The 404 page MkDocs renders is the main language's."""
    main = _current().urls.main
    return _localise(context, config, main, alternates=_current().not_found_alternates(main)) \
        if template_name == "404.html" else context


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
        chosen = serving.plan_writes(_current(), site_folder.site_folder(Path(config.site_dir)), env, config,
                                     _theme.nav.items if _theme.nav else [], files, _theme.pages)
        for file in files:
            file.is_modified = _answer(file.dest_uri in chosen)  # type: ignore[method-assign]
    return env


def on_post_build(config: MkDocsConfig) -> None:
    """Each language's search index, sitemap and 404 page, and a redirect page at each old address."""
    build, site_dir = _current(), Path(config.site_dir)
    search, files = core.finished_files(build)
    for code, path in build.not_found_pages().items():
        if code != build.urls.main and (site_dir / "404.html").exists() and _theme.env and _theme.nav:
            context = get_context(_theme.nav, Files([]), config, base_url=urlsplit(config.site_url or "/").path)
            context = _localise(context, config, code, alternates=build.not_found_alternates(code))
            files[path] = render.mark_fallbacks(_theme.env.get_template("404.html").render(context))
    if not _incremental:
        return core.write_files(site_dir, search, files)
    built = {f.dest_uri for f in _theme.files or [] if f.inclusion.is_in_serve()} | set(config.theme.static_templates)
    serving.finish_writes(site_folder.site_folder(site_dir), search, files, built)


def run(command: str, config_file: Path, site_dir: Path | None = None, *, quiet: bool = False,
        dev_addr: str | None = None) -> int:
    """``guidance build`` (strict, clean) or ``guidance serve`` (--dirty) for a site folder, its
    mkdocs.yml completed with the shared configuration; 1 after an error, said once."""
    from mkdocs.commands import build, serve
    from mkdocs.config import load_config

    with serving.console("mkdocs", quiet, refused=(ContentError, MkDocsException)) as outcome:
        options = generator.completed(config_file)
        if command == "serve":
            serve.serve(str(config_file), build_type="dirty", dev_addr=dev_addr, **options)
            return outcome.status
        config = load_config(str(config_file), **{**options, "site_dir": str(site_dir), "strict": True})
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build.build(config)
        finally:
            config.plugins.on_shutdown()
    return outcome.status
