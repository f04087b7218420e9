"""A cancellable progress dialog fed by desktop.interop's `progress(done, total)` callback."""

from __future__ import annotations

from PySide6.QtWidgets import QProgressDialog, QWidget

# Reading that ends sooner than this never shows the dialog.
SHOW_AFTER_MS = 500


class ReadingProgress:
    """Call it as `progress(done, total)`; it returns False once the person pressed Cancel."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        self.dialog = QProgressDialog(label, "Cancel", 0, 100, parent)
        self.dialog.setObjectName("readingProgressDialog")
        self.dialog.setWindowTitle("Reading the file")
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        # Window-modal: setValue then processes events, which is how Cancel gets through.
        self.dialog.setModal(True)
        self.dialog.setValue(0)

    def __call__(self, done: int, total: int) -> bool:
        """Show how far reading got; False asks the reader to stop."""
        if self.dialog.wasCanceled():
            return False
        maximum = max(total, 1)
        if self.dialog.maximum() != maximum:
            self.dialog.setMaximum(maximum)
        self.dialog.setValue(min(max(done, 0), maximum))
        return not self.dialog.wasCanceled()

    @property
    def cancelled(self) -> bool:
        """True once Cancel was pressed."""
        return self.dialog.wasCanceled()

    def cancel(self) -> None:
        """Cancel as the button does."""
        self.dialog.cancel()

    def close(self) -> None:
        """Hide the dialog for good (reading finished, failed or was cancelled)."""
        self.dialog.reset()
        self.dialog.hide()
        self.dialog.deleteLater()
