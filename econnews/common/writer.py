"""A table written batch by batch: Parquet, CSV, JSONL or Excel, atomically.

:class:`TableWriter` takes the tables of a corpus read in batches and appends each to
one output file as it comes (Parquet: a row group a batch through pyarrow's
``ParquetWriter``; CSV and JSONL: appended text; Excel: openpyxl's write-only
sheet), so memory depends on the batch, not on the corpus. The file is written to a
temporary file beside the target and renamed over it when the writer closes without
error (:func:`econnews.common.files.atomic_write`): a failed or killed run leaves the
previous file. CSV and Excel text cells are neutralised against formula injection
(:func:`econnews.common.files.neutralise_formulas`) unless ``neutralise=False``.

>>> import tempfile, pathlib, pandas as pd
>>> with tempfile.TemporaryDirectory() as d:
...     path = pathlib.Path(d) / "q.csv"
...     with TableWriter(path) as w:
...         w.write(pd.DataFrame({"id": ["=1+1"], "v": [1.0]}))
...         w.write(pd.DataFrame({"id": ["b"], "v": [2.0]}))
...     print(path.read_text())
id,v
'=1+1,1.0
b,2.0
<BLANKLINE>
"""

from __future__ import annotations

import os
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pandas as pd

from .files import atomic_write, neutralise_formulas

__all__ = ["SUFFIXES", "TableWriter", "plain"]

SUFFIXES = (".parquet", ".csv", ".jsonl", ".xlsx")


def plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Columns that every writer handles (categories and lists as text).

    >>> plain(pd.DataFrame({"p": [["JPN", "RUS"]]}))["p"].tolist()
    ['JPN,RUS']
    """
    out = frame.copy()
    for c in out.columns:
        if isinstance(out[c].dtype, pd.CategoricalDtype):
            out[c] = out[c].astype("string")
        elif out[c].dtype == object:
            out[c] = out[c].map(lambda v: v if v is None or isinstance(v, str) else
                                ",".join(map(str, v)) if isinstance(v, list | tuple) else str(v))
    return out


def _xlsx_cell(sheet: Any, value: Any) -> Any:
    """One Excel cell: text always stored as text, never as a formula (openpyxl would
    read any text that begins with ``=`` as one, even econnews' own ``bound`` "=")."""
    from openpyxl.cell import WriteOnlyCell

    if value is None or value is pd.NA or value is pd.NaT or \
            (isinstance(value, float) and value != value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.tz_localize(None).to_pydatetime() if value.tzinfo else value.to_pydatetime()
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalars
        value = value.item()
    if isinstance(value, str):
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell
    return value


class TableWriter:
    """Append tables to one output file; the file appears (atomically) on close.

    ``path`` ends in ``.parquet``, ``.csv``, ``.jsonl`` or ``.xlsx``; every batch must
    have the columns of the first (Parquet: the first batch's types). Use as a context
    manager, or call :meth:`close` (``ok=False`` drops the new file).
    """

    def __init__(self, path: str | os.PathLike[str], *, neutralise: bool = True) -> None:
        self.path = Path(path)
        self.kind = self.path.suffix.lower()
        if self.kind not in SUFFIXES:
            raise ValueError(f"{self.path}: use a .parquet, .csv, .jsonl or .xlsx file name")
        self.neutralise = neutralise
        self.rows = 0
        self._stack = ExitStack()
        self._fh = self._stack.enter_context(atomic_write(self.path))
        self._parquet: Any = None
        self._schema: Any = None
        self._book: Any = None
        self._sheet: Any = None
        self._columns: list[str] | None = None
        self._header = True

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(self, kind: Any, exc: Any, tb: Any) -> None:
        self.close(ok=kind is None, exc=(kind, exc, tb))

    def write(self, frame: pd.DataFrame) -> None:
        """Append one table (its index is not written)."""
        frame = frame.copy(deep=False)
        frame.attrs = {}
        if self._columns is None:
            self._columns = [str(c) for c in frame.columns]
        elif [str(c) for c in frame.columns] != self._columns:
            frame = frame.reindex(columns=self._columns)
        if self.kind == ".parquet":
            self._write_parquet(frame)
        elif self.kind in (".csv", ".xlsx"):
            shown = plain(neutralise_formulas(frame) if self.neutralise else frame)
            if self.kind == ".csv":
                self._fh.write(shown.to_csv(index=False, header=self._header).encode("utf-8"))
                self._header = False
            else:
                self._write_xlsx(shown)
        else:
            if len(frame):
                self._fh.write(frame.to_json(orient="records", lines=True, date_format="iso",
                                             force_ascii=False).encode("utf-8"))
        self.rows += len(frame)

    def _write_parquet(self, frame: pd.DataFrame) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if self._parquet is None:
            table = pa.Table.from_pandas(frame, preserve_index=False)
            self._schema = table.schema
            self._parquet = pq.ParquetWriter(self._fh, self._schema)
        else:
            table = pa.Table.from_pandas(frame, schema=self._schema, preserve_index=False)
        self._parquet.write_table(table)

    def _write_xlsx(self, frame: pd.DataFrame) -> None:
        if self._book is None:
            from openpyxl import Workbook

            self._book = Workbook(write_only=True)
            self._sheet = self._book.create_sheet("econnews")
            self._sheet.append([_xlsx_cell(self._sheet, str(c)) for c in frame.columns])
        for row in frame.itertuples(index=False, name=None):
            self._sheet.append([_xlsx_cell(self._sheet, v) for v in row])

    def close(self, ok: bool = True, exc: tuple[Any, Any, Any] = (None, None, None)) -> None:
        """Finish the file and rename it over the target (``ok=False``: drop it)."""
        if self._stack is None:
            return
        stack, self._stack = self._stack, None
        if ok:
            try:
                if self._columns is None and self.kind in (".parquet", ".xlsx"):
                    self.write(pd.DataFrame())  # nothing written: still a valid empty file
                if self._parquet is not None:
                    self._parquet.close()
                if self._book is not None:
                    self._book.save(self._fh)
            except BaseException as error:
                stack.__exit__(type(error), error, error.__traceback__)
                raise
            stack.close()
        elif exc[0] is not None:
            stack.__exit__(*exc)
        else:
            failed = RuntimeError("the table was not finished")
            stack.__exit__(RuntimeError, failed, None)
