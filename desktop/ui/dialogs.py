"""Small modal dialogs: errors, confirmations, file choosers, the health notice and About."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop import APP_NAME, __version__
from desktop.advice.article import HEALTH_NOTICE

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


def ask_unsaved(parent: QWidget | None) -> str:
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
