"""What the README shows is what the project does: the sample nginx server is the very file the
Content Security Policy test serves the site with."""

from __future__ import annotations

import re

from conftest import ROOT


def test_the_readme_shows_the_sample_nginx_server_the_tests_use():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```nginx\n(.*?)^```$", readme, re.S | re.M)
    assert blocks == [(ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")]


def test_the_sample_policy_allows_scripts_and_styles_from_the_site_only():
    conf = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    policy = re.search(r'add_header Content-Security-Policy "([^"]*)" always;', conf).group(1)
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert directives["default-src"] == "'self'" and directives["object-src"] == "'none'"
