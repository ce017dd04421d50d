"""The guidance generator's core: content -> languages -> components -> site, with the editors'
tools beside it (see the README's Architecture).

Only the modules of ``adapter/`` import MkDocs: it is the one place that knows the site generator,
so the core can move to another one with a new adapter.
"""
