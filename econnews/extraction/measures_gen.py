"""Generator for ``econnews/data/measures_quantulum.tsv``: quantulum3's unit lexicon as
:func:`econnews.extraction.measures.lookup` reads it, with each unit's pint expression.

Loading quantulum3's units (it imports inflect, which type-checks itself on import) and
pint's registry took seconds on the first measure an extractor met; the table they
yield is small and fixed, so it is generated, committed, and checked by
``tests/test_extract_units.py``, which regenerates it and diffs. Regenerate after
upgrading quantulum3 or pint::

    python -m econnews.extraction.measures_gen

Rows: ``table`` (``symbol``: case-sensitive symbols; ``surface``: lower-cased names and
plurals), ``key``, ``name`` (the unit chosen: the first by name that is not
dimensionless, a currency or unknown; empty when every unit the key names is one of
those) and ``pint`` (the unit as a pint expression).

>>> text = generate()
>>> "surface\\tkilopascal\\tkilopascal\\tkilopascal" in text
True
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

#: quantulum3 entities a measure never has.
SKIP_ENTITIES = frozenset({"dimensionless", "currency", "unknown"})

OUT = Path(__file__).resolve().parents[1] / "data" / "measures_quantulum.tsv"


def _quantulum_units():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import quantulum3.classifier as clf

        clf.USE_CLF = False
        from quantulum3 import load

        return load.units("en_US")


def to_pint(name: str, ureg) -> str:
    """A pint expression for a quantulum3 unit name ('mile per hour' -> 'mile / hour');
    the name itself when pint cannot read it."""
    import pint

    expr = name.replace(" per ", " / ").replace("-", "_")
    parts = re.split(r"(\s/\s)", expr)
    out = []
    for p in parts:
        if p == " / ":
            out.append(p)
            continue
        p = p.replace("square ", "").strip() + ("**2" if p.startswith("square ") else "")
        p = p.replace("cubic ", "").strip() + ("**3" if "cubic " in name and "**" not in p else "")
        out.append(" * ".join(p.split()))
    cand = "".join(out)
    try:
        ureg.parse_units(cand)
        return str(ureg.parse_units(cand))
    except (pint.errors.PintError, AttributeError, TypeError, ValueError, AssertionError):
        return name


def generate() -> str:
    """The TSV text (header first, rows sorted)."""
    import pint

    units = _quantulum_units()
    ureg = pint.UnitRegistry()
    rows = []
    for table, entries in (("symbol", units.symbols), ("surface", units.surfaces_lower)):
        for key, hits in entries.items():
            if not hits:
                continue
            cands = sorted((u for u in hits if u.entity.name not in SKIP_ENTITIES),
                           key=lambda u: u.name)
            name = cands[0].name if cands else ""
            rows.append((table, key, name, to_pint(name, ureg) if name else ""))
    rows.sort()
    return "\n".join("\t".join(r) for r in [("table", "key", "name", "pint"), *rows]) + "\n"


if __name__ == "__main__":  # pragma: no cover
    OUT.write_text(generate(), encoding="utf-8")
    print(f"wrote {OUT}")
