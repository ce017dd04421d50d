"""Every internal link and #anchor in the built site resolves, in every language.

Pages, stylesheets and search indexes are found in the built site, so pages added later (the
Welsh site under cy/, new sheets) are checked without changing this file. Links to other sites
are not fetched here: `scripts/external-links` lists them for review.
"""

from __future__ import annotations

from conftest import ROOT
from guidance.site.settings import read_settings
from sitelinks import broken_links, external_links, links


def test_every_internal_link_and_anchor_resolves(site):
    assert broken_links(site) == []


def test_the_check_covers_every_page_in_every_language(site):
    checked = {link.page for link in links(site)}
    built = {p.relative_to(site).as_posix() for p in site.rglob("*.html")}
    assert built <= checked
    languages = read_settings(ROOT / "mkdocs.yml").options.languages
    homes = {"index.html" if code == "en" else f"{code}/index.html" for code in languages}
    assert homes <= checked, homes - checked


def test_a_broken_link_and_a_missing_anchor_are_reported(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a> <a href="a/#here">ok</a> <a href="#top" id="top">ok</a>'
        '<a href="a/#gone">anchor</a> <a href="b/">page</a> <a href="../../etc/passwd">out</a>'
        '<a href="https://example.org/">external</a> <a href="mailto:x@example.org">mail</a>')
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">Here</h2><a href="../#top">back</a> <a href="/">home</a>')
    assert broken_links(tmp_path) == [
        "index.html: a/#gone (no id 'gone' in a/index.html)",
        "index.html: b/ (no file b/index.html)",
        "index.html: ../../etc/passwd (leaves the site)",
    ]
    assert external_links(tmp_path) == {"https://example.org/": ["index.html"], "mailto:x@example.org": ["index.html"]}
