"""Extraction on a Dask LocalCluster with 2 workers gives the same tables as one process."""
from pathlib import Path

import pandas as pd
import pytest

from pipeline import build, schemas

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("dask")
    mp = pytest.MonkeyPatch()
    mp.setattr(build, "BATCH_SIZE", 6)  # several shards from the small sample corpus
    try:
        build.build(ROOT / "data" / "raw", tmp / "single", log=lambda m: None, jobs=1)
        build.build(ROOT / "data" / "raw", tmp / "dask", log=lambda m: None, jobs=2, dask="local")
    finally:
        mp.undo()
    return tmp / "single", tmp / "dask"


def test_dask_tables_are_identical_to_a_single_process_build(two_builds):
    single, dask = two_builds
    for table in schemas.table_names():
        for ext in ("parquet", "csv"):
            assert (single / f"{table}.{ext}").read_bytes() == (dask / f"{table}.{ext}").read_bytes(), table


def test_dask_build_writes_partitioned_datasets(two_builds):
    _, dask = two_builds
    parts = sorted((dask / "partitioned" / "events").glob("part-*.parquet"))
    assert len(parts) >= 3
    whole = pd.read_parquet(dask / "events.parquet")
    joined = pd.concat([pd.read_parquet(p) for p in parts]).sort_values("event_id").reset_index(drop=True)
    assert len(joined) == len(whole)
    assert set(joined["event_id"]) == set(whole["event_id"])
