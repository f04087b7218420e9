"""The advice rules: how to run (and lift) around deadlifts, from the rulebook article.

Vocabulary. A session "is on" the calendar day it starts on (`Session.day`), in naive
local time. "The subject" is the run, lift or day being advised. `sessions` is every
session the user has, in any order, as a plain iterable or a prepared `History`.

Rules the article states (each warning and tip quotes its sentence in `.source`):

1. Context of a run: the latest deadlift that *ended* at or before the run starts.
   Gap (its end to the run's start) <= `Profile.immediate_window_min` ->
   IMMEDIATELY_AFTER, even across midnight. Otherwise, if that lift is on the run's
   day -> SAME_DAY_LATER. Otherwise, if any deadlift is on the previous day ->
   NEXT_DAY. Otherwise NONE. A lift later the same day never makes a run "after" it.
2. Caps in IMMEDIATELY_AFTER and SAME_DAY_LATER: 80% of max distance, 90% of max
   speed. Strictly more (beyond a 1e-6 tolerance for float dust) warns
   `distance-over-limit` / `speed-over-limit`; exactly at the cap is fine.
3. IMMEDIATELY_AFTER: suggest intervals (8 x 50 m sprints, walk back) at no more than
   the speed cap; a LONG workout warns `long-run-after-deadlift`.
4. A LONG run, or one of at least the max distance, on a day with any deadlift
   (before or after it) warns `longest-run-on-deadlift-day`.
5. NEXT_DAY: soreness tip, hills suggestion (power, foot strike), thorough warm-up
   (treadmill walk or lunges). SAME_DAY_LATER: less extra warm-up is needed.
6. Always: land on the ball of the foot, warm up, stop if it hurts; `pain-reported`.
7. A lift with spotter=False warns `no-spotter`; spotter=None gives a reminder tip.
8. A day: water below the profile's target warns `water-below-target`; tips name the
   64 oz default and BCAAs for soreness. The "consult a health care provider" line is
   `article.HEALTH_NOTICE`, for the first-run dialog and Help menu, not every panel.
9. Bad input raises `InvalidInputError` (a ValueError); valid input never raises.

Decisions where the article is silent (what a coach would say):

- Run overlapping a deadlift (time ranges intersect): warning `overlaps-deadlift`
  ("run after the lift, not during it"). A session overlapping a run: `overlaps-run`.
  Either can be a data-entry slip; they are warnings so the calendar shows a badge.
  Context still follows rule 1 (only lifts that have ended count).
- Run before a lift the same day: no cap (nothing to recover from yet), tip
  `lift-after-run`: the lift comes on legs tired from the run, keep the run easy. The
  suggestion is an easy run below the max distance (rule 4 still forbids the longest).
  A lift with a run earlier that day gets the same tip code, worded for the lift.
- Two deadlifts in a day: the later one (latest end before the run) sets the context,
  by rule 1. Each lift gets tip `two-deadlifts`.
- A late-night lift: only the window crosses midnight; beyond it, days are calendar
  days (a run 2 h after a lift that ended at 23:00 is NEXT_DAY, as rule 1 says).
- The subject is never its own deadlift: a session in history with the same non-None
  id as the subject (its stored old version), or equal to an id-less subject (the draft
  itself), is ignored.
- Lift advice describes the run right after it: IMMEDIATELY_AFTER, gap 0, its caps,
  an intervals suggestion. Day advice describes the run slot that fits the day:
  right after the day's last lift (intervals), else the day after a lift (hills), else
  a free day (the long run). Its warnings are every warning of every session starting
  that day, plus water, deduplicated by (code, message) and sorted.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Final

from desktop.advice import article
from desktop.advice.context import run_context
from desktop.advice.history import History, skipper
from desktop.advice.model import (
    Advice,
    AdviceWarning,
    Context,
    InvalidInputError,
    Kind,
    Profile,
    Session,
    Suggestion,
    Tip,
    VolumeUnit,
    Workout,
)
from desktop.advice.units import (
    format_distance,
    format_duration,
    format_speed,
    format_speed_and_pace,
    format_volume,
)

# --- numbers -----------------------------------------------------------------------------

DISTANCE_CAP: Final = 0.8  # of max distance, in a run that follows a deadlift
SPEED_CAP: Final = 0.9  # of max speed, in a run that follows a deadlift
MODEST_SPEED: Final = 0.7  # of max speed: "a modest pace"
HILL_DISTANCE: Final = 0.5  # of max distance, for the day-after hill session
HILL_CLIMBS: Final = 6
INTERVAL_REPS: Final = 8
INTERVAL_SPRINT_M: Final = 50
TOLERANCE: Final = 1e-6  # km, km/h, oz: "exactly at the cap" survives float rounding
ARTICLE_WATER_OZ: Final = 64.0  # "Drink at least 64 oz. of water per day."

# --- stable codes ------------------------------------------------------------------------

DISTANCE_OVER_LIMIT: Final = "distance-over-limit"
SPEED_OVER_LIMIT: Final = "speed-over-limit"
LONG_RUN_AFTER_DEADLIFT: Final = "long-run-after-deadlift"
LONGEST_RUN_ON_DEADLIFT_DAY: Final = "longest-run-on-deadlift-day"
PAIN_REPORTED: Final = "pain-reported"
NO_SPOTTER: Final = "no-spotter"
WATER_BELOW_TARGET: Final = "water-below-target"
OVERLAPS_DEADLIFT: Final = "overlaps-deadlift"
OVERLAPS_RUN: Final = "overlaps-run"

WARNING_CODES: Final = frozenset(
    {
        DISTANCE_OVER_LIMIT,
        SPEED_OVER_LIMIT,
        LONG_RUN_AFTER_DEADLIFT,
        LONGEST_RUN_ON_DEADLIFT_DAY,
        PAIN_REPORTED,
        NO_SPOTTER,
        WATER_BELOW_TARGET,
        OVERLAPS_DEADLIFT,
        OVERLAPS_RUN,
    }
)

TIP_FOOT_STRIKE: Final = "foot-strike"
TIP_WARM_UP: Final = "warm-up"
TIP_STOP_IF_PAIN: Final = "stop-if-pain"
TIP_INTERVALS: Final = "intervals"
TIP_CAPS: Final = "caps"
TIP_ENDURANCE: Final = "endurance"
TIP_SORENESS: Final = "soreness"
TIP_HILLS: Final = "hills"
TIP_FREE_DAY: Final = "free-day"
TIP_NO_LONGEST_RUN: Final = "no-longest-run"
TIP_LIFT_AFTER_RUN: Final = "lift-after-run"
TIP_TWO_DEADLIFTS: Final = "two-deadlifts"
TIP_SPOTTER: Final = "spotter-reminder"
TIP_WATER: Final = "water"
TIP_BCAA: Final = "bcaa"

TIP_CODES: Final = frozenset(
    {
        TIP_FOOT_STRIKE,
        TIP_WARM_UP,
        TIP_STOP_IF_PAIN,
        TIP_INTERVALS,
        TIP_CAPS,
        TIP_ENDURANCE,
        TIP_SORENESS,
        TIP_HILLS,
        TIP_FREE_DAY,
        TIP_NO_LONGEST_RUN,
        TIP_LIFT_AFTER_RUN,
        TIP_TWO_DEADLIFTS,
        TIP_SPOTTER,
        TIP_WATER,
        TIP_BCAA,
    }
)

_ONE_DAY: Final = timedelta(days=1)
_CAPPED: Final = frozenset({Context.IMMEDIATELY_AFTER, Context.SAME_DAY_LATER})

# --- validation --------------------------------------------------------------------------


def _check_profile(profile: object) -> Profile:
    if not isinstance(profile, Profile):
        raise InvalidInputError(f"Advice needs a Profile, not {type(profile).__name__}.")
    return profile


def _check_subject(subject: object, kind: Kind | None) -> Session:
    """The subject itself, if it is a session of `kind` (any kind when None)."""
    what = "Advice" if kind is None else f"Advice for a {kind.value}"
    if not isinstance(subject, Session):
        raise InvalidInputError(f"{what} needs a session, not {type(subject).__name__}.")
    if kind is not None and subject.kind is not kind:
        raise InvalidInputError(
            f"{what} was asked about a {subject.kind.value}; use the {subject.kind.value} advice."
        )
    return subject


def _check_day(day: object) -> date:
    if isinstance(day, datetime):
        day = day.date()
    if not isinstance(day, date):
        raise InvalidInputError(f"A day must be a date, not {type(day).__name__}.")
    if not date.min + 2 * _ONE_DAY <= day <= date.max - 2 * _ONE_DAY:
        raise InvalidInputError("That day is out of range.")
    return day


def _check_water(water_oz: object) -> float | None:
    if water_oz is None:
        return None
    if isinstance(water_oz, bool) or not isinstance(water_oz, int | float):
        raise InvalidInputError(f"Water drunk must be a number, not {type(water_oz).__name__}.")
    if not math.isfinite(water_oz) or water_oz < 0:
        raise InvalidInputError("Water drunk must be a finite number of 0 or more.")
    return float(water_oz)


# --- small helpers -----------------------------------------------------------------------


def _cap(maximum: float, fraction: float) -> float:
    return round(float(maximum) * fraction, 6)


def _minutes(delta: timedelta) -> int:
    return int(delta.total_seconds() // 60)


def _clock(session: Session, subject: Session) -> str:
    span = f"{session.start:%H:%M}-{session.end:%H:%M}"
    return span if session.day == subject.day else f"{session.day.isoformat()} {span}"


def _warning(code: str, message: str, source: str) -> AdviceWarning:
    return AdviceWarning(code=code, message=message, source=source)


def _tip(code: str, text: str, source: str) -> Tip:
    return Tip(code=code, text=text, source=source)


# --- suggestions -------------------------------------------------------------------------


@lru_cache(maxsize=64)
def _intervals(profile: Profile) -> Suggestion:
    speed = _cap(profile.max_speed_kmh, SPEED_CAP)
    distance_cap = _cap(profile.max_distance_km, DISTANCE_CAP)
    sprint_km = INTERVAL_SPRINT_M / 1000
    reps = max(1, min(INTERVAL_REPS, math.floor(distance_cap / sprint_km + TOLERANCE)))
    sprint_m = min(float(INTERVAL_SPRINT_M), distance_cap * 1000 / reps)
    metres = f"{sprint_m:.3g}"  # "50"; shorter sprints only for a tiny max distance
    return Suggestion(
        workout=Workout.INTERVALS,
        distance_km=round(min(reps * sprint_m / 1000, distance_cap), 6),
        speed_kmh=speed,
        text=(
            f"{reps} x {metres} m sprints, walk back between them; "
            f"sprint at no more than {format_speed(speed, profile.distance_unit)}"
        ),
    )


@lru_cache(maxsize=64)
def _easy(profile: Profile, reason: str) -> Suggestion:
    distance = _cap(profile.max_distance_km, DISTANCE_CAP)
    speed = _cap(profile.max_speed_kmh, MODEST_SPEED)
    unit = profile.distance_unit
    return Suggestion(
        workout=Workout.EASY,
        distance_km=distance,
        speed_kmh=speed,
        text=(
            f"Easy run: up to {format_distance(distance, unit)} at a modest "
            f"{format_speed_and_pace(speed, unit)}; {reason}"
        ),
    )


@lru_cache(maxsize=64)
def _hills(profile: Profile) -> Suggestion:
    distance = _cap(profile.max_distance_km, HILL_DISTANCE)
    return Suggestion(
        workout=Workout.HILLS,
        distance_km=distance,
        speed_kmh=None,
        text=(
            f"Hill run: about {format_distance(distance, profile.distance_unit)} with "
            f"{HILL_CLIMBS} hard climbs of about a minute, easy down; "
            "land on the ball of your foot"
        ),
    )


@lru_cache(maxsize=64)
def _long(profile: Profile) -> Suggestion:
    distance = round(float(profile.max_distance_km), 6)
    speed = _cap(profile.max_speed_kmh, MODEST_SPEED)
    unit = profile.distance_unit
    return Suggestion(
        workout=Workout.LONG,
        distance_km=distance,
        speed_kmh=speed,
        text=(
            f"Long run: up to {format_distance(distance, unit)} at a modest "
            f"{format_speed_and_pace(speed, unit)}; a day without deadlifts is the day for it"
        ),
    )


# --- tips --------------------------------------------------------------------------------


@lru_cache(maxsize=64)
def _foot_strike() -> Tip:
    return _tip(
        TIP_FOOT_STRIKE,
        "Land on the ball of your foot, not your heel: heel strikes switch off your calves "
        "and load your lower back.",
        article.HEEL_STRIKE,
    )


@lru_cache(maxsize=64)
def _stop_if_pain() -> Tip:
    return _tip(TIP_STOP_IF_PAIN, "If running hurts, stop at once.", article.STOP_IF_PAIN)


@lru_cache(maxsize=64)
def _caps_tip(profile: Profile) -> Tip:
    unit = profile.distance_unit
    distance = format_distance(_cap(profile.max_distance_km, DISTANCE_CAP), unit)
    speed = format_speed_and_pace(_cap(profile.max_speed_kmh, SPEED_CAP), unit)
    return _tip(
        TIP_CAPS,
        f"After a deadlift run no more than 80% of your longest distance ({distance}) "
        f"and no faster than 90% of your top speed ({speed}).",
        article.CAPS_80_90,
    )


@lru_cache(maxsize=64)
def _warm_up(context: Context) -> Tip:
    if context is Context.IMMEDIATELY_AFTER:
        text = (
            "Warm up even though you have just lifted: walk for a few minutes "
            "before the first sprint."
        )
        return _tip(TIP_WARM_UP, text, article.WARM_UP_THOROUGHLY)
    if context is Context.SAME_DAY_LATER:
        text = (
            "Warm up; later on the day of a lift you need less extra warm-up than the day "
            "after: a few minutes of walking or some lunges will do."
        )
        return _tip(TIP_WARM_UP, text, article.LESS_WARM_UP_LATER)
    if context is Context.NEXT_DAY:
        text = (
            "Warm up thoroughly: walk on a treadmill or do lunges to warm and stretch the "
            "muscles you deadlifted yesterday."
        )
        return _tip(TIP_WARM_UP, text, article.WARM_UP_THOROUGHLY)
    text = "Warm up before you run: a few minutes of brisk walking or some lunges."
    return _tip(TIP_WARM_UP, text, article.WARM_UP_THOROUGHLY)


def _context_tips(
    context: Context, profile: Profile, gap_min: int | None, lift_today: bool
) -> list[Tip]:
    """The tips for a run slot in `context`, before the always-tips."""
    if context is Context.SAME_DAY_LATER:
        ago = "" if gap_min is None else f" ({format_duration(gap_min)} ago)"
        endurance = _tip(
            TIP_ENDURANCE,
            f"You deadlifted earlier today{ago}, so your endurance may be lower: "
            "keep a modest pace and stay under your longest distance.",
            article.ENDURANCE_COMPROMISED,
        )
        return [endurance, _caps_tip(profile)]
    return list(_fixed_context_tips(context, profile, lift_today))


@lru_cache(maxsize=64)
def _fixed_context_tips(context: Context, profile: Profile, lift_today: bool) -> tuple[Tip, ...]:
    """The context tips that depend on nothing but the context and the profile."""
    if context is Context.IMMEDIATELY_AFTER:
        intervals = _tip(
            TIP_INTERVALS,
            "Run intervals, not distance: sprint 50 m, walk back, sprint again. "
            "Long running right after deadlifts stresses your back further.",
            article.SPRINT_50_WALK_BACK,
        )
        return (intervals, _caps_tip(profile))
    if context is Context.NEXT_DAY:
        soreness = _tip(
            TIP_SORENESS,
            "Expect delayed-onset soreness the day after deadlifts; it limits speed and "
            "endurance, so work on power and technique rather than pace or distance.",
            article.SORENESS_LIMITS_SPEED,
        )
        hills = _tip(
            TIP_HILLS,
            "Run up hills: climbing trains a proper ball-of-the-foot strike and the "
            "extra effort improves your conditioning.",
            article.HILLS,
        )
        return (soreness, hills)
    if context is Context.SAME_DAY_LATER or lift_today:
        return ()
    free_day = _tip(
        TIP_FREE_DAY,
        "No deadlift today or yesterday: a good day for your longest run "
        f"(up to {format_distance(profile.max_distance_km, profile.distance_unit)}).",
        article.NO_LONGEST_RUN_ON_LIFT_DAY,
    )
    return (free_day,)


@lru_cache(maxsize=64)
def _always_tips(context: Context) -> tuple[Tip, ...]:
    return (_foot_strike(), _warm_up(context), _stop_if_pain())


@lru_cache(maxsize=64)
def _no_longest_run_tip() -> Tip:
    return _tip(
        TIP_NO_LONGEST_RUN,
        "Keep your longest run for a day without deadlifts.",
        article.NO_LONGEST_RUN_ON_LIFT_DAY,
    )


# --- overlaps ----------------------------------------------------------------------------


def _overlapping(
    subject: Session, history: History, skip: Callable[[Session], bool]
) -> list[Session]:
    """Sessions whose time range intersects the subject's (a session lasts at most a day)."""
    found: list[Session] = []
    start, end = subject.start, subject.end
    for day in (subject.day - _ONE_DAY, subject.day, subject.day + _ONE_DAY):
        for other in history.on_day(day):
            if other.start >= end:
                break
            if other.end > start and not skip(other):
                found.append(other)
    return found


def _overlap_warnings(
    subject: Session, history: History, skip: Callable[[Session], bool]
) -> list[AdviceWarning]:
    noun = "run" if subject.kind is Kind.RUN else "deadlift"
    warnings: list[AdviceWarning] = []
    for other in _overlapping(subject, history, skip):
        when = _clock(other, subject)
        if other.kind is Kind.DEADLIFT:
            advice = (
                "run after the lift, not during it."
                if subject.kind is Kind.RUN
                else "one deadlift session at a time."
            )
            warnings.append(
                _warning(
                    OVERLAPS_DEADLIFT,
                    f"This {noun} overlaps your deadlift at {when}: {advice}",
                    article.SECOND_SESSION_FATIGUE,
                )
            )
        else:
            advice = "one run at a time." if subject.kind is Kind.RUN else "lift first, then run."
            warnings.append(
                _warning(
                    OVERLAPS_RUN,
                    f"This {noun} overlaps your run at {when}: {advice}",
                    article.SECOND_SESSION_FATIGUE,
                )
            )
    return warnings


# --- runs --------------------------------------------------------------------------------


def _advise_run(run: Session, history: History, profile: Profile) -> Advice:
    skip = skipper(run)
    unit = profile.distance_unit
    context, lift, gap_min = run_context(run, history, profile, skip)
    lifts_today = [lf for lf in history.lifts_on(run.day) if not skip(lf)]
    capped = context in _CAPPED
    max_distance = _cap(profile.max_distance_km, DISTANCE_CAP) if capped else None
    max_speed = _cap(profile.max_speed_kmh, SPEED_CAP) if capped else None

    warnings: list[AdviceWarning] = []
    if (
        max_distance is not None
        and run.distance_km is not None
        and run.distance_km > max_distance + TOLERANCE
    ):
        warnings.append(
            _warning(
                DISTANCE_OVER_LIMIT,
                f"This run is {format_distance(run.distance_km, unit)}; after a deadlift "
                f"keep it to at most {format_distance(max_distance, unit)} (80% of "
                f"{format_distance(profile.max_distance_km, unit)}).",
                article.CAPS_80_90,
            )
        )
    if (
        max_speed is not None
        and run.speed_kmh is not None
        and run.speed_kmh > max_speed + TOLERANCE
    ):
        warnings.append(
            _warning(
                SPEED_OVER_LIMIT,
                f"This run's speed is {format_speed(run.speed_kmh, unit)}; after a "
                f"deadlift keep it to at most {format_speed_and_pace(max_speed, unit)} "
                f"(90% of {format_speed(profile.max_speed_kmh, unit)}).",
                article.CAPS_80_90,
            )
        )
    if context is Context.IMMEDIATELY_AFTER and run.workout is Workout.LONG:
        warnings.append(
            _warning(
                LONG_RUN_AFTER_DEADLIFT,
                "A long run right after a deadlift stresses your back further: "
                "run sprint intervals instead.",
                article.LONG_RUN_STRESSES_BACK,
            )
        )
    is_longest = run.workout is Workout.LONG or (
        run.distance_km is not None and run.distance_km >= profile.max_distance_km - TOLERANCE
    )
    if lifts_today and is_longest:
        warnings.append(
            _warning(
                LONGEST_RUN_ON_DEADLIFT_DAY,
                f"This is your longest run, on a day you deadlift (at "
                f"{lifts_today[0].start:%H:%M}): move it to a day without deadlifts.",
                article.NO_LONGEST_RUN_ON_LIFT_DAY,
            )
        )
    if run.pain:
        warnings.append(
            _warning(
                PAIN_REPORTED,
                "You reported pain on this run: when running hurts, stop at once.",
                article.STOP_IF_PAIN,
            )
        )
    warnings.extend(_overlap_warnings(run, history, skip))

    later_lifts = [lf for lf in lifts_today if lf.start >= run.start]
    tips = _context_tips(context, profile, gap_min, bool(lifts_today))
    if later_lifts:
        tips.append(
            _tip(
                TIP_LIFT_AFTER_RUN,
                f"You deadlift later today (at {later_lifts[0].start:%H:%M}), on legs tired "
                "from this run: keep the run easy and warm up again before lifting.",
                article.SECOND_SESSION_FATIGUE,
            )
        )
    tips.extend(_always_tips(context))

    if context is Context.IMMEDIATELY_AFTER:
        suggestion = _intervals(profile)
    elif context is Context.SAME_DAY_LATER:
        suggestion = _easy(profile, "your endurance is down after today's lift")
    elif context is Context.NEXT_DAY:
        suggestion = _hills(profile)
    elif lifts_today:
        suggestion = _easy(profile, "save your legs for the deadlift later today")
    else:
        suggestion = _long(profile)

    return Advice(
        context=context,
        max_distance_km=max_distance,
        max_speed_kmh=max_speed,
        warnings=tuple(warnings),
        tips=tuple(tips),
        suggestion=suggestion,
        deadlift=lift,
        gap_min=gap_min,
    )


# --- lifts -------------------------------------------------------------------------------


@lru_cache(maxsize=64)
def _after_lift_tips(profile: Profile) -> tuple[Tip, ...]:
    return (
        *_fixed_context_tips(Context.IMMEDIATELY_AFTER, profile, True),
        _no_longest_run_tip(),
        *_always_tips(Context.IMMEDIATELY_AFTER),
    )


def _advise_lift(lift: Session, history: History, profile: Profile) -> Advice:
    skip = skipper(lift)
    warnings: list[AdviceWarning] = []
    tips: list[Tip] = []
    if lift.spotter is False:
        warnings.append(
            _warning(
                NO_SPOTTER,
                "This deadlift has no spotter: never lift without a spotter.",
                article.SPOTTER,
            )
        )
    elif lift.spotter is None:
        tips.append(
            _tip(TIP_SPOTTER, "Lift with a spotter: never deadlift alone.", article.SPOTTER)
        )
    warnings.extend(_overlap_warnings(lift, history, skip))

    same_day = [s for s in history.on_day(lift.day) if not skip(s)]
    earlier_runs = [s for s in same_day if s.kind is Kind.RUN and s.start < lift.start]
    if earlier_runs:
        tips.append(
            _tip(
                TIP_LIFT_AFTER_RUN,
                f"You ran earlier today (at {earlier_runs[-1].start:%H:%M}): your legs are "
                "tired, so warm up again and mind your form.",
                article.SECOND_SESSION_FATIGUE,
            )
        )
    if any(s.kind is Kind.DEADLIFT for s in same_day):
        tips.append(
            _tip(
                TIP_TWO_DEADLIFTS,
                "More than one deadlift session today: runs take their limits from the "
                "latest lift before them, and your back gets no rest in between.",
                article.SECOND_SESSION_FATIGUE,
            )
        )
    tips.extend(_after_lift_tips(profile))
    return Advice(
        context=Context.IMMEDIATELY_AFTER,
        max_distance_km=_cap(profile.max_distance_km, DISTANCE_CAP),
        max_speed_kmh=_cap(profile.max_speed_kmh, SPEED_CAP),
        warnings=tuple(warnings),
        tips=tuple(tips),
        suggestion=_intervals(profile),
        deadlift=lift,
        gap_min=0,
    )


# --- days --------------------------------------------------------------------------------


def _advise_session(session: Session, history: History, profile: Profile) -> Advice:
    if session.kind is Kind.RUN:
        return _advise_run(session, history, profile)
    return _advise_lift(session, history, profile)


@lru_cache(maxsize=64)
def _day_tips(profile: Profile) -> tuple[Tip, ...]:
    """Water and BCAA tips, on every day."""
    volume = profile.volume_unit
    target = profile.water_target_oz
    article_oz = format_volume(ARTICLE_WATER_OZ, VolumeUnit.OZ)
    if abs(target - ARTICLE_WATER_OZ) <= TOLERANCE:
        # The default target: name the article's 64 oz once, in the user's unit too.
        amount = article_oz
        if VolumeUnit(volume) is not VolumeUnit.OZ:
            amount += f" ({format_volume(target, volume, grouped=True)})"
        water_text = f"Drink at least {amount} of water today, as the article advises."
    else:
        water_text = (
            f"Drink at least {format_volume(target, volume, grouped=True)} of water today, "
            f"your own target (the article's minimum is {article_oz})."
        )
    return (
        _tip(TIP_WATER, water_text, article.WATER_64_OZ),
        _tip(
            TIP_BCAA,
            "Sore from deadlifts? Branched-chain amino acids (BCAAs) can help relieve "
            "muscle soreness and pain.",
            article.BCAA,
        ),
    )


def _advise_day(day: date, history: History, profile: Profile, water_oz: float | None) -> Advice:
    volume = profile.volume_unit
    target = profile.water_target_oz
    seen: dict[tuple[str, str], AdviceWarning] = {}
    for session in history.on_day(day):
        for warning in _advise_session(session, history, profile).warnings:
            seen.setdefault((warning.code, warning.message), warning)
    if water_oz is not None and water_oz < target - TOLERANCE:
        warning = _warning(
            WATER_BELOW_TARGET,
            f"You have drunk {format_volume(water_oz, volume, grouped=True)} today; "
            f"the target is {format_volume(target, volume, grouped=True)}.",
            article.WATER_64_OZ,
        )
        seen.setdefault((warning.code, warning.message), warning)
    warnings = tuple(seen[key] for key in sorted(seen))

    tips = list(_day_tips(profile))
    lifts_today = history.lifts_on(day)
    lifts_yesterday = history.lifts_on(day - _ONE_DAY)
    lift: Session | None
    max_distance: float | None = None
    max_speed: float | None = None
    gap_min: int | None = None
    if lifts_today:
        lift, context, suggestion = lifts_today[-1], Context.IMMEDIATELY_AFTER, _intervals(profile)
        gap_min = 0
        max_distance = _cap(profile.max_distance_km, DISTANCE_CAP)
        max_speed = _cap(profile.max_speed_kmh, SPEED_CAP)
        tips.extend(_after_lift_tips(profile))
    else:
        if lifts_yesterday:
            lift, context, suggestion = lifts_yesterday[-1], Context.NEXT_DAY, _hills(profile)
        else:
            lift, context, suggestion = None, Context.NONE, _long(profile)
        tips.extend(_fixed_context_tips(context, profile, False))
        tips.extend(_always_tips(context))
    return Advice(
        context=context,
        max_distance_km=max_distance,
        max_speed_kmh=max_speed,
        warnings=warnings,
        tips=tuple(tips),
        suggestion=suggestion,
        deadlift=lift,
        gap_min=gap_min,
        water_oz=water_oz,
        water_target_oz=target,
    )


# --- public API --------------------------------------------------------------------------


def advise_run(run: Session, sessions: Iterable[Session] | History, profile: Profile) -> Advice:
    """Advice for one run (saved, edited or an unsaved draft) given all sessions."""
    _check_profile(profile)
    _check_subject(run, Kind.RUN)
    return _advise_run(run, History.of(sessions), profile)


def advise_lift(lift: Session, sessions: Iterable[Session] | History, profile: Profile) -> Advice:
    """Advice for one deadlift; its suggestion is the run to do right after it."""
    _check_profile(profile)
    _check_subject(lift, Kind.DEADLIFT)
    return _advise_lift(lift, History.of(sessions), profile)


def advise_day(
    day: date,
    sessions: Iterable[Session] | History,
    profile: Profile,
    water_oz: float | None = None,
) -> Advice:
    """Advice for a calendar day: every session's warnings, water, and the run that fits."""
    _check_profile(profile)
    checked_day = _check_day(day)
    checked_water = _check_water(water_oz)
    return _advise_day(checked_day, History.of(sessions), profile, checked_water)


def advise_session(
    session: Session, sessions: Iterable[Session] | History, profile: Profile
) -> Advice:
    """`advise_run` or `advise_lift`, whichever fits the session's kind."""
    _check_profile(profile)
    _check_subject(session, None)
    return _advise_session(session, History.of(sessions), profile)
