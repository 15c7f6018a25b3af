"""Writing the tables as a Frictionless data package: Parquet, CSV and datapackage.json.

Every table passes `schemas.enforce` first, so column order, types and row order come from the
schema alone. Writer settings are fixed and no timestamp is written, so the same rows give
byte-identical files.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline import __version__, schemas

DATASET_NAME = "news-events"
DATASET_VERSION = "0.1.0"
PARQUET_OPTIONS = dict(compression="zstd", compression_level=3, use_dictionary=True,
                       write_statistics=True, version="2.6", data_page_size=1 << 20)


def parquet_resource_name(table: str) -> str:
    return f"{table}-parquet"


def _csv_frame(df: pd.DataFrame) -> pd.DataFrame:
    """The CSV spelling of a schema-enforced frame: true/false, ISO dates, repr floats."""
    csv = df.copy()
    for name in csv.columns:
        kind = schemas.fields()[name]["type"]
        if kind == "boolean":
            csv[name] = csv[name].map({True: "true", False: "false"}).astype("object")
        elif kind == "date":
            csv[name] = [None if v is None else v.isoformat() for v in csv[name]]
        elif kind == "number":
            csv[name] = [None if schemas.is_null(v) else repr(float(v)) for v in csv[name]]
    return csv


class TableWriter:
    """Appends schema-enforced batches of one table to `<table>.parquet` and `<table>.csv`.

    Each batch becomes one Parquet row group, so a corpus of any size is written without
    holding the table in memory; the same batches give byte-identical files.
    """

    def __init__(self, table: str, out_dir: Path):
        self.table = table
        self.rows = 0
        # The file's schema carries pandas metadata (from an empty enforced frame), so readers
        # get the nullable Int64/boolean/string dtypes back rather than floats with NaN.
        self.schema = pa.Table.from_pandas(schemas.enforce(table, []), schema=schemas.arrow_schema(table),
                                           preserve_index=False).schema
        self._parquet = pq.ParquetWriter(out_dir / f"{table}.parquet", self.schema, **PARQUET_OPTIONS)
        self._csv = open(out_dir / f"{table}.csv", "w", encoding="utf-8", newline="")
        self._csv.write(",".join(self.schema.names) + "\n")

    def write(self, df: pd.DataFrame) -> None:
        """Append one enforced batch (see schemas.enforce); an empty batch writes nothing."""
        if not len(df):
            return
        self._parquet.write_table(pa.Table.from_pandas(df, schema=self.schema, preserve_index=False))
        _csv_frame(df).to_csv(self._csv, index=False, header=False, lineterminator="\n")
        self.rows += len(df)

    def close(self) -> None:
        self._parquet.close()
        self._csv.close()

    def __enter__(self) -> "TableWriter":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def write_table(df: pd.DataFrame, table: str, out_dir: Path) -> int:
    """Write one whole schema-enforced table as `<table>.parquet` and `<table>.csv`."""
    with TableWriter(table, out_dir) as w:
        w.write(df)
    return w.rows


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def descriptor(out_dir: Path, provenance: dict[str, Any]) -> dict[str, Any]:
    """The datapackage.json descriptor: one CSV and one Parquet resource per table.

    The Parquet resources carry the same schema, with foreign keys pointing at the Parquet
    twins, so `frictionless validate` checks both formats, relations included.
    """
    resources = []
    for fmt in ("csv", "parquet"):
        for table in schemas.table_names():
            spec = schemas.tables()[table]
            schema = schemas.frictionless_schema(table)
            if fmt == "parquet":
                for fk in schema.get("foreignKeys", []):
                    fk["reference"]["resource"] = parquet_resource_name(fk["reference"]["resource"])
            path = out_dir / f"{table}.{fmt}"
            res: dict[str, Any] = {
                "name": table if fmt == "csv" else parquet_resource_name(table),
                "title": spec.get("title", table),
                "description": spec["description"],
                "path": path.name,
                "format": fmt,
                "hash": f"sha256:{sha256_file(path)}",
                "schema": schema,
            }
            if fmt == "csv":
                res.update({"bytes": path.stat().st_size, "mediatype": "text/csv", "encoding": "utf-8",
                            "dialect": {"csv": {"delimiter": ",", "quoteChar": '"'}}})
            else:
                res["mediatype"] = "application/vnd.apache.parquet"
            resources.append(res)
    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": DATASET_NAME,
        "title": "News events: events, actors and places extracted from news articles",
        "description": "Events (who did what to whom, when and where), actors and places "
                       "extracted from a corpus of news articles, each row traceable to the "
                       "sentence it came from.",
        "version": DATASET_VERSION,
        "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
                      "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "pipeline_version": __version__,
        **provenance,
        "resources": resources,
    }


def write_package(tables: dict[str, pd.DataFrame], out_dir: Path,
                  provenance: dict[str, Any]) -> Path:
    """Write every table and the descriptor into `out_dir`; returns the descriptor's path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    counts = {table: write_table(tables[table], table, out_dir) for table in schemas.table_names()}
    return write_descriptor(out_dir, counts, provenance)


def write_descriptor(out_dir: Path, counts: dict[str, int], provenance: dict[str, Any]) -> Path:
    """Write README.md and datapackage.json for the table files already in `out_dir`."""
    (out_dir / "README.md").write_text(package_readme(counts, provenance), encoding="utf-8")
    desc = descriptor(out_dir, provenance)
    path = out_dir / "datapackage.json"
    path.write_text(json.dumps(desc, indent=2, ensure_ascii=False, sort_keys=False) + "\n",
                    encoding="utf-8")
    return path


def package_readme(counts: dict[str, int], provenance: dict[str, Any]) -> str:
    """A plain-text guide that travels with the files when the package is downloaded alone."""
    lines = [f"# {DATASET_NAME} {DATASET_VERSION}", "",
             "Events, actors and places extracted from news articles. Each table comes as",
             "Parquet and CSV; `datapackage.json` describes every column (Frictionless Data",
             "Package) and `frictionless validate datapackage.json` checks the files.", "",
             "| table | rows | one row per |", "|---|---|---|"]
    for table in schemas.table_names():
        lines.append(f"| {table} | {counts[table]} | {schemas.tables()[table]['description']} |")
    lines += ["", "Built by pipeline " + __version__ + " with " + str(provenance.get("model")) +
              "; gazetteer " + str(provenance.get("gazetteer")) + ".", "",
              "```python", "import pandas as pd",
              'events = pd.read_parquet("events.parquet")', "```", ""]
    return "\n".join(lines)
