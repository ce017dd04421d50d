"""The generator's adapter: the one place that knows MkDocs (mkdocs_site.py).
"""
