"""Unexpected errors in thread workers: shown, never swallowed.

`Worker.StateChanged` does not bubble: it reaches only the widget or screen that started the
worker, so every node that runs workers routes it here (an App-level handler alone sees none).
"""

from __future__ import annotations

from textual.dom import DOMNode
from textual.worker import Worker, WorkerState


def report_worker_error(node: DOMNode, event: Worker.StateChanged) -> None:
    """An unexpected error in a worker is a bug: say so instead of failing silently."""
    if event.state == WorkerState.ERROR and event.worker.error is not None:
        error = event.worker.error
        node.log.error(f"worker {event.worker.name} failed", error)
        node.app.notify(
            f"{type(error).__name__}: {error}",
            title="Unexpected error",
            severity="error",
            timeout=15,
        )
