"""Editing under `mkdocs serve`: from saving a file to the served page showing the change.

A copy of the project (mkdocs.yml, docs/, hooks/, overrides/) with the given content folder as its
content_src/ is served by `mkdocs serve --dirty`, as `scripts/serve` does. Each edit writes one file, then
the page that shows the edit is fetched every 20 ms until it does; the time from the write to that
answer is what an editor waits (MkDocs' own 0.1 s pause for more changes included). MkDocs' log
line "Documentation built in ..." gives the build's own share.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

PROJECT_PARTS = ["mkdocs.yml", "package.json", "docs", "hooks", "overrides"]
BUILT = re.compile(r"Documentation built in ([0-9.]+) seconds")


@dataclass(frozen=True)
class Edit:
    """One change an editor makes: the file, the text replaced, and the page that shows it."""

    label: str
    file: str
    old: str
    new: str
    page: str
    shows: str  # text the page has once rebuilt


@dataclass(frozen=True)
class Timing:
    label: str
    seconds: float     # save -> page served with the change
    build: float       # MkDocs' own "Documentation built in" figure for that rebuild


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


class Server:
    """`mkdocs serve` on a copy of the project, its log read line by line."""

    def __init__(self, root: Path, content: Path, work: Path) -> None:
        self.project = work / "project"
        self.project.mkdir(parents=True)
        for name in PROJECT_PARTS:
            source = root / name
            (shutil.copytree if source.is_dir() else shutil.copy)(source, self.project / name)
        shutil.copytree(content, self.project / "content_src")
        self.port = _free_port()
        self.builds: list[float] = []
        self.log: list[str] = []
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{self.port}"],  # as scripts/serve
            cwd=self.project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        threading.Thread(target=self._read_log, daemon=True).start()

    def _read_log(self) -> None:
        for line in self.process.stderr:
            self.log.append(line)
            if found := BUILT.search(line):
                self.builds.append(float(found.group(1)))

    def url(self, page: str) -> str:
        return f"http://127.0.0.1:{self.port}/{page}"

    def wait_for(self, page: str, text: str, timeout: float = 300) -> float:
        """Seconds until ``page`` contains ``text``."""
        start = time.perf_counter()
        while time.perf_counter() - start < timeout:
            if text in _fetch(self.url(page)):
                return time.perf_counter() - start
            if self.process.poll() is not None:
                raise SystemExit("mkdocs serve stopped")
            time.sleep(0.02)
        raise TimeoutError(f"{page} did not show {text!r} within {timeout:.0f} s")

    def edit(self, change: Edit, timeout: float = 60) -> Timing:
        path = self.project / change.file
        text = path.read_text(encoding="utf-8")
        assert change.old in text, f"{change.file} has no {change.old!r}"
        builds = len(self.builds)
        start = time.perf_counter()
        path.write_text(text.replace(change.old, change.new, 1), encoding="utf-8")
        self.wait_for(change.page, change.shows, timeout)
        seconds = time.perf_counter() - start
        deadline = time.perf_counter() + timeout
        while len(self.builds) == builds and time.perf_counter() < deadline:  # the log line follows the files
            time.sleep(0.01)
        return Timing(change.label, seconds, self.builds[-1] if len(self.builds) > builds else float("nan"))

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
