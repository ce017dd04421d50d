"""The editors' and translators' commands: the `guidance` command line, content and translation
reports, new sheets, the importer and the schemas for editors.
"""
