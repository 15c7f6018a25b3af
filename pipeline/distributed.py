"""Running the per-article extraction step on a Dask cluster.

The client ingests (deduplication needs the whole corpus, and is cheap), splits the accepted
articles into shards, and maps the same `extract.extract_article` step over them on the
workers; each worker process loads the model, gazetteer and lexicons once and keeps them.
Rows come back in shard order, so the assembled tables are identical to a single-process
build of the same input. The extracted tables are also written as partitioned Parquet
datasets (one part per shard) for users who process them with Dask or Spark.
"""
from __future__ import annotations

from collections.abc import Iterator
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


def map_shards(client, shards: list[list[dict]], model: str) -> Iterator[list[dict]]:
    """Submit every shard at once; yields each shard's results in shard order as they finish."""
    futures = client.map(_extract_shard, shards, model=model, pure=False)
    for future in futures:
        yield future.result()
        future.release()  # the client keeps no finished shard in memory


def write_part(df, table: str, out_dir: Path, part: int) -> None:
    """Write one batch of a table as `out_dir/<table>/part-NNNNN.parquet` (nothing if empty)."""
    from pipeline import schemas
    if not len(df):
        return
    folder = out_dir / table
    folder.mkdir(parents=True, exist_ok=True)
    arrow = pa.Table.from_pandas(df, schema=schemas.arrow_schema(table), preserve_index=False)
    pq.write_table(arrow, folder / f"part-{part:05d}.parquet", compression="zstd")


def write_partitioned(df, table: str, out_dir: Path, part_of_article: dict[str, int]) -> None:
    """Write a whole article-keyed table split by the extraction batch of each article."""
    parts = df["article_id"].map(part_of_article).fillna(0).astype(int)
    for part in sorted(set(parts)):
        write_part(df[parts == part], table, out_dir, part)
