"""The on-disk (SQLite) store of one ingest run: accepted articles and the ingest log.

A corpus of 100,000+ articles does not fit comfortably in memory as Python dicts, and the
build only ever needs a batch of articles at a time. Ingest therefore writes rows here as it
goes (`StoreWriter`) and hands back an `ArticleStore` that reads them in order, by id or in
chunks. The file holds two tables whose row order is the output order: `articles` sorted by
article_id and `ingest_log` sorted like the in-memory log always was.

Values come back with the Python types ingest produced (`published_date` a `datetime.date`,
counts as int). Strings that are not valid UTF-8 (lone surrogates from JSON escapes or from
undecodable file names) are kept as BLOBs of their 'surrogatepass' bytes, so every value
round-trips exactly and sorts in code-point order, as Python sorts strings.
"""
from __future__ import annotations

import datetime
import os
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from pipeline import schemas

# Column order of the two tables, from the one source of truth (pipeline/schemas/tables.yaml).
ARTICLE_FIELDS = tuple(schemas.tables()["articles"]["fields"])
LOG_FIELDS = tuple(schemas.tables()["ingest_log"]["fields"])
SCHEMA_VERSION = "1"
COMMIT_EVERY = 2000  # rows per write transaction: fast, and a bounded journal
_IN_CHUNK = 500  # ids per `IN (...)` query, well under SQLite's parameter limit

_ARTICLE_COLS = ", ".join(ARTICLE_FIELDS)
_LOG_COLS = ", ".join(LOG_FIELDS)


def encode_text(value: Any) -> Any:
    """A value as SQLite can bind it: str that is not valid UTF-8 becomes surrogatepass bytes."""
    if isinstance(value, str) and not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return value.encode("utf-8", "surrogatepass")
    return value


def decode_text(value: Any) -> Any:
    """The inverse of `encode_text` (no stored field is ever bytes of its own)."""
    return value.decode("utf-8", "surrogatepass") if isinstance(value, bytes) else value


def sort_key(text: str) -> bytes:
    """Bytes that sort in SQLite (memcmp) exactly as `text` sorts in Python (code points)."""
    return text.encode("utf-8", "surrogatepass")


def _article(row: Sequence[Any]) -> dict:
    a = {k: decode_text(v) for k, v in zip(ARTICLE_FIELDS, row)}
    if a["published_date"] is not None:
        a["published_date"] = datetime.date.fromisoformat(a["published_date"])
    return a


def _log(row: Sequence[Any]) -> dict:
    return {k: decode_text(v) for k, v in zip(LOG_FIELDS, row)}


def _remove_db(path: Path, keep_main: bool = False) -> None:
    """Delete an SQLite file and its side files (a stale hot journal left beside a new file
    would be "recovered" into it, so side files go even when the file itself is kept)."""
    for p in (() if keep_main else (path,)) + (Path(f"{path}-journal"), Path(f"{path}-wal"),
                                                Path(f"{path}-shm")):
        try:
            p.unlink()
        except FileNotFoundError:
            pass


class ArticleStore:
    """Articles and ingest log of one ingest run, kept on disk (SQLite) so memory does not
    grow with the corpus.

    Read-only. The connection is opened lazily and per process, so a store created before
    `fork` (or pickled to a worker) can be read from the workers: each opens its own.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._con: sqlite3.Connection | None = None
        self._pid: int | None = None
        self._inherited: list[sqlite3.Connection] = []

    @classmethod
    def open(cls, path: Path) -> ArticleStore:
        """Reopen a store file written by `ingest_stream` (raises if it is not one)."""
        store = cls(path)
        if not store.path.is_file():
            raise FileNotFoundError(f"no article store at {store.path}")
        try:
            (version,) = store._db().execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        except (sqlite3.DatabaseError, TypeError) as exc:
            store.close()
            raise ValueError(f"{store.path} is not an article store") from exc
        if version != SCHEMA_VERSION:
            store.close()
            raise ValueError(f"{store.path}: article store version {version}, expected {SCHEMA_VERSION}")
        return store

    def _db(self) -> sqlite3.Connection:
        pid = os.getpid()
        if self._con is not None and self._pid != pid:
            # Opened in the parent before a fork: never use it here, and never close it here
            # either (that could disturb the parent's handle); keep it referenced.
            self._inherited.append(self._con)
            self._con = None
        if self._con is None:
            uri = self.path.resolve().as_uri() + "?mode=ro"
            self._con = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self._con.execute("PRAGMA query_only = 1")
            self._pid = pid
        return self._con

    def __len__(self) -> int:
        return int(self._meta("articles"))

    def log_len(self) -> int:
        """Number of ingest_log rows."""
        return int(self._meta("log"))

    def _meta(self, key: str) -> str:
        (value,) = self._db().execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return value

    def article_ids(self, english_with_text: bool = False) -> list[str]:
        """Article ids in article_id order; with `english_with_text`, only the articles the
        extractors run on (language_code "en" and a non-empty body_text)."""
        if english_with_text:
            sql = ("SELECT article_id FROM articles INDEXED BY articles_en "
                   "WHERE english_with_text = 1 ORDER BY article_id, rowid")
        else:
            sql = "SELECT article_id FROM articles INDEXED BY articles_id ORDER BY article_id, rowid"
        return [decode_text(aid) for (aid,) in self._db().execute(sql)]

    def articles(self, ids: Sequence[str]) -> list[dict]:
        """Full `articles` rows for `ids`, in the order of `ids` (KeyError for an unknown id)."""
        found: dict[str, dict] = {}
        wanted = list(dict.fromkeys(ids))
        con = self._db()
        for start in range(0, len(wanted), _IN_CHUNK):
            part = wanted[start:start + _IN_CHUNK]
            marks = ",".join("?" * len(part))
            rows = con.execute(f"SELECT {_ARTICLE_COLS} FROM articles WHERE article_id IN ({marks}) "
                               "ORDER BY rowid", [encode_text(i) for i in part])
            for row in rows:
                a = _article(row)
                found.setdefault(a["article_id"], a)
        missing = [i for i in wanted if i not in found]
        if missing:
            raise KeyError(f"not in the article store: {missing[:5]}")
        # A fresh dict per position: callers may change rows, and ids may repeat.
        return [dict(found[i]) for i in ids]

    def iter_articles(self, chunk: int = 1000) -> Iterator[list[dict]]:
        """Every article row in article_id order, in lists of at most `chunk`."""
        yield from self._chunks("articles", _ARTICLE_COLS, _article, chunk)

    def iter_log(self, chunk: int = 10000) -> Iterator[list[dict]]:
        """Every ingest_log row in log order (by source file, JSONL/Parquet rows in order)."""
        yield from self._chunks("ingest_log", _LOG_COLS, _log, chunk)

    def _chunks(self, table: str, cols: str, make: Any, chunk: int) -> Iterator[list[dict]]:
        # Keyset paging by rowid: no statement stays open between chunks, so the caller
        # may do anything (fork, use other stores) while iterating.
        last = 0
        while True:
            rows = self._db().execute(f"SELECT rowid, {cols} FROM {table} WHERE rowid > ? "
                                      "ORDER BY rowid LIMIT ?", (last, max(1, chunk))).fetchall()
            if not rows:
                return
            last = rows[-1][0]
            yield [make(r[1:]) for r in rows]

    def close(self) -> None:
        """Close this process's connection (safe to call more than once)."""
        if self._con is not None and self._pid == os.getpid():
            self._con.close()
        self._con = None

    def __enter__(self) -> ArticleStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __getstate__(self) -> dict:
        return {"path": str(self.path)}

    def __setstate__(self, state: dict) -> None:
        self.__init__(Path(state["path"]))

    def __repr__(self) -> str:
        return f"ArticleStore({str(self.path)!r})"


class StoreWriter:
    """Writes one ingest run: unsorted staging tables in a work file beside the store, then
    the sorted final tables in one pass, then an atomic rename onto `path`.

    Journaling and syncing are off: the files are scratch until `finish` renames the result,
    and a failed run deletes them. The work file is ATTACHed as `work`, so callers keep
    their own staging tables there (`con`) in the same transactions.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._tmp = self.path.with_name(self.path.name + ".partial")
        self._work = self.path.with_name(self.path.name + ".work")
        _remove_db(self._tmp)
        _remove_db(self._work)
        self.con = sqlite3.connect(self._tmp, isolation_level=None)
        try:
            self._create()
        except BaseException:
            self.abort()
            raise
        self._writes = 0
        self._log_seq = 0
        self._art_seq = 0

    def _create(self) -> None:
        con = self.con
        con.execute("ATTACH DATABASE ? AS work", (str(self._work),))
        for db in ("main", "work"):
            con.execute(f"PRAGMA {db}.journal_mode = OFF")
            con.execute(f"PRAGMA {db}.synchronous = OFF")
        con.execute("PRAGMA temp_store = FILE")  # big sorts spill to disk, not to memory
        fields = ", ".join(f for f in ARTICLE_FIELDS if f not in ("article_id", "body_text"))
        con.execute(f"CREATE TABLE work.art (seq INTEGER PRIMARY KEY, article_id TEXT, "
                    f"english_with_text INTEGER, {fields}, body_text)")
        con.execute(f"CREATE TABLE work.log (k1 BLOB, k2 INTEGER, phase INTEGER, seq INTEGER, "
                    f"file_no INTEGER, {_LOG_COLS})")
        con.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        con.execute(f"CREATE TABLE articles (article_id TEXT, english_with_text INTEGER, "
                    f"{fields}, body_text)")
        con.execute(f"CREATE TABLE ingest_log ({_LOG_COLS})")
        con.execute("BEGIN")

    def tick(self, n: int = 1) -> None:
        """Count `n` written rows; commit every COMMIT_EVERY (callers' staging rows count too)."""
        self._writes += n
        if self._writes >= COMMIT_EVERY:
            self.con.execute("COMMIT")
            self.con.execute("BEGIN")
            self._writes = 0

    def add_log(self, row: dict, key: tuple[str, int], phase: int, file_no: int = -1) -> None:
        """Stage a log row; rows come out sorted by (key, phase, order of adding)."""
        self._log_seq += 1
        self.con.execute(
            f"INSERT INTO work.log VALUES (?, ?, ?, ?, ?, {', '.join('?' * len(LOG_FIELDS))})",
            (sort_key(key[0]), key[1], phase, self._log_seq, file_no,
             *(encode_text(row[f]) for f in LOG_FIELDS)))
        self.tick()

    def add_article(self, article: dict) -> None:
        """Stage an accepted article; equal ids (never seen in practice) keep adding order."""
        self._art_seq += 1
        english = int(article["language_code"] == "en" and bool(article["body_text"]))
        values = {**article, "published_date": (article["published_date"].isoformat()
                                                if article["published_date"] is not None else None)}
        cols = [f for f in ARTICLE_FIELDS if f not in ("article_id", "body_text")]
        self.con.execute(
            f"INSERT INTO work.art VALUES (?, ?, ?, {', '.join('?' * len(cols))}, ?)",
            (self._art_seq, values["article_id"], english, *(encode_text(values[f]) for f in cols),
             encode_text(values["body_text"])))
        self.tick()

    def discard_file(self, file_no: int) -> None:
        """Drop the staged log rows of one input file (it failed part-way; rare)."""
        self.con.execute("DELETE FROM work.log WHERE file_no = ?", (file_no,))

    def finish(self) -> ArticleStore:
        """Write the sorted final tables and indexes, move the file into place, open it."""
        con = self.con
        fields = ", ".join(f for f in ARTICLE_FIELDS if f not in ("article_id", "body_text"))
        con.execute(f"INSERT INTO articles (article_id, english_with_text, {fields}, body_text) "
                    f"SELECT article_id, english_with_text, {fields}, body_text FROM work.art "
                    "ORDER BY article_id, seq")
        con.execute(f"INSERT INTO ingest_log ({_LOG_COLS}) SELECT {_LOG_COLS} FROM work.log "
                    "ORDER BY k1, k2, phase, seq")
        con.execute("CREATE INDEX articles_id ON articles (article_id)")
        con.execute("CREATE INDEX articles_en ON articles (english_with_text, article_id)")
        (n_articles,) = con.execute("SELECT count(*) FROM articles").fetchone()
        (n_log,) = con.execute("SELECT count(*) FROM ingest_log").fetchone()
        con.executemany("INSERT INTO meta VALUES (?, ?)",
                        [("schema", SCHEMA_VERSION), ("articles", str(n_articles)), ("log", str(n_log))])
        con.execute("COMMIT")
        con.execute("DETACH DATABASE work")
        con.close()
        _remove_db(self._work)
        _remove_db(self.path, keep_main=True)
        os.replace(self._tmp, self.path)  # atomic: a reader sees the old store or the new one
        return ArticleStore.open(self.path)

    def abort(self) -> None:
        """Close and delete everything written (after a failure)."""
        try:
            self.con.close()
        finally:
            _remove_db(self._tmp)
            _remove_db(self._work)
