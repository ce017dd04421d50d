"""`mkdocs serve` rebuilds the site when a file in content_src/ changes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request

from conftest import ROOT, free_port


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
    project = tmp_path / "project"
    project.mkdir()
    for name in ["mkdocs.yml", "package.json", "docs", "content_src", "hooks", "overrides"]:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, project / name)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/working-with-others/partnership/"
        assert wait_for(url, "You may lose autonomy.")
        sheet = project / "content_src" / "sheets" / "3.3-partnership" / "sheet.yml"
        sheet.write_text(sheet.read_text(encoding="utf-8").replace("You may lose autonomy.", "You may lose some autonomy."), encoding="utf-8")
        assert wait_for(url, "You may lose some autonomy.")
    finally:
        server.terminate()
        server.wait(timeout=10)
