"""ImportReader: a file read in a worker thread, with progress, a result, a sentence or Cancel."""

from __future__ import annotations

import threading
from datetime import UTC
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from desktop.interop import ImportResult
from desktop.ui.import_reader import ImportReader
from tests.interop.conftest import DATA
from tests.interop.made_files import Track, gpx_text, track_xml


def _big_gpx(folder: Path, points: int = 60_000) -> Path:
    track = track_xml(Track("2025-06-01T07:00:00Z", points=points, step_m=2.0, step_s=1.0))
    path = folder / "big.gpx"
    path.write_text(gpx_text([]).replace("</gpx>", track + "</gpx>"), encoding="utf-8")
    return path


def test_a_file_is_read_off_the_gui_thread_with_progress_up_to_100(
    qtbot: QtBot, tmp_path: Path
) -> None:
    reader = ImportReader(_big_gpx(tmp_path), zone=UTC)
    percents: list[int] = []
    reader.progress.connect(percents.append)
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    reading_threads: list[threading.Thread] = []
    original = reader._worker._report

    def spy(done: int, total: int) -> bool:
        reading_threads.append(threading.current_thread())
        return original(done, total)

    reader._worker._report = spy  # type: ignore[method-assign]
    with qtbot.waitSignal(reader.finished, timeout=30_000) as finished:
        reader.start()
    timer.stop()
    result = finished.args[0]
    assert isinstance(result, ImportResult) and len(result.sessions) == 1
    assert percents[0] == 0 and percents[-1] == 100 and percents == sorted(percents)
    assert reading_threads and threading.main_thread() not in reading_threads
    assert ticks  # the GUI thread's event loop ran while the file was read
    assert not reader.running


def test_a_real_sample_gives_its_result(qtbot: QtBot) -> None:
    reader = ImportReader(DATA / "strong-current.csv", weight_unit="kg", distance_unit="km")
    with qtbot.waitSignal(reader.finished, timeout=10_000) as finished:
        reader.start()
    assert finished.args[0].format == "strong" and len(finished.args[0].sessions) == 4


@pytest.mark.parametrize(
    ("content", "sentence"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00junk", "is not a Liftrun, Strong or Hevy"),
        (b'<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY a "b">]><gpx/>', "entities"),
        (None, "does not exist"),
    ],
)
def test_a_file_that_cannot_be_read_fails_with_one_sentence(
    qtbot: QtBot, tmp_path: Path, content: bytes | None, sentence: str
) -> None:
    path = tmp_path / "export.csv"
    if content is not None:
        path.write_bytes(content)
    reader = ImportReader(path)
    with (
        qtbot.assertNotEmitted(reader.finished),
        qtbot.waitSignal(reader.failed, timeout=10_000) as failed,
    ):
        reader.start()
    message = failed.args[0]
    assert sentence in message and "\n" not in message and "Traceback" not in message


def test_cancel_stops_reading_and_nothing_is_given(qtbot: QtBot, tmp_path: Path) -> None:
    reader = ImportReader(_big_gpx(tmp_path, 200_000), zone=UTC)
    reader.progress.connect(lambda percent: reader.cancel() if percent >= 1 else None)
    with (
        qtbot.assertNotEmitted(reader.finished),
        qtbot.assertNotEmitted(reader.failed),
        qtbot.waitSignal(reader.cancelled, timeout=30_000),
    ):
        reader.start()
    assert reader.wait(5000) and not reader.running


def test_a_reader_reads_once(qtbot: QtBot) -> None:
    reader = ImportReader(DATA / "hevy-kg.csv")
    with qtbot.waitSignal(reader.finished, timeout=10_000):
        reader.start()
    with pytest.raises(RuntimeError):
        reader.start()


def test_wait_after_cancel_returns_without_the_event_loop(qtbot: QtBot, tmp_path: Path) -> None:
    # A closing window cancels and blocks in wait(): the thread must end all the same.
    reader = ImportReader(_big_gpx(tmp_path, 200_000), zone=UTC)
    with qtbot.waitSignal(reader.progress, timeout=30_000):
        reader.start()
    reader.cancel()
    assert reader.wait(5000)
    assert not reader.running
