"""Settings (mkdocs.yml's extra.guidance, GUIDANCE_* variables) are checked like content."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from guidance.problems import ContentError
from guidance.site.settings import parse_bool, read_settings, settings_from


def write_config(tmp_path: Path, guidance: str) -> Path:
    (tmp_path / "content_src").mkdir(exist_ok=True)
    (tmp_path / "styles").mkdir(exist_ok=True)
    (tmp_path / "styles" / "a.css").write_text("a {}\n", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Test\ntheme:\n  name: material\n  custom_dir: styles\nextra:\n  guidance:\n"
                      + "".join(f"    {line}\n" for line in guidance.splitlines()), encoding="utf-8")
    return config


def problems(tmp_path: Path, guidance: str, environ: dict[str, str] | None = None) -> list[str]:
    with pytest.raises(ContentError) as raised:
        read_settings(write_config(tmp_path, guidance), environ or {})
    return [str(p) for p in raised.value.problems]


@pytest.mark.parametrize("text, value", [
    ("1", True), ("true", True), ("TRUE", True), ("yes", True), ("Yes", True),
    ("0", False), ("false", False), ("no", False), ("No", False),
])
def test_one_reading_of_yes_and_no(text, value):
    assert parse_bool(text) is value


def test_yes_and_no_read_the_same_in_the_file_and_the_environment(tmp_path):
    config = write_config(tmp_path, 'publish_drafts: "false"\nstrict_translations: "no"\noffline: "yes"')
    options = read_settings(config, {}).options
    assert (options.publish_drafts, options.strict_translations, options.offline) == (False, False, True)
    options = read_settings(config, {"GUIDANCE_STRICT_TRANSLATIONS": "yes", "GUIDANCE_OFFLINE": "0",
                                     "GUIDANCE_PUBLISH_DRAFTS": "true"}).options
    assert (options.publish_drafts, options.strict_translations, options.offline) == (True, True, False)


def test_settings_problems_name_the_line_and_key(tmp_path):
    assert problems(tmp_path, "languages: cy\npublish_drafts: maybe\nstrict_translation: true") == [
        "mkdocs.yml:7: extra.guidance.languages: expected a list, got 'cy'",
        "mkdocs.yml:8: extra.guidance.publish_drafts: expected 1/0, true/false or yes/no, got 'maybe'",
        "mkdocs.yml:9: extra.guidance.strict_translation: unknown key (did you mean 'strict_translations'?)",
    ]


@pytest.mark.parametrize("languages, message", [
    ("[en, xx]", "extra.guidance.languages[1]: unknown language code 'xx' (expected one of: en, cy, fr; to add a language, add its row to the language table in hooks/guidance/language.py)"),
    ("[en, cy, cy]", "extra.guidance.languages: 'cy' is listed more than once"),
    ("[]", "extra.guidance.languages: must not be empty (expected at least one item)"),
    ("[cy]", "extra.guidance.languages: must include 'en' (the language the content is written in)"),
])
def test_languages_are_known_unique_and_not_empty(tmp_path, languages, message):
    assert problems(tmp_path, f"languages: {languages}") == [f"mkdocs.yml:7: {message}"]


def test_a_missing_stylesheet_is_named(tmp_path):
    assert problems(tmp_path, "stylesheets:\n  - a.css\n  - b.css") == [
        "mkdocs.yml:9: extra.guidance.stylesheets[1]: file not found: 'b.css' (a path in the theme folder, styles/)"]


def test_a_missing_script_is_named(tmp_path):
    assert problems(tmp_path, "scripts:\n  - a.css\n  - gone.js") == [
        "mkdocs.yml:9: extra.guidance.scripts[1]: file not found: 'gone.js' (a path in the theme folder, styles/)"]


def test_environment_variables_are_checked_and_named(tmp_path):
    found = problems(tmp_path, "languages: [en]", {"GUIDANCE_OFFLINE": "on", "GUIDANCE_OFLINE": "1",
                                                   "GUIDANCE_LANGUAGES": "en,xx", "GUIDANCE_SITE_URL": ""})
    assert found == [
        "environment: GUIDANCE_LANGUAGES: unknown language code 'xx' (expected one of: en, cy, fr; to add a language, add its row to the language table in hooks/guidance/language.py)",
        "environment: GUIDANCE_OFFLINE: expected 1/0, true/false or yes/no, got 'on'",
        "environment: GUIDANCE_OFLINE: unknown setting (did you mean 'GUIDANCE_OFFLINE'?)",
    ]


def test_the_real_settings_are_valid():
    options = read_settings(ROOT / "mkdocs.yml", {}).options
    assert options.languages == ("en", "cy") and options.publish_drafts and not options.strict_translations


def test_settings_from_a_mapping_without_a_file():
    with pytest.raises(ContentError) as raised:
        settings_from({"guidance": {"offline": "sometimes"}}, ROOT, environ={})
    assert [str(p) for p in raised.value.problems] == [
        "mkdocs.yml: extra.guidance.offline: expected 1/0, true/false or yes/no, got 'sometimes'"]


def test_a_site_address_with_a_line_break_in_its_variable_is_refused():
    """MkDocs drops the line break from site_url before the hooks see it: the variable is checked as written."""
    with pytest.raises(ContentError) as raised:
        settings_from({}, ROOT, environ={"GUIDANCE_SITE_URL": "https://x.org/\nabout"}, site_url="https://x.org/about/")
    assert [str(p) for p in raised.value.problems] == [
        "environment: GUIDANCE_SITE_URL: expected a web address such as https://www.example.org.uk/guidance/, "
        "got a text of 20 characters"]
