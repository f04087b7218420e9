"""The advice rules' public face: how to run (and lift) around deadlifts, from the article.

Vocabulary. A session "is on" the calendar day it starts on (`Session.day`), in naive
local time. "The subject" is the run, lift or day being advised. `sessions` is every
session the user has, in any order, as a plain iterable or a prepared `History`. A done
session's actual values (`Session.as_done`) stand in for its plan in later advice.

Where each part lives: `context` (the clock rule), `caps` (numbers, computed once per
profile), `run_rules` and `day_rules` (one small function per rule), `suggestions`,
`texts` (every sentence), `research` (notes beside the article), `codes` (one StrEnum).

Rules the article states (each warning and tip quotes its sentence in `.source`):

1. Context of a run: see `context` (latest lift that ended; window; same day or 6 h;
   the calendar day after), in real clock time (`clock`).
2. Caps in IMMEDIATELY_AFTER and SAME_DAY_LATER: 80% of max distance, 90% of max speed
   (`caps.DISTANCE_CAP`, `caps.SPEED_CAP`); over them, as shown, warns
   `distance-over-limit` / `speed-over-limit`. `Advice.max_distance_km`/`max_speed_kmh`
   are the tightest limits that apply to the run's workout (`caps.run_limits`).
3. IMMEDIATELY_AFTER: suggest intervals (8 x 50 m sprints, walk back) at no more than
   the speed cap; a continuous run longer than half the max distance warns
   `long-run-after-deadlift`.
4. The longest run on a deadlift's day warns `longest-run-on-deadlift-day`.
5. NEXT_DAY: soreness tip, hills (power, foot strike), thorough warm-up. SAME_DAY_LATER:
   less extra warm-up is needed.
6. Always: land on the ball of the foot, warm up, stop if it hurts; `pain-reported`.
7. A lift with spotter=False warns `no-spotter`; spotter=None gives a reminder tip.
8. A day: water below the profile's target warns `water-below-target`; tips name the
   64 oz floor and BCAAs. The health notice is `article.HEALTH_NOTICE`, shown once.
9. Bad input raises `InvalidInputError` (a ValueError); valid input never raises.

Decisions that are ours, not the article's, and why:

- SAME_DAY_LATER also covers a gap of up to 6 h across midnight: strength work and a
  run within about 6 h still interfere (research.INTERFERENCE), and a 01:00 run after a
  23:30 lift is not "the day after". "The day after" is the calendar day after the
  lift's start day or its end day, never an hour count. Gaps are real elapsed time in
  the computer's time zone (`clock.elapsed`), so a night the clocks change counts as
  the hours that really pass.
- The window is 10-180 min (`model.WINDOW_MIN_MIN`..`WINDOW_MAX_MIN`): from the bar to a
  run takes minutes; three hours on, a run is a second session.
- Long continuous run right after: any run that is not INTERVALS and longer (as shown)
  than half the max distance (`caps.LONG_CONTINUOUS`), whatever its label, warns: the
  article speaks of long-distance running, not of a label. That threshold is the run's
  shown distance limit there.
- Longest run: also warned within the 6 h after a lift that crossed midnight (that is
  still the lift's day by the clock). It is suggested, with the free-day tip, only on a
  day without deadlifts and at least 48 h after the last one ended
  (`context.LONGEST_RUN_GAP`; research.LONGEST_RUN_WAIT says the 48 h are ours).
- One display precision per quantity and unit (`units`): limits are rounded down to
  it, values are compared as shown, so the shown number itself never warns, one shown
  step above always does, and a warning never quotes two equal numbers.
- A run before a deadlift later the same day: no caps, an easy suggestion (never hills
  or intervals before a heavy lift) and the `lift-after-run` tip; the tips agree with
  the suggestion (no intervals or hills tip beside an easy run).
- A run overlapping a deadlift (time ranges intersect) gets `overlaps-deadlift` and no
  suggestion or context tips that assume it is before or after; a session overlapping a
  run gets `overlaps-run`. Both are warnings so the calendar shows a badge.
- Soreness (0-10, the day log's rating): at `caps.SORENESS_HIGH` (7) or more an
  INTERVALS or LONG run, or one longer than 30% of the max distance or faster than the
  90% speed cap (as shown) in any context, warns `soreness-high`; those are the run's
  shown limits, and the suggestion becomes an easy run of that 30% or rest; on the day
  after a lift the hills stay (the article's advice) but get shorter: 3 steady climbs
  over 30% of the max distance (at most 20 km, as every hill session), and the
  `soreness-high` warning and the sore-legs tip propose those hills, not an easy run.
  Below 7 nothing changes.
- Two deadlifts in a day: the later one sets the context. Each gets `two-deadlifts`.
- The subject is never its own deadlift: a history entry with the subject's id, or equal
  to an id-less subject (the draft), is ignored.
- Lift advice describes the run right after it. Day advice describes the run slot that
  fits the day: right after its last lift, else from the first moment past any late
  zone of an earlier lift (hills the day after, else easy or, 48 h clear, the long run).
- Badges: `day_has_badge` is the calendar's one rule: any warning of the day's advice,
  water only once the day is over (`texts.BADGE_LEGEND` says so).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Final

from desktop.advice import day_rules, run_rules
from desktop.advice.caps import (
    DISTANCE_CAP,
    HILL_CLIMBS,
    HILL_DISTANCE,
    INTERVAL_REPS,
    INTERVAL_SPRINT_M,
    MODEST_SPEED,
    SORENESS_HIGH,
    SPEED_CAP,
    TOLERANCE,
)
from desktop.advice.codes import TIP_CODES, WARNING_CODES, Code
from desktop.advice.day_rules import badge_from, badge_warnings, day_has_badge
from desktop.advice.history import History
from desktop.advice.limits import (
    MAX_WATER_OZ,
    SORENESS_MAX,
    SORENESS_MIN,
    SORENESS_WHAT,
    WATER_FLOOR_OZ,
    WATER_WHAT,
    check_number,
    check_whole,
)
from desktop.advice.model import Advice, AdviceWarning, InvalidInputError, Kind, Profile, Session

__all__ = [
    "ARTICLE_WATER_OZ",
    "DISTANCE_CAP",
    "HILL_CLIMBS",
    "HILL_DISTANCE",
    "INTERVAL_REPS",
    "INTERVAL_SPRINT_M",
    "MODEST_SPEED",
    "SORENESS_HIGH",
    "SPEED_CAP",
    "TIP_CODES",
    "TOLERANCE",
    "WARNING_CODES",
    "WATER_BELOW_TARGET",
    "Code",
    "History",
    "advise_day",
    "advise_lift",
    "advise_run",
    "advise_session",
    "badge_from",
    "badge_warnings",
    "day_has_badge",
    "session_warnings",
]

ARTICLE_WATER_OZ: Final = WATER_FLOOR_OZ
# The old names of the codes, for callers that import them from here.
WATER_BELOW_TARGET: Final = Code.WATER_BELOW_TARGET

_ONE_DAY: Final = timedelta(days=1)


def _check_profile(profile: object) -> Profile:
    if not isinstance(profile, Profile):
        raise InvalidInputError(f"Advice needs a Profile, not {type(profile).__name__}.")
    return profile


def _check_subject(subject: object, kind: Kind | None) -> Session:
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
    """The day log's own check (`DayLog.water_oz`): same bounds, same sentence."""
    check_number(water_oz, WATER_WHAT, 0, MAX_WATER_OZ, "oz")
    return None if water_oz is None else float(water_oz)  # type: ignore[arg-type]


def _check_soreness(soreness: object) -> int | None:
    """The day log's own check (`DayLog.soreness`): same bounds, same sentence."""
    check_whole(soreness, SORENESS_WHAT, SORENESS_MIN, SORENESS_MAX)
    return soreness  # type: ignore[return-value]


def advise_run(
    run: Session,
    sessions: Iterable[Session] | History,
    profile: Profile,
    *,
    soreness: int | None = None,
) -> Advice:
    """Advice for one run (saved, edited or an unsaved draft) given all sessions."""
    _check_profile(profile)
    _check_subject(run, Kind.RUN)
    return run_rules.advise_run(run, History.of(sessions), profile, _check_soreness(soreness))


def advise_lift(lift: Session, sessions: Iterable[Session] | History, profile: Profile) -> Advice:
    """Advice for one deadlift; its suggestion is the run to do right after it."""
    _check_profile(profile)
    _check_subject(lift, Kind.DEADLIFT)
    return day_rules.advise_lift(lift, History.of(sessions), profile)


def advise_day(
    day: date,
    sessions: Iterable[Session] | History,
    profile: Profile,
    water_oz: float | None = None,
    *,
    soreness: int | None = None,
) -> Advice:
    """Advice for a calendar day: every session's warnings, water, and the run that fits."""
    _check_profile(profile)
    checked_day = _check_day(day)
    checked_water = _check_water(water_oz)
    return day_rules.advise_day(
        checked_day, History.of(sessions), profile, checked_water, _check_soreness(soreness)
    )


def advise_session(
    session: Session,
    sessions: Iterable[Session] | History,
    profile: Profile,
    *,
    soreness: int | None = None,
) -> Advice:
    """`advise_run` or `advise_lift`, whichever fits the session's kind."""
    _check_profile(profile)
    _check_subject(session, None)
    return day_rules.advise_session(
        session, History.of(sessions), profile, _check_soreness(soreness)
    )


def session_warnings(
    session: Session,
    sessions: Iterable[Session] | History,
    profile: Profile,
    *,
    soreness: int | None = None,
) -> tuple[AdviceWarning, ...]:
    """`advise_session(...).warnings`, without working out the suggestion and tips."""
    _check_profile(profile)
    _check_subject(session, None)
    return day_rules.session_warnings(
        session, History.of(sessions), profile, _check_soreness(soreness)
    )
