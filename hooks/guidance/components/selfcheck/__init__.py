"""The self-check: every checklist as a private self-assessment (see selfcheck.py)."""

from .selfcheck import (
    ANSWER_LABELS, EXAMPLES, NAMES, PLURALS, SCRIPT_URI, STRINGS, STYLESHEET, SelfCheck, answer_label_problems,
    fingerprint, fingerprints, script, selfcheck, sources,
)

__all__ = ["ANSWER_LABELS", "EXAMPLES", "NAMES", "PLURALS", "SCRIPT_URI", "STRINGS", "STYLESHEET", "SelfCheck",
           "answer_label_problems", "fingerprint", "fingerprints", "script", "selfcheck", "sources"]
