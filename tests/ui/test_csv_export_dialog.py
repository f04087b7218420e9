"""The CSV export dialog: the region's separator offered first, with how to open the file."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from desktop.interop.spreadsheet import opening_hint
from desktop.ui.csv_export_dialog import CsvExportDialog


@pytest.mark.parametrize(("default", "other"), [(";", ","), (",", ";")])
def test_the_regions_separator_is_chosen_and_the_hint_follows_the_choice(
    qtbot: QtBot, default: str, other: str
) -> None:
    dialog = CsvExportDialog(default)
    qtbot.addWidget(dialog)
    assert dialog.objectName() == "csvExportDialog"
    assert dialog.separator() == default
    assert dialog.hintLabel.text() == opening_hint(default)
    # The region's choice sits on top.
    region, other_button = (
        (dialog.semicolonButton, dialog.commaButton)
        if default == ";"
        else (dialog.commaButton, dialog.semicolonButton)
    )
    dialog.show()
    qtbot.waitExposed(dialog)
    assert region.y() < other_button.y()
    (dialog.commaButton if other == "," else dialog.semicolonButton).click()
    assert dialog.separator() == other
    assert dialog.hintLabel.text() == opening_hint(other)
