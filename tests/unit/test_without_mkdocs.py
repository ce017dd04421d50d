"""The core builds its pages with MkDocs and Material absent: in a Python that refuses to import
them, every module but the adapter's imports, and a build of the project makes every page."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from conftest import ROOT

SCRIPT = textwrap.dedent("""
    import importlib, sys
    from pathlib import Path

    class Refuse:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("mkdocs", "material"):
                raise ModuleNotFoundError(f"{name} is refused in this test", name=name)
            return None

    sys.meta_path.insert(0, Refuse())
    try:
        import mkdocs
    except ModuleNotFoundError:
        pass
    else:
        raise SystemExit("mkdocs imported: the test's finder does not work")

    package = Path(sys.argv[1]) / "guidance"
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        if not name.startswith("guidance.adapter.") and name != "guidance.__main__":
            importlib.import_module(name)

    from guidance.site.build import build_site
    from guidance.site.settings import read_settings
    settings = read_settings(Path(sys.argv[2]), {})
    build = build_site(settings.content_dir, settings.publisher_file, settings.options)
    for spec in build.pages:
        print(spec.src_uri, spec.title, len(spec.html))
    print("mkdocs loaded:", any(n.split(".")[0] in ("mkdocs", "material") for n in sys.modules))
""")


def test_the_core_builds_its_pages_with_mkdocs_absent():
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(ROOT / "hooks"), str(ROOT / "mkdocs.yml")],
                            cwd=ROOT, capture_output=True, text=True, timeout=120,
                            env={"PYTHONPATH": str(ROOT / "hooks"), "PATH": "/usr/bin:/bin", "HOME": str(ROOT)})
    assert result.returncode == 0, result.stderr
    pages = {line.split(" ")[0]: line for line in result.stdout.splitlines()}
    assert "working-with-others/partnership.md" in pages
    assert "cy/gweithio-gydag-eraill/partneriaeth.md" in pages
    assert pages["cy/gweithio-gydag-eraill/partneriaeth.md"].split(" ", 1)[1].startswith("3.3 Partneriaeth")
    assert result.stdout.rstrip().endswith("mkdocs loaded: False")


def test_the_refusing_finder_refuses():
    """The check above can fail: with the same finder, none of the adapter's modules imports."""
    for module in ("guidance.adapter.mkdocs_api", "guidance.adapter.mkdocs_site", "guidance.adapter.mkdocs_theme",
                   "guidance.adapter.mkdocs_command"):
        script = SCRIPT.split("package = Path")[0] + f"import {module}\n"
        result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60,
                                env={"PYTHONPATH": str(ROOT / "hooks"), "PATH": "/usr/bin:/bin", "HOME": str(ROOT)})
        assert result.returncode != 0, module
        assert "mkdocs" in result.stderr and "is refused in this test" in result.stderr, module
