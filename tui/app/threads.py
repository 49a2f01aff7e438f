"""Threads that quitting does not wait for.

Textual runs thread workers (the comparison) on the event loop's default executor, and the
loop's shutdown joins that executor's threads: pressing ``q`` while a slow comparison ran
closed the screen but left the process running until the comparison ended, which on a
hostile story could be never. The comparison is cancelled on quit and stops at its next
step; this executor makes sure nothing waits for a step that takes long to get there.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")


class DaemonExecutor(ThreadPoolExecutor):
    """Runs each call in a daemon thread of its own; shutting down waits for none of them.

    A ThreadPoolExecutor only in type (asyncio takes no other as the default executor): its
    pool of joined threads is never used.
    """

    def submit(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> Future[T]:
        future: Future[T] = Future()

        def run() -> None:
            if not future.set_running_or_notify_cancel():
                return
            try:
                result = fn(*args, **kwargs)
            except BaseException as error:  # handed to whoever awaits the future, as an executor does
                future.set_exception(error)
            else:
                future.set_result(result)

        threading.Thread(target=run, name="storydiff-worker", daemon=True).start()
        return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """Nothing to wait for: the threads are daemons and end with the process."""
