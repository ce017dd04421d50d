"""Whole-process measurements: `mkdocs build` as a person runs it (start-up and imports included),
timed on the wall clock, with the peak resident memory of that one process (``wait4``)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

KIB = 1024


def without_bytecode_switch(environ: Mapping[str, str]) -> dict[str, str]:
    """The environment less PYTHONDONTWRITEBYTECODE: with it set, Python compiles the project's own
    modules from source in every process (plain Material's come compiled from pip); without it the
    warm-up build writes them as a person's first build does."""
    return {name: value for name, value in environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_rss: int  # bytes
    cpu: float = 0.0  # user and system seconds of the process: less moved by other work on the machine


def mkdocs_build(config: Path, site: Path, env: dict[str, str] | None = None) -> Run:
    """One `mkdocs build` in a fresh process; fails loudly if the build fails."""
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]
    full_env = {**without_bytecode_switch(os.environ), "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=config.parent, env=full_env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    errors = process.stderr.read().decode("utf-8", "replace")
    process.stderr.close()
    if process.returncode:
        raise SystemExit(f"`{' '.join(command)}` failed ({process.returncode}):\n{errors}")
    return Run(seconds, usage.ru_maxrss * KIB, usage.ru_utime + usage.ru_stime)  # Linux reports KiB
