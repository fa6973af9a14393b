"""Writing files so that a crash never leaves half of one behind.

>>> import tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as d:
...     target = pathlib.Path(d) / "out.txt"
...     with atomic_write(target) as fh:
...         _ = fh.write(b"done")
...     target.read_bytes()
b'done'
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


@contextmanager
def atomic_write(path: Path) -> Iterator[BinaryIO]:
    """A binary file handle whose content replaces ``path`` only if the block succeeds
    (written to a temporary file in the same folder, synced, then renamed over it)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
