"""One background thread that makes the history's writes, so a slow disk never stalls the UI."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable

Job = Callable[[], object]


class HistoryWriter:
    """Runs submitted jobs one at a time, in order, on a daemon thread of its own.

    A write waits out SQLite's busy timeout when another process holds the
    lock, and a full or failing disk can take as long: done on the UI thread,
    that froze the countdown, the keys and the bell. Jobs are expected to
    handle their own failures (the recorder keeps a failed write queued);
    anything a job still raises is kept in :attr:`last_exception` rather than
    killing the thread. The thread starts with the first job.
    """

    def __init__(self, name: str = "isotimer-history-writer") -> None:
        self.name = name
        self.last_exception: BaseException | None = None
        self._jobs: queue.SimpleQueue[Job | None] = queue.SimpleQueue()
        self._idle = threading.Condition()
        self._waiting = 0
        self._thread: threading.Thread | None = None

    @property
    def busy(self) -> bool:
        """Whether a job is queued or running: the screen says saves are behind."""
        return self._waiting > 0

    def submit(self, job: Job) -> None:
        """Queue ``job``; it runs after every job submitted before it."""
        with self._idle:
            self._waiting += 1
            if self._thread is None:
                self._thread = threading.Thread(target=self._work, name=self.name, daemon=True)
                self._thread.start()
        self._jobs.put(job)

    def wait(self, timeout: float | None = None) -> bool:
        """Block until every submitted job has run; False if ``timeout`` passed first."""
        with self._idle:
            return self._idle.wait_for(lambda: self._waiting == 0, timeout)

    def close(self, timeout: float | None = None) -> bool:
        """Finish the queued jobs and end the thread; False if they outlasted ``timeout``."""
        done = self.wait(timeout)
        with self._idle:
            thread, self._thread = self._thread, None
        if thread is not None:
            self._jobs.put(None)
            thread.join(timeout)
        return done

    def _work(self) -> None:
        while (job := self._jobs.get()) is not None:
            try:
                job()
            except BaseException as error:
                self.last_exception = error
            finally:
                with self._idle:
                    self._waiting -= 1
                    self._idle.notify_all()
