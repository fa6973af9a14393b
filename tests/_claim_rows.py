"""Helpers for tests that read one claim row out of our own sentences."""

from __future__ import annotations

import warnings

import pandas as pd

from econnews.claims import find_claims


def claims_of(text: str, date: str = "2024-05-10") -> pd.DataFrame:
    """The claims read from ``text`` (one article dated ``date``), implied rows left out."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        c = find_claims({"id": "x", "date": date, "text": text})
    return c[c["claim_type"] != "implied"]


def row_of(text: str, surface: str, date: str = "2024-05-10") -> dict[str, object]:
    """The one claim whose figure starts with ``surface``, missing values as None."""
    c = claims_of(text, date)
    hit = c[c["surface"].str.startswith(surface)]
    assert len(hit) == 1, (surface, c[["surface", "concept"]].to_dict("records"))
    return {k: (None if not isinstance(v, (str, bool)) and pd.isna(v) else v)
            for k, v in hit.iloc[0].items()}
