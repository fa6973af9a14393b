"""Notebook views: an article with its quantities highlighted, and styled tables.

Article text is untrusted: every piece of it (and of the tables) is HTML-escaped,
in element text and in attribute values alike. The article view uses inline
styles only, no ``<script>`` and no ``<style>`` block, so it renders the same in
JupyterLab, in an exported HTML file and in a sanitised (untrusted) notebook.

>>> view = show("Trade reached <b>$30 billion</b>.")
>>> "&lt;b&gt;" in view._repr_html_() and "<b>$30" not in view._repr_html_()
True
"""

from __future__ import annotations

import hashlib
import html
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pandas as pd
from pandas.io.formats.style import Styler

from . import schema
from ._style import CLAIM_COLORS, KIND_COLORS, OTHER_COLOR
from .errors import EconnewsError, InputError
from .plot import format_money

if TYPE_CHECKING:  # the claims browser lives in econnews.review (loaded on first use)
    from .review import ClaimsBrowser, claims_browser, highlight_claim

__all__ = ["ArticleView", "ChartView", "ClaimsBrowser", "chart", "claims_browser",
           "highlight_claim", "show", "style_table", "table_html"]

_FONT = "font-family: system-ui, -apple-system, 'Segoe UI', sans-serif"
_MONEY_COLUMNS = ("value_usd",)
_TEXT_LIMIT = 160
#: The class MathJax 3 (JupyterLab 4) skips: text with dollar signs is never typeset.
NO_MATH = "mathjax_ignore"


def _esc(value: object) -> str:
    """HTML-escape anything, quotes included (safe in text and in attributes)."""
    return html.escape("" if value is None else str(value), quote=True)


def _is_na(value: object) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _number(value: float) -> str:
    """A readable plain number, never in scientific notation: 1.5, 5, 30,000,000,000,
    0.00008.

    >>> _number(3e10), _number(1.5), _number(-7.9951e-05)
    ('30,000,000,000', '1.5', '-0.0000799510')
    """
    if float(value).is_integer() and abs(value) < 1e16:
        return f"{int(value):,}"
    text = f"{value:,.6g}"
    if "e" in text and abs(value) < 1:
        text = f"{value:.10f}"
    return text


#: Columns of relative numbers (0.05 = 5%), shown as signed percents.
_RELATIVE_COLUMNS = ("deviation",)
#: Value columns and the column that holds their unit.
_UNIT_OF = {"value": "unit", "ref_value": "ref_unit", "compared_value": "unit"}


def _with_units(frame: pd.DataFrame) -> pd.DataFrame:
    """The table as shown: each value beside its unit ("1.5 times", "30,000,000,000
    USD"), relative deviations as percents ("-0.008%")."""
    out = frame.copy()
    for col, unit_col in _UNIT_OF.items():
        if col in out and unit_col in out:
            out[col] = [None if _is_na(v) else f"{_number(float(v))} {u}".rstrip()
                        if not _is_na(u) else _number(float(v))
                        for v, u in zip(out[col], out[unit_col], strict=True)]
    for col in _RELATIVE_COLUMNS:
        if col in out:
            out[col] = [None if _is_na(v) else "0.0%" if float(v) == 0 else
                        f"{float(v) * 100:+.2g}%" if abs(float(v)) * 100 < 0.1
                        else f"{float(v) * 100:+.1f}%" for v in out[col]]
    return out


def describe(row: Mapping[str, Any]) -> str:
    """The tooltip for one quantity row: kind, normalised value, unit, bound, change.

    >>> describe({"kind": "money", "value": 3e10, "unit": "USD", "bound": "="})
    'money: 30,000,000,000 USD ($30bn)'
    >>> describe({"kind": "ratio", "value": 1.5, "unit": "times", "bound": "~", "change": "up"})
    'ratio: about 1.5 times, a rise'
    """
    kind = row.get("kind")
    value, unit = row.get("value"), row.get("unit")
    parts = [f"{kind}:" if not _is_na(kind) else "quantity:"]
    bound = {"~": "about", ">": "more than", "<": "up to"}.get(str(row.get("bound")))
    if bound:
        parts.append(bound)
    if not _is_na(value):
        low, high = row.get("low"), row.get("high")
        if not (_is_na(low) or _is_na(high)) and float(low) != float(high):
            parts.append(f"{_number(float(low))}–{_number(float(high))}")
        else:
            parts.append(_number(float(value)))
    if not _is_na(unit):
        parts.append(str(unit))
    text = " ".join(parts)
    if kind == "money" and not _is_na(value) and not _is_na(unit):
        text += f" ({format_money(float(value), str(unit))})"
    usd = row.get("value_usd")
    if not _is_na(usd) and str(unit) != "USD":
        text += f" ≈ {format_money(float(usd))} at the article's date"
    change = {"up": "a rise", "down": "a fall"}.get(str(row.get("change")))
    if change:
        text += f", {change}"
    return text


@dataclass(frozen=True)
class ArticleView:
    """An article and its quantities; displays as highlighted HTML in a notebook."""

    text: str
    quantities: pd.DataFrame
    title: str | None = None
    meta: dict[str, str] = field(default_factory=dict)

    def spans(self) -> tuple[list[tuple[int, int, dict[str, Any]]], list[str]]:
        """Highlightable (start, end, row) spans, and surfaces that could not be placed."""
        placed: list[tuple[int, int, dict[str, Any]]] = []
        skipped: list[str] = []
        rows = self.quantities.to_dict("records")
        rows.sort(key=lambda r: (_int(r.get("start")), -_int(r.get("end"))))
        last_end = 0
        for row in rows:
            start, end = _int(row.get("start")), _int(row.get("end"))
            surface = row.get("surface")
            if (start < 0 or end <= start or end > len(self.text) or start < last_end
                    or (not _is_na(surface) and self.text[start:end] != surface)):
                skipped.append(str(surface))
                continue
            placed.append((start, end, row))
            last_end = end
        return placed, skipped

    def to_html(self) -> str:
        """The view as one self-contained, escaped HTML fragment."""
        placed, skipped = self.spans()
        out: list[str] = []
        pos = 0
        for start, end, row in placed:
            out.append(_esc(self.text[pos:start]))
            kind = str(row.get("kind"))
            color = KIND_COLORS.get(kind, OTHER_COLOR)
            out.append(
                f'<mark class="econnews-q econnews-{_esc(kind)}" data-kind="{_esc(kind)}" '
                f'title="{_esc(describe(row))}" style="background:{color}2e;'
                f"border-bottom:2px solid {color};color:inherit;padding:0 1px;"
                f'border-radius:2px">{_esc(self.text[start:end])}</mark>'
            )
            pos = end
        out.append(_esc(self.text[pos:]))
        head = ""
        if self.title:
            head += f'<div style="font-weight:600;font-size:1.1em">{_esc(self.title)}</div>'
        if self.meta:
            items = " · ".join(f"{_esc(k)}: {_esc(v)}" for k, v in self.meta.items())
            head += f'<div style="color:#555;font-size:0.9em">{items}</div>'
        kinds = self.quantities["kind"].astype("string").value_counts() if len(self.quantities) \
            else pd.Series(dtype=int)
        legend = " ".join(
            f'<span style="background:{c}2e;border-bottom:2px solid {c};padding:0 4px">'
            f"{_esc(k)} {int(kinds.get(k, 0))}</span>"
            for k, c in KIND_COLORS.items()
        )
        foot = f"{len(self.quantities)} quantities; hover a highlight for its value."
        if skipped:
            foot += (f" Not highlighted (offsets overlap or do not match the text): "
                     f"{_esc(', '.join(skipped))}.")
        return (
            f'<div class="econnews-show {NO_MATH}" style="{_FONT};line-height:1.6;'
            'max-width:52em">'
            f"{head}"
            f'<div style="margin:4px 0;font-size:0.85em">{legend}</div>'
            f'<div class="econnews-text" style="white-space:pre-wrap">{"".join(out)}</div>'
            f'<div style="color:#555;font-size:0.85em;margin-top:4px">{_esc(foot)}</div>'
            "</div>"
        )

    def _repr_html_(self) -> str:
        return self.to_html()

    def __repr__(self) -> str:
        head = self.title or self.text[:60]
        return f"<ArticleView {head!r}: {len(self.quantities)} quantities>"


def _int(value: object) -> int:
    if _is_na(value):
        return -1
    return int(value)  # type: ignore[call-overload]


def _article(obj: object) -> dict[str, Any]:
    """text/id/date/title/source from a string, a mapping, a Series or a one-row frame."""
    if isinstance(obj, str):
        return {"text": obj}
    if isinstance(obj, pd.DataFrame):
        if len(obj) != 1:
            raise InputError(f"show() takes one article; got a table of {len(obj)} rows "
                             "(pass articles.iloc[i])")
        obj = obj.iloc[0]
    if isinstance(obj, (pd.Series, Mapping)):
        record = dict(obj.items())
        if "text" not in record or _is_na(record["text"]):
            raise InputError("show() needs an article with a 'text' field, or a string")
        return record
    raise InputError(f"show() takes a string or an article row, not {type(obj).__name__}")


def _quantities(text: str, doc_id: object, date: object) -> pd.DataFrame:
    from .extraction.scan import extract

    q = extract(text, doc_id=None if _is_na(doc_id) else str(doc_id),
                date=None if _is_na(date) else date)
    try:
        from .normalization.convert import normalize
    except ImportError:  # the normalize stage is optional for this view
        return q
    try:
        return normalize(q)
    except EconnewsError:
        return q  # tooltips then show the amount as written, not in USD


def show(
    text_or_article: str | Mapping[str, Any] | pd.Series | pd.DataFrame,
    *,
    quantities: pd.DataFrame | None = None,
) -> ArticleView:
    """The article with every quantity highlighted by kind, for a notebook.

    Takes a string, an articles-table row (``text`` plus optional ``id``,
    ``date``, ``title``, ``source``) or a one-row articles table. Quantities come
    from :func:`econnews.extract` (and :func:`econnews.normalize` when it can, so
    the tooltip gives the amount in USD) unless ``quantities`` is given; that
    table needs ``start``, ``end``, ``surface`` and ``kind``. Spans whose offsets
    do not match the text are listed under the article, not dropped silently.

    >>> view = show("Japanese investment is $ 2.2 billion.")
    >>> view.quantities["surface"].tolist()
    ['$ 2.2 billion']
    >>> 'data-kind="money"' in view._repr_html_()
    True
    """
    art = _article(text_or_article)
    text = str(art["text"])
    doc_id = art.get("id", art.get("doc_id"))
    if quantities is None:
        quantities = _quantities(text, doc_id, art.get("date"))
    schema.require(quantities, ["start", "end", "surface", "kind"], stage="show")
    meta = {k: str(art[k]) for k in ("source", "date", "id") if k in art and not _is_na(art[k])}
    if "date" in meta:
        meta["date"] = meta["date"].split(" 00:00:00")[0]
    title = art.get("title")
    return ArticleView(text=text, quantities=quantities.copy(),
                       title=None if _is_na(title) else str(title), meta=meta)


# ------------------------------------------------------------------- tables


def _cell(value: object, column: str) -> str:
    if _is_na(value):
        return ""
    if column in _MONEY_COLUMNS:
        return _esc(format_money(float(value)))  # type: ignore[arg-type]
    if isinstance(value, float):
        return _esc(_number(value)) if math.isfinite(value) else _esc(value)
    if isinstance(value, pd.Timestamp) and value == value.normalize():
        return _esc(value.date().isoformat())
    if isinstance(value, (list, tuple)):
        value = ", ".join(map(str, value))
    text = str(value)
    if len(text) > _TEXT_LIMIT:
        text = text[: _TEXT_LIMIT - 1] + "…"
    return _esc(text)


def _tint(palette: Mapping[str, str]) -> Callable[[object], str]:
    def color(value: object) -> str:
        c = palette.get(str(value))
        return f"background-color: {c}2e; border-left: 3px solid {c}" if c else ""

    return color


def _long_word(value: object) -> str:
    """CSS for a cell holding a long unbroken string (a URL): break it anywhere.

    >>> _long_word("https://example.org/a/very/long/path/to/a/story.html"), _long_word("USA,CHN")
    ('overflow-wrap: anywhere; min-width: 12em', '')
    """
    text = "" if _is_na(value) else str(value)
    return "overflow-wrap: anywhere; min-width: 12em" \
        if any(len(w) > 30 for w in text.split()) else ""


def style_table(frame: pd.DataFrame, *, max_rows: int = 50, index: bool = True) -> Styler:
    """A Styler for a quantities or claims table: escaped, readable, coloured by kind.

    Shows the first ``max_rows`` rows (the caption says how many there are);
    every cell and header is HTML-escaped; long text is cut to 160 characters;
    ``value_usd`` reads ``$20bn``, ``value`` carries its unit ("1.5 times"),
    ``deviation`` reads as a percent, long text (URLs) wraps inside its cell;
    ``kind`` and ``claim_type`` cells are tinted;
    ``index=False`` hides the row labels. The table carries the class
    ``mathjax_ignore`` (:data:`NO_MATH`), so that JupyterLab never typesets "$1.3
    billion … $1.7 billion" in a cell as math. The input is not modified.

    >>> import pandas as pd
    >>> s = style_table(pd.DataFrame({"surface": ["<i>$5</i>"], "kind": ["money"]}))
    >>> "&lt;i&gt;$5&lt;/i&gt;" in s.to_html()
    True
    """
    if not isinstance(frame, pd.DataFrame):
        raise InputError(f"style_table() takes a DataFrame, not {type(frame).__name__}")
    head = _with_units(frame.head(max_rows))
    # a stable id per content: same bytes run after run, no clash between tables
    uuid = hashlib.sha1(head.to_csv().encode("utf-8", "replace")).hexdigest()[:10]
    styler = Styler(head, uuid=f"econnews_{uuid}", cell_ids=False)
    styler = styler.format({c: (lambda v, c=c: _cell(v, c)) for c in head.columns})
    styler = styler.format_index(escape="html", axis=0).format_index(escape="html", axis=1)
    styler = styler.map(_long_word)  # a URL wraps inside its cell, not past the edge
    for column, palette in (("kind", KIND_COLORS), ("claim_type", CLAIM_COLORS)):
        if column in head:
            styler = styler.map(_tint(palette), subset=[column])
    styler = styler.set_table_styles([
        {"selector": "td", "props": "text-align: left; vertical-align: top; padding: 2px 6px"},
        {"selector": "th", "props": "text-align: left; padding: 2px 6px"},
        {"selector": "caption", "props": "caption-side: bottom; color: #555; text-align: left"},
    ])
    if not index:
        styler = styler.hide(axis="index")
    styler = styler.set_table_attributes(f'class="econnews-table {NO_MATH}"')
    shown = f"{len(head)} of {len(frame)} rows" if len(frame) > len(head) else f"{len(frame)} rows"
    return styler.set_caption(_esc(shown))


def table_html(frame: pd.DataFrame, *, max_rows: int = 50, index: bool = True) -> str:
    """The table as an escaped HTML fragment (see :func:`style_table`).

    >>> import pandas as pd
    >>> "$30bn" in table_html(pd.DataFrame({"value_usd": [3e10]}))
    True
    """
    return style_table(frame, max_rows=max_rows, index=index).to_html()


# ------------------------------------------------------------------- charts


@dataclass(frozen=True)
class ChartView:
    """A chart for a notebook: a PNG with alt text (title and source line).

    The output is an ``<img>`` with its ``alt`` (which JupyterLab and nbconvert's
    HTML export show) and the PNG with the alt text in its metadata, so an exported
    notebook has no image without a description.
    """

    png: bytes
    alt: str

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None
                          ) -> tuple[dict[str, Any], dict[str, Any]]:
        import base64

        png = base64.b64encode(self.png).decode("ascii")
        # text/html first: JupyterLab and nbconvert's lab template show it with its alt
        # text; image/png (alt in its metadata) for front ends that take images only
        data = {"text/html": f'<img src="data:image/png;base64,{png}" alt="{_esc(self.alt)}" '
                             'style="max-width: 100%; height: auto">',
                "image/png": png, "text/plain": f"<chart: {self.alt}>"}
        return data, {"image/png": {"alt": self.alt}}

    def __repr__(self) -> str:
        return f"<chart: {self.alt}>"


def chart(fig: Any, *, alt: str | None = None, dpi: int = 100) -> ChartView:
    """Show a matplotlib Figure in a notebook with alt text.

    ``alt`` defaults to the chart's title and its source line.

    >>> from econnews.plot import claims_timeline
    >>> import pandas as pd
    >>> c = pd.DataFrame({"date": pd.to_datetime(["2018-05-26", "2019-01-22"]),
    ...                   "value_usd": [1.8e10, 3e10], "claim_type": ["level", "target"]})
    >>> view = chart(claims_timeline(c, title="Russia–Japan trade"))
    >>> view.alt.startswith("Chart: Russia–Japan trade. Source:")
    True
    >>> view._repr_mimebundle_()[1]["image/png"]["alt"] == view.alt
    True
    """
    import io

    from matplotlib.figure import Figure

    from .plot import chart_title

    if not isinstance(fig, Figure):
        raise InputError(f"chart() takes a matplotlib Figure, not {type(fig).__name__}")
    if alt is None:
        notes = [t.get_text() for t in fig.findobj(lambda a: getattr(a, "get_gid", None)
                                                   and a.get_gid() == "econnews-source")]
        note = " ".join(" ".join(n.split()) for n in notes if n)
        alt = f"Chart: {chart_title(fig) or 'untitled'}." + (f" {note}" if note else "")
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, metadata={"Software": "econnews"})
    return ChartView(png=buf.getvalue(), alt=alt)


# ----------------------------------------------------------- claims browser
# (in econnews/review.py; its names stay importable from here)

_BROWSER_NAMES = ("BROWSER_COLUMNS", "ClaimsBrowser", "claim_label", "claims_browser",
                  "highlight_claim")


def __getattr__(name: str) -> Any:
    if name in _BROWSER_NAMES:
        from . import review

        return getattr(review, name)
    raise AttributeError(f"module 'econnews.display' has no attribute {name!r}")
