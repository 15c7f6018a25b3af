"""Reading a built data package for the site generators.

Every page generator takes the `Package` this returns rather than reading files itself, so the
package is read once per build and the generators stay pure functions of (schema, data).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline import schemas


@dataclass(frozen=True)
class Package:
    """A built package: its folder, its descriptor and one DataFrame per schema table."""

    path: Path
    descriptor: dict[str, Any]
    frames: dict[str, pd.DataFrame]

    @property
    def version(self) -> str:
        return str(self.descriptor.get("version") or "unversioned")

    def frame(self, table: str) -> pd.DataFrame:
        """The rows of `table`, or an empty frame with its schema columns if it was not built."""
        if table in self.frames:
            return self.frames[table]
        return pd.DataFrame({n: [] for n in schemas.tables()[table]["fields"]})


def load_package(package_dir: Path) -> Package:
    """Read `package_dir/datapackage.json` and every schema table it has (Parquet preferred).

    A table missing from the folder is simply absent from `frames`, so the site can still be
    built while the pipeline is incomplete; the pages then show it as empty.
    """
    package_dir = Path(package_dir)
    descriptor = json.loads((package_dir / "datapackage.json").read_text(encoding="utf-8"))
    frames: dict[str, pd.DataFrame] = {}
    for table in schemas.table_names():
        parquet = package_dir / f"{table}.parquet"
        csv = package_dir / f"{table}.csv"
        if parquet.exists():
            frames[table] = pd.read_parquet(parquet)
        elif csv.exists():
            frames[table] = pd.read_csv(csv, dtype=str, keep_default_na=False,
                                        na_values=[""])
    return Package(package_dir, descriptor, frames)


def package_files(package_dir: Path, descriptor: dict[str, Any]) -> list[str]:
    """Relative paths of the files the descriptor's resources point to, in descriptor order.

    Used to decide what is offered for download and what goes into the zip, so nothing that
    is not part of the published package leaks into either.
    """
    seen: list[str] = []
    for res in descriptor.get("resources", []):
        paths = res.get("path")
        for p in paths if isinstance(paths, list) else [paths]:
            if isinstance(p, str) and p not in seen and _is_local(p) \
                    and (package_dir / p).is_file():
                seen.append(p)
    return seen


def _is_local(path: str) -> bool:
    """True for a plain relative path inside the package (no URL, no absolute path, no ..)."""
    return "://" not in path and not path.startswith("/") and ".." not in Path(path).parts
