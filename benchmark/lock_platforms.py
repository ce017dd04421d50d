#!/usr/bin/env python3
"""Whether requirements.lock installs from wheels alone on each computer a council uses: for each
platform and Python, the lock's lines whose environment markers hold there (pip evaluates markers
for the Python it runs in, not for ``--platform``, so they are evaluated here for the target), then
``pip install --dry-run --only-binary=:all: --platform ... --require-hashes`` of them. Reaches PyPI;
not a test. Prints one line per platform and Python, and exits 1 if any does not resolve.

    .venv/bin/python benchmark/lock_platforms.py [--python 3.11,3.12,3.13]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from packaging.markers import Marker

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "requirements.lock"
# name: (pip's platform tags, the marker variables that differ). macOS 13 (Ventura) is the oldest the
# lock installs on: pypdfium2 (pdfplumber's) has wheels for 13.0 and later only. pip takes a macOS
# tag for every older version too, not a manylinux tag: those are listed.
_LINUX = [f"manylinux_2_{minor}" for minor in (5, 12, 17, 24, 28, 31, 34, 36)]
PLATFORMS = {
    "macOS arm64 (Apple Silicon)": (["macosx_13_0_arm64"], {"sys_platform": "darwin", "platform_system": "Darwin",
                                                          "platform_machine": "arm64", "os_name": "posix"}),
    "macOS x86_64 (Intel)": (["macosx_13_0_x86_64"], {"sys_platform": "darwin", "platform_system": "Darwin",
                                                    "platform_machine": "x86_64", "os_name": "posix"}),
    "Windows amd64": (["win_amd64"], {"sys_platform": "win32", "platform_system": "Windows",
                                    "platform_machine": "AMD64", "os_name": "nt"}),
    "Windows arm64": (["win_arm64"], {"sys_platform": "win32", "platform_system": "Windows",
                                    "platform_machine": "ARM64", "os_name": "nt"}),
    "Linux x86_64": ([f"{tag}_x86_64" for tag in _LINUX], {"sys_platform": "linux", "platform_system": "Linux",
                                               "platform_machine": "x86_64", "os_name": "posix"}),
    "Linux aarch64": ([f"{tag}_aarch64" for tag in _LINUX], {"sys_platform": "linux", "platform_system": "Linux",
                                                 "platform_machine": "aarch64", "os_name": "posix"}),
}


def requirements(lock: str) -> list[str]:
    """The lock's requirements, each with its hashes, as one text each (comments left out)."""
    entries: list[str] = []
    for line in lock.splitlines():
        text = line.split("#", 1)[0].rstrip() if not line.lstrip().startswith("--hash") else line.rstrip()
        if not text.strip():
            continue
        if line.startswith((" ", "\t")) and entries:
            entries[-1] += "\n" + text
        else:
            entries.append(text)
    return entries


def for_target(lock: str, variables: dict[str, str], python: str) -> tuple[str, list[str]]:
    """The lock as pip on the target reads it: (its lines whose markers hold there, the names left out)."""
    environment = {"python_version": python, "python_full_version": f"{python}.0", "implementation_name": "cpython",
                   "platform_python_implementation": "CPython", **variables}
    kept, left_out = [], []
    for entry in requirements(lock):
        first = entry.split("\\", 1)[0].strip()
        name, _, marker = first.partition(";")
        if marker.strip() and not Marker(marker.strip()).evaluate(environment):
            left_out.append(name.strip())
            continue
        kept.append(entry.replace(f";{marker}", " ", 1) if marker else entry)
    return "\n".join(kept) + "\n", left_out


def resolves(lock_text: str, platforms: list[str], python: str) -> tuple[bool, str]:
    with tempfile.TemporaryDirectory(prefix="lock-") as work:
        path = Path(work) / "requirements.lock"
        path.write_text(lock_text, encoding="utf-8")
        command = [sys.executable, "-m", "pip", "install", "--dry-run", "--quiet", "--only-binary=:all:",
                   *(f"--platform={tag}" for tag in platforms), "--python-version", python, "--implementation", "cp",
                   "--require-hashes", "--index-url", "https://pypi.org/simple", "-r", str(path),
                   "--target", str(Path(work) / "target")]
        env = {**os.environ, "PIP_CONFIG_FILE": os.devnull}
        env.pop("PIP_FIND_LINKS", None)
        result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)
    lines = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    return result.returncode == 0, "; ".join(lines)[:300]


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--python", default="3.11,3.12,3.13", help="the Python versions, comma-separated")
    options.add_argument("--only", default="", help="only the platforms whose name holds this text (such as macOS)")
    options.add_argument("--macos", default="13_0", help="the oldest macOS to check, as in its tag (default 13_0)")
    args = options.parse_args()
    lock = LOCK.read_text(encoding="utf-8")
    failed = 0
    for name, (platforms, variables) in [(n, p) for n, p in PLATFORMS.items() if args.only in n]:
        for python in args.python.split(","):
            text, left_out = for_target(lock, variables, python)
            platforms = [tag.replace("13_0", args.macos) if tag.startswith("macosx") else tag for tag in platforms]
            ok, why = resolves(text, platforms, python)
            failed += not ok
            without = f" (without {', '.join(left_out)})" if left_out else ""
            print(f"{name}, Python {python}: {'resolves from wheels' if ok else 'DOES NOT RESOLVE: ' + why}{without}",
                  flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
