"""How much of a checked claims table the official figures reach, and which vintage
judged it: the coverage line of notebook 04 and the report.

>>> import pandas as pd
>>> t = pd.DataFrame({"verdict": ["consistent", "basis_differs", "not_comparable",
...                               "no_reference"],
...                   "ref_vintage": ["first_published", "census_2024-06", None, None]})
>>> s = coverage(t)
>>> s["checked"], s["checkable"], s["vintages"]
(2, 3, {'census_2024-06': 1, 'first_published': 1})
>>> coverage_line(t)
'2 of 3 checkable claims checked (67%); judged against census_2024-06 (1), first_published (1)'
"""

from __future__ import annotations

from typing import Any

import pandas as pd

__all__ = ["JUDGED", "coverage", "coverage_line"]

#: the verdicts that judge a claim (the others say why it could not be)
JUDGED = ("consistent", "overstated", "understated", "basis_differs")


def coverage(checked: pd.DataFrame) -> dict[str, Any]:
    """``checked``: claims with a verdict; ``checkable``: claims whose concept and parties
    the reference covers (every verdict but ``no_reference``); ``vintages``: how many
    verdicts each vintage gave.

    >>> import pandas as pd
    >>> coverage(pd.DataFrame({"verdict": ["consistent", "no_reference"],
    ...                        "ref_vintage": ["first_published", None]}))
    {'checked': 1, 'checkable': 1, 'claims': 2, 'vintages': {'first_published': 1}}
    """
    verdict = checked["verdict"].astype("string")
    judged = verdict.isin(JUDGED)
    vintages: dict[str, int] = {}
    if "ref_vintage" in checked:
        counts = checked.loc[judged.to_numpy(dtype=bool), "ref_vintage"].astype("string") \
            .fillna("unnamed").value_counts()
        vintages = {str(k): int(v) for k, v in sorted(counts.items())}
    return {"checked": int(judged.sum()), "checkable": int((verdict != "no_reference").sum()),
            "claims": len(checked), "vintages": vintages}


def coverage_line(checked: pd.DataFrame) -> str:
    """One sentence: claims checked of those checkable, and the vintages that judged them.

    >>> import pandas as pd
    >>> coverage_line(pd.DataFrame({"verdict": ["overstated", "not_comparable"],
    ...                             "ref_vintage": ["census_2024-06", None]}))
    '1 of 2 checkable claims checked (50%); judged against census_2024-06 (1)'
    """
    s = coverage(checked)
    share = f" ({s['checked'] / s['checkable']:.0%})" if s["checkable"] else ""
    line = f"{s['checked']} of {s['checkable']} checkable claims checked{share}"
    if s["vintages"]:
        line += "; judged against " + ", ".join(f"{k} ({v})" for k, v in s["vintages"].items())
    return line
