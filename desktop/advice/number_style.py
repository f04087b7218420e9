"""How numbers are written: the region's decimal mark and thousands separator, set once.

Qt-free, imported by `units` (which re-exports it) and by `limits`, below the domain model.
The window sets the style at start-up from the system locale (`set_number_style`); every
formatter of the engine writes numbers through it, so the engine's sentences say "5,5 km"
where the form's boxes do. Rounding does not change with it. Files other programs read
(CSV, .ics) are written inside `plain_numbers()`: a point, whatever the region.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True)
class NumberStyle:
    """How a region writes numbers: "5.5" and "1,893" (the default), or "5,5" and "1.893"."""

    decimal_mark: str = "."
    group_separator: str = ","

    def __post_init__(self) -> None:
        if len(self.decimal_mark) != 1 or self.decimal_mark.isdigit():
            raise ValueError(f"A decimal mark is one character, not {self.decimal_mark!r}.")
        if len(self.group_separator) > 1 or self.group_separator == self.decimal_mark:
            raise ValueError(
                f"A thousands separator is one character other than the decimal mark, "
                f"not {self.group_separator!r}."
            )

    def write(self, number: str) -> str:
        """A number Python formatted ("1,893.5") written in this style ("1.893,5")."""
        if self == POINT:
            return number
        table = {ord("."): self.decimal_mark, ord(","): self.group_separator}
        return number.translate(table)


POINT: Final = NumberStyle()
_style: NumberStyle = POINT


def number_style() -> NumberStyle:
    """The style every formatter writes numbers in now."""
    return _style


def set_number_style(style: NumberStyle) -> NumberStyle:
    """Write numbers in `style` from now on (set once at start-up); returns the one before."""
    # One process-wide setting, like the locale it mirrors.
    global _style
    before, _style = _style, style
    return before


def write_number(number: str) -> str:
    """A number Python formatted with "." and "," written in the current style."""
    return _style.write(number)


@contextmanager
def plain_numbers() -> Iterator[None]:
    """Numbers with a decimal point inside the block (files other programs read)."""
    before = set_number_style(POINT)
    try:
        yield
    finally:
        set_number_style(before)


def format_number(value: float, decimals: int, *, grouped: bool = False) -> str:
    """`value` with `decimals` decimals in the current style: "5.5" / "5,5"; "1,893" grouped."""
    comma = "," if grouped else ""
    return write_number(f"{value:{comma}.{decimals}f}")


def format_general(value: float, *, grouped: bool = False, digits: int | None = None) -> str:
    """`value` as Python's "g" writes it ("0.5", "100"), in the current style; `digits`
    significant digits if given."""
    comma = "," if grouped else ""
    precision = "" if digits is None else f".{digits}"
    return write_number(f"{value:{comma}{precision}g}")


def format_count(value: int) -> str:
    """A whole number with thousands grouped in the current style: "2,000" / "2.000"."""
    return write_number(f"{value:,}")
