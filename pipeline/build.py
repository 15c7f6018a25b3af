"""The whole pipeline on a folder of articles: ingest, extract, package, validate, publish.

Everything streams: ingest writes articles and log rows to an on-disk store; articles are
read back and parsed in batches of fixed size, in article order, a few batches in flight at
a time; each batch's rows are written to the package as they come; events are spilled to
disk and their cross-article clusters counted there (DuckDB). What stays in memory is one
entry per distinct place and actor and the duplicate index of ingest, not the text, the
mentions or the events.

The package is written into a temporary folder beside the output and only moved into place
after frictionless has validated it, so a failed or interrupted build leaves the previous
package untouched.
"""
from __future__ import annotations

import collections
import hashlib
import multiprocessing
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline import actors, extract, ingest, nlp, outofcore, package, schemas, validate
from pipeline.cache import Cache, ParseCache, article_key, extractor_version, parse_version

BATCH_SIZE = 32  # articles per nlp.pipe batch, worker task, Dask shard and Parquet row group
MAX_REPORTED_PROBLEMS = 20
ARTICLE_CHUNK = 1000  # articles and log rows per Parquet row group when copied from the ingest store

# Resources of the running process; set before worker processes fork, so they share them.
_RESOURCES: extract.Resources | None = None


def corpus_sha256(raw_dir: Path) -> str:
    """Hash of every file's relative path and bytes, in sorted order: names the input exactly."""
    h = hashlib.sha256()
    for path in sorted(p for p in raw_dir.rglob("*") if p.is_file() and not p.is_symlink()):
        h.update(path.relative_to(raw_dir).as_posix().encode("utf-8") + b"\0")
        h.update(package.sha256_file(path).encode("ascii"))
    return h.hexdigest()


def actor_rows(merger: actors.ActorMerger) -> list[dict]:
    """One row per actor_id, the same whatever the article order (see actors.ActorMerger).

    Aliases keep the capitalised surface forms ("the group" is a reference, not a name),
    without the canonical name itself, joined with ` | `.
    """
    out = []
    for actor in merger.records().values():
        names = {" ".join(a.split()) for a in actor.get("aliases") or []}
        names = sorted(n for n in names if n[:1].isupper() and n != actor["actor_name"])
        out.append(dict(actor, aliases=" | ".join(names) if names else None))
    return out


def cluster_id(event: dict) -> str:
    """The event's cluster: mentions in different articles with the same type, source,
    target, place and day are one event reported several times. Only fully dated,
    located-or-attributed, affirmed mentions are grouped: grouping undated or anonymous
    mentions would merge unrelated events, so each of those is a cluster of its own."""
    e = event
    if (e.get("date_precision") == "day" and e.get("event_date") is not None
            and (e.get("place_id") or e.get("source_actor_id"))
            and not e.get("is_negated") and not e.get("is_hypothetical")):
        key = "|".join(str(e.get(k) or "") for k in
                       ("event_type", "source_actor_id", "target_actor_id", "place_id", "event_date"))
    else:
        key = "event|" + e["event_id"]
    return "c" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:15]


class ClusterCounts:
    """Distinct articles per event cluster, counted on disk over the spilled event batches.

    Why DuckDB and not a dict: almost every event is a cluster of its own, so a dict of
    clusters grows with the number of events (about 5 KB per article, 300 MB at 100,000
    articles). Only clusters reported by more than one article are kept, in a DuckDB table
    whose memory is capped (it spills to `spill`); every other cluster counts 1.
    """

    def __init__(self, spill: Path, memory_limit: str = outofcore.MEMORY_LIMIT) -> None:
        self._con = outofcore.connect(spill / ".duckdb", memory_limit)
        files = sorted(spill.glob("*.parquet"))
        self._con.execute("CREATE TABLE multi (cid VARCHAR, n BIGINT)")
        if files:
            self._con.execute(
                "INSERT INTO multi SELECT event_cluster_id, count(DISTINCT article_id) "
                "FROM read_parquet(?) GROUP BY event_cluster_id HAVING count(DISTINCT article_id) > 1",
                [[f.as_posix() for f in files]])

    def lookup(self, cids: list[str]) -> list[int]:
        """The article count of each cluster id, in order."""
        wanted = sorted(set(cids))
        found = dict(self._con.execute("SELECT cid, n FROM multi WHERE cid IN (SELECT unnest(?))",
                                       [wanted]).fetchall()) if wanted else {}
        return [int(found.get(c, 1)) for c in cids]

    def close(self) -> None:
        self._con.close()


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


def _extract_batch(batch: list[dict]) -> list[dict[str, list[dict]]]:
    """Parse and extract a batch of articles in this process (a worker or the main one)."""
    return extract.extract_batch(batch, _RESOURCES)


def _in_order(submit: Callable[[list[dict]], Any], result: Callable[[Any], list[dict]],
              work: Iterator[tuple[Any, list[dict]]], window: int) -> Iterator[tuple[Any, list[dict] | None]]:
    """(item, results) for each (item, payload) of `work`, in order, with at most `window`
    payloads in flight: submission is lazy, so a corpus of any size is never all in memory
    (a process pool's own feeder, or a Dask map of every shard, would queue all of it)."""
    pending: collections.deque = collections.deque()
    for item, payload in work:
        pending.append((item, submit(payload) if payload else None))
        if len(pending) >= window:
            item, handle = pending.popleft()
            yield item, (result(handle) if handle is not None else None)
    while pending:
        item, handle = pending.popleft()
        yield item, (result(handle) if handle is not None else None)


def extraction_batches(todo_ids: list[str], fetch: Callable[[list[str]], list[dict]],
                       load: Callable[[], extract.Resources], model_version: str,
                       jobs: int = 1, cache: Cache | None = None, show_progress: bool = False,
                       dask: str | None = None, model: str = nlp.DEFAULT_MODEL,
                       counter: list[int] | None = None) -> Iterator[tuple[list[dict], list[dict]]]:
    """(articles, extraction results) for `todo_ids`, one pair per batch of BATCH_SIZE, in order.

    Articles are fetched (`fetch(ids)`, from the ingest store) a batch at a time. Cached
    articles are not parsed again; the rest are parsed in `jobs` worker processes, or on the
    Dask cluster at `dask` (an address, or "local"). Batch boundaries depend only on the
    article order, so every way of running gives the same batches. `counter[0]` counts the
    articles that went through spaCy, `counter[1]` those extracted again from a cached parse
    (a lexicon or code change). Failed articles carry an `error` and are not cached.
    """
    cache = cache or Cache(None)
    version = extractor_version(model_version)
    counter = counter if counter is not None else [0, 0]
    bar = None
    if show_progress and todo_ids:
        from tqdm import tqdm
        bar = tqdm(total=len(todo_ids), unit="article", desc="extract", file=sys.stderr)

    def work() -> Iterator[tuple[tuple[list[dict], list[str], list[int]], list[dict]]]:
        for start in range(0, len(todo_ids), BATCH_SIZE):
            arts = fetch(todo_ids[start:start + BATCH_SIZE])
            keys = [article_key(a, version) for a in arts]
            miss = [i for i, k in enumerate(keys) if not cache.has(k)]
            yield (arts, keys, miss), [arts[i] for i in miss]

    def finish(done: Iterator[tuple[tuple[list[dict], list[str], list[int]], list[dict] | None]]
               ) -> Iterator[tuple[list[dict], list[dict]]]:
        global _RESOURCES
        for (arts, keys, miss), results in done:
            computed = dict(zip(miss, results or []))
            out = []
            for i, a in enumerate(arts):
                rows = computed.get(i)
                if rows is None:
                    rows = cache.get(keys[i])
                    if rows is None:  # the entry vanished since it was seen: compute it here
                        _RESOURCES = _RESOURCES or load()
                        rows = extract.extract_batch([a], _RESOURCES)[0]
                fresh = rows.pop(extract.PARSED, None)  # absent from rows read from the cache
                if fresh is not None:
                    counter[0 if fresh else 1] += 1
                if i in computed and "error" not in rows:
                    cache.put(keys[i], rows)
                out.append(rows)
            if bar:
                bar.update(len(arts))
            yield arts, out

    # Workers (and the model) start only at the first article that needs parsing, so a fully
    # cached build loads nothing.
    window = 2 * max(1, jobs) + 2
    runner: dict[str, Any] = {}

    def submit(payload: list[dict]) -> Any:
        global _RESOURCES
        if not runner:
            if dask:
                from pipeline import distributed
                client = distributed.connect(dask, workers=jobs)
                runner["close"] = client.close
                runner["submit"], runner["result"] = distributed.shard_runner(client, model)
            elif jobs > 1:
                _RESOURCES = _RESOURCES or load()  # before the workers fork, so they share it
                pool = multiprocessing.get_context("fork").Pool(jobs)
                runner["close"] = pool.terminate  # after the last result: nothing is lost
                runner["submit"] = lambda p: pool.apply_async(_extract_batch, (p,))
                runner["result"] = lambda h: h.get()
            else:
                _RESOURCES = _RESOURCES or load()
                runner["submit"], runner["result"] = _extract_batch, (lambda r: r)
        return runner["submit"](payload)

    try:
        yield from finish(_in_order(submit, lambda h: runner["result"](h), work(),
                                    4 * window if dask else window if jobs > 1 else 1))
    finally:
        if "close" in runner:
            runner["close"]()
    if bar:
        bar.close()


def publish(tmp_dir: Path, out_dir: Path) -> None:
    """Swap a complete, validated package into `out_dir` (the old one removed only after)."""
    old = out_dir.with_name(f".{out_dir.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if out_dir.exists():
        os.replace(out_dir, old)
    os.replace(tmp_dir, out_dir)
    shutil.rmtree(old, ignore_errors=True)


def write_tables(store: ingest.ArticleStore, batches: Iterator[tuple[list[dict], list[dict]]],
                 tmp_dir: Path, bboxes: dict, partitioned: bool = False) -> dict[str, int]:
    """Write every table but ingest_log into `tmp_dir` as extraction batches arrive.

    Mention tables are appended batch by batch; events are spilled per batch and written in
    a second pass, once every cluster's source count is known; places and actors are merged
    as they come and written at the end; articles are copied from the ingest store in
    chunks. Raises ValidationFailed when extracted rows fail the data checks (offsets,
    triggers, dates, coordinates). Returns rows per table.
    """
    from pipeline import distributed
    spill = tmp_dir / ".events-spill"
    spill.mkdir(parents=True)
    places: dict[str, dict] = {}
    merger = actors.ActorMerger()
    problems: list[str] = []
    counts: dict[str, int] = {}
    writers = {t: package.TableWriter(t, tmp_dir) for t in ("place_mentions", "actor_mentions")}
    n_batches = 0
    try:
        for b, (arts, results) in enumerate(batches):
            n_batches = b + 1
            rows: dict[str, list[dict]] = {t: [] for t in extract.EXTRACTED_TABLES}
            for r in results:
                for t in extract.EXTRACTED_TABLES:
                    rows[t].extend(r[t])
            batch = {t: schemas.enforce(t, rows[t]) for t in ("place_mentions", "actor_mentions")}
            evs = [dict(e, event_cluster_id=cluster_id(e), source_count=1) for e in rows["events"]]
            batch["events"] = schemas.enforce("events", evs)
            if len(problems) < MAX_REPORTED_PROBLEMS:
                by_id = {a["article_id"]: (a["body_text"], a.get("published_date")) for a in arts}
                problems += validate.check_extracted(batch, by_id)
            for t, w in writers.items():
                w.write(batch[t])
                if partitioned:
                    distributed.write_part(batch[t], t, tmp_dir / "partitioned", b)
            pq.write_table(pa.Table.from_pandas(batch["events"], preserve_index=False),
                           spill / f"{b:06d}.parquet")
            for p in rows["places"]:
                places.setdefault(p["place_id"], p)
            for a in rows["actors"]:
                merger.add(a)
    finally:
        for t, w in writers.items():
            w.close()
            counts[t] = w.rows
    clusters = ClusterCounts(spill)
    try:
        with package.TableWriter("events", tmp_dir) as w:
            for b in range(n_batches):
                ev = pd.read_parquet(spill / f"{b:06d}.parquet")
                ev["source_count"] = pd.array(clusters.lookup(list(ev["event_cluster_id"])), dtype="Int64")
                w.write(ev)
                if partitioned:
                    distributed.write_part(ev, "events", tmp_dir / "partitioned", b)
    finally:
        clusters.close()
    counts["events"] = w.rows
    shutil.rmtree(spill)
    whole = {"places": schemas.enforce("places", list(places.values())),
             "actors": schemas.enforce("actors", actor_rows(merger))}
    problems += validate.check_places(whole["places"], bboxes)
    if problems:
        raise validate.ValidationFailed(
            "extracted rows fail the data checks:\n  " + "\n  ".join(problems[:MAX_REPORTED_PROBLEMS]))
    for t, df in whole.items():
        counts[t] = package.write_table(df, t, tmp_dir)
    chunks = (schemas.enforce("articles", rows) for rows in store.iter_articles(ARTICLE_CHUNK))
    counts["articles"] = write_chunks(chunks, "articles", tmp_dir, partitioned)
    return counts


def write_chunks(chunks: Iterator[pd.DataFrame], table: str, tmp_dir: Path, partitioned: bool) -> int:
    """Append enforced chunks of a table (and, for Dask runs, one partition file per chunk)."""
    from pipeline import distributed
    with package.TableWriter(table, tmp_dir) as w:
        for part, df in enumerate(chunks):
            w.write(df)
            if partitioned:
                distributed.write_part(df, table, tmp_dir / "partitioned", part)
    return w.rows


def build(raw_dir: Path, out_dir: Path, model: str = nlp.DEFAULT_MODEL,
          run_validation: bool = True, log: Callable[[str], None] | None = None,
          jobs: int = 1, cache_dir: Path | None = None,
          show_progress: bool = False, dask: str | None = None) -> dict[str, Any]:
    """Build the data package from `raw_dir` into `out_dir`; returns counts and timings.

    `cache_dir` keeps per-article extraction results between runs (None: no cache).
    """
    global _RESOURCES
    say = log or (lambda msg: print(msg, file=sys.stderr))
    if not raw_dir.is_dir():
        raise FileNotFoundError(f"input folder {raw_dir} does not exist")
    out_dir = out_dir.resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    for stale in out_dir.parent.glob(f".{out_dir.name}.partial-*"):
        shutil.rmtree(stale, ignore_errors=True)  # left by a killed build
    tmp_dir = out_dir.with_name(f".{out_dir.name}.partial-{os.getpid()}")
    scratch = out_dir.with_name(f".{out_dir.name}.partial-{os.getpid()}-ingest")
    timings: dict[str, float] = {}
    parsed = [0, 0]
    failures: dict[str, str] = {}
    store = None
    try:
        t0 = time.perf_counter()
        scratch.mkdir(parents=True)
        # Article bodies and log rows wait on disk, not in memory, until they are written.
        store = ingest.ingest_stream(raw_dir, scratch / "ingest.sqlite")
        timings["ingest"] = time.perf_counter() - t0
        say(f"ingest: {store.log_len()} inputs, {len(store)} articles accepted")

        from pipeline import gazetteer
        model_version = nlp.installed_model_version(model)
        gaz = gazetteer.load_gazetteer()
        provenance = {"model": model_version, "gazetteer": gazetteer.gazetteer_version(gaz),
                      "corpus_sha256": corpus_sha256(raw_dir)}
        todo_ids = store.article_ids(english_with_text=True)

        def collect(batches: Iterator[tuple[list[dict], list[dict]]]) -> Iterator[tuple[list[dict], list[dict]]]:
            """Pass batches on, noting failed articles (their result carries an `error`)."""
            for arts, results in batches:
                for a, r in zip(arts, results):
                    if "error" in r:
                        failures[a["article_id"]] = r["error"]
                yield arts, results

        t0 = time.perf_counter()
        _RESOURCES = None
        parses = ParseCache(cache_dir / "parses", parse_version(model_version)) if cache_dir else None
        batches = extraction_batches(todo_ids, store.articles,
                                     lambda: extract.load_resources(nlp.load_model(model), parses),
                                     # the gazetteer's sources (a user's GeoNames dump included)
                                     # change what extraction finds, so they key the cache too
                                     f"{model_version}|{gaz.meta.get('fingerprint', '')}",
                                     jobs=jobs, cache=Cache(cache_dir),
                                     show_progress=show_progress, dask=dask, model=model,
                                     counter=parsed)
        tmp_dir.mkdir(parents=True)
        counts = write_tables(store, collect(batches), tmp_dir,
                              validate.country_bboxes(gaz.path), partitioned=bool(dask))
        _RESOURCES = None
        if failures:
            say(f"extract: {len(failures)} articles failed and were kept without extraction "
                "(ingest_log reason extraction_failed)")
        # written last, so that failures noted during extraction reach it
        chunks = (schemas.enforce("ingest_log", note_failures(rows, failures))
                  for rows in store.iter_log(ARTICLE_CHUNK))
        counts["ingest_log"] = write_chunks(chunks, "ingest_log", tmp_dir, bool(dask))
        timings["extract"] = time.perf_counter() - t0
        say(f"extract: {parsed[0]} articles parsed, {parsed[1]} extracted again from their cached "
            f"parse, {len(store) - sum(parsed)} from the cache or not English")
        say("extract: " + ", ".join(f"{counts[t]} {t}" for t in extract.EXTRACTED_TABLES))
        store.close()
        shutil.rmtree(scratch, ignore_errors=True)

        t0 = time.perf_counter()
        descriptor = package.write_descriptor(tmp_dir, counts, provenance)
        timings["package"] = time.perf_counter() - t0
        if run_validation:
            t0 = time.perf_counter()
            validate.validate_package(descriptor, jobs=jobs)
            timings["validate"] = time.perf_counter() - t0
            say("validate: the package is valid (CSV and Parquet, foreign keys included)")
        publish(tmp_dir, out_dir)
    finally:
        _RESOURCES = None
        if store is not None:
            store.close()
        shutil.rmtree(tmp_dir, ignore_errors=True)
        shutil.rmtree(scratch, ignore_errors=True)
    say("timings: " + ", ".join(f"{k} {v:.1f}s" for k, v in timings.items()))
    return {"counts": {t: counts[t] for t in schemas.table_names()}, "timings": timings,
            "parsed": parsed[0], "reextracted": parsed[1]}
