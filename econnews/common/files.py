"""Writing files and folders so that a fault never leaves half of one behind.

* :func:`atomic_write`: a file is written to a temporary file beside it, synced,
  and renamed over the target; a failed write (disk full, read-only, killed)
  leaves the previous file as it was and no temporary file.
* :func:`check_writable`: before any work, whether a file or folder can be
  written there (an :class:`~econnews.errors.OutputError` that says the fix).
* :func:`replace_folder`: a folder (a report) built beside its target under a
  lock and swapped in at the end, so the target holds the old complete folder or
  the new complete one after any fault, never a mixture.
* :func:`neutralise_formulas`: text cells that a spreadsheet would run as a
  formula (``=``, ``+``, ``-``, ``@``, tab, carriage return first) get a ``'`` in
  front, as OWASP recommends for CSV files; real numbers stay as they are.

>>> import tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as d:
...     target = pathlib.Path(d) / "out.txt"
...     with atomic_write(target) as fh:
...         _ = fh.write(b"done")
...     target.read_bytes()
b'done'
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

import pandas as pd

from ..errors import OutputError

__all__ = ["MARKER", "atomic_write", "check_writable", "complete_files", "neutralise_formulas",
           "output_error", "public_path", "replace_folder"]

#: the file that marks a folder as a complete econnews report (its file list)
MARKER = ".econnews-report"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?(?:\d[\d,]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?$")


# ------------------------------------------------------------------ errors


def output_error(exc: OSError, path: str | os.PathLike[str]) -> OutputError:
    """An :class:`OutputError` saying, in one line, why ``path`` could not be written
    and what to do.

    >>> str(output_error(OSError(28, "No space left on device"), "q.csv"))  # doctest: +ELLIPSIS
    '[E007] cannot write q.csv: the disk is full; free some space or write ... (any previous file is kept)'
    """
    where = os.fspath(path)
    code = exc.errno
    if code in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        why = "the disk is full" if code != errno.EFBIG else "the file size limit was reached"
        fix = "free some space or write to another disk with -o/--out"
    elif code == errno.EROFS:
        why, fix = "the disk is read-only", "write to a folder you can write, with -o/--out"
    elif code in (errno.EACCES, errno.EPERM):
        why, fix = "permission denied", "choose a folder you can write, or fix its permissions"
    elif code in (errno.ENOENT, errno.ENOTDIR):
        why, fix = "the folder does not exist", "create it, or choose another path"
    elif code == errno.EISDIR:
        why, fix = "a folder has that name", "give a file name"
    else:
        why, fix = (exc.strerror or str(exc)), "choose another output path"
    return OutputError(f"cannot write {where}: {why}; {fix} (any previous file is kept)")


def check_writable(path: str | os.PathLike[str], *, folder: bool = False) -> Path:
    """Check, before any work, that a file (or, with ``folder=True``, a folder) can be
    written at ``path``; return it as a Path. Missing parent folders are fine when
    they can be created. Raises :class:`OutputError` with the fix.

    >>> check_writable("/proc/nope/q.csv")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    econnews.errors.OutputError: [E007] cannot write /proc/nope/q.csv: ...
    """
    target = Path(path)
    if target.exists():
        if folder and not target.is_dir():
            raise OutputError(f"{target} exists and is not a folder; choose another --out")
        if not folder and target.is_dir():
            raise OutputError(f"{target} is a folder; give a file name such as "
                              f"{target / 'quantities.csv'}")
    # the nearest folder that exists must take a new file (a real try: read-only
    # mounts and /proc answer os.access wrongly for root)
    probe_dir = target.parent if not folder else target
    while not probe_dir.exists():
        if probe_dir.parent == probe_dir:
            break
        probe_dir = probe_dir.parent
    if not probe_dir.is_dir():
        raise OutputError(f"cannot write {target}: {probe_dir} is a file, not a folder; "
                          "choose another path")
    try:
        fd, probe = tempfile.mkstemp(dir=probe_dir, prefix=".econnews-probe-")
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise output_error(exc, target) from None
    return target


# ------------------------------------------------------------------ one file


@contextmanager
def atomic_write(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """A binary file handle whose content replaces ``path`` only if the block succeeds
    (written to a temporary file in the same folder, synced, then renamed over it).
    A write that fails (disk full, read-only, no permission) raises
    :class:`OutputError` and leaves the previous file and no temporary file."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temps(path)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{os.getpid()}-",
                                   suffix=".tmp")
    except OSError as exc:
        raise output_error(exc, path) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise output_error(exc, path) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


#: a temporary file of :func:`atomic_write`: ``.NAME.PID-XXXX.tmp`` (older versions:
#: ``.NAME.XXXX.tmp``, no process id)
_TEMP = re.compile(r"^\.(?P<name>.+)\.(?:(?P<pid>\d+)-)?[^.]+\.tmp$")
#: a temporary file without a process id is stale after this many seconds
_OLD_TEMP_SECONDS = 3600


def _alive(pid: int) -> bool:
    """Whether a process with this id runs (on this machine).

    >>> _alive(os.getpid())
    True
    """
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # another user's process: alive
    return True


def remove_stale_temps(path: str | os.PathLike[str]) -> list[Path]:
    """Remove what killed writes of ``path`` left beside it (``.NAME.PID-XXXX.tmp`` whose
    process is gone; an older ``.NAME.XXXX.tmp`` after an hour) and return them. A
    temporary file of a writer that still runs is left alone.

    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as d:
    ...     stale = pathlib.Path(d, ".q.xlsx.999999999-abc.tmp")
    ...     _ = stale.write_bytes(b"half")
    ...     [p.name for p in remove_stale_temps(pathlib.Path(d, "q.xlsx"))]
    ['.q.xlsx.999999999-abc.tmp']
    """
    import time

    path = Path(path)
    removed = []
    try:
        entries = list(path.parent.glob(f".{glob_escape(path.name)}.*.tmp"))
    except OSError:
        return removed
    for entry in entries:
        m = _TEMP.match(entry.name)
        if m is None or m.group("name") != path.name:
            continue
        pid = m.group("pid")
        with contextlib.suppress(OSError):
            stale = (not _alive(int(pid))) if pid else \
                time.time() - entry.stat().st_mtime > _OLD_TEMP_SECONDS
            if stale:
                entry.unlink()
                removed.append(entry)
    return removed


def glob_escape(name: str) -> str:
    """``name`` with glob characters escaped.

    >>> glob_escape("q[1].csv")
    'q[[]1].csv'
    """
    import glob

    return glob.escape(name)


# ------------------------------------------------------------------ a folder


def _holder(lock_path: Path) -> str:
    """Who holds (or held) a report lock, from what it records: ``process 12 of ana``."""
    try:
        owner = lock_path.owner()
    except (OSError, KeyError, NotImplementedError):
        owner = None
    try:
        pid, _, user = lock_path.read_text("utf-8", "replace").strip().partition(" ")
    except OSError:
        pid, user = "", ""
    who = user or owner or "another user"
    return f"process {pid} of {who}" if pid.isdigit() else f"a process of {who}"


def _open_lock(lock_path: Path, target: Path) -> tuple[int, bool]:
    """The lock file's fd, and whether it was opened for writing. Another user's lock
    file left by a killed report cannot be opened for writing: it is opened to read
    (a lock works on it as well), or removed and made anew when the folder allows."""
    try:
        return os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644), True
    except PermissionError as exc:
        if not lock_path.exists():
            raise output_error(exc, target) from None
        try:
            return os.open(lock_path, os.O_RDONLY), False
        except OSError:
            raise OutputError(
                f"cannot write {target}: its lock {lock_path} was left by {_holder(lock_path)} "
                "and cannot be opened; if no report is being written there, remove "
                f"{lock_path}") from None
    except OSError as exc:
        raise output_error(exc, target) from None


def _lock(lock_path: Path, target: Path) -> int:
    """An exclusive, non-blocking lock on ``lock_path`` (its fd), or OutputError naming
    the holder. A lock left by a report whose process is gone is taken over."""
    import fcntl
    import getpass

    for _ in range(5):
        fd, writable = _open_lock(lock_path, target)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise OutputError(f"another econnews report is being written into {target} "
                              f"({_holder(lock_path)}, lock {lock_path}); wait for it to "
                              "finish, or choose another --out") from None
        if not writable:  # its process is gone (we hold the lock): take the file over
            with contextlib.suppress(OSError):
                os.unlink(lock_path)
                os.close(fd)
                continue  # made anew, ours, on the next turn
        # the holder before us may have removed the file after we opened it
        try:
            if os.fstat(fd).st_ino == os.stat(lock_path).st_ino:
                if writable:
                    with contextlib.suppress(OSError, KeyError):
                        os.ftruncate(fd, 0)
                        os.write(fd, f"{os.getpid()} {getpass.getuser()}\n".encode())
                return fd
        except FileNotFoundError:
            pass
        os.close(fd)
    raise OutputError(f"could not lock {target}; try again")


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step (Linux renameat2 RENAME_EXCHANGE); False
    where the system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                          ctypes.c_uint]
    rc = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    if rc == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), os.fspath(b))


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _is_ours(folder: Path) -> bool:
    """Whether ``folder`` is empty or an econnews report (safe to replace whole)."""
    entries = list(folder.iterdir())
    if not entries or (folder / MARKER).is_file():
        return True
    index = folder / "index.html"
    try:
        return index.is_file() and "econnews" in index.read_text("utf-8", "replace")[-2000:]
    except OSError:
        return False


def _recover(target: Path) -> None:
    """Undo what a killed run left beside ``target`` (we hold the lock)."""
    parent, name = target.parent, target.name
    olds = sorted(parent.glob(f".{name}.old-*"))
    if not target.exists() and olds:  # killed between the two renames of the fallback
        os.rename(olds[-1], target)
        olds = olds[:-1]
    for stray in [*olds, *parent.glob(f".{name}.new-*")]:
        shutil.rmtree(stray, ignore_errors=True)


@contextmanager
def replace_folder(target: str | os.PathLike[str]) -> Iterator[Path]:
    """Build a folder beside ``target`` and swap it in when the block succeeds.

    Yields an empty staging folder (``.NAME.new-PID`` beside the target) to write
    into. On success a :data:`MARKER` file listing every file is added and the
    staging folder replaces the target in one atomic exchange (Linux), or two
    renames that the next run completes if it is killed between them; the old
    folder is then removed, so files the new folder does not hold do not stay. On
    failure the staging folder is removed and the target is untouched. A second
    writer into the same target fails at once (:class:`OutputError`), and a target
    that holds files of its own (not an econnews report) is refused.

    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as d:
    ...     with replace_folder(pathlib.Path(d) / "report") as tmp:
    ...         _ = (tmp / "a.txt").write_text("new")
    ...     sorted(p.name for p in pathlib.Path(d, "report").iterdir())
    ['.econnews-report', 'a.txt']
    """
    target = Path(os.path.abspath(check_writable(target, folder=True)))
    parent = target.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise output_error(exc, target) from None
    lock_path = parent / f".{target.name}.lock"
    fd = _lock(lock_path, target)
    staging = parent / f".{target.name}.new-{os.getpid()}"
    try:
        _recover(target)
        if target.exists() and not _is_ours(target):
            raise OutputError(f"{target} holds files that are not an econnews report; "
                              "choose a new or empty folder for --out")
        try:
            staging.mkdir()
        except OSError as exc:
            raise output_error(exc, target) from None
        try:
            yield staging
            files = sorted(p.relative_to(staging).as_posix()
                           for p in staging.rglob("*") if p.is_file())
            with atomic_write(staging / MARKER) as fh:
                fh.write(("\n".join(files) + "\n").encode("utf-8"))
            _fsync_dir(staging)
            _swap(staging, target)
            _fsync_dir(parent)
        except OutputError as exc:  # name the target, not the staging folder
            shutil.rmtree(staging, ignore_errors=True)
            message = str(exc).removeprefix(f"[{OutputError.code}] ")
            raise OutputError(message.replace(str(staging), str(target))) from None
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    finally:
        with contextlib.suppress(OSError):
            os.unlink(lock_path)
        os.close(fd)


def _swap(staging: Path, target: Path) -> None:
    """Put ``staging`` at ``target``; remove what was there."""
    try:
        if not target.exists():
            os.rename(staging, target)
            return
        if _exchange(staging, target):
            shutil.rmtree(staging, ignore_errors=True)  # now the old folder
            return
        old = target.parent / f".{target.name}.old-{os.getpid()}"
        os.rename(target, old)
        os.rename(staging, target)
        shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:
        raise output_error(exc, target) from None


def complete_files(folder: str | os.PathLike[str]) -> list[str] | None:
    """The files a complete report folder lists in its :data:`MARKER`, if every one is
    there and nothing else is; ``None`` for an incomplete or mixed folder.

    >>> complete_files("/nonexistent") is None
    True
    """
    folder = Path(folder)
    try:
        listed = (folder / MARKER).read_text("utf-8").split()
    except OSError:
        return None
    present = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")
                     if p.is_file() and p.name != MARKER)
    return listed if sorted(listed) == present else None


# ------------------------------------------------------------------ paths


def public_path(path: str | os.PathLike[str],
                roots: Iterator[Any] | list[Any] | tuple[Any, ...] = ()) -> str:
    """``path`` as it may appear in an output file: never a local absolute path.

    A path under one of the input ``roots`` is written from that root's name
    (``data/reported/x.txt``), a path under the working folder relative to it,
    anything else by its name alone.

    >>> public_path("/home/ana/news/x/a.txt", ["/home/ana/news"])
    'news/x/a.txt'
    >>> public_path("/elsewhere/b.txt")
    'b.txt'
    >>> public_path("rel/c.txt")
    'rel/c.txt'
    """
    p = Path(path)
    if not p.is_absolute():
        return p.as_posix()
    for root in roots:
        r = Path(root)
        if not r.is_absolute():
            r = Path.cwd() / r
        with contextlib.suppress(ValueError):
            rel = p.relative_to(r)
            return (Path(r.name) / rel).as_posix() if rel.parts else r.name
    with contextlib.suppress(ValueError):
        return p.relative_to(Path.cwd()).as_posix()
    return p.name


# ------------------------------------------------------------------ cells


def _guard(value: Any) -> Any:
    """A ``'`` before a cell a spreadsheet would run as a formula, including one that
    begins with a full-width ``＝ ＋ － ＠`` (spreadsheets with East Asian input read
    those as the ASCII signs).

    >>> _guard("＝1+1"), _guard("-5"), _guard("=A1")
    ("'＝1+1", '-5', "'=A1")
    """
    if isinstance(value, str) and value and not _NUMBER.match(value) and (
            value.startswith(_FORMULA_START)
            or unicodedata.normalize("NFKC", value[0]) in _FORMULA_START):
        return "'" + value
    return value


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells cannot run as spreadsheet formulas: a cell that begins
    with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets ``'`` in front
    (OWASP's advice for CSV files). Numbers, numeric columns, text that is a plain
    number ("-5", "+2.5%") and categorical columns (econnews' own vocabularies, such
    as ``bound`` ``=``) stay as they are. Column names are guarded too.

    >>> t = pd.DataFrame({"id": ["=HYPERLINK(1)", "a", "-5"], "value": [-1.0, 2.0, 3.0],
    ...                   "bound": pd.Categorical(["=", "~", "="])})
    >>> neutralise_formulas(t).values.tolist()
    [["'=HYPERLINK(1)", -1.0, '='], ['a', 2.0, '~'], ['-5', 3.0, '=']]
    """
    out = frame.copy()
    for name in out.columns:
        col = out[name]
        if pd.api.types.is_numeric_dtype(col.dtype) or pd.api.types.is_bool_dtype(col.dtype) \
                or pd.api.types.is_datetime64_any_dtype(col.dtype) \
                or isinstance(col.dtype, pd.CategoricalDtype):
            continue  # categories are econnews' own vocabularies (bound "=", kind ...)
        mapped = col.map(_guard)
        out[name] = mapped.astype(col.dtype) if mapped.dtype != col.dtype else mapped
    out.columns = [_guard(c) for c in out.columns]
    return out
