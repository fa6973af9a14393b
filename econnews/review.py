"""The claims browser: filter, read why, correct, re-run.

Review is a loop: filter the claims (``needs_review`` first), read each one's
sentence and the evidence of each field (which reading set it: the figure's
phrase, the clause's subject, an earlier sentence, the headline, a default …),
correct what is wrong, and run again: the correction is saved to
``corrections.csv`` (:mod:`econnews.claims.corrections`) and every later run of
:func:`econnews.find_claims`, the command line and the report applies it.

All article text is HTML-escaped and shown in elements MathJax skips.

>>> import econnews as en
>>> arts = pd.DataFrame({"id": ["a"], "text": ["Trade between Russia and Japan was $20 billion in 2018."]})
>>> b = claims_browser(en.find_claims(arts), arts)
>>> len(b.filter(concept="trade")), "<mark" in b.choose(0)
(1, True)
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from . import schema
from .display import _FONT, NO_MATH, _esc, _is_na, _number
from .errors import EconnewsError, InputError
from .plot import format_money

__all__ = ["EVIDENCE", "ClaimsBrowser", "claim_label", "claims_browser", "evidence_html",
           "highlight_claim"]

#: Claim columns the browser needs.
BROWSER_COLUMNS = ["doc_id", "concept", "parties", "claim_type", "surface"]
#: Field -> the evidence column saying which reading set it (shown when present).
EVIDENCE = {"concept": "concept_by", "parties": "parties_by", "claim_type": "claim_type_by",
            "period": "period_by", "speaker": "speaker_by"}
_ALL = "(all)"
_REVIEW = {"all claims": None, "needs review": True, "reviewed as fine": False}


def _options(series: pd.Series) -> list[str]:
    values = sorted({str(v) for v in series.dropna().astype(str) if str(v).strip()})
    return [_ALL, *values]


def claim_label(row: Mapping[str, Any]) -> str:
    """One line naming a claim in the browser's list (✎ when corrected, ⚑ when it
    needs review).

    >>> claim_label({"date": pd.Timestamp("2019-01-22"), "concept": "trade", "parties": "JPN,RUS",
    ...              "claim_type": "target", "value_usd": 3e10, "surface": "$30 billion"})
    '2019-01-22 · trade · JPN,RUS · target · $30bn · “$30 billion”'
    """
    parts = []
    date = row.get("date")
    if not _is_na(date):
        parts.append(pd.Timestamp(date).date().isoformat())
    for key in ("concept", "parties", "claim_type"):
        value = row.get(key)
        if not _is_na(value):
            parts.append(str(value))
    usd = row.get("value_usd")
    if not _is_na(usd):
        parts.append(format_money(float(usd)))
    surface = row.get("surface")
    if not _is_na(surface):
        parts.append(f"“{surface}”")
    flags = ("⚑ " if row.get("needs_review") is True else "") + (
        "✎ " if not _is_na(row.get("corrected")) and row.get("corrected") else "")
    return flags + " · ".join(parts)


def _locate(text: str, claim: Mapping[str, Any], by_id: Mapping[str, Mapping[str, Any]]
            ) -> tuple[int, int, int, int] | None:
    """(sentence start, end, quantity start, end) of a claim in its article's text."""
    claim = dict(claim)
    if _is_na(claim.get("sentence")) and not _is_na(claim.get("derived_from")):
        for cid in str(claim["derived_from"]).split(","):  # an implied row: its first source
            if cid in by_id and not _is_na(by_id[cid].get("sentence")):
                claim = dict(by_id[cid])
                break
    sentence = claim.get("sentence")
    start, end = claim.get("start"), claim.get("end")
    q_start = -1 if _is_na(start) else int(start)
    q_end = -1 if _is_na(end) else int(end)
    if _is_na(sentence) or not str(sentence).strip():
        return None
    sentence = str(sentence)
    s_start = -1
    if 0 <= q_start < len(text):  # the occurrence of the sentence holding the quantity
        s_start = text.rfind(sentence, 0, q_start + 1)
        if s_start < 0 or s_start + len(sentence) < q_end:
            s_start = -1
    if s_start < 0:
        s_start = text.find(sentence)
    if s_start < 0:
        return None
    s_end = s_start + len(sentence)
    if not (s_start <= q_start < q_end <= s_end):
        q_start = q_end = -1
    return s_start, s_end, q_start, q_end


def highlight_claim(text: str, claim: Mapping[str, Any],
                    claims_by_id: Mapping[str, Mapping[str, Any]] | None = None) -> str:
    """The article as escaped HTML with the claim's sentence marked and its figure bold.

    >>> html_ = highlight_claim("Trade grew. Trade is <b>$20bn</b> now.",
    ...     {"sentence": "Trade is <b>$20bn</b> now.", "start": 24, "end": 29})
    >>> "Trade grew. <mark" in html_, "Trade is &lt;b&gt;<strong>$20bn</strong>&lt;/b&gt;" in html_
    (True, True)
    """
    style = (f"{_FONT}; white-space: pre-wrap; line-height: 1.5; max-width: 60em; "
             "border: 1px solid #ddd; padding: 8px 12px; background: #fff")
    spot = _locate(text, claim, claims_by_id or {})
    if spot is None:
        note = ('<p style="color:#8a4b00">This claim\'s sentence was not found in the '
                "article text.</p>")
        return f'<div class="{NO_MATH}" style="{style}">{_esc(text)}</div>{note}'
    s0, s1, q0, q1 = spot
    mark = 'style="background: #fff2a8; padding: 1px 0"'
    inner = (_esc(text[s0:q0]) + f"<strong>{_esc(text[q0:q1])}</strong>" + _esc(text[q1:s1])
             if q0 >= 0 else _esc(text[s0:s1]))
    return (f'<div class="{NO_MATH}" style="{style}">{_esc(text[:s0])}'
            f'<mark data-econnews="sentence" {mark}>{inner}</mark>{_esc(text[s1:])}</div>')


def evidence_html(row: Mapping[str, Any]) -> str:
    """Each field of a claim beside the reading that set it, corrected fields marked.

    The ``*_by`` evidence columns and ``needs_review``/``review_reason`` are shown
    when the claims table has them.

    >>> h = evidence_html({"concept": "trade", "concept_by": "phrase", "period": "2018",
    ...                    "corrected": "period", "needs_review": True,
    ...                    "review_reason": "period from an <earlier> sentence"})
    >>> "phrase" in h, "corrected" in h, "&lt;earlier&gt;" in h
    (True, True, True)
    """
    fixed = set(str(row.get("corrected") or "").split(",")) if not _is_na(
        row.get("corrected")) else set()
    cells = []
    for field in ("concept", "parties", "party_from", "party_to", "claim_type", "period",
                  "value", "unit", "speaker"):
        if field not in row:
            continue
        value = row.get(field)
        shown = "" if _is_na(value) else (_number(float(value)) if field == "value"
                                          else str(value))
        unit = row.get("unit")
        if field == "value" and shown and isinstance(unit, str) and len(unit) == 3 \
                and unit.isupper():
            shown += f" ({format_money(float(value), unit)})"
        by = row.get(EVIDENCE.get(field, ""), None)
        how = "corrected by the analyst" if field in fixed else (
            "" if by is None or _is_na(by) else str(by).replace("_", " "))
        style = ' style="background:#e6f4ea"' if field in fixed else ""
        cells.append(f"<tr{style}><th style=\"text-align:left;padding:1px 8px\">"
                     f"{_esc(field.replace('_', ' '))}</th><td style=\"padding:1px 8px\">"
                     f"{_esc(shown)}</td><td style=\"padding:1px 8px;color:#555\">"
                     f"{_esc(how)}</td></tr>")
    head = "" if any(col in row for col in EVIDENCE.values()) else (
        '<p style="color:#555;margin:2px 0">This claims table has no evidence columns '
        "(which reading set each field).</p>")
    if row.get("needs_review") is True or (not _is_na(row.get("needs_review"))
                                           and bool(row.get("needs_review"))):
        reason = row.get("review_reason")
        head += ('<p style="color:#8a4b00;margin:2px 0">⚑ needs review'
                + ("" if _is_na(reason) or reason is None else f": {_esc(reason)}") + "</p>")
    return (f'<div class="econnews-evidence {NO_MATH}" style="{_FONT};font-size:0.9em">'
            f"{head}<table style=\"border-collapse:collapse;line-height:1.25\"><thead><tr><th style=\"text-align:left;padding:1px 8px\">field"
            "</th><th style=\"text-align:left;padding:1px 8px\">value</th>"
            "<th style=\"text-align:left;padding:1px 8px\">read from</th></tr></thead>"
            f"<tbody>{''.join(cells)}</tbody></table></div>")


class ClaimsBrowser:
    """Filter claims, read each one's sentence and evidence, and correct it.

    Built on ipywidgets: dropdowns for concept, parties, claim type and review
    state (the last only when the table has ``needs_review``), a list of the
    matching claims, the evidence of the chosen claim (which reading set each
    field), the article with the claim's sentence highlighted (all text
    escaped), and, when ``corrections`` names a file, a form that saves a
    correction to it. :meth:`filter`, :meth:`choose` and :meth:`correct` do in
    code what the controls do.
    """

    def __init__(self, claims: pd.DataFrame, articles: pd.DataFrame, *,
                 corrections: str | os.PathLike[str] | None = None,
                 who: str | None = None) -> None:
        import ipywidgets as w

        from .claims.corrections import FIELDS, apply_corrections

        schema.require(claims, BROWSER_COLUMNS, stage="claims_browser")
        if "id" not in articles or "text" not in articles:
            raise InputError("claims_browser() needs the articles table (columns id, text)")
        self.path = None if corrections is None else Path(corrections)
        self.who = who
        if self.path is not None and "corrected" not in claims and "claim_id" in claims:
            claims = apply_corrections(claims, self.path)
        self.claims = claims.reset_index(drop=True)
        self.texts = {str(i): str(t) for i, t in zip(articles["id"], articles["text"],
                                                     strict=True) if not _is_na(t)}
        self.titles = ({str(i): str(t) for i, t in zip(articles["id"], articles["title"],
                                                       strict=True) if not _is_na(t)}
                       if "title" in articles else {})
        records = self.claims.to_dict("records")
        self._by_id = {str(r["claim_id"]): r for r in records
                       if "claim_id" in r and not _is_na(r.get("claim_id"))}
        self.concept = w.Dropdown(options=_options(self.claims["concept"]),
                                  description="concept")
        self.parties = w.Dropdown(options=_options(self.claims["parties"]),
                                  description="parties")
        self.claim_type = w.Dropdown(options=_options(self.claims["claim_type"]),
                                     description="claim type")
        has_review = "needs_review" in self.claims
        self.review = w.Dropdown(options=list(_REVIEW), description="review",
                                 disabled=not has_review,
                                 tooltip=None if has_review else
                                 "this claims table has no needs_review column")
        self.count = w.HTML()
        self.list = w.Select(options=[], rows=8, description="claim",
                             layout=w.Layout(width="100%"))
        self.evidence = w.HTML()
        self.article = w.HTML()
        self.field = w.Dropdown(options=list(FIELDS), description="correct")
        self.new = w.Text(description="to", placeholder="the right value")
        self.note = w.Text(description="note", placeholder="why (optional)")
        self.save = w.Button(description="Save correction", button_style="primary",
                             disabled=self.path is None or "claim_id" not in self.claims)
        self.status = w.HTML()
        for control in (self.concept, self.parties, self.claim_type, self.review):
            control.observe(self._refilter, names="value")
        self.list.observe(self._show, names="value")
        self.save.on_click(self._save)
        form = [w.HBox([self.field, self.new, self.note, self.save]), self.status]
        if self.path is None:
            self.status.value = ('<span style="color:#555">To save corrections, open the '
                                 "browser with <code>corrections=</code> a file path.</span>")
        self.widget = w.VBox([w.HBox([self.concept, self.parties]),
                              w.HBox([self.claim_type, self.review]),
                              self.count, self.list, self.evidence, *form, self.article])
        self.widget.add_class("econnews-claims-browser")
        self._refilter()

    # what the controls do
    def matching(self) -> pd.DataFrame:
        """The claims that pass the filters."""
        mask = pd.Series(True, index=self.claims.index)
        for column, control in (("concept", self.concept), ("parties", self.parties),
                                ("claim_type", self.claim_type)):
            if control.value != _ALL:
                mask &= self.claims[column].astype("string").eq(control.value).fillna(False)
        wanted = _REVIEW[self.review.value]
        if wanted is not None and "needs_review" in self.claims:
            flag = self.claims["needs_review"].astype("boolean").fillna(False)
            mask &= flag if wanted else ~flag
        return self.claims.loc[mask.to_numpy(dtype=bool)]

    def _refilter(self, _change: Any = None) -> None:
        shown = self.matching()
        self.count.value = f"<b>{len(shown):,}</b> of {len(self.claims):,} claims"
        keep = self.list.value
        self.list.options = [(claim_label(r), i) for i, r in zip(shown.index,
                                                                  shown.to_dict("records"),
                                                                  strict=True)]
        self.list.value = keep if keep in shown.index else (
            shown.index[0] if len(shown) else None)
        self._show()

    def _show(self, _change: Any = None) -> None:
        index = self.list.value
        if index is None:
            self.article.value = "<p>No claim matches these filters.</p>"
            self.evidence.value = ""
            return
        row = self.claims.loc[index].to_dict()
        self.evidence.value = evidence_html(row)
        doc = str(row.get("doc_id"))
        text = self.texts.get(doc)
        head = _esc(self.titles.get(doc, doc))
        if text is None:
            self.article.value = f"<h4>{head}</h4><p>The article's text is not loaded.</p>"
            return
        self.article.value = (f"<h4>{head}</h4>"
                              + highlight_claim(text, row, self._by_id))

    def _save(self, _button: Any = None) -> None:
        if self.list.value is None:
            self.status.value = "<span style='color:#8a4b00'>Choose a claim first.</span>"
            return
        try:
            self.correct(self.list.value, self.field.value, self.new.value,
                         note=self.note.value)
        except EconnewsError as exc:
            self.status.value = f"<span style='color:#8a4b00'>{_esc(exc)}</span>"

    def filter(self, *, concept: str | None = None, parties: str | None = None,
               claim_type: str | None = None, needs_review: bool | None = None
               ) -> pd.DataFrame:
        """Set the filters (None: all) and return the matching claims."""
        self.concept.value = concept or _ALL
        self.parties.value = parties or _ALL
        self.claim_type.value = claim_type or _ALL
        self.review.value = {None: "all claims", True: "needs review",
                             False: "reviewed as fine"}[needs_review]
        return self.matching()

    def choose(self, index: int) -> str:
        """Pick the claim at row ``index`` of the claims table; return the article HTML."""
        self.list.value = index
        return self.article.value

    def correct(self, index: int, field: str, new: Any, *, note: str = "") -> str:
        """Correct ``field`` of the claim at row ``index`` to ``new``; save it to the
        corrections file and show it at once. Returns the status line."""
        from .claims.corrections import add_correction, apply_corrections

        if self.path is None:
            raise InputError("this browser has no corrections file; open it with "
                             "claims_browser(claims, articles, corrections='corrections.csv')")
        row = self.claims.loc[index]
        cid = str(row["claim_id"])
        table = add_correction(self.path, self.claims, cid, field, new, who=self.who,
                               note=note)
        last = table.iloc[[-1]]
        fixed = apply_corrections(self.claims, last, warn=False)
        if field == "not_a_claim":
            self.claims = self.claims.drop(index=index)
        else:
            new_row = fixed.loc[fixed["claim_id"].astype("string") == cid].iloc[0]
            earlier = self.claims.at[index, "corrected"] if "corrected" in self.claims \
                else pd.NA
            for col in fixed.columns:
                if col != "corrected" and col in self.claims:
                    self.claims.at[index, col] = new_row[col]
            if "corrected" not in self.claims:
                self.claims["corrected"] = pd.Series(pd.NA, index=self.claims.index,
                                                     dtype="string")
            fields = [f for f in str(earlier).split(",") if f and not _is_na(earlier)]
            self.claims.at[index, "corrected"] = ",".join(dict.fromkeys([*fields, field]))
        self._by_id = {str(r["claim_id"]): r for r in self.claims.to_dict("records")}
        self._refilter()
        said = (f"Saved to {_esc(self.path.name)}: {_esc(cid)} {_esc(field)} → "
                f"{_esc(last['new'].iloc[0])}. Re-run the notebook (or the command) to see "
                "it in every chart.")
        self.status.value = f"<span style='color:#1e6b34'>{said}</span>"
        return said

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)


def claims_browser(claims: pd.DataFrame, articles: pd.DataFrame, *,
                   corrections: str | os.PathLike[str] | None = None,
                   who: str | None = None) -> ClaimsBrowser:
    """A claims browser for a notebook (see :class:`ClaimsBrowser`).

    Requires the claims columns ``doc_id, concept, parties, claim_type, surface``
    (and ``sentence``, ``start``, ``end`` to highlight; ``claim_id`` to correct) and
    the articles table (``id``, ``text``). ``corrections``: the file corrections are
    saved to (``corrections.csv`` beside the data); ``who``: the name saved with
    them (default: the login name).

    >>> import econnews as en, tempfile, pathlib
    >>> arts = pd.DataFrame({"id": ["a"], "text": ["Trade between Russia and Japan was $20 billion in 2018."]})
    >>> with tempfile.TemporaryDirectory() as d:
    ...     b = claims_browser(en.find_claims(arts), arts, corrections=pathlib.Path(d) / "c.csv")
    ...     said = b.correct(0, "period", "2017", note="a test")
    ...     again = en.find_claims(arts, corrections=pathlib.Path(d) / "c.csv")
    >>> again.loc[0, ["period", "corrected"]].tolist()
    ['2017', 'period']
    """
    return ClaimsBrowser(claims, articles, corrections=corrections, who=who)
