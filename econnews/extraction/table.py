"""The quantities table: one row per mention (:func:`rows`: offsets in the original text,
the sentence around it), then typed columns built with pandas' cheap constructors
(:func:`frame`): the extractor builds a table per call (and ``extract_corpus`` one per
chunk of articles), so this runs often.

>>> _floats([1.0, 2.5]).dtype
Float64Dtype()
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator

import numpy as np
import pandas as pd
import pyarrow as pa

from .. import schema
from ..common.budget import check as _check
from ..common.frame import STRING_TEMPLATE as _STRING_TEMPLATE
from ..common.frame import arrow_strings as _strings
from ..common.frame import blocks_frame
from ..common.frame import datetime_array as _datetime_array
from ..common.sentences import split_sentences
from . import measures as _measures
from .fold import original_span, safe
from .quantity import _Q

#: The columns extract() returns: the schema's, then the extras it adds.
QUANTITY_COLUMNS: dict[str, object] = schema.EXTRACTED


def _floats(values: list):
    return pd.arrays.FloatingArray(np.asarray(values, dtype="float64"), np.zeros(len(values), bool))


def _ints(values: list):
    return pd.arrays.IntegerArray(np.asarray(values, dtype="int64"), np.zeros(len(values), bool))


_NS = np.dtype("M8[ns]")
_NAT = np.datetime64("NaT", "ns")


def _dates(values: list):
    if not values:
        return _datetime_array(np.empty(0, dtype=_NS))
    first = values[0]
    if all(v is first for v in values):  # one text's rows share its date
        stamp = _NAT if first is pd.NaT or pd.isna(first) else np.datetime64(first.as_unit("ns"))
        return _datetime_array(np.full(len(values), stamp, dtype=_NS))
    stamps = np.empty(len(values), dtype=_NS)
    last, stamp = None, _NAT
    for i, v in enumerate(values):  # an article's rows share one date object: convert it once
        if v is not last:
            last, stamp = v, _NAT if pd.isna(v) else np.datetime64(v.as_unit("ns"))
        stamps[i] = stamp
    return _datetime_array(stamps)


def _categories(dtype: pd.CategoricalDtype):
    codes = {c: i for i, c in enumerate(dtype.categories)}
    try:
        pd.Categorical.from_codes(np.zeros(1, "int8"), dtype=dtype, validate=False)
        checked = False
    except TypeError:  # pragma: no cover - pandas < 2.1 always validates
        checked = True

    def build(values: list):
        codes_ = np.fromiter(map(codes.get, values, itertools.repeat(-1)), "int8", len(values))
        if checked:  # pragma: no cover
            return pd.Categorical.from_codes(codes_, dtype=dtype)
        return pd.Categorical.from_codes(codes_, dtype=dtype, validate=False)

    return build


@functools.cache
def _builders(columns: tuple = ()) -> tuple:
    """One cheap typed-column constructor per output column (built once per schema:
    ``columns`` is ``tuple(schema.items())``, the quantities' own when empty)."""
    out = []
    for name, dtype in columns or tuple(QUANTITY_COLUMNS.items()):
        if isinstance(dtype, pd.CategoricalDtype):
            out.append((name, _categories(dtype)))
        elif dtype == schema.FLOAT:
            out.append((name, _floats))
        elif dtype == schema.INT:
            out.append((name, _ints))
        elif dtype == schema.DATETIME:
            out.append((name, _dates))
        else:
            out.append((name, _strings))
    return tuple(out)


@functools.cache
def _column_index(columns: tuple = ()) -> pd.Index:
    return pd.Index([name for name, _ in columns] if columns else list(QUANTITY_COLUMNS))


def frame(cols: dict[str, list], columns: dict[str, object] | None = None) -> pd.DataFrame:
    """The quantities table from one list of values per column (``QUANTITY_COLUMNS``, or
    the schema ``columns`` names: each of its columns typed as it says).

    >>> frame({name: [] for name in QUANTITY_COLUMNS}).shape
    (0, 18)
    >>> frame({"x": ["a"], "n": [1]}, {"x": schema.STRING, "n": schema.INT}).dtypes.tolist()
    [<StringDtype(na_value=<NA>)>, Int64Dtype()]
    """
    if columns is None or columns is QUANTITY_COLUMNS:
        fast = _fast_path()
    elif columns is schema.CORPUS_QUANTITIES:  # extract_corpus' tables: with ``source``
        fast = _fast_path(corpus=True)
    else:
        return _frame(cols, tuple(columns.items()))
    if fast is None:  # pragma: no cover - another pandas
        return _frame(cols, () if columns is None else tuple(columns.items()))
    return fast(cols, len(cols["start"]))


def _frame(cols: dict[str, list], columns: tuple = ()) -> pd.DataFrame:
    arrays = [build(cols[name]) for name, build in _builders(columns)]
    n = len(arrays[0])
    return blocks_frame(arrays, _column_index(columns), pd.RangeIndex(n))


#: Rows up to which the table builder makes one arrow array of all the string columns
#: (one text's quantities, as ``extract`` returns them: the cost is per column there);
#: a larger table gets one per column, so that no column holds the others' memory.
_SMALL = 64


@functools.cache
def _fast_path(corpus: bool = False):
    """The table builder for the quantities (``corpus``: ``schema.CORPUS_QUANTITIES``,
    extract_corpus' tables): each kind of column built in one go (one numpy array for the
    integers, one for the floats; one arrow array for all string columns of a small
    table) and the blocks handed to pandas' block manager as they are. It leans on pandas
    internals, so it is used only when it builds exactly what :func:`_frame` builds on
    this pandas (checked once here), else None."""
    try:
        from pandas._libs.internals import BlockPlacement
        from pandas.core.internals.blocks import get_block_type
        from pandas.core.internals.managers import BlockManager

        schema_ = schema.CORPUS_QUANTITIES if corpus else QUANTITY_COLUMNS
        key = tuple(schema_.items()) if corpus else ()
        builders = _builders(key)
        kinds: dict[str, list[tuple[int, str]]] = {}
        for i, (name, build) in enumerate(builders):
            kind = {_strings: "str", _ints: "int", _floats: "float", _dates: "date"}.get(
                build, "other")
            kinds.setdefault(kind, []).append((i, name))
        columns = _column_index(key)
        places = [BlockPlacement(slice(i, i + 1)) for i in range(len(builders))]
        ints, floats = kinds.get("int", []), kinds.get("float", [])
        strs, dates = kinds.get("str", []), kinds.get("date", [])
        cats = [(i, name, {c: k for k, c in enumerate(schema_[name].categories)},
                 schema_[name]) for i, name in kinds.get("other", [])]
        template = _STRING_TEMPLATE
        if template is None:
            return None
        integer_array = pd.arrays.IntegerArray._simple_new
        floating_array = pd.arrays.FloatingArray._simple_new
        categorical = pd.Categorical._simple_new

        def arrays(cols: dict[str, list], n: int, grouped: bool) -> list:
            out: list = [None] * len(builders)
            if ints:
                values = np.array([cols[name] for _, name in ints], dtype="int64").reshape(
                    len(ints), n)
                mask = np.zeros((len(ints), n), bool)
                for j, (i, _) in enumerate(ints):
                    out[i] = integer_array(values[j], mask[j])
            if floats:
                values = np.array([cols[name] for _, name in floats], dtype="float64").reshape(
                    len(floats), n)
                mask = np.zeros((len(floats), n), bool)
                for j, (i, _) in enumerate(floats):
                    out[i] = floating_array(values[j], mask[j])
            if strs and grouped:
                joined = pa.array([v for _, name in strs for v in cols[name]],
                                  type=pa.large_string())
                for j, (i, _) in enumerate(strs):
                    out[i] = template._from_pyarrow_array(joined.slice(j * n, n))
            elif strs:
                for i, name in strs:
                    out[i] = _strings(cols[name])
            for i, name, codes, dtype in cats:
                out[i] = categorical(
                    np.fromiter(map(codes.get, cols[name], itertools.repeat(-1)), "int8", n),
                    dtype)
            for i, name in dates:
                out[i] = _dates(cols[name]).reshape(1, -1)  # datetime64: a 2-D block
            return out

        klasses: list = []

        def build(cols: dict[str, list], n: int, grouped: bool | None = None) -> pd.DataFrame:
            values = arrays(cols, n, n <= _SMALL if grouped is None else grouped)
            if not klasses:
                klasses.extend(get_block_type(v.dtype) for v in values)
            blocks = [klass(v, ndim=2, placement=place)
                      for v, klass, place in zip(values, klasses, places, strict=True)]
            mgr = BlockManager(tuple(blocks), [columns, pd.RangeIndex(n)], verify_integrity=False)
            return pd.DataFrame._from_mgr(mgr, axes=mgr.axes)

        for rows, grouped in itertools.product(_PROBES, (True, False)):
            cols = {name: [row[i] for row in rows] for i, name in enumerate(QUANTITY_COLUMNS)}
            for name in schema_:  # (the corpus' source)
                cols.setdefault(name, ["Kyodo", None][:len(rows)])
            a, b = build(cols, len(rows), grouped), _frame(cols, key)
            if not (a.equals(b) and list(a.dtypes) == list(b.dtypes)
                    and a._mgr.nblocks == b._mgr.nblocks):
                return None  # pragma: no cover - another pandas: keep the checked path
    except Exception:  # pragma: no cover - pandas internals moved: keep the checked path
        return None
    return build


_PROBES = (
    [],
    [("d", 0, 5, "$5", "money", 5.0, 5.0, 5.0, "USD", "=", None, "Up $5.", 0, 6,
      pd.Timestamp("2019-01-22"), "US dollar", None, None),
     (None, 7, 9, "2%", "percent", 2.0, 1.5, 2.5, "percent", "~", "up", "x", 7, 9, pd.NaT,
      None, "year", None)],
)


@functools.cache
def _empty() -> pd.DataFrame:
    return frame({name: [] for name in QUANTITY_COLUMNS})


def empty_frame() -> pd.DataFrame:
    """An empty quantities table (a shallow copy of one built once: with pandas'
    copy-on-write, changing it never reaches the cached one)."""
    return _empty().copy(deep=False)


# --------------------------------------------------------------------------- rows


#: The most of its sentence a row carries in ``sentence`` (characters): a sentence longer
#: than this (run-on text, a table without full stops) is cut to a window around the
#: mention, so that memory stays proportional to rows + text. ``sent_start`` and
#: ``sent_end`` still give the whole sentence's span.
SENTENCE_WINDOW = 600


def _window(a: int, b: int, s: int, e: int, width: int = SENTENCE_WINDOW) -> tuple[int, int]:
    """At most ``width`` characters of the sentence ``[a, b)`` around the mention
    ``[s, e)`` (the mention whole, even when longer).

    >>> _window(0, 10_000, 5_000, 5_010)
    (4705, 5305)
    >>> _window(0, 100, 5, 10)
    (0, 100)
    """
    if b - a <= width:
        return a, b
    if e - s >= width:
        return s, e
    # (comparisons, not max() and min(): called for every row of a run-on text)
    lo = s - (width - (e - s)) // 2  # the mention in the middle ...
    if lo < a:
        lo = a
    hi = lo + width
    if hi > b:  # ... unless the sentence ends first
        hi = b
    return (hi - width if hi - width > a else a), hi


def rows(
    cols: dict[str, list],
    text: str,
    folded: str,
    where: list[int] | None,
    found: list[_Q],
    *,
    doc_id,
    date,
) -> None:
    """Append one row per quantity in ``found`` (read from ``folded``, offsets mapped back
    to ``text`` through ``where``) to ``cols``, with its sentence (at most
    :data:`SENTENCE_WINDOW` characters of it) and the article's ``doc_id`` and ``date``.
    Rows join the columns :data:`_ROWS_AT_ONCE` at a time (on an exception some may have
    joined: the callers drop the text's rows)."""
    n = len(text)
    spans = split_sentences(folded)
    _check()
    one = spans[0] if len(spans) == 1 else None  # (a short text: one sentence, no search)
    starts = [a for a, _ in spans] if one is None else [one[0]]
    stamp = pd.Timestamp(date) if date is not None and not pd.isna(date) else pd.NaT
    odd = where is not None or not text.isascii()
    targets = _ROW_LISTS(cols)  # the column lists, in _ROW_COLUMNS' order
    wa = wb = -1  # the window of the last sentence cut: the next row in it shares the string
    sentence = ""
    records: list[tuple] = []  # one tuple per row, in _ROW_COLUMNS' order
    add = records.append
    for q in found:
        start, end = q.start, q.end
        if one is not None and start >= one[0]:
            a, b = one
        else:
            i = bisect.bisect_right(starts, start) - 1
            a, b = spans[i] if i >= 0 else (0, len(folded))
        if not a <= start <= b:
            a, b = start, end
        if end > b:
            b = end
        if where is not None:
            start, end = original_span(where, start, end, n)
            a, b = original_span(where, a, b, n)
        if b - a <= SENTENCE_WINDOW:
            if a != wa or b != wb:
                wa, wb = a, b
                sentence = safe(text[a:b]) if odd else text[a:b]
        else:
            wa, wb = _window(a, b, start, end)
            sentence = safe(text[wa:wb]) if odd else text[wa:wb]
        name = q.unit_name
        if name is None and q.kind == "money" and q.unit:
            name = _measures.currency_name(q.unit)
        add((doc_id, start, end, safe(text[start:end]) if odd else text[start:end], sentence,
             a, b, stamp, name, *_MENTION_FIELDS(q)))
        if len(records) == _ROWS_AT_ONCE:
            _check()  # (a block at a time: a row costs microseconds)
            _join(targets, records)
    _join(targets, records)


def _join(targets: tuple[list, ...], records: list[tuple]) -> None:
    """The ``records`` (tuples in ``_ROW_COLUMNS``' order) appended to the column lists
    ``targets``, and cleared. A tuple per row, then one extend per column, costs less
    than eighteen appends per row; :func:`rows` joins them a block at a time so that the
    tuples never pile up (tens of thousands alive at once set the garbage collector off,
    and it walks the whole heap)."""
    # one list.extend per column, the loop in C (extend returns None: any() runs them all);
    # every tuple and targets are 18 long (a strict= keyword would double zip's cost)
    any(map(list.extend, targets, zip(*records)))  # noqa: B905
    records.clear()


#: Rows :func:`rows` gathers before they join the columns (fewer than the garbage
#: collector's first threshold, 700 new objects).
_ROWS_AT_ONCE = 256


#: The columns :func:`rows` fills, in its order (all of ``QUANTITY_COLUMNS``).
_ROW_COLUMNS = ("doc_id", "start", "end", "surface", "sentence", "sent_start", "sent_end",
                "date", "unit_name", "kind", "value", "low", "high", "unit", "bound", "change",
                "per", "role")
#: The fields a row takes from the mention as it is (the last of ``_ROW_COLUMNS``), read
#: in one call.
_MENTION_FIELDS = operator.attrgetter(*_ROW_COLUMNS[9:])
assert set(_ROW_COLUMNS) == set(QUANTITY_COLUMNS) and len(_ROW_COLUMNS) == len(QUANTITY_COLUMNS)
_ROW_LISTS = operator.itemgetter(*_ROW_COLUMNS)

