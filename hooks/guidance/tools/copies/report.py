"""The changes between two releases in plain words, for a person who is not a developer."""

from __future__ import annotations

from babel import Locale

from ...language import SOURCE, TABLE
from .changes import SheetChange

KEPT = ("Your own pages, your own sheets, your publisher profile and your settings are not changed "
        "by an update.")
SAVED_ANSWERS = ("Readers who saved answers to {it} in their browser will see those answers shown as answers "
                 "to the earlier wording.")


def language_name(code: str) -> str:
    """The language's name in English ("Welsh"), from Babel's data, not typed here."""
    return Locale.parse(TABLE[code].locale).get_language_name(SOURCE.locale) or code


def plural(count: int, singular: str, several: str | None = None) -> str:
    return f"{count} {singular if count == 1 else (several or singular + 's')}"


def describe_changes(changes: list[SheetChange], before: str | None, now: str) -> str:
    """Every change, sheet by sheet and language by language, then what an update never touches."""
    heading = f"Release {now}, compared with release {before}:" if before else f"Release {now}:"
    lines = [heading, ""]
    added = [c for c in changes if c.kind == "added"]
    removed = [c for c in changes if c.kind == "removed"]
    changed = [c for c in changes if c.kind == "changed"]
    if not changes:
        lines += ["The sheets and their translations are the same in both releases.", ""]
    if added:
        lines.append(f"New sheets ({len(added)}):")
        lines += [f"  - {c.label}" + _translations_note(c) for c in added]
        lines.append("")
    if removed:
        lines.append(f"Sheets removed ({len(removed)}): their pages will no longer be on your site.")
        lines += [f"  - {c.label}" for c in removed]
        lines.append("")
    if changed:
        lines.append(f"Sheets changed ({len(changed)}):")
        for change in changed:
            lines += _changed_sheet(change)
        lines.append("")
    lines.append(KEPT)
    return "\n".join(lines)


def _translations_note(change: SheetChange) -> str:
    parts = [f"{language_name(t.language)}: {plural(t.added, 'text')} translated" for t in change.translations]
    return f" ({'; '.join(parts)})" if parts else ""


def _changed_sheet(change: SheetChange) -> list[str]:
    lines = [f"  {change.label}"]
    if change.texts_changed:
        where = ", ".join(f'"{name}"' for name in change.sections)
        lines.append(f"    {language_name(SOURCE.code)}: {plural(change.texts_changed, 'text')} changed, in {where}.")
    if change.reworded:
        lines.append(f"    {plural(len(change.reworded), 'checklist question')} reworded:")
        for question in change.reworded:
            lines += [f'      now:    "{question.now}"', f'      before: "{question.before}"']
        it = "this question" if len(change.reworded) == 1 else "these questions"
        lines.append("    " + SAVED_ANSWERS.format(it=it))
    for translated in change.translations:
        parts = [f"{plural(translated.added, 'translation')} added"] if translated.added else []
        parts += [f"{plural(translated.updated, 'translation')} updated"] if translated.updated else []
        lines.append(f"    {language_name(translated.language)}: {' and '.join(parts)}.")
    return lines
