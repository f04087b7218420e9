"""File > Import, File > Export and dropped files, through the real window on a real file."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.advice import Kind, Session, Workout, session_title
from desktop.interop import ImportPreview, read_file
from desktop.store import Store
from desktop.ui.dialogs import QtPrompts
from desktop.ui.import_preview_dialog import ImportPreviewDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.reading_progress import ReadingProgress
from desktop.ui.session_mime import session_mime
from tests.interop.made_files import Track, gpx_text, track_xml
from tests.ui.recording_prompts import RecordingPrompts, prompts_of

DATA = Path(__file__).resolve().parents[1] / "interop" / "data"
LIFT_DAY = date(2030, 3, 4)


def in_file(window: MainWindow) -> dict[int, Session]:
    """The sessions the window's store holds, read from the file."""
    return {s.id: s for s in window.planner.store.all_sessions() if s.id is not None}


def seed(db_path: Path) -> list[int]:
    """A deadlift, a too-long fast run 70 minutes later, and a run the week after."""
    lift = Session(
        kind=Kind.DEADLIFT,
        start=datetime(2030, 3, 4, 17, 0),
        duration_min=60,
        sets=5,
        reps=5,
        load_kg=140.0,
        notes="=SUM(A1:A9) is not a formula",
    )
    run = Session(
        kind=Kind.RUN,
        start=datetime(2030, 3, 4, 18, 10),
        duration_min=60,
        workout=Workout.INTERVALS,
        distance_km=12.0,
        speed_kmh=14.0,
    )
    later = Session(
        kind=Kind.RUN,
        start=datetime(2030, 3, 12, 7, 0),
        duration_min=30,
        workout=Workout.EASY,
        distance_km=5.0,
    )
    with Store.open(db_path) as store:
        return store.add_many([lift, run, later])


class Recorder(RecordingPrompts):
    """What the transfer dialogs were asked, and what they answer."""

    def __init__(self, save_to: Path) -> None:
        super().__init__()
        self.save_to = save_to
        self.ranges: list[tuple[date, date]] = []
        self.range_answer: tuple[date, date] | None = (LIFT_DAY, LIFT_DAY)
        self.dialogs: list[ImportPreviewDialog] = []
        self.import_answer = True
        self.units_asked: list[tuple[str, str]] = []
        self.unit_answer: str | None = "kg"

    def ask_export_range(self, first: date, last: date) -> tuple[date, date] | None:
        self.ranges.append((first, last))
        return self.range_answer

    def choose_save_file(self, title: str, suggested: Path, name_filter: str) -> Path | None:
        return self.save_to

    def confirm_import(self, preview: ImportPreview) -> bool:
        self.dialogs.append(ImportPreviewDialog(preview))
        return self.on_confirm_import(preview)

    def ask_weight_unit(self, file_name: str, default: str) -> str | None:
        self.units_asked.append((file_name, default))
        return self.unit_answer


@pytest.fixture
def window(make_window: Callable[..., MainWindow], db_path: Path, tmp_path: Path) -> MainWindow:
    seed(db_path)
    built = make_window(prompts=Recorder(tmp_path / "out"))
    built.ensure_profile()
    return built


def recorder_of(window: MainWindow) -> Recorder:
    recorder = window.prompts
    assert isinstance(recorder, Recorder)
    return recorder


def choose(window: MainWindow, path: Path) -> None:
    recorder_of(window).open_file = path


READ_TIMEOUT_MS = 20_000


def imported(qtbot: QtBot, window: MainWindow, path: Path) -> int:
    """Import `path` through the window, waiting for the reader; the sessions added."""
    with qtbot.waitSignal(window.transfer.import_done, timeout=READ_TIMEOUT_MS) as done:
        window.transfer.import_file(path)
    added = done.args[0]
    assert isinstance(added, int)
    return added


def import_by_menu(qtbot: QtBot, window: MainWindow) -> None:
    """File > Import (the chosen file set with `choose`), waiting for the import to end."""
    with qtbot.waitSignal(window.transfer.import_done, timeout=READ_TIMEOUT_MS):
        window.import_action.trigger()


# -- export ------------------------------------------------------------------------------


def test_calendar_export_writes_the_chosen_days_with_advice_and_stable_uids(
    window: MainWindow, tmp_path: Path
) -> None:
    recorder = recorder_of(window)
    recorder.save_to = tmp_path / "plan"  # no suffix: .ics is added
    window.export_ics_action.trigger()
    assert recorder.ranges == [(date.today(), date(2030, 3, 12))]  # from today on
    written = tmp_path / "plan.ics"
    calendar = Calendar.from_ical(written.read_bytes())
    events = calendar.walk("VEVENT")
    profile = window.planner.profile()
    stored = sorted(in_file(window).values(), key=lambda s: s.start)[:2]
    assert [str(e["SUMMARY"]) for e in events] == [session_title(s, profile) for s in stored]
    run_event = events[1]
    description = str(run_event["DESCRIPTION"])
    assert "Warning: This run is 12.0 km" in description
    assert "Suggestion: " in description
    start = run_event.decoded("DTSTART")
    assert start.tzinfo is not None and start.replace(tzinfo=None) == stored[1].start
    assert "exported 2 sessions" in window.statusBar().currentMessage().lower()
    first_uids = [str(e["UID"]) for e in events]
    window.export_ics_action.trigger()
    again = Calendar.from_ical(written.read_bytes()).walk("VEVENT")
    assert [str(e["UID"]) for e in again] == first_uids
    assert len(set(first_uids)) == 2


def test_calendar_export_cancelled_at_the_range_writes_no_file(
    window: MainWindow, tmp_path: Path
) -> None:
    recorder = recorder_of(window)
    recorder.range_answer = None
    recorder.save_to = tmp_path / "plan.ics"
    window.export_ics_action.trigger()
    assert not recorder.save_to.exists()


def test_csv_export_holds_every_session_and_reads_back_the_same(
    window: MainWindow, tmp_path: Path
) -> None:
    recorder = recorder_of(window)
    recorder.save_to = tmp_path / "all.csv"
    window.export_csv_action.trigger()
    text = recorder.save_to.read_text(encoding="utf-8-sig")
    assert "'=SUM(A1:A9)" in text  # neutralised for spreadsheets
    back = read_file(recorder.save_to)
    assert back.format == "liftrun-csv"
    assert list(back.sessions) == sorted(in_file(window).values(), key=lambda s: s.start)
    assert "exported 3 sessions" in window.statusBar().currentMessage().lower()


def test_an_export_that_cannot_be_written_says_so_in_one_sentence(
    window: MainWindow, tmp_path: Path
) -> None:
    recorder_of(window).save_to = tmp_path / "no-such-folder" / "all.csv"
    window.export_csv_action.trigger()
    [(title, text)] = prompts_of(window).errors
    assert title == "Cannot export"
    assert text.startswith("Liftrun could not write all.csv (") and text.endswith(").")


# -- import ------------------------------------------------------------------------------


def test_import_previews_then_adds_everything_as_one_undo_step(
    window: MainWindow, qtbot: QtBot
) -> None:
    before = in_file(window)
    choose(window, DATA / "hevy-kg.csv")
    import_by_menu(qtbot, window)
    [dialog] = recorder_of(window).dialogs
    assert dialog.preview.summary.startswith("hevy-kg.csv (Hevy export): 2 sessions will be added")
    assert len(dialog.lines("added")) == 2
    after = in_file(window)
    added = {i: s for i, s in after.items() if i not in before}
    assert len(added) == 2 and all(s.done for s in added.values())
    stack = window.undo_stack
    assert stack.count() == 1
    assert window.undo_action.text() == "&Undo Import 2 sessions from hevy-kg.csv"
    window.undo_action.trigger()
    assert in_file(window) == before
    window.redo_action.trigger()
    assert in_file(window) == after  # same ids, same stamps


def test_the_real_preview_dialog_imports_on_its_import_button(
    window: MainWindow, qtbot: QtBot
) -> None:
    # The real modal dialog, as the window's own prompts show it.
    real_prompts = QtPrompts(window)
    before = len(in_file(window))
    shown: list[list[str]] = []

    def press_import() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ImportPreviewDialog):
            dialog = None
        if dialog is None:
            QTimer.singleShot(10, press_import)  # not shown yet
            return
        shown.append(dialog.lines("added"))
        dialog.importButton.click()

    def show_real_preview(preview: ImportPreview) -> bool:
        QTimer.singleShot(0, press_import)
        return real_prompts.confirm_import(preview)

    recorder_of(window).on_confirm_import = show_real_preview
    assert imported(qtbot, window, DATA / "garmin-fenix-5-run.fit") == 1
    assert len(shown) == 1 and "Run" in shown[0][0]
    assert len(in_file(window)) == before + 1


def test_cancel_in_the_preview_writes_nothing(window: MainWindow, qtbot: QtBot) -> None:
    before = in_file(window)
    recorder_of(window).import_answer = False
    choose(window, DATA / "strong-legacy.csv")
    import_by_menu(qtbot, window)
    [dialog] = recorder_of(window).dialogs
    assert dialog.is_section_shown("problems")
    assert dialog.lines("problems") == [
        "line 7: Weight Unit is 'stone'; Liftrun knows kg and lb. The set was left out."
    ]
    assert in_file(window) == before
    assert window.undo_stack.count() == 0
    assert "nothing was added" in window.statusBar().currentMessage()


def test_cancelling_the_progress_dialog_reads_nothing_and_writes_nothing(
    window: MainWindow, qtbot: QtBot
) -> None:
    before = in_file(window)
    made: list[ReadingProgress] = []

    def cancelled_progress(label: str) -> ReadingProgress:
        progress = ReadingProgress(label, window)
        progress.cancel()  # as if Cancel was pressed while reading
        made.append(progress)
        return progress

    recorder_of(window).on_reading_progress = cancelled_progress
    assert imported(qtbot, window, DATA / "hevy-lbs.csv") == 0
    assert len(made) == 1
    assert recorder_of(window).dialogs == []
    assert in_file(window) == before
    assert window.undo_stack.count() == 0
    assert (
        window.statusBar().currentMessage() == "Reading hevy-lbs.csv cancelled: nothing was added."
    )


@pytest.mark.parametrize(
    ("content", "sentence"),
    [
        (b"just some notes\n", "notes.csv is not a Liftrun, Strong or Hevy CSV export"),
        (b"", "notes.csv is empty; there is nothing to import."),
    ],
)
def test_an_unreadable_file_gets_one_sentence_and_writes_nothing(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, content: bytes, sentence: str
) -> None:
    before = in_file(window)
    path = tmp_path / "notes.csv"
    path.write_bytes(content)
    assert imported(qtbot, window, path) == 0
    [(title, text)] = prompts_of(window).errors
    assert title == "Cannot import this file"
    assert text.startswith(sentence) and text.count(". ") == 0 and "Traceback" not in text
    assert recorder_of(window).dialogs == []
    assert in_file(window) == before


def test_a_damaged_fit_file_gets_its_sentence(window: MainWindow, qtbot: QtBot) -> None:
    assert imported(qtbot, window, DATA / "truncated-activity.fit") == 0
    assert prompts_of(window).errors == [
        (
            "Cannot import this file",
            "This FIT file ends too early; it may have been cut off while copying.",
        )
    ]


def test_importing_the_same_file_twice_adds_nothing_the_second_time(
    window: MainWindow, qtbot: QtBot
) -> None:
    assert imported(qtbot, window, DATA / "runs-and-ride.gpx") == 1
    count = len(in_file(window))
    assert imported(qtbot, window, DATA / "runs-and-ride.gpx") == 0
    second = recorder_of(window).dialogs[1]
    assert second.lines("added") == [] and len(second.lines("duplicates")) == 1
    assert not second.importButton.isEnabled()
    assert second.lines("skipped")  # the bike ride and the drive, counted
    assert len(in_file(window)) == count
    assert window.undo_stack.count() == 1


def test_strongs_current_export_asks_the_weight_unit_and_uses_it(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    recorder = recorder_of(window)
    recorder.unit_answer = None
    assert imported(qtbot, window, DATA / "strong-current.csv") == 0
    assert recorder.units_asked == [("strong-current.csv", "kg")]  # the profile's unit
    assert recorder.dialogs == []
    recorder.unit_answer = "lb"
    in_kg = read_file(DATA / "strong-current.csv", weight_unit="kg")
    in_lb = read_file(DATA / "strong-current.csv", weight_unit="lb")
    assert imported(qtbot, window, DATA / "strong-current.csv") == len(in_lb.sessions)
    loads = sorted(s.load_kg for s in in_file(window).values() if s.done and s.load_kg)
    assert loads == sorted(s.load_kg for s in in_lb.sessions if s.load_kg)
    assert loads != sorted(s.load_kg for s in in_kg.sessions if s.load_kg)
    imported(qtbot, window, DATA / "hevy-kg.csv")  # Hevy names its units: nothing asked
    assert len(recorder.units_asked) == 2


# -- dropped files -------------------------------------------------------------------------


def drag_enter(window: QWidget, mime: QMimeData) -> bool:
    event = QDragEnterEvent(
        QPoint(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, event)
    return event.isAccepted()


def test_a_file_dropped_on_the_window_opens_the_same_import(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    copy = tmp_path / "watch.fit"
    shutil.copy(DATA / "garmin-fenix-5-run.fit", copy)
    before = len(in_file(window))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(copy))])
    assert window.acceptDrops()
    assert drag_enter(window, mime)
    drop = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, drop)
    assert drop.isAccepted()
    qtbot.waitUntil(lambda: len(recorder_of(window).dialogs) == 1)
    assert recorder_of(window).dialogs[0].preview.title == "Import watch.fit"
    qtbot.waitUntil(lambda: len(in_file(window)) == before + 1)
    assert window.undo_stack.count() == 1


def test_a_file_dragged_over_the_calendar_reaches_the_window(window: MainWindow) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(DATA / "hevy-kg.csv"))])
    viewport = window.calendar.grid_view().viewport()
    assert viewport.acceptDrops()  # the calendar takes session drags itself
    assert drag_enter(viewport, mime)


def test_only_local_files_are_taken_from_a_drag(window: MainWindow) -> None:
    assert not drag_enter(window, session_mime(1))
    web = QMimeData()
    web.setUrls([QUrl("https://example.org/run.gpx")])
    assert not drag_enter(window, web)


def test_an_empty_range_day_export_still_writes_a_calendar(
    window: MainWindow, tmp_path: Path
) -> None:
    recorder = recorder_of(window)
    empty_day = LIFT_DAY + timedelta(days=2)
    recorder.range_answer = (empty_day, empty_day)
    recorder.save_to = tmp_path / "empty.ics"
    window.export_ics_action.trigger()
    assert Calendar.from_ical(recorder.save_to.read_bytes()).walk("VEVENT") == []
    assert window.statusBar().currentMessage() == "Exported 0 sessions to empty.ics."


# -- reading off the GUI thread ------------------------------------------------------------


def big_gpx(folder: Path, points: int = 300_000) -> Path:
    """A GPX run long enough that reading it takes a while (seconds, not milliseconds)."""
    track = track_xml(Track("2025-06-01T07:00:00Z", points=points, step_m=2.0, step_s=1.0))
    path = folder / "long-run.gpx"
    path.write_text(gpx_text([]).replace("</gpx>", track + "</gpx>"), encoding="utf-8")
    return path


class ShownProgress:
    """Progress dialogs made visible at once, so one left open over an error would show."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.made: list[ReadingProgress] = []
        self.visible_at_errors: list[bool] = []
        self.visible_at_previews: list[bool] = []
        recorder = recorder_of(window)
        recorder.on_reading_progress = self._make
        show_error = recorder.show_error
        confirm = recorder.on_confirm_import

        def error_over_progress(title: str, text: str) -> None:
            self.visible_at_errors.append(self.any_visible())
            show_error(title, text)

        def preview_over_progress(preview: ImportPreview) -> bool:
            self.visible_at_previews.append(self.any_visible())
            return confirm(preview)

        recorder.show_error = error_over_progress  # type: ignore[method-assign]
        recorder.on_confirm_import = preview_over_progress

    def _make(self, label: str) -> ReadingProgress:
        progress = ReadingProgress(label, self.window)
        progress.dialog.show()
        self.made.append(progress)
        return progress

    def any_visible(self) -> bool:
        return any(
            shiboken_is_valid(progress.dialog) and progress.dialog.isVisible()
            for progress in self.made
        )


def shiboken_is_valid(widget: QWidget) -> bool:
    import shiboken6

    return bool(shiboken6.isValid(widget))


ENTITY_BOMB = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n'
    b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">\n'
    b'<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">\n]>\n'
    b'<gpx version="1.1" creator="x"><trk><name>&lol4;</name><trkseg>'
    b'<trkpt lat="45" lon="14"><time>2025-06-01T07:00:00Z</time></trkpt>'
    b"</trkseg></trk></gpx>\n"
)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("watch.fit", b"These are my notes, not a watch file.\n"),
        ("empty.csv", b""),
        ("carriage.csv", b"kind,st\rart,duration_min\r\nrun,2025-01-01T07:00:00,30\r\n"),
        ("bomb.gpx", ENTITY_BOMB),
    ],
)
def test_an_error_is_shown_after_the_progress_box_closed_in_one_plain_sentence(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, name: str, content: bytes
) -> None:
    before = in_file(window)
    shown = ShownProgress(window)
    path = tmp_path / name
    path.write_bytes(content)
    assert imported(qtbot, window, path) == 0
    [(title, text)] = prompts_of(window).errors
    assert shown.visible_at_errors == [False]  # the "Reading X... Cancel" box had gone
    assert len(shown.made) == 1 and not shown.any_visible()
    assert title == "Cannot import this file"
    assert text.endswith(".") and "\n" not in text and text.count(". ") == 0
    assert name in text  # the person knows which file it was
    for parser_words in ("Error parsing XML", "new-line character", "line 14", "column"):
        assert parser_words not in text
    assert "Traceback" not in text and "Error:" not in text
    assert recorder_of(window).dialogs == []
    assert in_file(window) == before
    assert window.import_action.isEnabled()


def test_a_good_file_is_read_in_a_worker_then_added_as_one_undo_step(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "watch.gpx"
    path.write_text(gpx_text([Track("2030-03-10T07:00:00Z", points=400)]), encoding="utf-8")
    shown = ShownProgress(window)
    before = in_file(window)
    enabled_while_reading: list[bool] = []
    with qtbot.waitSignal(window.transfer.import_done, timeout=READ_TIMEOUT_MS) as done:
        window.transfer.import_file(path)
        # import_file has returned and the file is still being read: the window is free.
        assert window.transfer.reading
        enabled_while_reading.append(window.import_action.isEnabled())
    assert done.args == [1]
    assert enabled_while_reading == [False] and window.import_action.isEnabled()
    assert shown.visible_at_previews == [False]
    added = [s for i, s in in_file(window).items() if i not in before]
    assert len(added) == 1 and added[0].kind is Kind.RUN and added[0].done
    assert window.statusBar().currentMessage() == "Imported 1 session from watch.gpx."
    assert window.undo_stack.count() == 1
    window.undo_action.trigger()
    assert in_file(window) == before


def test_cancel_stops_reading_a_large_file_and_adds_nothing(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    path = big_gpx(tmp_path)
    shown = ShownProgress(window)
    before = in_file(window)
    pressed: list[bool] = []
    with qtbot.waitSignal(window.transfer.import_done, timeout=READ_TIMEOUT_MS) as done:
        window.transfer.import_file(path)
        assert window.transfer.reading
        [progress] = shown.made
        progress.dialog.canceled.connect(lambda: pressed.append(True))
        # The dialog's own Cancel button, pressed while the worker reads: however fast this
        # machine reads the file, the press comes before the read could end (no race).
        [cancel_button] = [
            b for b in progress.dialog.findChildren(QPushButton) if b.text() == "Cancel"
        ]
        cancel_button.click()
    assert done.args == [0]
    assert pressed == [True]
    assert not shown.any_visible()
    assert recorder_of(window).dialogs == [] and prompts_of(window).errors == []
    assert in_file(window) == before and window.undo_stack.count() == 0
    assert (
        window.statusBar().currentMessage() == "Reading long-run.gpx cancelled: nothing was added."
    )
    assert window.import_action.isEnabled()


def test_closing_the_window_while_a_file_is_read_stops_it_and_releases_the_database(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, db_path: Path
) -> None:
    path = big_gpx(tmp_path)
    ShownProgress(window)
    before = in_file(window)
    window.transfer.import_file(path)
    reader = window.transfer._reader
    assert reader is not None
    assert reader.running  # the worker's thread has begun reading
    # Closed before the event loop runs again: the read cannot have been handed over yet,
    # however fast this machine reads, so what is checked is the stop, not a race.
    assert window.close()
    assert not reader.running
    assert not window.transfer.reading
    assert recorder_of(window).dialogs == [] and prompts_of(window).errors == []
    with Store.open(db_path) as store:  # the lock is gone and nothing was added
        assert {s.id: s for s in store.all_sessions()} == before


def test_files_dropped_while_one_is_read_wait_their_turn(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    first = tmp_path / "first.gpx"
    first.write_text(gpx_text([Track("2030-03-10T07:00:00Z", points=400)]), encoding="utf-8")
    second = tmp_path / "second.fit"
    shutil.copy(DATA / "garmin-fenix-5-run.fit", second)
    results: list[int] = []
    window.transfer.import_done.connect(results.append)
    window.transfer.import_files([first])
    window.transfer.import_files([second])  # dropped while the first is read
    qtbot.waitUntil(lambda: len(results) == 2, timeout=READ_TIMEOUT_MS)
    assert results == [1, 1]
    titles = [dialog.preview.title for dialog in recorder_of(window).dialogs]
    assert titles == ["Import first.gpx", "Import second.fit"]
    assert window.undo_stack.count() == 2


# -- where exports go, in which zone, with which separator ---------------------------------


class SuggestionRecorder(Recorder):
    def __init__(self, save_to: Path) -> None:
        super().__init__(save_to)
        self.suggested: list[Path] = []

    def choose_save_file(self, title: str, suggested: Path, name_filter: str) -> Path | None:
        self.suggested.append(suggested)
        return self.save_to


def test_save_dialogs_start_in_documents_then_in_the_folder_used_last(
    make_window: Callable[..., MainWindow],
    db_path: Path,
    tmp_path: Path,
    isolated_user_folders: Path,
) -> None:
    documents = isolated_user_folders / "Documents"
    documents.mkdir(exist_ok=True)
    seed(db_path)
    recorder = SuggestionRecorder(tmp_path / "exports" / "all.csv")
    recorder.save_to.parent.mkdir()
    window = make_window(prompts=recorder)
    window.export_csv_action.trigger()
    window.export_csv_action.trigger()
    assert recorder.suggested == [
        documents / "liftrun-sessions.csv",
        tmp_path / "exports" / "liftrun-sessions.csv",
    ]
    (tmp_path / "exports" / "all.csv").unlink()
    (tmp_path / "exports").rmdir()  # the folder used last is gone: Documents again
    recorder.save_to = tmp_path / "plan.ics"
    recorder.range_answer = (LIFT_DAY, LIFT_DAY)
    window.export_ics_action.trigger()
    assert recorder.suggested[-1] == documents / "liftrun.ics"
    assert all(path.is_absolute() for path in recorder.suggested)


def test_a_calendar_export_carries_the_systems_zone(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from zoneinfo import ZoneInfo

    import desktop.ui.transfer_controller as transfer_module

    # The zone Qt reports (on Windows too, where there is no /etc/localtime).
    monkeypatch.setattr(transfer_module, "system_zone", lambda: ZoneInfo("America/New_York"))
    recorder = recorder_of(window)
    recorder.save_to = tmp_path / "plan.ics"
    window.export_ics_action.trigger()
    calendar = Calendar.from_ical(recorder.save_to.read_bytes())
    [zone] = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "America/New_York"
    start = calendar.walk("VEVENT")[0].decoded("DTSTART")
    assert start.tzinfo is not None and str(start.tzinfo) == "America/New_York"
    assert start.replace(tzinfo=None) == datetime(2030, 3, 4, 17, 0)


@pytest.mark.parametrize(("language", "separator"), [("de_DE", ";"), ("en_US", ",")])
def test_csv_export_offers_the_regions_separator_and_writes_with_the_chosen_one(
    window: MainWindow, tmp_path: Path, language: str, separator: str
) -> None:
    from PySide6.QtCore import QLocale

    recorder = recorder_of(window)
    recorder.save_to = tmp_path / "all.csv"
    QLocale.setDefault(QLocale(language))
    try:
        window.export_csv_action.trigger()
    finally:
        QLocale.setDefault(QLocale.c())
    assert recorder.csv_separators_asked == [separator]
    header = recorder.save_to.read_text(encoding="utf-8-sig").split("\r\n", 1)[0]
    assert header.startswith(f"id{separator}kind{separator}start")
    assert len(read_file(recorder.save_to).sessions) == 3
    recorder.on_csv_separator = lambda _default: None  # Cancel: nothing is asked or written
    recorder.save_to.unlink()
    window.export_csv_action.trigger()
    assert not recorder.save_to.exists()


def test_typing_into_the_form_while_a_file_is_read_is_asked_about_before_the_import(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "watch.gpx"
    path.write_text(gpx_text([Track("2030-03-10T07:00:00Z", points=400)]), encoding="utf-8")
    before = in_file(window)
    prompts = prompts_of(window)
    prompts.unsaved_answer = "cancel"
    with qtbot.waitSignal(window.transfer.import_done, timeout=READ_TIMEOUT_MS) as done:
        window.transfer.import_file(path)
        assert window.transfer.reading  # the window is free while the file is read
        window.new_run_action.trigger()
        window.session_form.fields.distanceField.setValue(7.5)
    assert done.args == [0] and prompts.unsaved_asked == 1
    assert in_file(window) == before  # Cancel kept both the typing and the file unchanged
    assert window.session_form.is_dirty()
    assert window.session_form.fields.distanceField.value() == 7.5
