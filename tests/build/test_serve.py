"""`mkdocs serve --dirty`, as scripts/serve runs it, rebuilds the site when a file changes: content,
the core's templates, the theme's templates and the core's Python itself (reloaded, not kept from
the server's start); a page the edit does not touch is kept, a page a shared file shows is not."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request

from conftest import copy_project, free_port


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in fetch(url):
            return True
        time.sleep(0.3)
    return False


def test_serve_rebuilds_when_content_changes(tmp_path):
    project = copy_project(tmp_path / "project")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"],  # as scripts/serve runs it
        cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/working-with-others/partnership/"
        assert wait_for(url, "You may lose autonomy.")
        sheet = project / "content_src" / "sheets" / "3.3-partnership" / "sheet.yml"
        sheet.write_text(sheet.read_text(encoding="utf-8").replace("You may lose autonomy.", "You may lose some autonomy."), encoding="utf-8")
        assert wait_for(url, "You may lose some autonomy.")

        core = project / "hooks" / "guidance" / "languages" / "dates.py"       # the core's Python, reloaded
        assert '"d MMMM y"' in core.read_text(encoding="utf-8")
        core.write_text(core.read_text(encoding="utf-8").replace('"d MMMM y"', '"EEEE d MMMM y"'), encoding="utf-8")
        assert wait_for(url, "Friday 30 June 2017")
        assert "You may lose some autonomy." in fetch(url)

        template = project / "hooks" / "guidance" / "site" / "templates" / "sheet.html"
        template.write_text(template.read_text(encoding="utf-8").replace(
            '<p class="gd-masthead__publisher">', '<p class="gd-masthead__publisher" data-edited>'), encoding="utf-8")
        assert wait_for(url, 'gd-masthead__publisher" data-edited')

        privacy = f"http://127.0.0.1:{port}/privacy/"                 # a page no edit above touched
        assert 'class="md-footer gd-site-footer">' in fetch(privacy)
        footer = project / "overrides" / "partials" / "footer.html"  # the theme, on every page
        footer.write_text(footer.read_text(encoding="utf-8").replace(
            '<footer class="md-footer gd-site-footer">', '<footer class="md-footer gd-site-footer" data-edited>'), encoding="utf-8")
        assert wait_for(privacy, 'gd-site-footer" data-edited>')
        assert "You may lose some autonomy." in fetch(url)
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_saved_content_is_noticed_within_a_fifth_of_a_second(tmp_path):
    """The folders mkdocs.yml watches (the content first) are polled every 0.2 s, not MkDocs' 0.5 s:
    that is part of what an editor waits between saving a sheet and seeing it."""
    from mkdocs.config import load_config
    from mkdocs.livereload import LiveReloadServer

    config = load_config(str(copy_project(tmp_path / "project") / "mkdocs.yml"))
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=free_port(), root=str(tmp_path / "site"))
    server.watch(config.docs_dir)  # as MkDocs does before the serve event: its own interval
    server = config.plugins.on_serve(server, config=config, builder=lambda: None)
    for folder in config.watch:
        server.watch(folder)
    polls = {emitter.watch.path: emitter.timeout for emitter in server.observer.emitters}
    assert polls[config.docs_dir] == 0.5
    assert {polls[folder] for folder in config.watch} == {0.2}
    assert any(folder.endswith("content_src") for folder in config.watch)
