"""What `mkdocs serve` rebuilds after an edit is exactly what a clean build makes, and only what
the edit touches is made again.

One process builds a copy of the project as serve does (the configuration loaded again for every
build, the core keeping its work between builds), then an edit to one sheet, to the Welsh
catalogue and to site.yml, each followed by a rebuild. After each, the site must be byte for byte
the one a fresh `mkdocs build` makes of the same files."""

from __future__ import annotations

import filecmp
import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import copy_project

SERVE_LIKE = """
import json, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

project, site = Path(sys.argv[1]), sys.argv[2]
edits = json.loads(sys.argv[3])
for step in [None, *edits]:
    if step:
        file, old, new = step
        path = project / file
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    config = load_config(str(project / "mkdocs.yml"), site_dir=site)
    build(config)
    memo = sys.modules["guidance.memo"]
    print(json.dumps(memo.counts), flush=True)
    input()  # the test compares this build with a clean one before the next edit
"""

EDITS = [
    ["content_src/sheets/3.3-partnership/sheet.yml", "You may lose autonomy.", "You may lose some autonomy."],
    ["content_src/locale/cy/LC_MESSAGES/guidance.po", 'msgstr "Efallai y byddwch yn colli eich annibyniaeth."',
     'msgstr "Efallai y byddwch yn colli rhywfaint o annibyniaeth."'],
    ["content_src/site.yml", "For further information contact", "For further information, contact"],
]


def differences(a: Path, b: Path) -> list[str]:
    """Files that differ, or are only on one side, anywhere under two folders."""
    found = []
    compared = filecmp.dircmp(a, b)
    found += [f"only in one: {name}" for name in compared.left_only + compared.right_only]
    _match, mismatch, errors = filecmp.cmpfiles(a, b, compared.common_files, shallow=False)
    found += [str(a / name) for name in mismatch + errors]
    for sub in compared.common_dirs:
        found += differences(a / sub, b / sub)
    return found


def test_rebuilds_after_edits_are_byte_identical_to_clean_builds(tmp_path):
    project = copy_project(tmp_path / "project")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    served = tmp_path / "served"
    process = subprocess.Popen([sys.executable, "-c", SERVE_LIKE, str(project), str(served), json.dumps(EDITS)],
                               cwd=project, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        counts = []
        for step in range(len(EDITS) + 1):
            counts.append(json.loads(process.stdout.readline()))
            clean = tmp_path / f"clean-{step}"
            result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"),
                                     "-d", str(clean)], cwd=project, env=env, capture_output=True, text=True, timeout=300)
            assert result.returncode == 0, result.stderr
            assert differences(clean, served) == [], f"after edit {step}"
            process.stdin.write("\n")
            process.stdin.flush()
    finally:
        process.kill()
        process.wait()

    first, sheet, catalogue, site = counts
    assert first["kept"] == 0
    # one sheet edited: its own file read and pages made again (both languages), the rest kept
    assert sheet["kept"] > 0 and sheet["made"] <= 6, sheet
    # the catalogue: read again, the Welsh pages made again, the English ones kept
    assert catalogue["kept"] > 0 and catalogue["made"] < first["made"], catalogue
    # site.yml is shown on every sheet page: it is read again and the pages in both languages made again
    assert site["made"] >= 3, site
