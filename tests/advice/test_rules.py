"""Rules 3-9 and the cases the article is silent on, one table per rule."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from desktop.advice import (
    Context,
    History,
    InvalidInputError,
    Kind,
    Profile,
    Session,
    VolumeUnit,
    Workout,
    advise_day,
    advise_lift,
    advise_run,
    advise_session,
    article,
)
from tests.builders import MONDAY, PROFILE, at, codes, lift, run

LIFT = lift(at(0, 7))  # Monday 07:00-08:00

# --- rule 3: intervals right after; long run warns -----------------------------------------


@pytest.mark.parametrize(
    ("workout", "start", "warned"),
    [
        # About distance, not the label (issue 23): 3 km is no long run, whatever it is called.
        (Workout.LONG, at(0, 8, 30), False),
        (Workout.LONG, at(0, 9, 0), False),
        (Workout.EASY, at(0, 9, 1), False),
        (Workout.INTERVALS, at(0, 8, 30), False),
        (Workout.EASY, at(0, 8, 30), False),
        (None, at(0, 8, 30), False),
    ],
)
def test_long_run_right_after_deadlift(
    workout: Workout | None, start: datetime, warned: bool
) -> None:
    subject = run(start, workout=workout, distance_km=3.0)
    warning_codes = codes(advise_run(subject, [LIFT], PROFILE).warnings)
    assert ("long-run-after-deadlift" in warning_codes) is warned


def test_right_after_suggests_sprint_intervals_within_caps() -> None:
    advice = advise_run(run(at(0, 8, 15)), [LIFT], PROFILE)
    suggestion = advice.suggestion
    assert suggestion is not None
    assert suggestion.workout is Workout.INTERVALS
    assert suggestion.text.startswith("8 x 50 m sprints, walk back between them")
    assert suggestion.distance_km == pytest.approx(0.4)
    assert suggestion.speed_kmh == pytest.approx(13.5)
    assert "intervals" in codes(advice.tips)


# --- rule 4: longest run on a deadlift day -------------------------------------------------


@pytest.mark.parametrize(
    ("sessions", "subject", "warned"),
    [
        ([LIFT], run(at(0, 18), workout=Workout.LONG, distance_km=5.0), True),
        ([LIFT], run(at(0, 18), workout=Workout.EASY, distance_km=10.0), True),  # = max
        ([LIFT], run(at(0, 18), workout=Workout.EASY, distance_km=9.96), True),  # shows 10.0
        ([LIFT], run(at(0, 18), workout=Workout.EASY, distance_km=9.94), False),  # shows 9.9
        ([LIFT], run(at(0, 5), workout=Workout.LONG, distance_km=None), True),  # before lift
        ([LIFT], run(at(1, 8), workout=Workout.LONG, distance_km=10.0), False),  # next day
        ([LIFT], run(at(-1, 8), workout=Workout.LONG, distance_km=12.0), False),  # day before
        ([], run(at(0, 18), workout=Workout.LONG, distance_km=20.0), False),
        # Late lift yesterday, long run just after midnight: by the clock still its day.
        ([lift(at(-1, 23))], run(at(0, 0, 30), workout=Workout.LONG), True),
        # Seven hours after that lift: a new day by the clock too.
        ([lift(at(-1, 23))], run(at(0, 7), workout=Workout.LONG), False),
    ],
)
def test_longest_run_on_deadlift_day(
    sessions: list[Session], subject: Session, warned: bool
) -> None:
    warning_codes = codes(advise_run(subject, sessions, PROFILE).warnings)
    assert ("longest-run-on-deadlift-day" in warning_codes) is warned


# --- rule 5: next day and later the same day ------------------------------------------------


def test_next_day_hills_soreness_thorough_warm_up() -> None:
    advice = advise_run(run(at(1, 8)), [LIFT], PROFILE)
    assert advice.context is Context.NEXT_DAY
    assert advice.suggestion is not None
    assert advice.suggestion.workout is Workout.HILLS
    assert advice.suggestion.distance_km == pytest.approx(5.0)
    tips = {tip.code: tip for tip in advice.tips}
    assert {"soreness", "hills", "warm-up"} <= set(tips)
    warm_up = tips["warm-up"].text.lower()
    assert "thorough" in warm_up
    assert "treadmill" in warm_up
    assert "lunges" in warm_up
    assert tips["soreness"].source == article.SORENESS_LIMITS_SPEED


def test_same_day_later_needs_less_warm_up_and_an_easy_run() -> None:
    advice = advise_run(run(at(0, 15)), [LIFT], PROFILE)
    assert advice.context is Context.SAME_DAY_LATER
    tips = {tip.code: tip for tip in advice.tips}
    assert tips["warm-up"].source == article.LESS_WARM_UP_LATER
    assert "less" in tips["warm-up"].text
    assert tips["endurance"].source == article.ENDURANCE_COMPROMISED
    suggestion = advice.suggestion
    assert suggestion is not None
    assert suggestion.workout is Workout.EASY
    assert suggestion.distance_km == pytest.approx(8.0)
    assert suggestion.speed_kmh is not None
    assert suggestion.speed_kmh <= 13.5


# --- rule 6: always ------------------------------------------------------------------------


@pytest.mark.parametrize("start", [at(0, 8, 30), at(0, 15), at(1, 8), at(3, 8), at(0, 5)])
def test_always_foot_strike_warm_up_stop_if_it_hurts(start: datetime) -> None:
    advice = advise_run(run(start), [LIFT], PROFILE)
    tips = {tip.code: tip for tip in advice.tips}
    assert {"foot-strike", "warm-up", "stop-if-pain"} <= set(tips)
    foot = tips["foot-strike"].text.lower()
    assert "ball of your foot" in foot
    assert "heel" in foot
    assert "reduces the activation of your calf" in foot
    assert "lower back" in foot
    assert tips["stop-if-pain"].source == article.STOP_IF_PAIN


@pytest.mark.parametrize(("pain", "warned"), [(True, True), (False, False)])
def test_pain_reported(pain: bool, warned: bool) -> None:
    advice = advise_run(run(at(3, 8), pain=pain), [], PROFILE)
    assert ("pain-reported" in codes(advice.warnings)) is warned


# --- rule 7: spotter -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spotter", "warning", "tip"),
    [(False, True, False), (None, False, True), (True, False, False)],
)
def test_spotter(spotter: bool | None, warning: bool, tip: bool) -> None:
    advice = advise_lift(lift(at(0, 7), spotter=spotter), [], PROFILE)
    assert ("no-spotter" in codes(advice.warnings)) is warning
    assert ("spotter-reminder" in codes(advice.tips)) is tip
    if warning:
        assert "never lift without a spotter" in advice.warnings[0].message.lower()


def test_lift_advice_is_the_run_right_after_it() -> None:
    advice = advise_lift(LIFT, [LIFT], PROFILE)
    assert advice.context is Context.IMMEDIATELY_AFTER
    assert advice.deadlift == LIFT
    assert advice.gap_min == 0
    assert (advice.max_distance_km, advice.max_speed_kmh) == (8.0, 13.5)
    assert advice.suggestion is not None
    assert advice.suggestion.workout is Workout.INTERVALS


# --- rule 8: the day -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("water", "warned"),
    [(None, False), (0.0, True), (63.9, True), (64.0, False), (100.0, False)],
)
def test_water_below_target(water: float | None, warned: bool) -> None:
    advice = advise_day(MONDAY, [], PROFILE, water_oz=water)
    assert ("water-below-target" in codes(advice.warnings)) is warned
    assert advice.water_oz == water
    assert advice.water_target_oz == 64.0


def test_water_target_comes_from_the_profile() -> None:
    profile = Profile(
        max_distance_km=10, max_speed_kmh=15, water_target_oz=80, volume_unit=VolumeUnit.OZ
    )
    advice = advise_day(MONDAY, [], profile, water_oz=70)
    assert codes(advice.warnings) == ["water-below-target"]
    assert "80 oz" in advice.warnings[0].message
    tips = {tip.code: tip for tip in advice.tips}
    assert "64 oz" in tips["water"].text
    assert "80 oz" in tips["water"].text


def test_day_tips_name_water_default_and_bcaas() -> None:
    advice = advise_day(MONDAY, [LIFT], PROFILE)
    texts = " ".join(tip.text for tip in advice.tips)
    assert "64 oz" in texts
    assert "Branched-chain amino acids" in texts
    assert "soreness" in texts
    assert all(article.CONSULT_PROVIDER not in tip.text for tip in advice.tips)


def test_health_notice_is_a_constant_not_a_panel_line() -> None:
    from desktop.advice import HEALTH_NOTICE

    assert article.CONSULT_PROVIDER in HEALTH_NOTICE
    assert article.STOP_IF_PAIN in HEALTH_NOTICE
    for advice in (
        advise_run(run(at(0, 8, 30)), [LIFT], PROFILE),
        advise_day(MONDAY, [LIFT], PROFILE),
    ):
        assert all(tip.source != article.CONSULT_PROVIDER for tip in advice.tips)


@pytest.mark.parametrize(
    ("day", "workout", "context"),
    [
        (MONDAY, Workout.INTERVALS, Context.IMMEDIATELY_AFTER),
        (date(2026, 3, 3), Workout.HILLS, Context.NEXT_DAY),
        (date(2026, 3, 4), Workout.EASY, Context.NONE),  # 40 h after the lift: not yet 48 h
        (date(2026, 3, 5), Workout.LONG, Context.NONE),
        (date(2026, 3, 1), Workout.LONG, Context.NONE),  # the day before a lift is free
    ],
)
def test_day_suggestion_fits_the_day(day: date, workout: Workout, context: Context) -> None:
    advice = advise_day(day, [LIFT], PROFILE)
    assert advice.context is context
    assert advice.suggestion is not None
    assert advice.suggestion.workout is workout


def test_day_warnings_collect_every_session_sorted_and_deduplicated() -> None:
    no_spotter = lift(at(0, 7), spotter=False, id=1)
    heavy = run(at(0, 8, 30), workout=Workout.LONG, distance_km=12, speed_kmh=14, id=2)
    hurt = run(at(0, 18), pain=True, id=3)
    tomorrow = run(at(1, 8), pain=True, id=4)
    sessions = [tomorrow, hurt, heavy, no_spotter]
    advice = advise_day(MONDAY, sessions, PROFILE, water_oz=10)
    found = codes(advice.warnings)
    assert found == sorted(found)
    assert set(found) == {
        "distance-over-limit",
        "speed-over-limit",
        "long-run-after-deadlift",
        "longest-run-on-deadlift-day",
        "pain-reported",
        "no-spotter",
        "water-below-target",
    }
    # Two identical sessions give identical warnings: counted once.
    assert found.count("pain-reported") == 1
    assert advice.has_warnings
    keys = [(w.code, w.message) for w in advice.warnings]
    assert len(keys) == len(set(keys))


def test_quiet_day_has_no_warnings() -> None:
    advice = advise_day(date(2026, 3, 4), [LIFT, run(at(2, 8))], PROFILE, water_oz=64)
    assert not advice.has_warnings


# --- rule 9: bad input ---------------------------------------------------------------------


def _bad_calls() -> list[tuple[str, Any]]:
    good_run = run(at(0, 9))
    # Untyped aliases: these calls pass wrong types on purpose.
    untyped_advise_lift: Any = advise_lift
    untyped_advise_run: Any = advise_run
    untyped_advise_day: Any = advise_day
    untyped_advise_session: Any = advise_session
    untyped_History: Any = History  # noqa: N806
    untyped_Session: Any = Session  # noqa: N806
    untyped_Profile: Any = Profile  # noqa: N806
    untyped_run: Any = run
    untyped_lift: Any = lift
    return [
        ("run as lift", lambda: untyped_advise_lift(good_run, [], PROFILE)),
        ("lift as run", lambda: untyped_advise_run(LIFT, [], PROFILE)),
        ("no session", lambda: untyped_advise_run(None, [], PROFILE)),
        ("profile missing", lambda: untyped_advise_run(good_run, [], None)),
        ("profile is a dict", lambda: untyped_advise_run(good_run, [], {"max_distance_km": 10})),
        ("sessions not iterable", lambda: untyped_advise_run(good_run, 5, PROFILE)),
        ("sessions a string", lambda: untyped_advise_run(good_run, "sessions", PROFILE)),
        ("sessions hold junk", lambda: untyped_advise_run(good_run, [LIFT, "x"], PROFILE)),
        ("history of junk", lambda: untyped_History([1, 2])),
        ("day not a date", lambda: untyped_advise_day("2026-03-02", [], PROFILE)),
        ("negative water", lambda: untyped_advise_day(MONDAY, [], PROFILE, water_oz=-1)),
        ("nan water", lambda: untyped_advise_day(MONDAY, [], PROFILE, water_oz=float("nan"))),
        ("inf water", lambda: untyped_advise_day(MONDAY, [], PROFILE, water_oz=float("inf"))),
        ("text water", lambda: untyped_advise_day(MONDAY, [], PROFILE, water_oz="lots")),
        ("bool water", lambda: untyped_advise_day(MONDAY, [], PROFILE, water_oz=True)),
        ("day out of range", lambda: untyped_advise_day(date.min, [], PROFILE)),
        ("datetime day out of range", lambda: untyped_advise_day(datetime.min, [], PROFILE)),
        ("last datetime day", lambda: untyped_advise_day(datetime.max, [], PROFILE)),
        ("advise_session junk", lambda: untyped_advise_session("run", [], PROFILE)),
        ("infinite distance", lambda: untyped_run(at(0, 9), distance_km=float("inf"))),
        ("text speed", lambda: untyped_run(at(0, 9), speed_kmh="fast")),
        ("unknown kind", lambda: untyped_Session(kind="swim", start=at(0, 9), duration_min=10)),
        ("unknown workout", lambda: untyped_run(at(0, 9), workout="tempo")),
        (
            "infinite profile",
            lambda: untyped_Profile(max_distance_km=float("inf"), max_speed_kmh=15),
        ),
        ("text profile", lambda: untyped_Profile(max_distance_km="10", max_speed_kmh=15)),
        (
            "unknown unit",
            lambda: untyped_Profile(max_distance_km=10, max_speed_kmh=15, distance_unit="ft"),
        ),
        ("year 1", lambda: untyped_run(datetime(1, 1, 1, 8))),
        ("year 9999", lambda: untyped_run(datetime(9999, 12, 31, 8))),
        ("fractional sets", lambda: untyped_lift(at(0, 7), sets=2.5)),
    ]


@pytest.mark.parametrize(("name", "call"), _bad_calls(), ids=[n for n, _ in _bad_calls()])
def test_bad_input_raises_invalid_input_error(name: str, call: Any) -> None:
    with pytest.raises(InvalidInputError) as caught:
        call()
    assert isinstance(caught.value, ValueError)
    message = str(caught.value)
    assert message[:1].isupper()
    assert message.endswith(".")


def test_wrong_kind_message_is_readable() -> None:
    with pytest.raises(InvalidInputError, match="Advice for a run was asked about a deadlift"):
        advise_run(LIFT, [], PROFILE)


def test_a_datetime_day_is_taken_as_its_date() -> None:
    assert advise_day(at(0, 12), [LIFT], PROFILE) == advise_day(MONDAY, [LIFT], PROFILE)


def test_advise_session_dispatches_on_kind() -> None:
    subject = run(at(0, 9))
    assert advise_session(subject, [LIFT], PROFILE) == advise_run(subject, [LIFT], PROFILE)
    assert advise_session(LIFT, [LIFT], PROFILE) == advise_lift(LIFT, [LIFT], PROFILE)


# --- silent cases ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("subject", "others", "expected"),
    [
        (run(at(0, 7, 30)), [LIFT], ["overlaps-deadlift"]),
        (run(at(0, 6, 30), minutes=31), [LIFT], ["overlaps-deadlift"]),
        (run(at(0, 6, 30), minutes=30), [LIFT], []),  # ends as the lift starts
        (run(at(0, 8)), [LIFT], []),  # starts as the lift ends
        (run(at(0, 18)), [run(at(0, 18, 20))], ["overlaps-run"]),
        (lift(at(0, 7, 30)), [LIFT], ["overlaps-deadlift"]),
        (lift(at(0, 6)), [run(at(0, 6, 30))], ["overlaps-run"]),
        # A run across midnight overlapping tomorrow's early lift.
        (run(at(0, 23, 30), minutes=60), [lift(at(1, 0, 15))], ["overlaps-deadlift"]),
    ],
)
def test_overlaps(subject: Session, others: list[Session], expected: list[str]) -> None:
    advice = (
        advise_run(subject, others, PROFILE)
        if subject.kind is Kind.RUN
        else advise_lift(subject, others, PROFILE)
    )
    assert [c for c in codes(advice.warnings) if c.startswith("overlaps-")] == expected


def test_run_before_a_lift_same_day_tip_and_no_cap() -> None:
    advice = advise_run(
        run(at(0, 6), minutes=30, distance_km=9.5, speed_kmh=14.5), [lift(at(0, 18))], PROFILE
    )
    assert advice.context is Context.NONE
    assert advice.max_distance_km is None
    assert advice.warnings == ()
    tips = {tip.code: tip for tip in advice.tips}
    assert "lift-after-run" in tips
    assert "18:00" in tips["lift-after-run"].text
    assert "tired" in tips["lift-after-run"].text
    assert "free-day" not in tips
    assert advice.suggestion is not None
    assert advice.suggestion.workout is Workout.EASY


def test_lift_after_a_run_same_day_gets_the_tip() -> None:
    advice = advise_lift(lift(at(0, 18)), [run(at(0, 6))], PROFILE)
    assert "lift-after-run" in codes(advice.tips)


def test_two_deadlifts_a_day_tip_on_each() -> None:
    first, second = lift(at(0, 7), id=1), lift(at(0, 12), id=2)
    for subject in (first, second):
        assert "two-deadlifts" in codes(advise_lift(subject, [first, second], PROFILE).tips)
    assert "two-deadlifts" not in codes(advise_lift(first, [first], PROFILE).tips)


def test_day_with_two_lifts_suggests_after_the_later() -> None:
    first, second = lift(at(0, 7), id=1), lift(at(0, 12), id=2)
    advice = advise_day(MONDAY, [second, first], PROFILE)
    assert advice.deadlift == second


# --- the subject is never its own deadlift ---------------------------------------------------


def test_edited_session_ignores_its_old_version() -> None:
    old = lift(at(0, 7), id=7, spotter=False)
    edited_into_run = run(at(0, 8, 30), id=7)
    advice = advise_run(edited_into_run, [old], PROFILE)
    assert advice.context is Context.NONE
    assert advice.warnings == ()


def test_edited_lift_does_not_overlap_or_pair_with_its_old_version() -> None:
    old = lift(at(0, 7), id=7)
    moved = lift(at(0, 7, 30), id=7)
    advice = advise_lift(moved, [old], PROFILE)
    assert advice.warnings == ()
    assert "two-deadlifts" not in codes(advice.tips)


def test_draft_in_history_does_not_count_itself() -> None:
    draft = lift(at(0, 7))
    advice = advise_lift(draft, [draft], PROFILE)
    assert advice.warnings == ()
    assert "two-deadlifts" not in codes(advice.tips)
    draft_run = run(at(0, 9))
    assert advise_run(draft_run, [draft_run, LIFT], PROFILE) == advise_run(
        draft_run, [LIFT], PROFILE
    )


def test_subject_absent_or_present_gives_the_same_advice() -> None:
    subject = run(at(0, 8, 30), id=3)
    assert advise_run(subject, [LIFT, subject], PROFILE) == advise_run(subject, [LIFT], PROFILE)
