"""The content: reading YAML (with line numbers and YAML's traps explained), the model's schema
and text patterns, validation, review dates, the brand, and the whole project loaded and checked.
"""
