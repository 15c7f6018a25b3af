"""DuckDB connections for the few steps that must group or join whole tables out of core."""
from __future__ import annotations

from pathlib import Path
from typing import Any

MEMORY_LIMIT = "256MB"


def connect(scratch: Path, memory_limit: str = MEMORY_LIMIT) -> Any:
    """An in-memory DuckDB connection capped at `memory_limit` that spills into `scratch`.

    Why one place: the build's cluster counts and validation's key checks must each stay
    flat in memory however large the corpus, so both cap DuckDB and give it a private
    folder to spill to (never the published package).
    """
    import duckdb
    scratch.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect()
    con.execute(f"SET memory_limit = '{memory_limit}'")
    con.execute(f"SET temp_directory = '{scratch.as_posix()}'")
    return con
