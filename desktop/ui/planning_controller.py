"""The Plan menu and Repeat weekly: Plan week, Plan block, week templates, weekly copies.

Each dialog is filled and previewed by the planner (desktop.planner.week_planning); Apply
turns the preview into ONE SessionsCommand (the planned sessions it replaces removed, the
new ones added), so a whole plan is one undo step and Cancel writes nothing. The window
builds this controller the first time one of its actions is used.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from desktop.advice import InvalidInputError, Session
from desktop.advice.plan_preview import PlanPreview, PlanRequest
from desktop.planner import StoreError
from desktop.planner.calendar_feed import RepeatPlan
from desktop.planner.changes import start_of_week
from desktop.ui.apply_template_dialog import ApplyTemplateDialog
from desktop.ui.calendar_view import CalendarView
from desktop.ui.commands import SessionsCommand, TemplateCommand, session_label
from desktop.ui.edit_runner import EditRunner, handled_errors
from desktop.ui.edits_controller import EditsController
from desktop.ui.plan_week_dialog import PlanWeekDialog
from desktop.ui.prompts import Prompts
from desktop.ui.repeat_dialog import RepeatChoice

BLOCK_WEEKS = 4  # what Plan block... starts with; the dialog takes 1 to 16


class PlanningController(QObject):
    """Plan > Plan week…, Plan block…, Save, Apply and Delete template…, Repeat weekly…."""

    def __init__(
        self,
        runner: EditRunner,
        prompts: Prompts,
        edits: EditsController,
        calendar: CalendarView,
        *,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self._runner = runner
        self._prompts = prompts
        self._edits = edits
        self._calendar = calendar
        self._window = window  # the planning dialogs' parent

    # -- Plan week and Plan block -------------------------------------------------------------

    def on_plan_week(self) -> None:
        """Plan > Plan week…: the selected day's week, pre-filled from the recent weeks."""
        self._open_plan_dialog(weeks=1)

    def on_plan_block(self) -> None:
        """Plan > Plan block…: several weeks from the selected day's, building slowly."""
        self._open_plan_dialog(weeks=BLOCK_WEEKS)

    def _open_plan_dialog(self, *, weeks: int) -> None:
        if not self._edits.settle_form():
            return
        day = self._calendar.selected_day()
        planner = self._runner.planner
        first = self._calendar.first_weekday()
        initial = self._runner.attempt(
            lambda: planner.plan_defaults(day, weeks=weeks, first_weekday=first)
        )
        if initial is None:
            return
        dialog = PlanWeekDialog(
            self._plan_preview, initial, planner.profile().distance_unit, self._window
        )
        if weeks > 1:
            dialog.setWindowTitle("Plan block")
        try:
            if not self._prompts.run_dialog(dialog):
                return
            preview = dialog.plan_preview()
        finally:
            dialog.deleteLater()
        if preview is not None and preview.request is not None:
            self._apply_preview(preview, _plan_text(preview.request))

    def _plan_preview(self, request: PlanRequest) -> PlanPreview:
        """The planner's preview; a store error becomes the sentence the dialog shows."""
        try:
            return self._runner.planner.plan_preview(request)
        except StoreError as error:
            raise InvalidInputError(str(error)) from error

    def _apply_preview(self, preview: PlanPreview, text: str) -> bool:
        """Remove what the preview replaces and add its sessions: one undo step."""
        remove = [s.id for s in preview.removed if s.id is not None]
        if not preview.sessions and not remove:
            self._edits.status("Nothing to change: the plan is already on the calendar.")
            return False
        first_day = preview.days[0].day if preview.days else None
        command = SessionsCommand(text, remove=remove, add=preview.sessions, go_to=first_day)
        if not self._runner.run(command):
            return False
        added = len(preview.sessions)
        self._edits.status(
            f"Added {added} session{'s' if added != 1 else ''}"
            + (f", removed {len(remove)}" if remove else "")
            + ". Edit > Undo takes it back."
        )
        return True

    # -- templates --------------------------------------------------------------------------

    def on_save_week_template(self) -> None:
        """Plan > Save week as template…: the selected day's week kept under a name."""
        if not self._edits.settle_form():
            return
        day = self._calendar.selected_day()
        planner = self._runner.planner
        first = self._calendar.first_weekday()
        week_start = start_of_week(day, first)
        sessions = self._runner.attempt(lambda: planner.week_sessions(day, first))
        if sessions is None:
            return
        if not sessions:
            self._prompts.show_info(
                "Save week as template",
                f"The week of {week_start:%a %d %b} has no sessions yet. Plan it first, "
                "then keep it as a template.",
            )
            return
        name = self._prompts.ask_template_name(f"Week of {week_start:%d %b}")
        if name is None:
            return
        names = self._runner.attempt(planner.template_names)
        if names is None:
            return
        if name in names and not self._prompts.confirm(
            f"A template called \u201c{name}\u201d exists. Replace it with this week?"
        ):
            return
        command = TemplateCommand(f"Save template \u201c{name}\u201d", name, sessions)
        if self._runner.run(command):
            count = len(sessions)
            self._edits.status(
                f"Kept {count} session{'s' if count != 1 else ''} as template \u201c{name}\u201d."
                " Edit > Undo takes it back."
            )

    def on_apply_template(self) -> None:
        """Plan > Apply template…: a saved week placed on the week after the selected day's."""
        if not self._edits.settle_form():
            return
        planner = self._runner.planner
        names = self._runner.attempt(planner.template_names)
        if names is None:
            return
        if not names:
            self._prompts.show_info(
                "Apply template",
                "No template saved yet. Plan > Save week as template… keeps a week under a name.",
            )
            return

        first = self._calendar.first_weekday()

        def preview(name: str, day: date, keep: bool) -> PlanPreview:
            return planner.template_preview(name, day, keep_existing=keep, first_weekday=first)

        # The week after the selected one: a template is mostly kept from the week shown,
        # and placed on that same week every line of it would be an overlap.
        monday = start_of_week(self._calendar.selected_day(), first) + timedelta(weeks=1)
        dialog = ApplyTemplateDialog(names, preview, monday, handled_errors(), self._window)
        try:
            if not self._prompts.run_dialog(dialog):
                return
            chosen, start, shown = (
                dialog.template_name(),
                dialog.week_start(),
                dialog.plan_preview(),
            )
        finally:
            dialog.deleteLater()
        if shown is not None:
            text = f"Apply template \u201c{chosen}\u201d to the week of {start:%a %d %b}"
            self._apply_preview(shown, text)

    def on_delete_template(self) -> None:
        """Plan > Delete template…: forget a saved template (asked first; one undo step)."""
        planner = self._runner.planner
        names = self._runner.attempt(planner.template_names)
        if names is None:
            return
        if not names:
            self._prompts.show_info("Delete template", "No template saved yet.")
            return
        name = self._prompts.choose_template("Delete template", names)
        if name is None or not self._prompts.confirm(
            f"Delete the template \u201c{name}\u201d? The weeks it was applied to stay as they are."
        ):
            return
        if self._runner.run(TemplateCommand(f"Delete template \u201c{name}\u201d", name, None)):
            self._edits.status(
                f"Deleted the template \u201c{name}\u201d. Edit > Undo brings it back."
            )

    # -- repeat ------------------------------------------------------------------------

    def on_repeat_weekly(self) -> None:
        """Repeat weekly...: planned copies every N weeks, until a date or N times; one step."""
        session = self._edits.selected_session()
        if session is None or session.id is None:
            self._edits.status("Select a saved session to repeat.")
            return
        if not self._edits.settle_form():
            return
        session_id = session.id

        def preview(choice: RepeatChoice) -> tuple[int, int]:
            plan = self._runner.attempt(lambda: self._repeat_plan(session_id, choice))
            return (len(plan.copies), plan.warned) if plan is not None else (0, 0)

        choice = self._prompts.ask_repeat(
            _repeat_what(session), session.day + timedelta(weeks=1), preview
        )
        if choice is None:
            return
        plan = self._runner.attempt(lambda: self._repeat_plan(session_id, choice))
        if plan is None or not plan.copies:
            self._edits.status("Nothing to repeat: no copy falls before the end date.")
            return
        count = len(plan.copies)
        label = session_label(f"Repeat weekly ({count}x)", session)
        if self._runner.run(SessionsCommand(label, add=plan.copies, go_to=session.day)):
            warned = f"; the advice warns on {plan.warned}" if plan.warned else ""
            self._edits.status(f"Added {count} weekly copies{warned}. Edit > Undo takes them back.")

    def _repeat_plan(self, session_id: int, choice: RepeatChoice) -> RepeatPlan:
        return self._runner.planner.repeat_weekly(
            session_id, choice.every_weeks, until=choice.until, times=choice.times
        )


def _repeat_what(session: Session) -> str:
    """The Repeat weekly dialog's words for the session: "the run of Tue 03 Mar 07:00"."""
    return f"the {session.kind.value} of {session.start:%a %d %b %H:%M}"


def _plan_text(request: PlanRequest) -> str:
    """The undo text: "Plan the week of Mon 02 Mar" or "Plan 4 weeks from Mon 02 Mar"."""
    if request.weeks == 1:
        return f"Plan the week of {request.week_start:%a %d %b}"
    return f"Plan {request.weeks} weeks from {request.week_start:%a %d %b}"
