"""The locale's decimal mark, CSV separator and first weekday, and the system's zone."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

import pytest
from PySide6.QtCore import QLocale

from desktop.ui import system_locale


@pytest.mark.parametrize(
    ("name", "mark", "separator", "first"),
    [
        ("de_DE", ",", ";", 0),
        ("en_US", ".", ",", 6),
        ("fr_FR", ",", ";", 0),
        ("en_GB", ".", ",", 0),
    ],
)
def test_each_locale_gives_its_marks_and_first_day(
    qapp: Any, name: str, mark: str, separator: str, first: int
) -> None:
    locale = QLocale(name)
    assert system_locale.decimal_mark(locale) == mark
    assert system_locale.locale_csv_separator(locale) == separator
    assert system_locale.locale_first_weekday(locale) == first


@pytest.mark.skipif(sys.platform != "linux", reason="Qt reads TZ on Linux; others ask the OS")
def test_the_system_zone_is_the_iana_zone_qt_reports() -> None:
    code = (
        "from desktop.ui.system_locale import system_zone, system_zone_name;"
        "print(system_zone_name(), system_zone())"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "TZ": "America/New_York"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert out == ["America/New_York", "America/New_York"]


def test_the_running_systems_zone_is_a_zone_or_none(qapp: Any) -> None:
    zone = system_locale.system_zone()
    assert zone is None or zone.key == system_locale.system_zone_name()
