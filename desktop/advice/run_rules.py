"""The rules for one run: small functions, each returning a warning, a tip or nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Final

from desktop.advice import article, research, suggestions, texts
from desktop.advice.caps import (
    CAPPED,
    Caps,
    caps_for,
    is_sore,
    long_run_limit_applies,
    run_limits,
)
from desktop.advice.clock import elapsed
from desktop.advice.codes import Code
from desktop.advice.context import LONGEST_RUN_GAP, run_context
from desktop.advice.history import History, skipper
from desktop.advice.model import (
    Advice,
    AdviceWarning,
    Context,
    Kind,
    Profile,
    Session,
    Suggestion,
    Tip,
    Workout,
)

_ONE_DAY: Final = timedelta(days=1)

FOOT_STRIKE_TIP: Final = Tip(Code.TIP_FOOT_STRIKE, texts.FOOT_STRIKE, article.HEEL_STRIKE)
STOP_IF_PAIN_TIP: Final = Tip(Code.TIP_STOP_IF_PAIN, texts.STOP_IF_PAIN, article.STOP_IF_PAIN)
NO_LONGEST_RUN_TIP: Final = Tip(
    Code.TIP_NO_LONGEST_RUN, texts.NO_LONGEST_RUN, article.NO_LONGEST_RUN_ON_LIFT_DAY
)
INTERVALS_TIP: Final = Tip(
    Code.TIP_INTERVALS, texts.INTERVALS, article.SPRINT_50_WALK_BACK, research.SPRINTS_AFTER_LIFTING
)
DOMS_TIP: Final = Tip(
    Code.TIP_SORENESS, texts.DOMS, article.SORENESS_LIMITS_SPEED, research.SORENESS
)
HILLS_TIP: Final = Tip(Code.TIP_HILLS, texts.HILLS, article.HILLS)


def warm_up_tip(context: Context) -> Tip:
    """How to warm up in this context."""
    source = (
        article.LESS_WARM_UP_LATER
        if context is Context.SAME_DAY_LATER
        else (article.WARM_UP_THOROUGHLY)
    )
    return Tip(Code.TIP_WARM_UP, texts.warm_up(context), source)


def always_tips(context: Context) -> tuple[Tip, ...]:
    """Foot strike, warm-up and stop-if-pain: on every run slot."""
    return (FOOT_STRIKE_TIP, warm_up_tip(context), STOP_IF_PAIN_TIP)


def caps_tip(caps: Caps) -> Tip:
    """The caps after a deadlift, with the shown numbers."""
    return Tip(Code.TIP_CAPS, texts.caps_tip(caps), article.CAPS_80_90)


def sore_tip(soreness: int, suggestion: Suggestion) -> Tip:
    """What very sore legs call for, in the same words as the suggestion (hills or easy)."""
    text = texts.sore_legs(soreness, hills=suggestion.workout is Workout.HILLS)
    return Tip(Code.TIP_SORE_LEGS, text, article.NEXT_DAY_DOMS, research.SORENESS)


def free_day_tip(profile: Profile) -> Tip:
    """The longest run fits: no deadlift today and 48 h since the last one."""
    return Tip(
        Code.TIP_FREE_DAY,
        texts.free_day(profile),
        article.NO_LONGEST_RUN_ON_LIFT_DAY,
        research.LONGEST_RUN_WAIT,
    )


def free_for_longest(history: History, moment: datetime, day: date, skip: Skip) -> bool:
    """No deadlift on `day` and the last one ended at least 48 h before `moment`."""
    if any(not skip(lift) for lift in history.lifts_on(day)):
        return False
    last = history.last_lift_ended_by(moment, skip)
    return last is None or elapsed(last.end, moment) >= LONGEST_RUN_GAP


Skip = Callable[[Session], bool]


def sore_hills(context: Context, *, lift_later: bool) -> bool:
    """On very sore legs the day after a lift the article's hills stay, shorter and steadier."""
    return context is Context.NEXT_DAY and not lift_later


def slot_suggestion(
    context: Context, caps: Caps, *, sore: bool, lift_later: bool, free: bool
) -> Suggestion:
    """The run that fits a slot; never hard before a lift later the day, easy when very sore."""
    if sore and sore_hills(context, lift_later=lift_later):
        return suggestions.hills(caps, sore=True)
    if sore:
        return suggestions.easy(caps, texts.REASON_SORE, short=True)
    if lift_later:
        limit = caps.long_continuous_km if long_run_limit_applies(context, Workout.EASY) else None
        return suggestions.easy(caps, texts.REASON_LIFT_LATER, limit_km=limit)
    if context is Context.IMMEDIATELY_AFTER:
        return suggestions.intervals(caps)
    if context is Context.SAME_DAY_LATER:
        return suggestions.easy(caps, texts.REASON_ENDURANCE)
    if context is Context.NEXT_DAY:
        return suggestions.hills(caps)
    if free:
        return suggestions.long(caps)
    return suggestions.easy(caps, texts.REASON_RECENT_LIFT)


def slot_tips(
    context: Context,
    caps: Caps,
    suggestion: Suggestion,
    gap_min: int | None,
    soreness: int | None,
) -> list[Tip]:
    """The context's tips, agreeing with the suggestion (no sprints beside an easy run)."""
    tips: list[Tip] = []
    if context is Context.IMMEDIATELY_AFTER:
        if suggestion.workout is Workout.INTERVALS:
            tips.append(INTERVALS_TIP)
        tips.append(caps_tip(caps))
    elif context is Context.SAME_DAY_LATER:
        endurance = Tip(
            Code.TIP_ENDURANCE,
            texts.endurance(gap_min),
            article.ENDURANCE_COMPROMISED,
            research.INTERFERENCE,
        )
        tips.extend((endurance, caps_tip(caps)))
    elif context is Context.NEXT_DAY:
        tips.append(DOMS_TIP)
        if suggestion.workout is Workout.HILLS:
            tips.append(HILLS_TIP)
    elif suggestion.workout is Workout.LONG:
        tips.append(free_day_tip(caps.profile))
    if is_sore(soreness):
        assert soreness is not None
        tips.append(sore_tip(soreness, suggestion))
    return tips


# --- warnings ----------------------------------------------------------------------------


def distance_warning(run: Session, caps: Caps, capped: bool) -> AdviceWarning | None:
    """More than 80% of the max distance after a deadlift."""
    if not capped or not caps.distance_over(run.distance_km, caps.distance_km):
        return None
    assert run.distance_km is not None
    return AdviceWarning(
        Code.DISTANCE_OVER_LIMIT,
        texts.distance_over(run.distance_km, caps),
        article.CAPS_80_90,
    )


def speed_warning(run: Session, caps: Caps, capped: bool) -> AdviceWarning | None:
    """Faster than 90% of the max speed after a deadlift."""
    if not capped or not caps.speed_over(run.speed_kmh, caps.speed_kmh):
        return None
    assert run.speed_kmh is not None
    return AdviceWarning(
        Code.SPEED_OVER_LIMIT,
        texts.speed_over(run.speed_kmh, caps),
        article.CAPS_80_90,
    )


def long_after_warning(run: Session, caps: Caps, context: Context) -> AdviceWarning | None:
    """Right after a lift, a continuous run longer (as shown) than half the max distance.

    About distance, not the label: a 2 km run labelled LONG is no long run, and a 6 km
    easy run after a 10 km profile's lift is one.
    """
    if not long_run_limit_applies(context, run.workout):
        return None
    if not caps.distance_over(run.distance_km, caps.long_continuous_km):
        return None
    assert run.distance_km is not None
    return AdviceWarning(
        Code.LONG_RUN_AFTER_DEADLIFT,
        texts.long_run_after(run.distance_km, caps),
        article.LONG_RUN_STRESSES_BACK,
    )


def longest_warning(
    run: Session, caps: Caps, lift: Session | None, lifts_today: list[Session]
) -> AdviceWarning | None:
    """The longest run on a deadlift's day (or within the 6 h that still count as that day)."""
    is_longest = run.workout is Workout.LONG or caps.distance_at_least(
        run.distance_km, caps.profile.max_distance_km
    )
    same_day = lifts_today[0] if lifts_today else lift
    if not is_longest or same_day is None:
        return None
    return AdviceWarning(
        Code.LONGEST_RUN_ON_DEADLIFT_DAY,
        texts.longest_on_lift_day(same_day.start, run.start),
        article.NO_LONGEST_RUN_ON_LIFT_DAY,
        research.LONGEST_RUN_WAIT,
    )


def soreness_warning(
    run: Session, caps: Caps, soreness: int | None, *, hills: bool
) -> AdviceWarning | None:
    """At 7/10 or more: an intervals or long run, or one over the sore-legs limits (the
    shorter easy distance, the speed cap) as shown.

    `hills`: the suggestion beside it is the shorter hills (see `sore_hills`), so the
    warning proposes those rather than an easy run.
    """
    if not is_sore(soreness):
        return None
    assert soreness is not None
    hard = run.workout in (Workout.INTERVALS, Workout.LONG)
    too_long = caps.distance_over(run.distance_km, caps.sore_distance_km)
    if not (hard or too_long or caps.speed_over(run.speed_kmh, caps.speed_kmh)):
        return None
    return AdviceWarning(
        Code.SORENESS_HIGH,
        texts.soreness_high(soreness, caps, hills=hills),
        article.NEXT_DAY_DOMS,
        research.SORENESS,
    )


def pain_warning(run: Session) -> AdviceWarning | None:
    """The user reported pain on this run."""
    if not run.pain:
        return None
    return AdviceWarning(Code.PAIN_REPORTED, texts.PAIN, article.STOP_IF_PAIN)


def _clock(session: Session, subject: Session) -> str:
    span = f"{session.start:%H:%M}-{session.end:%H:%M}"
    return span if session.day == subject.day else f"{session.day.isoformat()} {span}"


def overlapping(subject: Session, history: History, skip: Skip) -> list[Session]:
    """Sessions whose time range intersects the subject's (a session lasts at most a day)."""
    found: list[Session] = []
    for day in (subject.day - _ONE_DAY, subject.day, subject.day + _ONE_DAY):
        for other in history.on_day(day):
            if other.start >= subject.end:
                break
            if other.end > subject.start and not skip(other):
                found.append(other)
    return found


def overlap_warnings(subject: Session, others: list[Session]) -> list[AdviceWarning]:
    """One warning per session sharing the subject's clock time."""
    return [
        AdviceWarning(
            Code.OVERLAPS_DEADLIFT if other.kind is Kind.DEADLIFT else Code.OVERLAPS_RUN,
            texts.overlap(
                subject.kind is Kind.RUN, other.kind is Kind.DEADLIFT, _clock(other, subject)
            ),
            article.SECOND_SESSION_FATIGUE,
            research.INTERFERENCE,
        )
        for other in others
    ]


# --- the run -----------------------------------------------------------------------------


def run_warnings(
    run: Session, history: History, profile: Profile, soreness: int | None
) -> list[AdviceWarning]:
    """The warnings of `advise_run` alone, without its suggestion and tips (a chip's mark)."""
    warnings, _scene = _run_warnings(run, history, profile, soreness)
    return warnings


def _run_warnings(
    run: Session, history: History, profile: Profile, soreness: int | None
) -> tuple[list[AdviceWarning], _RunScene]:
    skip = skipper(run)
    caps = caps_for(profile)
    context, lift, gap_min = run_context(run, history, profile, skip)
    capped = context in CAPPED
    lifts_today = [lf for lf in history.lifts_on(run.day) if not skip(lf)]
    others = overlapping(run, history, skip)
    later_lifts = [lf for lf in lifts_today if lf.start >= run.end]
    found = (
        distance_warning(run, caps, capped),
        speed_warning(run, caps, capped),
        long_after_warning(run, caps, context),
        longest_warning(run, caps, lift if capped else None, lifts_today),
        soreness_warning(
            run, caps, soreness, hills=sore_hills(context, lift_later=bool(later_lifts))
        ),
        pain_warning(run),
    )
    warnings = [w for w in found if w is not None] + overlap_warnings(run, others)
    return warnings, _RunScene(skip, caps, context, lift, gap_min, capped, others, later_lifts)


@dataclass(frozen=True)
class _RunScene:
    """What `advise_run` found around the run, for its suggestion and tips."""

    skip: Skip
    caps: Caps
    context: Context
    lift: Session | None
    gap_min: int | None
    capped: bool
    others: list[Session]
    later_lifts: list[Session]


def advise_run(run: Session, history: History, profile: Profile, soreness: int | None) -> Advice:
    """Advice for one run given every session and the day's soreness rating."""
    warnings, scene = _run_warnings(run, history, profile, soreness)
    caps, context, later_lifts = scene.caps, scene.context, scene.later_lifts
    overlaps_lift = any(other.kind is Kind.DEADLIFT for other in scene.others)

    suggestion: Suggestion | None = None
    tips: list[Tip] = []
    if not overlaps_lift:
        free = free_for_longest(history, run.start, run.day, scene.skip)
        suggestion = slot_suggestion(
            context, caps, sore=is_sore(soreness), lift_later=bool(later_lifts), free=free
        )
        tips = slot_tips(context, caps, suggestion, scene.gap_min, soreness)
        if later_lifts:
            tips.append(
                Tip(
                    Code.TIP_LIFT_AFTER_RUN,
                    texts.lift_later(later_lifts[0].start),
                    article.SECOND_SESSION_FATIGUE,
                    research.INTERFERENCE,
                )
            )
    tips.extend(always_tips(Context.NONE if overlaps_lift else context))
    max_distance, max_speed = run_limits(caps, context, run.workout, soreness)
    return Advice(
        context=context,
        max_distance_km=max_distance,
        max_speed_kmh=max_speed,
        warnings=tuple(warnings),
        tips=tuple(tips),
        suggestion=suggestion,
        deadlift=scene.lift,
        gap_min=scene.gap_min,
    )
