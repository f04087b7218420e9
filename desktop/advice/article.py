"""The rulebook article, verbatim, and the sentences the engine's advice rests on.

Every `AdviceWarning.source` and `Tip.source` is one of `ARTICLE_SENTENCES`, quoted
exactly (including the article's own typo "less than you maximum distance"), so the
window can show "why" next to every line and a test can check nothing is made up.
"""

from __future__ import annotations

from typing import Final

ARTICLE_TITLE: Final = "How to Run After Performing Deadlifts"

# Introduction.
BENEFITS: Final = "Running provides numerous benefits, including improved speed and fat loss."
DIFFICULTIES: Final = (
    "Running after deadlifting presents certain difficulties, including fatigue and "
    "muscle soreness."
)
SECOND_SESSION_FATIGUE: Final = (
    "Running immediately after deadlifting becomes an issue of endurance and running during "
    "a second training session becomes a question of long-term fatigue."
)
NEXT_DAY_DOMS: Final = (
    "Running the next day often becomes an issue of delayed-onset muscle soreness."
)
WORKABLE: Final = "All solutions are workable, but all require extra effort and practice."
CONSULT_PROVIDER: Final = "Consult a health care provider before beginning any training program."

# Modest pace, foot strike.
MODEST_PACE_BALL_OF_FOOT: Final = (
    "Run using only a modest pace, but ensure you are striking properly on the ball of your "
    "foot when you run."
)
HEEL_STRIKE: Final = (
    "Landing on your heels reduces the activation of your calf muscle, and increases the "
    "stress on your lower back."
)

# Intervals right after the lift.
INTERVAL_PROGRAM: Final = "Run using an interval program."
LONG_RUN_STRESSES_BACK: Final = (
    "Immediately after a deadlift workout, long-distance running will further stress your back."
)
SPRINTS_AND_RECOVERY: Final = "Instead, run sprints followed by recover sessions."
SPRINT_50_WALK_BACK: Final = "Sprint 50 m, then walk back, then sprint again."
COVER_GROUND: Final = "This allows you to cover ground, burn fat and build speed."

# Later the same day: caps.
MODEST_PACE_LESS_THAN_MAX: Final = "Run at a modest pace for less than you maximum distance."
ENDURANCE_COMPROMISED: Final = (
    "If you have deadlifted earlier in the day, your endurance may be compromised."
)
NO_LONGEST_RUN_ON_LIFT_DAY: Final = (
    "Do not schedule your longest run on the same day as a deadlift workout."
)
CAPS_80_90: Final = (
    "Run for no more than 80 percent of your maximum distance, and run for no more than "
    "90 percent of your maximum speed during a running session that follows a resistance "
    "training workout."
)

# The day after: power and technique.
POWER_NEXT_DAY: Final = "Run for power the day after a deadlift workout."
SORENESS_LIMITS_SPEED: Final = (
    "The soreness and fatigue the day after a deadlift workout will limit your speed and "
    "endurance, so work on building good technique."
)
HILLS: Final = (
    "Run up hills, which helps develop proper foot strike, and the extra effort will force "
    "your legs to work harder, improving your conditioning."
)

# Warm-up.
WARM_UP_THOROUGHLY: Final = "Warm up thoroughly, even though you may have recently trained."
LESS_WARM_UP_LATER: Final = (
    "If it is later in the day, you may not require as much extra warm-up as the next day."
)
TREADMILL_OR_LUNGES: Final = (
    "Walking on a treadmill or lunges will help warm and stretch the muscles that you "
    "previously trained."
)

# Water and supplements.
WATER_64_OZ: Final = "Drink at least 64 oz. of water per day."
BCAA: Final = "Supplement with branched-chain amino acids to help relieve muscle soreness and pain."

# Safety.
SPOTTER: Final = "Never lift without a spotter."
STOP_IF_PAIN: Final = "If you feel pain when running, stop immediately."

ARTICLE_SENTENCES: Final[tuple[str, ...]] = (
    BENEFITS,
    DIFFICULTIES,
    SECOND_SESSION_FATIGUE,
    NEXT_DAY_DOMS,
    WORKABLE,
    CONSULT_PROVIDER,
    MODEST_PACE_BALL_OF_FOOT,
    HEEL_STRIKE,
    INTERVAL_PROGRAM,
    LONG_RUN_STRESSES_BACK,
    SPRINTS_AND_RECOVERY,
    SPRINT_50_WALK_BACK,
    COVER_GROUND,
    MODEST_PACE_LESS_THAN_MAX,
    ENDURANCE_COMPROMISED,
    NO_LONGEST_RUN_ON_LIFT_DAY,
    CAPS_80_90,
    POWER_NEXT_DAY,
    SORENESS_LIMITS_SPEED,
    HILLS,
    WARM_UP_THOROUGHLY,
    LESS_WARM_UP_LATER,
    TREADMILL_OR_LUNGES,
    WATER_64_OZ,
    BCAA,
    SPOTTER,
    STOP_IF_PAIN,
)

ARTICLE_PARAGRAPHS: Final[tuple[tuple[str, ...], ...]] = (
    (BENEFITS, DIFFICULTIES, SECOND_SESSION_FATIGUE, NEXT_DAY_DOMS, WORKABLE, CONSULT_PROVIDER),
    (MODEST_PACE_BALL_OF_FOOT, HEEL_STRIKE),
    (
        INTERVAL_PROGRAM,
        LONG_RUN_STRESSES_BACK,
        SPRINTS_AND_RECOVERY,
        SPRINT_50_WALK_BACK,
        COVER_GROUND,
    ),
    (MODEST_PACE_LESS_THAN_MAX, ENDURANCE_COMPROMISED, NO_LONGEST_RUN_ON_LIFT_DAY, CAPS_80_90),
    (POWER_NEXT_DAY, SORENESS_LIMITS_SPEED, HILLS),
    (WARM_UP_THOROUGHLY, LESS_WARM_UP_LATER, TREADMILL_OR_LUNGES),
    (WATER_64_OZ, BCAA),
    (SPOTTER, STOP_IF_PAIN),
)

# The whole article body as plain text, one paragraph per line (for a Help > Article page).
ARTICLE_TEXT: Final = "\n\n".join(" ".join(paragraph) for paragraph in ARTICLE_PARAGRAPHS)

# For the first-run dialog and the Help menu: said once, not on every advice panel.
HEALTH_NOTICE: Final = f"{CONSULT_PROVIDER} {STOP_IF_PAIN}"
