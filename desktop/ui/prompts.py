"""The one seam through which the window and its controllers ask the person something.

`Prompts` names every modal (and the one non-modal) question the window puts: errors,
information, yes/no, Save / Discard / Cancel, files to open or save, the profile, a backup,
a template name, the Repeat weekly, export-range and CSV separator dialogs, the import
preview, the reading progress and the planning dialogs' modal run.
`desktop.ui.dialogs.QtPrompts` is the real one; `MainWindow` and every controller receive
it by constructor, so tests hand in a recording fake instead of patching methods.

This module only declares the protocol: it imports no widget, no engine and no store at run
time, so the window's shell can name it before its first frame.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from desktop.advice import Profile
    from desktop.interop import ImportPreview
    from desktop.planner import BackupInfo
    from desktop.ui.reading_progress import ReadingProgress
    from desktop.ui.repeat_dialog import RepeatChoice, RepeatPreview

UnsavedAnswer = Literal["save", "discard", "cancel"]
OTHER_FILE: Literal["other"] = "other"
"""What `choose_backup` returns when the person asks to pick another file instead."""
BackupChoice = Path | Literal["other"] | None


class Prompts(Protocol):
    """Everything the window asks a person, each as one call that returns the answer."""

    def show_error(self, title: str, text: str) -> None:
        """A modal error: a short title and one sentence a person can act on."""

    def show_info(self, title: str, text: str) -> None:
        """A modal piece of information."""

    def show_notice(self, title: str, text: str) -> None:
        """A non-modal warning: the window stays usable while it is open."""

    def confirm(self, question: str) -> bool:
        """Yes or No (No the default, so Enter never destroys anything)."""

    def ask_unsaved(self) -> UnsavedAnswer:
        """Save, Discard or Cancel for the session form's unsaved changes."""

    def choose_open_file(self, title: str, directory: Path, name_filter: str) -> Path | None:
        """An existing file to open, or None on Cancel."""

    def choose_save_file(self, title: str, suggested: Path, name_filter: str) -> Path | None:
        """Where to write a file, or None on Cancel."""

    def ask_profile(self, current: Profile | None, first_run: bool) -> Profile | None:
        """The profile dialog (the welcome on first run); None on Cancel."""

    def choose_backup(self, db_path: Path, backups: Sequence[BackupInfo]) -> BackupChoice:
        """A backup of `db_path` from the list, `OTHER_FILE` for another file, None on Cancel."""

    def ask_template_name(self, suggested: str) -> str | None:
        """The name to keep a week under, or None on Cancel."""

    def choose_template(self, title: str, names: list[str]) -> str | None:
        """One of the saved templates' names, or None on Cancel."""

    def ask_weight_unit(self, file_name: str, default: str) -> str | None:
        """ "kg" or "lb" for a file whose weights carry no unit, or None on Cancel."""

    def ask_repeat(self, what: str, first_day: date, preview: RepeatPreview) -> RepeatChoice | None:
        """The Repeat weekly dialog for `what`; None on Cancel."""

    def ask_export_range(self, first: date, last: date) -> tuple[date, date] | None:
        """First and last day to export, or None on Cancel."""

    def ask_csv_separator(self, default: str) -> str | None:
        """The separator for a CSV export ("," or ";"), `default` offered first; None on
        Cancel."""

    def confirm_import(self, preview: ImportPreview) -> bool:
        """Show an import's preview; True when the person presses Import."""

    def reading_progress(self, label: str) -> ReadingProgress:
        """The cancellable progress dialog a slow read reports to."""

    def run_dialog(self, dialog: QDialog) -> bool:
        """Run a prepared dialog (Plan week, Plan block, Apply template) modally; True on Apply."""

    def show_about(self) -> None:
        """Help > About."""

    def show_health_notice(self) -> None:
        """Help > Health notice."""
