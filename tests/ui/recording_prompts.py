"""A recording `Prompts` for window tests: scripted answers and a list of what was asked.

Every question lands in `asked` as (kind, text) in order, and in a list of its own kind
(`errors`, `infos`, `questions`, …). Answers are plain attributes a test sets before acting
(`answer`, `unsaved_answer`, `open_file`, …); the few dialogs a test drives itself are
callables it replaces (`on_run_dialog`, `on_repeat`, `on_confirm_import`, …).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.ui.prompts import BackupChoice, UnsavedAnswer
from desktop.ui.reading_progress import ReadingProgress

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from desktop.advice import Profile
    from desktop.interop import ImportPreview
    from desktop.planner import BackupInfo
    from desktop.ui.main_window import MainWindow
    from desktop.ui.repeat_dialog import RepeatChoice, RepeatPreview


class RecordingPrompts:
    """Answers the window's questions from a script and records every one of them."""

    def __init__(self, profile: Profile | None = None) -> None:
        self.asked: list[tuple[str, str]] = []
        self.errors: list[tuple[str, str]] = []
        self.infos: list[tuple[str, str]] = []
        self.notices: list[tuple[str, str]] = []
        self.questions: list[str] = []
        self.answer = True
        """What `confirm` answers."""
        self.unsaved_asked = 0
        self.unsaved_answer: UnsavedAnswer = "cancel"
        self.profile = profile
        """What the profile dialog answers (None: Cancel)."""
        self.profiles_asked: list[bool] = []
        """`first_run` of each profile dialog."""
        self.open_file: Path | None = None
        """What the open-file dialog answers (and the list of backups, by default)."""
        self.save_file: Path | None = None
        self.backups_offered: list[list[BackupInfo]] = []
        self.backup_answer: BackupChoice | None = None
        """What the list of backups answers; None: the same as `open_file`."""
        self.template_names_asked: list[str] = []
        self.template_name: str | None = None
        self.template_choice: Callable[[str, list[str]], str | None] = lambda _t, _n: None
        self.weight_units_asked: list[tuple[str, str]] = []
        self.weight_unit: str | None = "kg"
        self.export_ranges_asked: list[tuple[date, date]] = []
        self.export_range: tuple[date, date] | None = None
        self.on_repeat: Callable[[str, date, RepeatPreview], RepeatChoice | None] = (
            lambda _w, _d, _p: None
        )
        self.csv_separators_asked: list[str] = []
        self.on_csv_separator: Callable[[str], str | None] = lambda default: default
        """What the CSV export dialog answers, given the separator it offers first."""
        self.previews: list[ImportPreview] = []
        self.import_answer = True
        self.on_confirm_import: Callable[[ImportPreview], bool] = self._answer_import
        self.on_reading_progress: Callable[[str], ReadingProgress] = ReadingProgress
        self.on_run_dialog: Callable[[QDialog], bool] = lambda _dialog: False

    def _ask(self, kind: str, text: str) -> None:
        self.asked.append((kind, text))

    def show_error(self, title: str, text: str) -> None:
        """Recorded in `errors`."""
        self._ask("error", title)
        self.errors.append((title, text))

    def show_info(self, title: str, text: str) -> None:
        """Recorded in `infos`."""
        self._ask("info", title)
        self.infos.append((title, text))

    def show_notice(self, title: str, text: str) -> None:
        """Recorded in `notices`."""
        self._ask("notice", title)
        self.notices.append((title, text))

    def confirm(self, question: str) -> bool:
        """Recorded in `questions`; answers `answer`."""
        self._ask("confirm", question)
        self.questions.append(question)
        return self.answer

    def ask_unsaved(self) -> UnsavedAnswer:
        """Counted in `unsaved_asked`; answers `unsaved_answer`."""
        self._ask("unsaved", "")
        self.unsaved_asked += 1
        return self.unsaved_answer

    def choose_open_file(self, title: str, directory: Path, name_filter: str) -> Path | None:
        """Answers `open_file`."""
        self._ask("open file", title)
        return self.open_file

    def choose_save_file(self, title: str, suggested: Path, name_filter: str) -> Path | None:
        """Answers `save_file`."""
        self._ask("save file", title)
        return self.save_file

    def ask_profile(self, current: Profile | None, first_run: bool) -> Profile | None:
        """Recorded in `profiles_asked`; answers `profile`."""
        self._ask("profile", "first run" if first_run else "edit")
        self.profiles_asked.append(first_run)
        return self.profile

    def choose_backup(self, db_path: Path, backups: Sequence[BackupInfo]) -> BackupChoice:
        """Recorded in `backups_offered`; answers `backup_answer`, else `open_file`."""
        self._ask("backup", db_path.name)
        self.backups_offered.append(list(backups))
        return self.backup_answer if self.backup_answer is not None else self.open_file

    def ask_template_name(self, suggested: str) -> str | None:
        """Recorded in `template_names_asked`; answers `template_name`."""
        self._ask("template name", suggested)
        self.template_names_asked.append(suggested)
        return self.template_name

    def choose_template(self, title: str, names: list[str]) -> str | None:
        """Answers `template_choice(title, names)`."""
        self._ask("template", title)
        return self.template_choice(title, names)

    def ask_weight_unit(self, file_name: str, default: str) -> str | None:
        """Recorded in `weight_units_asked`; answers `weight_unit`."""
        self._ask("weight unit", file_name)
        self.weight_units_asked.append((file_name, default))
        return self.weight_unit

    def ask_repeat(self, what: str, first_day: date, preview: RepeatPreview) -> RepeatChoice | None:
        """Answers `on_repeat(what, first_day, preview)`."""
        self._ask("repeat", what)
        return self.on_repeat(what, first_day, preview)

    def ask_export_range(self, first: date, last: date) -> tuple[date, date] | None:
        """Recorded in `export_ranges_asked`; answers `export_range`."""
        self._ask("export range", f"{first} {last}")
        self.export_ranges_asked.append((first, last))
        return self.export_range

    def ask_csv_separator(self, default: str) -> str | None:
        """Recorded in `csv_separators_asked`; answers `on_csv_separator(default)`."""
        self._ask("csv separator", default)
        self.csv_separators_asked.append(default)
        return self.on_csv_separator(default)

    def confirm_import(self, preview: ImportPreview) -> bool:
        """Answers `on_confirm_import(preview)` (by default: recorded, `import_answer`)."""
        self._ask("import", preview.title)
        return self.on_confirm_import(preview)

    def _answer_import(self, preview: ImportPreview) -> bool:
        self.previews.append(preview)
        return self.import_answer

    def reading_progress(self, label: str) -> ReadingProgress:
        """A real, parentless progress dialog unless `on_reading_progress` is replaced."""
        self._ask("progress", label)
        return self.on_reading_progress(label)

    def run_dialog(self, dialog: QDialog) -> bool:
        """Answers `on_run_dialog(dialog)` (by default: Cancel)."""
        self._ask("dialog", dialog.objectName())
        return self.on_run_dialog(dialog)

    def show_about(self) -> None:
        """Recorded in `asked`."""
        self._ask("about", "")

    def show_health_notice(self) -> None:
        """Recorded in `asked`."""
        self._ask("health notice", "")


def prompts_of(window: MainWindow) -> RecordingPrompts:
    """The recording prompts `make_window` handed this window."""
    prompts = window.prompts
    assert isinstance(prompts, RecordingPrompts), "build the window with make_window"
    return prompts
