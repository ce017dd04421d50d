"""The project as a Python package: a wheel built from it, installed into a fresh virtual
environment, builds a site from a folder that holds only a small mkdocs.yml and its content,
outside the repository, with the `guidance` command (and `python -m guidance`)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path

from conftest import ROOT, parse

SETTINGS = """\
site_name: Our council's guidance
extra:
  guidance:
    content: content
    publisher: content/publishers/cavs.yml
    languages: [en, cy]
"""
SHEET = "working-with-others/partnership/index.html"
WELSH_SHEET = "cy/gweithio-gydag-eraill/partneriaeth/index.html"


def run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True, timeout=120,
                            env=env or {**os.environ, "PYTHONPATH": ""})
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def wheel(tmp_path: Path) -> Path:
    """`pip wheel . --no-deps` in a copy of the project (the build leaves its work files in the
    folder it builds), with the setuptools and wheel of this environment: no network."""
    project = tmp_path / "project"
    for name in ["pyproject.toml", "README.md", "package.json", "hooks", "overrides", "docs"]:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            project.mkdir(exist_ok=True)
            shutil.copy(source, project / name)
    run(sys.executable, "-m", "pip", "wheel", ".", "--no-deps", "--no-build-isolation", "-q", "-w", tmp_path / "dist",
        cwd=project)
    return next((tmp_path / "dist").glob("guidance-*.whl"))


def fresh_environment(tmp_path: Path, built: Path) -> Path:
    """A new virtual environment with the wheel installed from the file alone (--no-index); its
    dependencies are found in this environment's packages, which it reads (a .pth file)."""
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path)
    site_packages = Path(sysconfig.get_paths(vars={"base": str(venv), "platbase": str(venv)})["purelib"])
    (site_packages / "reused.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    python = venv / ("Scripts" if os.name == "nt" else "bin") / "python"
    run(python, "-m", "pip", "install", "--no-index", "--find-links", built.parent, "guidance", "-q", cwd=tmp_path)
    return python


def test_an_installed_guidance_builds_a_site_folder_of_settings_and_content(tmp_path):
    python = fresh_environment(tmp_path, wheel(tmp_path))
    folder = tmp_path / "council"
    shutil.copytree(ROOT / "content_src", folder / "content", ignore=shutil.ignore_patterns("schemas"))
    (folder / "mkdocs.yml").write_text(SETTINGS, encoding="utf-8")
    env = {"PATH": str(python.parent) + os.pathsep + "/usr/bin:/bin", "HOME": str(tmp_path), "NO_MKDOCS_2_WARNING": "1"}

    installed = run(python, "-c", "import guidance; print(guidance.__file__)", cwd=folder, env=env).stdout
    assert installed.startswith(str(tmp_path / "venv")), installed  # the wheel's package, not the repository's
    run(python.parent / "guidance", "build", "out", cwd=folder, env=env)

    english = parse(folder / "out" / SHEET)
    welsh = parse(folder / "out" / WELSH_SHEET)
    assert " ".join(english.find("h1").get_text().split()) == "3.3 Partnership"
    assert welsh.find("html")["lang"] == "cy"
    assert " ".join(welsh.find("h1").get_text().split()) == "3.3 Partneriaeth"
    assert (folder / "out" / "assets" / "site.css").stat().st_size > 1000  # the theme's stylesheets came with it
    assert (folder / "out" / "accessibility" / "index.html").is_file()    # and the hand-written pages

    run(python, "-m", "guidance", "build", "again", cwd=folder, env=env)
    assert (folder / "again" / SHEET).read_bytes() == (folder / "out" / SHEET).read_bytes()


def test_every_package_of_the_core_is_in_the_wheel():
    """pyproject.toml names its packages (the theme and pages are mapped in from other folders):
    a package added to hooks/guidance/ must be named there too."""
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT / "hooks").parts) for p in (ROOT / "hooks" / "guidance").rglob("__init__.py")}
    assert found <= listed, sorted(found - listed)


def test_the_command_says_what_is_wrong_once_and_exits_1(tmp_path):
    """A site folder whose settings name a missing profile, and one with no settings at all."""
    folder = tmp_path / "council"
    shutil.copytree(ROOT / "content_src", folder / "content", ignore=shutil.ignore_patterns("schemas"))
    (folder / "mkdocs.yml").write_text(SETTINGS.replace("cavs.yml", "ours.yml"), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
    for args, message in [(["build", "out"], "content/publishers/ours.yml: cannot be read"),
                          (["build", "out", "-f", "none.yml"], "none.yml: cannot be read as settings")]:
        result = subprocess.run([sys.executable, "-m", "guidance", *args], cwd=folder, env=env,
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 1
        assert message in result.stderr and "Traceback" not in result.stderr, result.stderr
        assert not (folder / "out").exists()
