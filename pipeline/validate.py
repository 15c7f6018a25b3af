"""Validating the written package with frictionless: the gate before anything is published."""
from __future__ import annotations

import multiprocessing
import shutil
import tempfile
from pathlib import Path

import pyarrow.parquet as pq
from frictionless import Package, Plugin, system
from frictionless.system import Parser

from pipeline import outofcore

PARQUET_BATCH_ROWS = 4096  # rows decoded at a time when frictionless reads a Parquet resource
# Longest CSV row DuckDB reads: an article body of ingest's 5 MB input limit with its quotes
# doubled. DuckDB holds a few buffers of this size per thread, so key checks read CSV with
# one thread (see key_errors).
CSV_MAX_LINE_BYTES = 16 * 1024 * 1024


class ValidationFailed(RuntimeError):
    """The package does not pass Frictionless validation; the message is a readable report."""


class StreamingParquetParser(Parser):
    """Frictionless Parquet reader that decodes one batch of rows at a time.

    Why: frictionless 5 reads a Parquet resource by loading the whole file into a pandas
    DataFrame and iterating it with `iterrows`, so validating a table costs memory in
    proportion to its size (2.2 GB at 50,000 articles) and a Python dict per cell. Reading
    record batches with pyarrow keeps memory flat and hands frictionless plain Python values
    (None, int, float, str, datetime.date), which it then checks against the schema exactly
    as before.
    """

    supported_types = ["array", "boolean", "date", "datetime", "duration", "integer",
                       "number", "object", "string", "time"]

    def read_cell_stream_create(self):  # noqa: ANN201 (a frictionless hook)
        parquet = pq.ParquetFile(self.resource.normpath)
        yield list(parquet.schema_arrow.names)
        for batch in parquet.iter_batches(batch_size=PARQUET_BATCH_ROWS):
            yield from map(list, zip(*(column.to_pylist() for column in batch.columns)))


class StreamingParquetPlugin(Plugin):
    """Registers StreamingParquetParser ahead of frictionless' own Parquet parser."""

    def create_parser(self, resource):  # noqa: ANN001, ANN201 (a frictionless hook)
        if resource.format in ("parquet", "parq") and not resource.remote:
            return StreamingParquetParser(resource)
        return None


# Registered plugins are consulted before the built-in ones.
system.register("pipeline_streaming_parquet", StreamingParquetPlugin())


def _table_source(path: Path, fmt: str) -> str:
    """A DuckDB table expression reading one file of the package (CSV read as text)."""
    quoted = "'" + path.as_posix().replace("'", "''") + "'"
    return (f"read_parquet({quoted})" if fmt == "parquet"
            else f"read_csv({quoted}, header = true, all_varchar = true, delim = ',', quote = '\"', "
                 f"escape = '\"', max_line_size = {CSV_MAX_LINE_BYTES}, buffer_size = {CSV_MAX_LINE_BYTES}, "
                 "parallel = false)")


def key_errors(path: Path, fmt: str, key: list[str], references: list[dict], limit: int = 10) -> list[str]:
    """Missing or duplicate primary keys and dangling foreign keys of one table file, by DuckDB.

    Why not frictionless: it checks key uniqueness by keeping every key of the table in a
    Python dict, and foreign keys by loading every referenced key into memory, so validating
    the events of 100,000 articles took 700 MB; DuckDB groups and joins out of core (memory
    capped, spilling to a private temporary folder). Every other check stays frictionless'.
    `references` holds {"fields", "path", "format", "reference"} per foreign key; as in
    frictionless, a row whose foreign-key fields are all empty refers to nothing.
    """
    def cols(names: list[str], alias: str = "") -> str:
        return ", ".join(f'{alias}"{c}"' for c in names)

    source = _table_source(path, fmt)
    errors: list[str] = []
    scratch = Path(tempfile.mkdtemp(prefix="pipeline-keys-"))
    con = outofcore.connect(scratch)
    try:
        con.execute("SET threads = 1")  # one CSV buffer set at a time, and no thread contention
        con.execute("SET preserve_insertion_order = false")
        if key:
            nulls = con.execute(f"SELECT count(*) FROM {source} WHERE "
                                + " OR ".join(f'"{c}" IS NULL' for c in key)).fetchone()[0]
            dups = con.execute(f"SELECT {cols(key)}, count(*) FROM {source} GROUP BY {cols(key)} "
                               f"HAVING count(*) > 1 ORDER BY {cols(key)} LIMIT {limit}").fetchall()
            errors += [f"primary-key: {nulls} rows have no {'/'.join(key)}"] if nulls else []
            errors += [f"primary-key: {'/'.join(key)} {'/'.join(map(str, row[:-1]))} occurs {row[-1]} times"
                       for row in dups]
        for fk in references:
            fields, target, ref = fk["fields"], fk["reference"], _table_source(fk["path"], fk["format"])
            match = " AND ".join(f'r."{t}" = s."{f}"' for f, t in zip(fields, target))
            empty = " AND ".join(f's."{f}" IS NULL' for f in fields)
            dangling = con.execute(
                f"SELECT {cols(fields, 's.')}, count(*) FROM {source} AS s "
                f"WHERE NOT ({empty}) "
                f"AND NOT EXISTS (SELECT 1 FROM {ref} AS r WHERE {match}) "
                f"GROUP BY {cols(fields, 's.')} ORDER BY {cols(fields, 's.')} LIMIT {limit}").fetchall()
            errors += [f"foreign-key: {'/'.join(fields)} {'/'.join(map(str, row[:-1]))} ({row[-1]} rows) "
                       f"is not a {'/'.join(target)} of {fk['path'].name}" for row in dangling]
    finally:
        con.close()
        shutil.rmtree(scratch, ignore_errors=True)
    return errors


def _validate_resource(args: tuple[str, str, int]) -> tuple[str, int, list[str]]:
    """Validate one resource of the package (foreign keys against its siblings included)."""
    descriptor, name, max_errors = args
    with system.use_context(trusted=True):
        resource = Package(descriptor).get_resource(name)
        package = resource.package
        key = list(resource.schema.primary_key)
        references = []
        for fk in resource.schema.foreign_keys:
            name_of = fk["reference"]["resource"]
            target = package.get_resource(name_of) if name_of else resource  # "" refers to itself
            references.append({"fields": list(fk["fields"]), "reference": list(fk["reference"]["fields"]),
                               "path": Path(target.normpath), "format": target.format})
        resource.schema.primary_key = []  # keys are checked below, out of core
        resource.schema.foreign_keys = []
        report = resource.validate(limit_errors=max_errors)
        path = Path(resource.normpath)
        fmt = resource.format
    errors = [f"  {name}: {err.type}: {err.message}" for task in report.tasks for err in task.errors[:10]]
    errors += [f"  {name}: {err.type}: {err.message}" for err in report.errors[:10]]
    errors += [f"  {name}: {e}" for e in key_errors(path, fmt, key, references)]
    rows = sum((task.stats.get("rows") or 0) for task in report.tasks)
    return name, rows, errors


def validate_package(descriptor: Path, max_errors: int = 50, jobs: int = 1) -> dict[str, int]:
    """Validate every resource of `descriptor` (CSV and Parquet, foreign keys included).

    Resources are independent checks, so with `jobs` > 1 they run in worker processes,
    largest first (frictionless reads Parquet row by row, which dominates the time).
    Returns rows checked per resource. Raises ValidationFailed listing the first errors.
    """
    with system.use_context(trusted=True):
        package = Package(str(descriptor))
        names = [r.name for r in package.resources]
        base = Path(str(descriptor)).parent
        sizes = {r.name: (base / r.path).stat().st_size if r.path and (base / r.path).exists() else 0
                 for r in package.resources}
        meta = package.metadata_errors if hasattr(package, "metadata_errors") else []
    order = sorted(names, key=lambda n: (-sizes[n], n))
    tasks = [(str(descriptor), n, max_errors) for n in order]
    if jobs > 1:
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(min(jobs, len(tasks))) as pool:
            results = pool.map(_validate_resource, tasks, chunksize=1)
    else:
        results = [_validate_resource(t) for t in tasks]
    by_name = {name: (rows, errors) for name, rows, errors in results}
    lines = [e for n in names for e in by_name[n][1]] + [f"  package: {e}" for e in meta]
    if lines:
        raise ValidationFailed("the data package is not valid:\n" + "\n".join(lines[:max_errors]))
    return {n: by_name[n][0] for n in names}


def country_bboxes(gazetteer_db: Path) -> dict[str, tuple[float, float, float, float]]:
    """(min lat, max lat, min lon, max lon) of every country's gazetteer places.

    Derived from the gazetteer itself, so it covers every country the resolver can return;
    a place outside its country's box (plus a margin) has a wrong country or coordinates.
    """
    import sqlite3
    con = sqlite3.connect(f"file:{gazetteer_db}?mode=ro", uri=True)
    try:
        rows = con.execute("SELECT country_code, min(latitude), max(latitude), min(longitude), "
                           "max(longitude) FROM places WHERE country_code IS NOT NULL "
                           "AND country_code != '' GROUP BY country_code").fetchall()
    finally:
        con.close()
    return {r[0]: (r[1], r[2], r[3], r[4]) for r in rows}


BBOX_MARGIN_DEGREES = 1.0


def check_tables(tables: dict, bboxes: dict | None = None) -> list[str]:
    """Checks the schema cannot express; each failed check is an error, not a warning.

    - every mention's and trigger's offsets point at its text in the article body;
    - every event's evidence sentence contains its trigger;
    - every event's incident_id is the event_id of an event of the same article;
    - no event is dated after its article's publication date;
    - every place lies inside its country's bounding box (when `bboxes` is given).
    Returns readable error lines (empty when all hold).
    """
    arts = tables["articles"]
    articles = {aid: (body, pub) for aid, body, pub in
                zip(arts["article_id"], arts["body_text"], arts["published_date"])}
    return check_places(tables["places"], bboxes) + check_extracted(tables, articles)


def check_places(places, bboxes: dict | None) -> list[str]:
    """Places outside their country's bounding box (plus a margin)."""
    errors = []
    m = BBOX_MARGIN_DEGREES
    for row in places.itertuples(index=False):
        box = (bboxes or {}).get(row.country_code)
        if box and not (box[0] - m <= row.latitude <= box[1] + m and box[2] - m <= row.longitude <= box[3] + m):
            errors.append(f"places: {row.place_id} ({row.place_name}) at {row.latitude},{row.longitude} "
                          f"lies outside {row.country_code}")
    return errors


def check_extracted(tables: dict, articles: dict) -> list[str]:
    """Offsets, triggers and dates of the mention and event rows in `tables` (a whole table or
    one batch of it); `articles` maps article_id to (body_text, published_date)."""
    errors: list[str] = []
    for name in ("place_mentions", "actor_mentions"):
        df = tables[name]
        for aid, s, e, text in zip(df["article_id"], df["start"], df["end"], df["mention_text"]):
            if articles.get(aid, ("", None))[0][int(s):int(e)] != text:
                errors.append(f"{name}: offsets {s}-{e} in {aid} do not hold {text!r}")
    ev = tables["events"]
    own_events = set(zip(ev["article_id"], ev["event_id"]))
    for row in ev.itertuples(index=False):
        body, pub = articles.get(row.article_id, ("", None))
        if (row.article_id, row.incident_id) not in own_events:
            errors.append(f"events: incident {row.incident_id} of {row.event_id} is no event of its article")
        if body[int(row.trigger_start):int(row.trigger_end)] != row.trigger_text:
            errors.append(f"events: trigger offsets of {row.event_id} do not hold {row.trigger_text!r}")
        if row.trigger_text not in row.evidence_text:
            errors.append(f"events: evidence of {row.event_id} does not contain its trigger")
        if row.event_date is not None and pub is not None and row.event_date > pub:
            errors.append(f"events: {row.event_id} is dated {row.event_date}, after publication {pub}")
    return errors
