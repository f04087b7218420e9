"""Every sentence the engine shows a person, in one place; the rules only choose which.

Numbers come in already decided (caps, gaps, targets) and go out in the profile's
units, formatted by `units`. Percentages are read from the caps' constants.
"""

from __future__ import annotations

from desktop.advice.model import Kind, Profile, Session, Workout
from desktop.advice.units import distance_from_km, distance_label, format_weight

WORKOUT_NAMES: dict[Workout, str] = {
    Workout.EASY: "Easy run",
    Workout.INTERVALS: "Intervals",
    Workout.HILLS: "Hills",
    Workout.LONG: "Long run",
}
_CHIP_WORKOUTS: dict[Workout, str] = {
    Workout.EASY: "Easy",
    Workout.INTERVALS: "Intervals",
    Workout.HILLS: "Hills",
    Workout.LONG: "Long",
}


def _short_distance(km: float, profile: Profile) -> str:
    """ "3 km", "3.5 km", "10 mi": one decimal, none when it is whole."""
    value = f"{distance_from_km(km, profile.distance_unit):.1f}".removesuffix(".0")
    return f"{value} {distance_label(profile.distance_unit)}"


def _lift_parts(session: Session, profile: Profile) -> list[str]:
    shown = session.as_done()
    parts: list[str] = []
    if shown.sets is not None and shown.reps is not None:
        parts.append(f"{shown.sets}x{shown.reps}")
    elif shown.sets is not None:
        parts.append(f"{shown.sets} sets")
    elif shown.reps is not None:
        parts.append(f"{shown.reps} reps")
    if shown.load_kg is not None:
        parts.append(format_weight(shown.load_kg, profile.weight_unit))
    return parts


def session_title(session: Session, profile: Profile) -> str:
    """ "Deadlift 5x5 140 kg" or "Run: intervals 3 km", in the profile's units.

    A done session shows what was really done where actual values were logged.
    """
    if session.kind is Kind.DEADLIFT:
        return " ".join(["Deadlift", *_lift_parts(session, profile)])
    shown = session.as_done()
    parts: list[str] = []
    if shown.workout is not None:
        parts.append(shown.workout.value)
    if shown.distance_km is not None:
        parts.append(_short_distance(shown.distance_km, profile))
    return f"Run: {' '.join(parts)}" if parts else "Run"


def chip_text(session: Session, profile: Profile) -> str:
    """A calendar chip, time first: "18:00 5x5 140 kg", "18:45 Intervals 3 km"."""
    parts = [f"{session.start:%H:%M}"]
    if session.kind is Kind.DEADLIFT:
        parts.extend(_lift_parts(session, profile) or ["Deadlift"])
        return " ".join(parts)
    shown = session.as_done()
    parts.append("Run" if shown.workout is None else _CHIP_WORKOUTS[shown.workout])
    if shown.distance_km is not None:
        parts.append(_short_distance(shown.distance_km, profile))
    return " ".join(parts)
