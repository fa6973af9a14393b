"""Benchmark: econnews.normalize over a synthetic 100,000-row money table.

Run: ``/work/venv/bin/python benchmarks/normalize.py [rows]``. The table is random
(amounts, six currencies, days 2000-2024), not article data; it measures the rate
lookups (one per distinct currency and day) and the column arithmetic.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from econnews import schema
from econnews.normalization.convert import normalize


def table(n: int, seed: int = 0) -> pd.DataFrame:
    """A random quantities table of ``n`` money rows."""
    rng = np.random.default_rng(seed)
    days = pd.Timestamp("2000-01-01") + pd.to_timedelta(rng.integers(0, 9000, n), unit="D")
    value = rng.random(n) * 1e9
    return schema.coerce(pd.DataFrame({
        "kind": ["money"] * n, "value": value, "low": value, "high": value,
        "unit": rng.choice(["USD", "JPY", "EUR", "GBP", "RUB", "INR"], n), "date": days,
    }), schema.QUANTITIES)


def main(argv: list[str] | None = None) -> int:
    """Print rows, seconds and the status counts; return 0."""
    args = sys.argv[1:] if argv is None else argv
    n = int(args[0]) if args else 100_000
    q = table(n)
    normalize(q.head(10))  # load the ECB file outside the timing
    start = time.perf_counter()
    out = normalize(q)
    seconds = time.perf_counter() - start
    print(f"normalize: {n} rows in {seconds:.2f} s ({n / seconds:,.0f} rows/s)")
    print(out["fx_status"].value_counts().to_string())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
