"""The "Apply template" dialog: a saved week placed on a chosen week, previewed with advice."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.advice.plan_preview import PlanPreview
from desktop.ui.plan_preview_pane import PlanPreviewPane, snap_to_monday

# (template name, any day of the week, keep planned sessions) -> the preview.
TemplatePreviewer = Callable[[str, date, bool], PlanPreview]


class ApplyTemplateDialog(QDialog):
    """Asks which template goes on which week and previews the week as it would be.

    `preview` is the planner's job; an error it raises with a sentence (a deleted template,
    an unreadable file) is shown in place of the preview, and Apply waits for a good one.
    """

    preview_changed = Signal(object)  # the new PlanPreview, or None when there is none

    def __init__(
        self,
        names: Sequence[str],
        preview: TemplatePreviewer,
        week_start: date,
        errors: tuple[type[Exception], ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("applyTemplateDialog")
        self.setWindowTitle("Apply template")
        self.setModal(True)
        self._make_preview = preview
        self._errors = errors
        self._preview: PlanPreview | None = None
        self._build()
        self.templateCombo.addItems(list(names))
        self.weekStartEdit.setDate(QDate(week_start.year, week_start.month, week_start.day))
        self.keepRadio.setChecked(True)
        self._connect_signals()
        self.refresh()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.templateCombo = QComboBox()
        self.templateCombo.setObjectName("templateCombo")
        form.addRow("&Template:", self.templateCombo)
        self.weekStartEdit = QDateEdit()
        self.weekStartEdit.setObjectName("templateWeekEdit")
        self.weekStartEdit.setCalendarPopup(True)
        self.weekStartEdit.setDisplayFormat("ddd d MMM yyyy")
        form.addRow("&Week of:", self.weekStartEdit)
        self.keepRadio = QRadioButton("&Keep sessions already planned")
        self.keepRadio.setObjectName("keepRadio")
        self.replaceRadio = QRadioButton("Re&place sessions already planned")
        self.replaceRadio.setObjectName("replaceRadio")
        group = QButtonGroup(self)
        group.addButton(self.keepRadio)
        group.addButton(self.replaceRadio)
        form.addRow(self.keepRadio)
        form.addRow(self.replaceRadio)
        hint = QLabel("Sessions you have done are never changed.")
        hint.setWordWrap(True)
        form.addRow(hint)
        self._pane = PlanPreviewPane(layout)
        self.previewText = self._pane.previewText
        self.previewText.setMinimumSize(520, 320)
        self.notesLabel = self._pane.notesLabel
        self.errorLabel = self._pane.errorLabel
        self.buttons = self._pane.buttons
        self.applyButton = self._pane.applyButton
        self.cancelButton = self._pane.cancelButton
        self.resize(780, 680)

    def _connect_signals(self) -> None:
        self.templateCombo.currentIndexChanged.connect(self._on_input_changed)
        self.weekStartEdit.dateChanged.connect(self._on_week_start_changed)
        self.keepRadio.toggled.connect(self._on_input_changed)
        self.buttons.accepted.connect(self._on_apply)
        self.buttons.rejected.connect(self.reject)

    # --- public API -------------------------------------------------------------------

    def template_name(self) -> str:
        """The template chosen."""
        return self.templateCombo.currentText()

    def week_start(self) -> date:
        """The Monday of the week chosen."""
        picked = self.weekStartEdit.date()
        return date(picked.year(), picked.month(), picked.day())

    def plan_preview(self) -> PlanPreview | None:
        """The preview shown now; what Apply accepts. None when there is nothing to apply."""
        return self._preview

    def refresh(self) -> None:
        """Ask for the preview of the current choice and show it."""
        self._preview = None
        message = ""
        if self.template_name():
            try:
                self._preview = self._make_preview(
                    self.template_name(), self.week_start(), self.keepRadio.isChecked()
                )
            except self._errors as error:
                message = str(error)
        else:
            message = "No template saved yet: use Plan > Save week as template first."
        self.errorLabel.setText(message)
        self.errorLabel.setVisible(bool(message))
        self._pane.show(self._preview, self.palette())
        self.preview_changed.emit(self._preview)

    # --- slots ------------------------------------------------------------------------

    def _on_week_start_changed(self, picked: QDate) -> None:
        snap_to_monday(self.weekStartEdit, picked)
        self.refresh()

    def _on_input_changed(self) -> None:
        self.refresh()

    def _on_apply(self) -> None:
        if self._preview is not None:
            self.accept()
