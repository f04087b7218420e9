"""The rules engine: how to run around deadlifts, from the article, as pure Python.

Week planning (`plan_week`, `plan_block`, `LiftSlot`, `WeekPlan`) is exported lazily: its
modules load on first use, so the window's start-up does not pay for a dialog it may not open.
"""

from importlib import import_module
from typing import TYPE_CHECKING

from desktop.advice.article import HEALTH_NOTICE
from desktop.advice.compliance import Compliance, compliance_of
from desktop.advice.context import Zone, context_zones
from desktop.advice.model import (
    Advice,
    AdviceWarning,
    Context,
    DayAdvice,
    DayLog,
    DistanceUnit,
    InvalidInputError,
    Kind,
    LiftAdvice,
    Profile,
    ResearchNote,
    RunAdvice,
    Session,
    Suggestion,
    Tip,
    VolumeUnit,
    WeekTotals,
    WeightUnit,
    Workout,
)
from desktop.advice.rules import (
    TIP_CODES,
    WARNING_CODES,
    Code,
    History,
    advise_day,
    advise_lift,
    advise_run,
    advise_session,
    badge_from,
    day_has_badge,
    session_warnings,
)
from desktop.advice.texts import chip_text, session_title

if TYPE_CHECKING:
    from desktop.advice.planning import LiftSlot, WeekPlan, plan_week
    from desktop.advice.progression import plan_block

# Public names whose module loads on first use, and that module.
_LAZY = {
    "LiftSlot": "desktop.advice.planning",
    "WeekPlan": "desktop.advice.planning",
    "plan_week": "desktop.advice.planning",
    "plan_block": "desktop.advice.progression",
}


def __getattr__(name: str) -> object:
    """Load a lazily exported name's module on first use (PEP 562)."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "HEALTH_NOTICE",
    "TIP_CODES",
    "WARNING_CODES",
    "Advice",
    "AdviceWarning",
    "Code",
    "Compliance",
    "Context",
    "DayAdvice",
    "DayLog",
    "DistanceUnit",
    "History",
    "InvalidInputError",
    "Kind",
    "LiftAdvice",
    "LiftSlot",
    "Profile",
    "ResearchNote",
    "RunAdvice",
    "Session",
    "Suggestion",
    "Tip",
    "VolumeUnit",
    "WeekPlan",
    "WeekTotals",
    "WeightUnit",
    "Workout",
    "Zone",
    "advise_day",
    "advise_lift",
    "advise_run",
    "advise_session",
    "badge_from",
    "chip_text",
    "compliance_of",
    "context_zones",
    "day_has_badge",
    "plan_block",
    "plan_week",
    "session_title",
    "session_warnings",
]
