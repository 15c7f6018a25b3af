"""The whole pipeline on a folder of articles: ingest, extract, package, validate, publish.

The package is written into a temporary folder beside the output and only moved into place
after frictionless has validated it, so a failed or interrupted build leaves the previous
package untouched.
"""
from __future__ import annotations

import hashlib
import multiprocessing
import os
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline import actors, extract, ingest, nlp, package, schemas, validate
from pipeline.cache import Cache, article_key, extractor_version


def corpus_sha256(raw_dir: Path) -> str:
    """Hash of every file's relative path and bytes, in sorted order: names the input exactly."""
    h = hashlib.sha256()
    for path in sorted(p for p in raw_dir.rglob("*") if p.is_file() and not p.is_symlink()):
        h.update(path.relative_to(raw_dir).as_posix().encode("utf-8") + b"\0")
        h.update(package.sha256_file(path).encode("ascii"))
    return h.hexdigest()


def merge_actors(rows: list[dict]) -> list[dict]:
    """One row per actor_id, the same whatever the article order (see actors.merge_actor_records).

    Aliases keep the capitalised surface forms ("the group" is a reference, not a name),
    without the canonical name itself, joined with ` | `.
    """
    out = []
    for actor in actors.merge_actor_records(rows).values():
        names = {" ".join(a.split()) for a in actor.get("aliases") or []}
        names = sorted(n for n in names if n[:1].isupper() and n != actor["actor_name"])
        out.append(dict(actor, aliases=" | ".join(names) if names else None))
    return out


BATCH_SIZE = 32  # articles per nlp.pipe batch, worker task and Dask shard

# Resources of the running process; set before worker processes fork, so they share them.
_RESOURCES: extract.Resources | None = None


def _extract_batch(batch: list[dict]) -> list[dict[str, list[dict]]]:
    """Parse and extract a batch of articles in this process (a worker or the main one)."""
    return extract.extract_batch(batch, _RESOURCES)


def _batches(items: list[dict], size: int) -> list[list[dict]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def extract_all(articles: list[dict], load: Callable[[], extract.Resources], model_version: str,
                jobs: int = 1,
                cache: Cache | None = None, batch_size: int | None = None,
                show_progress: bool = False, dask: str | None = None,
                model: str = nlp.DEFAULT_MODEL) -> tuple[dict[str, list[dict]], int, dict[str, str]]:
    """Rows of the extracted tables for every English article with a body, in article order.

    Cached articles are not parsed again; the rest are parsed in batches, in `jobs` worker
    processes when there is more than one batch, or on the Dask cluster at `dask` (an
    address, or "local"). Returns the rows, how many articles needed NLP, and the error of
    each article whose extraction failed (by article_id; failures are not cached).
    """
    global _RESOURCES
    cache = cache or Cache(None)
    version = extractor_version(model_version)
    todo = [a for a in articles if a.get("language_code") == "en" and a.get("body_text")]
    keys = [article_key(a, version) for a in todo]
    results: list[dict | None] = [cache.get(k) for k in keys]
    missing = [i for i, r in enumerate(results) if r is None]
    if missing and _RESOURCES is None and not dask:
        _RESOURCES = load()  # only now: a fully cached build needs no model
    batches = _batches(missing, batch_size or BATCH_SIZE)
    bar = None
    if show_progress and missing:
        from tqdm import tqdm
        bar = tqdm(total=len(missing), unit="article", desc="extract", file=sys.stderr)

    def store(idx: list[int], rows: list[dict]) -> None:
        for i, r in zip(idx, rows):
            results[i] = r
            if "error" not in r:
                cache.put(keys[i], r)
        if bar:
            bar.update(len(idx))

    payloads = [[todo[i] for i in b] for b in batches]
    if dask and payloads:
        from pipeline import distributed
        with distributed.connect(dask, workers=jobs) as client:
            gather = distributed.map_shards(client, payloads, model)
            for idx, rows in zip(batches, gather()):
                store(idx, rows)
    elif jobs > 1 and len(batches) > 1:
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(min(jobs, len(batches))) as pool:
            for idx, rows in zip(batches, pool.imap(_extract_batch, payloads)):
                store(idx, rows)
    else:
        for idx, payload in zip(batches, payloads):
            store(idx, _extract_batch(payload))
    if bar:
        bar.close()
    out: dict[str, list[dict]] = {t: [] for t in extract.EXTRACTED_TABLES}
    for r in results:
        for table in extract.EXTRACTED_TABLES:
            out[table].extend(r[table])
    errors = {a["article_id"]: r["error"] for a, r in zip(todo, results) if "error" in r}
    return out, len(missing), errors


def note_failures(log: list[dict], errors: dict[str, str]) -> list[dict]:
    """Record each failed extraction in its article's ingest_log row (reason extraction_failed)."""
    if not errors:
        return log
    out = []
    for row in log:
        err = errors.get(row.get("article_id")) if row.get("status") == "accepted" else None
        if err:
            note = f"extraction_failed:{err}".replace(";", ",")
            row = dict(row, reason=f"{row['reason']};{note}" if row.get("reason") else note)
        out.append(row)
    return out


def cluster_events(events: list[dict]) -> list[dict]:
    """Give each event mention an `event_cluster_id` and the `source_count` of its cluster.

    Mentions in different articles with the same type, source, target, place and day are one
    event reported several times. Only fully dated, located-or-attributed, affirmed mentions
    are grouped: grouping undated or anonymous mentions would merge unrelated events.
    """
    def key(e: dict) -> str:
        if (e.get("date_precision") == "day" and e.get("event_date") is not None
                and (e.get("place_id") or e.get("source_actor_id"))
                and not e.get("is_negated") and not e.get("is_hypothetical")):
            return "|".join(str(e.get(k) or "") for k in
                            ("event_type", "source_actor_id", "target_actor_id", "place_id", "event_date"))
        return "event|" + e["event_id"]

    keys = [key(e) for e in events]
    articles: dict[str, set[str]] = {}
    for k, e in zip(keys, events):
        articles.setdefault(k, set()).add(e["article_id"])
    out = []
    for k, e in zip(keys, events):
        cid = "c" + hashlib.sha1(k.encode("utf-8")).hexdigest()[:15]
        out.append(dict(e, event_cluster_id=cid, source_count=len(articles[k])))
    return out


def assemble(articles: list[dict], log: list[dict], rows: dict[str, list[dict]]) -> dict[str, pd.DataFrame]:
    """Schema-enforced tables from ingest output and extracted rows."""
    places = {r["place_id"]: r for r in rows["places"]}
    return {
        "articles": schemas.enforce("articles", articles),
        "ingest_log": schemas.enforce("ingest_log", log),
        "places": schemas.enforce("places", list(places.values())),
        "place_mentions": schemas.enforce("place_mentions", rows["place_mentions"]),
        "actors": schemas.enforce("actors", merge_actors(rows["actors"])),
        "actor_mentions": schemas.enforce("actor_mentions", rows["actor_mentions"]),
        "events": schemas.enforce("events", cluster_events(rows["events"])),
    }


def publish(tmp_dir: Path, out_dir: Path) -> None:
    """Swap a complete, validated package into `out_dir` (the old one removed only after)."""
    old = out_dir.with_name(f".{out_dir.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if out_dir.exists():
        os.replace(out_dir, old)
    os.replace(tmp_dir, out_dir)
    shutil.rmtree(old, ignore_errors=True)


def build(raw_dir: Path, out_dir: Path, model: str = nlp.DEFAULT_MODEL,
          run_validation: bool = True, log: Callable[[str], None] | None = None,
          jobs: int = 1, cache_dir: Path | None = None,
          show_progress: bool = False, dask: str | None = None) -> dict[str, Any]:
    """Build the data package from `raw_dir` into `out_dir`; returns counts and timings.

    `cache_dir` keeps per-article extraction results between runs (None: no cache).
    """
    say = log or (lambda msg: print(msg, file=sys.stderr))
    if not raw_dir.is_dir():
        raise FileNotFoundError(f"input folder {raw_dir} does not exist")
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    articles, ingest_log = ingest.ingest(raw_dir)
    timings["ingest"] = time.perf_counter() - t0
    say(f"ingest: {len(ingest_log)} inputs, {len(articles)} articles accepted")

    t0 = time.perf_counter()
    global _RESOURCES
    _RESOURCES = None
    model_version = nlp.installed_model_version(model)
    rows, parsed, failures = extract_all(articles, lambda: extract.load_resources(nlp.load_model(model)),
                               model_version, jobs=jobs, cache=Cache(cache_dir),
                               show_progress=show_progress, dask=dask, model=model)
    _RESOURCES = None
    timings["extract"] = time.perf_counter() - t0
    say(f"extract: {parsed} articles parsed, {len(articles) - parsed} from the cache or not English")
    if failures:
        say(f"extract: {len(failures)} articles failed and were kept without extraction "
            "(ingest_log reason extraction_failed)")
    tables = assemble(articles, note_failures(ingest_log, failures), rows)
    from pipeline import gazetteer
    problems = validate.check_tables(tables, validate.country_bboxes(gazetteer.load_gazetteer().path))
    if problems:
        raise validate.ValidationFailed(
            f"{len(problems)} extracted rows fail the data checks:\n  " + "\n  ".join(problems[:20]))
    say("extract: " + ", ".join(f"{len(tables[t])} {t}" for t in extract.EXTRACTED_TABLES))

    t0 = time.perf_counter()
    out_dir = out_dir.resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    for stale in out_dir.parent.glob(f".{out_dir.name}.partial-*"):
        shutil.rmtree(stale, ignore_errors=True)  # left by a killed build
    tmp_dir = out_dir.with_name(f".{out_dir.name}.partial-{os.getpid()}")
    provenance = {"model": model_version,
                  "gazetteer": gazetteer.gazetteer_version(gazetteer.load_gazetteer()),
                  "corpus_sha256": corpus_sha256(raw_dir)}
    try:
        descriptor = package.write_package(tables, tmp_dir, provenance)
        if dask:
            from pipeline import distributed
            english = [a["article_id"] for a in articles
                       if a.get("language_code") == "en" and a.get("body_text")]
            part_of = {aid: i // BATCH_SIZE for i, aid in enumerate(english)}
            distributed.write_partitioned(tables, tmp_dir / "partitioned", part_of)
        timings["package"] = time.perf_counter() - t0
        if run_validation:
            t0 = time.perf_counter()
            validate.validate_package(descriptor, jobs=jobs)
            timings["validate"] = time.perf_counter() - t0
            say("validate: the package is valid (CSV and Parquet, foreign keys included)")
        publish(tmp_dir, out_dir)
    finally:
        shutil.rmtree(tmp_dir, ignore_errors=True)
    say("timings: " + ", ".join(f"{k} {v:.1f}s" for k, v in timings.items()))
    return {"counts": {t: len(df) for t, df in tables.items()}, "timings": timings,
            "parsed": parsed}
