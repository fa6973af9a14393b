"""One quantity mention while the extractor reads it (before it becomes a table row).

>>> q = Mention(0, 3, "money", 5.0, 5.0, 5.0, "USD")
>>> q.bound, q.change
('=', None)
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)  # slots: built and read for every mention
class Mention:
    start: int
    end: int
    kind: str
    value: float
    low: float
    high: float
    unit: str | None = None
    unit_name: str | None = None
    bound: str = "="
    change: str | None = None
    per: str | None = None
    role: str | None = None
    scaled: bool = False  # written with a scale word ("5.7 billion"): a flag, not a dict


_Q = Mention
