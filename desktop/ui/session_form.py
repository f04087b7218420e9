"""The editor for one run or deadlift session: its fields, its state and its buttons."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.advice.model import InvalidInputError, Kind, Profile, Session, Suggestion
from desktop.ui.fields import DisplayUnits
from desktop.ui.session_fields import SessionFields, pairwise_tab_order

EMPTY_TEXT = "Pick a day and press New run or New deadlift"


class SessionForm(QWidget):
    """Edits one session; emits engine Sessions (km, km/h, kg) and never touches the store.

    `is_dirty()` is True while the fields differ from what was loaded (a saved session
    or a new template); `dirty_changed` follows it for the window's modified mark.
    """

    draft_changed = Signal(object)
    save_requested = Signal(object)
    delete_requested = Signal(int)
    duplicate_requested = Signal(object)
    dirty_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionForm")
        self._active = False
        self._session_id: int | None = None
        self._template: Session | None = None
        self._baseline: Session | None = None
        self._dirty = False
        self._build()
        self._connect()
        self.clear()

    # ----------------------------------------------------------------- building
    def _build(self) -> None:
        self.emptyLabel = QLabel(EMPTY_TEXT)
        self.emptyLabel.setObjectName("sessionFormEmptyLabel")
        self.emptyLabel.setWordWrap(True)
        self.emptyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.titleLabel = QLabel()
        self.titleLabel.setObjectName("sessionFormTitle")
        font = self.titleLabel.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.titleLabel.setFont(font)

        self.fields = SessionFields()

        self.errorLabel = QLabel()
        self.errorLabel.setObjectName("sessionFormError")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.hide()

        self.saveButton = QPushButton("Save")
        self.saveButton.setObjectName("saveButton")
        self.saveButton.setToolTip("Save this session (Ctrl+S or Return)")
        self.duplicateButton = QPushButton("Duplicate")
        self.duplicateButton.setObjectName("duplicateButton")
        self.duplicateButton.setToolTip("Copy to the same time the next day, as planned (Ctrl+D)")
        self.deleteButton = QPushButton("Delete…")
        self.deleteButton.setObjectName("deleteButton")
        self.deleteButton.setToolTip("Delete this session (it can be undone)")

        buttons = QHBoxLayout()
        buttons.addWidget(self.saveButton)
        buttons.addWidget(self.duplicateButton)
        buttons.addStretch(1)
        buttons.addWidget(self.deleteButton)

        layout = QVBoxLayout(self)
        layout.addWidget(self.emptyLabel)
        layout.addWidget(self.titleLabel)
        layout.addWidget(self.fields)
        layout.addWidget(self.errorLabel)
        layout.addLayout(buttons)
        layout.addStretch(1)

        pairwise_tab_order(
            [*self.fields.tab_order(), self.saveButton, self.duplicateButton, self.deleteButton]
        )
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        shortcut.setObjectName("saveShortcut")
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self._request_save)

    def _connect(self) -> None:
        self.fields.edited.connect(self._on_edited)
        self.saveButton.clicked.connect(self._request_save)
        self.deleteButton.clicked.connect(self._request_delete)
        self.duplicateButton.clicked.connect(self._request_duplicate)

    # ------------------------------------------------------------------ public
    def set_profile(self, profile: Profile) -> None:
        """Show distances, speeds and loads in the profile's units, keeping the values."""
        self.fields.set_units(DisplayUnits(profile))
        self._refresh()

    def edit_session(self, session: Session) -> None:
        """Load a saved session (its id is kept and sent back with the save)."""
        self._load(session, session.id)

    def new_session(self, session: Session) -> None:
        """Load an unsaved template; saving it asks for a new session."""
        self._load(session, None)

    def clear(self) -> None:
        """Show the empty state: nothing to edit, every field disabled."""
        was_active = self._active
        self._active = False
        self._session_id = None
        self._template = None
        self.fields.fill(Session(kind=Kind.RUN, start=_next_hour(), duration_min=30))
        self._baseline = None
        self._refresh()
        if was_active:
            self.draft_changed.emit(None)

    def session_id(self) -> int | None:
        """The id of the saved session being edited, None for a new one or none."""
        return self._session_id if self._active else None

    def draft(self) -> Session | None:
        """The values on screen as an engine Session, or None when they can't form one."""
        draft, _ = self._build_draft()
        return draft

    def is_dirty(self) -> bool:
        """True when the fields hold changes that were not saved."""
        return self._dirty

    def apply_suggestion(self, suggestion: Suggestion) -> bool:
        """Fill workout, and distance and speed when given; only a run takes a suggestion."""
        if not self._active or self.fields.kind() is not Kind.RUN:
            return False
        self.fields.apply_suggestion(suggestion)
        self.draft_changed.emit(self._refresh())
        return True

    # --------------------------------------------------------------- internals
    def _load(self, session: Session, session_id: int | None) -> None:
        self._active = True
        self._session_id = session_id
        self._template = session
        self.fields.fill(session)
        self._baseline, _ = self._build_draft()
        self.draft_changed.emit(self._refresh())

    def _build_draft(self) -> tuple[Session | None, str]:
        if not self._active:
            return None, ""
        problem = self.fields.limit_problem()
        if problem:
            return None, problem
        keep_stamps = self._template is not None and self._session_id is not None
        template = self._template
        try:
            return self.fields.session(
                {
                    "id": self._session_id,
                    "created": template.created if keep_stamps and template else None,
                    "updated": template.updated if keep_stamps and template else None,
                }
            ), ""
        except InvalidInputError as error:
            return None, str(error)

    def _refresh(self) -> Session | None:
        """Bring enabled states, title, error text and the dirty mark in line with the fields."""
        draft, error = self._build_draft()
        self.emptyLabel.setVisible(not self._active)
        self.titleLabel.setVisible(self._active)
        self.fields.setEnabled(self._active)
        saved = self._active and self._session_id is not None
        kind_word = "run" if self.fields.kind() is Kind.RUN else "deadlift"
        self.titleLabel.setText(f"{'Edit' if saved else 'New'} {kind_word}")
        self.errorLabel.setText(error)
        self.errorLabel.setVisible(bool(error))
        self.saveButton.setEnabled(draft is not None)
        self.deleteButton.setEnabled(saved)
        self.duplicateButton.setEnabled(saved)
        dirty = self._active and (draft is None or draft != self._baseline)
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)
        return draft

    # ------------------------------------------------------------------- slots
    def _on_edited(self) -> None:
        self.draft_changed.emit(self._refresh())

    def _request_save(self) -> None:
        draft = self.draft()
        if draft is not None:
            self.save_requested.emit(draft)

    def _request_delete(self) -> None:
        session_id = self.session_id()
        if session_id is not None:
            self.delete_requested.emit(session_id)

    def _request_duplicate(self) -> None:
        """Ask for a copy of the session being edited; the window decides about unsaved edits."""
        draft = self.draft() or self._template
        if draft is not None and self.session_id() is not None:
            self.duplicate_requested.emit(
                replace(draft, id=None, done=False, created=None, updated=None)
            )

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Return or Enter in a field (not on a push button) asks to save."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not isinstance(
            QApplication.focusWidget(), QPushButton
        ):
            event.accept()
            self._request_save()
            return
        super().keyPressEvent(event)


def _next_hour() -> datetime:
    now = datetime.now().replace(minute=0, second=0, microsecond=0)
    return now.replace(hour=now.hour + 1) if now.hour < 23 else now
