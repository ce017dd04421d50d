"""Releases of the content, new copies and updates (issue 19), without a site build: the release's
files and manifest, every bad release refused with the copy unchanged byte for byte, the copy's
own files, and the update's report, questions and putting back."""

from __future__ import annotations

import hashlib
import json
import re
import stat
import tomllib
import zipfile
from pathlib import Path

import pytest
import yaml

from copies import (COUNCIL, DAY, QUESTION, REWORDED, ROOT, everything_in, forged, publisher_project, release_members,
                    release_of, two_releases, write_with_checksum)
from guidance.cli import main
from guidance.tools.copies.archive import read_release
from guidance.tools.copies.manifest import ReleaseError
from guidance.tools.copies.new_copy import new_copy, profile_id
from guidance.tools.copies.release import make_release
from guidance.language import Language
from guidance.tools.copies.update import NOT_CHANGED, update
from guidance.tools.copies.words import Words


@pytest.fixture(scope="module")
def releases(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The first release of the project, and a second one the same day with a question reworded
    and a sheet added."""
    return two_releases(tmp_path_factory.mktemp("publisher"))


@pytest.fixture
def copy(tmp_path: Path, releases: tuple[Path, Path]) -> Path:
    folder = tmp_path / "our-copy"
    new_copy(folder, releases[0], COUNCIL)
    return folder


# --- release -------------------------------------------------------------------------------------

def test_a_release_holds_the_content_and_a_manifest_of_its_hashes(releases: tuple[Path, Path]) -> None:
    first, _ = releases
    assert first.name == "guidance-content-2026.12.04.zip"
    members = release_members(first)
    assert {"content/site.yml", "content/sheets/3.3-partnership/sheet.yml", "content/locale/cy/LC_MESSAGES/guidance.po",
            "content/locale/guidance.pot", "content/schemas/sheet.schema.json", "content/schemas/publisher.schema.json",
            "pages/accessibility.md", "pages/cy/privacy.md", "manifest.json"} <= set(members)
    assert "pages/host-your-own-copy.md" in members  # the publisher's guide for councils: in the release, not in a copy
    manifest = json.loads(members.pop("manifest.json"))
    assert (manifest["version"], manifest["date"], manifest["previous"]) == ("2026.12.04", "2026-12-04", None)
    assert manifest["files"] == {name: hashlib.sha256(data).hexdigest() for name, data in members.items()}
    checksum = first.with_name(first.name + ".sha256").read_text(encoding="utf-8")
    assert checksum == f"{hashlib.sha256(first.read_bytes()).hexdigest()}  {first.name}\n"


def test_a_second_release_the_same_day_is_numbered_and_records_what_changed(releases: tuple[Path, Path]) -> None:
    _, second = releases
    assert second.name == "guidance-content-2026.12.04.2.zip"
    manifest = json.loads(release_members(second)["manifest.json"])
    assert manifest["previous"] == "2026.12.04"
    by_sheet = {change["id"]: change for change in manifest["changes"]}
    assert by_sheet["volunteers"]["kind"] == "added"
    assert by_sheet["partnership"]["reworded"] == [{"before": QUESTION, "now": REWORDED}]


def test_the_same_content_makes_the_same_release_byte_for_byte(tmp_path: Path) -> None:
    project = publisher_project(tmp_path / "project")
    one = make_release(project / "content_src", project / "docs", tmp_path / "a", DAY).zip_file
    two = make_release(project / "content_src", project / "docs", tmp_path / "b", DAY).zip_file
    assert one.read_bytes() == two.read_bytes()


def test_a_release_is_never_replaced_and_its_version_is_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = publisher_project(tmp_path / "project")
    made = make_release(project / "content_src", project / "docs", tmp_path / "out", DAY, version="2027.1").zip_file
    before = made.read_bytes()
    with pytest.raises(ReleaseError, match="already exists; a release is never replaced"):
        make_release(project / "content_src", project / "docs", tmp_path / "out", DAY, version="2027.1")
    with pytest.raises(ReleaseError, match=r"--version: expected a version of numbers joined by dots.*'\.\./x'"):
        make_release(project / "content_src", project / "docs", tmp_path / "out", DAY, version="../x")
    with pytest.raises(ReleaseError, match="2026.1 is not newer than the previous release, 2027.1"):
        make_release(project / "content_src", project / "docs", tmp_path / "out", DAY, version="2026.1", previous_file=made)
    assert made.read_bytes() == before


def test_the_release_command_refuses_content_that_does_not_build(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = publisher_project(tmp_path / "project")
    (project / "mkdocs.yml").write_text("extra:\n  guidance:\n    content: content_src\n", encoding="utf-8")
    sheet = project / "content_src" / "sheets" / "3.3-partnership" / "sheet.yml"
    sheet.write_text(sheet.read_text(encoding="utf-8").replace("last_updated: 2017-06-30", "last_updated: 30/06/2017"),
                     encoding="utf-8")
    line = sheet.read_text(encoding="utf-8").splitlines().index("last_updated: 30/06/2017") + 1
    assert main(["release", str(tmp_path / "out"), "-f", str(project / "mkdocs.yml")]) == 1
    assert (f"content_src/sheets/3.3-partnership/sheet.yml:{line}: last_updated: expected a date as YYYY-MM-DD, "
            "got '30/06/2017'") in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


# --- bad releases --------------------------------------------------------------------------------

def _link(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


def _bad_release(case: str, good: Path, folder: Path) -> Path:
    """A release file with one thing wrong, made from the good one's files."""
    files = {n: d for n, d in release_members(good).items() if n != "manifest.json"}
    path = folder / "guidance-content-2026.12.05.zip"
    sheet = "content/sheets/3.3-partnership/sheet.yml"
    if case == "missing checksum":
        return forged(path, files, checksum=False)
    if case == "wrong checksum":
        forged(path, files)
        path.with_name(path.name + ".sha256").write_text("0" * 64 + f"  {path.name}\n", encoding="utf-8")
        return path
    if case == "truncated":
        write_with_checksum(path, forged(path, files).read_bytes()[:-200])
        return path
    if case == "not a zip":
        write_with_checksum(path, b"%PDF-1.7 this is not a zip\n" * 100)
        return path
    if case == "absolute path":
        return forged(path, {**files, "/etc/evil.yml": b"x"})
    if case == "dot dot":
        return forged(path, {**files, "content/../../evil.yml": b"x"})
    if case == "link":
        return forged(path, files, infos=[(_link("content/sheets/evil/sheet.yml"), b"/etc/passwd")])
    if case == "names differing by case":
        return forged(path, {**files, "content/sheets/3.3-Partnership/sheet.yml": files[sheet]})
    if case == "over 50 MB unpacked":
        return forged(path, {**files, **{f"content/filler/{n}.txt": b"\0" * (5 * 1024 * 1024) for n in range(10)}})
    if case == "member over 5 MB":
        return forged(path, {**files, "content/big.txt": b" " * (5 * 1024 * 1024 + 1)})
    if case == "manifest hash not matching":
        true_hashes = {n: hashlib.sha256(d).hexdigest() for n, d in files.items()}
        tampered = {**files, sheet: files[sheet].replace(b"Partnership", b"Partnerships")}
        manifest = {"format": 1, "version": "2026.12.05", "date": "2026-12-05", "previous": None,
                    "files": true_hashes, "changes": []}
        return forged(path, tampered, manifest=manifest)
    raise AssertionError(case)


BAD_RELEASES = {
    "missing checksum": "its checksum file guidance-content-2026.12.05.zip.sha256 is not beside it",
    "wrong checksum": "its checksum does not match the one in guidance-content-2026.12.05.zip.sha256",
    "truncated": "not a zip file, or cut short",
    "not a zip": "not a zip file, or cut short",
    "absolute path": "'/etc/evil.yml' is an absolute path",
    "dot dot": "'content/../../evil.yml' leads out of the folder ('..')",
    "link": "'content/sheets/evil/sheet.yml' is a link; a release holds only plain files",
    "names differing by case": "differ only by capital letters",
    "over 50 MB unpacked": "more than 52,428,800 bytes unpacked, the limit for a release",
    "member over 5 MB": "'content/big.txt' is 5,242,881 bytes unpacked; the limit for one file is 5,242,880",
    "manifest hash not matching": "'content/sheets/3.3-partnership/sheet.yml' does not match its SHA-256 in the manifest",
}


@pytest.mark.parametrize("case", BAD_RELEASES)
def test_a_bad_release_is_refused_with_one_message_and_the_copy_unchanged(
        case: str, copy: Path, releases: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = _bad_release(case, releases[0], tmp_path)
    before = everything_in(tmp_path)
    assert main(["update", str(bad), "--yes", "--copy", str(copy)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and BAD_RELEASES[case] in captured.err, captured.err
    assert "Traceback" not in captured.err
    assert everything_in(tmp_path) == before  # the copy, byte for byte, and nothing beside it


@pytest.mark.parametrize("case", BAD_RELEASES)
def test_a_bad_release_makes_no_new_copy(case: str, releases: tuple[Path, Path], tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    bad = _bad_release(case, releases[0], tmp_path)
    assert main(["new-copy", str(tmp_path / "copy"), "--release", str(bad), "--publisher-name", COUNCIL]) == 1
    assert BAD_RELEASES[case] in capsys.readouterr().err
    assert not (tmp_path / "copy").exists()


def test_an_older_release_is_refused_unless_allowed(copy: Path, releases: tuple[Path, Path],
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    first, second = releases
    assert main(["update", str(second), "--yes", "--copy", str(copy)]) == 0
    before = everything_in(copy)
    assert main(["update", str(first), "--yes", "--copy", str(copy)]) == 1
    assert capsys.readouterr().err == ("guidance-content-2026.12.04.zip: release 2026.12.04 is older than the installed "
                                       "release, 2026.12.04.2. To go back to it all the same, add --allow-older.\n")
    assert everything_in(copy) == before
    assert main(["update", str(first), "--yes", "--allow-older", "--copy", str(copy)]) == 0
    assert json.loads((copy / "release-lock.json").read_text(encoding="utf-8"))["version"] == "2026.12.04"


def test_a_release_is_read_whole_when_it_is_good(releases: tuple[Path, Path]) -> None:
    release = read_release(releases[1])
    assert release.version == "2026.12.04.2"
    assert "content/sheets/3.4-volunteers/sheet.yml" in release.files


# --- new copy ------------------------------------------------------------------------------------

def test_a_new_copy_holds_the_councils_files_and_the_release_locked(copy: Path, releases: tuple[Path, Path]) -> None:
    settings = (copy / "mkdocs.yml").read_text(encoding="utf-8")
    assert "    languages: [en, cy]          # Welsh first: [cy, en]\n" in settings
    assert 'site_url: !ENV [GUIDANCE_SITE_URL, ""]' in settings
    assert yaml.safe_load(settings.replace("!ENV ", ""))["watch"] == ["publisher.yml", "sheets", "release"]  # guidance serve
    profile = (copy / "publisher.yml").read_text(encoding="utf-8")
    assert profile.splitlines()[0] == "# yaml-language-server: $schema=release/content/schemas/publisher.schema.json"
    assert (copy / "release/content/schemas/publisher.schema.json").is_file()
    assert yaml.safe_load(profile)["name"] == {"en": COUNCIL, "cy": COUNCIL}
    assert (copy / "pages/accessibility.md").is_file() and (copy / "pages/cy/accessibility.md").is_file()
    assert not list(copy.glob("pages/**/host-your-own-copy.md"))
    assert (copy / "sheets").is_dir()
    lock = json.loads((copy / "release-lock.json").read_text(encoding="utf-8"))
    first = releases[0]
    assert lock == {"release": first.name, "version": "2026.12.04",
                    "sha256": hashlib.sha256(first.read_bytes()).hexdigest()}
    members = {n: d for n, d in release_members(first).items()}
    assert {k: v for k, v in everything_in(copy / "release").items() if v is not None} == members


def test_a_new_copys_ci_files_install_the_locked_packages_and_publish_the_build(copy: Path) -> None:
    github = yaml.safe_load((copy / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    steps = github["jobs"]["build"]["steps"]
    runs = "\n".join(step.get("run", "") for step in steps)
    assert ".venv/bin/python -m pip install --require-hashes --no-deps -r requirements.lock" in runs
    build = next(step for step in steps if step.get("run") == ".venv/bin/guidance build site")
    assert build["env"]["GUIDANCE_SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    assert {"uses": "actions/upload-pages-artifact@v3", "with": {"path": "site"}} in steps
    assert github["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert github["jobs"]["deploy"]["steps"][0]["uses"] == "actions/deploy-pages@v4"
    gitlab = yaml.safe_load((copy / ".gitlab-ci.yml").read_text(encoding="utf-8"))["pages"]
    assert gitlab["script"] == ["python -m venv .venv",
                                ".venv/bin/python -m pip install --require-hashes --no-deps -r requirements.lock",
                                'GUIDANCE_SITE_URL="$CI_PAGES_URL/" .venv/bin/guidance build public']
    assert gitlab["artifacts"] == {"paths": ["public"]}


@pytest.mark.parametrize("name", ['Cyngor "Gwirfoddol": Sir Gâr # 1', "<script>alert(1)</script>", "a: b\nc: d"])
def test_the_councils_name_is_text_in_its_profile(name: str, releases: tuple[Path, Path], tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["new-copy", str(tmp_path / "c"), "--release", str(releases[0]), "--publisher-name", name])
    if "\n" in name:
        assert code == 1 and "--publisher-name: holds a control character" in capsys.readouterr().err
        assert not (tmp_path / "c").exists()
        return
    assert code == 0
    assert yaml.safe_load((tmp_path / "c" / "publisher.yml").read_text(encoding="utf-8"))["name"]["en"] == name


def test_a_profile_id_is_made_from_the_name() -> None:
    assert profile_id("Cymdeithas Gwasanaethau Gwirfoddol Sir Gâr") == "cymdeithas-gwasanaethau-gwirfoddol-sir"
    assert profile_id("???") == "council"


def test_a_new_copy_is_never_made_over_a_folder_in_use(releases: tuple[Path, Path], tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "notes.txt").write_text("ours", encoding="utf-8")
    assert main(["new-copy", str(tmp_path / "busy"), "--release", str(releases[0]), "--publisher-name", COUNCIL]) == 1
    assert "already exists and is not empty" in capsys.readouterr().err
    assert everything_in(tmp_path / "busy") == {"notes.txt": b"ours"}


def test_a_folder_without_its_lock_or_profile_says_what_to_run(copy: Path, releases: tuple[Path, Path],
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    (copy / "publisher.yml").unlink()
    assert main(["update", str(releases[1]), "--copy", str(copy)]) == 1
    assert "its publisher profile publisher.yml is missing" in capsys.readouterr().err
    (copy / "release-lock.json").unlink()
    assert main(["update", str(releases[1]), "--copy", str(copy)]) == 1
    err = capsys.readouterr().err
    assert "not a copy of the guidance sheets: it has no release-lock.json. Make a copy with:" in err
    assert "guidance new-copy FOLDER --release guidance-content-VERSION.zip" in err


# --- update --------------------------------------------------------------------------------------

def _run_update(copy: Path, release: Path, *, answer: bool = True, failure: str | None = None) -> tuple[int, str]:
    said: list[str] = []
    built: list[Path] = []

    def build(folder: Path) -> str | None:
        built.append(folder)
        return failure

    code = update(copy, release, yes=False, allow_older=False, ask=lambda question: answer,
                  build=build, say=said.append)
    return code, "\n".join(said)


def test_the_update_report_names_the_new_sheet_and_the_reworded_question(copy: Path, releases: tuple[Path, Path]) -> None:
    code, said = _run_update(copy, releases[1], answer=False)
    assert code == 0
    assert "Release 2026.12.04.2, compared with release 2026.12.04:" in said
    assert "New sheet (1):\n  - 3.4 Working with volunteers\n" in said
    assert ("  3.3 Partnership\n    English: 1 text changed, in \"As an individual\".\n"
            "    1 checklist question reworded:\n"
            f'      now:    "{REWORDED}"\n      before: "{QUESTION}"\n'
            "    Readers who saved answers to this question in their browser will see those answers shown as "
            "answers to the earlier wording.") in said
    assert said.endswith("Nothing was changed.")


def test_declining_the_update_leaves_the_copy_as_it_was(copy: Path, releases: tuple[Path, Path]) -> None:
    before = everything_in(copy)
    assert _run_update(copy, releases[1], answer=False)[0] == 0
    assert everything_in(copy) == before


def test_an_update_replaces_the_release_and_the_lock_only(copy: Path, releases: tuple[Path, Path]) -> None:
    (copy / "sheets" / "ours.txt").write_text("our notes", encoding="utf-8")
    before = everything_in(copy)
    assert _run_update(copy, releases[1])[1].endswith("Updated to release 2026.12.04.2, and the site is built.")
    after = everything_in(copy)
    changed = {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}
    assert changed and all(path.startswith("release/") or path == "release-lock.json" for path in changed), changed
    assert (copy / "release/content/sheets/3.4-volunteers/sheet.yml").is_file()


def test_an_update_that_does_not_build_is_put_back(copy: Path, releases: tuple[Path, Path]) -> None:
    before = everything_in(copy)
    code, said = _run_update(copy, releases[1], failure="content/sheets/3.4-volunteers/sheet.yml:3: series: unknown series")
    assert code == 1
    assert ("The update was not applied: the site does not build with release 2026.12.04.2:\n"
            "content/sheets/3.4-volunteers/sheet.yml:3: series: unknown series\n"
            "Your copy is as it was, showing release 2026.12.04.") in said
    assert everything_in(copy) == before


def test_the_same_release_again_is_nothing_to_do(copy: Path, releases: tuple[Path, Path]) -> None:
    before = everything_in(copy)
    assert _run_update(copy, releases[0]) == (0, "Release 2026.12.04 is already the one this copy shows: nothing to do.")
    assert everything_in(copy) == before


def test_an_update_that_brings_new_packages_says_how_to_install_them(tmp_path: Path) -> None:
    project = publisher_project(tmp_path / "project")
    lock = tmp_path / "requirements.lock"
    lock.write_text("mkdocs==1.6.1 \\\n    --hash=sha256:" + "1" * 64 + "\n", encoding="utf-8")
    first = release_of(project, tmp_path / "out", requirements=lock)
    lock.write_text("mkdocs==1.6.2 \\\n    --hash=sha256:" + "2" * 64 + "\n", encoding="utf-8")
    second = release_of(project, tmp_path / "out", requirements=lock, previous_file=first)
    copy = tmp_path / "copy"
    new_copy(copy, first, COUNCIL)
    assert (copy / "requirements.lock").read_text(encoding="utf-8").startswith("mkdocs==1.6.1")
    said: list[str] = []
    assert update(copy, second, yes=True, allow_older=False, ask=lambda q: True, build=lambda c: None, say=said.append) == 0
    assert said[-1].startswith("This release comes with a new version of the program (requirements.lock).")
    assert (copy / "requirements.lock").read_text(encoding="utf-8").startswith("mkdocs==1.6.2")


def test_the_lock_pins_every_dependency_with_hashes() -> None:
    """requirements.lock (what a copy's CI installs with --require-hashes) pins every dependency
    of the package, each with the hashes of its files, and colorama for Windows."""
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    pins = {}
    for block in re.split(r"\n(?=[a-z])", text.split("\n", 6)[-1]):
        if "==" in block:
            name = re.match(r"([a-z0-9-]+)==", block).group(1)
            pins[name] = len(re.findall(r"--hash=sha256:[0-9a-f]{64}", block))
    wanted = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    names = {re.split(r"[=<>~ ;\[]", spec, maxsplit=1)[0].lower().replace("_", "-").replace(".", "-") for spec in wanted}
    assert names <= set(pins), sorted(names - set(pins))
    assert "colorama" in pins and all(count >= 1 for count in pins.values())
    assert pins["pydantic-core"] > 10  # every platform's wheels, not only this machine's


def test_a_welsh_first_copy_is_told_what_changed_in_welsh(copy: Path, releases: tuple[Path, Path],
                                                          monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    settings = copy / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    assert "    languages: [en, cy]" in text
    settings.write_text(text.replace("    languages: [en, cy]", "    languages: [cy, en]"), encoding="utf-8")
    asked: list[str] = []
    monkeypatch.setattr("builtins.input", lambda prompt: asked.append(prompt) or "n")
    before = everything_in(copy)
    assert main(["update", str(releases[1]), "--copy", str(copy)]) == 0
    said = capsys.readouterr().out
    assert "Rhyddhad 2026.12.04.2, o'i gymharu â rhyddhad 2026.12.04:" in said
    assert "Taflen newydd (1):\n  - 3.4 Working with volunteers" in said
    assert "Taflen wedi newid (1):\n  3.3 Partneriaeth\n" in said  # the sheet and section by their Welsh titles
    assert "    Saesneg: newidiodd 1 testun, yn \"Fel unigolyn\"." in said
    assert f'    Aralleiriwyd 1 cwestiwn yn y rhestr wirio:\n      nawr: "{REWORDED}"\n      cynt: "{QUESTION}"' in said
    assert "Bydd darllenwyr a gadwodd atebion i'r cwestiwn hwn yn eu porwr" in said
    assert asked == ["\nRhoi rhyddhad 2026.12.04.2 ar waith yn y copi hwn? Teipiwch y am ie, n am na: "]
    assert said.rstrip().endswith("Ni newidiwyd dim.")
    assert everything_in(copy) == before


def test_a_translation_with_a_control_character_is_not_printed() -> None:
    import gettext

    class Hostile(gettext.NullTranslations):
        def gettext(self, message: str) -> str:
            return "\x1b]0;owned\x07Nothing {version}"

    words = Words(Language("cy", ui=Hostile()))
    assert words(NOT_CHANGED) == "Nothing was changed."


def test_translations_extract_never_writes_a_copys_release(copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = everything_in(copy)
    assert main(["translations", "extract", "-f", str(copy / "mkdocs.yml")]) == 2
    assert "the catalogues of a copy come with its release" in capsys.readouterr().err
    assert everything_in(copy) == before


def test_an_update_stopped_while_it_builds_puts_the_previous_release_back(copy: Path, releases: tuple[Path, Path]) -> None:
    before = everything_in(copy)

    def stopped(folder: Path) -> str | None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        update(copy, releases[1], yes=True, allow_older=False, ask=lambda q: True, build=stopped, say=lambda text: None)
    assert everything_in(copy) == before
