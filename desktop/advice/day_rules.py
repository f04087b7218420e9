"""The rules for a deadlift and for a whole day, and the one rule for a calendar badge."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Final, TypeGuard

from desktop.advice import article, research, suggestions, texts
from desktop.advice.caps import caps_for, is_sore, run_limits
from desktop.advice.clock import elapsed_minutes
from desktop.advice.codes import Code
from desktop.advice.context import context_after, context_zones
from desktop.advice.history import History, skipper
from desktop.advice.model import Advice, AdviceWarning, Context, Kind, Profile, Session, Tip
from desktop.advice.run_rules import (
    NO_LONGEST_RUN_TIP,
    advise_run,
    always_tips,
    free_for_longest,
    overlap_warnings,
    overlapping,
    run_warnings,
    slot_suggestion,
    slot_tips,
)
from desktop.advice.units import water_short_of

_ONE_DAY: Final = timedelta(days=1)
_LATE_CONTEXTS: Final = frozenset({Context.IMMEDIATELY_AFTER, Context.SAME_DAY_LATER})

SPOTTER_TIP: Final = Tip(Code.TIP_SPOTTER, texts.SPOTTER, article.SPOTTER)
TWO_DEADLIFTS_TIP: Final = Tip(
    Code.TIP_TWO_DEADLIFTS, texts.TWO_DEADLIFTS, article.SECOND_SESSION_FATIGUE
)
BCAA_TIP: Final = Tip(Code.TIP_BCAA, texts.BCAA, article.BCAA, research.BCAA)


def lift_warnings(lift: Session, history: History) -> list[AdviceWarning]:
    """The warnings of `advise_lift` alone: no spotter, and sessions at the same time."""
    warnings: list[AdviceWarning] = []
    if lift.spotter is False:
        warnings.append(AdviceWarning(Code.NO_SPOTTER, texts.NO_SPOTTER, article.SPOTTER))
    warnings.extend(overlap_warnings(lift, overlapping(lift, history, skipper(lift))))
    return warnings


def advise_lift(lift: Session, history: History, profile: Profile) -> Advice:
    """Advice for one deadlift; its suggestion is the run to do right after it."""
    skip = skipper(lift)
    caps = caps_for(profile)
    warnings = lift_warnings(lift, history)
    tips: list[Tip] = []
    if lift.spotter is None:
        tips.append(SPOTTER_TIP)
    same_day = [s for s in history.on_day(lift.day) if not skip(s)]
    earlier_runs = [s for s in same_day if s.kind is Kind.RUN and s.end <= lift.start]
    if earlier_runs:
        tips.append(
            Tip(
                Code.TIP_LIFT_AFTER_RUN,
                texts.ran_earlier(earlier_runs[-1].start),
                article.SECOND_SESSION_FATIGUE,
                research.INTERFERENCE,
            )
        )
    if any(s.kind is Kind.DEADLIFT for s in same_day):
        tips.append(TWO_DEADLIFTS_TIP)
    suggestion = suggestions.intervals(caps)
    tips.extend(slot_tips(Context.IMMEDIATELY_AFTER, caps, suggestion, 0, None))
    tips.append(NO_LONGEST_RUN_TIP)
    tips.extend(always_tips(Context.IMMEDIATELY_AFTER))
    return Advice(
        context=Context.IMMEDIATELY_AFTER,
        max_distance_km=caps.distance_km,
        max_speed_kmh=caps.speed_kmh,
        warnings=tuple(warnings),
        tips=tuple(tips),
        suggestion=suggestion,
        deadlift=lift,
        gap_min=0,
    )


def advise_session(
    session: Session, history: History, profile: Profile, soreness: int | None
) -> Advice:
    """`advise_run` or `advise_lift`, whichever fits the session's kind."""
    if session.kind is Kind.RUN:
        return advise_run(session, history, profile, soreness)
    return advise_lift(session, history, profile)


def session_warnings(
    session: Session, history: History, profile: Profile, soreness: int | None
) -> tuple[AdviceWarning, ...]:
    """`advise_session(...).warnings` without working out its suggestion and tips."""
    if session.kind is Kind.RUN:
        return tuple(run_warnings(session, history, profile, soreness))
    return tuple(lift_warnings(session, history))


def day_tips(profile: Profile) -> tuple[Tip, ...]:
    """Water and BCAA tips, on every day."""
    water = Tip(Code.TIP_WATER, texts.water_tip(profile), article.WATER_64_OZ, research.WATER)
    return (water, BCAA_TIP)


def _slot_moment(day: date, history: History, profile: Profile) -> tuple[Session | None, datetime]:
    """The last lift before the day, and the first moment of the day past its late zones."""
    start = datetime.combine(day, time())
    lift = history.last_lift_ended_by(start + _ONE_DAY)
    if lift is None:
        return None, start
    moment = start
    for zone in context_zones(lift, profile):
        if zone.context in _LATE_CONTEXTS and zone.end > moment:
            moment = zone.end
    if context_after(lift, moment, profile) in _LATE_CONTEXTS:
        moment += timedelta(minutes=1)  # a zone's end at "at most 6 h" still counts as late
    return lift, moment


def advise_day(
    day: date,
    history: History,
    profile: Profile,
    water_oz: float | None,
    soreness: int | None,
) -> Advice:
    """Every session's warnings, water, and the run slot that fits the day."""
    caps = caps_for(profile)
    seen: dict[tuple[str, str], AdviceWarning] = {}
    for session in history.on_day(day):
        for warning in advise_session(session, history, profile, soreness).warnings:
            seen.setdefault((warning.code, warning.message), warning)
    target = profile.water_target_oz
    if water_below_target(water_oz, profile):
        warning = AdviceWarning(
            Code.WATER_BELOW_TARGET,
            texts.water_below(water_oz, target, profile),
            article.WATER_64_OZ,
            research.WATER,
        )
        seen.setdefault((warning.code, warning.message), warning)
    warnings = tuple(seen[key] for key in sorted(seen))

    tips = list(day_tips(profile))
    sore = is_sore(soreness)
    lifts_today = history.lifts_on(day)
    if lifts_today:
        lift: Session | None = lifts_today[-1]
        context, gap_min = Context.IMMEDIATELY_AFTER, 0
        suggestion = slot_suggestion(context, caps, sore=sore, lift_later=False, free=False)
        tips.extend(slot_tips(context, caps, suggestion, 0, soreness))
        tips.append(NO_LONGEST_RUN_TIP)
    else:
        lift, moment = _slot_moment(day, history, profile)
        context = Context.NONE if lift is None else context_after(lift, moment, profile)
        gap_min = None
        if lift is not None and context is not Context.NONE:
            gap_min = elapsed_minutes(lift.end, moment)
        free = free_for_longest(history, moment, day, lambda _: False)
        suggestion = slot_suggestion(context, caps, sore=sore, lift_later=False, free=free)
        tips.extend(slot_tips(context, caps, suggestion, gap_min, soreness))
        if context is Context.NONE:
            lift = None
    tips.extend(always_tips(context))
    max_distance, max_speed = run_limits(caps, context, suggestion.workout, soreness)
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


def badge_warnings(advice: Advice, day: date, today: date) -> tuple[AdviceWarning, ...]:
    """The warnings that badge a day on the calendar: all of them, but water only once the
    day is over (a half-drunk today is no warning yet)."""
    return tuple(w for w in advice.warnings if w.code != Code.WATER_BELOW_TARGET or day < today)


def day_has_badge(advice: Advice, day: date, today: date) -> bool:
    """True when the calendar shows a badge on `day` (see `texts.BADGE_LEGEND`)."""
    return bool(badge_warnings(advice, day, today))


def badge_from(
    sessions_warn: bool, day: date, today: date, water_oz: float | None, profile: Profile
) -> bool:
    """`day_has_badge(advise_day(...), day, today)` when the day's sessions are advised already.

    `sessions_warn` says whether any of the day's sessions warns (each advised on the same
    History with the day's soreness, as `advise_day` does); the rest of a day's warnings is
    water below target, which badges only once the day is over. A calendar advising every
    session for its chips gets the badge without advising the day again.
    """
    return sessions_warn or (day < today and water_below_target(water_oz, profile))


def water_below_target(water_oz: float | None, profile: Profile) -> TypeGuard[float]:
    """True when the water logged, as shown in the profile's unit, is below the target as shown."""
    return (
        water_oz is not None
        and water_short_of(water_oz, profile.water_target_oz, profile.volume_unit) > 0
    )
