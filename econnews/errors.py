"""Coded errors and warnings, in one place.

Every error econnews raises on purpose is an :class:`EconnewsError` with a short
code (``E0xx``) and a message that says what to do about it:

>>> from econnews.errors import MissingColumnsError
>>> str(MissingColumnsError("normalize", ["unit"]))
"[E001] normalize needs the column(s) 'unit'; pass the table returned by econnews.extract()"
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = [
    "CurrencyMixError", "DatasetError", "EconnewsError", "EconnewsWarning", "ExtractWarning",
    "InputError", "LoadWarning", "MissingColumnsError", "OutputError", "RatesError",
    "ReferenceDataError", "SchemaError",
]

#: stages that take the claims table, and those that take the articles table
_CLAIMS_STAGES = {"plot", "claims_timeline", "compare_claims", "compare", "check"}
_ARTICLE_STAGES = {"extract_corpus", "flag_duplicates", "find_claims"}
_ARTICLE_COLUMNS = {"id", "text", "title", "date", "source"}


def _hint(stage: str, missing: Sequence[str]) -> str:
    """The fix for a table without the columns ``stage`` needs: which function makes it.

    >>> _hint("claims_timeline", ["concept"])
    'pass the claims table returned by econnews.find_claims()'
    >>> _hint("extract_corpus", ["text"])
    'pass the articles table returned by econnews.load_articles() (columns id and text)'
    """
    if stage in _CLAIMS_STAGES:
        return "pass the claims table returned by econnews.find_claims()"
    if stage in _ARTICLE_STAGES and set(missing) <= _ARTICLE_COLUMNS:
        return ("pass the articles table returned by econnews.load_articles() "
                "(columns id and text)")
    return "pass the table returned by econnews.extract()"


class EconnewsError(ValueError):
    """Base class: every error econnews raises on purpose."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")


class MissingColumnsError(EconnewsError, KeyError):
    """A stage was given a table without the columns it requires."""

    code = "E001"

    def __init__(self, stage: str, missing: Sequence[str], hint: str | None = None) -> None:
        self.stage = stage
        self.missing = list(missing)
        names = ", ".join(repr(m) for m in missing)
        hint = hint or _hint(stage, self.missing)
        super().__init__(f"{stage} needs the column(s) {names}; {hint}")

    def __str__(self) -> str:  # KeyError would add quotes
        return self.args[0]


class SchemaError(EconnewsError):
    """A table does not fit its schema (wrong type, wrong dtype)."""

    code = "E002"


class InputError(EconnewsError):
    """Input that cannot be read: a bad file, a bad option value."""

    code = "E003"


class RatesError(EconnewsError):
    """A user-supplied exchange-rate table is malformed."""

    code = "E004"


class CurrencyMixError(EconnewsError):
    """A single-unit typed column was asked of rows in several currencies."""

    code = "E005"


class DatasetError(EconnewsError):
    """A public dataset could not be found, downloaded or parsed."""

    code = "E006"


class OutputError(EconnewsError):
    """An output file or folder cannot be written (missing folder, read-only, disk
    full, another report writing there); the message says the fix."""

    code = "E007"


class ReferenceDataError(EconnewsError):
    """A reference table of official figures has a missing column or a bad row."""

    code = "E008"


class EconnewsWarning(UserWarning):
    """Base class for warnings econnews emits."""


class LoadWarning(EconnewsWarning):
    """Some inputs could not be read; the articles table lacks them.

    Emitted once per :func:`econnews.load_articles` call (``errors="warn"``); the
    error records are in ``articles.attrs["errors"]``, typed by
    :func:`econnews.load.errors_table`.

    >>> issubclass(LoadWarning, EconnewsWarning)
    True
    """


class ExtractWarning(EconnewsWarning):
    """Some articles could not be extracted; the result lacks their quantities.

    Emitted once per :func:`econnews.extract_corpus` call (``errors="warn"``); the
    error records are in ``quantities.attrs["errors"]``, typed by
    :func:`econnews.load.errors_table`.

    >>> issubclass(ExtractWarning, EconnewsWarning)
    True
    """
