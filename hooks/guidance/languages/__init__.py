"""Languages beyond the table: the translators' catalogues and their checks, the model's texts in
a language, and dates and plurals as each language writes them.
"""
