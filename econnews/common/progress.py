"""Progress bars: a tqdm bar in notebooks and terminals, silent when piped.

``progress=None`` (the default everywhere in econnews) means "show a bar when a
person is watching": inside a Jupyter kernel, or when stderr is a terminal.
``True`` forces a bar (to stderr), ``False`` silences it.

>>> bar = progress_bar(total=3, desc="articles", progress=False)
>>> bar.update(1)
>>> bar.disable
True
>>> bar.close()
"""

from __future__ import annotations

import sys
from typing import Any

__all__ = ["progress_bar", "wanted"]


def _in_notebook() -> bool:
    shell = sys.modules.get("IPython")
    if shell is None:
        return False
    try:
        ip = shell.get_ipython()  # type: ignore[attr-defined]
    except Exception:
        return False
    return ip is not None and type(ip).__name__ == "ZMQInteractiveShell"


def wanted(progress: bool | None) -> bool:
    """Whether a bar should be drawn for the user's ``progress`` option.

    >>> wanted(False), wanted(True)
    (False, True)
    """
    if progress is not None:
        return bool(progress)
    if _in_notebook():
        return True
    try:
        return sys.stderr is not None and sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def progress_bar(*, total: int | None, desc: str, progress: bool | None = None,
                 unit: str = "article", unit_scale: bool = False) -> Any:
    """A tqdm bar (``tqdm.auto``: a widget in notebooks) or a silent counter.

    The silent bar is a real ``tqdm`` with ``disable=True``, so callers use the
    same ``update``/``close`` calls either way. ``unit_scale=True`` shows kB/MB for
    a bar that counts bytes (``unit="B"``).

    >>> progress_bar(total=10, desc="x", progress=False).disable
    True
    """
    show = wanted(progress)
    if show and _in_notebook():
        from tqdm.auto import tqdm
    else:
        from tqdm import tqdm
    return tqdm(total=total, desc=desc, unit=unit, disable=not show, file=sys.stderr,
                dynamic_ncols=True, leave=False, unit_scale=unit_scale,
                unit_divisor=1024 if unit_scale else 1000)
