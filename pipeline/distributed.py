"""Running the per-article extraction step on a Dask cluster.

The client ingests (deduplication needs the whole corpus, and is cheap), splits the accepted
articles into shards, and maps the same `extract.extract_article` step over them on the
workers; each worker process loads the model, gazetteer and lexicons once and keeps them.
Rows come back in shard order, so the assembled tables are identical to a single-process
build of the same input. The extracted tables are also written as partitioned Parquet
datasets (one part per shard) for users who process them with Dask or Spark.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

_WORKER_RESOURCES: dict[str, object] = {}


def _extract_shard(batch: list[dict], model: str) -> list[dict[str, list[dict]]]:
    """Runs on a worker: parse and extract one shard of articles."""
    from pipeline import extract, nlp
    res = _WORKER_RESOURCES.get(model)
    if res is None:
        res = extract.load_resources(nlp.load_model(model))
        _WORKER_RESOURCES[model] = res
    return extract.extract_batch(batch, res)


def connect(address: str, workers: int = 2):
    """A Dask client: `local` starts a LocalCluster of `workers` single-threaded processes."""
    from dask.distributed import Client, LocalCluster
    if address == "local":
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        return Client(cluster)
    return Client(address)


def map_shards(client, shards: list[list[dict]], model: str) -> Callable[[], list]:
    """Submit every shard; returns a function that gathers the results in shard order."""
    futures = client.map(_extract_shard, shards, model=model, pure=False)
    return lambda: client.gather(futures)


def write_partitioned(tables: dict, out_dir: Path, part_of_article: dict[str, int]) -> None:
    """Write each article-keyed table as `out_dir/<table>/part-NNNNN.parquet`, one per shard."""
    from pipeline import schemas
    for table, df in tables.items():
        if "article_id" not in df.columns:
            continue
        folder = out_dir / table
        folder.mkdir(parents=True, exist_ok=True)
        parts = df["article_id"].map(part_of_article).fillna(-1).astype(int)
        for part in sorted(set(parts)):
            chunk = df[parts == part]
            arrow = pa.Table.from_pandas(chunk, schema=schemas.arrow_schema(table), preserve_index=False)
            pq.write_table(arrow, folder / f"part-{max(part, 0):05d}.parquet", compression="zstd")
