"""The main window's Plan menu: Plan week, Plan block and week templates.

A mixin of MainWindow (desktop.ui.main_window). Each dialog is filled and previewed by the
planner (desktop.planner.week_planning); Apply turns the preview into ONE SessionsCommand
(the planned sessions it replaces removed, the new ones added), so a whole plan is one
undo step and Cancel writes nothing. The modal parts sit behind small methods tests
replace: `_run_plan_dialog`, `_ask_template_name`, `_choose_template`.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QMainWindow

if TYPE_CHECKING:
    from desktop.advice.plan_preview import PlanPreview, PlanRequest
    from desktop.planner import Planner
    from desktop.ui.edit_runner import EditRunner

    _Base = QMainWindow
else:
    _Base = object

BLOCK_WEEKS = 4  # what Plan block... starts with; the dialog takes 1 to 16


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


class PlanningMixin(_Base):
    """Plan > Plan week…, Plan block…, Save week as template…, Apply and Delete template…."""

    _planner: Planner
    _edits: EditRunner

    if TYPE_CHECKING:  # provided by the other parts of MainWindow

        def selected_day(self) -> date: ...

        def _settle_form(self) -> bool: ...

        def _status(self, text: str) -> None: ...

        def _confirm(self, question: str) -> bool: ...

        def _show_info(self, title: str, text: str) -> None: ...

    # -- replaceable modal steps (tests swap these) -----------------------------------------

    def _run_plan_dialog(self, dialog: QDialog) -> bool:
        """Show a planning dialog modally; True when the user pressed Apply."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def _ask_template_name(self, suggested: str) -> str | None:
        """The name to keep the week under, or None on Cancel."""
        from PySide6.QtWidgets import QInputDialog

        name, ok = QInputDialog.getText(
            self, "Save week as template", "Template name:", text=suggested
        )
        return name.strip() if ok and name.strip() else None

    def _choose_template(self, title: str, names: list[str]) -> str | None:
        """One of the saved templates' names, or None on Cancel."""
        from PySide6.QtWidgets import QInputDialog

        name, ok = QInputDialog.getItem(self, title, "Template:", names, 0, False)
        return name if ok and name else None

    # -- Plan week and Plan block -------------------------------------------------------------

    def on_plan_week(self) -> None:
        """Plan > Plan week…: the selected day's week, pre-filled from the recent weeks."""
        self._open_plan_dialog(weeks=1)

    def on_plan_block(self) -> None:
        """Plan > Plan block…: several weeks from the selected day's, building slowly."""
        self._open_plan_dialog(weeks=BLOCK_WEEKS)

    def _open_plan_dialog(self, *, weeks: int) -> None:
        from desktop.ui.plan_week_dialog import PlanWeekDialog

        if not self._settle_form():
            return
        day = self.selected_day()
        initial = self._edits.attempt(lambda: self._planner.plan_defaults(day, weeks=weeks))
        if initial is None:
            return
        dialog = PlanWeekDialog(
            self._plan_preview, initial, self._planner.profile().distance_unit, self
        )
        if weeks > 1:
            dialog.setWindowTitle("Plan block")
        try:
            if not self._run_plan_dialog(dialog):
                return
            preview = dialog.plan_preview()
        finally:
            dialog.deleteLater()
        if preview is not None and preview.request is not None:
            self._apply_preview(preview, _plan_text(preview.request))

    def _plan_preview(self, request: PlanRequest) -> PlanPreview:
        """The planner's preview; a store error becomes the sentence the dialog shows."""
        from desktop.advice import InvalidInputError
        from desktop.store import StoreError

        try:
            return self._planner.plan_preview(request)
        except StoreError as error:
            raise InvalidInputError(str(error)) from error

    def _apply_preview(self, preview: PlanPreview, text: str) -> bool:
        """Remove what the preview replaces and add its sessions: one undo step."""
        from desktop.ui.commands import SessionsCommand

        remove = [s.id for s in preview.removed if s.id is not None]
        if not preview.sessions and not remove:
            self._status("Nothing to change: the plan is already on the calendar.")
            return False
        first_day = preview.days[0].day if preview.days else None
        command = SessionsCommand(text, remove=remove, add=preview.sessions, go_to=first_day)
        if not self._edits.run(command):
            return False
        added = len(preview.sessions)
        self._status(
            f"Added {added} session{'s' if added != 1 else ''}"
            + (f", removed {len(remove)}" if remove else "")
            + ". Edit > Undo takes it back."
        )
        return True

    # -- templates --------------------------------------------------------------------------

    def on_save_week_template(self) -> None:
        """Plan > Save week as template…: the selected day's week kept under a name."""
        if not self._settle_form():
            return
        day = self.selected_day()
        sessions = self._edits.attempt(lambda: self._planner.week_sessions(day))
        if sessions is None:
            return
        if not sessions:
            self._show_info(
                "Save week as template",
                f"The week of {_monday(day):%a %d %b} has no sessions yet. Plan it first, "
                "then keep it as a template.",
            )
            return
        name = self._ask_template_name(f"Week of {_monday(day):%d %b}")
        if name is None:
            return
        names = self._edits.attempt(self._planner.template_names)
        if names is None:
            return
        if name in names and not self._confirm(
            f"A template called \u201c{name}\u201d exists. Replace it with this week?"
        ):
            return
        count = self._edits.attempt(lambda: self._planner.save_week_template(name, day))
        if count is not None:
            self._status(
                f"Kept {count} session{'s' if count != 1 else ''} as template \u201c{name}\u201d."
            )

    def on_apply_template(self) -> None:
        """Plan > Apply template…: a saved week placed on the selected day's week."""
        from desktop.ui.apply_template_dialog import ApplyTemplateDialog
        from desktop.ui.edit_runner import handled_errors

        if not self._settle_form():
            return
        names = self._edits.attempt(self._planner.template_names)
        if names is None:
            return
        if not names:
            self._show_info(
                "Apply template",
                "No template saved yet. Plan > Save week as template… keeps a week under a name.",
            )
            return

        def preview(name: str, day: date, keep: bool) -> PlanPreview:
            return self._planner.template_preview(name, day, keep_existing=keep)

        dialog = ApplyTemplateDialog(
            names, preview, _monday(self.selected_day()), handled_errors(), self
        )
        try:
            if not self._run_plan_dialog(dialog):
                return
            chosen, monday, shown = (
                dialog.template_name(),
                dialog.week_start(),
                dialog.plan_preview(),
            )
        finally:
            dialog.deleteLater()
        if shown is not None:
            text = f"Apply template \u201c{chosen}\u201d to the week of {monday:%a %d %b}"
            self._apply_preview(shown, text)

    def on_delete_template(self) -> None:
        """Plan > Delete template…: forget a saved template (asked first; not undoable)."""
        names = self._edits.attempt(self._planner.template_names)
        if names is None:
            return
        if not names:
            self._show_info("Delete template", "No template saved yet.")
            return
        name = self._choose_template("Delete template", names)
        if name is None or not self._confirm(
            f"Delete the template \u201c{name}\u201d? The weeks it was applied to stay as they are."
        ):
            return

        def delete() -> bool:
            self._planner.delete_template(name)
            return True

        if self._edits.attempt(delete) is None:
            return
        self._status(f"Deleted the template \u201c{name}\u201d.")


def _plan_text(request: PlanRequest) -> str:
    """The undo text: "Plan the week of Mon 02 Mar" or "Plan 4 weeks from Mon 02 Mar"."""
    if request.weeks == 1:
        return f"Plan the week of {request.week_start:%a %d %b}"
    return f"Plan {request.weeks} weeks from {request.week_start:%a %d %b}"
