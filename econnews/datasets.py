"""Public news corpora as articles tables.

Each loader looks for the data in order: the ``path`` you give → the folder named
by ``$ECONNEWS_DATA`` (holding ``reuters21578/`` or ``bbc/``, or the files
themselves) → the cache (``$XDG_CACHE_HOME/econnews`` or ``~/.cache/econnews``)
→ a download of the official archive into the cache, with a progress bar. A
download that cannot happen (no network) raises
:class:`~econnews.errors.DatasetError` saying where to put the files.

These corpora are research-only data owned by others (Reuters Ltd, the BBC):
econnews ships none of them. Read their terms before use.

>>> from econnews import datasets
>>> sorted(datasets.SOURCES)
['bbc', 'reuters21578']
"""

from __future__ import annotations

import os
import shutil
import tarfile
import tempfile
import urllib.error
import urllib.request
import zipfile
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from . import schema
from .common.progress import progress_bar
from .errors import DatasetError
from .load.articles import EXTRA, _unique_ids, flag_duplicates, load_articles
from .load.sgml import SOURCE as REUTERS_SOURCE
from .load.sgml import parse_sgml

__all__ = ["SOURCES", "bbc", "cache_dir", "data_dirs", "reuters21578"]

#: name -> the official archive: ``url`` (https; ``fallback`` is the plain-http address,
#: tried only when the host does not answer on https: the pinned digest still guards
#: the bytes), ``digest`` (``sha256:...`` or ``md5:...`` of the archive, as recorded by
#: other projects that download it: a mismatch is an error), ``max_mb`` (the most the
#: archive and its unpacked files may take: a bigger one is refused, not filled into
#: the disk), ``page`` and what to find once unpacked
SOURCES: dict[str, dict[str, str]] = {
    "reuters21578": {
        "url": "https://kdd.ics.uci.edu/databases/reuters21578/reuters21578.tar.gz",
        "digest": "md5:a22faadd7dde0dfdd784e60087209aa6",
        "max_mb": "100",
        "page": "https://kdd.ics.uci.edu/databases/reuters21578/reuters21578.html",
        "files": "22 files reut2-000.sgm ... reut2-021.sgm",
    },
    "bbc": {
        "url": "https://mlg.ucd.ie/files/datasets/bbc-fulltext.zip",
        "fallback": "http://mlg.ucd.ie/files/datasets/bbc-fulltext.zip",
        "digest": "sha256:a351031a62325b3d7ff13146eeb035c22feca8290913b5183d1ff3be35109495",
        "max_mb": "50",
        "page": "http://mlg.ucd.ie/datasets/bbc.html",
        "files": "the folders business/ entertainment/ politics/ sport/ tech/ of .txt files",
    },
}
REUTERS_STORIES = 21578
BBC_CATEGORIES = ("business", "entertainment", "politics", "sport", "tech")


def cache_dir() -> Path:
    """Where downloaded corpora are kept: ``$XDG_CACHE_HOME/econnews`` or ``~/.cache/econnews``.

    >>> cache_dir().name
    'econnews'
    """
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "econnews"


def _fetch(url: str, dest: Path, *, progress: bool | None = None,
           max_bytes: int | None = None) -> None:
    """Download ``url`` to ``dest`` with a progress bar, refusing more than ``max_bytes``
    (tests replace this function)."""
    with urllib.request.urlopen(url, timeout=60) as resp:
        total = int(resp.headers.get("Content-Length") or 0) or None
        if max_bytes is not None and total is not None and total > max_bytes:
            raise _TooBig(f"the archive is {total:,} bytes, over the {max_bytes:,} expected")
        bar = progress_bar(total=total, desc=dest.name, progress=progress, unit="B")
        got = 0
        try:
            with open(dest, "wb") as out:
                while chunk := resp.read(1 << 16):
                    got += len(chunk)
                    if max_bytes is not None and got > max_bytes:
                        raise _TooBig(f"the archive is over the {max_bytes:,} bytes expected")
                    out.write(chunk)
                    bar.update(len(chunk))
        finally:
            bar.close()


class _TooBig(OSError):
    """An archive, or what it unpacks to, larger than the corpus can be."""


def _check_digest(name: str, archive: Path) -> None:
    """The archive's digest against the pinned one (:data:`SOURCES`), or DatasetError."""
    import hashlib

    pinned = SOURCES[name].get("digest")
    if not pinned:
        return
    algo, _, want = pinned.partition(":")
    h = hashlib.new(algo)
    with open(archive, "rb") as fh:
        while block := fh.read(1 << 20):
            h.update(block)
    if h.hexdigest() != want:
        raise DatasetError(f"the downloaded {name} archive is not the published one ({algo} "
                           f"{h.hexdigest()}, expected {want}); nothing was unpacked. "
                           f"{_where_to_put(name)}")


def _unpack(archive: Path, into: Path, max_bytes: int) -> None:
    """Unpack a .zip or .tar.gz, refusing one whose files add up to more than ``max_bytes``
    (a small archive can unpack to gigabytes) and any path outside ``into``."""
    written = 0
    if archive.suffix == ".zip":
        with zipfile.ZipFile(archive) as zf:
            if sum(i.file_size for i in zf.infolist()) > max_bytes:
                raise _TooBig(f"the archive unpacks to more than {max_bytes:,} bytes")
            for info in zf.infolist():
                target = (into / info.filename).resolve()
                if not target.is_relative_to(into.resolve()):
                    raise _TooBig(f"the archive holds a path outside its folder: {info.filename}")
                if info.is_dir():
                    target.mkdir(parents=True, exist_ok=True)
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                with zf.open(info) as src, open(target, "wb") as out:
                    while block := src.read(1 << 20):
                        written += len(block)
                        if written > max_bytes:  # the sizes the archive declares can lie
                            raise _TooBig(f"the archive unpacks to more than {max_bytes:,} bytes")
                        out.write(block)
        return
    with tarfile.open(archive) as tf:
        members = tf.getmembers()
        if sum(m.size for m in members) > max_bytes:
            raise _TooBig(f"the archive unpacks to more than {max_bytes:,} bytes")
        tf.extractall(into, members=members, filter="data")


def _where_to_put(name: str) -> str:
    src = SOURCES[name]
    return (f"download {src['url']} (see {src['page']}) yourself and unpack {src['files']} "
            f"into {cache_dir() / name}, or set ECONNEWS_DATA to a folder holding {name}/, "
            f"or pass path= (give ECONNEWS_DATA as an absolute path)")


def _download(name: str, *, fetch: Callable[..., None] | None = None,
              progress: bool | None = None) -> Path:
    """Fetch and unpack the official archive into the cache; return the folder."""
    fetch = fetch or _fetch
    src = SOURCES[name]
    target = cache_dir() / name
    cap = int(float(src.get("max_mb", "200")) * 1024 * 1024)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=target.parent) as tmp:
            archive = Path(tmp) / src["url"].rsplit("/", 1)[-1]
            urls = [src["url"], *([src["fallback"]] if src.get("fallback") else [])]
            for k, url in enumerate(urls):
                try:
                    fetch(url, archive, progress=progress, max_bytes=cap)
                    break
                except urllib.error.URLError:  # no https on the host: the next address
                    if k == len(urls) - 1:
                        raise
            _check_digest(name, archive)
            unpacked = Path(tmp) / "unpacked"
            _unpack(archive, unpacked, cap)
            if target.exists():
                shutil.rmtree(target)
            shutil.move(str(unpacked), str(target))
    except (OSError, urllib.error.URLError, tarfile.TarError, zipfile.BadZipFile) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise DatasetError(f"could not download {name} ({reason}); {_where_to_put(name)}") from None
    return target


def data_dirs() -> list[Path]:
    """The folders ``$ECONNEWS_DATA`` may mean, absolute. A relative value is read
    from the folder the user set it in (the shell's ``$PWD``, which a Jupyter kernel
    inherits even though it runs in ``notebooks/``), then from the working folder,
    then from the repository root.

    >>> import os
    >>> os.environ["ECONNEWS_DATA"] = "/srv/corpora"
    >>> [p.as_posix() for p in data_dirs()]
    ['/srv/corpora']
    >>> del os.environ["ECONNEWS_DATA"]
    """
    env = os.environ.get("ECONNEWS_DATA", "").strip()
    if not env:
        return []
    p = Path(os.path.expanduser(env))
    if p.is_absolute():
        return [p]
    bases = [os.environ.get("PWD"), os.getcwd(), Path(__file__).resolve().parents[1]]
    out: list[Path] = []
    for base in bases:
        if base:
            cand = Path(os.path.normpath(Path(base) / p))
            if cand not in out:
                out.append(cand)
    return out


def _candidates(name: str) -> list[Path]:
    out = []
    for d in data_dirs():
        out += [d / name, d]
    out.append(cache_dir() / name)
    return out


def _tried(name: str) -> str:
    """Where a corpus was looked for, for error messages."""
    return "looked in " + ", ".join(str(p) for p in _candidates(name))


def _locate(name: str, path: str | os.PathLike[str] | None, find: Callable[[Path], Path | None],
            *, download: bool, progress: bool | None) -> Path:
    if path is not None:
        found = find(Path(path))
        if found is None:
            raise DatasetError(f"no {name} data in {os.fspath(path)}: expected "
                               f"{SOURCES[name]['files']}; check the path")
        return found
    for cand in _candidates(name):
        found = find(cand)
        if found is not None:
            return found
    if not download:
        raise DatasetError(f"{name} is not on this machine ({_tried(name)}); "
                           f"{_where_to_put(name)}")
    try:
        found = find(_download(name, progress=progress))
    except DatasetError as exc:
        raise DatasetError(f"{str(exc).removeprefix('[E006] ')} ({_tried(name)})") from None
    if found is None:
        raise DatasetError(f"the downloaded {name} archive does not hold "
                           f"{SOURCES[name]['files']}; {_where_to_put(name)}")
    return found


def _find_sgm(folder: Path) -> Path | None:
    for cand in (folder, folder / "sgm", folder / "reuters21578", folder / "reuters21578" / "sgm"):
        if cand.is_dir() and any(cand.glob("reut2-*.sgm")):
            return cand
    return None


def reuters21578(path: str | os.PathLike[str] | None = None, *, download: bool = True,
                 progress: bool | None = None) -> pd.DataFrame:
    """The Reuters-21578 newswire (1987) as an articles table, one row per story.

    Reads the SGML distribution (``reut2-*.sgm``, latin-1). Columns: the articles
    schema (``id`` = ``reuters21578-<NEWID>``, ``date`` to the second, malformed
    stamps included, ``title``, ``source``, ``text`` with entities unescaped and the
    "Reuter" sign-off removed; a headline-only story's text is its headline),
    then ``path``, ``encoding``, ``duplicate_of``, ``duplicate_kind`` (the same story
    filed twice: :func:`econnews.load.flag_duplicates`; 295 exact and 268 near
    repeats among the stories with a body), and ``dateline``, ``topics``,
    ``places``, ``people``, ``orgs``, ``exchanges``, ``companies`` (lists),
    ``has_body``, ``text_type``, ``newid``, ``oldid``, ``lewissplit``,
    ``cgisplit``, ``raw_date``.

    >>> reuters21578("/nonexistent")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    econnews.errors.DatasetError: [E006] no reuters21578 data in /nonexistent: ...
    """
    folder = _locate("reuters21578", path, _find_sgm, download=download, progress=progress)
    files = sorted(folder.glob("reut2-*.sgm"))
    rows = []
    bar = progress_bar(total=len(files), desc="reuters21578", progress=progress, unit="file")
    try:
        for f in files:
            text = f.read_bytes().decode("latin-1")
            rows.extend(parse_sgml(text, path=str(f)))
            bar.update(1)
    finally:
        bar.close()
    if not rows:
        raise DatasetError(f"no <REUTERS> stories in {folder}; {_where_to_put('reuters21578')}")
    frame = pd.DataFrame(rows)
    frame["source"] = REUTERS_SOURCE
    frame["encoding"] = "latin-1"
    frame["id"] = _unique_ids(frame["id"].tolist())
    frame = schema.coerce(frame, {**schema.ARTICLES, **EXTRA})
    for col in ("dateline", "text_type", "lewissplit", "cgisplit", "raw_date"):
        frame[col] = frame[col].astype(schema.STRING)
    frame["has_body"] = frame["has_body"].astype(schema.BOOL)
    frame["newid"] = frame["newid"].astype(schema.INT)
    frame["oldid"] = frame["oldid"].astype(schema.INT)
    return flag_duplicates(frame)


def _find_bbc(folder: Path) -> Path | None:
    for cand in (folder, folder / "bbc"):
        if all((cand / c).is_dir() for c in BBC_CATEGORIES):
            return cand
    return None


def bbc(path: str | os.PathLike[str] | None = None, *, download: bool = True,
        progress: bool | None = None) -> pd.DataFrame:
    """The BBC News 2004-05 set (Greene & Cunningham, ICML 2006) as an articles table.

    One row per story (2,225), ``id`` = ``bbc/<category>/<nnn>``, ``title`` the
    first line, ``source`` "BBC News", no dates (the set has none), a
    ``category`` column, and ``encoding`` (one file is latin-1). A file that
    cannot be read raises :class:`~econnews.errors.DatasetError`.

    >>> bbc("/nonexistent")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    econnews.errors.DatasetError: [E006] no bbc data in /nonexistent: ...
    """
    folder = _locate("bbc", path, _find_bbc, download=download, progress=progress)
    arts, errs = load_articles([folder / c for c in BBC_CATEGORIES], errors="collect",
                               progress=progress)
    if len(errs):
        first = errs.iloc[0]
        raise DatasetError(f"{len(errs)} BBC file(s) could not be read, e.g. {first['path']}: "
                           f"{first['message']}; re-download the set")
    arts = arts.copy()
    rel = [Path(p).relative_to(folder).with_suffix("").as_posix() for p in arts["path"]]
    arts["id"] = pd.array([f"bbc/{r}" for r in rel], dtype=schema.STRING)
    arts["category"] = pd.array([r.split("/", 1)[0] for r in rel], dtype=schema.STRING)
    arts["source"] = pd.array(["BBC News"] * len(arts), dtype=schema.STRING)
    arts.attrs = {"errors": [], "skipped": []}
    return flag_duplicates(arts)
