"""Per-article extraction cache, keyed by the article's content and the extractor's version.

An article's rows depend only on its body text and metadata (captured by the article row),
the NLP model, and the extraction code and lexicons. The key hashes all of them, so a re-run
with no new articles does no NLP, adding an article processes only it, and editing a lexicon
or the code invalidates every entry it could affect.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

PIPELINE_DIR = Path(__file__).resolve().parent
# Modules whose code decides extraction output; site, CLI and evaluation code do not.
EXTRACTION_MODULES = ("nlp.py", "extract.py", "places.py", "gazetteer.py", "actors.py",
                      "events.py", "dates.py")


@lru_cache(maxsize=4)
def extractor_version(model_version: str) -> str:
    """Hash of the extraction code, every data file under pipeline/data, and the model."""
    h = hashlib.sha256(model_version.encode())
    paths = [PIPELINE_DIR / m for m in EXTRACTION_MODULES]
    paths += sorted(p for p in (PIPELINE_DIR / "data").rglob("*") if p.is_file())
    for p in paths:
        if p.exists():
            h.update(p.relative_to(PIPELINE_DIR).as_posix().encode() + b"\0" + p.read_bytes())
    return h.hexdigest()[:16]


def article_key(article: dict, version: str) -> str:
    payload = json.dumps({k: article[k] for k in sorted(article)}, default=str, sort_keys=True)
    return hashlib.sha256(f"{version}\0{payload}".encode()).hexdigest()


def _json_default(v: Any) -> Any:
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    raise TypeError(f"cannot cache {type(v).__name__}")


class Cache:
    """A folder of JSON files, one per article key, sharded by the key's first two digits."""

    def __init__(self, root: Path | None):
        self.root = root

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def has(self, key: str) -> bool:
        return self.root is not None and self._path(key).is_file()

    def get(self, key: str) -> dict[str, list[dict]] | None:
        if self.root is None:
            return None
        try:
            return json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None  # absent or damaged entries are recomputed

    def put(self, key: str, rows: dict[str, list[dict]]) -> None:
        if self.root is None:
            return
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(rows, default=_json_default, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)  # a killed build never leaves a half-written entry
