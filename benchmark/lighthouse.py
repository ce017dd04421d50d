"""Lighthouse 12.2.3 (mobile, its defaults) on one page, with Debian's Chromium.

Lighthouse is not a dependency of the site or its tests: it is installed on first use into a cache
folder (13.x wants Node 22; Node here is 20, hence the pinned 12.2.3).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

VERSION = "12.2.3"
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "guidance-benchmark" / f"lighthouse-{VERSION}"
CLI = CACHE / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


class LighthouseUnavailable(Exception):
    """Why Lighthouse could not run here."""


def install() -> Path:
    if CLI.exists():
        return CLI
    if shutil.which("npm") is None:
        raise LighthouseUnavailable("npm is not installed")
    CACHE.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(["npm", "install", "--prefix", str(CACHE), "--no-audit", "--no-fund", "--ignore-scripts",
                             "--save-exact", f"lighthouse@{VERSION}"], capture_output=True, text=True, timeout=600)
    if result.returncode or not CLI.exists():
        raise LighthouseUnavailable(f"npm install lighthouse@{VERSION} failed: {result.stderr.strip()[-500:]}")
    return CLI


def run(url: str, chrome: str = "/usr/bin/chromium") -> dict:
    """The four category scores (0-100) and every scored audit that did not pass."""
    cli = install()
    if not Path(chrome).exists():
        raise LighthouseUnavailable(f"{chrome} not found")
    result = subprocess.run(
        ["node", str(cli), url, "--output=json", "--output-path=stdout", "--quiet",
         f"--chrome-flags={CHROME_FLAGS}", "--only-categories=" + ",".join(CATEGORIES)],
        capture_output=True, text=True, timeout=300, env={**os.environ, "CHROME_PATH": chrome})
    if result.returncode:
        raise LighthouseUnavailable(f"lighthouse exited with {result.returncode}: {result.stderr.strip()[-800:]}")
    report = json.loads(result.stdout)
    if report.get("runtimeError"):
        raise LighthouseUnavailable(f"{report['runtimeError']['code']}: {report['runtimeError']['message']}")
    scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    audits = report["audits"]
    failing = {}
    for category in CATEGORIES:
        for ref in report["categories"][category]["auditRefs"]:
            audit = audits[ref["id"]]
            if ref["weight"] and audit.get("score") is not None and audit["score"] < 1:
                failing[ref["id"]] = f"{category}: {audit['title']} ({audit.get('displayValue') or audit['score']})"
    metrics = {key: audits[key].get("displayValue") for key in
               ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index")}
    return {"scores": scores, "failing": failing, "metrics": metrics}
