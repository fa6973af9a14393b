"""A small articles table of made-up sentences, shared by the corpus and Dask tests."""

from __future__ import annotations

import pandas as pd

SENTENCES = [
    "Japan's exports to Russia rose 5% to $3 billion.",
    "Putin proposed to increase mutual trade by 1.5 times.",
    "The total amount of Japanese investments is $ 2.2 billion.",
    "Trade between the two countries reached $30 billion.",
    "Imports fell 12 percent in March.",
    "The ministry said nothing new.",
]


def sample_articles(n: int, *, per_article: int, id_format: str = "a{}",
                    daily: bool = False, sources: list | None = None) -> pd.DataFrame:
    """``n`` articles of ``per_article`` consecutive sentences each (cycling through
    :data:`SENTENCES`), dated 2019-01-22 (one day apart with ``daily``)."""
    dates = pd.to_datetime(["2019-01-22"] * n)
    if daily:
        dates = dates + pd.to_timedelta(range(n), unit="D")
    return pd.DataFrame({
        "id": [id_format.format(i) for i in range(n)],
        "date": dates,
        "source": sources if sources is not None else ["Wire"] * n,
        "text": [" ".join(SENTENCES[j % len(SENTENCES)] for j in range(i, i + per_article))
                 for i in range(n)],
    })
