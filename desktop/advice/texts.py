"""Every sentence the engine shows a person, in one place; the rules only choose which.

Numbers come in already decided (caps, gaps, targets) and go out in the profile's
units, formatted by `units`. Percentages are read from the caps' constants.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Final

from desktop.advice.caps import (
    ARTICLE_WATER_OZ,
    DISTANCE_CAP,
    LONG_CONTINUOUS,
    SPEED_CAP,
    Caps,
    percent,
)
from desktop.advice.clock import after
from desktop.advice.codes import Code
from desktop.advice.model import Advice, Context, Kind, Profile, Session, VolumeUnit, Workout
from desktop.advice.units import (
    format_distance,
    format_duration,
    format_short_distance,
    format_speed,
    format_speed_and_pace,
    format_volume,
    format_weight,
    shown_volume,
)

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
    """ "3 km", "3.5 km", "10 mi": the display precision, no ".0" when it is whole."""
    return format_short_distance(km, profile.distance_unit)


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


# --- where a run sits --------------------------------------------------------------------


def describe_context(advice: Advice) -> str:
    """Where the run sits, e.g. "45 min after your deadlift" or "the day after a deadlift"."""
    if any(w.code == Code.OVERLAPS_DEADLIFT for w in advice.warnings):
        return "this run overlaps a deadlift"
    context = advice.context
    gap = advice.gap_min
    if context is Context.IMMEDIATELY_AFTER:
        if not gap:
            return "right after your deadlift"
        return f"{format_duration(gap)} after your deadlift"
    if context is Context.SAME_DAY_LATER:
        if gap is None:
            return "a second session after your deadlift"
        return f"a second session, {format_duration(gap)} after your deadlift"
    if context is Context.NEXT_DAY:
        return "the day after a deadlift"
    return "no deadlift earlier today or yesterday"


def describe_caps(advice: Advice, profile: Profile) -> str:
    """ "at most 8.0 km, at most 13.5 km/h = 4:27 /km", or "" when no caps are in force."""
    parts: list[str] = []
    if advice.max_distance_km is not None:
        parts.append(f"at most {format_distance(advice.max_distance_km, profile.distance_unit)}")
    if advice.max_speed_kmh is not None:
        speed = format_speed_and_pace(advice.max_speed_kmh, profile.distance_unit)
        parts.append(f"at most {speed}")
    return ", ".join(parts)


def day_context(advice: Advice, profile: Profile) -> str:
    """The run that fits a day, in words that are true whenever the lift is."""
    lead = "A run that fits this day: "
    lift = advice.deadlift
    if advice.context is Context.IMMEDIATELY_AFTER and lift is not None:
        first = lift.end
        last = after(first, timedelta(minutes=profile.immediate_window_min))
        return f"{lead}right after your deadlift, starting between {first:%H:%M} and {last:%H:%M}."
    since = ""
    if lift is not None and advice.gap_min is not None:
        moment = after(lift.end, timedelta(minutes=advice.gap_min))
        # 00:01 after a lift that ended at 18:00 (exactly 6 h at midnight) is noise, not news.
        if moment.time() > time(0, 1):
            since = f" (from {moment:%H:%M} on)"
    if advice.context is Context.NEXT_DAY:
        if advice.suggestion is not None and advice.suggestion.workout is Workout.HILLS:
            return f"{lead}hills, as it is the day after a deadlift{since}."
        return f"{lead}an easy run, as it is the day after a deadlift{since}."
    if advice.context is Context.NONE:
        if advice.suggestion is not None and advice.suggestion.workout is Workout.LONG:
            return f"{lead}any run, a long one included (no deadlift in the last 48 hours)."
        return f"{lead}any run but your longest (a deadlift ended less than 48 hours ago)."
    return f"{lead}{describe_context(advice)}."


def water_line(advice: Advice, profile: Profile) -> str:
    """One water line for a day, unless a warning already says how much is missing."""
    target = advice.water_target_oz
    if target is None or any(w.code == Code.WATER_BELOW_TARGET for w in advice.warnings):
        return ""
    goal = format_volume(target, profile.volume_unit, grouped=True)
    if advice.water_oz is None:
        return f"Water: nothing logged yet; the target is {goal}."
    drunk = format_volume(advice.water_oz, profile.volume_unit, grouped=True)
    return f"Water: {drunk} of {goal}, target reached."


# The calendar legend: says exactly what `rules.day_has_badge` decides.
BADGE_LEGEND: Final = (
    "A badge marks a day whose advice has a warning; missed water counts once the day is over."
)


# --- warnings ----------------------------------------------------------------------------


def distance_over(run_km: float, caps: Caps) -> str:
    """Warning: the run is longer than the distance cap."""
    unit = caps.profile.distance_unit
    return (
        f"This run is {format_distance(run_km, unit)}; after a deadlift keep it to at most "
        f"{format_distance(caps.distance_km, unit)} ({percent(DISTANCE_CAP)} of "
        f"{format_distance(caps.profile.max_distance_km, unit)})."
    )


def speed_over(run_kmh: float, caps: Caps) -> str:
    """Warning: the run is faster than the speed cap."""
    unit = caps.profile.distance_unit
    return (
        f"This run's speed is {format_speed(run_kmh, unit)}; after a deadlift keep it to at "
        f"most {format_speed_and_pace(caps.speed_kmh, unit)} ({percent(SPEED_CAP)} of "
        f"{format_speed(caps.profile.max_speed_kmh, unit)})."
    )


def long_run_after(run_km: float, caps: Caps) -> str:
    """Warning: a continuous run right after a lift is longer than the long-run threshold."""
    unit = caps.profile.distance_unit
    return (
        f"This run is {format_distance(run_km, unit)}; right after a deadlift a continuous "
        f"run of more than {format_distance(caps.long_continuous_km, unit)} "
        f"({percent(LONG_CONTINUOUS)} of {format_distance(caps.profile.max_distance_km, unit)}) "
        "stresses your back further: run sprint intervals instead, or move the run to later."
    )


def longest_on_lift_day(lift_start: datetime, run_start: datetime) -> str:
    """Warning: the longest run shares a day (or the 6 h after a late lift) with a deadlift."""
    if lift_start.date() == run_start.date():
        when = f"on a day you deadlift (at {lift_start:%H:%M})"
    elif lift_start.date() == run_start.date() - timedelta(days=1):
        when = f"within hours of a deadlift (yesterday at {lift_start:%H:%M})"
    else:
        when = f"within hours of a deadlift ({lift_start:%Y-%m-%d %H:%M})"
    return f"This is your longest run, {when}: move it to a day without deadlifts."


PAIN: Final = "You reported pain on this run: when running hurts, stop at once."
NO_SPOTTER: Final = "This deadlift has no spotter: never lift without a spotter."


def soreness_high(soreness: int, caps: Caps, *, hills: bool = False) -> str:
    """Warning: a hard or long run on very sore legs (the day after a lift: shorter hills)."""
    unit = caps.profile.distance_unit
    if hills:
        return (
            f"Your legs and back are very sore today ({soreness}/10): swap this run for a few "
            f"short, steady hills (about "
            f"{format_distance(caps.sore_hill_distance_km, unit)}), or rest."
        )
    return (
        f"Your legs and back are very sore today ({soreness}/10): swap this run for an easy "
        f"one of at most {format_distance(caps.sore_distance_km, unit)} and "
        f"{format_speed(caps.speed_kmh, unit)}, or rest."
    )


def overlap(subject_is_run: bool, other_is_lift: bool, when: str) -> str:
    """Warning: two sessions share clock time."""
    noun = "run" if subject_is_run else "deadlift"
    if other_is_lift:
        advice = "run after the lift, not during it." if subject_is_run else "one at a time."
        return f"This {noun} overlaps your deadlift at {when}: {advice}"
    advice = "one run at a time." if subject_is_run else "lift first, then run."
    return f"This {noun} overlaps your run at {when}: {advice}"


def water_below(drunk_oz: float, target_oz: float, profile: Profile) -> str:
    """Warning: less water than the target."""
    unit = profile.volume_unit
    return (
        f"You have drunk {format_volume(drunk_oz, unit, grouped=True)} today; "
        f"the target is {format_volume(target_oz, unit, grouped=True)}."
    )


# --- tips --------------------------------------------------------------------------------

FOOT_STRIKE: Final = (
    "Land on the ball of your foot, not your heel: landing on your heels reduces the "
    "activation of your calf muscles and increases the stress on your lower back."
)
STOP_IF_PAIN: Final = "If running hurts, stop at once."
INTERVALS: Final = (
    "Run intervals, not distance: sprint 50 m, walk back, sprint again. "
    "Long running right after deadlifts stresses your back further."
)
DOMS: Final = (
    "The day after deadlifts often brings delayed-onset soreness; it limits speed and "
    "endurance, so work on power and technique rather than pace or distance."
)
HILLS: Final = (
    "Run up hills: climbing trains a proper ball-of-the-foot strike and the extra effort "
    "improves your conditioning."
)
NO_LONGEST_RUN: Final = "Keep your longest run for a day without deadlifts."
SPOTTER: Final = "Lift with a spotter: never deadlift alone."
TWO_DEADLIFTS: Final = (
    "More than one deadlift session today: runs take their limits from the latest lift before them."
)
BCAA: Final = (
    "Sore from deadlifts? Branched-chain amino acids (BCAAs) can help relieve muscle "
    "soreness and pain."
)


def caps_tip(caps: Caps) -> str:
    """Tip: the caps after a deadlift, with the shown numbers."""
    unit = caps.profile.distance_unit
    return (
        f"After a deadlift run no more than {percent(DISTANCE_CAP)} of your longest distance "
        f"({format_distance(caps.distance_km, unit)}) and no faster than {percent(SPEED_CAP)} "
        f"of your top speed ({format_speed_and_pace(caps.speed_kmh, unit)})."
    )


def endurance(gap_min: int | None) -> str:
    """Tip: endurance is down after an earlier lift."""
    ago = "" if gap_min is None else f" {format_duration(gap_min)} ago"
    return (
        f"You deadlifted{ago}, so your endurance may be lower: keep a modest pace and stay "
        "under your longest distance."
    )


def warm_up(context: Context) -> str:
    """Tip: how to warm up in this context."""
    if context is Context.IMMEDIATELY_AFTER:
        return (
            "Warm up even though you have just lifted: walk for a few minutes before you "
            "start running."
        )
    if context is Context.SAME_DAY_LATER:
        return (
            "Warm up; on the day of a lift you need less extra warm-up than the day after: "
            "a few minutes of walking or some lunges will do."
        )
    if context is Context.NEXT_DAY:
        return (
            "Warm up thoroughly: walk on a treadmill or do lunges to warm and stretch the "
            "muscles you deadlifted."
        )
    return "Warm up before you run: a few minutes of brisk walking or some lunges."


def free_day(profile: Profile) -> str:
    """Tip: a day far enough from any deadlift for the longest run."""
    longest = format_distance(profile.max_distance_km, profile.distance_unit)
    return (
        "No deadlift today and none in the last 48 hours: a good day for your longest run "
        f"(up to {longest})."
    )


def lift_later(lift_start: datetime) -> str:
    """Tip for a run: a deadlift follows later the same day."""
    return (
        f"You deadlift later today (at {lift_start:%H:%M}), on legs tired from this run: "
        "keep the run easy and warm up again before lifting."
    )


def ran_earlier(run_start: datetime) -> str:
    """Tip for a lift: a run came earlier the same day."""
    return (
        f"You ran earlier today (at {run_start:%H:%M}): your legs are tired, so warm up again "
        "and mind your form."
    )


def sore_legs(soreness: int, *, hills: bool = False) -> str:
    """Tip: what very sore legs call for, agreeing with the suggestion beside it.

    The day after a deadlift the hills stay (the article's advice), only shorter and
    steadier, so the tip says that rather than "an easy run".
    """
    if hills:
        return (
            f"Your legs and back are very sore ({soreness}/10): keep today's hills few, short "
            "and steady, or take a rest day to let them recover."
        )
    return (
        f"Your legs and back are very sore ({soreness}/10): an easy, shorter run or a rest day "
        "lets them recover."
    )


def water_tip(profile: Profile) -> str:
    """Tip: the day's water target, naming the article's floor."""
    volume = profile.volume_unit
    target = profile.water_target_oz
    article_oz = format_volume(ARTICLE_WATER_OZ, VolumeUnit.OZ)
    if shown_volume(target, volume) == shown_volume(ARTICLE_WATER_OZ, volume):
        amount = article_oz
        if VolumeUnit(volume) is not VolumeUnit.OZ:
            amount += f" ({format_volume(target, volume, grouped=True)})"
        return f"Drink at least {amount} of water today, as the article advises."
    return (
        f"Drink at least {format_volume(target, volume, grouped=True)} of water today, "
        f"your own target (the article's minimum is {article_oz})."
    )


# --- suggestions -------------------------------------------------------------------------


def intervals_suggestion(reps: int, metres: str, caps: Caps) -> str:
    """Suggestion: sprint intervals right after a lift."""
    speed = format_speed(caps.speed_kmh, caps.profile.distance_unit)
    return f"{reps} x {metres} m sprints, walk back between them; sprint at no more than {speed}"


def easy_suggestion(distance_km: float, caps: Caps, reason: str) -> str:
    """Suggestion: an easy run, and why."""
    unit = caps.profile.distance_unit
    return (
        f"Easy run: up to {format_distance(distance_km, unit)} at a modest "
        f"{format_speed_and_pace(caps.modest_speed_kmh, unit)}; {reason}"
    )


def hills_suggestion(distance_km: float, climbs: int, caps: Caps, *, sore: bool) -> str:
    """Suggestion: the day-after hill run (shorter and steadier on very sore legs)."""
    effort = "steady" if sore else "hard"
    return (
        f"Hill run: about {format_distance(distance_km, caps.profile.distance_unit)} with "
        f"{climbs} {effort} climbs of about a minute, easy down; land on the ball of your foot"
    )


def long_suggestion(caps: Caps) -> str:
    """Suggestion: the longest run, on a free day."""
    unit = caps.profile.distance_unit
    return (
        f"Long run: up to {format_distance(caps.profile.max_distance_km, unit)} at a modest "
        f"{format_speed_and_pace(caps.modest_speed_kmh, unit)}; a day far from deadlifts is "
        "the day for it"
    )


REASON_ENDURANCE: Final = "your endurance is down after the lift"
REASON_LIFT_LATER: Final = "save your legs for the deadlift later today"
REASON_SORE: Final = "your legs are very sore; a rest day is just as good"
REASON_RECENT_LIFT: Final = "keep your longest run until 48 hours after the deadlift"
