"""A site folder's mkdocs.yml holds only its own settings; the shared MkDocs configuration
(hooks/guidance/site/mkdocs.yml) completes it (site/generator.py)."""

from __future__ import annotations

from pathlib import Path

from guidance.site import generator


def write(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "mkdocs.yml").write_text(text, encoding="utf-8")
    return folder / "mkdocs.yml"


def test_a_folder_of_settings_alone_gets_the_theme_hooks_and_pages_of_the_package(tmp_path):
    config = write(tmp_path, "site_name: Ours\nsite_url: !ENV [X, '']\nextra:\n  guidance:\n    content: content\n")
    added = generator.completed(config)
    assert "site_name" not in added and "site_url" not in added  # its own, read by MkDocs (with !ENV)
    assert added["theme"]["name"] == "material" and added["theme"]["custom_dir"] == str(generator.THEME)
    assert added["hooks"] == [str(generator.ADAPTER)] and added["docs_dir"] == str(generator.PAGES)
    assert added["extra"]["guidance"]["content"] == "content"  # its own kept, beside the theme's lists
    assert "assets/chrome.css" in added["extra"]["guidance"]["stylesheets"]


def test_a_folder_with_a_theme_is_read_as_it_is(tmp_path):
    config = write(tmp_path, "site_name: Ours\ntheme:\n  name: material\n")
    assert generator.completed(config) == {}


def test_the_repository_inherits_the_shared_file_and_needs_nothing_more():
    root = Path(__file__).resolve().parents[2]
    assert generator.completed(root / "mkdocs.yml") == {}
    assert generator.full_config(root / "mkdocs.yml")["theme"]["custom_dir"] == "overrides"
