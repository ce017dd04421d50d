"""Texts kept on disk between processes (guidance/disk_cache.py): found again only as this user's
builds wrote them; a file edited, forged, cut short or corrupt is ignored and made again, never
trusted; the minified scripts and stylesheets and the templates' Python are the same as made anew."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment

from guidance import disk_cache, served
from guidance.disk_cache import DiskCache, keep_compiled


class Maker:
    """``make`` for DiskCache.get, counting its calls."""

    def __init__(self, text: str) -> None:
        self.text, self.calls = text, 0

    def __call__(self) -> str:
        self.calls += 1
        return self.text


def entry_file(folder: Path) -> Path:
    [path] = [p for p in folder.iterdir() if p.suffix == ".txt"]
    return path


def test_a_text_is_made_once_and_found_by_the_next_process(tmp_path):
    make = Maker("minified")
    assert DiskCache(tmp_path).get("key", make) == "minified"
    assert DiskCache(tmp_path).get("key", make) == "minified"  # a new process: a new DiskCache
    assert make.calls == 1
    assert DiskCache(tmp_path).get("other key", make) == "minified" and make.calls == 2


@pytest.mark.parametrize("spoil", [
    pytest.param(lambda data: data.replace(b"minified", b"alert(1)"), id="text edited, signature kept"),
    pytest.param(lambda data: data[:-3], id="cut short"),
    pytest.param(lambda data: b"", id="empty"),
    pytest.param(lambda data: b"\xff\xfe\x00garbage\n\x80\x81", id="not text"),
    pytest.param(lambda data: data.split(b"\n", 1)[1], id="no signature"),
    pytest.param(lambda data: b"0" * 64 + b"\n" + b"x" * (disk_cache.MAX_TEXT_BYTES + 1000), id="too big"),
])
def test_a_spoilt_file_is_ignored_and_made_again(tmp_path, spoil):
    DiskCache(tmp_path).get("key", Maker("minified"))
    path = entry_file(tmp_path)
    path.write_bytes(spoil(path.read_bytes()))
    make = Maker("minified")
    assert DiskCache(tmp_path).get("key", make) == "minified"
    assert make.calls == 1
    assert DiskCache(tmp_path).get("key", Maker("never made")) == "minified"  # written again, whole


def test_a_file_signed_with_another_secret_is_not_trusted(tmp_path):
    """An entry written by someone else's builds (their own secret), copied into this folder."""
    theirs, ours = tmp_path / "theirs", tmp_path / "ours"
    DiskCache(theirs).get("key", Maker("<script>alert(1)</script>"))
    DiskCache(ours).get("another key", Maker("x"))  # our folder and secret exist
    forged = entry_file(theirs)
    (ours / forged.name).write_bytes(forged.read_bytes())
    make = Maker("minified")
    assert DiskCache(ours).get("key", make) == "minified" and make.calls == 1


def test_an_entry_moved_to_another_key_is_not_trusted(tmp_path):
    DiskCache(tmp_path).get("script a", Maker("a"))
    cache = DiskCache(tmp_path)
    moved = entry_file(tmp_path)
    target = cache._path("script b")
    moved.rename(target)
    make = Maker("b")
    assert DiskCache(tmp_path).get("script b", make) == "b" and make.calls == 1


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
@pytest.mark.parametrize("loosen", [
    pytest.param(lambda folder: os.chmod(folder, 0o777), id="folder writable by others"),
    pytest.param(lambda folder: os.chmod(folder / "secret", 0o644), id="secret readable by others"),
    pytest.param(lambda folder: ((folder / "secret").unlink(), (folder / "secret").symlink_to(folder / "known")),
                 id="secret a link"),
])
def test_a_folder_others_could_change_keeps_nothing(tmp_path, loosen):
    folder = tmp_path / "cache"
    DiskCache(folder).get("key", Maker("minified"))
    (folder / "known").write_bytes(b"k" * 32)
    loosen(folder)
    make = Maker("minified")
    for _ in range(2):
        assert DiskCache(folder).get("key", make) == "minified"
    assert make.calls == 2


def test_a_link_left_at_an_entry_is_replaced_not_written_through(tmp_path):
    folder, victim = tmp_path / "cache", tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    cache = DiskCache(folder)
    cache.get("warm up", Maker("x"))  # the folder and its secret
    cache._path("key").symlink_to(victim)
    assert DiskCache(folder).get("key", Maker("minified")) == "minified"
    assert victim.read_text(encoding="utf-8") == "precious"
    assert not cache._path("key").is_symlink()


def test_an_unusable_folder_keeps_nothing_and_still_builds(tmp_path):
    blocker = tmp_path / "a file"
    blocker.write_text("", encoding="utf-8")
    make = Maker("minified")
    cache = DiskCache(blocker / "cache")
    assert cache.get("key", make) == cache.get("key", make) == "minified"
    assert make.calls == 2


# The texts the build keeps ---------------------------------------------------------------------

TEMPLATES = {"page.html": "{% for item in items %}<p>{{ item }}</p>{% endfor %}{{ 'x' | upper }}"}


def environment(cache: DiskCache) -> Environment:
    env = Environment(loader=DictLoader(TEMPLATES), autoescape=True)
    keep_compiled(env, cache)
    return env


def test_a_template_compiled_from_kept_python_renders_the_same(tmp_path):
    fresh = Environment(loader=DictLoader(TEMPLATES), autoescape=True).get_template("page.html").render(items=["<a>", "b"])
    assert environment(DiskCache(tmp_path)).get_template("page.html").render(items=["<a>", "b"]) == fresh
    assert environment(DiskCache(tmp_path)).get_template("page.html").render(items=["<a>", "b"]) == fresh
    assert fresh == "<p>&lt;a&gt;</p><p>b</p>X"


def test_kept_python_that_was_tampered_with_is_never_run(tmp_path):
    environment(DiskCache(tmp_path)).get_template("page.html")
    path = entry_file(tmp_path)
    signature, _, _python = path.read_bytes().partition(b"\n")
    path.write_bytes(signature + b"\nimport sys\nsys.modules['guidance'].TAMPERED = True\nraise SystemExit(1)\n")
    page = environment(DiskCache(tmp_path)).get_template("page.html").render(items=["a"])
    assert page == "<p>a</p>X"
    assert not hasattr(sys.modules["guidance"], "TAMPERED")


def test_a_changed_template_is_compiled_anew(tmp_path):
    environment(DiskCache(tmp_path)).get_template("page.html")
    env = Environment(loader=DictLoader({"page.html": "changed {{ items }}"}), autoescape=True)
    keep_compiled(env, DiskCache(tmp_path))
    assert env.get_template("page.html").render(items=1) == "changed 1"


def test_a_tampered_minified_script_is_made_again(tmp_path, monkeypatch):
    monkeypatch.setattr(disk_cache, "_shared", DiskCache(tmp_path))
    source = "(function () { var longName = 1; console.log(longName); })();\n"
    minified = served.script(source, "a.js")
    path = entry_file(tmp_path)
    signature, _, _text = path.read_bytes().partition(b"\n")
    path.write_bytes(signature + b"\nalert(document.cookie)")
    assert served.script(source, "a.js") == minified
    assert "alert" not in minified and "longName" not in minified


def test_entries_unused_for_a_month_are_pruned_when_a_process_writes(tmp_path):
    cache = DiskCache(tmp_path)
    cache.get("old", Maker("old"))
    cache.get("recent", Maker("recent"))
    old, recent = cache._path("old"), cache._path("recent")
    month_ago = old.stat().st_mtime - 31 * 86_400
    os.utime(old, (month_ago, month_ago))
    os.utime(recent, (month_ago + 2 * 86_400, month_ago + 2 * 86_400))
    assert DiskCache(tmp_path).get("recent", Maker("never made")) == "recent"  # a read marks it used
    DiskCache(tmp_path).get("new", Maker("new"))  # a writing process prunes
    assert not old.exists() and recent.exists()


# A checked catalogue ----------------------------------------------------------------------------

def check_twice(content: Path) -> tuple[tuple, tuple]:
    """The Welsh catalogue of ``content`` checked by two processes (the second may find the first's
    result kept): each one's translation as text and its problems."""
    from guidance.site.build import checked_translation

    keys = [line.split('"')[1] for line in (content / "locale/cy/LC_MESSAGES/guidance.po").read_text(encoding="utf-8").splitlines()
            if line.startswith("msgctxt ")]
    found = []
    for _ in range(2):
        translation, problems = checked_translation("cy", content, keys)
        found.append((translation.as_text(), problems, translation.interface.gettext("Yes")))
    return found[0], found[1]


@pytest.fixture
def private_cache(tmp_path, monkeypatch) -> DiskCache:
    cache = DiskCache(tmp_path / "cache")
    monkeypatch.setattr(disk_cache, "_shared", cache)
    return cache


def test_a_checked_catalogue_is_kept_and_read_back_the_same(private_cache, tmp_path, monkeypatch):
    from guidance.languages import catalogue_rules
    from conftest import copy_content

    content = copy_content(tmp_path)
    first, _ = check_twice(content)
    checks = []
    monkeypatch.setattr(catalogue_rules, "parse_catalogue", lambda *args: checks.append(args))
    kept, again = check_twice(content)
    assert checks == []  # read from the cache, not checked again
    assert first == kept == again
    assert first[1] == [] and first[2] == "Ie"


def test_a_kept_catalogue_that_was_tampered_with_is_checked_again(private_cache, tmp_path):
    from conftest import copy_content

    content = copy_content(tmp_path)
    first, _ = check_twice(content)
    [path] = private_cache.folder.glob("*.txt")
    data = path.read_bytes()
    path.write_bytes(data.replace(b"\"Ie\"", b"\"<script>alert(1)</script>\""))
    assert path.read_bytes() != data
    kept, _ = check_twice(content)
    assert kept == first


def test_a_catalogue_with_problems_is_never_kept(private_cache, tmp_path):
    from conftest import copy_content

    content = copy_content(tmp_path)
    catalogue = content / "locale/cy/LC_MESSAGES/guidance.po"
    catalogue.write_text(catalogue.read_text(encoding="utf-8") + "\nmsgstr without quotes\n", encoding="utf-8")
    first, second = check_twice(content)
    assert first[1] and first[1] == second[1]
    assert first[1][0].message.startswith("not PO syntax")
    assert not list(private_cache.folder.glob("*.txt"))
