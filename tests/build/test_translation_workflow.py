"""The translators' workflow: a changed English text makes its Welsh out of date, everywhere."""

from __future__ import annotations

from babel.messages.pofile import read_po

from conftest import ROOT, copy_content, mkdocs_build, page_text, parse
from guidance.tools import translations
from guidance.site.settings import settings_from

KEY = "partnership.autonomy.text"
OLD, NEW = "You may lose autonomy.", "You may lose some of your autonomy."


def settings(tmp_path):
    return settings_from({"guidance": {"languages": ["en", "cy"]}}, tmp_path, str(ROOT / "overrides"), environ={},
                         docs_dir=str(ROOT / "docs"))  # the hand-written pages, whose slugs the catalogue has


def change_english(content):
    sheet = content / "sheets/3.3-partnership/sheet.yml"
    sheet.write_text(sheet.read_text(encoding="utf-8").replace(OLD, NEW), encoding="utf-8")


def welsh_entry(content, key=KEY):
    catalogue = read_po((content / "locale/cy/LC_MESSAGES/guidance.po").open("rb"), locale="cy")
    return next(m for m in catalogue if m.context == key)


def test_changed_english_marks_the_welsh_out_of_date(tmp_path, capsys):
    content = copy_content(tmp_path)
    assert translations.status(settings(tmp_path)) == 0
    capsys.readouterr()
    change_english(content)

    assert translations.status(settings(tmp_path)) == 1
    row = next(line for line in capsys.readouterr().out.splitlines() if "3.3 partnership" in line)
    assert row.split()[3:8] == ["101", "0", "100", "1", "0"]  # texts, current, draft, outdated, missing

    assert translations.extract(settings(tmp_path)) == 0
    entry = welsh_entry(content)
    assert entry.id == NEW and entry.fuzzy and "draft" in entry.flags
    assert entry.string == "Efallai y byddwch yn colli eich annibyniaeth."
    po = (content / "locale/cy/LC_MESSAGES/guidance.po").read_text(encoding="utf-8")
    assert f'#| msgid "{OLD}"\nmsgctxt "{KEY}"\nmsgid "{NEW}"' in po  # the translator sees what changed
    assert translations.status(settings(tmp_path)) == 1


def test_out_of_date_welsh_falls_back_to_marked_english_and_strict_build_refuses(tmp_path):
    content = copy_content(tmp_path)
    change_english(content)
    site = tmp_path / "site"
    assert mkdocs_build(site, env={"GUIDANCE_CONTENT": str(content)}).returncode == 0
    item = parse(site / "cy/gweithio-gydag-eraill/partneriaeth/index.html").select_one("li#autonomy")
    assert page_text(item.select_one('[lang="en"]')) == NEW
    assert page_text(item.select_one(".gd-untranslated")) == "(nid yw ar gael yn Gymraeg eto)"
    assert "annibyniaeth" not in page_text(item)

    strict = mkdocs_build(tmp_path / "strict-site", env={"GUIDANCE_CONTENT": str(content), "GUIDANCE_STRICT_TRANSLATIONS": "1"})
    assert strict.returncode != 0
    assert f"content_src/locale/cy/LC_MESSAGES/guidance.po:" in strict.stderr
    assert f": {KEY}: outdated cy translation (strict translations are on)" in strict.stderr
    assert not (tmp_path / "strict-site").exists()


def test_missing_welsh_falls_back_and_the_real_catalogue_is_complete(tmp_path):
    content = copy_content(tmp_path)
    po = content / "locale/cy/LC_MESSAGES/guidance.po"
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace('msgstr "Efallai y byddwch yn colli eich annibyniaeth."', 'msgstr ""'), encoding="utf-8")
    strict = mkdocs_build(tmp_path / "site", env={"GUIDANCE_CONTENT": str(content), "GUIDANCE_STRICT_TRANSLATIONS": "1"})
    assert f": {KEY}: missing cy translation" in strict.stderr

    real = mkdocs_build(tmp_path / "real", env={"GUIDANCE_STRICT_TRANSLATIONS": "1"})
    assert real.returncode == 0, real.stderr


def test_unpublished_drafts_fall_back_to_english(tmp_path):
    from guidance.languages.catalogue import load_translation
    translation = load_translation("cy", ROOT / "content_src", publish_drafts=False)
    text = translation.lookup(KEY, OLD)
    assert (str(text), text.lang, text.state) == (OLD, "en", "draft")
    published = load_translation("cy", ROOT / "content_src").lookup(KEY, OLD)
    assert (published.lang, published.state) == ("cy", "draft")


def test_extract_gives_every_page_a_slug_to_translate(tmp_path):
    """The comparison pages and the hand-written pages of docs/ have their slugs in the catalogue,
    as the sheets and series do: a translator gives each its address in the language."""
    content = copy_content(tmp_path)
    assert translations.extract(settings(tmp_path)) == 0
    template = read_po((content / "locale/guidance.pot").open("rb"))
    slugs = {m.context: m.id for m in template if (m.context or "").endswith(".slug")}
    assert slugs == {"site.working-with-others.slug": "working-with-others", "partnership.slug": "partnership",
                     "partnership.checklist.slug": "compare-checklist",
                     "partnership.as-an-individual.slug": "compare-as-an-individual",
                     "docs/accessibility.slug": "accessibility", "docs/host-your-own-copy.slug": "host-your-own-copy",
                     "docs/privacy.slug": "privacy"}
    assert welsh_entry(content, "docs/privacy.slug").string == "preifatrwydd"
