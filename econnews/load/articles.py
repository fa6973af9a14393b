"""Articles in: files, folders, globs and exports as one articles table.

``load_articles`` reads

* ``.txt`` / ``.md``: one article per file. Optional front matter at the top
  (``---`` / ``key: value`` lines / ``---``) gives ``id``, ``date``, ``title``,
  ``source``, ``url`` and any other metadata; without a title the first line is
  the title. The article ``text`` is the file as read minus the front matter
  (the title line stays in the text).
* ``.json`` (a record, a list of records, or an object holding one under
  ``articles``/``results``/``data``/``items``/``documents``/``response.results``)
  and ``.jsonl`` / ``.ndjson`` (one record a line): field names are mapped by
  ``fields=`` and by defaults for common exports (see :mod:`econnews.load.fields`).
* ``.csv``: an article table, one article a row, columns mapped like JSON fields.
* ``.html`` / ``.htm``: main text and metadata via ``trafilatura``.
* folders (recursively), globs (``news/**/*.txt``) and ``-`` (standard input).

In a folder, files named exactly ``README``, ``TERMS``, ``LICENSE``/``LICENCE`` or
``COPYING`` (with any extension: ``README.md``; never ``terms-of-trade-shock.txt``),
files of other types, links leading outside the folder and links to folders
(unless ``follow_links=True``), and named pipes, sockets and devices are skipped,
each listed in ``articles.attrs["skipped"]`` with its reason; hidden files and
folders are passed over. A file over ``max_bytes`` (64 MB) is a ``too-large``
error row, a folder that cannot be listed an ``unreadable`` one. A
``manifest.csv`` is metadata, not articles: its rows (columns ``file``, then any of
``id``, ``date``, ``title``, ``source``, ``url`` and others such as ``note``)
describe the files beside it and under it (``file`` may be ``2019/a.txt``; the
nearest manifest wins); manifest values win over front matter, which wins over
what is inferred (first line, file name). A manifest row whose file is missing is
an error row (``missing-file``). Lone surrogates (``"\\ud800"`` in JSON) become
U+FFFD, one character for one.

Text is decoded as UTF-8 (with or without BOM, or UTF-16 with BOM), else as the
East Asian or other encoding that reads it clearly (GB18030, Shift-JIS, Big5,
EUC-KR, cp1251...), falling back to cp1252 then latin-1; the ``encoding`` column
records which. Line endings
become ``\\n`` and nothing else is changed, so offsets the extractor reports index
the table's ``text`` exactly. Extra columns: ``path`` (the file read),
``encoding``, ``duplicate_of`` and ``duplicate_kind`` (see :func:`flag_duplicates`)
and any metadata.

Every input is accounted for: an input is a text or HTML file, a JSON/CSV
record (a JSON/CSV file that cannot be parsed or holds no record counts as one
input), or a manifest row naming a missing file; inputs == rows + error rows,
always, and every file read appears in the ``path`` of a row or an error.
Error rows (schema ``ERRORS``; ``stage`` is ``"load"``) have these codes:
``not-found``, ``unreadable``, ``empty``, ``binary``, ``bad-json``, ``bad-record``,
``bad-csv``, ``bad-html``, ``html-reader``, ``no-text``, ``bad-date``,
``unsupported``, ``missing-file``, ``too-large``, ``not-a-file``, ``unknown-encoding``
(not UTF-8, and no reading is sure: a short text that could be Chinese or Korean,
or whose Latin reading would be mojibake). ``errors=`` chooses what happens to them:

* ``"warn"`` (default): return the articles, emit one :class:`LoadWarning`
  summarising the errors, and keep them as records in
  ``articles.attrs["errors"]`` (read them as a table with :func:`errors_table`);
* ``"collect"``: return ``(articles, errors)`` (attrs set as well);
* ``"raise"``: raise :class:`~econnews.errors.InputError` at the first bad input.

Ids are unique: a repeated id gets ``#2``, ``#3``... appended. The same story
filed twice, word for word or nearly (a corrected figure, a new dateline or
headline, a cut), is flagged and kept: ``duplicate_of`` names the earliest
article it repeats, ``duplicate_kind`` says ``exact`` or ``near`` (definitions and
thresholds: :func:`flag_duplicates`).

>>> import econnews as en
>>> arts = en.load_articles("data").set_index("id")
>>> arts.loc["russia-japan-trade-30bn", "date"]
Timestamp('2019-01-22 00:00:00')
"""

from __future__ import annotations

import contextlib
import glob
import io
import json
import os
import re
import stat
import sys
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from .. import schema
from ..common.progress import progress_bar
from ..common.text import without_surrogates
from ..errors import InputError, LoadWarning
from .dedup import NEAR_THRESHOLD, WINDOW
from .dedup import flag as _flag
from .fields import check_fields, resolve
from .text import Problem, decode, first_line_title, parse_date, split_front_matter

__all__ = ["LoadWarning", "errors_table", "flag_duplicates", "load_articles"]

PathLike = str | os.PathLike[str]
ErrorMode = Literal["warn", "collect", "raise"]

#: suffix -> reader kind
KINDS: dict[str, str] = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv",
    ".html": "html", ".htm": "html",
}
#: not articles: these exact names, with or without extensions (README, README.md,
#: LICENSE.txt), never a story whose name merely begins so (terms-of-trade-shock.txt)
_SKIP = re.compile(r"^(?:(?:readme|terms|licen[cs]e|copying)(?:\.[A-Za-z0-9]+)*|manifest\.csv"
                   r"|corrections\.csv)$", re.IGNORECASE)
#: data files beside the articles, passed over in silence (metadata; the analyst's fixes)
_DATA_FILES = ("manifest.csv", "corrections.csv")
#: files larger than this are a ``too-large`` error row (``max_bytes=``)
MAX_BYTES = 64 * 1024 * 1024
_READ_BLOCK = 1 << 20
_GLOB_CHARS = re.compile(r"[*?\[]")
_ARRAY_KEYS = ("articles", "results", "data", "items", "documents", "docs", "records")
#: The columns every articles table has after ``schema.ARTICLES``: ``path``,
#: ``encoding``, ``duplicate_of`` (``schema.ARTICLE_EXTRAS``) and ``duplicate_kind``
#: (defined here until ``schema.ARTICLE_EXTRAS`` holds it).
EXTRA: dict[str, object] = schema.ARTICLE_EXTRAS


@dataclass
class _Run:
    mode: str
    fields: dict[str, tuple[str, ...]]
    max_bytes: int | None = MAX_BYTES
    follow_links: bool = False
    rows: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[dict[str, str]] = field(default_factory=list)
    manifests: dict[Path, dict[str, dict[str, str]]] = field(default_factory=dict)
    seen_files: dict[tuple[int, int], str] = field(default_factory=dict)

    def error(self, *, doc_id: str | None, path: str, code: str, message: str) -> None:
        if self.mode == "raise":
            raise InputError(f"{path}: {message} [{code}]")
        self.errors.append({"doc_id": doc_id, "path": path, "stage": "load", "code": code,
                            "message": message})

    def skip(self, path: Path, reason: str) -> None:
        self.skipped.append({"path": str(path), "reason": reason})


# --------------------------------------------------------------------------- inputs


def _skip_name(name: str) -> bool:
    return name.startswith(".") or bool(_SKIP.match(name))


def _special_kind(mode: int) -> str | None:
    """What a non-regular file is (``None`` for a regular file)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
        return True
    except (ValueError, OSError, RuntimeError):
        return False


def _check_file(path: Path, folder: Path | None, run: _Run) -> bool:
    """Whether a file found in ``folder`` may be read; records why not."""
    if path.is_symlink() and folder is not None and not run.follow_links \
            and not _inside(path, folder):
        run.skip(path, "link leading outside the folder (follow_links=True, "
                       "--follow-links, reads it)")
        return False
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        run.skip(path, f"broken link or unreadable entry ({exc.strerror or exc})")
        return False
    kind = _special_kind(mode)
    if kind is not None:
        run.skip(path, f"{kind}, not a file")
        return False
    return True


def _missing_rows(here: Path, run: _Run) -> None:
    """A ``missing-file`` error per row of ``here/manifest.csv`` naming no file."""
    for rel, meta in _manifest(here, run).items():
        target = here / rel
        if Path(rel).is_absolute() or not _inside(target, here):
            run.skip(target, f"manifest.csv row {rel!r} points outside its folder; a "
                             "manifest describes the files beside it and under it")
            continue
        if not target.exists():
            run.error(doc_id=meta.get("id") or Path(rel).stem, path=str(target),
                      code="missing-file",
                      message=f"manifest.csv lists {rel!r} but the file is not there; "
                              "add the file or remove its manifest row")


def _walk(folder: Path, run: _Run) -> Iterator[tuple[Path, Path]]:
    def unreadable(exc: OSError) -> None:
        where = exc.filename or folder
        run.error(doc_id=None, path=str(where), code="unreadable",
                  message=f"cannot list the folder ({exc.strerror or exc}); check its "
                          "permissions")

    seen_dirs = {_identity(folder)}
    for dirpath, dirnames, filenames in os.walk(folder, onerror=unreadable,
                                                followlinks=run.follow_links):
        here = Path(dirpath)
        kept = []
        for d in sorted(dirnames):
            if d.startswith("."):
                continue
            sub = here / d
            if sub.is_symlink() and not run.follow_links:
                run.skip(sub, "link to a folder, not followed (follow_links=True, "
                              "--follow-links, reads it)")
                continue
            ident = _identity(sub)
            if ident is not None and ident in seen_dirs:  # "again -> ." would loop
                run.skip(sub, "link to a folder already read (a link loop, or a second "
                              "way to the same folder)")
                continue
            seen_dirs.add(ident)
            kept.append(d)
        dirnames[:] = kept
        if (here / "manifest.csv").is_file():
            _missing_rows(here, run)
        for name in sorted(filenames):
            path = here / name
            if _skip_name(name):
                if name.lower() not in _DATA_FILES and not name.startswith("."):
                    run.skip(path, "not an article (README, TERMS, LICENSE or COPYING)")
                continue
            if path.suffix.lower() not in KINDS:
                if path.is_symlink() or path.is_file():
                    run.skip(path, "unsupported file type")
                else:
                    _check_file(path, folder, run)
                continue
            if _check_file(path, folder, run):
                ident = _identity(path) if run.follow_links else None
                if ident is not None and ident in run.seen_files:
                    run.skip(path, f"the same file as {run.seen_files[ident]}, reached "
                                   "through a link")
                    continue
                if ident is not None:
                    run.seen_files[ident] = str(path)
                yield path, folder


def _identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of what ``path`` leads to, or None when it cannot be read."""
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _named_file(p: Path, run: _Run) -> bool:
    """A path named by the user that is not a folder: a file, or an error row."""
    try:
        mode = p.stat().st_mode
    except OSError:
        run.error(doc_id=None, path=str(p), code="not-found",
                  message="no such file or folder; check the path")
        return False
    kind = _special_kind(mode)
    if kind is not None:
        run.error(doc_id=p.stem, path=str(p), code="not-a-file",
                  message=f"this is {kind}, not a file; pass a text, HTML, JSON or CSV file")
        return False
    return True


def _inputs(paths: Sequence[PathLike], run: _Run) -> Iterator[tuple[Path | None, Path | None]]:
    """(file, root for relative ids) for every input; (None, None) is stdin."""
    for raw in paths:
        s = os.fspath(raw)
        if s == "-":
            yield None, None
            continue
        p = Path(s)
        if p.is_dir():
            yield from _walk(p, run)
        elif os.path.lexists(p):
            if _named_file(p, run):
                yield p, None
        elif _GLOB_CHARS.search(s):
            matches = sorted(glob.glob(s, recursive=True))
            if not matches:
                run.error(doc_id=None, path=s, code="not-found",
                          message="no file matches this pattern; check the glob")
            for m in matches:
                mp = Path(m)
                if mp.is_dir():
                    yield from _walk(mp, run)
                elif _skip_name(mp.name):
                    if not mp.name.startswith(".") and mp.name.lower() not in _DATA_FILES:
                        run.skip(mp, "not an article (README, TERMS, LICENSE or COPYING)")
                elif _check_file(mp, None, run):
                    yield mp, None
        else:
            run.error(doc_id=None, path=s, code="not-found",
                      message="no such file or folder; check the path")


def _manifest(folder: Path, run: _Run) -> dict[str, dict[str, str]]:
    if folder in run.manifests:
        return run.manifests[folder]
    table: dict[str, dict[str, str]] = {}
    path = folder / "manifest.csv"
    if path.is_file():
        try:
            text, _ = decode(path.read_bytes())
            frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
            if "file" not in frame.columns:
                raise Problem("bad-manifest", "it has no 'file' column")
            for rec in frame.to_dict("records"):
                name = str(rec.pop("file")).strip().replace("\\", "/").removeprefix("./")
                if name:
                    table[name] = {k: _clean(v) for k, v in rec.items()
                                   if isinstance(v, str) and v.strip()}
        except (Problem, ValueError, OSError, pd.errors.ParserError) as exc:
            msg = f"{path}: manifest.csv ignored: {exc}; fix it (CSV with a 'file' column)"
            if run.mode == "raise":
                raise InputError(msg) from None
            warnings.warn(msg, LoadWarning, stacklevel=4)
            table = {}
    run.manifests[folder] = table
    return table


def _manifest_for(file: Path, root: Path | None, run: _Run) -> dict[str, str] | None:
    """What the manifests above ``file`` say of it (up to the folder walked, nearest
    wins): a manifest describes the files beside it and under it."""
    merged: dict[str, str] = {}
    found = False
    folders = [file.parent]
    if root is not None:
        here = file.parent
        while here != root and root in here.parents:
            here = here.parent
            folders.append(here)
    for folder in reversed(folders):
        table = _manifest(folder, run)
        if not table:
            continue
        rel = file.relative_to(folder).as_posix()
        if rel in table:
            merged.update(table[rel])
            found = True
    return merged if found else None


# --------------------------------------------------------------------------- readers


def _file_id(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return path.relative_to(root).with_suffix("").as_posix()
        except ValueError:
            pass
    return path.stem


def _clean(value: Any) -> Any:
    """Lone surrogates (``"\\ud800"`` is valid JSON) become U+FFFD: one character for
    one, so offsets into the text stay right, and pyarrow can store the string. Line
    endings become ``\\n`` in every field, as in the text (a bare ``\\r`` in a CSV cell
    splits the row for most readers).

    >>> _clean("Reuters\\r\\nTokyo\\ud800")
    'Reuters\\nTokyo\ufffd'
    """
    if not isinstance(value, str):
        return value
    value = without_surrogates(value)
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value


def _read(path: Path | None, run: _Run, bar: Any) -> bytes | bytearray:
    """The bytes of a file (or stdin), counted on the progress bar as they come;
    more than ``run.max_bytes`` is a ``too-large`` problem."""
    limit = run.max_bytes
    if path is None:
        data = sys.stdin.buffer.read() if limit is None else sys.stdin.buffer.read(limit + 1)
        if limit is not None and len(data) > limit:
            raise Problem("too-large", f"standard input holds more than {_size(limit)}; "
                                       "split it or raise max_bytes (--max-size)")
        return data
    try:
        size = path.stat().st_size
        if limit is not None and size > limit:
            raise Problem("too-large", f"the file is {_size(size)}, over the {_size(limit)} "
                                       "limit; split it or raise max_bytes (--max-size)")
        if size <= _READ_BLOCK:
            data = path.read_bytes()
            bar.update(len(data))
            return data
        # read into one buffer of the file's size: memory stays the file's size
        buf = bytearray(size)
        view = memoryview(buf)
        got = 0
        with open(path, "rb") as fh:
            while got < size and (n := fh.readinto(view[got:got + _READ_BLOCK])):
                got += n
                bar.update(n)
        view.release()
        del buf[got:]
        return buf
    except OSError as exc:
        raise Problem("unreadable", f"cannot read the file ({exc.strerror or exc}); "
                                    "check its permissions") from None


def _size(n: int) -> str:
    """``67108864`` -> ``'64 MB'``.

    >>> _size(64 * 1024 * 1024), _size(1500)
    ('64 MB', '1.5 KB')
    """
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= scale:
            return f"{n / scale:.3g} {unit}"
    return f"{n} bytes"


def _sniff_kind(text: str) -> str:
    first = re.match(r"\s*(\S)", text)  # (lstrip() would copy a large text)
    head = first.group(1) if first else ""
    if head == "[":
        return "json"
    if head == "{":
        try:
            json.loads(text)
            return "json"
        except ValueError:
            return "jsonl"
    if head == "<":
        return "html"
    return "text"


def _text_record(text: str, *, markdown: bool) -> dict[str, Any]:
    meta, body = split_front_matter(text)
    rec: dict[str, Any] = dict(meta)
    if not body or body.isspace():
        raise Problem("no-text", "the file has front matter but no text after it")
    rec["text"] = body
    if not rec.get("title"):
        rec["title"] = first_line_title(body, markdown=markdown)
    return rec


def _html_record(text: str) -> dict[str, Any]:
    try:
        import trafilatura
    except Exception as exc:  # e.g. ImportError: lxml >= 5.2 without lxml_html_clean
        raise Problem("html-reader", f"the HTML reader cannot start ({exc}); reinstall "
                                     "econnews (pip install -e .) to get trafilatura and "
                                     "lxml_html_clean, or pass the text as .txt") from None
    try:
        doc = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False)
        if doc is not None and not isinstance(doc, dict):
            doc = doc.as_dict()
    except Exception as exc:  # trafilatura/lxml raise many kinds on broken markup
        raise Problem("bad-html", f"the HTML could not be parsed ({type(exc).__name__}); "
                                  "save the page again or pass its text") from None
    if not doc or not (doc.get("text") or "").strip():
        raise Problem("no-text", "no main text found in the HTML page; pass the article "
                                 "text as .txt instead")
    rec = {"text": doc["text"], "title": doc.get("title"), "date": doc.get("date"),
           "url": doc.get("url"), "source": doc.get("sitename") or doc.get("hostname")}
    if doc.get("author"):
        rec["author"] = doc["author"]
    return rec


def _json_records(text: str, kind: str) -> Iterator[tuple[int, Any]]:
    """(1-based position, record or Problem) per record."""
    if kind == "jsonl":
        for lineno, line in enumerate(text.split("\n"), 1):
            if not line.strip():
                continue
            try:
                yield lineno, json.loads(line)
            except ValueError as exc:
                yield lineno, Problem("bad-json", f"line {lineno} is not JSON ({exc}); "
                                                  "fix or remove the line")
        return
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise Problem("bad-json", f"the file is not JSON ({exc}); check it or use .jsonl "
                                  "for one record a line") from None
    if isinstance(data, Mapping):
        inner = data.get("response") if isinstance(data.get("response"), Mapping) else data
        for key in ("results", *_ARRAY_KEYS):
            if isinstance(inner.get(key), list):
                data = inner[key]
                break
        else:
            data = [data]
    if not isinstance(data, list):
        raise Problem("bad-json", "the JSON holds neither a record nor a list of records")
    yield from enumerate(data, 1)


def _csv_records(text: str) -> Iterator[tuple[int, Any]]:
    try:
        with warnings.catch_warnings():
            # a row longer than the header would silently lose cells: an error instead
            warnings.simplefilter("error", pd.errors.ParserWarning)
            frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False,
                                na_values=[""], on_bad_lines="error", index_col=False)
    except (ValueError, pd.errors.ParserError, pd.errors.EmptyDataError,
            pd.errors.ParserWarning) as exc:
        raise Problem("bad-csv", f"the CSV could not be parsed ({str(exc).strip()[:120]}); "
                                 "check quoting and the header line") from None
    yield from enumerate(frame.to_dict("records"), 1)


def _article(rec: Mapping[str, Any], *, fallback_id: str, path: str, encoding: str,
             manifest: Mapping[str, str] | None, fields: dict[str, tuple[str, ...]]
             ) -> dict[str, Any]:
    found, extras = resolve(rec, fields)
    if manifest:
        mfound, mextras = resolve(manifest, {})
        found.update(mfound)
        extras.update(mextras)
    text = found.get("text")
    if not isinstance(text, str) or not text or text.isspace():
        what = "has no text" if text is None else "has a text field that is not text"
        raise Problem("no-text", f"the record {what}; map its text field with fields={{'text': ...}}")
    row: dict[str, Any] = {
        "id": str(found.get("id", fallback_id)).strip() or fallback_id,
        "date": parse_date(found.get("date")),
        "title": None if found.get("title") is None else " ".join(str(found["title"]).split()),
        "source": None if found.get("source") is None else str(found["source"]),
        "url": None if found.get("url") is None else str(found["url"]),
        "text": text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text,
        "path": path,
        "encoding": encoding,
    }
    for k, v in extras.items():
        if k not in row and k not in EXTRA:
            row[k] = v
    return {_clean(k): _clean(v) for k, v in row.items()}


def _load_one(file: Path | None, root: Path | None, run: _Run, bar: Any) -> None:
    path = "-" if file is None else str(file)
    base_id = "stdin" if file is None else _file_id(file, root)
    kind = "text" if file is None else KINDS.get(file.suffix.lower(), "")
    manifest = None if file is None else _manifest_for(file, root, run)
    try:
        if file is not None and not kind:
            raise Problem("unsupported", f"unsupported file type {file.suffix!r}; use .txt, "
                                         ".md, .json, .jsonl, .csv or .html")
        text, encoding = decode(_read(file, run, bar))
        if file is None:
            kind = _sniff_kind(text)
        if kind in ("text", "markdown", "html"):
            rec = (_html_record(text) if kind == "html"
                   else _text_record(text, markdown=kind == "markdown"))
            run.rows.append(_article(rec, fallback_id=base_id, path=path, encoding=encoding,
                                     manifest=manifest, fields={}))
            return
        records = (_csv_records(text) if kind == "csv" else _json_records(text, kind))
        n = 0
        for pos, rec in records:
            n += 1
            rid = f"{base_id}:{pos}"
            try:
                if isinstance(rec, Problem):
                    raise rec
                if not isinstance(rec, Mapping):
                    raise Problem("bad-record", f"record {pos} is a {type(rec).__name__}, "
                                                "not an object with fields")
                run.rows.append(_article(rec, fallback_id=rid, path=path, encoding=encoding,
                                         manifest=None, fields=run.fields))
            except Problem as p:
                doc = rec.get("id") if isinstance(rec, Mapping) else None
                run.error(doc_id=str(doc) if doc is not None else rid, path=path, code=p.code,
                          message=p.message)
        if n == 0:
            raise Problem("empty", f"the {kind.upper()} file holds no records; remove it or "
                                   "add articles")
    except Problem as p:
        doc = (manifest or {}).get("id") or base_id
        run.error(doc_id=doc, path=path, code=p.code, message=p.message)


# --------------------------------------------------------------------------- tables


def _unique_ids(ids: list[str]) -> list[str]:
    seen: set[str] = set(ids)
    counts: Counter[str] = Counter()
    out = []
    for i in ids:
        counts[i] += 1
        if counts[i] == 1:
            out.append(i)
            continue
        k = counts[i]
        while f"{i}#{k}" in seen:
            k += 1
        counts[i] = k
        seen.add(f"{i}#{k}")
        out.append(f"{i}#{k}")
    return out


def flag_duplicates(articles: pd.DataFrame, *, threshold: float | None = NEAR_THRESHOLD,
                    window: pd.Timedelta | str | None = WINDOW) -> pd.DataFrame:
    """Return a copy with ``duplicate_of`` and ``duplicate_kind``: the same story filed
    twice, or nearly. Nothing is dropped.

    A story is the title and text folded (lower case, punctuation and spacing
    aside). ``duplicate_of`` is the id of the earliest earlier article whose story
    is the same (``duplicate_kind`` ``"exact"``), else of the earliest earlier one
    whose story is near: a Jaccard similarity of word 3-shingle sets of at least
    ``threshold`` (0.7; ``None``: exact only). Articles dated more than ``window``
    apart (three days; ``None``: no limit) are never duplicates; "earliest" is by
    ``date``, then table order. NA where an article repeats nothing. The exact
    definitions, and why these values: :mod:`econnews.load.dedup`.

    Requires ``id`` and ``text``; uses ``title`` and ``date`` when present; adds
    ``duplicate_of`` and ``duplicate_kind`` (replacing them if present).

    >>> t = pd.DataFrame({"id": ["a", "b", "c"],
    ...                   "text": ["Exports rose 5%.", "exports  rose 5 %", "Other."]})
    >>> flag_duplicates(t)["duplicate_of"].tolist()
    [<NA>, 'a', <NA>]
    """
    if window is not None:
        try:
            window = pd.Timedelta(window)
        except (TypeError, ValueError):
            raise InputError(f"window={window!r}: give a duration such as '3D' or "
                             "pd.Timedelta(days=3), or None") from None
        if window is pd.NaT or window < pd.Timedelta(0):
            raise InputError(f"window={window!r}: give a duration of zero or more, or None")
    return _flag(articles, threshold=threshold, window=window)


def errors_table(table_or_records: pd.DataFrame | Iterable[Mapping[str, Any]] | None = None
                 ) -> pd.DataFrame:
    """The typed errors table (schema ``ERRORS``) of a table's ``attrs["errors"]``,
    or of a list of error records.

    >>> errors_table([{"doc_id": "a", "path": "a.txt", "stage": "load", "code": "empty",
    ...                "message": "the file is empty"}])["code"].tolist()
    ['empty']
    """
    if isinstance(table_or_records, pd.DataFrame):
        records = table_or_records.attrs.get("errors", [])
        if isinstance(records, pd.DataFrame):
            records = records.to_dict("records")
    else:
        records = list(table_or_records or [])
    if not records:
        return schema.empty(schema.ERRORS)
    frame = pd.DataFrame(list(records), columns=list(schema.ERRORS))
    return schema.coerce(frame, schema.ERRORS)


def _table(rows: list[dict[str, Any]]) -> pd.DataFrame:
    if not rows:
        return schema.empty({**schema.ARTICLES, **EXTRA})
    frame = pd.DataFrame(rows)
    rows.clear()  # the texts live in the frame alone (a large file's text is held once)
    frame["id"] = _unique_ids([str(i) for i in frame["id"]])
    frame = schema.coerce(frame, {**schema.ARTICLES, **EXTRA})
    return flag_duplicates(frame)


def summarise(errors: list[Mapping[str, Any]], *, inputs: int, what: str = "inputs") -> str:
    """One line: how many inputs failed and why.

    >>> summarise([{"code": "empty"}, {"code": "empty"}, {"code": "binary"}], inputs=10)
    '3 of 10 inputs could not be read (2 empty, 1 binary)'
    """
    counts = Counter(e["code"] for e in errors)
    reasons = ", ".join(f"{n} {code}" for code, n in counts.most_common())
    return f"{len(errors)} of {inputs} {what} could not be read ({reasons})"


def _start(path_or_paths: PathLike | Sequence[PathLike], *, errors: str,
           fields: Mapping[str, str | Sequence[str]] | None, max_bytes: int | None,
           follow_links: bool) -> tuple[_Run, list[tuple[Path | None, Path | None]], int]:
    """Check the arguments of :func:`load_articles`; return the run, its inputs and
    their total size in bytes."""
    if errors not in ("warn", "collect", "raise"):
        raise InputError(f"errors={errors!r}: use 'warn', 'collect' or 'raise'")
    if max_bytes is not None and (not isinstance(max_bytes, int) or isinstance(max_bytes, bool)
                                  or max_bytes <= 0):
        raise InputError(f"max_bytes={max_bytes!r}: give a positive number of bytes, or None")
    if isinstance(path_or_paths, str | os.PathLike):
        paths: Sequence[PathLike] = [path_or_paths]
    else:
        paths = list(path_or_paths)
    if not all(isinstance(p, str | os.PathLike) for p in paths):
        raise InputError("load_articles takes a path, a glob, '-' or a list of them")
    run = _Run(mode=errors, fields=check_fields(fields), max_bytes=max_bytes,
               follow_links=bool(follow_links))
    inputs = list(_inputs(paths, run))
    total = 0
    for file, _ in inputs:
        with contextlib.suppress(OSError):
            total += 0 if file is None else file.stat().st_size
    return run, inputs, total


def load_articles(
    path_or_paths: PathLike | Sequence[PathLike],
    *,
    errors: ErrorMode = "warn",
    fields: Mapping[str, str | Sequence[str]] | None = None,
    progress: bool | None = None,
    max_bytes: int | None = MAX_BYTES,
    follow_links: bool = False,
    batch_size: int | None = None,
) -> Any:
    """Read files, folders, globs or ``-`` (stdin) into one articles table.

    Parameters: ``errors`` is ``"warn"`` (default), ``"collect"`` or ``"raise"``
    (see the module docs); ``fields`` maps article columns to a JSON/CSV export's
    field names, e.g. ``{"text": "story", "date": "meta.published"}``;
    ``progress`` draws a bar over the bytes read (``None``: only when someone
    watches); a file over ``max_bytes`` (64 MB; ``None``: no limit) is a
    ``too-large`` error row; ``follow_links=True`` reads links in a folder that
    lead outside it (and links to folders), which are skipped by default.
    ``batch_size=N`` returns an iterator of articles tables of about ``N`` articles
    each instead (a corpus larger than memory: see :func:`econnews.load.iter_articles`).

    Returns the articles table (schema ``ARTICLES`` plus ``path``, ``encoding``,
    ``duplicate_of``, ``duplicate_kind`` and metadata columns); with ``errors="collect"`` a tuple
    ``(articles, errors)``. ``articles.attrs["skipped"]`` lists what a folder held
    that is not an article, each with its reason.

    >>> arts, errs = load_articles(["data/russia-japan-trade-30bn.txt", "no/such/file.txt"],
    ...                            errors="collect")
    >>> len(arts), errs["code"].tolist()
    (1, ['not-found'])
    """
    if batch_size is not None:
        from .stream import iter_articles

        return iter_articles(path_or_paths, batch_size=batch_size, errors=errors, fields=fields,
                             progress=progress, max_bytes=max_bytes, follow_links=follow_links)
    run, inputs, total = _start(path_or_paths, errors=errors, fields=fields,
                                max_bytes=max_bytes, follow_links=follow_links)
    bar = progress_bar(total=total or None, desc="loading", progress=progress, unit="B",
                       unit_scale=True)
    try:
        for file, root in inputs:
            _load_one(file, root, run, bar)
    finally:
        bar.close()
    articles = _table(run.rows)
    run.rows.clear()  # the table holds the texts now: each text is held once
    articles.attrs["errors"] = run.errors
    articles.attrs["skipped"] = run.skipped
    if errors == "collect":
        return articles, errors_table(run.errors)
    if run.errors:
        n = len(articles) + len(run.errors)
        warnings.warn(summarise(run.errors, inputs=n) + "; see errors_table(articles) or pass "
                      "errors='collect'", LoadWarning, stacklevel=2)
    return articles
