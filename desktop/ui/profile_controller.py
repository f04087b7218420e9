"""The person's profile: asked on first use, changed from Settings > Profile.

The first profile is set-up, not an edit: nothing to go back to, so it is saved directly.
Every later change is one `ProfileCommand` (one undo step).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QStatusBar

from desktop.advice import Profile
from desktop.ui.commands import ProfileCommand
from desktop.ui.edit_runner import EditRunner
from desktop.ui.edits_controller import EditsController
from desktop.ui.prompts import Prompts

NO_PROFILE_YET = "No profile yet: advice uses default limits. Set yours in Settings > Profile."


class ProfileController(QObject):
    """Asks for the profile and saves it (the first time directly, later as a command)."""

    def __init__(
        self,
        runner: EditRunner,
        prompts: Prompts,
        edits: EditsController,
        status_bar: QStatusBar,
        reload_all: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._prompts = prompts
        self._edits = edits
        self._status_bar = status_bar
        self._reload_all = reload_all

    def ensure_profile(self) -> None:
        """Ask for a profile on first use; until then defaults (km, km/h) are used."""
        if self._runner.planner.has_profile():
            return
        profile = self._prompts.ask_profile(None, True)
        if profile is None:
            self._status_bar.showMessage(NO_PROFILE_YET)
            return
        self.save_profile(profile)

    def on_edit_profile(self) -> None:
        """Settings > Profile: change limits and units (one undo step)."""
        if not self._edits.settle_form():
            return
        planner = self._runner.planner
        current = planner.profile() if planner.has_profile() else None
        profile = self._prompts.ask_profile(current, False)
        if profile is not None:
            self.save_profile(profile)

    def save_profile(self, profile: Profile) -> None:
        """Keep `profile`: the first one directly, a change as one undo step."""
        planner = self._runner.planner
        if planner.has_profile():
            self._runner.run(ProfileCommand("Change profile", planner.profile(), profile))
            return

        def save_first() -> bool:
            planner.save_profile(profile)
            return True

        if self._runner.attempt(save_first):
            self._reload_all()
