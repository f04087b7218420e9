"""A plan preview as the dialogs show it: rich text day by day, and the notes as bullets."""

from __future__ import annotations

import html

from PySide6.QtGui import QPalette

from desktop.advice.plan_preview import EntryStatus, PlanPreview, PreviewEntry

STATUS_TEXT = {
    EntryStatus.NEW: "New",
    EntryStatus.KEPT: "Already planned",
    EntryStatus.REMOVED: "Removed",
}


def preview_html(preview: PlanPreview, palette: QPalette) -> str:
    """Each day's new sessions with their advice, then those already on the calendar."""
    muted = muted_colour(palette)
    parts: list[str] = []
    for day in preview.days:
        parts.append(
            f"<p style='margin:8px 0 2px 0'><b>{day.day:%A} {day.day.day} {day.day:%B}</b></p>"
        )
        new = [e for e in day.entries if e.status is EntryStatus.NEW]
        old = [e for e in day.entries if e.status is not EntryStatus.NEW]
        if not day.entries:
            parts.append(f"<p style='margin:0 0 0 14px; color:{muted}'>Rest day</p>")
        parts.extend(_entry_html(entry, muted) for entry in new)
        if old:
            parts.append(
                f"<p style='margin:2px 0 0 14px; color:{muted}'>Already on the calendar:</p>"
            )
            parts.extend(_entry_html(entry, muted) for entry in old)
    return "".join(parts)


def notes_text(preview: PlanPreview) -> str:
    """The preview's notes, one bullet a line (empty when there are none)."""
    return "\n".join(f"\N{BULLET} {note}" for note in preview.notes)


def _entry_html(entry: PreviewEntry, muted: str) -> str:
    """One session: its summary (existing ones in italics, removed ones struck out), then its
    one-line advice below it."""
    summary = html.escape(entry.summary)
    if entry.status is EntryStatus.KEPT:
        summary = f"<i>{summary}</i>"
    elif entry.status is EntryStatus.REMOVED:
        summary = f"<s>{summary}</s> ({STATUS_TEXT[entry.status].lower()})"
    mark = "\N{WARNING SIGN} " if entry.has_warning else ""
    return (
        f"<p style='margin:0 0 3px 14px'>{summary}<br>"
        f"<span style='color:{muted}'>{mark}{html.escape(entry.advice)}</span></p>"
    )


def muted_colour(palette: QPalette) -> str:
    """A solid colour between the text and the background, readable in light and dark themes."""
    text = palette.color(QPalette.ColorRole.Text)
    base = palette.color(QPalette.ColorRole.Base)
    pairs = ((text.red(), base.red()), (text.green(), base.green()), (text.blue(), base.blue()))
    mix = [round(0.6 * a + 0.4 * b) for a, b in pairs]
    return "#{:02x}{:02x}{:02x}".format(*mix)
