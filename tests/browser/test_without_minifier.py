"""A computer without the minifier (tdewolff-minify has no wheel for Apple Silicon Macs, where
requirements.lock leaves it out): in a Python that refuses to import ``minify``, `guidance build`
succeeds, says once that the scripts and stylesheets are served as written, serves them so (joined
as before), and the self-check works in Chromium."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from conftest import ROOT, selfcheck_content, serve
from guidance.components.selfcheck import PROGRESS_URI, SCRIPT_URI
from guidance.served import SITE_SCRIPT, UNMINIFIED_NOTE

REFUSE = textwrap.dedent("""
    import sys

    class Refuse:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] == "minify":
                raise ModuleNotFoundError(f"{name} is refused in this test", name=name)
            return None

    sys.meta_path.insert(0, Refuse())
""")
BUILD = REFUSE + textwrap.dedent("""
    try:
        import minify
    except ModuleNotFoundError:
        pass
    else:
        raise SystemExit("minify imported: the test's finder does not work")
    from guidance.cli import main
    status = main(["build", sys.argv[1], "-f", sys.argv[2]])
    print("minify loaded:", "minify" in sys.modules)
    raise SystemExit(status)
""")
SHEET = "/working-with-others/self-check-example/"
PLAN = "Do you have a written plan?"
KEY = "gd-selfcheck:self-check-example/checklist"


@pytest.fixture(scope="module")
def unminified(tmp_path_factory):
    root = tmp_path_factory.mktemp("no-minifier")
    home = root / "home"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks"), "GUIDANCE_CONTENT": str(selfcheck_content(root)),
           "HOME": str(home), "XDG_CACHE_HOME": str(home / "cache"), "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-c", BUILD, str(root / "site"), str(ROOT / "mkdocs.yml")],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    url, server = serve(root / "site")
    yield result, root / "site", url
    server.shutdown()


def test_the_build_succeeds_and_says_once_that_scripts_are_served_as_written(unminified):
    result, _, _ = unminified
    assert result.returncode == 0, result.stderr
    assert result.stdout.rstrip().endswith("minify loaded: False")
    assert result.stderr.count(UNMINIFIED_NOTE) == 1
    assert "not minified" in UNMINIFIED_NOTE and "GitHub Pages or GitLab Pages" in UNMINIFIED_NOTE


def test_scripts_and_stylesheets_are_served_as_written_and_joined_as_before(unminified):
    _, site, _ = unminified
    selfcheck = (site / SCRIPT_URI).read_text(encoding="utf-8")
    source = (ROOT / "hooks/guidance/components/selfcheck/selfcheck.js").read_text(encoding="utf-8")
    assert selfcheck.startswith('(() => {"use strict";\n')  # the shared helpers and the script in one function
    assert source.split("\n", 1)[0] in selfcheck  # its opening comment, which minifying drops
    assert selfcheck.rstrip().endswith("})();")
    opening, data, closing = (site / PROGRESS_URI).read_text(encoding="utf-8").rsplit("\n", 3)[:3]
    assert opening.endswith(")(") and closing == ");"
    assert json.loads(data)  # the check-ins' strings, given as data on the line before the last
    site_script = (site / SITE_SCRIPT).read_text(encoding="utf-8")
    assert ";\n" in site_script and "/*" in site_script
    assert "/*" in (site / "assets/site.css").read_text(encoding="utf-8")


def test_the_self_check_works_in_chromium(unminified, page, errors):
    _, _, url = unminified
    page.goto(url + SHEET)
    question = page.get_by_role("group", name=PLAN, exact=True)
    question.get_by_label("Partly", exact=True).check()
    assert page.get_by_text("You have answered 1 of 5 questions.").first.is_visible()
    assert page.evaluate("key => localStorage.getItem(key) !== null", KEY)  # saved on the device
    page.reload()
    assert question.get_by_label("Partly", exact=True).is_checked()
    assert errors == []
