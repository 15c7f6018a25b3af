"""Running the per-article extraction step on a Dask cluster.

The client ingests (deduplication needs the whole corpus, and is cheap) into an on-disk
store, reads the accepted articles back in shards, and submits the same
`extract.extract_batch` step for a bounded number of shards at a time; each worker process
loads the model, gazetteer and lexicons once and keeps them. Rows come back in shard order,
so the assembled tables are identical to a single-process build of the same input. The
tables are also written as partitioned Parquet datasets for users who process them with
Dask or Spark: one part per shard for the extracted tables, one per 1,000 rows for
articles and ingest_log.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

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


def shard_runner(client, model: str) -> tuple[Callable[[list[dict]], Any], Callable[[Any], list[dict]]]:
    """(submit, result) for shards on the cluster: submit(shard) returns a future, result(future)
    waits for the shard's rows and releases it, so the client keeps no finished shard."""
    def submit(shard: list[dict]) -> Any:
        return client.submit(_extract_shard, shard, model=model, pure=False)

    def result(future: Any) -> list[dict]:
        rows = future.result()
        future.release()
        return rows
    return submit, result


def write_part(df, table: str, out_dir: Path, part: int) -> None:
    """Write one batch of a table as `out_dir/<table>/part-NNNNN.parquet` (nothing if empty)."""
    from pipeline import schemas
    if not len(df):
        return
    folder = out_dir / table
    folder.mkdir(parents=True, exist_ok=True)
    arrow = pa.Table.from_pandas(df, schema=schemas.arrow_schema(table), preserve_index=False)
    pq.write_table(arrow, folder / f"part-{part:05d}.parquet", compression="zstd")
