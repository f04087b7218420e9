"""desktop.startup's quicker PySide6 import check gives PySide6 the same answers."""

from __future__ import annotations

import sys
from types import ModuleType

import pytest

import desktop.startup  # installs the quicker check
from desktop.advice import model
from desktop.ui import advice_panel


def _feature() -> ModuleType:
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not hasattr(feature, "_mod_uses_pyside"):
        pytest.skip("this PySide6 has no per-import source check")
    return feature


def test_the_quicker_check_is_installed_and_agrees_with_reading_the_source() -> None:
    check = _feature()._mod_uses_pyside
    assert getattr(check, "liftrun_quick", False)
    assert check(advice_panel) is True  # imports PySide6
    assert check(model) is False  # the engine never does
    assert check(sys) is False  # built in: no source at all


def test_installing_twice_keeps_one_wrapper() -> None:
    feature = _feature()
    before = feature._mod_uses_pyside
    desktop.startup._quicker_pyside_import_check()
    assert feature._mod_uses_pyside is before
