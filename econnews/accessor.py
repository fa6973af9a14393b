"""The ``df.econnews`` accessor: the pipeline's next steps on a quantities or claims table.

Importing this module registers the accessor (``import econnews`` does it too).
It fits two kinds of table and refuses any other frame with an
:class:`AttributeError` (so ``hasattr(df, "econnews")`` is False for them):

* a **quantities** table (:func:`econnews.extract`; needs ``surface``, ``kind``,
  ``value``, ``unit``): :meth:`~EconnewsAccessor.normalize`,
  :meth:`~EconnewsAccessor.claims`, :meth:`~EconnewsAccessor.highlight`;
* a **claims** table (:func:`econnews.find_claims`; needs ``concept`` and
  ``claim_type``);

and both have :meth:`~EconnewsAccessor.show` / :meth:`~EconnewsAccessor.to_html`
(the escaped table view), :meth:`~EconnewsAccessor.plot` (the chart that fits the
table) and :meth:`~EconnewsAccessor.to_pint`. Every method returns a new object;
row-wise results (``normalize``, ``to_pint``) keep the frame's index.

>>> import econnews as en
>>> import econnews.accessor
>>> q = en.extract("Trade rose 1.5 times to $30 billion.", date="2019-01-22")
>>> q.econnews.kind
'quantities'
>>> q.econnews.normalize()["value_usd"].tolist()
[<NA>, 30000000000.0]
>>> import pandas as pd
>>> hasattr(pd.DataFrame({"a": [1]}), "econnews")
False
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import pandas as pd

from .errors import InputError

if TYPE_CHECKING:  # imported lazily at call time: the accessor must stay cheap to register
    from matplotlib.figure import Figure
    from pandas.io.formats.style import Styler

    from .display import ArticleView

__all__ = ["CLAIMS_COLUMNS", "QUANTITIES_COLUMNS", "EconnewsAccessor", "table_kind"]

#: Columns that make a frame a quantities table for the accessor.
QUANTITIES_COLUMNS = ("surface", "kind", "value", "unit")
#: Columns that make a frame a claims table for the accessor.
CLAIMS_COLUMNS = ("concept", "claim_type")

#: The charts ``plot(kind=...)`` can draw, per table kind; the first is the default.
PLOTS: dict[str, tuple[str, ...]] = {
    "quantities": ("overview",),
    "claims": ("timeline", "compare"),
}


def table_kind(frame: pd.DataFrame) -> str | None:
    """``"claims"``, ``"quantities"`` or None, from the frame's columns.

    A claims table also carries ``surface``, ``kind``, ``value`` and ``unit``, so
    the claims columns are checked first.

    >>> import pandas as pd
    >>> table_kind(pd.DataFrame(columns=["surface", "kind", "value", "unit"]))
    'quantities'
    >>> table_kind(pd.DataFrame(columns=["concept", "claim_type", "value_usd"]))
    'claims'
    >>> table_kind(pd.DataFrame(columns=["text"])) is None
    True
    """
    columns = set(frame.columns)
    if set(CLAIMS_COLUMNS) <= columns:
        return "claims"
    if set(QUANTITIES_COLUMNS) <= columns:
        return "quantities"
    return None


@pd.api.extensions.register_dataframe_accessor("econnews")
class EconnewsAccessor:
    """``df.econnews``: econnews on a quantities or claims table (see the module doc)."""

    def __init__(self, frame: pd.DataFrame) -> None:
        kind = table_kind(frame)
        if kind is None:
            lacks_q = [c for c in QUANTITIES_COLUMNS if c not in frame.columns]
            lacks_c = [c for c in CLAIMS_COLUMNS if c not in frame.columns]
            raise AttributeError(
                "df.econnews works on a quantities table (from econnews.extract; this frame "
                f"lacks {', '.join(map(repr, lacks_q))}) or a claims table (from "
                f"econnews.find_claims; it lacks {', '.join(map(repr, lacks_c))})")
        self._obj = frame
        self._kind = kind

    # ------------------------------------------------------------------ what it is

    @property
    def kind(self) -> str:
        """``"quantities"`` or ``"claims"``."""
        return self._kind

    def _only(self, kind: str, method: str, hint: str) -> None:
        if self._kind != kind:
            raise InputError(f"df.econnews.{method}() works on a {kind} table, not a "
                             f"{self._kind} table; {hint}")

    # --------------------------------------------------------------- pipeline steps

    def normalize(self, *, to: str = "USD", rates: Any = None, date: Any = None,
                  pint: bool = False) -> pd.DataFrame:
        """:func:`econnews.normalize` on this quantities table (same rows, same index).

        >>> import econnews as en
        >>> q = en.extract("Investment is $ 2.2 billion.", date="2019-01-22")
        >>> q.econnews.normalize(to="EUR")[["surface", "fx_status"]].values.tolist()
        [['$ 2.2 billion', 'exact']]
        """
        self._only("quantities", "normalize",
                   "a claims table already carries value_usd from normalized quantities")
        from .normalization.convert import normalize

        return normalize(self._obj, to=to, rates=rates, date=date, pint=pint)

    def claims(self, articles: Any) -> pd.DataFrame:
        """:func:`econnews.find_claims` over ``articles`` with these quantities.

        ``articles`` is the articles table (or one text, or one article as a
        mapping) the quantities came from; their ``doc_id`` must match its ``id``.
        The result is a new table, one row per claim, whose ``quantity_index``
        is the position of its row in this table.

        >>> import econnews as en
        >>> text = "Japanese investment in Russia is $2 billion."
        >>> q = en.extract(text, doc_id="x")
        >>> q.econnews.claims({"id": "x", "text": text})[["concept", "parties"]].values.tolist()
        [['investment', 'JPN,RUS']]
        """
        self._only("quantities", "claims",
                   "call it on the quantities table the claims are to come from")
        from .claims.find import find_claims

        return find_claims(articles, self._obj)

    def to_pint(self, column: str | None = None, *, unit: str | None = None) -> pd.Series:
        """One amount column as a pint-pandas Series (see :func:`econnews.to_pint`).

        ``column`` defaults to ``value`` (in the single unit of the ``unit``
        column); ``value_usd`` after :meth:`normalize`. The index is the frame's.

        >>> import econnews as en
        >>> q = en.extract("Trade reached $30 billion.", date="2019-01-22")
        >>> str(q.econnews.to_pint().dtype)
        'pint[USD][Float64]'
        """
        from .normalization.convert import to_pint

        return to_pint(self._obj, column=column, unit=unit)

    # -------------------------------------------------------------------- viewing

    def show(self, *, max_rows: int = 50) -> Styler:
        """The table as an escaped, readable Styler (see :func:`econnews.display.style_table`).

        >>> import econnews as en
        >>> "$30bn" in en.extract("$30 billion").econnews.normalize(date="2019-01-22") \\
        ...     .econnews.show().to_html()
        True
        """
        from .display import style_table

        return style_table(self._obj, max_rows=max_rows)

    def to_html(self, *, max_rows: int = 50) -> str:
        """The table as an escaped HTML fragment (see :func:`econnews.display.table_html`).

        >>> import pandas as pd
        >>> pd.DataFrame({"surface": ["<b>$5</b>"], "kind": ["money"], "value": [5.0],
        ...               "unit": ["USD"]}).econnews.to_html().count("<b>")
        0
        """
        from .display import table_html

        return table_html(self._obj, max_rows=max_rows)

    def highlight(self, text_or_article: str | Mapping[str, Any] | pd.Series | pd.DataFrame
                  ) -> ArticleView:
        """The article these quantities came from, with each one highlighted.

        Their ``start``/``end`` offsets must point into that article's text (rows
        that do not are listed under the view, never dropped silently).

        >>> import econnews as en
        >>> text = "Trade reached $30 billion."
        >>> en.extract(text).econnews.highlight(text).to_html().count("<mark")
        1
        """
        self._only("quantities", "highlight", "econnews.show(article) highlights an article")
        from .display import show

        return show(text_or_article, quantities=self._obj)

    def plot(self, kind: str | None = None, **kwargs: Any) -> Figure:
        """The chart that fits the table; ``kwargs`` go to the chart function.

        A quantities table: ``"overview"`` (:func:`econnews.plot.quantities_overview`).
        A claims table: ``"timeline"`` (default, :func:`econnews.plot.claims_timeline`)
        or ``"compare"`` (:func:`econnews.plot.compare_claims`).

        >>> import pandas as pd
        >>> c = pd.DataFrame({"concept": ["trade"], "claim_type": ["level"],
        ...                   "date": pd.to_datetime(["2019-01-22"]), "value_usd": [2e10]})
        >>> c.econnews.plot("compare", title="Trade").axes[0].get_title("left")
        'Trade'
        """
        choices = PLOTS[self._kind]
        kind = choices[0] if kind is None else kind
        if kind not in choices:
            raise InputError(f"df.econnews.plot(kind={kind!r}): a {self._kind} table draws "
                             f"{' or '.join(map(repr, choices))}")
        from . import plot

        if kind == "overview":
            return plot.quantities_overview(self._obj, **kwargs)
        if kind == "timeline":
            return plot.claims_timeline(self._obj, **kwargs)
        return plot.compare_claims(self._obj, **kwargs)
