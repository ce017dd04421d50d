"""The CI files a new copy carries: GitHub Pages and GitLab Pages install the locked packages
(every one pinned by its hash) and run ``guidance build``, with the site's address filled in."""

from __future__ import annotations

from .layout import REQUIREMENTS, SITE

PYTHON = "3.12"
GITHUB = """\
# Publishes this copy on GitHub Pages each time a change reaches the main branch.
# In the repository's Settings > Pages, choose "GitHub Actions" as the source, once.
name: Publish the site
on:
  push:
    branches: [main]
  workflow_dispatch:
permissions:
  contents: read
  pages: write
  id-token: write
concurrency:
  group: pages
  cancel-in-progress: true
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "{python}"
      - id: pages
        uses: actions/configure-pages@v5
      - name: Install the locked packages
        run: |
          python -m venv .venv
          .venv/bin/python -m pip install --require-hashes --no-deps -r {requirements}
      - name: Build the site
        run: .venv/bin/guidance build {site}
        env:
          GUIDANCE_SITE_URL: ${{{{ steps.pages.outputs.base_url }}}}/
      - uses: actions/upload-pages-artifact@v3
        with:
          path: {site}
  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{{{ steps.deployment.outputs.page_url }}}}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
"""
GITLAB = """\
# Publishes this copy on GitLab Pages each time a change reaches the default branch.
pages:
  image: python:{python}-slim
  script:
    - python -m venv .venv
    - .venv/bin/python -m pip install --require-hashes --no-deps -r {requirements}
    - GUIDANCE_SITE_URL="$CI_PAGES_URL/" .venv/bin/guidance build public
  artifacts:
    paths:
      - public
  rules:
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
"""


def ci_files() -> dict[str, str]:
    """Each CI file's path in the copy, and its text."""
    names = {"python": PYTHON, "requirements": REQUIREMENTS, "site": SITE}
    return {".github/workflows/pages.yml": GITHUB.format(**names), ".gitlab-ci.yml": GITLAB.format(**names)}
