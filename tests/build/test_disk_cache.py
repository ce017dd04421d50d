"""A build that finds the texts an earlier process kept on disk (guidance/disk_cache.py: minified
scripts and stylesheets, the templates' Python) makes the same site, byte for byte, as one that
finds none, and does not load the minifier; a cache folder whose files were all spoilt builds the
same site again."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, differences, mkdocs_build


def cache_env(home: Path) -> dict[str, str]:
    """The user's cache folder inside ``home`` on every platform (platformdirs)."""
    return {"XDG_CACHE_HOME": str(home / "cache"), "HOME": str(home), "LOCALAPPDATA": str(home / "local")}


def kept_files(home: Path) -> list[Path]:
    return sorted(home.rglob("*.txt"))


def test_a_build_from_kept_texts_is_the_same_site(tmp_path):
    env = cache_env(tmp_path / "home")
    cold, warm, spoilt = tmp_path / "cold", tmp_path / "warm", tmp_path / "spoilt"
    assert mkdocs_build(cold, env=env).returncode == 0
    kept = kept_files(tmp_path / "home")
    assert len(kept) > 40  # the theme's templates, the core's, the scripts and stylesheets
    assert mkdocs_build(warm, env=env).returncode == 0
    assert differences(cold, warm) == []
    assert not minifier_loaded(tmp_path / "again", env)
    for path in kept:
        path.write_bytes(path.read_bytes().replace(b"gd-", b"xx-"))  # signatures no longer match
    assert mkdocs_build(spoilt, env=env).returncode == 0
    assert differences(cold, spoilt) == []


BUILD_AND_TELL = """
import sys
from mkdocs.__main__ import cli
cli(["build", "-q", "-f", sys.argv[1], "-d", sys.argv[2]], standalone_mode=False)
print("minify" in sys.modules)
"""


def minifier_loaded(site: Path, env: dict[str, str]) -> bool:
    """Whether a `mkdocs build` loaded the minifier's library."""
    result = subprocess.run([sys.executable, "-c", BUILD_AND_TELL, str(ROOT / "mkdocs.yml"), str(site)], cwd=ROOT,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip() == "True"
