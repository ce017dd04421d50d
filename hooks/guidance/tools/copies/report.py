"""The changes between two releases in plain words, for a person who is not a developer, in the
copy's main language where its release's catalogue has the words (English otherwise)."""

from __future__ import annotations

from ...language import SOURCE, N_, N_plural
from .changes import SITE_ID, SITE_LABEL, SheetChange
from .words import Words

HEADING = N_("Release {now}, compared with release {before}:")
FIRST_HEADING = N_("Release {now}:")
SAME = N_("The sheets and their translations are the same in both releases.")
ADDED = N_plural("New sheet ({count}):", "New sheets ({count}):")
REMOVED = N_plural("Sheet removed ({count}): its page will no longer be on your site.",
                   "Sheets removed ({count}): their pages will no longer be on your site.")
CHANGED = N_plural("Sheet changed ({count}):", "Sheets changed ({count}):")
TEXTS = N_plural("{language}: {count} text changed, in {sections}.", "{language}: {count} texts changed, in {sections}.")
REWORDED = N_plural("{count} checklist question reworded:", "{count} checklist questions reworded:")
NOW, BEFORE = N_("now"), N_("before")
SAVED_ANSWERS = N_plural("Readers who saved answers to this question in their browser will see those answers shown "
                         "as answers to the earlier wording.",
                         "Readers who saved answers to these questions in their browser will see those answers "
                         "shown as answers to the earlier wording.")
TRANSLATED = N_plural("{count} text translated", "{count} texts translated")
TRANSLATIONS_ADDED = N_plural("{count} translation added", "{count} translations added")
TRANSLATIONS_UPDATED = N_plural("{count} translation updated", "{count} translations updated")
BOTH = N_("{first} and {second}")
IN_LANGUAGE = N_("{language}: {changes}")
KEPT = N_("Your own pages, your own sheets, your publisher profile and your settings are not changed by an update.")


def describe_changes(changes: list[SheetChange], before: str | None, now: str, words: Words = Words()) -> str:
    """Every change, sheet by sheet and language by language, then what an update never touches."""
    lines = [words(HEADING, now=now, before=before) if before else words(FIRST_HEADING, now=now), ""]
    added = [c for c in changes if c.kind == "added"]
    removed = [c for c in changes if c.kind == "removed"]
    changed = [c for c in changes if c.kind == "changed"]
    if not changes:
        lines += [words(SAME), ""]
    if added:
        lines.append(words.count(ADDED, len(added)))
        lines += [f"  - {_label(c, words)}" + _translated_note(c, words) for c in added]
        lines.append("")
    if removed:
        lines.append(words.count(REMOVED, len(removed)))
        lines += [f"  - {_label(c, words)}" for c in removed]
        lines.append("")
    if changed:
        lines.append(words.count(CHANGED, len(changed)))
        for change in changed:
            lines += _changed_sheet(change, words)
        lines.append("")
    lines.append(words(KEPT))
    return "\n".join(lines)


def _label(change: SheetChange, words: Words) -> str:
    """"3.3 Partnership", in the words' language where the catalogue has the title."""
    if change.id == SITE_ID:
        return words(SITE_LABEL)
    return f"{change.number} {words.content(f'{change.id}.title', change.title)}" if change.title else change.label


def _section_name(change: SheetChange, section_id: str, name: str, words: Words) -> str:
    """A section by its heading in the words' language (the sheet's title for its title and summary)."""
    if not section_id:
        return _label(change, words)
    return words.content(f"{change.id}.{section_id}.heading", name)


def _translated_note(change: SheetChange, words: Words) -> str:
    parts = [words(IN_LANGUAGE, language=words.language_name(t.language), changes=words.count(TRANSLATED, t.added))
             for t in change.translations]
    return f" ({'; '.join(parts)})" if parts else ""


def _changed_sheet(change: SheetChange, words: Words) -> list[str]:
    lines = [f"  {_label(change, words)}"]
    if change.texts_changed:
        where = ", ".join(f'"{_section_name(change, section_id, name, words)}"'
                          for section_id, name in zip(change.section_ids, change.sections))
        lines.append("    " + words.count(TEXTS, change.texts_changed, language=words.language_name(SOURCE.code), sections=where))
    if change.reworded:
        lines.append("    " + words.count(REWORDED, len(change.reworded)))
        labels = [words(NOW) + ":", words(BEFORE) + ":"]
        width = max(map(len, labels)) + 1
        for question in change.reworded:
            lines += [f'      {labels[0]:{width}}"{question.now}"', f'      {labels[1]:{width}}"{question.before}"']
        lines.append("    " + words.count(SAVED_ANSWERS, len(change.reworded)))
    for translated in change.translations:
        parts = [words.count(TRANSLATIONS_ADDED, translated.added)] if translated.added else []
        parts += [words.count(TRANSLATIONS_UPDATED, translated.updated)] if translated.updated else []
        both = words(BOTH, first=parts[0], second=parts[1]) if len(parts) == 2 else parts[0]
        lines.append("    " + words(IN_LANGUAGE, language=words.language_name(translated.language), changes=both) + ".")
    return lines
