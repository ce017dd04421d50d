"""The generator's adapter: the one place that knows MkDocs. mkdocs_api.py is the one module that
imports MkDocs (every name the site takes from it); mkdocs_site.py is the hook MkDocs loads (its
events), mkdocs_theme.py makes the core's theme context Material's, and mkdocs_command.py runs
MkDocs for ``guidance build`` and ``guidance serve``.
"""
