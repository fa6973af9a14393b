"""Which field of a JSON record or CSV row holds each article column.

Private helper of :mod:`econnews.load`. The defaults cover common exports:
plain ``{id, date, title, source, url, text}`` records, NewsAPI
(``publishedAt``, ``source.name``, ``content``), the Guardian content API
(``webTitle``, ``webPublicationDate``, ``webUrl``, ``fields.bodyText``), GDELT /
news-please style dumps (``maintext``, ``date_publish``) and spreadsheets with
``headline``/``body`` columns. A user's ``fields=`` mapping is tried first.

>>> resolve({"headline": "Trade up", "body": "Trade rose 5%."}, {})[0]["title"]
'Trade up'
>>> resolve({"source": {"id": "bbc", "name": "BBC News"}, "text": "x"}, {})[0]["source"]
'BBC News'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..errors import InputError

__all__ = ["COLUMNS", "DEFAULT_FIELDS", "check_fields", "resolve"]

COLUMNS = ("id", "date", "title", "source", "url", "text")

#: column -> field names tried in order (dotted names walk into nested objects;
#: a name matches case-insensitively when no exact match exists).
DEFAULT_FIELDS: dict[str, tuple[str, ...]] = {
    "id": ("id", "_id", "doc_id", "docid", "article_id", "uuid", "guid"),
    "date": ("date", "published", "published_at", "publishedAt", "publish_date",
             "date_publish", "pub_date", "publication_date", "webPublicationDate",
             "datetime", "timestamp", "created_at"),
    "title": ("title", "headline", "webTitle"),
    "source": ("source", "source_name", "publisher", "sitename", "site_name", "outlet",
               "source_domain", "domain"),
    "url": ("url", "link", "webUrl", "web_url", "href", "uri"),
    "text": ("text", "body", "content", "maintext", "article", "full_text", "fulltext",
             "fields.bodyText", "bodyText", "story"),
}


def check_fields(fields: Mapping[str, str | Sequence[str]] | None) -> dict[str, tuple[str, ...]]:
    """Validate a user's ``fields=`` option: ``{column: field or [fields]}``.

    >>> check_fields({"text": "story_body"})
    {'text': ('story_body',)}
    """
    if fields is None:
        return {}
    if not isinstance(fields, Mapping):
        raise InputError("fields= must be a mapping such as {'text': 'body'}")
    out: dict[str, tuple[str, ...]] = {}
    for column, names in fields.items():
        if column not in COLUMNS:
            raise InputError(f"fields= names the unknown column {column!r}; "
                             f"use one of {', '.join(COLUMNS)}")
        if isinstance(names, str):
            names = (names,)
        if not all(isinstance(n, str) for n in names):
            raise InputError(f"fields={{{column!r}: ...}} must be a field name or a list of names")
        out[column] = tuple(names)
    return out


def _get(record: Mapping[str, Any], name: str) -> tuple[bool, Any, str | None]:
    """(found, value, top-level key used)."""
    if name in record:
        return True, record[name], name
    if "." in name:
        head, _, rest = name.partition(".")
        if isinstance(record.get(head), Mapping):
            found, value, _ = _get(record[head], rest)
            if found:
                return True, value, head
        return False, None, None
    lower = name.lower()
    for key in record:
        if isinstance(key, str) and key.lower() == lower:
            return True, record[key], key
    return False, None, None


def _blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and value != value:
        return True
    return isinstance(value, str) and not value.strip()


def resolve(record: Mapping[str, Any], fields: Mapping[str, tuple[str, ...]]
            ) -> tuple[dict[str, Any], dict[str, Any]]:
    """Split a record into (article columns found, the remaining fields as extras)."""
    found: dict[str, Any] = {}
    used: set[str] = set()
    for column in COLUMNS:
        names = fields.get(column, ()) + DEFAULT_FIELDS[column]
        for name in names:
            ok, value, key = _get(record, name)
            if not ok or _blank(value):
                continue
            if column == "source" and isinstance(value, Mapping):
                value = value.get("name") or value.get("title") or value.get("id")
                if _blank(value):
                    continue
            found[column] = value
            if key is not None:
                used.add(key)
            break
    extras = {k: v for k, v in record.items() if k not in used and isinstance(k, str)}
    return found, extras
