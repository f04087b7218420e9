"""CSV the person's spreadsheet opens in columns: the separator follows the decimal mark.

Excel splits a CSV file it opens by double-click at the list separator of the system's
region settings: a semicolon where the decimal mark is a comma (German, French, Dutch, ...),
a comma elsewhere. Numbers in Liftrun's CSV keep a decimal point either way, so a re-import
reads them the same.
"""

from __future__ import annotations

from typing import Final

COMMA: Final = ","
SEMICOLON: Final = ";"


def csv_separator(decimal_mark: str) -> str:
    """The separator spreadsheets in a locale with this decimal mark expect."""
    return SEMICOLON if decimal_mark.strip() == "," else COMMA


def opening_hint(separator: str) -> str:
    """One sentence for the export dialog on opening the file in a spreadsheet."""
    if separator == SEMICOLON:
        return (
            "Separated by semicolons, as spreadsheets in your region expect; choose commas for "
            "apps that want them."
        )
    return (
        "Separated by commas. If a spreadsheet shows everything in one column, use its "
        "Data > From Text/CSV and choose comma as the separator."
    )
