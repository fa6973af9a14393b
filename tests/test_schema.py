"""The contract: one module for every table's columns and dtypes, coded errors, exports.

Each stage's output is checked against its schema in ``econnews.schema``, the
stage modules' old names are checked to be the schema's own objects, and the
public names of DESIGN.md are checked to be exported and to resolve.
"""

from __future__ import annotations

import importlib
import os
import re
import warnings
from pathlib import Path

import pandas as pd
import pytest

import econnews as en
from econnews import errors, schema

REPO = Path(__file__).resolve().parents[1]
SEED = (REPO / "data" / "russia-japan-trade-30bn.txt").read_text(encoding="utf-8")

TABLES = {
    "QUANTITIES": schema.QUANTITIES,
    "EXTRACTED": schema.EXTRACTED,
    "CORPUS_QUANTITIES": schema.CORPUS_QUANTITIES,
    "ARTICLES": schema.ARTICLES,
    "ARTICLE_EXTRAS": schema.ARTICLE_EXTRAS,
    "ERRORS": schema.ERRORS,
    "NORMALIZED": schema.NORMALIZED,
    "CLAIMS": schema.CLAIMS,
    "COMPARE": schema.COMPARE,
}


# ------------------------------------------------------------------ the schemas


@pytest.mark.parametrize("name", sorted(TABLES))
def test_every_column_has_an_explicit_pandas_dtype(name):
    columns = TABLES[name]
    assert columns, f"{name} is empty"
    for col, dtype in columns.items():
        assert isinstance(col, str) and col == col.strip() and col, (name, col)
        assert dtype is not object, f"{name}.{col}: object is not a typed dtype"
        pd.api.types.pandas_dtype(dtype)  # raises on anything pandas does not know


@pytest.mark.parametrize("name", sorted(TABLES))
def test_empty_table_fits_its_own_schema(name):
    frame = schema.empty(TABLES[name])
    assert list(frame.columns) == list(TABLES[name])
    schema.validate(frame, TABLES[name], stage=name)


def test_extended_quantity_schemas_start_with_the_contract():
    base = list(schema.QUANTITIES)
    assert list(schema.EXTRACTED) == [*base, "unit_name", "per", "role"]
    assert list(schema.CORPUS_QUANTITIES) == [*base, "unit_name", "per", "role", "source"]
    for name in ("EXTRACTED", "CORPUS_QUANTITIES"):
        for col, dtype in schema.QUANTITIES.items():
            assert TABLES[name][col] == dtype, (name, col)


def test_design_md_quantity_columns_and_categories():
    assert list(schema.QUANTITIES)[:13] == [
        "doc_id", "start", "end", "surface", "kind", "value", "low", "high", "unit", "bound",
        "change", "sentence", "sent_start"]
    assert list(schema.QUANTITIES["kind"].categories) == [
        "money", "percent", "ratio", "measure", "count", "number"]
    assert list(schema.QUANTITIES["bound"].categories) == ["=", "~", ">", "<"]
    assert list(schema.QUANTITIES["change"].categories) == ["up", "down"]
    assert {"path": schema.STRING, "encoding": schema.STRING,
                                     "duplicate_of": schema.STRING,
                                     "duplicate_kind": schema.category(["exact", "near"])} == schema.ARTICLE_EXTRAS


def test_categorical_columns_use_the_shared_vocabularies():
    assert list(schema.CLAIMS["concept"].categories) == schema.CONCEPTS
    assert list(schema.COMPARE["concept"].categories) == schema.CONCEPTS
    assert list(schema.CLAIMS["claim_type"].categories) == schema.CLAIM_TYPES
    assert list(schema.CLAIMS["kind"].categories) == schema.KINDS
    assert list(schema.NORMALIZED["fx_status"].categories) == schema.FX_STATUSES
    assert list(schema.NORMALIZED["fx_source"].categories) == schema.FX_SOURCES


def test_concepts_csv_uses_exactly_the_schema_concepts():
    df = pd.read_csv(REPO / "econnews" / "data" / "concepts.csv", comment="#", dtype=str,
                     keep_default_na=False)
    assert set(df["concept"]) - {""} == set(schema.CONCEPTS)


@pytest.mark.parametrize("to", ["USD", "eur", "JPY"])
def test_normalized_columns_follow_the_target(to):
    cols = schema.normalized_columns(to)
    t = to.lower()
    assert list(cols)[:3] == [f"value_{t}", f"low_{t}", f"high_{t}"]
    assert list(cols)[3:] == ["fx_rate", "fx_date", "fx_source", "fx_status"]
    assert schema.normalized_columns("USD") == schema.NORMALIZED


# ------------------------------------------------------- old names stay importable


def test_stage_modules_reexport_the_schema_objects():
    # the stage modules re-export the schema objects they fill
    claims = importlib.import_module("econnews.claims")
    normalize = importlib.import_module("econnews.normalization.convert")
    _claims_parse = importlib.import_module("econnews.claims.parse")

    assert normalize.NORMALIZED is schema.NORMALIZED
    assert normalize.normalized_columns is schema.normalized_columns
    assert normalize.FX_STATUSES is schema.FX_STATUSES
    assert normalize.FX_SOURCES is schema.FX_SOURCES
    assert claims.CLAIMS is schema.CLAIMS
    assert claims.COMPARE is schema.COMPARE
    assert claims.CLAIM_TYPES is schema.CLAIM_TYPES
    assert claims.CONCEPTS is schema.CONCEPTS
    assert _claims_parse.CONCEPTS is schema.CONCEPTS


# ------------------------------------------------------- stage outputs fit them


def test_extract_returns_exactly_the_extracted_schema():
    q = en.extract(SEED, doc_id="seed", date="2019-01-22")
    assert list(q.columns) == list(schema.EXTRACTED)
    schema.validate(q, schema.EXTRACTED, stage="extract")
    empty = en.extract("No figures here.")
    assert list(empty.columns) == list(schema.EXTRACTED)
    schema.validate(empty, schema.EXTRACTED, stage="extract")


def test_extract_corpus_fits_the_corpus_schema():
    arts = pd.DataFrame({"id": ["a", "b"], "source": ["Kyodo", None],
                         "date": pd.to_datetime(["2019-01-22", None]),
                         "text": ["Trade rose to $30 billion.", "It grew 1.5 times."]})
    q = en.extract_corpus(arts)
    assert set(q.columns) == set(schema.CORPUS_QUANTITIES)
    schema.validate(q, schema.CORPUS_QUANTITIES, stage="extract_corpus")
    assert q["surface"].tolist() == ["$30 billion", "1.5 times"]


def test_load_articles_fits_articles_plus_extras():
    arts = en.load_articles(REPO / "data")
    expected = {**schema.ARTICLES, **schema.ARTICLE_EXTRAS}
    assert list(arts.columns)[:len(expected)] == list(expected)
    schema.validate(arts, expected, stage="load_articles")


def test_errors_table_fits_the_errors_schema():
    t = en.errors_table([{"doc_id": "a", "path": "a.txt", "stage": "load", "code": "empty",
                          "message": "the file is empty"}])
    assert list(t.columns) == list(schema.ERRORS)
    schema.validate(t, schema.ERRORS, stage="errors_table")


def test_normalize_adds_exactly_the_normalized_columns():
    q = en.extract("Trade reached $30 billion and ¥800 billion.", date="2019-01-22")
    n = en.normalize(q)
    assert list(n.columns) == [*q.columns, *schema.NORMALIZED]
    schema.validate(n, schema.NORMALIZED, stage="normalize")
    assert n["fx_status"].tolist() == ["same", "exact"]
    e = en.normalize(q, to="EUR")
    schema.validate(e, schema.normalized_columns("EUR"), stage="normalize")


def test_find_claims_and_compare_fit_their_schemas():
    c = en.find_claims({"id": "seed", "date": "2019-01-22", "text": SEED})
    assert list(c.columns) == list(schema.CLAIMS)
    schema.validate(c, schema.CLAIMS, stage="find_claims")
    assert {"trade", "investment"} <= set(c["concept"].dropna())
    cmp = en.claims.compare(c)
    schema.validate(cmp, schema.COMPARE, stage="compare")


# ------------------------------------------------------------------ helpers


def test_coerce_returns_a_new_typed_table_and_leaves_the_input_alone():
    raw = pd.DataFrame({"extra": [1, 2], "value": ["1.5", None], "kind": ["money", "ratio"],
                        "date": ["2019-01-22T09:00:00+09:00", None]})
    before = raw.copy()
    out = schema.coerce(raw, schema.QUANTITIES)
    pd.testing.assert_frame_equal(raw, before)
    assert list(out.columns) == [*schema.QUANTITIES, "extra"]
    schema.validate(out, schema.QUANTITIES)
    assert out["value"].tolist()[0] == 1.5 and out["value"].isna().tolist() == [False, True]
    assert out.loc[0, "date"] == pd.Timestamp("2019-01-22 00:00:00")  # in UTC, naive
    assert out["surface"].isna().all()


def test_require_names_every_missing_column():
    with pytest.raises(errors.MissingColumnsError) as info:
        schema.require(pd.DataFrame({"value": [1.0]}), ["kind", "value", "unit"], stage="s")
    assert info.value.missing == ["kind", "unit"]
    assert str(info.value).startswith("[E001] s needs the column(s) 'kind', 'unit'")
    with pytest.raises(errors.SchemaError, match=r"\[E002\] s expects a pandas DataFrame, got list"):
        schema.require([1, 2], ["kind"], stage="s")


def test_validate_names_the_column_with_the_wrong_dtype():
    frame = schema.empty(schema.ERRORS).astype({"code": "object"})
    with pytest.raises(errors.SchemaError, match=r"code: object \(expected string\)"):
        schema.validate(frame, schema.ERRORS, stage="t")


# ------------------------------------------------------------------ errors


def _error_classes():
    return [getattr(errors, n) for n in errors.__all__
            if issubclass(getattr(errors, n), errors.EconnewsError)]


def test_error_codes_are_unique_and_well_formed():
    classes = _error_classes()
    codes = [c.code for c in classes]
    assert len(codes) == len(set(codes)), codes
    for cls in classes:
        assert re.fullmatch(r"E\d{3}", cls.code), cls
        assert issubclass(cls, ValueError)
        assert cls.__doc__, f"{cls.__name__} has no docstring"


@pytest.mark.parametrize("cls", [errors.SchemaError, errors.InputError, errors.RatesError,
                                 errors.CurrencyMixError, errors.DatasetError])
def test_error_message_carries_its_code(cls):
    assert str(cls("what to do")) == f"[{cls.code}] what to do"


def test_missing_columns_error_is_also_a_key_error_without_quotes():
    err = errors.MissingColumnsError("plot", ["value_usd"], hint="normalize() first")
    assert isinstance(err, KeyError)
    assert str(err) == "[E001] plot needs the column(s) 'value_usd'; normalize() first"


@pytest.mark.parametrize("name", ["LoadWarning", "ExtractWarning"])
def test_stage_warnings_are_econnews_warnings(name):
    cls = getattr(errors, name)
    assert issubclass(cls, errors.EconnewsWarning) and issubclass(cls, UserWarning)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warnings.warn("x", cls, stacklevel=1)
    assert caught[0].category is cls
    with pytest.warns(errors.EconnewsWarning):
        warnings.warn("x", cls, stacklevel=1)


def test_warning_docstrings_say_what_the_result_lacks():
    assert errors.LoadWarning.__doc__.startswith(
        "Some inputs could not be read; the articles table lacks them.")
    assert errors.ExtractWarning.__doc__.startswith(
        "Some articles could not be extracted; the result lacks their quantities.")


# ------------------------------------------------------------------ exports

DESIGN_NAMES = ["extract", "load_articles", "datasets.reuters21578", "extract_corpus",
                "normalize", "find_claims", "plot", "plot.export", "show"]


def _resolve(dotted: str):
    obj = en
    for part in dotted.split("."):
        obj = getattr(obj, part)
    return obj


@pytest.mark.parametrize("name", DESIGN_NAMES)
def test_design_public_names_are_exported_and_resolve(name):
    assert name.split(".")[0] in en.__all__
    obj = _resolve(name)
    assert obj is not None
    if name != "plot":
        assert callable(obj), name


def test_all_is_sorted_complete_and_resolves():
    assert en.__all__ == sorted(en.__all__)
    assert {"report", "errors_table", "claims", "schema", "errors"} <= set(en.__all__)
    assert "compare_claims" not in en.__all__  # compare stays under econnews.claims
    for name in en.__all__:
        assert getattr(en, name) is not None, name
        assert name in dir(en)
    assert en.errors_table is en.load.errors_table
    assert en.report.build_report.__module__ == "econnews.report"
    assert callable(en.claims.compare)


def test_unknown_attribute_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'compare_claims'"):
        en.compare_claims  # noqa: B018


def _design_names() -> list[str]:
    design = Path(os.environ.get("ECONNEWS_SHARED", REPO.parent / "shared")) / "DESIGN.md"
    if not design.is_file():
        return []
    text = design.read_text(encoding="utf-8")
    section = text.split("## Public API", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| `econnews\.([\w.]+)", section, flags=re.MULTILINE)


@pytest.mark.shared
@pytest.mark.parametrize("name", _design_names() or ["(DESIGN.md absent)"])
def test_every_name_in_design_md_public_api_resolves(shared, name):
    if name == "(DESIGN.md absent)":
        pytest.skip(f"{shared / 'DESIGN.md'} is absent")
    assert len(_design_names()) >= 8
    assert name.split(".")[0] in en.__all__, name
    assert _resolve(name) is not None, name


def test_dates_of_mixed_forms_are_all_read():
    """A table whose dates mix ISO forms (a wire timestamp, a plain day) and prose keeps
    every date: pandas' format inference from the first value would make the rest NaT."""
    import warnings

    from econnews.schema import ARTICLES, coerce

    arts = pd.DataFrame({"id": ["a", "b", "c", "d"], "text": ["x"] * 4,
                         "date": ["1987-03-23T05:30:02", "2017-09-08", None, "March 3, 2005"]})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        got = coerce(arts, ARTICLES)["date"].tolist()
    assert got[:2] == [pd.Timestamp("1987-03-23 05:30:02"), pd.Timestamp("2017-09-08")]
    assert pd.isna(got[2]) and got[3] == pd.Timestamp("2005-03-03")


def test_a_value_that_is_no_date_is_named_in_a_warning():
    from econnews.errors import EconnewsWarning
    from econnews.schema import ARTICLES, coerce

    arts = pd.DataFrame({"id": ["a"], "text": ["x"], "date": ["the day after tomorrow"]})
    with pytest.warns(EconnewsWarning, match="the day after tomorrow"):
        assert pd.isna(coerce(arts, ARTICLES).loc[0, "date"])


def test_find_claims_reads_periods_in_a_table_of_mixed_date_forms():
    import econnews as en

    arts = pd.DataFrame({"id": ["a", "b"], "date": ["1987-03-23T05:30:02", "2017-09-08"],
                         "text": ["Japan's exports to China rose to $5 billion last year.",
                                  "Japan's exports to China rose to $9 billion last year."]})
    c = en.find_claims(arts)
    assert c.set_index("doc_id")["period"].to_dict() == {"a": "1986", "b": "2016"}


def test_small_table_path_builds_what_the_checked_path_builds():
    # extract() builds a table per call through a cheaper path for small results
    # (econnews.extraction.table._fast_path); it must equal the checked path exactly
    from econnews.extraction import scan, table

    cols = scan.new_columns()
    scan.add_rows(cols, "Trade rose 1.5 times to $30 billion, and 3,400 people; ¥5 in 2019.",
                  doc_id="d", date=pd.Timestamp("2019-01-22"))
    scan.add_rows(cols, "Down 2% (about $5 mln).", doc_id=None, date=None)
    small, checked = table.frame(cols), table._frame(cols)
    assert table._fast_path() is not None
    pd.testing.assert_frame_equal(small, checked, check_exact=True)
    assert small._mgr.nblocks == checked._mgr.nblocks
    small.loc[0, "start"] = -1  # columns share no writable memory
    assert small["end"].tolist() == checked["end"].tolist()
    assert small["sent_start"].tolist() == checked["sent_start"].tolist()


def test_large_and_corpus_tables_build_what_the_checked_path_builds():
    # the same builder makes extract_corpus' tables (with source) and large tables (a
    # string array per column there); it must equal the checked path exactly
    from econnews.extraction import scan, table

    cols = scan.new_columns()
    for k in range(40):
        scan.add_rows(cols, f"Up {k}% to $3{k} bn; 2.5 times 1,4{k} tonnes in 2019.",
                      doc_id=str(k), date=pd.Timestamp("2019-01-22") if k % 2 else None)
    cols["source"] = [None if k % 3 else "Kyodo" for k in range(len(cols["start"]))]
    assert len(cols["start"]) > table._SMALL
    for columns in (schema.CORPUS_QUANTITIES, table.QUANTITY_COLUMNS):
        built = table.frame(cols, columns)
        checked = table._frame(cols, tuple(columns.items()))
        pd.testing.assert_frame_equal(built, checked, check_exact=True)
        assert built._mgr.nblocks == checked._mgr.nblocks
        built.loc[0, "start"] = -1  # columns share no writable memory
        assert built["end"].tolist() == checked["end"].tolist()
    assert table._fast_path(corpus=True) is not None
