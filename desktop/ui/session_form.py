"""The editor for one run or deadlift session: its fields, its state and its buttons."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from PySide6.QtCore import QEvent, Qt, Signal
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
from desktop.ui import key_map
from desktop.ui.actual_fields import ActualFields
from desktop.ui.fields import DisplayUnits
from desktop.ui.session_fields import SessionFields, pairwise_tab_order
from desktop.ui.signals import signals_blocked

EMPTY_TEXT = "Pick a day, then New run or New deadlift"


def empty_text(day: date | None, sessions: int = 0) -> str:
    """What the empty form says: what to do on the selected day, or to pick one first."""
    if day is None:
        return EMPTY_TEXT
    named = f"{day:%a} {day.day} {day:%b}"  # "Mon 7 Dec" (no %-d: Windows lacks it)
    if sessions == 0:
        return f"Nothing planned on {named} yet. New run or New deadlift adds a session."
    return (
        f"No session selected on {named}. New run or New deadlift adds one; "
        "click a session to edit it."
    )


DONE_LOCKED_TIP = "Actual values are recorded, so it was done; clear them to mark it planned."


class SessionForm(QWidget):
    """Edits one session; emits engine Sessions (km, km/h, kg) and never touches the store.

    `is_dirty()` is True while the fields differ from what was loaded (a saved session
    or a new template); `dirty_changed` follows it for the window's modified mark.
    Recording any actual value marks the draft done; `done_as_planned_requested` asks the
    window to mark the saved session done with its planned values.
    """

    draft_changed = Signal(object)
    save_requested = Signal(object)
    delete_requested = Signal(int)
    duplicate_requested = Signal(object)
    dirty_changed = Signal(bool)
    done_as_planned_requested = Signal(int)
    editing_changed = Signal(bool)  # True: the fields show; False: the empty state's sentence

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionForm")
        self._active = False
        self._session_id: int | None = None
        self._template: Session | None = None
        self._baseline: Session | None = None
        self._dirty = False
        self._blank: Session | None = None  # the empty state's values while the fields hold them
        self._held_kinds: set[Kind] = set()  # kinds whose height the form's minimum holds
        self._held_height = 0  # the tallest of those kinds' heights
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
        self.actual = ActualFields()

        self.errorLabel = QLabel()
        self.errorLabel.setObjectName("sessionFormError")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.hide()

        self.saveButton = QPushButton("Save")
        self.saveButton.setObjectName("saveButton")
        save_keys = f"{key_map.shown(QKeySequence.StandardKey.Save)} or {key_map.shown('Return')}"
        self.saveButton.setToolTip(f"Save this session ({save_keys})")
        self.duplicateButton = QPushButton("Duplicate")
        self.duplicateButton.setObjectName("duplicateButton")
        self.duplicateButton.setToolTip(
            f"Copy to the same time the next day, as planned ({key_map.shown('Ctrl+D')})"
        )
        self.deleteButton = QPushButton("Delete…")
        self.deleteButton.setObjectName("deleteButton")
        self.deleteButton.setToolTip("Delete this session (it can be undone)")
        self.doneAsPlannedButton = QPushButton("Done as planned")
        self.doneAsPlannedButton.setObjectName("doneAsPlannedButton")
        self.doneAsPlannedButton.setToolTip(
            f"Mark this session done with its planned values ({key_map.shown('Ctrl+Shift+D')})"
        )

        buttons = QHBoxLayout()
        buttons.addWidget(self.saveButton)
        buttons.addWidget(self.duplicateButton)
        buttons.addWidget(self.doneAsPlannedButton)
        buttons.addStretch(1)
        buttons.addWidget(self.deleteButton)

        # Everything but the empty text: hidden while nothing is edited, so the empty state
        # says what to do instead of showing greyed fields with a date nobody chose.
        self.editorPane = QWidget()
        self.editorPane.setObjectName("sessionFormEditor")
        editor = QVBoxLayout(self.editorPane)
        editor.setContentsMargins(0, 0, 0, 0)
        editor.addWidget(self.titleLabel)
        editor.addWidget(self.fields)
        editor.addWidget(self.actual)
        editor.addWidget(self.errorLabel)
        editor.addLayout(buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self.emptyLabel)
        layout.addWidget(self.editorPane)
        layout.addStretch(1)

        pairwise_tab_order(
            [
                *self.fields.tab_order(),
                *self.actual.tab_order(),
                self.saveButton,
                self.duplicateButton,
                self.doneAsPlannedButton,
                self.deleteButton,
            ]
        )
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        shortcut.setObjectName("saveShortcut")
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self._request_save)

    def _connect(self) -> None:
        self.fields.edited.connect(self._on_edited)
        self.actual.edited.connect(self._on_actual_edited)
        self.doneAsPlannedButton.clicked.connect(self._request_done_as_planned)
        self.saveButton.clicked.connect(self._request_save)
        self.deleteButton.clicked.connect(self._request_delete)
        self.duplicateButton.clicked.connect(self._request_duplicate)

    # ------------------------------------------------------------------ public
    def set_profile(self, profile: Profile) -> None:
        """Show distances, speeds and loads in the profile's units, keeping the values."""
        display = DisplayUnits(profile)
        self.fields.set_units(display)
        self.actual.set_units(display)
        self._refresh()

    def edit_session(self, session: Session) -> None:
        """Load a saved session (its id is kept and sent back with the save)."""
        self._load(session, session.id)

    def new_session(self, session: Session) -> None:
        """Load an unsaved template; saving it asks for a new session."""
        self._load(session, None)

    def clear(self, day: date | None = None, *, sessions: int = 0) -> None:
        """Show the empty state: what to do on `day` (which has `sessions` sessions), and no
        fields (they stay disabled underneath)."""
        self.emptyLabel.setText(empty_text(day, sessions))
        was_active = self._active
        self._active = False
        self._session_id = None
        self._template = None
        blank = Session(kind=Kind.RUN, start=_next_hour(), duration_min=30)
        if blank != self._blank:  # else the disabled fields show it already
            self.fields.fill(blank)
            self.actual.fill(blank)
            self._blank = blank
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
        self._blank = None
        self._show_state()  # before the values: see SessionFields.fill
        self.fields.fill(session)
        self.actual.fill(session)
        built = self._build_draft()
        self._baseline = built[0]
        self.draft_changed.emit(self._refresh(built))

    def _build_draft(self) -> tuple[Session | None, str]:
        if not self._active:
            return None, ""
        problem = self.fields.limit_problem() or self.actual.limit_problem()
        if problem:
            return None, problem
        keep_stamps = self._template is not None and self._session_id is not None
        template = self._template
        try:
            draft = self.fields.session(
                {
                    "id": self._session_id,
                    "created": template.created if keep_stamps and template else None,
                    "updated": template.updated if keep_stamps and template else None,
                    **self.actual.values(),
                }
            )
        except InvalidInputError as error:
            return None, str(error)
        # Recording what happened is saying it happened.
        return (replace(draft, done=True) if self.actual.has_values() else draft), ""

    def _show_state(self) -> None:
        """The editor or the empty text, and the fields enabled while something is edited."""
        changed = self.editorPane.isHidden() == self._active
        self.emptyLabel.setVisible(not self._active)
        self.editorPane.setVisible(self._active)
        self.fields.setEnabled(self._active)
        self.actual.setEnabled(self._active)
        if changed:
            # The empty state is one sentence: it lets the advice below have the room.
            self.setMinimumHeight(self._held_height if self._active else 0)
            self.editing_changed.emit(self._active)

    def is_editing(self) -> bool:
        """True while a session (saved or new) is in the fields."""
        return self._active

    def _refresh(self, built: tuple[Session | None, str] | None = None) -> Session | None:
        """Bring enabled states, title, error text and the dirty mark in line with the fields
        (`built`: the draft and error just built from them, if any)."""
        draft, error = built if built is not None else self._build_draft()
        self._show_state()
        self.actual.set_kind(self.fields.kind())
        self.actual.set_planned(draft)
        self._lock_done()
        saved = self._active and self._session_id is not None
        kind_word = "run" if self.fields.kind() is Kind.RUN else "deadlift"
        self.titleLabel.setText(f"{'Edit' if saved else 'New'} {kind_word}")
        self.errorLabel.setText(error)
        self.errorLabel.setVisible(bool(error))
        self.saveButton.setEnabled(draft is not None)
        self.deleteButton.setEnabled(saved)
        self.duplicateButton.setEnabled(saved)
        self.doneAsPlannedButton.setEnabled(saved)
        dirty = self._active and (draft is None or draft != self._baseline)
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)
        self._hold_height()
        return draft

    def _hold_height(self) -> None:
        """Keep the height the taller kind of session needs, once each kind was shown: the
        advice below then stays put, instead of moving (and being laid out and repainted
        whole) whenever a run follows a deadlift."""
        kind = self.fields.kind()
        if not self._active or kind in self._held_kinds:
            return
        self._held_kinds.add(kind)
        self._held_height = max(self._held_height, self.minimumSizeHint().height())
        self.setMinimumHeight(self._held_height)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A new font or style measures the kinds' heights again."""
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._held_kinds.clear()
            self._held_height = 0
            self.setMinimumHeight(0)
        super().changeEvent(event)

    # ------------------------------------------------------------------- slots
    def _on_edited(self) -> None:
        self.draft_changed.emit(self._refresh())

    def _on_actual_edited(self) -> None:
        self.draft_changed.emit(self._refresh())

    def _lock_done(self) -> None:
        """Recorded actual values keep Done ticked: the tick follows, and cannot be undone."""
        done = self.fields.doneField
        recorded = self._active and self.actual.has_values()
        if recorded and not done.isChecked():
            with signals_blocked(done):
                done.setChecked(True)
        done.setEnabled(not recorded)
        done.setToolTip(DONE_LOCKED_TIP if recorded else "")

    def _request_done_as_planned(self) -> None:
        session_id = self.session_id()
        if session_id is not None:
            self.done_as_planned_requested.emit(session_id)

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
