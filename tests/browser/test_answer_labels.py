"""An answer's label and the value it saves can never be crossed, in Welsh, whatever the catalogue.

A catalogue that would cross them (the line `msgid "Yes"` deleted, so that Babel read "Ie" as
another entry's translation; or "Partly" given the words of "Yes") is refused and the site built
before stays; on that site every Welsh radio is labelled with the Welsh of the answer it saves,
from the one table of answers (selfcheck.ANSWER_LABELS).
"""

from __future__ import annotations

import shutil

from conftest import ROOT, build_in_process, serve
from guidance.site.build import checked_translation
from guidance.components.selfcheck import ANSWER_LABELS
from corpus import CORPUS, make_project, read_case, snapshot

WELSH_SHEETS = ["/cy/gweithio-gydag-eraill/partneriaeth/"]


def test_welsh_labels_match_their_values_after_a_broken_catalogue(site, browser, tmp_path):
    previous = tmp_path / "site"
    shutil.copytree(site, previous)
    before = snapshot(previous)
    for breakage in ("catalogue-msgid-deleted", "catalogue-answers-crossed"):
        case = read_case(CORPUS / f"{breakage}.case")
        result, messages = build_in_process(make_project(case, tmp_path / breakage), previous, {})
        assert result.exit_code == 1 and case.expect[0] in messages, messages
        assert snapshot(previous) == before

    translation, problems = checked_translation("cy", ROOT / "content_src", set(), True)
    welsh = {value: translation.interface.gettext(english) for value, english in ANSWER_LABELS.items()}
    assert len(set(welsh.values())) == len(ANSWER_LABELS)
    url, server = serve(previous)
    page = browser.new_page()
    try:
        radios = 0
        for path in WELSH_SHEETS:
            page.goto(url + path)
            page.locator("input[type=radio]").first.wait_for(state="attached")
            for label in page.locator("label:has(input[type=radio])").all():
                value = label.locator("input[type=radio]").get_attribute("value")
                assert label.inner_text().strip() == welsh[value], (path, value)
                radios += 1
        assert radios >= 4 * 20
    finally:
        page.close()
        server.shutdown()
