"""Per-article caches: extraction results, and the spaCy parses they were extracted from.

An article's rows depend only on its body text and metadata (captured by the article row),
the NLP model, and the extraction code and lexicons. The extraction key hashes all of them,
so a re-run with no new articles does no NLP, adding an article processes only it, and
editing a lexicon or the code invalidates every entry it could affect.

The parse of a text depends only on the text, the model and `nlp.py`, not on any lexicon.
So parses are cached apart, keyed by those alone: after a lexicon edit every article is
extracted again, but from its stored parse, with no NLP (the costly step by far).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline import nlp

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


@lru_cache(maxsize=4)
def parse_version(model_version: str) -> str:
    """Hash of what decides a parse: the model, the sentence-splitting code in nlp.py and the
    lexicon's acronyms the tokenizer keeps whole."""
    h = hashlib.sha256(model_version.encode() + b"\0" + (PIPELINE_DIR / "nlp.py").read_bytes()
                       + b"\0" + "\n".join(nlp.kept_whole()).encode())
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


class ParseCache:
    """A folder of serialised spaCy docs (DocBin), one per body text, keyed by text and model.

    Written by whichever process parsed the text (workers included); every write is atomic,
    so concurrent builds or a killed one never leave a half-written parse.
    """

    def __init__(self, root: Path, version: str):
        self.root, self.version = root, version

    def _path(self, text: str) -> Path:
        key = hashlib.sha256(f"{self.version}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()
        return self.root / key[:2] / f"{key}.spacy"

    def get(self, text: str, vocab: Any) -> Any:
        """The stored parse of `text` (a Doc on `vocab`), or None if absent or unreadable."""
        from spacy.tokens import DocBin
        try:
            docs = list(DocBin().from_bytes(self._path(text).read_bytes()).get_docs(vocab))
        except (OSError, ValueError, KeyError):
            return None
        return docs[0] if len(docs) == 1 and docs[0].text == text else None

    def put(self, text: str, doc: Any) -> None:
        from spacy.tokens import DocBin
        path = self._path(text)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(DocBin(docs=[doc], store_user_data=False).to_bytes())
        os.replace(tmp, path)
