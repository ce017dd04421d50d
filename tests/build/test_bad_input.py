"""A broken content file stops the build with a clear message and leaves the last site alone."""

from __future__ import annotations

import hashlib
from pathlib import Path

from conftest import FIXTURES, copy_content, mkdocs_build


def snapshot(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_bad_content_fails_the_build_and_keeps_the_previous_site(tmp_path):
    site = tmp_path / "site"
    content = copy_content(tmp_path)
    env = {"GUIDANCE_CONTENT": str(content)}
    assert mkdocs_build(site, env=env).returncode == 0
    before = snapshot(site)
    assert "working-with-others/partnership/index.html" in before

    broken = content / "sheets" / "broken" / "sheet.yml"
    broken.parent.mkdir()
    broken.write_text((FIXTURES / "broken" / "unknown-key.yml").read_text(encoding="utf-8"), encoding="utf-8")
    result = mkdocs_build(site, env=env)

    assert result.returncode != 0
    assert "sheets/broken/sheet.yml:15: sections[0].models[0].advantges: unknown key (did you mean 'advantages'?)" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(site) == before


def test_malformed_publisher_profile_fails_the_build(tmp_path):
    profile = tmp_path / "profile.yml"
    profile.write_text("id: x\nname: [unclosed\n", encoding="utf-8")
    result = mkdocs_build(tmp_path / "site", env={"GUIDANCE_PUBLISHER": str(profile)})
    assert result.returncode != 0
    assert "profile.yml:2: malformed YAML" in result.stderr
    assert not (tmp_path / "site").exists()
