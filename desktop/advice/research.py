"""What published research adds beside the article, each note checked against its source.

Shown under a tip's or warning's "Why?", after the article's sentence and labelled as
research, not the article. Each citation was read in the paper's abstract (or the
report's own summary) before use; a note claims no more than that text says.
"""

from __future__ import annotations

from typing import Final

from desktop.advice.model import ResearchNote

_ROBINEAU: Final = "Robineau et al. 2016, J Strength Cond Res 30(3):672-683"
_SCHUMANN: Final = "Schumann et al. 2022, Sports Med (issue 3)"
_CHEUNG: Final = "Cheung, Hume & Maxwell 2003, Sports Med 33(2):145-164"

INTERFERENCE: Final = ResearchNote(
    text=(
        "Strength and endurance work done close together interfere. In rugby players, "
        "strength gains were smaller with no rest between the two sessions than with 6 or "
        "24 hours, and aerobic gains were best with 24 hours. A meta-analysis of 43 studies "
        "found explosive strength blunted most when both were done in one session rather "
        "than at least 3 hours apart."
    ),
    citation=f"{_ROBINEAU}; {_SCHUMANN}",
)

SPRINTS_DISAGREE: Final = ResearchNote(
    text=(
        "Here research disagrees with the article. It does not support hard sprints minutes "
        "after heavy deadlifts: strength gains were smallest with no rest between strength "
        "and aerobic work, and explosive strength suffered most when both shared one "
        "session. If you can, move the sprints a few hours away from the lift."
    ),
    citation=f"{_ROBINEAU}; {_SCHUMANN}",
)

SORENESS: Final = ResearchNote(
    text=(
        "Lowering the bar is eccentric work, which causes muscle micro-injury more often "
        "and more severely than other muscle actions. The soreness that follows reduces "
        "range of motion, shock absorption and peak force, and going back to hard training "
        "too early may raise the risk of injury."
    ),
    citation=_CHEUNG,
)

LONGEST_RUN_WAIT: Final = ResearchNote(
    text=(
        "The 48 hours are Liftrun's choice, not the article's: the article only says not "
        "on a deadlift day. We wait because soreness after eccentric work such as lowering "
        "the bar reduces shock absorption and peak force, and a long run on such legs may "
        "raise the risk of injury."
    ),
    citation=_CHEUNG,
)

WATER: Final = ResearchNote(
    text=(
        "The US National Academies set adequate intakes of total water, from drinks and "
        "food, of about 3.7 litres a day for men and 2.7 litres for women; about 80% comes "
        "from drinks, and very active people or hot days need more. The article's 64 oz "
        "(about 1.9 litres) of water is a floor, not a whole day's need."
    ),
    citation=(
        "Institute of Medicine, Dietary Reference Intakes for Water, Potassium, Sodium, "
        "Chloride, and Sulfate, National Academies, 2004"
    ),
)

BCAA: Final = ResearchNote(
    text=(
        "The evidence is weak and mixed. A meta-analysis of nine trials in trained men "
        "found less soreness only within the first 24 hours after resistance exercise, and "
        "a systematic review found benefit mainly after mild to moderate muscle damage, "
        "with high daily doses taken for more than 10 days."
    ),
    citation="Khemtong et al. 2021, Nutrients 13(6):1880; Fouré & Bendahan 2017, "
    "Nutrients 9(10):1047",
)
