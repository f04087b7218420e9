"""Small modal dialogs: errors, confirmations, file choosers, the health notice and About."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop import APP_NAME, __version__

# Title per error type, by class name so this module does not need the store to import.
_TITLES: dict[str, str] = {
    "NotADatabaseError": "Not a Liftrun database",
    "CorruptDatabaseError": "The database is damaged",
    "ReadOnlyDatabaseError": "The database cannot be changed",
    "DatabaseLockedError": "The database is busy",
    "AlreadyOpenError": "Liftrun is already open",
    "NewerSchemaError": "The database is from a newer Liftrun",
    "BackupError": "Backup failed",
    "SessionNotFoundError": "Session not found",
    "InvalidInputError": "Please check the values",
}

HEALTH_NOTICE = (
    "Liftrun gives general training guidance from a published article; it is not medical "
    "advice.\n\n"
    "Consult a health care provider before beginning any training program.\n\n"
    "Never lift without a spotter. If you feel pain when running, stop immediately."
)

ABOUT_TEXT = (
    f"{APP_NAME} {__version__}\n\n"
    "Plan deadlifts and runs on one calendar, with advice for every run after a lift: "
    "how far, how fast and what kind of run.\n\n"
    "Advice follows the article \u201cHow to Run After Performing Deadlifts\u201d."
)


def error_title(exc: BaseException) -> str:
    """A short dialog title naming what went wrong for a store or input error."""
    for cls in type(exc).__mro__:  # a subclass of InvalidInputError finds it here too
        title = _TITLES.get(cls.__name__)
        if title is not None:
            return title
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
