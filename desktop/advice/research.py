"""What published research adds beside the article, each note checked against its source.

Shown under a tip's or warning's "Why?", after the article's sentence and labelled as
research, not the article. Each citation was read in the paper's abstract (or the
report's own summary) before use; a note claims no more than that text says. Citations
give volume, issue, pages and a DOI; a DOI is given only where it was checked against
the publisher's record (Robineau et al. has none here for that reason).
"""

from __future__ import annotations

from typing import Final

from desktop.advice.model import ResearchNote

_ROBINEAU: Final = "Robineau et al. 2016, J Strength Cond Res 30(3):672-683"
_SCHUMANN: Final = "Schumann et al. 2022, Sports Med 52(3):601-612, doi:10.1007/s40279-021-01587-7"
_CHEUNG: Final = (
    "Cheung, Hume & Maxwell 2003, Sports Med 33(2):145-164, doi:10.2165/00007256-200333020-00005"
)

INTERFERENCE: Final = ResearchNote(
    text=(
        "Over weeks of training, strength and aerobic work done close together gave smaller "
        "gains. In rugby players training for 7 weeks, strength gains were smaller with no "
        "rest between the two sessions than with 6 or 24 hours, and aerobic gains were best "
        "with 24 hours. A meta-analysis of 43 studies found explosive strength gains blunted "
        "more when both were done in one session than at least 3 hours apart."
    ),
    citation=f"{_ROBINEAU}; {_SCHUMANN}",
)

SPRINTS_AFTER_LIFTING: Final = ResearchNote(
    text=(
        "Research adds a caution the article does not make. Studies of weeks of combined "
        "training found smaller strength gains with no rest between strength and aerobic "
        "work than with 6 or 24 hours, and explosive strength gains blunted more when both "
        "shared one session. They measured long-term gains, not sprints right after "
        "deadlifts, nor their safety; if strength gains matter most to you, a few hours "
        "between the lift and the sprints may keep more of them."
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
        "Chloride, and Sulfate, National Academies Press, 2004 (published 2005), "
        "doi:10.17226/10925"
    ),
)

BCAA: Final = ResearchNote(
    text=(
        "The evidence is weak and mixed. A meta-analysis of nine trials in trained men "
        "found less soreness only within the first 24 hours after resistance exercise, and "
        "a systematic review found benefit mainly after mild to moderate muscle damage, "
        "with high daily doses taken for more than 10 days."
    ),
    citation="Khemtong et al. 2021, Nutrients 13(6):1880, doi:10.3390/nu13061880; "
    "Fouré & Bendahan 2017, Nutrients 9(10):1047, doi:10.3390/nu9101047",
)
