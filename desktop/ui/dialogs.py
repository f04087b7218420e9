"""The window's dialogs: small modal boxes, and `QtPrompts`, the real `Prompts`.

The module loads neither the engine nor the store, so the window's shell can hold its
prompts before the first frame; the larger dialogs (profile, repeat, export range, CSV
export, import preview, backups) are imported when first asked for.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox, QWidget

from desktop import APP_NAME, __version__
from desktop.ui.prompts import OTHER_FILE, BackupChoice, UnsavedAnswer

if TYPE_CHECKING:
    from desktop.advice import Profile
    from desktop.interop import ImportPreview
    from desktop.planner import BackupInfo
    from desktop.ui.reading_progress import ReadingProgress
    from desktop.ui.repeat_dialog import RepeatChoice, RepeatPreview

INPUT_ERROR_TITLE = "Please check the values"

ABOUT_TEXT = (
    f"{APP_NAME} {__version__}\n\n"
    "Plan deadlifts and runs on one calendar, with advice for every run after a lift: "
    "how far, how fast and what kind of run.\n\n"
    "Advice follows the article \u201cHow to Run After Performing Deadlifts\u201d."
)


def error_title(exc: BaseException) -> str:
    """A short dialog title naming what went wrong: the error's own `title`."""
    title = getattr(type(exc), "title", None)
    if isinstance(title, str) and title:
        return title
    from desktop.advice import InvalidInputError  # only when an error is being shown

    if isinstance(exc, InvalidInputError):
        return INPUT_ERROR_TITLE
    return "Something went wrong"


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    """A modal error box with a title and an actionable sentence."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorDialog")
    box.exec()


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    """A modal information box."""
    box = QMessageBox(
        QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent
    )
    box.setObjectName("infoDialog")
    box.exec()


def confirm(parent: QWidget | None, title: str, question: str) -> bool:
    """Ask a yes/no question; No is the default so Enter never destroys anything."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        title,
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setObjectName("confirmDialog")
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


UNSAVED_QUESTION = "The session in the form has changes that are not saved."
UNSAVED_DETAIL = "Save them, discard them, or cancel and keep editing?"


def ask_unsaved(parent: QWidget | None) -> UnsavedAnswer:
    """Save / Discard / Cancel for unsaved form changes: "save", "discard" or "cancel"."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        APP_NAME,
        UNSAVED_QUESTION,
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setObjectName("unsavedChangesBox")
    box.setInformativeText(UNSAVED_DETAIL)
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return "save"
    if answer == QMessageBox.StandardButton.Discard:
        return "discard"
    return "cancel"


def choose_open_file(
    parent: QWidget | None, title: str, directory: Path, name_filter: str
) -> Path | None:
    """Let the user pick an existing file; None if they cancel."""
    name, _ = QFileDialog.getOpenFileName(parent, title, str(directory), name_filter)
    return Path(name) if name else None


def show_health_notice(parent: QWidget | None) -> None:
    """The health notice from the article: see a provider, use a spotter, stop on pain."""
    from desktop.advice.article import HEALTH_NOTICE  # the engine: not before it is needed

    box = QMessageBox(
        QMessageBox.Icon.Information,
        "Health notice",
        HEALTH_NOTICE,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("healthNoticeDialog")
    box.exec()


def show_about(parent: QWidget | None) -> None:
    """The About box: name, version, what the app does and where its advice comes from."""
    QMessageBox.about(parent, f"About {APP_NAME}", ABOUT_TEXT)


def choose_save_file(
    parent: QWidget | None, title: str, suggested: Path, name_filter: str
) -> Path | None:
    """Where to write a file; None if they cancel."""
    name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), name_filter)
    return Path(name) if name else None


def show_notice(parent: QWidget | None, title: str, text: str) -> None:
    """A non-modal warning: the window stays usable while it is open."""
    from PySide6.QtCore import Qt  # builds every Qt enum at once; a notice is rare

    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("noticeDialog")
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.show()


WEIGHT_CHOICES = ("kilograms (kg)", "pounds (lb)")
WEIGHT_UNITS = ("kg", "lb")


class QtPrompts:
    """The real `Prompts`: Qt dialogs parented to the window."""

    def __init__(self, parent: QWidget) -> None:
        self._parent = parent

    def show_error(self, title: str, text: str) -> None:
        """A modal error box."""
        show_error(self._parent, title, text)

    def show_info(self, title: str, text: str) -> None:
        """A modal information box."""
        show_info(self._parent, title, text)

    def show_notice(self, title: str, text: str) -> None:
        """A non-modal warning box."""
        show_notice(self._parent, title, text)

    def confirm(self, question: str) -> bool:
        """Yes or No, No the default."""
        return confirm(self._parent, APP_NAME, question)

    def ask_unsaved(self) -> UnsavedAnswer:
        """The `unsavedChangesBox`: Save, Discard or Cancel."""
        return ask_unsaved(self._parent)

    def choose_open_file(self, title: str, directory: Path, name_filter: str) -> Path | None:
        """The platform's open-file dialog."""
        return choose_open_file(self._parent, title, directory, name_filter)

    def choose_save_file(self, title: str, suggested: Path, name_filter: str) -> Path | None:
        """The platform's save-file dialog."""
        return choose_save_file(self._parent, title, suggested, name_filter)

    def ask_profile(self, current: Profile | None, first_run: bool) -> Profile | None:
        """The profile dialog (`firstRunDialog` or `profileDialog`)."""
        from desktop.ui.profile_dialog import ProfileDialog

        dialog = ProfileDialog(current, first_run, self._parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.profile()

    def choose_backup(self, db_path: Path, backups: Sequence[BackupInfo]) -> BackupChoice:
        """The list of backups (taken, kind, sessions), with an "Other file…" button."""
        from PySide6.QtWidgets import QDialogButtonBox, QLabel

        from desktop.ui.restore_backup_dialog import RestoreBackupDialog

        dialog = RestoreBackupDialog(db_path, backups, self._parent)
        intro = dialog.findChild(QLabel, "restoreIntro")
        if intro is not None:
            intro.setText(
                f"Choose the backup to put in place of {db_path.name}. Your current plan is "
                "backed up first (as \u201cBefore a restore\u201d)."
            )
        other = dialog.buttons.addButton("Other file\u2026", QDialogButtonBox.ButtonRole.ActionRole)
        other.setObjectName("otherBackupButton")
        wants_other = False

        def choose_other() -> None:
            nonlocal wants_other
            wants_other = True
            dialog.reject()

        other.clicked.connect(choose_other)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            chosen = dialog.selected_backup() if accepted else None
        finally:
            dialog.deleteLater()
        return OTHER_FILE if wants_other else chosen

    def ask_template_name(self, suggested: str) -> str | None:
        """A line of text: the template's name."""
        name, ok = QInputDialog.getText(
            self._parent, "Save week as template", "Template name:", text=suggested
        )
        return name.strip() if ok and name.strip() else None

    def choose_template(self, title: str, names: list[str]) -> str | None:
        """A list of the templates' names."""
        name, ok = QInputDialog.getItem(self._parent, title, "Template:", names, 0, False)
        return name if ok and name else None

    def ask_weight_unit(self, file_name: str, default: str) -> str | None:
        """Kilograms or pounds, for a file that does not say."""
        choices = list(WEIGHT_CHOICES)
        chosen, ok = QInputDialog.getItem(
            self._parent,
            "Weight unit",
            f"{file_name} does not say whether its weights are in kilograms or pounds.\n"
            "Which unit did you log them in?",
            choices,
            WEIGHT_UNITS.index(default) if default in WEIGHT_UNITS else 0,
            False,
        )
        return WEIGHT_UNITS[choices.index(chosen)] if ok and chosen in choices else None

    def ask_repeat(self, what: str, first_day: date, preview: RepeatPreview) -> RepeatChoice | None:
        """The `repeatDialog`."""
        from desktop.ui.repeat_dialog import RepeatDialog

        dialog = RepeatDialog(what, first_day, preview, self._parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.choice()

    def ask_export_range(self, first: date, last: date) -> tuple[date, date] | None:
        """The export range dialog."""
        from desktop.ui.export_range_dialog import ExportRangeDialog

        dialog = ExportRangeDialog(first, last, self._parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.chosen_range()

    def ask_csv_separator(self, default: str) -> str | None:
        """The CSV export dialog: commas or semicolons, with how to open the file."""
        from desktop.ui.csv_export_dialog import CsvExportDialog

        dialog = CsvExportDialog(default, self._parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.separator()
        finally:
            dialog.deleteLater()

    def confirm_import(self, preview: ImportPreview) -> bool:
        """The import preview dialog; True on Import."""
        from desktop.ui.import_preview_dialog import ImportPreviewDialog

        dialog = ImportPreviewDialog(preview, self._parent)
        return dialog.exec() == QDialog.DialogCode.Accepted

    def reading_progress(self, label: str) -> ReadingProgress:
        """A progress dialog shown once reading takes more than half a second."""
        from desktop.ui.reading_progress import ReadingProgress

        return ReadingProgress(label, self._parent)

    def run_dialog(self, dialog: QDialog) -> bool:
        """`exec()` the dialog; True when accepted."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def show_about(self) -> None:
        """The About box."""
        show_about(self._parent)

    def show_health_notice(self) -> None:
        """The health notice box."""
        show_health_notice(self._parent)
