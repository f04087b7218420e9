"""The stable codes of every warning and tip, listed once as one StrEnum."""

from __future__ import annotations

from enum import StrEnum
from typing import Final


class Code(StrEnum):
    """A warning's or tip's stable code; `is_warning` tells which of the two it is."""

    is_warning: bool

    def __new__(cls, value: str, is_warning: bool) -> Code:
        member = str.__new__(cls, value)
        member._value_ = value
        member.is_warning = is_warning
        return member

    # Warnings: something the user should change.
    DISTANCE_OVER_LIMIT = "distance-over-limit", True
    SPEED_OVER_LIMIT = "speed-over-limit", True
    LONG_RUN_AFTER_DEADLIFT = "long-run-after-deadlift", True
    LONGEST_RUN_ON_DEADLIFT_DAY = "longest-run-on-deadlift-day", True
    PAIN_REPORTED = "pain-reported", True
    NO_SPOTTER = "no-spotter", True
    WATER_BELOW_TARGET = "water-below-target", True
    OVERLAPS_DEADLIFT = "overlaps-deadlift", True
    OVERLAPS_RUN = "overlaps-run", True
    SORENESS_HIGH = "soreness-high", True
    # Tips: guidance.
    TIP_FOOT_STRIKE = "foot-strike", False
    TIP_WARM_UP = "warm-up", False
    TIP_STOP_IF_PAIN = "stop-if-pain", False
    TIP_INTERVALS = "intervals", False
    TIP_CAPS = "caps", False
    TIP_ENDURANCE = "endurance", False
    TIP_SORENESS = "soreness", False
    TIP_HILLS = "hills", False
    TIP_FREE_DAY = "free-day", False
    TIP_NO_LONGEST_RUN = "no-longest-run", False
    TIP_LIFT_AFTER_RUN = "lift-after-run", False
    TIP_TWO_DEADLIFTS = "two-deadlifts", False
    TIP_SPOTTER = "spotter-reminder", False
    TIP_WATER = "water", False
    TIP_BCAA = "bcaa", False
    TIP_SORE_LEGS = "sore-legs", False


WARNING_CODES: Final = frozenset(code for code in Code if code.is_warning)
TIP_CODES: Final = frozenset(code for code in Code if not code.is_warning)
