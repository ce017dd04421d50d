"""The guidance generator's core: content -> load -> validate -> model -> render -> pages.

Nothing in this package imports MkDocs: the adapter in ``hooks/mkdocs_site.py`` is the only place
that knows about the site generator, so the core can move to another one with a new adapter.
"""
