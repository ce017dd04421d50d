"""For Node's tests of the components (``hooks/guidance/components/*/*.unit.test.mjs`` and
``tests/js``, through ``components/shared/load.mjs``): the self-check's examples built as the site
builds them (the content tree of ``conftest.selfcheck_content``, the core's ``build_site``, no
MkDocs), in English and Welsh, and each component's script as the build puts it together.

Prints JSON: {"scripts": {site path: [{"file", "source"}, ...]}, "served": {site path: the script
minified, as served}, "pages": {page source path: its HTML}} for the pages that have a checklist or
a comparison.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for conftest

from conftest import ROOT, selfcheck_content  # noqa: E402
from guidance.site.build import SiteBuild, build_site  # noqa: E402
from guidance.components import component_files, script_sources  # noqa: E402
from guidance.site.settings import Options  # noqa: E402


def example_site() -> SiteBuild:
    with tempfile.TemporaryDirectory() as folder:
        return build_site(selfcheck_content(Path(folder)), ROOT / "content_src" / "publishers" / "cavs.yml",
                          Options(languages=("en", "cy")))


if __name__ == "__main__":
    site = example_site()
    languages = list(site.languages.values())
    parts = script_sources(languages)
    print(json.dumps({"scripts": {uri: [{"file": file, "source": source} for source, file in sources]
                                  for uri, sources in parts.items()},
                      "served": {uri: text for uri, text in component_files(languages).items() if uri in parts},
                      "pages": {page.src_uri: page.html for page in site.pages
                                if "data-checklist" in page.html or "data-compare" in page.html}}))
