"""The "Apply template" dialog: a saved week placed on a chosen week, previewed with advice."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.advice.plan_preview import PlanPreview
from desktop.ui.plan_preview_pane import PlanPreviewDialog

# (template name, any day of the week, keep planned sessions) -> the preview.
TemplatePreviewer = Callable[[str, date, bool], PlanPreview]


class ApplyTemplateDialog(PlanPreviewDialog):
    """Asks which template goes on which week and previews the week as it would be.

    `preview` is the planner's job; an error it raises with a sentence (a deleted template,
    an unreadable file) is shown in place of the preview, and Apply waits for a good one.
    """

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
        self._make_preview = preview
        self._errors = errors
        self._build()
        self.templateCombo.addItems(list(names))
        self._show_week_start(week_start)
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
        self._add_pane(layout)
        self.previewText.setMinimumSize(520, 320)
        self.resize(780, 680)

    def _connect_signals(self) -> None:
        self.templateCombo.currentIndexChanged.connect(self._on_input_changed)
        self.weekStartEdit.dateChanged.connect(self._on_week_start_changed)
        self.keepRadio.toggled.connect(self._on_input_changed)
        self.buttons.rejected.connect(self.reject)

    # --- public API -------------------------------------------------------------------

    def template_name(self) -> str:
        """The template chosen."""
        return self.templateCombo.currentText()

    def _ask_preview(self) -> tuple[PlanPreview | None, str]:
        if not self.template_name():
            return None, "No template saved yet: use Plan > Save week as template first."
        try:
            chosen = (self.template_name(), self.week_start(), self.keepRadio.isChecked())
            return self._make_preview(*chosen), ""
        except self._errors as error:
            return None, str(error)

    # --- slots ------------------------------------------------------------------------
