"""A per-article time budget that holds in every context: no signal, no thread.

The scanner calls :func:`check` in its loops (over numeric cores, word passes,
the paragraph-wide readings, the rows it builds); inside :func:`within` a check
after the deadline raises :class:`OverBudget`. The deadline belongs to the thread
that set it (``threading.local``), so a ``threading.Thread``, a Dask worker thread,
a Jupyter kernel and a worker process all get the budget, several threads each
their own; no ``SIGALRM`` or ``ITIMER_REAL`` timer is touched, so a caller's own
timers keep running. Outside :func:`within` a check costs one attribute lookup.

The granularity is one step of a loop: the scanner's steps are bounded by the
text's size (issue 12), so an article is stopped within a few milliseconds of
its deadline.

>>> import time
>>> with within(0.01):
...     check()          # before the deadline: nothing happens
>>> try:
...     with within(0.001):
...         time.sleep(0.01)
...         check()
... except OverBudget:
...     print("over budget")
over budget
>>> check()              # outside within(): no budget
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager

__all__ = ["OverBudget", "check", "enter", "leave", "paused", "remaining", "within"]

class _Local(threading.local):
    deadline: float | None = None  # a class default: no failed lookup (and its cost) per check


_local = _Local()
_clock = time.monotonic


class OverBudget(BaseException):
    """An article took longer than its time budget (a ``BaseException``, so that no
    ``except Exception`` on the way swallows it)."""


def check() -> None:
    """Raise :class:`OverBudget` when this thread's deadline has passed.

    >>> check() is None
    True
    """
    deadline = _local.deadline
    if deadline is not None and _clock() > deadline:
        raise OverBudget


def remaining() -> float | None:
    """Seconds left of this thread's budget (``None``: no budget).

    >>> remaining() is None
    True
    """
    deadline = getattr(_local, "deadline", None)
    return None if deadline is None else deadline - _clock()


def enter(seconds: float | None) -> float | None:
    """What entering :func:`within` does, without a context manager (for a loop that
    starts a budget per article): this thread's deadline set ``seconds`` from now (``None``:
    unchanged; an earlier deadline is kept). Returns the deadline to give back to
    :func:`leave`.

    >>> previous = enter(5.0)
    >>> 0 < remaining() <= 5.0
    True
    >>> leave(previous); remaining() is None
    True
    """
    previous = _local.deadline
    if seconds is not None:
        deadline = _clock() + float(seconds)
        _local.deadline = deadline if previous is None or deadline < previous else previous
    return previous


def leave(previous: float | None) -> None:
    """Give this thread back the deadline :func:`enter` returned."""
    _local.deadline = previous


class _Within:
    """The context manager :func:`within` returns (a class, not a generator: it is
    entered once per article, and a generator-based one cost three times as much)."""

    __slots__ = ("_previous", "_seconds")

    def __init__(self, seconds: float | None) -> None:
        self._seconds = seconds
        self._previous: float | None = None

    def __enter__(self) -> None:
        self._previous = enter(self._seconds)

    def __exit__(self, *exc: object) -> None:
        leave(self._previous)


def within(seconds: float | None) -> AbstractContextManager[None]:
    """Checks in the block raise :class:`OverBudget` after ``seconds`` (``None``: no
    budget). Nested budgets keep the earlier deadline; the previous one comes back
    after the block.

    >>> with within(None):
    ...     remaining() is None
    True
    """
    return _Within(seconds)


@contextmanager
def paused() -> Iterator[None]:
    """The time the block takes is not counted against this thread's budget: for
    loading a library or a lexicon once (quantulum3's units take seconds to import),
    which is no article's cost.

    >>> import time
    >>> with within(0.05):
    ...     with paused():
    ...         time.sleep(0.1)
    ...     check()      # the sleep was not counted
    """
    start = _clock()
    try:
        yield
    finally:
        deadline = getattr(_local, "deadline", None)
        if deadline is not None:
            _local.deadline = deadline + (_clock() - start)
