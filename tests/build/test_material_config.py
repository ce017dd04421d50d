"""Material's config block on every page: the search worker it names is the installed Material's
(nothing hashed is written by hand), and "base" is the page's own language's root."""

from __future__ import annotations

import json
from pathlib import Path

import material

from conftest import parse

WORKERS = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers"
PAGES = {"working-with-others/partnership/index.html": "", "cy/gweithio-gydag-eraill/partneriaeth/index.html": "cy", "404.html": ""}


def test_each_page_names_the_installed_search_worker_and_its_languages_root(site):
    installed = {p.name for p in WORKERS.glob("search.*.min.js")}
    assert len(installed) == 1
    for path, root in PAGES.items():
        page = site / path
        config = json.loads(parse(page).select_one("#__config").string)
        worker = (page.parent / config["search"]).resolve() if not config["search"].startswith("/") else site / config["search"].lstrip("/")
        assert worker.name in installed and worker.is_file(), (path, config["search"])
        base = (page.parent / config["base"]).resolve() if not config["base"].startswith("/") else site / config["base"].lstrip("/")
        assert base == (site / root).resolve(), (path, config["base"])
