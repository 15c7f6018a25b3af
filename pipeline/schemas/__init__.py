"""The one definition of every published table.

`fields.yaml` defines each column once; `tables.yaml` lists each table's fields and keys. From
these come the Arrow schema of the Parquet files, the Frictionless table schemas in
`datapackage.json` (and so the validation of both CSV and Parquet), the column order and
dtypes used when writing, and the data dictionary page. No other module names a column's type.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import yaml

HERE = Path(__file__).parent

ARROW_TYPES = {
    "string": pa.string(),
    "integer": pa.int64(),
    "number": pa.float64(),
    "boolean": pa.bool_(),
    "date": pa.date32(),
}
PANDAS_DTYPES = {
    "string": "string",
    "integer": "Int64",
    "number": "Float64",
    "boolean": "boolean",
    "date": "object",
}


class SchemaError(ValueError):
    """A table does not fit its declared schema."""


@lru_cache(maxsize=1)
def fields() -> dict[str, dict[str, Any]]:
    """All field definitions, keyed by field name."""
    data = yaml.safe_load((HERE / "fields.yaml").read_text(encoding="utf-8"))
    for name, spec in data.items():
        if spec.get("type") not in ARROW_TYPES:
            raise SchemaError(f"field {name}: unknown type {spec.get('type')!r}")
    return data


@lru_cache(maxsize=1)
def tables() -> dict[str, dict[str, Any]]:
    """All table definitions, keyed by table name, in publication order."""
    data = yaml.safe_load((HERE / "tables.yaml").read_text(encoding="utf-8"))
    known = fields()
    for name, spec in data.items():
        missing = [f for f in spec["fields"] if f not in known]
        if missing:
            raise SchemaError(f"table {name}: fields not defined in fields.yaml: {missing}")
    return data


def table_names() -> list[str]:
    return list(tables())


def field_spec(table: str, field: str) -> dict[str, Any]:
    """The definition of `field` as used in `table` (the same everywhere, by design)."""
    return fields()[field]


def arrow_schema(table: str) -> pa.Schema:
    """Arrow schema of a table, with each field's description kept in the field metadata."""
    out = []
    for name in tables()[table]["fields"]:
        spec = fields()[name]
        out.append(pa.field(name, ARROW_TYPES[spec["type"]], nullable=True,
                            metadata={"description": spec["description"]}))
    return pa.schema(out, metadata={"table": table, "description": tables()[table]["description"]})


def frictionless_schema(table: str) -> dict[str, Any]:
    """The Frictionless Table Schema descriptor of a table (types, constraints, keys)."""
    spec = tables()[table]
    out_fields = []
    for name in spec["fields"]:
        f = fields()[name]
        d: dict[str, Any] = {"name": name, "type": f["type"], "description": f["description"]}
        constraints = dict(f.get("constraints") or {})
        if name in spec["primary_key"]:
            constraints["required"] = True
        if "enum" in f:
            constraints["enum"] = list(f["enum"])
        if constraints:
            d["constraints"] = constraints
        if "unit" in f:
            d["unit"] = f["unit"]
        if f["type"] == "boolean":
            d["trueValues"] = ["true"]
            d["falseValues"] = ["false"]
        out_fields.append(d)
    schema: dict[str, Any] = {"fields": out_fields, "missingValues": [""],
                              "primaryKey": list(spec["primary_key"])}
    fks = []
    for fk in spec.get("foreign_keys", []):
        fks.append({"fields": list(fk["fields"]),
                    "reference": {"resource": fk["table"], "fields": list(fk["reference"])}})
    if fks:
        schema["foreignKeys"] = fks
    return schema


def order_by(table: str) -> list[str]:
    """The columns a table's rows are sorted by: `order_by` in tables.yaml, else the primary key."""
    spec = tables()[table]
    return list(spec.get("order_by") or spec["primary_key"])


def enforce(table: str, rows: list[dict] | pd.DataFrame) -> pd.DataFrame:
    """Rows of `table` as a DataFrame in schema order and dtypes, sorted by `order_by(table)`.

    Fails on a missing or unexpected column and on duplicate or null primary keys, so nothing
    reaches disk that the schema does not describe.
    """
    spec = tables()[table]
    names = spec["fields"]
    df = pd.DataFrame(rows) if not isinstance(rows, pd.DataFrame) else rows.copy()
    if df.empty and len(df.columns) == 0:
        df = pd.DataFrame({n: [] for n in names})
    extra = [c for c in df.columns if c not in names]
    missing = [n for n in names if n not in df.columns]
    if extra or missing:
        raise SchemaError(f"table {table}: unexpected columns {extra}, missing columns {missing}")
    df = df[names]
    for name in names:
        kind = fields()[name]["type"]
        col = df[name]
        if kind == "date":
            df[name] = pd.Series([_as_date(v) for v in col], index=df.index, dtype="object")
        elif kind == "integer":
            df[name] = pd.array([None if is_null(v) else int(v) for v in col], dtype="Int64")
        elif kind == "boolean":
            df[name] = pd.array([None if is_null(v) else bool(v) for v in col], dtype="boolean")
        elif kind == "number":
            df[name] = pd.array([None if is_null(v) else float(v) for v in col], dtype="Float64")
        else:
            df[name] = pd.array([None if is_null(v) else str(v) for v in col], dtype="string")
    pk = list(spec["primary_key"])
    if len(df) and df[pk].isna().any().any():
        raise SchemaError(f"table {table}: null value in primary key {pk}")
    if df.duplicated(pk).any():
        dup = df[df.duplicated(pk, keep=False)][pk].head(3).to_dict("records")
        raise SchemaError(f"table {table}: duplicate primary key {pk}, e.g. {dup}")
    return df.sort_values(order_by(table), kind="mergesort").reset_index(drop=True)


def is_null(v: Any) -> bool:
    """True for None, NaN and pandas NA, which all mean "no value" in the published tables."""
    if v is None:
        return True
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


def _as_date(v: Any):
    import datetime as dt
    if is_null(v):
        return None
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    return dt.date.fromisoformat(str(v)[:10])
